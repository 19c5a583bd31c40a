"""Every account change is in the audit log with who did it (DESIGN.md §8), and the log
never holds a password, a hash, a TOTP secret or a link."""

import json
from datetime import timedelta

import pyotp
import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlmodel import Session, select

from indexer.accounts.errors import AccountError
from indexer.accounts.service import (
    accept_invitation,
    authenticate,
    create_admin,
    enable_totp,
    finish_reset,
    invite,
    start_reset,
    totp_provisioning,
)
from indexer.accounts.tokens import make_token
from indexer.models import AuditEntry
from tests.indexer.accounts.conftest import NOW, PASSWORD, SECRET

NEW_PASSWORD = "another long passphrase"


def test_account_changes_are_logged_with_their_actor_and_no_secret(session: Session) -> None:
    admin = create_admin("beheer@example.org", PASSWORD, session=session)
    user = invite("nieuw@example.org", provider_id="a", actor=admin.email, session=session)
    invite("nieuw@example.org", region_id="r1", actor=admin.email, session=session)
    invitation = make_token(SECRET, "invitation", user.id)
    accept_invitation(invitation, PASSWORD, secret=SECRET, session=session)
    for _ in range(5):
        with pytest.raises(AccountError):
            authenticate(user.email, "a wrong password", session=session, now=NOW)
    _, reset = start_reset(user.email, secret=SECRET, session=session)
    finish_reset(reset, NEW_PASSWORD, secret=SECRET, session=session)
    authenticate(user.email, NEW_PASSWORD, session=session, now=NOW + timedelta(minutes=1))
    totp_secret, _ = totp_provisioning(user)
    assert enable_totp(user, totp_secret, pyotp.TOTP(totp_secret).now(), session=session)

    entries = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(e.actor, e.action) for e in entries] == [
        ("indexer accounts create-admin", "create"),
        ("beheer@example.org", "create"),
        ("beheer@example.org", "add_provider"),
        ("beheer@example.org", "add_region"),
        ("nieuw@example.org", "accept_invitation"),
        *[("anonymous", "sign_in_failed")] * 4,
        ("anonymous", "lock"),
        ("anonymous", "request_reset"),
        ("nieuw@example.org", "reset_password"),
        ("nieuw@example.org", "sign_in"),
        ("nieuw@example.org", "enable_totp"),
    ]
    assert {e.entity_key for e in entries[1:]} == {str(user.id)}
    assert entries[9].changes == {"locked_until": (NOW + timedelta(minutes=15)).isoformat()}

    logged = json.dumps([e.model_dump(mode="json") for e in entries])
    secrets = [PASSWORD, NEW_PASSWORD, totp_secret, invitation, reset, user.password_hash]
    secrets += [admin.password_hash, "scrypt:"]
    secrets += [_token_id(invitation, "invitation"), _token_id(reset, "reset")]
    assert [secret for secret in secrets if secret in logged] == []
    assert "scrypt:" not in repr(user) and totp_secret not in repr(user)  # nor in a log line


def _token_id(token: str, purpose: str) -> str:
    return URLSafeTimedSerializer(SECRET, salt=purpose).loads(token)["id"]
