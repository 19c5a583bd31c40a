"""Tariffs as referrers read them: an amount of money in one unit, and where it sits in the
region's cost bandwidth (indexer.tariffs).

Tariffs are public in the Netherlands; a figure is always of one unit (per trajectory, year
or month), never a mix. One place formats money and bandwidths, so the results table, the
provider page, compare, the explainer and the downloads all show a tariff alike; and one
query reads the tariffs of every provider on a page.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import format_currency
from sqlmodel import Session

from indexer.tariffs import AppliedTariff, Bandwidth, applied_tariffs, bandwidths
from portal import labels


def money(cents: int) -> str:
    """€ 2.450,00 in Dutch, €2,450.00 in English: exact, from cents."""
    return format_currency(Decimal(cents) / 100, "EUR")


@dataclass(frozen=True)
class Spread:
    """A region's bandwidth as shown: one unit, lowest – median – highest, or one figure."""

    lowest: str
    median: str
    highest: str
    unit: str
    providers: int
    single: bool


def spread(band: Bandwidth) -> Spread:
    return Spread(
        money(band.lowest),
        money(band.median),
        money(band.highest),
        str(labels.UNITS.get(band.unit, band.unit)),
        band.providers,
        band.single,
    )


@dataclass(frozen=True)
class Price:
    """One provider's tariff for one profile × intensity, and where it sits in the band."""

    code: str  # "P01/I1", with the segment when the provider is paid in both
    amount: str
    unit: str
    position: str
    spread: Spread | None


def prices(
    tariffs: list[AppliedTariff], bands: dict[tuple[str, str, str], Bandwidth]
) -> list[Price]:
    """Each tariff as shown; its code names the segment when the provider is paid in both."""
    both_segments = len({t.segment for t in tariffs}) > 1
    shown = []
    for tariff in tariffs:
        band = bands.get((tariff.profile_code, tariff.intensity_code, tariff.unit))
        code = f"{tariff.profile_code}/{tariff.intensity_code}"
        shown.append(
            Price(
                f"{code} ({tariff.segment})" if both_segments else code,
                money(tariff.cents),
                str(labels.UNITS.get(tariff.unit, tariff.unit)),
                str(labels.BANDWIDTH_POSITIONS[band.position(tariff.cents)]) if band else "",
                spread(band) if band else None,
            )
        )
    return shown


def tariffs_by_provider(
    session: Session, pairs: set[tuple[str, str]], day: date
) -> tuple[dict[tuple[str, str], list[AppliedTariff]], dict[str, dict]]:
    """Tariffs per (region, provider) in one query, and each of those regions' bandwidths."""
    found = defaultdict(list)
    if pairs:
        for tariff in applied_tariffs(session, day, provider_ids={p for _, p in pairs}):
            if (tariff.region_id, tariff.provider_id) in pairs:
                found[(tariff.region_id, tariff.provider_id)].append(tariff)
    bands = {region: bandwidths(session, region, day) for region in sorted({r for r, _ in pairs})}
    return found, bands
