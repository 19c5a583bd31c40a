"""What the provider and region workspaces show, read from the store (never from a view).

The write side lives in indexer.edits; these are the lists the forms are built from: which
wait times a provider keeps (one general wait per region it is contracted in, and one per
contracted profile), which providers a region's staff moderate, and what is waiting there.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from indexer.models import Contract, Profile, Provider, Region, WaitTime
from indexer.models.accounts import ProviderEditor, User
from indexer.models.edits import PendingChange, wait_field


@dataclass(frozen=True)
class WaitSlot:
    field: str  # the owned-field name indexer.edits expects, e.g. "wait/haaglanden/P03"
    region_name: str
    profile_code: str  # "" for the region's general wait
    profile_names: dict[str, str]
    weeks: int | None
    confirmed_on: date | None


def _current(query, today: date):
    query = query.where(Contract.valid_from <= today)
    return query.where(col(Contract.valid_to).is_(None) | (col(Contract.valid_to) >= today))


def wait_slots(provider_id: str, *, session: Session, today: date) -> list[WaitSlot]:
    """Every wait time the provider can keep, with the value stored now."""
    offers = session.exec(
        _current(select(Contract.region_id, Contract.profile_code), today)
        .where(Contract.provider_id == provider_id)
        .distinct()
    )
    by_region: dict[str, set[str]] = {}
    for region_id, profile_code in offers:
        by_region.setdefault(region_id, set()).add(profile_code)
    waits = {
        (w.region_id, w.profile_code): w
        for w in session.exec(select(WaitTime).where(WaitTime.provider_id == provider_id))
    }
    slots = []
    for region_id in sorted(by_region):
        region = session.get(Region, region_id)
        for code in ["", *sorted(by_region[region_id])]:
            profile = session.get(Profile, (region_id, code)) if code else None
            wait = waits.get((region_id, code))
            slots.append(
                WaitSlot(
                    wait_field(region_id, code),
                    region.name,
                    code,
                    profile.names if profile else {},
                    wait.weeks if wait else None,
                    wait.confirmed_on if wait else None,
                )
            )
    return slots


def providers_in_regions(region_ids: set[str], *, session: Session, today: date) -> list[Provider]:
    """Providers with a current contract in these regions, by name."""
    contracted = _current(select(Contract.provider_id), today).where(
        col(Contract.region_id).in_(region_ids)
    )
    query = select(Provider).where(col(Provider.id).in_(contracted.distinct()))
    return list(session.exec(query.order_by(col(Provider.name))))


def pending_in_regions(
    region_ids: set[str], *, session: Session, today: date
) -> list[tuple[PendingChange, Provider]]:
    """Changes waiting for these regions' staff, oldest first, with their provider."""
    providers = {p.id: p for p in providers_in_regions(region_ids, session=session, today=today)}
    query = select(PendingChange).where(PendingChange.status == "pending")
    query = query.where(col(PendingChange.provider_id).in_(providers))
    changes = session.exec(query.order_by(col(PendingChange.proposed_at)))
    return [(change, providers[change.provider_id]) for change in changes]


def editors_of(provider_id: str, *, session: Session) -> list[str]:
    """E-mail addresses of the people who keep this provider's listing (for decisions)."""
    query = select(User.email).join(ProviderEditor, col(ProviderEditor.user_id) == col(User.id))
    return sorted(session.exec(query.where(ProviderEditor.provider_id == provider_id)))
