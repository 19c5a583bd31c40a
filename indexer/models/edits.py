"""What providers keep themselves: owned fields, pending edits, confirmations and conflicts.

DESIGN.md §10: the region's files own the offer and a provider's identity; a provider owns,
once it has edited them, its contact details, descriptions, locations, languages, ages, care
forms and wait times. These tables remember which fields a provider has taken over (so an
import does not silently overwrite them), which edits wait for region staff, when a person
last said a part of a listing is still correct, and where an import disagreed.

Fields are named as the import names them (`phone`, `description_en`, `min_age`), with two
additions: `locations` (a provider's locations as a whole) and one field per wait time,
`wait/<region_id>` or `wait/<region_id>/<profile_code>` (see `wait_field`).
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from indexer.models.accounts import UTCDateTime
from indexer.models.audit import utc_now

LOCATIONS_FIELD = "locations"
WAIT_PREFIX = "wait"


def wait_field(region_id: str, profile_code: str = "") -> str:
    """The field of one wait time: the general one of a region, or one profile's."""
    place = f"{region_id}/{profile_code}" if profile_code else region_id
    return f"{WAIT_PREFIX}/{place}"


def parse_wait_field(field: str) -> tuple[str, str] | None:
    """(region_id, profile_code) of a wait field; None for any other field. Codes never hold
    a '/', so the split is unambiguous."""
    prefix, *place = field.split("/")
    if prefix != WAIT_PREFIX or len(place) not in (1, 2) or not all(place):
        return None
    return place[0], place[1] if len(place) == 2 else ""


def _timestamp(*, nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable)


class OwnedField(SQLModel, table=True):
    """A field the provider has taken over from the region's file, and since when."""

    provider_id: str = Field(foreign_key="provider.id", primary_key=True)
    field: str = Field(primary_key=True)
    since: datetime = Field(default_factory=utc_now, sa_column=_timestamp())


class PendingChange(SQLModel, table=True):
    """An edit of a part that region staff must approve first (descriptions, locations, ages,
    languages, care forms). `changes` is {field: [old, new]}, the values as they will be
    stored; the provider sees it as pending until staff decide."""

    id: int | None = Field(default=None, primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", index=True)
    part: str
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    proposed_by: str
    proposed_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
    status: str = Field(default="pending", index=True)  # pending, approved or rejected
    decided_by: str | None = None
    decided_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    reason: str | None = None


class Confirmation(SQLModel, table=True):
    """The day a person last said a part of a listing is correct (HSDS `assured_date`).

    Only people set it, by publishing an edit or confirming; an import never does, because a
    region's file says nothing about whether the provider still stands behind the text."""

    provider_id: str = Field(foreign_key="provider.id", primary_key=True)
    part: str = Field(primary_key=True)
    confirmed_on: date
    confirmed_by: str


class Conflict(SQLModel, table=True):
    """An import brought another value for a field the provider owns. The provider's value
    stayed; region staff decide: "keep" it, or "take" the import's value (the field is then
    the region's again). `source` is the import's actor, e.g. `indexer load FOLDER`."""

    id: int | None = Field(default=None, primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", index=True)
    field: str
    provider_value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    import_value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    source: str
    created_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp())
    resolved_by: str | None = None
    resolution: str | None = None  # keep, take; None while open
    resolved_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
