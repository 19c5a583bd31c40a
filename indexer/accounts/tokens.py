"""One-time links for invitations and password resets (DESIGN.md §10).

A link is a signed, timestamped payload (itsdangerous) with the user id and a random token
id; the purpose is the salt, so a reset link can never be used as an invitation. Nothing is
stored when a link is made; when it is used, its token id goes into `UsedToken`, which is
what makes it work exactly once. The link itself is never stored or logged.
"""

import secrets
from datetime import timedelta
from typing import Literal

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from indexer.accounts.errors import TokenInvalid
from indexer.models.accounts import UsedToken

Purpose = Literal["invitation", "reset"]

VALID_FOR: dict[str, timedelta] = {
    "invitation": timedelta(days=7),
    "reset": timedelta(hours=1),
}


def make_token(secret: str, purpose: Purpose, user_id: int) -> str:
    """A new link token for `user_id`, valid for VALID_FOR[purpose]."""
    payload = {"user": user_id, "id": secrets.token_urlsafe(16)}
    return _serializer(secret, purpose).dumps(payload)


def read_token(secret: str, purpose: Purpose, token: str, *, session: Session) -> int:
    """The user id of a valid, unexpired and unused token; raises TokenInvalid otherwise.

    For showing the form behind a link; the action itself spends the token."""
    return _unused(secret, purpose, token, session)["user"]


def spend_token(secret: str, purpose: Purpose, token: str, *, session: Session) -> int:
    """Mark a valid token used (flushed; committed with the caller's change); its user id.

    When two requests spend one token at once, the second collides on the primary key and
    gets TokenInvalid("used"), with its transaction rolled back."""
    payload = _unused(secret, purpose, token, session)
    session.add(UsedToken(token_id=payload["id"]))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise TokenInvalid("used") from None
    return payload["user"]


def _unused(secret: str, purpose: Purpose, token: str, session: Session) -> dict:
    payload = _load(secret, purpose, token)
    if session.get(UsedToken, payload["id"]) is not None:
        raise TokenInvalid("used")
    return payload


def _load(secret: str, purpose: Purpose, token: str) -> dict:
    max_age = int(VALID_FOR[purpose].total_seconds())
    try:
        return _serializer(secret, purpose).loads(token, max_age=max_age)
    except SignatureExpired:
        raise TokenInvalid("expired") from None
    except BadData:
        raise TokenInvalid("invalid") from None


def _serializer(secret: str, purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=purpose)
