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
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from indexer.sources.workbook import DamagedWorkbook, Position, read_workbook


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


def read_table(path: Path) -> RawTable:
    """Read `path` (.csv or .xlsx); blank rows, as Excel often leaves at the end, are skipped."""
    workbook = path.suffix.lower() == ".xlsx"
    if workbook:
        (grid, formulas), faults = _xlsx_grid(path), []
    else:
        (grid, faults), formulas = _csv_grid(path), {}
    if not grid:
        raise UnreadableFile(*(faults or [(0, "the file is empty: expected a header row")]))
    headers = [_normalise_header(cell) for cell in grid[0]]
    while headers and not headers[-1]:
        headers.pop()  # empty columns Excel exports; a value below one is reported as extra
    table = RawTable(path.name, headers)
    for (number, index), formula in formulas.items():
        if index < len(headers) and headers[index]:
            table.formulas.setdefault(number, {})[headers[index]] = formula
    for number, cells in enumerate(grid[1:], start=2):
        if not any(cells) and number not in table.formulas:
            continue
        fault = _alignment_fault(cells, headers, short_is_padding=workbook)
        if fault:
            faults.append((number, fault))
            continue
        values = cells + [""] * (len(headers) - len(cells))
        table.rows.append((number, dict(zip(headers, values, strict=False))))
    if faults:
        raise UnreadableFile(*faults)
    return table


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
    """Headers "Valid From", "valid-from" and "VALID_FROM " all mean valid_from."""
    return "_".join(cell.strip().lower().replace("-", " ").split())


def _xlsx_grid(path: Path) -> tuple[list[list[str]], dict[Position, str]]:
    try:
        return read_workbook(path)
    except DamagedWorkbook as error:
        raise UnreadableFile((0, str(error))) from None


def _csv_grid(path: Path) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """The rows read up to a quoting error, and that error (at most one: after it the
    reader cannot tell where rows begin)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            (
                0,
                f"not UTF-8 (byte 0x{raw[error.start]:02x} on line {line}); "
                "in Excel choose 'CSV UTF-8' when saving",
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: without it an unclosed quote silently swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    grid: list[list[str]] = []
    try:
        for row in reader:
            grid.append([cell.strip() for cell in row])
    except csv.Error as error:
        return grid, [(len(grid) + 1, _quoting_fault(error))]
    return grid, []


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
