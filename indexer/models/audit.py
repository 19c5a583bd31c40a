"""The audit log: every change to the store, by whom and what changed (DESIGN.md §8)."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    return datetime.now(UTC)


class AuditEntry(SQLModel, table=True):
    """One created, updated, ended or deleted record.

    `changes` holds the new values for a creation and {field: [old, new]} for an update, so
    an operator can answer "who changed this wait time, and from what?".
    """

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(
        default_factory=utc_now, sa_column=Column(DateTime(timezone=True), nullable=False)
    )
    actor: str
    action: str
    entity: str = Field(index=True)
    entity_key: str = Field(index=True)
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
