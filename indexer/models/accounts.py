"""Who may sign in and what they may act for: users, their providers and regions, and the
one-time links already used (DESIGN.md §10).

Rights are rows, not flags: a provider editor is a `ProviderEditor` row per provider, region
staff a `RegionStaff` row per region, so "may this user change *this* provider?" is one look
at the user's own memberships. Those are loaded with the user (selectin), so the permission
rules also work on a user whose session has ended, as a signed-in user kept by the portal.
"""

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, Relationship, SQLModel

from indexer.models.audit import utc_now


class UTCDateTime(TypeDecorator):
    """A timestamp that is always read back time-zone aware, in UTC.

    SQLite keeps no time zone and hands back naive values; comparing those with an aware
    `now` (the lockout check) would raise, so every value is stored and read as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _timestamp(*, nullable: bool) -> Column:
    return Column(UTCDateTime(), nullable=nullable)


class User(SQLModel, table=True):
    """A person who signs in: a provider editor, region staff or an admin.

    `password_hash` stays None until the invitation is accepted, so an invited address can
    never sign in with a guessed password. Secrets are left out of the repr, so a user that
    ends up in a log line or traceback does not take its hash or TOTP secret with it.
    """

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)  # stored lower-case (accounts.service)
    name: str = ""
    password_hash: str | None = Field(default=None, repr=False)
    is_admin: bool = False
    totp_secret: str | None = Field(default=None, repr=False)
    # The 30-second step of the last code used: a code works once, even within its window.
    totp_last_step: int | None = Field(default=None, repr=False)
    failed_logins: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    created_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp(nullable=False))
    last_login_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))

    provider_links: list["ProviderEditor"] = Relationship(
        sa_relationship_kwargs={"lazy": "selectin"}
    )
    region_links: list["RegionStaff"] = Relationship(sa_relationship_kwargs={"lazy": "selectin"})


class ProviderEditor(SQLModel, table=True):
    """The user keeps this provider's listing current."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", primary_key=True, index=True)


class RegionStaff(SQLModel, table=True):
    """The user works for this region: contracts, moderation of its providers' edits."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    region_id: str = Field(foreign_key="region.id", primary_key=True, index=True)


class UsedToken(SQLModel, table=True):
    """The random id of a one-time link that has been used, so it works exactly once.

    Only the id inside the signed link is kept, never the link itself; the primary key makes
    two simultaneous uses of one link collide, so only one of them can win.
    """

    token_id: str = Field(primary_key=True)
    used_at: datetime = Field(default_factory=utc_now, sa_column=_timestamp(nullable=False))
