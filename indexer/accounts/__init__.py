"""Accounts, roles and one-time links, Flask-free (DESIGN.md §10).

`service` holds the actions (invite, sign in, reset, second factor), `permissions` the rules
per object, `tokens` the one-time links, `passwords` hashing, `commands` the
`indexer accounts` command line. Every error an action can raise is an `AccountError`.
"""

from indexer.accounts.errors import (
    AccountError,
    AccountLocked,
    BadCredentials,
    TokenInvalid,
    WeakPassword,
)

__all__ = ["AccountError", "AccountLocked", "BadCredentials", "TokenInvalid", "WeakPassword"]
