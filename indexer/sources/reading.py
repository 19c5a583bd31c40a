"""Reading one import file, CSV or XLSX, into plain text cells with spreadsheet row numbers.

Everything is turned into stripped strings here so the field parsers see one shape of
input whatever the file type: Excel hands us ints, floats like 12345678.0 and datetimes,
a CSV export hands us text. Row numbers are what a person sees in Excel (header = row 1),
so a report line can be found in the file that was sent.

A CSV row must line up with the header. A file cut off by a failed upload or a full disk
ends in the middle of a row, and read leniently that row would load with its last cells
empty: a description cut short, languages and ages gone, and nobody told. So a row with
fewer cells than the header, more filled cells, or a quote that is never closed makes the
file unreadable, with every such row named. Excel writes every row in full (trailing empty
columns as empty cells, which are fine); openpyxl leaves trailing empty cells out of XLSX
rows, so those are padded.

What a file is, is told by its bytes, not its name: a workbook saved as `.csv` is read as a
workbook and CSV text named `.xlsx` as text, with a notice. Text that is not UTF-8 is read as
Windows-1252 (Excel's 'CSV' on Windows), with a notice; see encoding.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from indexer.sources.encoding import NotText, decode
from indexer.sources.workbook import DamagedWorkbook, Position, read_workbook

WORKBOOK_MAGIC = b"PK\x03\x04"  # an XLSX workbook is a zip archive
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an old .xls, or an XLSX workbook with a password


class UnreadableFile(Exception):
    """The file cannot be read as a table.

    `faults` are (spreadsheet row, what is wrong) in words a region understands; row 0 is
    the file as a whole. Every misaligned row is listed, so one round trip fixes them all.
    """

    def __init__(self, *faults: tuple[int, str]) -> None:
        super().__init__("; ".join(f"row {row}: {text}" if row else text for row, text in faults))
        self.faults = faults


@dataclass
class RawTable:
    name: str  # file name as sent, e.g. "contracts.xlsx"
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    # XLSX formulas without a saved value: row number → {column: formula text}. Their
    # cells read as empty; the parser reports them instead of taking them for empty.
    formulas: dict[int, dict[str, str]] = field(default_factory=dict)
    # How the file was read where a person should check it (its encoding, unread sheets).
    notices: list[str] = field(default_factory=list)


@dataclass
class _Grid:
    """A file's cells before they are checked against its header."""

    cells: list[list[str]]
    workbook: bool
    formulas: dict[Position, str] = field(default_factory=dict)
    faults: list[tuple[int, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def read_table(path: Path) -> RawTable:
    """Read the file at `path`; see read_data."""
    return read_data(path.name, path.read_bytes())


def read_data(name: str, data: bytes) -> RawTable:
    """Read a file's bytes, a workbook or CSV text; blank rows, as Excel often leaves at the
    end, are skipped. `name` is the file name as sent, for the report."""
    if data.startswith(OLE_MAGIC):
        raise UnreadableFile(
            (
                0,
                "is an old Excel file (.xls) or a workbook with a password: save it as an "
                "Excel workbook (.xlsx) without a password, or as 'CSV UTF-8'",
            )
        )
    grid = _workbook_grid(data) if data.startswith(WORKBOOK_MAGIC) else _csv_grid(data)
    if grid.workbook != name.lower().endswith(".xlsx"):
        kind = "an Excel workbook" if grid.workbook else "CSV text"
        grid.notices.insert(0, f"is {kind}, though its name says otherwise: read as {kind}")
    return _table(name, grid)


def _table(name: str, grid: _Grid) -> RawTable:
    if not grid.cells:
        raise UnreadableFile(*(grid.faults or [(0, "the file is empty: expected a header row")]))
    _refuse_title_row(grid.cells)
    headers = [_normalise_header(cell) for cell in grid.cells[0]]
    while headers and not headers[-1]:
        headers.pop()  # empty columns Excel exports; a value below one is reported as extra
    table = RawTable(name, headers, notices=grid.notices)
    for (number, index), formula in grid.formulas.items():
        if index < len(headers) and headers[index]:
            table.formulas.setdefault(number, {})[headers[index]] = formula
    faults = grid.faults
    for number, cells in enumerate(grid.cells[1:], start=2):
        if not any(cells) and number not in table.formulas:
            continue
        fault = _alignment_fault(cells, headers, short_is_padding=grid.workbook)
        if fault:
            faults.append((number, fault))
            continue
        values = cells + [""] * (len(headers) - len(cells))
        table.rows.append((number, dict(zip(headers, values, strict=False))))
    if faults:
        raise UnreadableFile(*faults)
    return table


def _refuse_title_row(cells: list[list[str]]) -> None:
    """Every table has two columns or more, so a first row with at most one cell above
    wider rows is a title or a blank line above the header (told apart from misaligned
    rows, whose advice about separators and quotes would mislead here)."""
    filled = [cell for cell in cells[0] if cell]
    if len(filled) <= 1 and any(sum(map(bool, row)) > 1 for row in cells[1:]):
        what = f"holds only {filled[0]!r}" if filled else "is empty"
        raise UnreadableFile(
            (1, f"{what}: the first row must be the header (delete the rows above it)")
        )


def _alignment_fault(cells: list[str], headers: list[str], *, short_is_padding: bool) -> str:
    """What is wrong when a row's cells do not line up with the header; "" when they do."""
    counts = f"has {len(cells)} cells but the header has {len(headers)} columns"
    if len(cells) > len(headers) and any(cells[len(headers) :]):
        return f"{counts} (check the separator and quotes)"
    if len(cells) < len(headers) and not short_is_padding:
        missing = headers[len(cells) :]
        gone = missing[0] if len(missing) == 1 else f"{missing[0]} to {missing[-1]}"
        verb = "is" if len(missing) == 1 else "are"
        return (
            f"{counts}, so {gone} {verb} missing: is the file cut off? "
            "(otherwise check the separator and quotes)"
        )
    return ""


def _normalise_header(cell: str) -> str:
    """Headers "Valid From", "valid-from" and "VALID_FROM " all mean valid_from; a stray
    byte-order mark (a file saved twice with one) is no part of a name."""
    return "_".join(cell.replace("\ufeff", "").lower().replace("-", " ").split())


def _workbook_grid(data: bytes) -> _Grid:
    try:
        sheet = read_workbook(data)
    except DamagedWorkbook as error:
        raise UnreadableFile((0, str(error))) from None
    grid = _Grid(sheet.grid, workbook=True, formulas=sheet.formulas)
    if sheet.other_sheets:
        names = ", ".join(repr(name) for name in sheet.other_sheets)
        which = f"sheet {names} is" if len(sheet.other_sheets) == 1 else f"sheets {names} are"
        grid.notices.append(
            f"only the first sheet is read; {which} not: send each table as a file of its own"
        )
    return grid


def _csv_grid(data: bytes) -> _Grid:
    """The rows read up to a quoting error, and that error (at most one: after it the
    reader cannot tell where rows begin)."""
    try:
        decoded = decode(data)
    except NotText as error:
        raise UnreadableFile((0, str(error))) from None
    grid = _Grid([], workbook=False, notices=[decoded.notice] if decoded.notice else [])
    first_line = decoded.text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: without it an unclosed quote silently swallows the rest of the file.
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            grid.cells.append([cell.strip() for cell in row])
    except csv.Error as error:
        grid.faults.append((len(grid.cells) + 1, _quoting_fault(error)))
    return grid


def _quoting_fault(error: csv.Error) -> str:
    """The csv module's complaint (the row being read when it was raised) in plain words."""
    message = str(error)
    if message == "unexpected end of data":
        return (
            'a quote (") in this row is never closed: is the file cut off? '
            '(otherwise write a quote inside a cell as "")'
        )
    if message.startswith("field larger than field limit"):
        return 'a cell is too long: a quote (") in this row is probably never closed'
    if "expected after" in message:
        return (
            "a cell goes on after its closing quote: a quote inside a cell must be doubled "
            '("") and the whole cell put in quotes'
        )
    return f"is not valid CSV ({message})"
