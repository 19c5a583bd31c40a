"""A region's own crisis service: the optional regions.csv columns crisis_name, crisis_phone
and crisis_hours load onto the region, are the same on every row of a region, need a name
and a valid phone together, and reload without changes. A dataset without them leaves the
region unconfigured (the national lines still show, portal/public/help_now.py)."""

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Region
from tests.utils.datasets import read_rows, to_xlsx, write_rows
from tests.utils.loading import assert_refused, load, stored_data

CRISIS = {
    "crisis_name": "Crisisdienst Jeugd Testregio",
    "crisis_phone": "020-1110000",
    "crisis_hours": "dag en nacht",
}


def with_crisis(folder: Path, by_row: dict[int, dict[str, str]] | None = None) -> None:
    """CRISIS on every row of regions.csv, with `by_row` (spreadsheet row → cells) changed."""
    path = folder / "regions.csv"
    rows = read_rows(path)
    write_rows(
        path,
        [row | CRISIS | (by_row or {}).get(n, {}) for n, row in enumerate(rows, start=2)],
    )


def region(engine: Engine) -> Region:
    with Session(engine) as session:
        found = session.get(Region, "testregio")
        assert found is not None
        return found


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_crisis_service_loads_onto_its_region(engine: Engine, dataset: Path, kind: str) -> None:
    with_crisis(dataset)
    if kind == "xlsx":
        to_xlsx(dataset, "regions.csv")

    result = load(engine, dataset)

    assert result.ok, result.problems
    stored = region(engine)
    assert (stored.crisis_name, stored.crisis_phone, stored.crisis_hours) == tuple(CRISIS.values())
    before = stored_data(engine)
    again = load(engine, dataset)
    assert again.ok and not any(c.created or c.updated for c in again.changes.values())
    assert stored_data(engine) == before


def test_without_the_columns_a_region_has_no_crisis_service(engine: Engine, dataset: Path) -> None:
    assert load(engine, dataset).ok
    stored = region(engine)
    assert (stored.crisis_name, stored.crisis_phone, stored.crisis_hours) == ("", "", "")


def test_a_later_import_without_the_service_removes_it(engine: Engine, dataset: Path) -> None:
    with_crisis(dataset)
    assert load(engine, dataset).ok
    with_crisis(dataset, {2: dict.fromkeys(CRISIS, ""), 3: dict.fromkeys(CRISIS, "")})
    emptied = load(engine, dataset)
    assert emptied.ok and emptied.changes["region"].updated == 1
    assert region(engine).crisis_phone == ""


@pytest.mark.parametrize(
    ("cells", "lines"),
    [
        (
            {3: {"crisis_phone": "020-2220000"}},
            [
                "regions.csv, row 3, column crisis_phone: '020-2220000' differs from row 2 "
                "for the same region"
            ],
        ),
        (
            {3: {"crisis_name": "", "crisis_phone": "", "crisis_hours": ""}},
            [
                "regions.csv, row 3, column crisis_hours: differs from row 2 for the same region",
                "regions.csv, row 3, column crisis_name: differs from row 2 for the same region",
                "regions.csv, row 3, column crisis_phone: differs from row 2 for the same region",
            ],
        ),
        (
            {2: {"crisis_phone": "bel ons"}, 3: {"crisis_phone": "bel ons"}},
            [
                "regions.csv, row 2, column crisis_phone: 'bel ons' is not a phone number like "
                "020-1234567",
                "regions.csv, row 3, column crisis_phone: 'bel ons' is not a phone number like "
                "020-1234567",
            ],
        ),
        (
            {2: {"crisis_phone": ""}, 3: {"crisis_phone": ""}},
            [
                "regions.csv, row 2, column crisis_phone: is empty: give the crisis service's "
                "phone with its name",
                "regions.csv, row 3, column crisis_phone: is empty: give the crisis service's "
                "phone with its name",
            ],
        ),
    ],
)
def test_a_wrong_crisis_service_is_refused_naming_its_rows(
    engine: Engine, dataset: Path, cells: dict[int, dict[str, str]], lines: list[str]
) -> None:
    with_crisis(dataset, cells)
    assert_refused(engine, dataset, *lines)
