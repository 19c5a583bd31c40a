"""Reading one import file, CSV or XLSX, into plain text cells with spreadsheet row numbers.

Everything is turned into stripped strings here so the field parsers see one shape of
input whatever the file type: Excel hands us ints, floats like 12345678.0 and datetimes,
a CSV export hands us text. Row numbers are what a person sees in Excel (header = row 1),
so a report line can be found in the file that was sent.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why in words a region understands."""


@dataclass
class RawTable:
    name: str  # file name as sent, e.g. "contracts.xlsx"
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_table(path: Path) -> RawTable:
    """Read `path` (.csv or .xlsx); blank rows, as Excel often leaves at the end, are skipped."""
    grid = _xlsx_grid(path) if path.suffix.lower() == ".xlsx" else _csv_grid(path)
    if not grid:
        raise UnreadableFile("the file is empty: expected a header row")
    headers = [_normalise_header(cell) for cell in grid[0]]
    while headers and not headers[-1]:
        headers.pop()  # empty columns Excel exports; a value below one is reported as extra
    table = RawTable(path.name, headers)
    for number, cells in enumerate(grid[1:], start=2):
        if not any(cells):
            continue
        if len(cells) > len(headers) and any(cells[len(headers) :]):
            raise UnreadableFile(
                f"row {number} has {len(cells)} cells but the header has {len(headers)} "
                "columns (check the separator and quotes)"
            )
        values = cells + [""] * (len(headers) - len(cells))
        table.rows.append((number, dict(zip(headers, values, strict=False))))
    return table


def _normalise_header(cell: str) -> str:
    """Headers "Valid From", "valid-from" and "VALID_FROM " all mean valid_from."""
    return "_".join(cell.strip().lower().replace("-", " ").split())


def _csv_grid(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            f"not UTF-8 (byte 0x{raw[error.start]:02x} on line {line}); "
            "in Excel choose 'CSV UTF-8' when saving"
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        raise UnreadableFile(f"malformed CSV: {error}") from None


def _xlsx_grid(path: Path) -> list[list[str]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise UnreadableFile(f"not a readable XLSX workbook ({error})") from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(cell) for cell in row] for row in sheet.iter_rows()]
    finally:
        workbook.close()


def _cell_text(cell: object) -> str:
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
