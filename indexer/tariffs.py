"""Tariffs and cost bandwidths, as referrers read them (DESIGN.md §11, seed 003).

A provider's tariff for a profile × intensity is its own agreed price (segment C, and a
segment B provider with a tariff of its own), else the region's uniform segment-B price. A
region's **cost bandwidth** for a profile × intensity × unit is the lowest, median and
highest of those tariffs over the providers contracted today: where everyone is paid the
uniform price it is one figure. Units (per trajectory, per year, per month) are never mixed
in one figure: a bandwidth is always of one unit.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import median

from sqlmodel import Session, col, select

from indexer.models import Contract, Tariff

UNITS = ("traject", "jaar", "maand")


@dataclass(frozen=True)
class AppliedTariff:
    """What one provider is paid for one contracted profile × intensity in one region."""

    region_id: str
    provider_id: str
    segment: str
    profile_code: str
    intensity_code: str
    cents: int
    unit: str
    uniform: bool  # the region's one price for everyone in segment B


@dataclass(frozen=True)
class Bandwidth:
    """The spread of tariffs for one region × profile × intensity × unit, in cents."""

    region_id: str
    profile_code: str
    intensity_code: str
    unit: str
    lowest: int
    median: int
    highest: int
    providers: int

    @property
    def single(self) -> bool:
        """Every contracted provider is paid the same: one figure, no spread."""
        return self.lowest == self.highest

    def position(self, cents: int) -> str:
        """Where a tariff sits: only, lowest, below_median, median, above_median, highest."""
        if self.single:
            return "only"
        if cents <= self.lowest:
            return "lowest"
        if cents >= self.highest:
            return "highest"
        if cents == self.median:
            return "median"
        return "below_median" if cents < self.median else "above_median"


def valid_on(model, day: date):
    """The clause "valid on `day`" for contracts and tariffs (an open end never expires)."""
    return (col(model.valid_from) <= day) & (
        col(model.valid_to).is_(None) | (col(model.valid_to) >= day)
    )


def applied_tariffs(
    session: Session,
    today: date,
    *,
    region_ids: set[str] | None = None,
    provider_ids: set[str] | None = None,
) -> list[AppliedTariff]:
    """Every contract valid today with the tariff that pays it, in two queries; a contract
    without a tariff on file is left out (the region did not publish one)."""
    contracts = select(Contract).where(valid_on(Contract, today))
    tariffs = select(Tariff).where(valid_on(Tariff, today))
    if region_ids is not None:
        contracts = contracts.where(col(Contract.region_id).in_(region_ids))
        tariffs = tariffs.where(col(Tariff.region_id).in_(region_ids))
    if provider_ids is not None:
        contracts = contracts.where(col(Contract.provider_id).in_(provider_ids))
        tariffs = tariffs.where(col(Tariff.provider_id).in_({"", *provider_ids}))
    prices = {
        (t.region_id, t.segment, t.profile_code, t.intensity_code, t.provider_id): t
        for t in session.exec(tariffs)
    }
    applied = {}
    for contract in session.exec(contracts):
        offer = (contract.region_id, contract.segment, contract.profile_code)
        offer += (contract.intensity_code,)
        own = prices.get((*offer, contract.provider_id))
        tariff = own or prices.get((*offer, ""))
        if tariff is None:
            continue
        key = (contract.region_id, contract.provider_id, *offer[1:])
        applied[key] = AppliedTariff(
            contract.region_id,
            contract.provider_id,
            contract.segment,
            contract.profile_code,
            contract.intensity_code,
            tariff.tariff_cents,
            tariff.unit,
            uniform=own is None,
        )
    return [applied[key] for key in sorted(applied)]


def bandwidths(
    session: Session, region_id: str, today: date
) -> dict[tuple[str, str, str], Bandwidth]:
    """{(profile, intensity, unit): Bandwidth} over the region's providers contracted today.

    A provider contracted in both segments for the same profile × intensity counts once per
    distinct price, so the bandwidth shows every price the region pays."""
    prices: dict[tuple[str, str, str], dict[tuple[str, int], None]] = defaultdict(dict)
    for tariff in applied_tariffs(session, today, region_ids={region_id}):
        key = (tariff.profile_code, tariff.intensity_code, tariff.unit)
        prices[key][(tariff.provider_id, tariff.cents)] = None
    result = {}
    for key, paid in prices.items():
        cents = sorted(c for _, c in paid)
        result[key] = Bandwidth(
            region_id,
            *key,
            lowest=cents[0],
            median=round(median(cents)),
            highest=cents[-1],
            providers=len({p for p, _ in paid}),
        )
    return result
