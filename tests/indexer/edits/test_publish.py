"""Low-risk parts publish at once: a provider's wait time or phone number is in the store,
the audit log and the search index as soon as the call returns (DESIGN.md §10)."""

from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.edits import (
    EditOutcome,
    IndexSync,
    confirm,
    confirmations,
    history,
    pending_for,
    submit_edit,
)
from indexer.models import AuditEntry, Provider, WaitTime
from indexer.models.edits import OwnedField
from tests.indexer.edits.conftest import EDITOR, act, found
from tests.utils.loading import TODAY


def owned(store: Engine, provider_id: str) -> set[str]:
    with Session(store) as session:
        query = select(OwnedField.field).where(OwnedField.provider_id == provider_id)
        return set(session.exec(query))


def test_a_published_wait_is_found_by_search_at_once(store: Engine, sync: IndexSync) -> None:
    assert "rustpunt" not in found(sync, max_wait_weeks=1)

    outcome = act(store, submit_edit, "rustpunt", "waits", {"wait/testregio": "1"}, sync=sync)

    assert outcome == EditOutcome(published=True, pending_id=None)
    document = found(sync, max_wait_weeks=1)["rustpunt"]
    general = {"profile_code": "", "weeks": 1, "confirmed_on": TODAY.isoformat()}
    assert (document["wait_weeks"], document["waits"]) == (1, [general])
    with Session(store) as session:
        wait = session.get(WaitTime, ("testregio", "rustpunt", ""))
        query = select(AuditEntry).where(AuditEntry.entity == "waittime")
        entry = session.exec(query.where(AuditEntry.actor == EDITOR)).one()
    assert (wait.weeks, wait.confirmed_on) == (1, TODAY)
    assert (entry.actor, entry.action, entry.entity_key) == (
        EDITOR,
        "update",
        "testregio/rustpunt/",
    )
    assert entry.changes == {"weeks": [3, 1], "confirmed_on": ["2026-11-01", "2026-11-22"]}
    assert owned(store, "rustpunt") == {"wait/testregio"}
    with Session(store) as session:
        assert confirmations("rustpunt", session=session) == {"waits": TODAY}


def test_a_wait_for_one_profile_is_added_beside_the_general_one(
    store: Engine, sync: IndexSync
) -> None:
    act(store, submit_edit, "rustpunt", "waits", {"wait/testregio/P01": "6"}, sync=sync)

    document = found(sync)["rustpunt"]
    assert document["wait_weeks"] == 3
    assert [(w["profile_code"], w["weeks"]) for w in document["waits"]] == [("", 3), ("P01", 6)]
    assert owned(store, "rustpunt") == {"wait/testregio/P01"}


def test_a_new_phone_number_is_published_and_searchable(store: Engine, sync: IndexSync) -> None:
    values = {"phone": "020-9998877", "email": " Hallo@Rustpunt.example "}
    outcome = act(store, submit_edit, "rustpunt", "contact", values, sync=sync)

    assert outcome.published
    document = found(sync)["rustpunt"]
    assert (document["phone"], document["email"]) == ("020-9998877", "Hallo@rustpunt.example")
    assert owned(store, "rustpunt") == {"phone", "email"}  # the website was not edited
    with Session(store) as session:
        assert session.get(Provider, "rustpunt").website == "https://rustpunt.example"
        assert pending_for("rustpunt", session=session) == []
        latest = history("rustpunt", session=session)[:2]
    assert [(e.entity, e.action, e.actor) for e in latest] == [
        ("confirmation", "confirm", EDITOR),
        ("provider", "update", EDITOR),
    ]
    assert latest[1].changes == {
        "phone": ["020-1112233", "020-9998877"],
        "email": ["info@rustpunt.example", "Hallo@rustpunt.example"],
    }


def test_still_correct_confirms_the_wait_rows_families_see(store: Engine, sync: IndexSync) -> None:
    act(store, confirm, "rustpunt", "waits", sync=sync)

    assert found(sync)["rustpunt"]["waits"][0]["confirmed_on"] == TODAY.isoformat()
    with Session(store) as session:
        assert confirmations("rustpunt", session=session) == {"waits": TODAY}
        assert session.get(WaitTime, ("testregio", "rustpunt", "")).weeks == 3
        entries = session.exec(select(AuditEntry).where(AuditEntry.actor == EDITOR)).all()
    assert sorted((e.entity, e.action) for e in entries) == [
        ("confirmation", "confirm"),
        ("waittime", "update"),
    ]
    assert owned(store, "rustpunt") == set()  # confirming takes nothing over


def test_confirming_contact_details_changes_no_listing_row(store: Engine) -> None:
    act(store, confirm, "rustpunt", "contact")

    with Session(store) as session:
        assert confirmations("rustpunt", session=session) == {"contact": TODAY}
        entry = session.exec(select(AuditEntry).where(AuditEntry.actor == EDITOR)).one()
    assert (entry.entity, entry.entity_key, entry.changes) == (
        "confirmation",
        "rustpunt/contact",
        {"confirmed_on": [None, "2026-11-22"]},
    )
