"""The tolerant side: the messy but unambiguous exports real regions send load as if clean."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Contract, Location, Outcome, Provider, Tariff, Team
from tests.utils.datasets import (
    drop_column,
    set_cell,
)
from tests.utils.loading import (
    fresh_engine,
    load,
    stored_data,
)

# --- The tolerant side: messy but unambiguous exports ---------------------------------------

MESSY_BUT_EQUAL = [
    # (file, row, column, messy value): each must store exactly what the clean fixture stores
    ("contracts.csv", 2, "valid_from", "01-01-2025"),
    ("contracts.csv", 3, "valid_to", "31/12/2027"),
    ("contracts.csv", 4, "valid_from", "1-1-2025"),
    ("contracts.csv", 4, "segment", "b"),
    ("contracts.csv", 4, "role", "Onderaannemer"),
    ("waittimes.csv", 2, "confirmed_on", "01-11-2026"),
    ("outcomes.csv", 2, "goal_attainment_pct", "78,5"),
    ("outcomes.csv", 2, "dropout_pct", "8%"),
    ("outcomes.csv", 3, "goal_attainment_pct", "50 %"),
    ("outcomes.csv", 2, "satisfaction_youth", "7,9"),
    ("outcomes.csv", 2, "period", "2025"),
    ("tariffs.csv", 2, "tariff_eur", "€ 2.450,00"),
    ("tariffs.csv", 3, "tariff_eur", "6900"),
    ("tariffs.csv", 4, "tariff_eur", "EUR 1800,00"),
    ("tariffs.csv", 4, "unit", "Traject"),
    ("tariffs.csv", 2, "tariff_eur", "€ 2.450,-"),
    ("regions.csv", 2, "municipality_code", "GM363"),
    ("regions.csv", 3, "municipality_code", "362"),
    ("teams.csv", 2, "municipality_code", "gm0363"),
    ("teams.csv", 2, "pc4", "1012; 1011"),
    ("teams.csv", 2, "kind", "Ouder_Kindteam"),
    ("postcodes.csv", 2, "latitude", "52,3731"),
    ("providers.csv", 2, "website", "rustpunt.example"),
    ("providers.csv", 2, "kvk", "1234 5678"),
    ("providers.csv", 2, "languages", "EN; nl"),
    ("providers.csv", 2, "care_forms", "Online;ambulant;online"),
    ("locations.csv", 2, "postcode", "1011ab"),
    ("locations.csv", 2, "wheelchair_accessible", "Ja"),
    ("locations.csv", 3, "wheelchair_accessible", "NEE"),
]


@pytest.mark.parametrize(
    ("file", "row", "column", "value"),
    MESSY_BUT_EQUAL,
    ids=[f"{file}:{column}={value!r}" for file, _, column, value in MESSY_BUT_EQUAL],
)
def test_a_messy_but_unambiguous_value_stores_the_same_as_the_clean_one(
    sqlite_engine: Engine,
    dataset: Path,
    tmp_path: Path,
    file: str,
    row: int,
    column: str,
    value: str,
) -> None:
    clean = fresh_engine(tmp_path / "clean.db")
    try:
        assert load(clean, dataset).ok
        set_cell(dataset, file, row, column, value)
        result = load(sqlite_engine, dataset)
        assert result.ok, [str(problem) for problem in result.problems]
        assert stored_data(sqlite_engine) == stored_data(clean)
    finally:
        clean.dispose()


def test_messy_values_are_normalised_in_the_store(sqlite_engine: Engine, dataset: Path) -> None:
    set_cell(dataset, "waittimes.csv", 2, "confirmed_on", "31-01-2026")
    set_cell(dataset, "contracts.csv", 2, "valid_to", "31-01-2026")
    set_cell(dataset, "outcomes.csv", 2, "satisfaction_youth", "7,5")
    set_cell(dataset, "outcomes.csv", 2, "goal_attainment_pct", "85%")
    set_cell(dataset, "tariffs.csv", 2, "tariff_eur", "€ 1.234,50")
    set_cell(dataset, "teams.csv", 2, "municipality_code", "GM363")
    set_cell(dataset, "providers.csv", 2, "website", "www.x.example")
    set_cell(dataset, "locations.csv", 2, "wheelchair_accessible", "nee")
    set_cell(dataset, "locations.csv", 3, "wheelchair_accessible", "ja")
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    with Session(sqlite_engine) as session:
        contract = session.get(
            Contract, ("testregio", "rustpunt", "B", "P01", "I1", date(2025, 1, 1))
        )
        assert contract.valid_to == date(2026, 1, 31)
        outcome = session.get(Outcome, ("testregio", "rustpunt", "2025", "", ""))
        assert (outcome.satisfaction_youth, outcome.goal_attainment_pct) == (7.5, 85.0)
        tariff = session.get(Tariff, ("testregio", "B", "P01", "I1", "", date(2025, 1, 1)))
        assert tariff.tariff_cents == 123450
        assert session.get(Team, "okt-centrum").municipality_code == "GM0363"
        assert session.get(Provider, "rustpunt").website == "https://www.x.example"
        assert session.get(Location, ("rustpunt", "loc-1")).wheelchair_accessible is False
        assert session.get(Location, ("opvoedhuis", "loc-1")).wheelchair_accessible is True


def test_headers_with_capitals_and_spaces_for_underscores_are_accepted(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    clean = fresh_engine(tmp_path / "clean.db")
    try:
        assert load(clean, dataset).ok
        for path in dataset.iterdir():
            header, rest = path.read_text().split("\n", 1)
            messy = ",".join(f" {name.upper().replace('_', ' ')} " for name in header.split(","))
            path.write_text(messy + "\n" + rest)
        result = load(sqlite_engine, dataset)
        assert result.ok, [str(problem) for problem in result.problems]
        assert stored_data(sqlite_engine) == stored_data(clean)
    finally:
        clean.dispose()


def test_blank_rows_and_columns_an_export_leaves_are_ignored(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    clean = fresh_engine(tmp_path / "clean.db")
    try:
        assert load(clean, dataset).ok
        path = dataset / "contracts.csv"
        lines = path.read_text().splitlines()
        # Excel exports columns that once held something as empty cells, header included.
        path.write_text("\n".join(line + ",," for line in lines) + "\n,,,,,,,,,\n\n,,,,,,,,,\n")
        path = dataset / "outcomes.csv"
        path.write_text(path.read_text() + ",,,,,,,,,,,\n\n")
        result = load(sqlite_engine, dataset)
        assert result.ok, [str(problem) for problem in result.problems]
        assert stored_data(sqlite_engine) == stored_data(clean)
    finally:
        clean.dispose()


def test_empty_spacer_columns_between_the_data_are_ignored(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    clean = fresh_engine(tmp_path / "clean.db")
    try:
        assert load(clean, dataset).ok
        (dataset / "norms.csv").write_text(
            "region_id,,intensity_code,goal_attainment_min_pct,,dropout_max_pct,satisfaction_min\n"
            "testregio,,I1,70,,15,7\n"
            "testregio,,I2,65,,20,7\n"
        )
        result = load(sqlite_engine, dataset)
        assert result.ok, [str(problem) for problem in result.problems]
        assert stored_data(sqlite_engine) == stored_data(clean)
    finally:
        clean.dispose()


def test_optional_columns_may_be_left_out(sqlite_engine: Engine, dataset: Path) -> None:
    for column in ("satisfaction_parents", "satisfaction_parents_n", "profile_code"):
        drop_column(dataset, "outcomes.csv", column)
    drop_column(dataset, "locations.csv", "latitude")
    drop_column(dataset, "locations.csv", "longitude")
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    with Session(sqlite_engine) as session:
        location = session.get(Location, ("rustpunt", "loc-1"))
        assert (location.latitude, location.longitude) == (52.3731, 4.9026)  # PC4 1011
        assert (
            session.get(Outcome, ("testregio", "rustpunt", "2025", "", "")).satisfaction_parents
            is None
        )


def test_excel_lock_files_and_other_files_are_ignored(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    clean = fresh_engine(tmp_path / "clean.db")
    try:
        assert load(clean, dataset).ok
        lock = Workbook()
        lock.active.append(["not", "a", "contract"])
        lock.save(dataset / "~$contracts.xlsx")
        (dataset / ".~lock.contracts.csv#").write_text("LibreOffice lock")
        (dataset / "README.md").write_text("# Export regio")
        result = load(sqlite_engine, dataset)
        assert result.ok, [str(problem) for problem in result.problems]
        assert stored_data(sqlite_engine) == stored_data(clean)
    finally:
        clean.dispose()


def test_file_names_are_not_case_sensitive(sqlite_engine: Engine, dataset: Path) -> None:
    (dataset / "contracts.csv").rename(dataset / "Contracts.CSV")
    result = load(sqlite_engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert result.changes["contract"].created == 3
