"""Loading a dataset into the store, on SQLite and PostgreSQL: the promises regions rely on."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.models import AuditEntry, Contract, Location, Provider, TeamPostcode
from indexer.sources import load_folder
from tests.utils.datasets import add_row, read_rows, set_cell, snapshot, write_rows
from tests.utils.loading import CONTRACT

TODAY = date(2026, 11, 22)


def load(engine: Engine, folder: Path, **options) -> object:
    with Session(engine) as session:
        result = load_folder(folder, session, today=TODAY, **options)
        session.commit()
    return result


def test_loads_every_file(engine: Engine, dataset: Path) -> None:
    result = load(engine, dataset)
    assert result.ok, result.problems
    with Session(engine) as session:
        assert session.get(Provider, "rustpunt").languages == ["en", "nl"]
        team_pc4s = session.exec(
            select(TeamPostcode.pc4).where(TeamPostcode.team_id == "okt-centrum")
        )
        assert sorted(team_pc4s) == ["1011", "1012"]
        # No coordinates in the file: the PC4 centroid is used.
        location = session.get(Location, ("opvoedhuis", "loc-1"))
        assert (location.latitude, location.longitude) == (52.303, 4.861)
        assert len(session.exec(select(Contract)).all()) == 3


def test_reloading_identical_data_changes_nothing(engine: Engine, dataset: Path) -> None:
    load(engine, dataset)
    before = snapshot(engine)
    result = load(engine, dataset)
    assert all(
        not (c.created or c.updated or c.removed or c.ended) for c in result.changes.values()
    )
    assert snapshot(engine) == before


def test_a_bad_row_in_the_last_file_leaves_the_store_as_it_was(
    engine: Engine, dataset: Path
) -> None:
    load(engine, dataset)
    before = snapshot(engine)
    set_cell(dataset, "providers.csv", 2, "description_nl", "Nieuwe tekst")  # valid change
    set_cell(dataset, "waittimes.csv", 3, "weeks", "-2")  # waittimes.csv is read last
    result = load(engine, dataset)
    assert [str(p) for p in result.problems] == [
        "waittimes.csv, row 3, column weeks: '-2' is negative: a count cannot be below 0"
    ]
    assert snapshot(engine) == before


def test_an_error_while_writing_rolls_everything_back(engine: Engine, dataset: Path) -> None:
    load(engine, dataset)
    before = snapshot(engine)
    set_cell(dataset, "providers.csv", 2, "name", "Rustpunt Jeugd en Gezin")
    with Session(engine) as session:
        load_folder(dataset, session, today=TODAY)
        session.rollback()  # what session_scope does when anything fails before commit
    assert snapshot(engine) == before


def test_a_contract_missing_from_the_regions_file_ends(engine: Engine, dataset: Path) -> None:
    load(engine, dataset)
    rows = read_rows(dataset / "contracts.csv")
    write_rows(dataset / "contracts.csv", [r for r in rows if r["intensity_code"] != "I2"])
    result = load(engine, dataset, allow_mass_end=True)  # 1 of the region's 3: intended
    assert result.changes["contract"].ended == 1
    with Session(engine) as session:
        ended = session.get(Contract, ("testregio", "rustpunt", "B", "P01", "I2", date(2025, 1, 1)))
        assert ended.valid_to == TODAY - timedelta(days=1)
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "end")).one()
        assert entry.changes == {"valid_to": ["2027-12-31", "2026-11-21"]}
    assert load(engine, dataset).changes["contract"].ended == 0  # ending is idempotent too


def test_changes_are_audited_with_old_and_new_values(engine: Engine, dataset: Path) -> None:
    load(engine, dataset, actor="indexer load testregio")
    set_cell(dataset, "waittimes.csv", 2, "weeks", "5")
    load(engine, dataset, actor="indexer load testregio")
    with Session(engine) as session:
        update = session.exec(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert (update.entity, update.entity_key) == ("waittime", "testregio/rustpunt/")
    assert update.changes == {"weeks": [3, 5]}
    assert update.actor == "indexer load testregio"


def test_dry_run_reports_without_writing(engine: Engine, dataset: Path) -> None:
    before = snapshot(engine)
    result = load(engine, dataset, dry_run=True)
    assert result.ok and result.changes["provider"].created == 2
    assert snapshot(engine) == before


def test_a_region_may_send_only_its_contracts(
    engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    load(engine, dataset)
    only = tmp_path / "only-contracts"
    only.mkdir()
    (only / "contracts.csv").write_text((dataset / "contracts.csv").read_text())
    new = {"provider_id": "opvoedhuis", "valid_from": "2026-01-01", "valid_to": "2026-12-31"}
    row = add_row(only, "contracts.csv", **CONTRACT | new)
    assert row == 5
    result = load(engine, only)
    assert result.ok, result.problems
    assert result.changes["contract"].created == 1


def test_dropping_a_profile_still_used_by_stored_contracts_is_refused(
    engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    load(engine, dataset)
    before = snapshot(engine)
    only = tmp_path / "only-profiles"
    only.mkdir()
    rows = read_rows(dataset / "profiles.csv")
    write_rows(only / "profiles.csv", [r for r in rows if r["profile_code"] != "P02"])
    result = load(engine, only)
    assert [str(p) for p in result.problems] == [
        "profiles (stored contracts), column profile_code: 'P02' is still used by stored "
        "contracts but this import removes the profile; send contracts too, or keep the profile",
        "profiles (stored outcomes), column profile_code: 'P02' is still used by stored "
        "outcomes but this import removes the profile; send outcomes too, or keep the profile",
        "profiles (stored tariffs), column profile_code: 'P02' is still used by stored "
        "tariffs but this import removes the profile; send tariffs too, or keep the profile",
        "profiles (stored waittimes), column profile_code: 'P02' is still used by stored "
        "waittimes but this import removes the profile; send waittimes too, or keep the profile",
    ]
    assert snapshot(engine) == before
