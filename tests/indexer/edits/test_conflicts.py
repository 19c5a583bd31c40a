"""An import that disagrees with a provider's own value: the provider's value stays, region
staff keep it or take the import's, and the audit log holds both values either way."""

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.edits import EditError, IndexSync, open_conflicts, resolve_conflict, submit_edit
from indexer.models import AuditEntry, Provider
from indexer.models.edits import Conflict, OwnedField
from indexer.sources import LoadResult, load_folder
from tests.indexer.edits.conftest import STAFF, act, found
from tests.utils.datasets import set_cell
from tests.utils.loading import TODAY

IMPORT = "indexer load dataset"


def reload(store: Engine, dataset: Path) -> LoadResult:
    with Session(store) as session:
        result = load_folder(dataset, session, actor=IMPORT, today=TODAY)
        session.commit()
    return result


@pytest.fixture
def conflict(store: Engine, dataset: Path, sync: IndexSync) -> Conflict:
    """Rustpunt changed its phone; then the region's file brings yet another number."""
    act(store, submit_edit, "rustpunt", "contact", {"phone": "020-9998877"}, sync=sync)
    set_cell(dataset, "providers.csv", 2, "phone", "020-5554433")
    assert reload(store, dataset).conflicts == 1
    with Session(store) as session:
        [found_conflict] = open_conflicts({"testregio"}, session=session)
    return found_conflict


def phone(store: Engine) -> str:
    with Session(store) as session:
        return session.get(Provider, "rustpunt").phone


def test_the_import_keeps_the_providers_phone_and_records_a_conflict(
    store: Engine, dataset: Path, conflict: Conflict
) -> None:
    assert (conflict.provider_id, conflict.field, conflict.source) == ("rustpunt", "phone", IMPORT)
    assert (conflict.provider_value, conflict.import_value) == ("020-9998877", "020-5554433")
    assert phone(store) == "020-9998877"

    again = reload(store, dataset)  # the same file: the open conflict is not repeated
    assert again.conflicts == 0 and again.changes["provider"].updated == 0
    with Session(store) as session:
        assert len(session.exec(select(Conflict)).all()) == 1
        assert open_conflicts({"elders"}, session=session) == []


@pytest.mark.parametrize(
    ("resolution", "stays", "owned"),
    [("keep", "020-9998877", True), ("take", "020-5554433", False)],
)
def test_keep_and_take_settle_the_phone_and_log_both_values(
    store: Engine,
    dataset: Path,
    sync: IndexSync,
    conflict: Conflict,
    resolution: str,
    stays: str,
    owned: bool,
) -> None:
    act(store, resolve_conflict, conflict.id, resolution, actor=STAFF, sync=sync)

    assert phone(store) == stays
    assert found(sync)["rustpunt"]["phone"] == stays
    assert reload(store, dataset).conflicts == 0  # the same file stays quiet after either
    with Session(store) as session:
        assert open_conflicts({"testregio"}, session=session) == []
        assert (session.get(OwnedField, ("rustpunt", "phone")) is not None) is owned
        resolved = session.get(Conflict, conflict.id)
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "resolve")).one()
    assert (resolved.resolution, resolved.resolved_by, entry.actor) == (resolution, STAFF, STAFF)
    assert entry.changes == {
        "field": "phone",
        "resolution": resolution,
        "provider_value": "020-9998877",
        "import_value": "020-5554433",
    }


def test_after_take_the_regions_next_phone_is_simply_loaded(
    store: Engine, dataset: Path, conflict: Conflict
) -> None:
    act(store, resolve_conflict, conflict.id, "take", actor=STAFF)
    with Session(store) as session:
        query = select(AuditEntry).where(AuditEntry.actor == STAFF, AuditEntry.action == "update")
        assert session.exec(query).one().changes == {"phone": ["020-9998877", "020-5554433"]}

    set_cell(dataset, "providers.csv", 2, "phone", "020-0001112")
    result = reload(store, dataset)

    assert (result.conflicts, phone(store)) == (0, "020-0001112")


def test_a_conflict_is_resolved_once(store: Engine, conflict: Conflict) -> None:
    with pytest.raises(EditError, match=r"^resolution: 'both' is not one of: keep, take$"):
        act(store, resolve_conflict, conflict.id, "both", actor=STAFF)
    act(store, resolve_conflict, conflict.id, "keep", actor=STAFF)
    with pytest.raises(EditError, match=rf"^conflict_id: {conflict.id} is not an open conflict$"):
        act(store, resolve_conflict, conflict.id, "take", actor=STAFF)


def test_taking_a_wait_the_file_dropped_removes_it(store: Engine, dataset: Path) -> None:
    act(store, submit_edit, "opvoedhuis", "waits", {"wait/testregio/P02": "5"})
    path = dataset / "waittimes.csv"
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:2]))  # rustpunt only
    assert reload(store, dataset).conflicts == 1
    with Session(store) as session:
        [dropped] = open_conflicts({"testregio"}, session=session)
    assert (dropped.field, dropped.provider_value, dropped.import_value) == (
        "wait/testregio/P02",
        5,
        None,
    )

    act(store, resolve_conflict, dropped.id, "take", actor=STAFF)

    with Session(store) as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "delete")).one()
    assert (entry.actor, entry.entity_key) == (STAFF, "testregio/opvoedhuis/P02")
    assert reload(store, dataset).conflicts == 0
