"""Reading the first sheet of an XLSX workbook as the text a person sees in each cell.

A formula cell holds the formula and, once Excel has calculated it, the saved result.
Workbooks written by scripts and some exporting tools have formulas without a saved
result, and read for values alone (openpyxl's data_only) such a cell looks empty: the
value would be lost silently, or reported as "is empty" when the sheet clearly shows one.
openpyxl gives either the formulas or the saved results of a sheet, never both, so the
sheet is read for formulas first and, only when it has any, a second time for the results.
Both passes stream (read_only): a workbook without formulas, the usual case, costs one.

Only the first sheet is a table of the import. Other sheets are often notes or lookup lists,
but they may also be a table a region meant to send, so those holding anything are named
(`other_sheets`) for the report to say they were not read.
"""

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

Position = tuple[int, int]  # (spreadsheet row, 0-based column)
LOOKED_AT = 100  # rows of another sheet checked for content
# Limits against a workbook that claims far more than it holds: read-only openpyxl pads
# every row to the sheet's declared size, so 5 kB declaring A1:XFD1048576 would be 17
# billion cells. The widest import table has 12 columns; the national dataset's largest
# about 130,000 rows.
MAX_COLUMNS = 64
MAX_ROWS = 1_000_000
MAX_SHEET_XML = 512 * 1024**2  # bytes of sheet XML unpacked


class DamagedWorkbook(Exception):
    """openpyxl cannot open the file; the message says why."""


@dataclass
class Sheet:
    grid: list[list[str]] = field(default_factory=list)  # the first sheet's rows as text
    formulas: dict[Position, str] = field(default_factory=dict)  # without a saved result
    other_sheets: list[str] = field(default_factory=list)  # names of others with content


def read_workbook(data: bytes) -> Sheet:
    """The first sheet of the workbook in `data`."""
    sheet = Sheet()
    with _opened(data, data_only=False) as workbook:
        first, *others = workbook.worksheets
        for number, row in enumerate(_rows(first), start=1):
            for index, cell in enumerate(row):
                if cell.data_type == "f":
                    # an array formula is an object holding its text; others are "=…" already
                    sheet.formulas[number, index] = str(getattr(cell.value, "text", cell.value))
            sheet.grid.append(["" if cell.data_type == "f" else cell_text(cell) for cell in row])
        sheet.other_sheets = [other.title for other in others if _has_content(other)]
    if sheet.formulas:
        with _opened(data, data_only=True) as workbook:
            for number, row in enumerate(_rows(workbook.worksheets[0]), start=1):
                for index, cell in enumerate(row):
                    if (number, index) in sheet.formulas and _has_saved_result(cell):
                        sheet.grid[number - 1][index] = cell_text(cell)
                        del sheet.formulas[number, index]
    return sheet


def _rows(worksheet: object) -> Iterator[tuple]:
    """The sheet's rows as stored, not padded to the size it declares, cut at MAX_COLUMNS;
    more than MAX_ROWS rows is refused."""
    worksheet.reset_dimensions()
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS:
            raise DamagedWorkbook(f"more than {MAX_ROWS:,} rows in the first sheet")
        yield row[:MAX_COLUMNS]


@contextmanager
def _opened(data: bytes, *, data_only: bool) -> Iterator[Workbook]:
    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise DamagedWorkbook(f"not a readable XLSX workbook ({error})") from None
    try:
        if not workbook.worksheets:
            raise DamagedWorkbook("not a readable XLSX workbook (it has no sheet with cells)")
        yield workbook
    finally:
        workbook.close()


def _check_unpacked_size(data: bytes) -> None:
    """Refuse before openpyxl unpacks: an XLSX file is a zip, and its sheets may unpack to
    far more than the upload's size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
    except zipfile.BadZipFile:
        return  # openpyxl says what is wrong with it
    if sum(info.file_size for info in sheets) > MAX_SHEET_XML:
        raise DamagedWorkbook(
            f"its sheets unpack to more than {MAX_SHEET_XML // 1024**2} MB; "
            "send the table as CSV or in parts"
        )


def _has_content(worksheet: object) -> bool:
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows(max_row=LOOKED_AT, values_only=True)
    return any(value not in (None, "") for row in rows for value in row)


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
