"""The download files themselves: a table written as CSV or XLSX, with every cell a provider
or region typed kept as text, never run as a formula.

Formula injection (OWASP "CSV injection"): names, phones and addresses are typed by
providers and regions, and a cell beginning with = + - @ (or a tab or carriage return) would
run as a formula when the file is opened. In the CSV such a cell gets a leading apostrophe;
in the XLSX it is a string cell with Excel's quote prefix, so it shows the text unchanged and
stays text even after the cell is edited.

CSV dialect: UTF-8 with a byte-order mark and `;` between cells, what Excel with Dutch
settings opens correctly on a double click; numbers use the reader's decimal mark. Other
spreadsheets ask for the separator on import; the XLSX needs no such choice.

Apart from the rows (portal/referrers/exports.py) because this is the one place that decides
what a cell may hold, and it knows nothing of providers.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from indexer.spreadsheet_cells import FORMULA_START, neutral
from portal.localize import format_decimal
from portal.localize import gettext as _


@dataclass(frozen=True)
class Table:
    """Header row, one row per provider, and a note when the download was cut short."""

    headers: list[str]
    rows: list[list]
    note: str = ""


def csv_bytes(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutral(header) for header in table.headers])
    writer.writerows([neutral(_text(value)) for value in row] for row in table.rows)
    if table.note:
        writer.writerow([neutral(table.note)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format_decimal(value, "0.###")
    return str(value)


def xlsx_bytes(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Aanbieders")[:31]
    for column, header in enumerate(table.headers, start=1):
        _put(sheet, 1, column, header).font = Font(bold=True)
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_number, column, value)
    if table.note:
        _put(sheet, len(table.rows) + 2, 1, table.note).font = Font(italic=True)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.headers))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    for column, header in enumerate(table.headers, start=1):
        longest = max([len(header)] + [len(_text(row[column - 1])) for row in table.rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(longest, 60) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet, row: int, column: int, value):
    """Numbers and dates as such; text always as a string cell, never a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)  # characters XML cannot hold
        cell.value = text
        cell.data_type = "s"
        cell.quotePrefix = text.startswith(FORMULA_START)
    else:
        cell.value = value
    return cell
