"""Headers, files and folders: what a region gets wrong before a single cell is read."""

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.utils.datasets import (
    drop_column,
    read_rows,
    set_cell,
    to_xlsx,
    write_rows,
)
from tests.utils.loading import (
    PROVIDER_COLUMNS,
    TABLES,
    assert_refused,
    load,
)

# --- Headers -------------------------------------------------------------------------------


def test_an_unknown_column_lists_the_expected_ones(sqlite_engine: Engine, dataset: Path) -> None:
    rows = read_rows(dataset / "providers.csv")
    write_rows(dataset / "providers.csv", [row | {"fax": ""} for row in rows])
    assert_refused(
        sqlite_engine,
        dataset,
        f"providers.csv, row 1, column fax: unknown column (expected: {PROVIDER_COLUMNS}; "
        "description_<lang> with lang one of nl, en, tr, ar, pl, uk)",
    )


def test_a_translation_in_an_unsupported_language_is_an_unknown_column(
    sqlite_engine: Engine, dataset: Path
) -> None:
    rows = read_rows(dataset / "profiles.csv")
    write_rows(dataset / "profiles.csv", [row | {"name_de": "Angst"} for row in rows])
    assert_refused(
        sqlite_engine,
        dataset,
        "profiles.csv, row 1, column name_de: unknown column (expected: region_id, "
        "profile_code, name_nl, description_nl; name_<lang> or description_<lang> with lang "
        "one of nl, en, tr, ar, pl, uk)",
    )


def test_a_missing_required_column_is_reported_once(sqlite_engine: Engine, dataset: Path) -> None:
    drop_column(dataset, "contracts.csv", "valid_from")
    assert_refused(
        sqlite_engine, dataset, "contracts.csv, row 1, column valid_from: missing required column"
    )


def test_a_column_twice_in_the_header_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    path = dataset / "norms.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(line + "," + line.split(",")[-1] for line in lines) + "\n")
    assert_refused(
        sqlite_engine,
        dataset,
        "norms.csv, row 1, column satisfaction_min: appears twice in the header",
    )


# --- Files and folders ---------------------------------------------------------------------


def test_a_file_that_fits_no_table_is_refused_with_the_nearest_one(
    sqlite_engine: Engine, dataset: Path
) -> None:
    """A typo in a header must not leave a table out silently; the name's words ("wacht-
    tijden") pick the table to compare with."""
    rows = [
        {"week" if k == "weeks" else k: v for k, v in r.items()}
        for r in read_rows(dataset / "waittimes.csv")
    ]
    (dataset / "waittimes.csv").unlink()
    write_rows(dataset / "Wachttijden november.csv", rows)
    assert_refused(
        sqlite_engine,
        dataset,
        "Wachttijden november.csv, row 1: its header fits no table of the import; nearest is "
        "waittimes: missing column weeks; unknown column week",
    )


def test_a_title_above_the_header_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    workbook_path = to_xlsx(dataset, "contracts.csv")
    workbook = load_workbook(workbook_path)
    workbook.active.insert_rows(1)
    workbook.active["A1"] = "Contracten regio Testregio 2027"
    workbook.save(dataset / "Contracten 2027.xlsx")
    workbook_path.unlink()
    assert_refused(
        sqlite_engine,
        dataset,
        "Contracten 2027.xlsx, row 1: holds only 'Contracten regio Testregio 2027': the first "
        "row must be the header (delete the rows above it)",
    )


def test_the_same_file_as_csv_and_xlsx_is_refused(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(dataset / "contracts.csv", other)
    shutil.move(to_xlsx(other, "contracts.csv"), dataset)
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.xlsx: holds the contracts table, like contracts.csv: keep one of them",
    )


def test_two_files_with_the_same_table_by_their_headers_are_refused(
    sqlite_engine: Engine, dataset: Path
) -> None:
    shutil.copy(dataset / "waittimes.csv", dataset / "Wachttijden 2027.csv")
    assert_refused(
        sqlite_engine,
        dataset,
        "waittimes.csv: holds the waittimes table, like Wachttijden 2027.csv: keep one of them",
    )


def test_a_row_with_more_cells_than_the_header_is_refused(
    sqlite_engine: Engine, dataset: Path
) -> None:
    path = dataset / "waittimes.csv"
    path.write_text(path.read_text() + "testregio,rustpunt,P01,4,2026-11-01,extra\n")
    assert_refused(
        sqlite_engine,
        dataset,
        "waittimes.csv, row 4: has 6 cells but the header has 5 columns "
        "(check the separator and quotes)",
    )


def test_a_value_below_an_empty_header_cell_is_refused(
    sqlite_engine: Engine, dataset: Path
) -> None:
    path = dataset / "norms.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0] + ",,", lines[1] + ",,", lines[2] + ",,75"]) + "\n")
    assert_refused(
        sqlite_engine,
        dataset,
        "norms.csv, row 3: has 7 cells but the header has 5 columns "
        "(check the separator and quotes)",
    )


def test_an_empty_file_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    (dataset / "norms.csv").write_bytes(b"")
    assert_refused(sqlite_engine, dataset, "norms.csv: the file is empty: expected a header row")


def test_a_damaged_workbook_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    (dataset / "norms.csv").unlink()
    (dataset / "norms.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result = load(sqlite_engine, dataset)
    assert [(p.file, p.row) for p in result.problems] == [("norms.xlsx", 0)]
    assert result.problems[0].message.startswith("not a readable XLSX workbook")


def test_an_empty_folder_is_refused(sqlite_engine: Engine, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.txt").write_text("Aangeleverd door de regio")
    assert_refused(sqlite_engine, empty, f"{empty}: holds no import files (*.csv, *.xlsx)")


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing", "not found"), ("README.md", "is not a folder, a zip file or a CSV or XLSX file")],
)
def test_something_that_is_not_a_dataset_is_refused(
    sqlite_engine: Engine, dataset: Path, name: str, message: str
) -> None:
    (dataset / "README.md").write_text("# Export")
    assert_refused(sqlite_engine, dataset / name, f"{dataset / name}: {message}")


def test_every_problem_in_every_file_is_reported_together(
    sqlite_engine: Engine, dataset: Path
) -> None:
    set_cell(dataset, "waittimes.csv", 3, "weeks", "veel")
    set_cell(dataset, "contracts.csv", 4, "valid_to", "eind 2027")
    set_cell(dataset, "contracts.csv", 2, "segment", "X")
    (dataset / "extra.csv").write_text("a,b\n1,2\n")
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.csv, row 2, column segment: 'X' is not one of: B, C",
        "contracts.csv, row 4, column valid_to: 'eind 2027' is not a date: "
        "use 2026-01-31 or 31-01-2026",
        f"extra.csv, row 1: its first row (a, b) is not the header of a table of the import; "
        f"expected the header of one of: {TABLES}",
        "waittimes.csv, row 3, column weeks: 'veel' is not a whole number",
    )


# --- Rows that do not line up with the header (CSV) ----------------------------------------


def test_a_row_short_of_its_last_cell_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    """Read leniently, the missing cell would just be empty; in the middle of a file it
    means a row was split or a separator lost, at the end that the file was cut off."""
    replace_line(dataset / "waittimes.csv", 2, "testregio,rustpunt,,3")
    assert_refused(
        sqlite_engine,
        dataset,
        "waittimes.csv, row 2: has 4 cells but the header has 5 columns, so confirmed_on is "
        "missing: is the file cut off? (otherwise check the separator and quotes)",
    )


def test_text_after_a_closing_quote_is_refused(sqlite_engine: Engine, dataset: Path) -> None:
    """Read leniently, "Rustpunt" Jeugd would silently become Rustpunt Jeugd."""
    replace_line(
        dataset / "providers.csv",
        2,
        read_line(dataset / "providers.csv", 2).replace("Rustpunt Jeugd", '"Rustpunt" Jeugd'),
    )
    assert_refused(
        sqlite_engine,
        dataset,
        "providers.csv, row 2: a cell goes on after its closing quote: a quote inside a cell "
        'must be doubled ("") and the whole cell put in quotes',
    )


def test_an_unclosed_quote_early_in_a_long_file_is_found_at_its_row(
    sqlite_engine: Engine, dataset: Path
) -> None:
    """The unclosed cell swallows the rest of the file until it is too long for a cell."""
    path = dataset / "waittimes.csv"
    replace_line(path, 2, 'testregio,rustpunt,,3,"2026-11-01')
    with path.open("a") as handle:
        for number in range(3000):
            handle.write(f"testregio,provider-{number},,{number % 10},2026-11-01\n" * 2)
    assert_refused(
        sqlite_engine,
        dataset,
        'waittimes.csv, row 2: a cell is too long: a quote (") in this row is probably '
        "never closed",
    )


def read_line(path: Path, row: int) -> str:
    return path.read_text().splitlines()[row - 1]


def replace_line(path: Path, row: int, line: str) -> None:
    """Put `line` as written in spreadsheet row `row` (header = 1) of a one-line-a-row file."""
    lines = path.read_text().splitlines()
    lines[row - 1] = line
    path.write_text("\n".join(lines) + "\n")
