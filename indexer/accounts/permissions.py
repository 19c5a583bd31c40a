"""Who may act for what: named rules `(user, obj) -> bool` that compose (DESIGN.md §9, after
FlaskBB's `requirements.py` and Redash's `permissions.py`).

Rights are checked per object: editing *this* provider, working for *this* region. Rules take
`None` for someone not signed in and answer False, so a view can pass the current user as it
is. Memberships are loaded with the user, so only `moderates_provider` and the workspace
lists need the store.
"""

from datetime import date

from sqlmodel import Session, or_, select

from indexer.models import Contract, Provider, Region
from indexer.models.accounts import User


def is_admin(user: User | None) -> bool:
    return user is not None and user.is_admin


def edits_provider(user: User | None, provider_id: str) -> bool:
    """The user keeps this provider's listing (an admin may act for any provider)."""
    return is_admin(user) or provider_id in _provider_ids(user)


def staff_of_region(user: User | None, region_id: str) -> bool:
    """The user works for this region (an admin may act for any region)."""
    return is_admin(user) or region_id in _region_ids(user)


def moderates_provider(user: User | None, provider_id: str, *, session: Session) -> bool:
    """The user is staff of a region that contracts this provider (a contract that has not
    ended), so they review its edits; admins moderate every provider."""
    if is_admin(user):
        return True
    regions = _region_ids(user)
    if not regions:
        return False
    contract = select(Contract.region_id).where(
        Contract.provider_id == provider_id,
        Contract.region_id.in_(regions),
        or_(Contract.valid_to.is_(None), Contract.valid_to >= date.today()),
    )
    return session.exec(contract.limit(1)).first() is not None


def providers_of(user: User | None, *, session: Session) -> list[Provider]:
    """The providers the user edits, by name, for the provider workspace (admins: all)."""
    query = select(Provider).order_by(Provider.name, Provider.id)
    if not is_admin(user):
        query = query.where(Provider.id.in_(_provider_ids(user)))
    return list(session.exec(query))


def regions_of(user: User | None, *, session: Session) -> list[Region]:
    """The regions the user works for, by name, for the region workspace (admins: all)."""
    query = select(Region).order_by(Region.name, Region.id)
    if not is_admin(user):
        query = query.where(Region.id.in_(_region_ids(user)))
    return list(session.exec(query))


def _provider_ids(user: User | None) -> set[str]:
    return {m.provider_id for m in user.provider_links} if user is not None else set()


def _region_ids(user: User | None) -> set[str]:
    return {m.region_id for m in user.region_links} if user is not None else set()
