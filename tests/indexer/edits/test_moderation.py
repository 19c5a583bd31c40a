"""Parts that change what a listing promises wait for region staff: the provider sees them
pending, families see nothing until staff approve, and a rejection changes nothing."""

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.edits import (
    EditError,
    EditOutcome,
    IndexSync,
    approve,
    confirmations,
    history,
    pending_for,
    reject,
    submit_edit,
)
from indexer.models import AuditEntry, Location, Provider
from indexer.models.edits import OwnedField, PendingChange
from tests.indexer.edits.conftest import EDITOR, STAFF, act, found
from tests.utils.datasets import snapshot
from tests.utils.loading import TODAY

NEW_TEXT = {"description_nl": "Wij bieden ook paardrijtherapie.", "description_en": ""}


def listing(store: Engine) -> dict[str, list[tuple]]:
    """What families can see: the store without the log and the moderation queue."""
    tables = snapshot(store)
    return {
        name: rows for name, rows in tables.items() if name not in {"auditentry", "pendingchange"}
    }


def test_a_description_waits_for_staff_then_is_found(store: Engine, sync: IndexSync) -> None:
    before = listing(store)
    outcome = act(store, submit_edit, "rustpunt", "descriptions", NEW_TEXT, sync=sync)

    assert outcome.published is False and outcome.pending_id is not None
    assert found(sync, text="paardrijtherapie") == {}
    assert listing(store) == before
    with Session(store) as session:
        [pending] = pending_for("rustpunt", session=session)
    assert (pending.id, pending.part, pending.proposed_by) == (
        outcome.pending_id,
        "descriptions",
        EDITOR,
    )
    assert pending.changes == {
        "description_nl": ["Wij helpen kinderen met angst.", NEW_TEXT["description_nl"]],
        "description_en": ["We help children with anxiety.", ""],
    }

    act(store, approve, outcome.pending_id, actor=STAFF, sync=sync)

    assert list(found(sync, text="paardrijtherapie")) == ["rustpunt"]
    with Session(store) as session:
        provider = session.get(Provider, "rustpunt")
        assert provider.descriptions == {"nl": NEW_TEXT["description_nl"]}
        assert pending_for("rustpunt", session=session) == []
        assert session.get(PendingChange, outcome.pending_id).status == "approved"
        assert confirmations("rustpunt", session=session) == {"descriptions": TODAY}
        owned = session.exec(select(OwnedField.field).where(OwnedField.provider_id == "rustpunt"))
        assert set(owned) == {"description_nl", "description_en"}
        trail = [(e.actor, e.entity, e.action) for e in history("rustpunt", session=session)[:4]]
    assert trail == [
        (STAFF, "pendingchange", "approve"),
        (STAFF, "confirmation", "confirm"),
        (STAFF, "provider", "update"),
        (EDITOR, "pendingchange", "propose"),
    ]


def test_a_rejected_change_leaves_the_store_as_it_was(store: Engine) -> None:
    before = listing(store)
    outcome = act(store, submit_edit, "rustpunt", "ages", {"min_age": "2"})
    queued = snapshot(store)

    with pytest.raises(EditError, match=r"^reason: is empty: tell the provider why$"):
        act(store, reject, outcome.pending_id, "  ", actor=STAFF)
    assert snapshot(store) == queued
    act(store, reject, outcome.pending_id, "Wij zien geen aanbod voor peuters.", actor=STAFF)

    assert listing(store) == before
    with Session(store) as session:
        change = session.get(PendingChange, outcome.pending_id)
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "reject")).one()
    assert (change.status, change.decided_by, change.reason) == (
        "rejected",
        STAFF,
        "Wij zien geen aanbod voor peuters.",
    )
    assert (entry.actor, entry.changes) == (STAFF, {"reason": "Wij zien geen aanbod voor peuters."})
    with pytest.raises(EditError, match=rf"^change_id: {outcome.pending_id} is not a pending"):
        act(store, approve, outcome.pending_id, actor=STAFF)


@pytest.mark.parametrize(
    ("part", "values", "stored"),
    [
        ("ages", {"min_age": "2", "max_age": "23"}, {"min_age": 2, "max_age": 23}),
        ("languages", {"languages": ["PL", "nl", "uk"]}, {"languages": ["nl", "pl", "uk"]}),
        ("care_forms", {"care_forms": "crisis; ambulant"}, {"care_forms": ["ambulant", "crisis"]}),
    ],
)
def test_moderated_parts_are_stored_as_an_import_would_store_them(
    store: Engine, part: str, values: dict, stored: dict
) -> None:
    outcome = act(store, submit_edit, "rustpunt", part, values)
    act(store, approve, outcome.pending_id, actor=STAFF)

    with Session(store) as session:
        provider = session.get(Provider, "rustpunt")
        assert {field: getattr(provider, field) for field in stored} == stored


def test_locations_are_replaced_as_a_whole_with_centroids_filled_in(store: Engine) -> None:
    locations = [
        {
            "location_id": "loc-2",
            "name": "Rustpunt Zuid",
            "postcode": "1012 ab",
            "city": "Amsterdam",
        },
        {
            "location_id": "loc-1",
            "name": "Rustpunt Centrum",
            "street": "Damrak",
            "house_number": "1",
            "postcode": "1011 AB",
            "city": "Amsterdam",
            "latitude": "52.3741",
            "longitude": "4.8970",
            "wheelchair_accessible": "ja",
        },
    ]
    outcome = act(store, submit_edit, "rustpunt", "locations", {"locations": locations})
    with Session(store) as session:
        [pending] = pending_for("rustpunt", session=session)
    old, new = pending.changes["locations"]
    assert [x["location_id"] for x in old] == ["loc-1"]
    assert [x["location_id"] for x in new] == ["loc-1", "loc-2"]

    act(store, approve, outcome.pending_id, actor=STAFF)

    with Session(store) as session:
        added = session.get(Location, ("rustpunt", "loc-2"))
        assert (added.postcode, added.latitude, added.longitude) == ("1012 AB", 52.374, 4.892)
        assert session.get(Location, ("rustpunt", "loc-1")).wheelchair_accessible is True


def test_a_new_edit_of_a_pending_part_updates_the_pending_change(store: Engine) -> None:
    first = act(
        store, submit_edit, "rustpunt", "descriptions", {"description_nl": "Eerste versie."}
    )
    second = act(store, submit_edit, "rustpunt", "descriptions", {"description_en": "Second."})
    assert second.pending_id == first.pending_id
    with Session(store) as session:
        [pending] = pending_for("rustpunt", session=session)
        assert set(pending.changes) == {"description_nl", "description_en"}

    back = {
        "description_nl": "Wij helpen kinderen met angst.",
        "description_en": "We help children with anxiety.",
    }
    assert act(store, submit_edit, "rustpunt", "descriptions", back) == EditOutcome(published=True)
    with Session(store) as session:
        assert pending_for("rustpunt", session=session) == []
        assert session.get(PendingChange, first.pending_id).status == "rejected"
        assert confirmations("rustpunt", session=session) == {"descriptions": TODAY}


def test_an_unchanged_moderated_part_is_simply_confirmed(store: Engine) -> None:
    outcome = act(store, submit_edit, "opvoedhuis", "languages", {"languages": "tr;nl"})

    assert outcome == EditOutcome(published=True, pending_id=None)
    with Session(store) as session:
        assert pending_for("opvoedhuis", session=session) == []
        assert confirmations("opvoedhuis", session=session) == {"languages": TODAY}
