"""A provider records its languages by the same rule as a region's import: ISO 639-1 or
ISO 639-3, one code per language, so a Tarifit-speaking practice can say so itself and
families filtering on Tarifit find it."""

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.edits import EditError, EditOutcome, IndexSync, approve, submit_edit
from indexer.models import Provider
from tests.indexer.edits.conftest import STAFF, act, found


def test_a_provider_adds_tarifit_and_families_filtering_on_it_find_the_provider(
    store: Engine, sync: IndexSync
) -> None:
    outcome = act(store, submit_edit, "rustpunt", "languages", {"languages": ["nl", "en", "RIF"]})
    act(store, approve, outcome.pending_id, actor=STAFF, sync=sync)

    with Session(store) as session:
        assert session.get(Provider, "rustpunt").languages == ["en", "nl", "rif"]
    assert list(found(sync, languages=("rif",))) == ["rustpunt"]


def test_three_letters_for_a_language_already_listed_change_nothing(store: Engine) -> None:
    """Het Opvoedhuis speaks nl and tr; `nld; tur` is the same two languages."""
    outcome = act(store, submit_edit, "opvoedhuis", "languages", {"languages": "NLD; tur"})
    assert outcome == EditOutcome(published=True, pending_id=None)
    with Session(store) as session:
        assert session.get(Provider, "opvoedhuis").languages == ["nl", "tr"]


def test_a_code_that_is_no_language_is_refused(store: Engine) -> None:
    with pytest.raises(EditError) as refused:
        act(store, submit_edit, "rustpunt", "languages", {"languages": ["nl", "qqq"]})
    assert refused.value.errors == [
        (
            "languages",
            "'nl;qqq' contains 'qqq', which is not an ISO 639-1 or ISO 639-3 language code",
        )
    ]
