"""What the export publishes: the store as it stands on the export day.

Everything is read here, in a few bulk queries, so the record builders only shape data and
cannot leak what is not current: only contracts valid on the day count (an expired one is
simply not read), and only providers holding one are exported at all, with their
locations, confirmations and the tariffs that pay those contracts. Outcomes, wait times
and accounts are not read, so no withheld figure or personal data can reach a record.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from sqlmodel import Session, col, select

from indexer.models import (
    Contract,
    Intensity,
    Location,
    Municipality,
    Profile,
    Provider,
    Region,
    Tariff,
)
from indexer.models.edits import Confirmation
from indexer.tariffs import AppliedTariff, applied_tariffs, valid_on


class UnknownRegion(LookupError):
    """The export was asked for a region the store does not hold."""


@dataclass(frozen=True)
class Offer:
    """A provider's contracts valid on the export day in one region: one HSDS service."""

    region: Region
    provider: Provider
    contracts: list[Contract]


@dataclass(frozen=True)
class PricedOffer:
    """The tariff paying one contracted profile × intensity × segment, with the tariff row
    it comes from (for its validity period)."""

    applied: AppliedTariff
    tariff: Tariff


@dataclass(frozen=True)
class Current:
    """Everything one export publishes, as of its day, read before any record is built."""

    regions: list[Region]
    offers: list[Offer]  # by region, then provider
    providers: list[Provider]  # those with an offer, by id
    profiles: dict[tuple[str, str], Profile]  # by (region_id, code)
    intensities: dict[tuple[str, str], Intensity]
    municipalities: dict[str, list[Municipality]]  # by region_id, by code
    locations: dict[str, list[Location]]  # by provider_id, by location_id
    confirmations: dict[str, dict[str, date]]  # provider_id → part → day a person confirmed
    prices: list[PricedOffer]


def read_current(session: Session, today: date, region_id: str | None = None) -> Current:
    """The store on `today`, for every region or the one named (UnknownRegion if absent)."""
    regions = _regions(session, region_id)
    region_ids = {region.id for region in regions}
    offers = _offers(session, today, {region.id: region for region in regions})
    providers = sorted({o.provider.id: o.provider for o in offers}.values(), key=attrgetter("id"))
    provider_ids = {provider.id for provider in providers}
    return Current(
        regions=regions,
        offers=offers,
        providers=providers,
        profiles=_scheme(session, Profile, region_ids),
        intensities=_scheme(session, Intensity, region_ids),
        municipalities=_grouped(
            session.exec(select(Municipality).where(col(Municipality.region_id).in_(region_ids))),
            lambda m: m.region_id,
            lambda m: m.code,
        ),
        locations=_grouped(
            session.exec(select(Location).where(col(Location.provider_id).in_(provider_ids))),
            lambda loc: loc.provider_id,
            lambda loc: loc.location_id,
        ),
        confirmations=_confirmations(session, provider_ids),
        prices=_prices(session, today, region_ids, provider_ids),
    )


def _regions(session: Session, region_id: str | None) -> list[Region]:
    if region_id is None:
        return list(session.exec(select(Region).order_by(col(Region.id))))
    region = session.get(Region, region_id)
    if region is None:
        raise UnknownRegion(f"no region with id {region_id!r}")
    return [region]


def _offers(session: Session, today: date, regions: dict[str, Region]) -> list[Offer]:
    query = select(Contract, Provider).join(Provider, col(Provider.id) == col(Contract.provider_id))
    query = query.where(valid_on(Contract, today), col(Contract.region_id).in_(list(regions)))
    contracts: dict[tuple[str, str], list[Contract]] = defaultdict(list)
    providers = {}
    for contract, provider in session.exec(query):
        contracts[(contract.region_id, provider.id)].append(contract)
        providers[provider.id] = provider
    return [
        Offer(regions[region_id], providers[provider_id], rows)
        for (region_id, provider_id), rows in sorted(contracts.items())
    ]


def _scheme(session: Session, model: type, region_ids: set[str]) -> dict:
    rows = session.exec(select(model).where(col(model.region_id).in_(region_ids)))
    return {(row.region_id, row.code): row for row in rows}


def _grouped(rows, group_of, order_of) -> dict[str, list]:
    groups = defaultdict(list)
    for row in rows:
        groups[group_of(row)].append(row)
    return {key: sorted(items, key=order_of) for key, items in sorted(groups.items())}


def _confirmations(session: Session, provider_ids: set[str]) -> dict[str, dict[str, date]]:
    found: dict[str, dict[str, date]] = defaultdict(dict)
    query = select(Confirmation).where(col(Confirmation.provider_id).in_(provider_ids))
    for confirmation in session.exec(query):
        found[confirmation.provider_id][confirmation.part] = confirmation.confirmed_on
    return dict(found)


def _prices(
    session: Session, today: date, region_ids: set[str], provider_ids: set[str]
) -> list[PricedOffer]:
    """Each current contract's tariff as indexer.tariffs decides it (the provider's own,
    else the region's uniform one), joined to its row: the same key with provider "" when
    uniform; the import refuses overlapping periods, so one row of a key is valid on a day."""
    rows = session.exec(
        select(Tariff).where(valid_on(Tariff, today), col(Tariff.region_id).in_(region_ids))
    )
    tariffs = {
        (t.region_id, t.segment, t.profile_code, t.intensity_code, t.provider_id): t for t in rows
    }
    applied = applied_tariffs(session, today, region_ids=region_ids, provider_ids=provider_ids)
    return [PricedOffer(price, tariffs[_tariff_key(price)]) for price in applied]


def _tariff_key(price: AppliedTariff) -> tuple[str, str, str, str, str]:
    """The key of the tariff row behind an applied tariff (provider "" when uniform)."""
    provider = "" if price.uniform else price.provider_id
    return (price.region_id, price.segment, price.profile_code, price.intensity_code, provider)
