"""Files are recognised by their header row whatever their name, and a dataset may come as a
folder, a zip file (regions mail them) or a single file: each stores what the plain folder
of the fixture stores."""

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.utils.datasets import read_rows, to_xlsx, write_rows
from tests.utils.loading import assert_refused, fresh_engine, load, stored_data

FIXTURE_FILES = sorted(
    path.name for path in (Path(__file__).parents[2] / "fixtures/minimal").iterdir()
)


@pytest.fixture
def clean_store(dataset: Path, tmp_path: Path) -> Iterator[dict[str, list[tuple]]]:
    """What the fixture as it is stores, taken before a test renames or packs it."""
    engine = fresh_engine(tmp_path / "clean.db")
    assert load(engine, dataset).ok
    yield stored_data(engine)
    engine.dispose()


def test_contracten_2027_xlsx_is_recognised_by_its_header(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    """Columns in another order, with capitals and spaces, under a name of the region's own."""
    rows = read_rows(dataset / "contracts.csv")
    order = ["Provider ID", " Region_ID", "VALID FROM", "valid_to", "segment", "role"]
    order += ["intensity_code", "Profile Code"]
    write_rows(
        dataset / "contracts.csv",
        [{name: row[name.strip().lower().replace(" ", "_")] for name in order} for row in rows],
    )
    to_xlsx(dataset, "contracts.csv").rename(dataset / "Contracten 2027.xlsx")

    result = load(sqlite_engine, dataset)

    assert result.ok, [str(problem) for problem in result.problems]
    assert stored_data(sqlite_engine) == clean_store
    assert [str(notice) for notice in result.report.notices] == [
        "Contracten 2027.xlsx: read as contracts (recognised by its header)"
    ]


def test_every_file_under_a_name_of_its_own(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    for number, name in enumerate(FIXTURE_FILES, start=1):
        (dataset / name).rename(dataset / f"export {number}.csv")
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert stored_data(sqlite_engine) == clean_store
    assert len(result.report.notices) == len(FIXTURE_FILES)


def test_a_dataset_mailed_as_a_zip_file(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path, clean_store: dict[str, list[tuple]]
) -> None:
    """As a Mac's "Compress" packs a folder: in a subfolder, with __MACOSX shadow files."""
    archive = tmp_path / "regio-export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        for name in FIXTURE_FILES:
            packed.write(dataset / name, f"export/{name}")
        packed.writestr("__MACOSX/export/._contracts.csv", b"\x00\x05\x16\x07 resource fork")
        packed.writestr("export/LEESMIJ.txt", "Aangeleverd door de regio")
    result = load(sqlite_engine, archive)
    assert result.ok, [str(problem) for problem in result.problems]
    assert stored_data(sqlite_engine) == clean_store


def test_a_problem_in_a_zip_file_names_the_file_inside(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "regio-export.zip"
    norms = (dataset / "norms.csv").read_text().replace("I2,65", "I2,veel")
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("export/normen.csv", norms)
        packed.writestr("export/oud.xls", b"\xd0\xcf\x11\xe0")
    assert_refused(
        sqlite_engine,
        archive,
        "export/normen.csv, row 3, column goal_attainment_min_pct: 'veel' is not a number",
        "export/oud.xls: is a .xls file: save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'",
    )


def test_a_file_that_is_not_a_zip_file_is_refused(sqlite_engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "export.zip").write_text("not a zip")
    assert_refused(
        sqlite_engine,
        tmp_path / "export.zip",
        "export.zip: is not a readable zip file (File is not a zip file)",
    )


def test_a_single_file_is_a_dataset(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    assert load(sqlite_engine, dataset).ok
    rows = read_rows(dataset / "waittimes.csv")
    write_rows(dataset / "Wachttijden.csv", [rows[0] | {"weeks": "9"}, *rows[1:]])
    result = load(sqlite_engine, dataset / "Wachttijden.csv")
    assert result.ok, [str(problem) for problem in result.problems]
    assert [(change.table, change.key) for change in result.report.rows] == [
        ("waittime", "testregio / rustpunt")
    ]


def test_a_workbook_saved_under_a_csv_name_is_read_as_a_workbook(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    to_xlsx(dataset, "providers.csv").rename(dataset / "providers.csv")
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert stored_data(sqlite_engine) == clean_store
    assert [str(notice) for notice in result.report.notices] == [
        "providers.csv: is an Excel workbook, though its name says otherwise: read as an "
        "Excel workbook"
    ]


def test_sheets_after_the_first_are_named_as_not_read(sqlite_engine: Engine, dataset: Path) -> None:
    path = to_xlsx(dataset, "tariffs.csv")
    workbook = load_workbook(path)
    workbook.create_sheet("Leeg")
    workbook.create_sheet("Toelichting").append(["Tarieven 2027 volgens de raamovereenkomst"])
    workbook.save(path)
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert [str(notice) for notice in result.report.notices] == [
        "tariffs.xlsx: only the first sheet is read; sheet 'Toelichting' is not: send each "
        "table as a file of its own"
    ]


def test_a_spreadsheet_this_import_cannot_read_is_refused(
    sqlite_engine: Engine, dataset: Path
) -> None:
    (dataset / "Locaties.ods").write_bytes(b"PK\x03\x04")
    assert_refused(
        sqlite_engine,
        dataset,
        "Locaties.ods: is a .ods file: save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'",
    )


def test_an_old_excel_file_under_a_table_name_is_refused(
    sqlite_engine: Engine, dataset: Path
) -> None:
    (dataset / "norms.csv").unlink()
    (dataset / "norms.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert_refused(
        sqlite_engine,
        dataset,
        "norms.xlsx: is an old Excel file (.xls) or a workbook with a password: save it as an "
        "Excel workbook (.xlsx) without a password, or as 'CSV UTF-8'",
    )
