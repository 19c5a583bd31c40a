"""Account actions: the first admin, invitations, sign-in with lockout, password resets and
the second factor (DESIGN.md §10). Flask-free, so the portal and the command line share them.

Each function is its own unit of work: it checks everything first, then changes the store,
writes the audit log and commits. That matters for sign-in, where a wrong password must be
counted although the call ends in an exception. Audit entries say what happened and who did
it ("anonymous" for someone not yet signed in), never a password, hash, secret or link.
"""

from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

import pyotp
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import update
from sqlmodel import Session, select

from indexer.accounts.errors import (
    AccountError,
    AccountLocked,
    BadCredentials,
    TokenInvalid,
    WeakPassword,
)
from indexer.accounts.passwords import check_password, hash_password, password_problem
from indexer.accounts.tokens import make_token, read_token, spend_token
from indexer.models import AuditEntry, Provider, Region
from indexer.models.accounts import ProviderEditor, RegionStaff, User

MAX_FAILED_LOGINS = 5
LOCK_DURATION = timedelta(minutes=15)
ANONYMOUS = "anonymous"
CREATE_ADMIN_ACTOR = "indexer accounts create-admin"


def create_admin(email: str, password: str, *, session: Session) -> User:
    """The first admin (or another one), from the command line; the address must be new."""
    _require_strong(password)
    address = _valid_address(email)
    if _find(session, address) is not None:
        raise AccountError(f"{address} already has an account.")
    user = User(email=address, password_hash=hash_password(password), is_admin=True)
    session.add(user)
    session.flush()
    _audit(session, CREATE_ADMIN_ACTOR, "create", user, {"email": address, "is_admin": True})
    return _commit(session, user)


def invite(
    email: str,
    *,
    provider_id: str | None = None,
    region_id: str | None = None,
    actor: str,
    session: Session,
) -> User:
    """Give `email` the right to edit one provider or work for one region.

    A new address becomes a user without a password (the caller sends the invitation link);
    an existing user just gets the extra membership. Inviting twice changes nothing."""
    if (provider_id is None) == (region_id is None):
        raise AccountError("Invite for exactly one provider or one region.")
    if provider_id is not None and session.get(Provider, provider_id) is None:
        raise AccountError(f"Unknown provider {provider_id!r}.")
    if region_id is not None and session.get(Region, region_id) is None:
        raise AccountError(f"Unknown region {region_id!r}.")
    address = _valid_address(email)
    user = _find(session, address)
    if user is None:
        user = User(email=address)
        session.add(user)
        session.flush()
        _audit(session, actor, "create", user, {"email": address})
    if provider_id is not None and provider_id not in {m.provider_id for m in user.provider_links}:
        user.provider_links.append(ProviderEditor(user_id=user.id, provider_id=provider_id))
        _audit(session, actor, "add_provider", user, {"provider_id": provider_id})
    if region_id is not None and region_id not in {m.region_id for m in user.region_links}:
        user.region_links.append(RegionStaff(user_id=user.id, region_id=region_id))
        _audit(session, actor, "add_region", user, {"region_id": region_id})
    return _commit(session, user)


def accept_invitation(token: str, password: str, *, secret: str, session: Session) -> User:
    """Set the first password through an invitation link; the link then stops working.

    A user who has a password already (a second invitation, accepted through the first)
    gets TokenInvalid("used"): that link has nothing left to do."""
    _require_strong(password)
    user = _user(session, read_token(secret, "invitation", token, session=session))
    if user.password_hash is not None:
        raise TokenInvalid("used")
    spend_token(secret, "invitation", token, session=session)
    user.password_hash = hash_password(password)
    _audit(session, user.email, "accept_invitation", user, {"password": "set"})
    return _commit(session, user)


def authenticate(email: str, password: str, *, session: Session, now: datetime) -> User:
    """The user with this address and password (first factor only); `now` is UTC-aware.

    After MAX_FAILED_LOGINS wrong passwords in a row the account is locked for
    LOCK_DURATION, also for the right password; a successful sign-in resets the count."""
    user = _find(session, _normal(email))
    if user is None or user.password_hash is None:
        check_password(None, password)
        raise BadCredentials()
    if user.locked_until is not None and user.locked_until > now:
        raise AccountLocked(user.locked_until)
    if not check_password(user.password_hash, password):
        _refuse_wrong_password(session, user, now)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    _audit(session, user.email, "sign_in", user, {})
    return _commit(session, user)


def start_reset(email: str, *, secret: str, session: Session) -> tuple[User, str] | None:
    """A reset link token for a known address, or None: the portal then answers the same
    as for a known one, so the form tells nobody which addresses have an account."""
    user = _find(session, _normal(email))
    if user is None:
        return None
    _audit(session, ANONYMOUS, "request_reset", user, {})
    return _commit(session, user), make_token(secret, "reset", user.id)


def finish_reset(token: str, password: str, *, secret: str, session: Session) -> User:
    """Set a new password through a reset link, which also lifts a lockout."""
    _require_strong(password)
    user = _user(session, spend_token(secret, "reset", token, session=session))
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    _audit(session, user.email, "reset_password", user, {"password": "changed"})
    return _commit(session, user)


def totp_provisioning(user: User, issuer: str = "Jeugdhulpgids") -> tuple[str, str]:
    """A fresh TOTP secret and its otpauth:// URI (for the QR code); nothing is stored
    until `enable_totp` has seen a code from the user's app."""
    secret = pyotp.random_base32()
    return secret, pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)


def enable_totp(user: User, secret: str, code: str, *, session: Session) -> bool:
    """Store `secret` as the user's second factor if `code` proves the app has it."""
    step = _matching_step(secret, code)
    if step is None:
        return False
    session.add(user)
    user.totp_secret, user.totp_last_step = secret, step
    _audit(session, user.email, "enable_totp", user, {"totp": "enabled"})
    _commit(session, user)
    return True


def verify_totp(user: User, code: str) -> bool:
    """Whether `code` is the user's current code (or the one before or after, for clocks
    that drift); False for a user without a second factor."""
    return user.totp_secret is not None and _code_matches(user.totp_secret, code)


def use_totp(user: User, code: str, *, session: Session) -> bool:
    """Sign-in's check: `code` must be valid (as verify_totp) and newer than the last code
    this user signed in with, so a code seen over a shoulder cannot be used again."""
    step = _matching_step(user.totp_secret, code) if user.totp_secret else None
    if step is None or step <= (user.totp_last_step or -1):
        return False
    session.add(user)
    user.totp_last_step = step
    session.commit()
    return True


def needs_second_factor(user: User) -> bool:
    """Admins and region staff must use TOTP: their rights reach beyond one provider."""
    return user.is_admin or bool(user.region_links)


def _refuse_wrong_password(session: Session, user: User, now: datetime) -> NoReturn:
    """Count a wrong password in the database itself (parallel guesses all count), lock at
    the limit, commit although the caller is about to fail, then raise."""
    increment = update(User).where(User.id == user.id)
    session.execute(increment.values(failed_logins=User.failed_logins + 1))
    session.refresh(user)
    if user.failed_logins < MAX_FAILED_LOGINS:
        _audit(session, ANONYMOUS, "sign_in_failed", user, {"failed_logins": user.failed_logins})
        session.commit()
        raise BadCredentials()
    user.failed_logins, user.locked_until = 0, now + LOCK_DURATION
    _audit(session, ANONYMOUS, "lock", user, {"locked_until": user.locked_until.isoformat()})
    _commit(session, user)
    raise AccountLocked(user.locked_until)


def _code_matches(secret: str, code: str) -> bool:
    return _matching_step(secret, code) is not None


def _matching_step(secret: str, code: str) -> int | None:
    """The 30-second step whose code `code` is: now, or one step before or after (clocks
    drift); None when it is none of them."""
    code = code.replace(" ", "")
    if not (code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    return next((step for step in (now, now - 1, now + 1) if totp.generate_otp(step) == code), None)


def _require_strong(password: str) -> None:
    problem = password_problem(password)
    if problem is not None:
        raise WeakPassword(problem)


def _normal(email: str) -> str:
    return email.strip().lower()


def _valid_address(email: str) -> str:
    """The address, lower-cased, if it is one (syntax only: no DNS look-ups)."""
    try:
        return _normal(validate_email(email.strip(), check_deliverability=False).normalized)
    except EmailNotValidError as error:
        raise AccountError(f"{email.strip()!r} is not an e-mail address: {error}") from None


def _find(session: Session, address: str) -> User | None:
    return session.exec(select(User).where(User.email == address)).first()


def _user(session: Session, user_id: int) -> User:
    """The user a valid link names; one since removed makes the link invalid."""
    user = session.get(User, user_id)
    if user is None:
        raise TokenInvalid("invalid")
    return user


def _audit(session: Session, actor: str, action: str, user: User, changes: dict[str, Any]):
    key = str(user.id)
    session.add(
        AuditEntry(actor=actor, action=action, entity="user", entity_key=key, changes=changes)
    )


def _commit(session: Session, user: User) -> User:
    """Commit and load the user again, so it stays readable after the session closes."""
    session.commit()
    session.refresh(user)
    return user
