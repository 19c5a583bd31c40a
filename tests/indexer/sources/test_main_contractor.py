"""A subcontractor's main contractor ("one family, one plan"): the optional
`main_contractor_id` column of contracts loads from CSV and XLSX, is checked against the
role, the providers and the region's main contractors, reloads without changes, and reaches
the search document and the provider's listing.

In the minimal dataset Het Opvoedhuis (row 4) is onderaannemer in testregio, where
Rustpunt Jeugd holds contracts as hoofdaannemer.
"""

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.listing import provider_listing
from indexer.models import Contract
from indexer.search.documents import build_documents
from tests.utils.datasets import add_row, read_rows, set_cell, to_xlsx, write_rows
from tests.utils.loading import TODAY, assert_refused, load, stored_data

SUBCONTRACT_ROW = 4  # opvoedhuis, onderaannemer


def with_main_contractors(folder: Path, by_row: dict[int, str]) -> None:
    """Add the column to contracts.csv: `by_row` maps spreadsheet rows to a value."""
    path = folder / "contracts.csv"
    rows = read_rows(path)
    write_rows(
        path,
        [row | {"main_contractor_id": by_row.get(n, "")} for n, row in enumerate(rows, start=2)],
    )


def main_contractors(engine: Engine) -> dict[str, str]:
    with Session(engine) as session:
        return {c.provider_id: c.main_contractor_id for c in session.exec(select(Contract))}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_subcontractor_loads_with_its_main_contractor(
    engine: Engine, dataset: Path, kind: str
) -> None:
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "rustpunt"})
    if kind == "xlsx":
        to_xlsx(dataset, "contracts.csv")

    result = load(engine, dataset)

    assert result.ok, result.problems
    assert main_contractors(engine) == {"rustpunt": "", "opvoedhuis": "rustpunt"}


def test_reloading_changes_nothing_and_a_changed_cell_is_updated(
    engine: Engine, dataset: Path
) -> None:
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "rustpunt"})
    load(engine, dataset)
    before = stored_data(engine)

    again = load(engine, dataset)

    assert again.ok and not again.provider_ids
    assert stored_data(engine) == before

    set_cell(dataset, "contracts.csv", SUBCONTRACT_ROW, "main_contractor_id", "")  # unknown now
    emptied = load(engine, dataset)

    assert emptied.changes["contract"].updated == 1
    assert emptied.provider_ids == {"opvoedhuis"}
    assert main_contractors(engine)["opvoedhuis"] == ""


def test_without_the_column_the_main_contractor_is_unknown(engine: Engine, dataset: Path) -> None:
    assert load(engine, dataset).ok
    assert main_contractors(engine) == {"rustpunt": "", "opvoedhuis": ""}


WRONG_MAIN_CONTRACTORS = [
    pytest.param(
        {2: "opvoedhuis"},
        "contracts.csv, row 2, column main_contractor_id: 'opvoedhuis' is given but role is "
        "hoofdaannemer: only an onderaannemer has a main contractor; empty the cell or set "
        "role to onderaannemer",
        id="main-contractor-of-a-main-contractor",
    ),
    pytest.param(
        {SUBCONTRACT_ROW: "opvoedhuis"},
        "contracts.csv, row 4, column main_contractor_id: 'opvoedhuis' is the provider "
        "itself: name the main contractor",
        id="itself",
    ),
    pytest.param(
        {SUBCONTRACT_ROW: "nobody"},
        "contracts.csv, row 4, column main_contractor_id: 'nobody' is not a known provider",
        id="unknown-provider",
    ),
    pytest.param(
        {SUBCONTRACT_ROW: "kompas"},
        "contracts.csv, row 4, column main_contractor_id: 'kompas' holds no contract as "
        "hoofdaannemer in region testregio: a main contractor must be contracted in the same "
        "region",
        id="not-contracted-in-the-region",
    ),
]


@pytest.mark.parametrize(("by_row", "problem"), WRONG_MAIN_CONTRACTORS)
def test_a_wrong_main_contractor_is_refused_by_file_row_and_column(
    sqlite_engine: Engine, dataset: Path, by_row: dict[int, str], problem: str
) -> None:
    add_row(dataset, "providers.csv", provider_id="kompas", name="Kompas Jeugd")
    with_main_contractors(dataset, by_row)
    assert_refused(sqlite_engine, dataset, problem)


def test_a_wrong_main_contractor_in_a_workbook_names_the_workbook(
    sqlite_engine: Engine, dataset: Path
) -> None:
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "nobody"})
    to_xlsx(dataset, "contracts.csv")
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.xlsx, row 4, column main_contractor_id: 'nobody' is not a known provider",
    )


def test_the_main_contractor_is_checked_against_the_contracts_after_the_import(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    """A region that sends only its contracts, dropping the main contractor's, is refused:
    the stored contracts it replaces no longer count."""
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "rustpunt"})
    assert load(sqlite_engine, dataset).ok
    only = tmp_path / "only-contracts"
    only.mkdir()
    rows = read_rows(dataset / "contracts.csv")
    write_rows(only / "contracts.csv", [r for r in rows if r["provider_id"] != "rustpunt"])

    assert_refused(
        sqlite_engine,
        only,
        "contracts.csv, row 2, column main_contractor_id: 'rustpunt' holds no contract as "
        "hoofdaannemer in region testregio: a main contractor must be contracted in the same "
        "region",
    )


def test_the_subcontractors_document_and_listing_name_its_main_contractor(
    engine: Engine, dataset: Path
) -> None:
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "rustpunt"})
    load(engine, dataset)

    with Session(engine) as session:
        documents = {d["provider_id"]: d for d in build_documents(session, TODAY, {"opvoedhuis"})}
        listing = provider_listing("opvoedhuis", "testregio", session=session, today=TODAY)
        main_listing = provider_listing("rustpunt", "testregio", session=session, today=TODAY)
        assert [p.name for p in listing.main_contractors] == ["Rustpunt Jeugd"]
        assert main_listing.main_contractors == []

    assert documents["opvoedhuis"]["main_contractors"] == [
        {"id": "rustpunt", "name": "Rustpunt Jeugd"}
    ]
    with Session(engine) as session:
        every = {d["provider_id"]: d for d in build_documents(session, TODAY)}
    assert every["rustpunt"]["main_contractors"] == []


def test_renaming_the_main_contractor_reindexes_its_subcontractors(
    engine: Engine, dataset: Path
) -> None:
    with_main_contractors(dataset, {SUBCONTRACT_ROW: "rustpunt"})
    load(engine, dataset)
    set_cell(dataset, "providers.csv", 2, "name", "Rustpunt Jeugdhulp")

    result = load(engine, dataset)

    assert result.provider_ids == {"rustpunt", "opvoedhuis"}
