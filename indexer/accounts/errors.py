"""What can go wrong with an account, as exceptions the portal maps to its own words.

Messages are English, for the command line and the logs' readers; the portal shows its own
translated text per class (and per `TokenInvalid.reason`), never these strings. None of
them contains a password, hash, secret or link.
"""

from datetime import datetime
from typing import ClassVar, Literal


class AccountError(Exception):
    """Base of every account error: the action was refused and nothing was changed."""


class BadCredentials(AccountError):
    """Unknown address or wrong password: one message for both, so a sign-in form cannot
    be used to find out which addresses have an account."""

    def __init__(self) -> None:
        super().__init__("Unknown e-mail address or wrong password.")


class AccountLocked(AccountError):
    """Too many wrong passwords in a row; sign-in is refused until `until` (UTC)."""

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(
            f"Too many failed sign-ins: this account is locked until {until:%H:%M} UTC."
        )


class WeakPassword(AccountError):
    """The new password breaks a rule of `passwords.password_problem`."""


class TokenInvalid(AccountError):
    """A one-time link that cannot be used; `reason` says why, for the portal's text."""

    MESSAGES: ClassVar[dict[str, str]] = {
        "invalid": "This link is not valid: check that it was copied completely.",
        "expired": "This link has expired: ask for a new one.",
        "used": "This link has already been used: ask for a new one if needed.",
    }

    def __init__(self, reason: Literal["invalid", "expired", "used"]) -> None:
        self.reason = reason
        super().__init__(self.MESSAGES[reason])
