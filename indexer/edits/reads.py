"""What providers and region staff read about edits: pending changes, conflicts, stale
listings, the history of a listing and its confirmation dates.

Region staff work per region: a conflict or stale listing concerns them when the provider
holds a contract in one of their regions (a wait time only in its own region).
"""

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam
from sqlmodel import Session, SQLModel, col, or_, select

from indexer.edits.parts import PARTS, STALE_MONTHS
from indexer.models import AuditEntry, Contract, Provider
from indexer.models.edits import Confirmation, Conflict, PendingChange, parse_wait_field
from indexer.waits import WAIT_STALE_WEEKS

# Audit entries of these tables are keyed "<provider_id>/<id>" rather than by primary key.
KEYED_BY_PROVIDER = {"pendingchange", "conflict"}


@dataclass(frozen=True)
class StaleListing:
    """A provider whose listing has parts not confirmed for too long: {part: last
    confirmed, None when never}."""

    provider_id: str
    name: str
    parts: dict[str, date | None]


def pending_for(provider_id: str, *, session: Session) -> list[PendingChange]:
    """The provider's changes waiting for region staff, oldest first."""
    query = select(PendingChange).where(PendingChange.provider_id == provider_id)
    query = query.where(PendingChange.status == "pending")
    return list(session.exec(query.order_by(col(PendingChange.proposed_at))))


def open_conflicts(region_ids: set[str], *, session: Session) -> list[Conflict]:
    """Open conflicts of providers contracted in these regions, oldest first."""
    contracted = select(Contract.provider_id).where(col(Contract.region_id).in_(region_ids))
    query = select(Conflict).where(col(Conflict.resolution).is_(None))
    query = query.where(col(Conflict.provider_id).in_(contracted.distinct()))
    conflicts = session.exec(query.order_by(col(Conflict.created_at), col(Conflict.id)))
    return [c for c in conflicts if _in_regions(c.field, region_ids)]


def _in_regions(field: str, region_ids: set[str]) -> bool:
    """A wait time belongs to one region; every other field to the whole listing."""
    place = parse_wait_field(field)
    return place is None or place[0] in region_ids


def stale_listings(region_ids: set[str], *, session: Session, today: date) -> list[StaleListing]:
    """Providers with a current contract in these regions whose listing has a part not
    confirmed for 6 months (a wait time: 8 weeks), or never; by provider name."""
    current = select(Provider.id, Provider.name).join(
        Contract, col(Contract.provider_id) == col(Provider.id)
    )
    current = current.where(col(Contract.region_id).in_(region_ids), Contract.valid_from <= today)
    current = current.where(or_(col(Contract.valid_to).is_(None), Contract.valid_to >= today))
    providers = dict(session.exec(current.distinct()).all())
    confirmed: dict[str, dict[str, date]] = defaultdict(dict)
    query = select(Confirmation).where(col(Confirmation.provider_id).in_(list(providers)))
    for confirmation in session.exec(query):
        confirmed[confirmation.provider_id][confirmation.part] = confirmation.confirmed_on
    limits = {part: stale_from(part, today) for part in PARTS}
    listings = []
    for provider_id, name in sorted(providers.items(), key=lambda item: (item[1], item[0])):
        days = confirmed[provider_id]
        stale = {p: days.get(p) for p in PARTS if p not in days or days[p] <= limits[p]}
        if stale:
            listings.append(StaleListing(provider_id, name, stale))
    return listings


def stale_from(part: str, today: date) -> date:
    """A part confirmed on this day or before is possibly out of date on `today`."""
    if part == "waits":
        return today - timedelta(weeks=WAIT_STALE_WEEKS)
    year, month = divmod(today.year * 12 + today.month - 1 - STALE_MONTHS, 12)
    return today.replace(
        year=year, month=month + 1, day=min(today.day, monthrange(year, month + 1)[1])
    )


# Built once (indexer/store.py): every provider page shows its confirmations.
CONFIRMATIONS = select(Confirmation.part, Confirmation.confirmed_on).where(
    Confirmation.provider_id == bindparam("provider")
)


def confirmations(provider_id: str, *, session: Session) -> dict[str, date]:
    """{part: the day a person last confirmed it}; parts never confirmed are left out.
    Read through the session's connection: plain rows, without the ORM's work per call."""
    rows = session.connection().execute(CONFIRMATIONS, {"provider": provider_id})
    return dict(rows.all())


def history(provider_id: str, *, session: Session) -> list[AuditEntry]:
    """Every audit entry about the provider, newest first: its own rows (listing, contracts,
    tariffs, outcomes, wait times) by whoever changed them, and edits and decisions."""
    positions = _provider_positions()
    query = select(AuditEntry).where(col(AuditEntry.entity).in_(positions))
    query = query.where(col(AuditEntry.entity_key).contains(provider_id, autoescape=True))
    entries = session.exec(query.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc()))
    return [e for e in entries if e.entity_key.split("/")[positions[e.entity]] == provider_id]


def _provider_positions() -> dict[str, int]:
    """Where the provider id stands in each table's audit key (keys join the primary key
    with '/', and codes never hold a '/')."""
    positions = {"provider": 0} | dict.fromkeys(KEYED_BY_PROVIDER, 0)
    for table in SQLModel.metadata.tables.values():
        keys = [column.name for column in table.primary_key.columns]
        if "provider_id" in keys:
            positions[table.name] = keys.index("provider_id")
    return positions
