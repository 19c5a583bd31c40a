"""One-time links: each works exactly once, for its own purpose, and expires (7 days for an
invitation, 1 hour for a reset); the refusal says which of those it was."""

import time

import pytest
from itsdangerous import TimestampSigner
from sqlmodel import Session

from indexer.accounts.errors import TokenInvalid
from indexer.accounts.tokens import make_token, read_token, spend_token
from tests.indexer.accounts.conftest import SECRET


def made_ago(monkeypatch: pytest.MonkeyPatch, seconds: int, purpose: str) -> str:
    """A token signed `seconds` ago: itsdangerous dates it with TimestampSigner's clock."""
    then = int(time.time()) - seconds
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp", lambda _: then)
        return make_token(SECRET, purpose, 7)


def refusal(session: Session, purpose: str, token: str, secret: str = SECRET) -> str:
    with pytest.raises(TokenInvalid) as refused:
        read_token(secret, purpose, token, session=session)
    return refused.value.reason


def test_a_link_works_exactly_once(session: Session) -> None:
    token = make_token(SECRET, "reset", 7)
    assert read_token(SECRET, "reset", token, session=session) == 7
    assert read_token(SECRET, "reset", token, session=session) == 7  # reading does not spend
    assert spend_token(SECRET, "reset", token, session=session) == 7
    session.commit()
    assert refusal(session, "reset", token) == "used"
    with pytest.raises(TokenInvalid, match="already been used"):
        spend_token(SECRET, "reset", token, session=session)
    assert read_token(SECRET, "reset", make_token(SECRET, "reset", 7), session=session) == 7


@pytest.mark.parametrize(("purpose", "valid_for"), [("invitation", 7 * 24 * 3600), ("reset", 3600)])
def test_a_link_expires(
    session: Session, monkeypatch: pytest.MonkeyPatch, purpose: str, valid_for: int
) -> None:
    fresh = made_ago(monkeypatch, valid_for - 60, purpose)
    assert read_token(SECRET, purpose, fresh, session=session) == 7
    stale = made_ago(monkeypatch, valid_for + 60, purpose)
    assert refusal(session, purpose, stale) == "expired"
    with pytest.raises(TokenInvalid, match="expired"):
        spend_token(SECRET, purpose, stale, session=session)


def test_a_link_is_only_good_for_its_own_purpose_and_key(session: Session) -> None:
    reset = make_token(SECRET, "reset", 7)
    assert refusal(session, "invitation", reset) == "invalid"
    assert refusal(session, "reset", reset, secret="another-key") == "invalid"
    assert refusal(session, "reset", reset[:-2]) == "invalid"
    assert refusal(session, "reset", "") == "invalid"


def test_each_refusal_has_its_own_message() -> None:
    messages = {reason: str(TokenInvalid(reason)) for reason in ("invalid", "expired", "used")}
    assert len(set(messages.values())) == 3
    assert "expired" in messages["expired"] and "used" in messages["used"]


def test_two_links_for_one_user_are_different(session: Session) -> None:
    first, second = make_token(SECRET, "reset", 7), make_token(SECRET, "reset", 7)
    assert first != second
    spend_token(SECRET, "reset", first, session=session)
    session.commit()
    assert read_token(SECRET, "reset", second, session=session) == 7
