"""Freshness: the day a person last confirmed each part, and the listings region staff see
as possibly out of date (6 months; a wait time 8 weeks; never confirmed)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.edits import PARTS, StaleListing, confirm, confirmations, history, stale_listings
from indexer.edits.reads import stale_from
from tests.indexer.edits.conftest import act
from tests.utils.loading import TODAY

OTHER_PARTS = [part for part in PARTS if part != "waits"]


def stale(store: Engine, today: date, regions: frozenset = frozenset({"testregio"})) -> dict:
    with Session(store) as session:
        listings = stale_listings(set(regions), session=session, today=today)
    return {listing.provider_id: listing.parts for listing in listings}


def test_a_listing_never_confirmed_is_stale_in_every_part(store: Engine) -> None:
    with Session(store) as session:
        listings = stale_listings({"testregio"}, session=session, today=TODAY)
    assert listings == [
        StaleListing("opvoedhuis", "Het Opvoedhuis", dict.fromkeys(PARTS)),
        StaleListing("rustpunt", "Rustpunt Jeugd", dict.fromkeys(PARTS)),
    ]
    assert stale(store, TODAY, frozenset({"elders"})) == {}


def test_a_wait_goes_stale_after_8_weeks_and_the_rest_after_6_months(store: Engine) -> None:
    for part in PARTS:
        act(store, confirm, "rustpunt", part)

    assert "rustpunt" not in stale(store, TODAY)
    eight_weeks = TODAY + timedelta(weeks=8)
    assert stale(store, eight_weeks - timedelta(days=1)).get("rustpunt") is None
    assert stale(store, eight_weeks)["rustpunt"] == {"waits": TODAY}
    assert stale(store, date(2027, 5, 21))["rustpunt"] == {"waits": TODAY}
    assert stale(store, date(2027, 5, 22))["rustpunt"] == dict.fromkeys(PARTS, TODAY)


@pytest.mark.parametrize(
    ("today", "months_ago"),
    [
        (date(2026, 11, 22), date(2026, 5, 22)),
        (date(2026, 8, 31), date(2026, 2, 28)),
        (date(2027, 3, 5), date(2026, 9, 5)),
    ],
)
def test_six_months_back_is_counted_in_calendar_months(today: date, months_ago: date) -> None:
    assert stale_from("contact", today) == months_ago
    assert stale_from("waits", today) == today - timedelta(weeks=8)


def test_a_listing_without_a_current_contract_is_not_listed(store: Engine) -> None:
    assert stale(store, date(2028, 1, 1)) == {}  # the contracts end on 2027-12-31


def test_confirmations_and_history_tell_what_was_confirmed_when(store: Engine) -> None:
    act(store, confirm, "rustpunt", "contact", today=date(2026, 11, 1))
    act(store, confirm, "rustpunt", "ages", today=date(2026, 11, 2))
    act(store, confirm, "rustpunt", "contact")

    with Session(store) as session:
        assert confirmations("rustpunt", session=session) == {
            "contact": TODAY,
            "ages": date(2026, 11, 2),
        }
        assert confirmations("opvoedhuis", session=session) == {}
        entries = history("rustpunt", session=session)
    assert [(e.entity_key, e.changes) for e in entries[:3]] == [
        ("rustpunt/contact", {"confirmed_on": ["2026-11-01", "2026-11-22"]}),
        ("rustpunt/ages", {"confirmed_on": [None, "2026-11-02"]}),
        ("rustpunt/contact", {"confirmed_on": [None, "2026-11-01"]}),
    ]
    assert {e.entity for e in entries[3:]} == {
        "provider",
        "location",
        "contract",
        "outcome",
        "waittime",
    }
    assert all("opvoedhuis" not in e.entity_key for e in entries)
