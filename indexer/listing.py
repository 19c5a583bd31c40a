"""A provider's listing in one region, with everything its page and API twin show.

Outcome figures come with what makes them honest (DESIGN.md §5): period, count, the
region's norm for the intensity and the regional average; a figure below the region's
minimum count is withheld and marked as too few to say.

Every page and API call for a provider reads this, so it reads plain rows (SQLAlchemy's
`Row`: the columns by name, as the models name them) through the session's connection and
statements built once, rather than ORM objects: loading a row into a model cost more than
the database took to find it (a listing: 1.8 → 0.7 ms, 10 or 11 statements → 8).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection, Row, bindparam, case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from indexer.models import (
    Contract,
    Intensity,
    Location,
    Outcome,
    OutcomeNorm,
    Profile,
    Provider,
    Region,
    WaitTime,
)
from indexer.search.outcomes import latest, period_order

FIGURES = ("goal_attainment_pct", "dropout_pct", "satisfaction_youth", "satisfaction_parents")
COUNT_OF = {
    "goal_attainment_pct": "closed_trajectories",
    "dropout_pct": "closed_trajectories",
    "satisfaction_youth": "satisfaction_youth_n",
    "satisfaction_parents": "satisfaction_parents_n",
}
NORM_OF = {
    "goal_attainment_pct": "goal_attainment_min_pct",
    "dropout_pct": "dropout_max_pct",
    "satisfaction_youth": "satisfaction_min",
    "satisfaction_parents": "satisfaction_min",
}


class RegionName(NamedTuple):
    """A region as a listing shows it."""

    id: str
    name: str
    min_outcome_count: int


class ProviderName(NamedTuple):
    """A main contractor as a listing names it."""

    id: str
    name: str


def _sums_statement():
    """For `_averages`: for each of the provider's rows shown (its provider-wide row of the
    period `overall`, its rows per intensity of the period `by_intensity`), over the
    region's rows of the same period × profile × intensity: each figure's sum of value ×
    count and sum of counts, counting a row when its count is at or above the minimum and
    its value is known (NULL when no row counts). The provider's rows name the groups, so
    no list of them is sent along."""
    mine, peer = aliased(Outcome), aliased(Outcome)
    minimum = bindparam("minimum")
    sums = []
    for name in FIGURES:
        value, count = getattr(peer, name), getattr(peer, COUNT_OF[name])
        sums.append(func.sum(case((count >= minimum, value * count))))
        sums.append(func.sum(case(((count >= minimum) & col(value).is_not(None), count))))
    group = (mine.period, mine.profile_code, mine.intensity_code)
    shown = (
        (mine.period == bindparam("overall"))
        & (mine.profile_code == "")
        & (mine.intensity_code == "")
    ) | ((mine.period == bindparam("by_intensity")) & (mine.intensity_code != ""))
    same_group = (
        (peer.region_id == mine.region_id)
        & (peer.period == mine.period)
        & (peer.profile_code == mine.profile_code)
        & (peer.intensity_code == mine.intensity_code)
    )
    return (
        select(*group, *sums)
        .join(peer, same_group)
        .where(mine.region_id == bindparam("region"), mine.provider_id == bindparam("provider"))
        .where(shown)
        .group_by(*group)
    )


# What a provider page reads, built once (indexer/store.py).
PROVIDER = select(*Provider.__table__.columns).where(Provider.id == bindparam("provider"))
_main = aliased(Provider)
# Valid contracts with their region and main contractor (NULL: not a provider in the guide).
CONTRACTS = (
    select(
        Contract.region_id,
        Region.name.label("region_name"),
        Region.min_outcome_count,
        Contract.segment,
        Contract.profile_code,
        Contract.intensity_code,
        Contract.valid_to,
        Contract.main_contractor_id,
        _main.name.label("main_contractor_name"),
    )
    .join(Region, col(Region.id) == col(Contract.region_id))
    .outerjoin(_main, col(_main.id) == col(Contract.main_contractor_id))
    .where(Contract.provider_id == bindparam("provider"))
    .where(Contract.valid_from <= bindparam("today"))
    .where(col(Contract.valid_to).is_(None) | (col(Contract.valid_to) >= bindparam("today")))
)
PROFILES = select(Profile.code, Profile.names, Profile.descriptions).where(
    Profile.region_id == bindparam("region")
)
# Each intensity with the region's norm for it (NULLs when it set none).
INTENSITIES = (
    select(
        Intensity.code,
        Intensity.names,
        Intensity.sort_order,
        OutcomeNorm.goal_attainment_min_pct,
        OutcomeNorm.dropout_max_pct,
        OutcomeNorm.satisfaction_min,
    )
    .outerjoin(
        OutcomeNorm,
        (col(OutcomeNorm.region_id) == col(Intensity.region_id))
        & (col(OutcomeNorm.intensity_code) == col(Intensity.code)),
    )
    .where(Intensity.region_id == bindparam("region"))
)
LOCATIONS = select(*Location.__table__.columns).where(Location.provider_id == bindparam("provider"))
WAITS = select(WaitTime.profile_code, WaitTime.weeks, WaitTime.confirmed_on).where(
    WaitTime.provider_id == bindparam("provider"), WaitTime.region_id == bindparam("region")
)
OUTCOMES = select(
    *(c for c in Outcome.__table__.columns if c.name not in ("region_id", "provider_id"))
).where(Outcome.provider_id == bindparam("provider"), Outcome.region_id == bindparam("region"))
AVERAGES = _sums_statement()


@dataclass(frozen=True)
class Figure:
    """One outcome figure as shown: value None means withheld (count below the minimum)."""

    name: str
    value: float | None
    count: int | None
    enough: bool
    norm: float | None  # the strictest norm over the intensities judged (one, per intensity)
    norm_is_maximum: bool
    regional_average: float | None
    meets_norm: bool | None


@dataclass(frozen=True)
class IntensityFigures:
    """What the region published for one profile × intensity (profile None: for the
    intensity over all profiles), judged against the norm of that intensity alone."""

    profile: Row | None
    intensity: Row
    period: str
    figures: list[Figure]


@dataclass
class Listing:
    """Rows by the names of their models' fields: the provider's own (Provider), its
    locations (Location) and waits here (WaitTime: profile_code, weeks, confirmed_on);
    profiles with code, names and descriptions; intensities with code, names, sort_order
    and the region's norm for them (OutcomeNorm's figures)."""

    provider: Row
    region: RegionName
    regions: list[RegionName]  # every region where the provider holds a valid contract
    offers: list[tuple[Row, list[Row], list[str]]]  # profile, intensities, segments
    locations: list[Row]
    waits: list[Row]
    period: str | None = None
    figures: list[Figure] = field(default_factory=list)
    intensity_figures: list[IntensityFigures] = field(default_factory=list)
    contract_end: date | None = None
    # Whom the provider works under as onderaannemer here, by name ("one family, one plan").
    main_contractors: list[ProviderName] = field(default_factory=list)


def provider_listing(
    provider_id: str, region_id: str | None, *, session: Session, today: date
) -> Listing | None:
    """The listing in `region_id` (or the first region it is contracted in); None when the
    provider does not exist or holds no valid contract anywhere."""
    connection = session.connection()
    mine = {"provider": provider_id}
    contracts = connection.execute(CONTRACTS, mine | {"today": today}).all()
    regions = {
        c.region_id: RegionName(c.region_id, c.region_name, c.min_outcome_count) for c in contracts
    }
    if not regions:
        return None  # no valid contract, or no such provider
    region_id = region_id if region_id in regions else min(regions)
    here = [c for c in contracts if c.region_id == region_id]
    in_region = {"region": region_id}
    profiles = {p.code: p for p in connection.execute(PROFILES, in_region)}
    intensities = {i.code: i for i in connection.execute(INTENSITIES, in_region)}
    listing = Listing(
        provider=connection.execute(PROVIDER, mine).one(),
        region=regions[region_id],
        regions=sorted(regions.values()),
        offers=_offers(here, profiles, intensities),
        locations=connection.execute(LOCATIONS, mine).all(),
        waits=connection.execute(WAITS, mine | in_region).all(),
        contract_end=max((c.valid_to for c in here if c.valid_to), default=None),
        main_contractors=_main_contractors(here),
    )
    _add_outcomes(listing, {c.intensity_code for c in here}, profiles, intensities, connection)
    return listing


def _main_contractors(contracts: list[Row]) -> list[ProviderName]:
    found = {
        ProviderName(c.main_contractor_id, c.main_contractor_name)
        for c in contracts
        if c.main_contractor_name is not None
    }
    return sorted(found, key=lambda p: (p.name, p.id))


def _offers(contracts: list[Row], profiles: dict, intensities: dict) -> list:
    offers = []
    for code in sorted({c.profile_code for c in contracts}):
        mine = [c for c in contracts if c.profile_code == code]
        levels = sorted({c.intensity_code for c in mine}, key=lambda i: intensities[i].sort_order)
        segments = sorted({c.segment for c in mine})
        offers.append((profiles[code], [intensities[i] for i in levels], segments))
    return offers


def _add_outcomes(
    listing: Listing,
    intensity_codes: set[str],
    profiles: dict[str, Row],
    intensities: dict[str, Row],
    connection: Connection,
) -> None:
    region = listing.region
    here = {"provider": listing.provider.id, "region": region.id}
    outcomes = connection.execute(OUTCOMES, here).all()
    outcome = latest(outcomes)
    per_intensity = [o for o in outcomes if o.intensity_code]
    chosen = _newest_period(per_intensity)
    averages = _averages(listing, outcome, chosen, connection)
    if outcome is not None:
        listing.period = outcome.period
        listing.figures = _figures(outcome, intensity_codes, intensities, region, averages)
    listing.intensity_figures = _intensity_figures(chosen, profiles, intensities, region, averages)


def _newest_period(rows: list[Row]) -> list[Row]:
    """The rows of the newest period among those the region published per intensity, by
    the same "newest period" rule as for the provider-wide row (`latest`)."""
    if not rows:
        return []
    period = max((row.period for row in rows), key=period_order)
    return [row for row in rows if row.period == period]


def _intensity_figures(
    chosen: list[Row],
    profiles: dict[str, Row],
    intensities: dict[str, Row],
    region: RegionName,
    averages: dict,
) -> list[IntensityFigures]:
    """The rows of the newest period (`chosen`), by profile and then intensity from light to
    heavy; a row with nothing measured is left out."""
    groups = []
    for row in sorted(
        chosen, key=lambda row: (row.profile_code, intensities[row.intensity_code].sort_order)
    ):
        figures = _figures(row, {row.intensity_code}, intensities, region, averages)
        if figures:
            groups.append(
                IntensityFigures(
                    profiles.get(row.profile_code),
                    intensities[row.intensity_code],
                    row.period,
                    figures,
                )
            )
    return groups


def _figures(
    outcome: Row,
    intensity_codes: set[str],
    intensities: dict[str, Row],
    region: RegionName,
    averages: dict,
) -> list[Figure]:
    """Each figure of `outcome`, withheld below the region's minimum count, against the
    strictest norm of `intensity_codes` and the regional average for the same profile ×
    intensity (`averages`, by `_averages`). A figure the region did not measure (no value,
    no count) is left out rather than called too few to say: "0 people gave a score" would
    be a figure of our own."""
    judged = [intensities[code] for code in intensity_codes]
    average = averages.get(_group(outcome), {})
    figures = []
    for name in FIGURES:
        count = getattr(outcome, COUNT_OF[name])
        if count is None and getattr(outcome, name) is None:
            continue
        enough = (count or 0) >= region.min_outcome_count
        value = getattr(outcome, name) if enough else None
        norm_values = [
            getattr(n, NORM_OF[name]) for n in judged if getattr(n, NORM_OF[name]) is not None
        ]
        is_max = name == "dropout_pct"
        norm = (min(norm_values) if is_max else max(norm_values)) if norm_values else None
        meets = (
            None if value is None or norm is None else (value <= norm if is_max else value >= norm)
        )
        figures.append(Figure(name, value, count, enough, norm, is_max, average.get(name), meets))
    return figures


def _group(outcome: Row) -> tuple[str, str, str]:
    return outcome.period, outcome.profile_code, outcome.intensity_code


def _averages(
    listing: Listing, outcome: Row | None, chosen: list[Row], connection: Connection
) -> dict:
    """Per period × profile × intensity of `outcome` (the provider-wide row shown) and
    `chosen` (the rows per intensity shown): each figure averaged over the region's
    providers, weighted by their counts, counting only figures at or above the region's
    minimum count. One query sums them all, rather than every row of the region travelling
    to Python once per figure shown."""
    if outcome is None and not chosen:
        return {}
    region = listing.region
    params = {
        "region": region.id,
        "provider": listing.provider.id,
        "minimum": region.min_outcome_count,
        "overall": outcome.period if outcome else None,
        "by_intensity": chosen[0].period if chosen else None,
    }
    averages = {}
    for period, profile_code, intensity_code, *totals in connection.execute(AVERAGES, params):
        averages[(period, profile_code, intensity_code)] = {
            name: round(totals[2 * i] / totals[2 * i + 1], 1)
            for i, name in enumerate(FIGURES)
            if totals[2 * i + 1]
        }
    return averages
