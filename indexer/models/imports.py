"""Imports that region staff upload in the browser (docs/import.md, "Loading in the browser").

One row per upload: who sent which files for which region, the state of its check and load,
and the counts of the last report, so the region's history answers "who loaded what, when,
and what did it change?" long after the files were sent. The files themselves and the full
report are kept on disk in the run's own folder under IMPORTS_DIR (`folder`); `files` lists
each with its size and SHA-256 checksum, so a kept file can be proved to be the one loaded.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from indexer.models.accounts import UTCDateTime
from indexer.models.audit import utc_now

# The states of a run, in the order they usually follow each other.
CHECKING, CHECKED, LOADING, LOADED, FAILED = "checking", "checked", "loading", "loaded", "failed"
BUSY = (CHECKING, LOADING)


def _timestamp(*, nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable)


def _json() -> Column:
    return Column(JSON, nullable=False)


class ImportRun(SQLModel, table=True):
    """An upload, its dry run (`checked`, with the report's digest) and maybe its load.

    `digest` is the digest of the report last shown: a confirmation loads only when a fresh
    report has the same one. `changed_since_shown` says a confirmation found a different
    report, which is shown instead. `counts` holds the report's totals (added, changed,
    ended, removed, conflicts, problems) for the history list."""

    id: int | None = Field(default=None, primary_key=True)
    region_id: str = Field(foreign_key="region.id", index=True)
    actor: str  # who uploaded
    folder: str  # inside IMPORTS_DIR
    files: list[dict[str, Any]] = Field(default_factory=list, sa_column=_json())
    status: str = CHECKING
    allow_mass_end: bool = False
    digest: str = ""
    counts: dict[str, int] = Field(default_factory=dict, sa_column=_json())
    changed_since_shown: bool = False
    notice: str = ""
    created_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
    loaded_by: str = ""  # who confirmed the load (any staff of the region may)
    loaded_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
