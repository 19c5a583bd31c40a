"""Invitations and the first admin: exactly one provider or region per invitation, unknown
ones refused with the store unchanged, addresses stored lower-case, passwords only as
scrypt hashes, and an invitation link that sets the first password once."""

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from indexer.accounts.errors import AccountError, TokenInvalid, WeakPassword
from indexer.accounts.passwords import password_problem
from indexer.accounts.service import accept_invitation, authenticate, create_admin, invite
from indexer.accounts.tokens import make_token
from indexer.models import AuditEntry
from indexer.models.accounts import User
from tests.indexer.accounts.conftest import NOW, PASSWORD, SECRET
from tests.utils.datasets import snapshot


def stored_hash(engine: Engine, email: str) -> str:
    with engine.connect() as connection:
        query = text('SELECT password_hash FROM "user" WHERE email = :email')
        return connection.execute(query, {"email": email}).scalar_one()


def test_an_admin_is_stored_lower_case_with_an_scrypt_hash(
    engine: Engine, session: Session
) -> None:
    user = create_admin(" Beheer@Jeugdhulpgids.example", PASSWORD, session=session)
    assert user.is_admin and user.email == "beheer@jeugdhulpgids.example"
    assert stored_hash(engine, user.email).startswith("scrypt:")
    assert PASSWORD not in stored_hash(engine, user.email)
    with pytest.raises(AccountError, match="already has an account"):
        create_admin("BEHEER@jeugdhulpgids.example", PASSWORD, session=session)


def test_a_short_password_is_refused(engine: Engine, session: Session) -> None:
    assert password_problem("x" * 11) == "A password needs at least 12 characters."
    assert password_problem(" " * 12) == "A password cannot be only spaces."
    assert password_problem("x" * 12) is None
    before = snapshot(engine)
    with pytest.raises(WeakPassword, match="at least 12"):
        create_admin("beheer@jeugdhulpgids.example", "kort", session=session)
    assert snapshot(engine) == before


def test_an_invitation_makes_a_user_without_a_password(session: Session) -> None:
    user = invite("Nieuw@Aanbieder-A.example", provider_id="a", actor="admin@x", session=session)
    assert (user.email, user.password_hash) == ("nieuw@aanbieder-a.example", None)
    assert [m.provider_id for m in user.provider_links] == ["a"]
    staff = invite("staf@regio.example", region_id="r1", actor="admin@x", session=session)
    assert [m.region_id for m in staff.region_links] == ["r1"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ({"provider_id": "onbekend"}, "Unknown provider 'onbekend'."),
        ({"region_id": "r9"}, "Unknown region 'r9'."),
        ({}, "Invite for exactly one provider or one region."),
        ({"provider_id": "a", "region_id": "r1"}, "Invite for exactly one provider or one region."),
    ],
)
def test_an_invitation_for_an_unknown_or_unclear_target_changes_nothing(
    engine: Engine, session: Session, target: dict, message: str
) -> None:
    before = snapshot(engine)
    with pytest.raises(AccountError) as refused:
        invite("nieuw@example.org", **target, actor="admin@x", session=session)
    assert str(refused.value) == message
    assert snapshot(engine) == before


def test_an_invitation_for_something_that_is_not_an_address_is_refused(session: Session) -> None:
    with pytest.raises(AccountError, match="'nieuw@' is not an e-mail address"):
        invite("nieuw@", provider_id="a", actor="admin@x", session=session)


def test_an_existing_user_just_gets_the_extra_membership(
    session: Session, provider_editor: User
) -> None:
    user = invite(provider_editor.email, provider_id="b", actor="admin@x", session=session)
    assert user.id == provider_editor.id and user.password_hash is not None
    assert sorted(m.provider_id for m in user.provider_links) == ["a", "b"]
    entries = session.exec(select(AuditEntry)).all()
    invite(provider_editor.email.upper(), provider_id="b", actor="admin@x", session=session)
    assert session.exec(select(AuditEntry)).all() == entries  # inviting twice changes nothing
    assert len(session.exec(select(User)).all()) == 1


def test_accepting_an_invitation_sets_the_first_password_once(session: Session) -> None:
    user = invite("nieuw@example.org", provider_id="a", actor="admin@x", session=session)
    token = make_token(SECRET, "invitation", user.id)
    with pytest.raises(WeakPassword):
        accept_invitation(token, "kort", secret=SECRET, session=session)
    assert accept_invitation(token, PASSWORD, secret=SECRET, session=session).id == user.id
    assert authenticate("nieuw@example.org", PASSWORD, session=session, now=NOW).id == user.id
    with pytest.raises(TokenInvalid, match="already been used"):
        accept_invitation(token, "another passphrase", secret=SECRET, session=session)


def test_a_second_invitation_link_cannot_replace_the_password(session: Session) -> None:
    user = invite("nieuw@example.org", provider_id="a", actor="admin@x", session=session)
    first, second = (make_token(SECRET, "invitation", user.id) for _ in range(2))
    accept_invitation(first, PASSWORD, secret=SECRET, session=session)
    with pytest.raises(TokenInvalid) as refused:
        accept_invitation(second, "someone else's passphrase", secret=SECRET, session=session)
    assert refused.value.reason == "used"
    assert authenticate(user.email, PASSWORD, session=session, now=NOW).id == user.id


def test_a_reset_link_is_not_an_invitation(session: Session) -> None:
    user = invite("nieuw@example.org", provider_id="a", actor="admin@x", session=session)
    with pytest.raises(TokenInvalid, match="not valid"):
        accept_invitation(
            make_token(SECRET, "reset", user.id), PASSWORD, secret=SECRET, session=session
        )
