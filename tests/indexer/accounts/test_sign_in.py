"""Signing in and resetting a password: one message for an unknown address and a wrong
password, a 15-minute lock after 5 wrong passwords in a row, and reset links that work once."""

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.accounts.errors import AccountLocked, BadCredentials, TokenInvalid, WeakPassword
from indexer.accounts.service import (
    LOCK_DURATION,
    authenticate,
    finish_reset,
    invite,
    start_reset,
)
from indexer.models.accounts import User
from tests.indexer.accounts.conftest import NOW, PASSWORD, SECRET

WRONG = "not the password at all"


def sign_in(session: Session, user: User, password: str, now=NOW) -> User:
    return authenticate(user.email, password, session=session, now=now)


def refused(session: Session, email: str, password: str, now=NOW) -> type[Exception]:
    with pytest.raises((BadCredentials, AccountLocked)) as error:
        authenticate(email, password, session=session, now=now)
    return type(error.value)


def test_the_right_password_signs_in(session: Session, provider_editor: User) -> None:
    user = authenticate("  Editor@Aanbieder-A.example ", PASSWORD, session=session, now=NOW)
    assert user.id == provider_editor.id
    assert user.last_login_at == NOW


def test_unknown_address_and_wrong_password_get_the_same_message(
    session: Session, provider_editor: User
) -> None:
    with pytest.raises(BadCredentials) as unknown:
        authenticate("nobody@example.org", PASSWORD, session=session, now=NOW)
    with pytest.raises(BadCredentials) as wrong:
        sign_in(session, provider_editor, WRONG)
    assert str(unknown.value) == str(wrong.value) == "Unknown e-mail address or wrong password."


def test_an_invited_address_cannot_sign_in_before_accepting(session: Session) -> None:
    invite("new@example.org", provider_id="a", actor="test", session=session)
    assert refused(session, "new@example.org", "") is BadCredentials
    assert refused(session, "new@example.org", PASSWORD) is BadCredentials


def test_five_wrong_passwords_lock_the_account_for_15_minutes(
    engine: Engine, session: Session, provider_editor: User
) -> None:
    email = provider_editor.email
    assert [refused(session, email, WRONG) for _ in range(4)] == [BadCredentials] * 4
    with pytest.raises(AccountLocked) as locked:
        sign_in(session, provider_editor, WRONG)
    assert locked.value.until == NOW + LOCK_DURATION
    assert "locked until 09:15 UTC" in str(locked.value)

    almost = NOW + LOCK_DURATION - timedelta(seconds=1)
    assert refused(session, email, PASSWORD, now=almost) is AccountLocked
    with Session(engine) as elsewhere:  # the lock was committed, although the call failed
        assert elsewhere.get(User, provider_editor.id).locked_until == NOW + LOCK_DURATION

    assert sign_in(session, provider_editor, PASSWORD, now=NOW + LOCK_DURATION).locked_until is None


def test_a_success_resets_the_count_of_wrong_passwords(
    session: Session, provider_editor: User
) -> None:
    for _ in range(4):
        refused(session, provider_editor.email, WRONG)
    assert sign_in(session, provider_editor, PASSWORD).failed_logins == 0
    for _ in range(4):
        assert refused(session, provider_editor.email, WRONG) is BadCredentials
    assert refused(session, provider_editor.email, WRONG) is AccountLocked


def test_a_reset_link_sets_a_new_password_once(session: Session, provider_editor: User) -> None:
    user, token = start_reset("EDITOR@aanbieder-a.example", secret=SECRET, session=session)
    assert user.id == provider_editor.id
    finish_reset(token, "a brand new passphrase", secret=SECRET, session=session)
    assert refused(session, user.email, PASSWORD) is BadCredentials
    assert sign_in(session, user, "a brand new passphrase").id == user.id
    with pytest.raises(TokenInvalid, match="already been used"):
        finish_reset(token, "yet another passphrase", secret=SECRET, session=session)


def test_a_reset_for_an_unknown_address_gives_nothing(session: Session) -> None:
    assert start_reset("nobody@example.org", secret=SECRET, session=session) is None


def test_a_too_short_password_does_not_use_up_the_link(
    session: Session, provider_editor: User
) -> None:
    _, token = start_reset(provider_editor.email, secret=SECRET, session=session)
    with pytest.raises(WeakPassword, match="at least 12 characters"):
        finish_reset(token, "short", secret=SECRET, session=session)
    finish_reset(token, "long enough passphrase", secret=SECRET, session=session)


def test_a_reset_lifts_a_lock(session: Session, provider_editor: User) -> None:
    for _ in range(5):
        refused(session, provider_editor.email, WRONG)
    _, token = start_reset(provider_editor.email, secret=SECRET, session=session)
    finish_reset(token, "a brand new passphrase", secret=SECRET, session=session)
    assert sign_in(session, provider_editor, "a brand new passphrase").id == provider_editor.id
