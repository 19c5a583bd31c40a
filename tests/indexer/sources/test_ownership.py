"""Imports respect what providers keep themselves: a field a provider has edited is not
overwritten; a different value in the region's file becomes one conflict, and reloading the
same file stays idempotent (SQLite and PostgreSQL)."""

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.edits import approve, submit_edit
from indexer.models import Location, Provider, WaitTime
from indexer.models.edits import Conflict
from indexer.sources import LoadResult, load_folder
from tests.utils.datasets import add_row, read_rows, set_cell, snapshot, write_rows
from tests.utils.loading import TODAY

IMPORT = "indexer load dataset"


def load(engine: Engine, folder: Path, **options) -> LoadResult:
    with Session(engine) as session:
        result = load_folder(folder, session, actor=IMPORT, today=TODAY, **options)
        session.commit()
    return result


def edit(engine: Engine, provider_id: str, part: str, values: dict) -> None:
    """A provider's edit, approved at once when its part waits for staff."""
    with Session(engine) as session:
        outcome = submit_edit(
            provider_id, part, values, actor="editor", session=session, sync=None, today=TODAY
        )
    if outcome.pending_id is not None:
        with Session(engine) as session:
            approve(outcome.pending_id, actor="staff", session=session, sync=None, today=TODAY)


def conflicts(engine: Engine) -> list[tuple]:
    with Session(engine) as session:
        rows = session.exec(select(Conflict).order_by(Conflict.id))
        return [
            (c.provider_id, c.field, c.provider_value, c.import_value, c.resolution) for c in rows
        ]


def test_owned_fields_stay_while_the_rest_of_the_row_is_updated(
    engine: Engine, dataset: Path
) -> None:
    load(engine, dataset)
    edit(engine, "rustpunt", "descriptions", {"description_en": "We also help with sleep."})
    set_cell(dataset, "providers.csv", 2, "description_en", "We help children and parents.")
    set_cell(dataset, "providers.csv", 2, "name", "Rustpunt Jeugd en Gezin")

    result = load(engine, dataset)

    assert (result.conflicts, result.changes["provider"].updated) == (1, 1)
    with Session(engine) as session:
        provider = session.get(Provider, "rustpunt")
    assert provider.name == "Rustpunt Jeugd en Gezin"
    assert provider.descriptions == {
        "nl": "Wij helpen kinderen met angst.",
        "en": "We also help with sleep.",
    }
    assert conflicts(engine) == [
        (
            "rustpunt",
            "description_en",
            "We also help with sleep.",
            "We help children and parents.",
            None,
        )
    ]


def test_reloading_the_same_file_adds_no_conflict_and_changes_nothing(
    engine: Engine, dataset: Path
) -> None:
    load(engine, dataset)
    edit(engine, "rustpunt", "waits", {"wait/testregio": "1"})
    edit(engine, "rustpunt", "ages", {"min_age": "6"})
    assert load(engine, dataset).conflicts == 2
    before = snapshot(engine)

    again = load(engine, dataset)

    assert again.conflicts == 0
    assert all(not (c.created or c.updated or c.removed) for c in again.changes.values())
    assert snapshot(engine) == before


def test_a_file_with_yet_another_value_updates_the_open_conflict(
    engine: Engine, dataset: Path
) -> None:
    load(engine, dataset)
    edit(engine, "rustpunt", "waits", {"wait/testregio": "1"})
    set_cell(dataset, "waittimes.csv", 2, "weeks", "4")
    assert load(engine, dataset).conflicts == 1
    set_cell(dataset, "waittimes.csv", 2, "weeks", "5")
    assert load(engine, dataset).conflicts == 1

    assert conflicts(engine) == [("rustpunt", "wait/testregio", 1, 5, None)]
    with Session(engine) as session:
        wait = session.get(WaitTime, ("testregio", "rustpunt", ""))
    assert (wait.weeks, wait.confirmed_on) == (1, TODAY)  # as the provider left it


def test_owned_locations_are_one_conflict_with_both_lists(engine: Engine, dataset: Path) -> None:
    load(engine, dataset)
    edit(
        engine,
        "opvoedhuis",
        "locations",
        {"locations": [{"location_id": "loc-1", "postcode": "1181 ZM"}]},
    )
    add_row(
        dataset, "locations.csv", provider_id="opvoedhuis", location_id="loc-2", postcode="1011 AB"
    )

    result = load(engine, dataset)

    assert (result.conflicts, result.changes["location"].created) == (1, 0)
    [(provider_id, field, mine, theirs, _)] = conflicts(engine)
    assert (provider_id, field) == ("opvoedhuis", "locations")
    assert [x["location_id"] for x in mine] == ["loc-1"]
    assert [(x["location_id"], x["name"]) for x in theirs] == [
        ("loc-1", "Opvoedhuis Amstelveen"),
        ("loc-2", ""),
    ]
    with Session(engine) as session:
        assert (
            len(session.exec(select(Location).where(Location.provider_id == "opvoedhuis")).all())
            == 1
        )


def test_a_dry_run_counts_conflicts_without_recording_them(engine: Engine, dataset: Path) -> None:
    load(engine, dataset)
    edit(engine, "rustpunt", "contact", {"email": "hallo@rustpunt.example"})
    rows = read_rows(dataset / "providers.csv")
    write_rows(dataset / "providers.csv", [row | {"email": "zorg@example.nl"} for row in rows])

    result = load(engine, dataset, dry_run=True)

    assert (result.conflicts, result.changes["provider"].updated) == (1, 1)  # opvoedhuis
    assert conflicts(engine) == []
    assert result.provider_ids == set()
