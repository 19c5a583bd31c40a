"""Broken exports, as regions really send them, loaded over a store that holds valid data.

Each is made from the small valid fixture and must be refused as a whole: the report names
file, row and rule, and the store is byte for byte what it was (SQLite's own dump; on
PostgreSQL every table's rows in primary-key order), audit trail included. The command
line must say the same on stderr and exit with status 1.
"""

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from sqlalchemy import Engine, MetaData, select

from indexer.cli import main
from tests.utils.datasets import add_row, read_rows, set_cell, to_xlsx, write_rows
from tests.utils.loading import CONTRACT, load

CHECK_QUOTES = "(otherwise check the separator and quotes)"


@dataclass(frozen=True)
class Fault:
    name: str
    make: Callable[[Path], None]  # breaks a copy of the valid fixture
    report: tuple[str, ...]  # every line of the report after its header


def cut(path: Path, after: str) -> None:
    """The file as a failed upload or a full disk leaves it: ending just after `after`."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex(after) + len(after)], encoding="utf-8")


def cut_mid_row(folder: Path) -> None:
    cut(folder / "providers.csv", "Steun bij")


def cut_inside_quotes(folder: Path) -> None:
    set_cell(folder, "providers.csv", 3, "description_nl", "Steun bij opvoeden, ook online.")
    cut(folder / "providers.csv", "Steun bij opvoeden, ook")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def unquoted_comma(folder: Path) -> None:
    replace(folder / "providers.csv", "met angst.", "met angst, ook online.")


def unquoted_line_break(folder: Path) -> None:
    replace(folder / "providers.csv", "Wij helpen kinderen", "Wij helpen\nkinderen")


def header_only_contracts(folder: Path) -> None:
    path = folder / "contracts.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")


def formulas_without_values(folder: Path) -> None:
    """As a script or a reporting tool writes a workbook: formulas, no calculated values."""
    formulas = {
        ("description_nl", "Wij helpen kinderen met angst."): '=CONCAT("Wij helpen ","kinderen")',
        ("name", "Het Opvoedhuis"): '=PROPER("het opvoedhuis")',
    }
    to_xlsx(folder, "providers.csv", lambda column, value: formulas.get((column, value), value))


def mac_roman(folder: Path) -> None:
    """A 'CSV' from Excel on a Mac: read as Windows-1252, "Café" would become "CafŽ"."""
    set_cell(folder, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    path = folder / "providers.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("mac_roman"))


def utf16(folder: Path) -> None:
    """What Excel saves as 'Unicode text': UTF-16 with a byte-order mark, tab-separated."""
    path = folder / "providers.csv"
    rows = read_rows(path)
    text = "\n".join("\t".join(cells) for cells in [list(rows[0]), *map(dict.values, rows)])
    path.write_bytes(text.encode("utf-16"))


def png(folder: Path) -> None:
    """A screenshot saved under a table's name."""
    (folder / "waittimes.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


def xlsx_that_fits_no_table(folder: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["region_id", "provider_id"])
    workbook.save(folder / "contracten.xlsx")


FAULTS = [
    Fault(
        "cut off mid-row",
        cut_mid_row,
        (
            "providers.csv, row 3: has 8 cells but the header has 13 columns, so "
            f"description_en to care_forms are missing: is the file cut off? {CHECK_QUOTES}",
        ),
    ),
    Fault(
        "cut off inside a quoted cell",
        cut_inside_quotes,
        (
            'providers.csv, row 3: a quote (") in this row is never closed: is the file cut '
            'off? (otherwise write a quote inside a cell as "")',
        ),
    ),
    Fault(
        "a comma in a cell without quotes",
        unquoted_comma,
        (
            "providers.csv, row 2: has 14 cells but the header has 13 columns "
            "(check the separator and quotes)",
        ),
    ),
    Fault(
        "a line break in a cell without quotes",
        unquoted_line_break,
        (
            "providers.csv, row 2: has 8 cells but the header has 13 columns, so "
            f"description_en to care_forms are missing: is the file cut off? {CHECK_QUOTES}",
            "providers.csv, row 3: has 6 cells but the header has 13 columns, so "
            f"phone to care_forms are missing: is the file cut off? {CHECK_QUOTES}",
        ),
    ),
    Fault(
        "a contracts file with its header only",
        header_only_contracts,
        (
            "contracts.csv, column region_id: 'testregio' would lose 3 of its 3 current "
            "contracts (all of them): check that the file is complete; if these contracts "
            "really end, load again with --allow-mass-end",
            "contracts.csv, column region_id: 'testregio' would lose its contract with "
            "opvoedhuis: segment B, profile P02, intensity I1",
            "contracts.csv, column region_id: 'testregio' would lose its contract with "
            "rustpunt: segment B, profile P01, intensity I1",
            "contracts.csv, column region_id: 'testregio' would lose its contract with "
            "rustpunt: segment B, profile P01, intensity I2",
        ),
    ),
    Fault(
        "formulas without a saved value",
        formulas_without_values,
        (
            "providers.xlsx, row 2, column description_nl: is a formula without a saved value "
            '(=CONCAT("Wij helpen ","kinderen")): open the file in Excel and save it, so the '
            "value is stored",
            'providers.xlsx, row 3, column name: is a formula without a saved value (=PROPER("'
            'het opvoedhuis")): open the file in Excel and save it, so the value is stored',
        ),
    ),
    Fault(
        "a Mac CSV",
        mac_roman,
        (
            "providers.csv: reads as 'CafŽ' on line 3 in Windows-1252: is it a 'CSV' from "
            "Excel on a Mac? If so, save it as 'CSV UTF-8' or as an Excel workbook (.xlsx)",
        ),
    ),
    Fault(
        "UTF-16",
        utf16,
        (
            "providers.csv: is UTF-16 text (Excel's 'Unicode text'): save it as 'CSV UTF-8' or "
            "as an Excel workbook (.xlsx)",
        ),
    ),
    Fault(
        "an image",
        png,
        ("waittimes.csv: is not a spreadsheet or CSV text: send CSV or Excel (.xlsx) files",),
    ),
    Fault(
        "a file that fits no table",
        xlsx_that_fits_no_table,
        (
            "contracten.xlsx, row 1: its header fits no table of the import; nearest is "
            "contracts: missing columns segment, profile_code, intensity_code, valid_from",
        ),
    ),
    Fault(
        "a duplicate key",
        lambda folder: add_row(folder, "contracts.csv", **CONTRACT | {"valid_to": ""}),
        (
            "contracts.csv, row 5: duplicates row 2 (region_id=testregio, provider_id=rustpunt, "
            "segment=B, profile_code=P01, intensity_code=I1, valid_from=2025-01-01)",
        ),
    ),
    Fault(
        "a date that does not exist",
        lambda folder: set_cell(folder, "waittimes.csv", 3, "confirmed_on", "31-09-2026"),
        (
            "waittimes.csv, row 3, column confirmed_on: '31-09-2026' is not a date: "
            "use 2026-01-31 or 31-01-2026",
        ),
    ),
    Fault(
        "a contract with an unknown provider",
        lambda folder: set_cell(folder, "contracts.csv", 4, "provider_id", "opvoedhuys"),
        ("contracts.csv, row 4, column provider_id: 'opvoedhuys' is not a known provider",),
    ),
]


def sqlite_dump(database: Path) -> str:
    with closing(sqlite3.connect(database)) as connection:
        return "\n".join(connection.iterdump())


def dump(engine: Engine) -> str:
    """The whole store as text, to compare before and after a refused load."""
    if engine.dialect.name == "sqlite":
        return sqlite_dump(Path(engine.url.database))
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return "\n".join(
            f"{table.name}: {tuple(row)!r}"
            for table in metadata.sorted_tables
            for row in connection.execute(select(table).order_by(*table.primary_key.columns))
        )


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_a_broken_export_is_refused_and_the_store_left_as_it_was(
    engine: Engine, dataset: Path, fault: Fault
) -> None:
    assert load(engine, dataset).ok
    before = dump(engine)
    assert "Rustpunt Jeugd" in before and "opvoedhuis" in before
    fault.make(dataset)
    result = load(engine, dataset)
    assert [str(problem) for problem in result.problems] == list(fault.report)
    assert not result.changes
    assert dump(engine) == before


def open_ended(folder: Path) -> None:
    """Contracts current whatever day the command runs (it loads as of today)."""
    path = folder / "contracts.csv"
    write_rows(path, [row | {"valid_to": ""} for row in read_rows(path)])


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_the_command_exits_1_with_the_report_on_stderr(
    tmp_path: Path, dataset: Path, fault: Fault
) -> None:
    database = tmp_path / "store.db"
    command = ["--database-url", f"sqlite:///{database}", "load", str(dataset)]
    open_ended(dataset)
    assert CliRunner().invoke(main, command).exit_code == 0
    before = sqlite_dump(database)
    fault.make(dataset)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{len(fault.report)} problem(s) found; nothing was written.",
        "",
        *fault.report,
    ]
    assert sqlite_dump(database) == before
