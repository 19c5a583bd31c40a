"""Providers keep their own listing true (DESIGN.md §10): the data side, Flask-free.

    outcome = submit_edit("rustpunt", "waits", {"wait/amsterdam": "3"}, actor="a@b.nl",
                          session=session, sync=index_sync(settings, store, today), today=today)

Every function that changes the store ends in `commit_and_index`, the one write path's last
step: commit, then re-index exactly the providers touched. The portal checks who may call
what; these functions only do it, and write the audit log with the actor they are given.
"""

from indexer.edits.parts import PARTS, EditError, Part
from indexer.edits.reads import (
    StaleListing,
    confirmations,
    history,
    open_conflicts,
    pending_for,
    stale_listings,
)
from indexer.edits.service import (
    EditOutcome,
    approve,
    confirm,
    reject,
    resolve_conflict,
    submit_edit,
)
from indexer.edits.writes import (
    IndexNotUpdated,
    IndexSync,
    commit_and_index,
    commit_then_index,
    index_sync,
)
from indexer.models.edits import wait_field

__all__ = [
    "PARTS",
    "EditError",
    "EditOutcome",
    "IndexNotUpdated",
    "IndexSync",
    "Part",
    "StaleListing",
    "approve",
    "commit_and_index",
    "commit_then_index",
    "confirm",
    "confirmations",
    "history",
    "index_sync",
    "open_conflicts",
    "pending_for",
    "reject",
    "resolve_conflict",
    "stale_listings",
    "submit_edit",
    "wait_field",
]
