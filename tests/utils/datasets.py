"""Editing a copy of a dataset the way a region's messy export would differ, and snapshotting
a store to prove an import left it exactly as it was."""

import csv
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import Engine, MetaData, select


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(
    path: Path, rows: list[dict[str, str]], *, delimiter: str = ",", bom: bool = False
) -> None:
    encoding = "utf-8-sig" if bom else "utf-8"
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def set_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Set `column` in spreadsheet row `row` (header = 1, first data row = 2) of `file`."""
    path = folder / file
    rows = read_rows(path)
    rows[row - 2][column] = value
    write_rows(path, rows)


def add_row(folder: Path, file: str, **values: str) -> int:
    """Append a row (unnamed columns empty); returns its spreadsheet row number."""
    path = folder / file
    rows = read_rows(path)
    rows.append({column: values.get(column, "") for column in rows[0]})
    write_rows(path, rows)
    return len(rows) + 1


def drop_column(folder: Path, file: str, column: str) -> None:
    path = folder / file
    write_rows(path, [{k: v for k, v in row.items() if k != column} for row in read_rows(path)])


def to_xlsx(
    folder: Path, file: str, convert: Callable[[str, str], object] = lambda _, value: value
) -> Path:
    """Replace `file` (CSV) by an XLSX workbook with the same header and rows; `convert`
    turns (column, text) into the cell value, e.g. a number as Excel would keep it."""
    path = folder / file
    rows = read_rows(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([convert(column, value) for column, value in row.items()])
    target = path.with_suffix(".xlsx")
    workbook.save(target)
    path.unlink()
    return target


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal snapshots mean an unchanged store."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {
            name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for name, table in metadata.tables.items()
        }
