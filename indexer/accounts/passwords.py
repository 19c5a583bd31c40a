"""Password rules and hashing (DESIGN.md §10: argon2 or scrypt).

scrypt through werkzeug, which ships with Flask already, so hashing needs no extra
dependency; the hash string carries its own parameters (`scrypt:32768:8:1$salt$hash`), so
stronger settings later still verify the old hashes. The only rule is a minimum length
(NIST SP 800-63B): composition rules make passwords harder to remember, not to guess.
"""

import secrets
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD_LENGTH = 12


def password_problem(password: str) -> str | None:
    """Why `password` may not be used, in English for the command line; None when it may."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"A password needs at least {MIN_PASSWORD_LENGTH} characters."
    if not password.strip():
        return "A password cannot be only spaces."
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def check_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; without a hash (no such user, or an invitation not yet
    accepted) a dummy hash is checked, so the answer takes as long as a real one and the
    timing does not tell which addresses have an account."""
    if password_hash is None:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(password_hash, password)


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))
