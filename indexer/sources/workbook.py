"""Reading the first sheet of an XLSX workbook as the text a person sees in each cell.

A formula cell holds the formula and, once Excel has calculated it, the saved result.
Workbooks written by scripts and some exporting tools have formulas without a saved
result, and read for values alone (openpyxl's data_only) such a cell looks empty: the
value would be lost silently, or reported as "is empty" when the sheet clearly shows one.
openpyxl gives either the formulas or the saved results of a sheet, never both, so the
sheet is read for formulas first and, only when it has any, a second time for the results.
Both passes stream (read_only): a workbook without formulas, the usual case, costs one.
"""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

Position = tuple[int, int]  # (spreadsheet row, 0-based column)


class DamagedWorkbook(Exception):
    """openpyxl cannot open the file; the message says why."""


def read_workbook(path: Path) -> tuple[list[list[str]], dict[Position, str]]:
    """The rows of the first sheet as text, and the formulas that have no saved result."""
    grid: list[list[str]] = []
    formulas: dict[Position, str] = {}
    for number, row in enumerate(_rows(path, data_only=False), start=1):
        for index, cell in enumerate(row):
            if cell.data_type == "f":
                # an array formula is an object holding its text; others are "=…" already
                formulas[number, index] = str(getattr(cell.value, "text", cell.value))
        grid.append(["" if cell.data_type == "f" else cell_text(cell) for cell in row])
    if formulas:
        for number, row in enumerate(_rows(path, data_only=True), start=1):
            for index, cell in enumerate(row):
                if (number, index) in formulas and _has_saved_result(cell):
                    grid[number - 1][index] = cell_text(cell)
                    del formulas[number, index]
    return grid, formulas


def _rows(path: Path, *, data_only: bool) -> Iterator[tuple]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise DamagedWorkbook(f"not a readable XLSX workbook ({error})") from None
    try:
        yield from workbook.worksheets[0].iter_rows()
    finally:
        workbook.close()


def _has_saved_result(cell: object) -> bool:
    """Excel saves a formula that results in empty text as type "str" with an empty value;
    openpyxl reads that as None, like a formula never calculated (which has no type)."""
    return cell.value is not None or cell.data_type == "str"


def cell_text(cell: object) -> str:
    """Excel cell → the text a person would have typed (a 78.5% cell holds 0.785)."""
    value = getattr(cell, "value", None)
    if type(value) in (int, float) and "%" in (getattr(cell, "number_format", "") or ""):
        return f"{round(value * 100, 6):g}%"
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
