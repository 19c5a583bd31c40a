"""A provider's listing in one region, with everything its page and API twin show.

Outcome figures come with what makes them honest (DESIGN.md §5): period, count, the
region's norm for the intensity and the regional average; a figure below the region's
minimum count is withheld and marked as too few to say.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, case, func, tuple_
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
from indexer.search.outcomes import latest

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


def _sums_statement():
    """For `_averages`: per group, each figure's sum of value × count and sum of counts over
    the rows counted. Built once: composing it costs five times what running it does."""
    minimum = bindparam("minimum")
    sums = []
    for name in FIGURES:
        value, count = getattr(Outcome, name), getattr(Outcome, COUNT_OF[name])
        counted = col(value).is_not(None) & (func.coalesce(count, 0) >= minimum)
        sums.append(func.sum(case((counted, value * count), else_=0.0)))
        sums.append(func.sum(case((counted, count), else_=0)))
    group = (Outcome.period, Outcome.profile_code, Outcome.intensity_code)
    return (
        select(*group, *sums)
        .where(Outcome.region_id == bindparam("region"))
        .where(tuple_(*group).in_(bindparam("groups", expanding=True)))
        .group_by(*group)
    )


# What a provider page reads, built once (indexer/store.py).
CONTRACTS = (
    select(Contract)
    .where(Contract.provider_id == bindparam("provider"))
    .where(Contract.valid_from <= bindparam("today"))
    .where(col(Contract.valid_to).is_(None) | (col(Contract.valid_to) >= bindparam("today")))
)
REGIONS = select(Region).where(col(Region.id).in_(bindparam("regions", expanding=True)))
PROFILES = select(Profile).where(Profile.region_id == bindparam("region"))
INTENSITIES = select(Intensity).where(Intensity.region_id == bindparam("region"))
LOCATIONS = select(Location).where(Location.provider_id == bindparam("provider"))
WAITS = select(WaitTime).where(
    WaitTime.provider_id == bindparam("provider"), WaitTime.region_id == bindparam("region")
)
OUTCOMES = select(Outcome).where(
    Outcome.provider_id == bindparam("provider"), Outcome.region_id == bindparam("region")
)
NORMS = select(OutcomeNorm).where(OutcomeNorm.region_id == bindparam("region"))
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

    profile: Profile | None
    intensity: Intensity
    period: str
    figures: list[Figure]


@dataclass
class Listing:
    provider: Provider
    region: Region
    regions: list[Region]  # every region where the provider holds a valid contract
    offers: list[tuple[Profile, list[Intensity], list[str]]]  # profile, intensities, segments
    locations: list[Location]
    waits: list[WaitTime]
    period: str | None = None
    figures: list[Figure] = field(default_factory=list)
    intensity_figures: list[IntensityFigures] = field(default_factory=list)
    contract_end: date | None = None
    # Whom the provider works under as onderaannemer here, by name ("one family, one plan").
    main_contractors: list[Provider] = field(default_factory=list)


def provider_listing(
    provider_id: str, region_id: str | None, *, session: Session, today: date
) -> Listing | None:
    """The listing in `region_id` (or the first region it is contracted in); None when the
    provider does not exist or holds no valid contract anywhere."""
    provider = session.get(Provider, provider_id)
    if provider is None:
        return None
    mine = {"provider": provider_id}
    contracts = session.exec(CONTRACTS, params=mine | {"today": today}).all()
    region_ids = sorted({c.region_id for c in contracts})
    if not region_ids:
        return None
    region_id = region_id if region_id in region_ids else region_ids[0]
    here = [c for c in contracts if c.region_id == region_id]
    regions = session.exec(REGIONS, params={"regions": region_ids}).all()
    region = next(r for r in regions if r.id == region_id)
    scheme = _scheme(region_id, session)
    listing = Listing(
        provider=provider,
        region=region,
        regions=sorted(regions, key=lambda r: r.id),
        offers=_offers(here, scheme),
        locations=list(session.exec(LOCATIONS, params=mine).all()),
        waits=list(session.exec(WAITS, params=mine | {"region": region_id}).all()),
        contract_end=max((c.valid_to for c in here if c.valid_to), default=None),
        main_contractors=_main_contractors(here, session),
    )
    _add_outcomes(listing, {c.intensity_code for c in here}, scheme, session)
    return listing


def _main_contractors(contracts: list[Contract], session: Session) -> list[Provider]:
    ids = {c.main_contractor_id for c in contracts if c.main_contractor_id}
    if not ids:
        return []
    found = session.exec(select(Provider).where(col(Provider.id).in_(ids))).all()
    return sorted(found, key=lambda p: (p.name, p.id))


def _scheme(region_id: str, session: Session) -> tuple[dict, dict]:
    """The region's profiles and intensities, each by code."""
    region = {"region": region_id}
    profiles = {p.code: p for p in session.exec(PROFILES, params=region)}
    intensities = {i.code: i for i in session.exec(INTENSITIES, params=region)}
    return profiles, intensities


def _offers(contracts: list[Contract], scheme: tuple[dict, dict]) -> list:
    profiles, intensities = scheme
    offers = []
    for code in sorted({c.profile_code for c in contracts}):
        mine = [c for c in contracts if c.profile_code == code]
        levels = sorted({c.intensity_code for c in mine}, key=lambda i: intensities[i].sort_order)
        segments = sorted({c.segment for c in mine})
        offers.append((profiles[code], [intensities[i] for i in levels], segments))
    return offers


def _add_outcomes(
    listing: Listing, intensity_codes: set[str], scheme: tuple[dict, dict], session: Session
) -> None:
    region = listing.region
    here = {"provider": listing.provider.id, "region": region.id}
    outcomes = session.exec(OUTCOMES, params=here).all()
    norms = {n.intensity_code: n for n in session.exec(NORMS, params={"region": region.id})}
    outcome = latest(list(outcomes))
    per_intensity = [o for o in outcomes if o.intensity_code]
    chosen = _newest_period(per_intensity)
    averages = _averages(region, [outcome, *chosen] if outcome else chosen, session)
    if outcome is not None:
        listing.period = outcome.period
        listing.figures = _figures(outcome, intensity_codes, norms, region, averages)
    listing.intensity_figures = _intensity_figures(chosen, norms, region, scheme, averages)


def _newest_period(rows: list[Outcome]) -> list[Outcome]:
    """The rows of the newest period among those the region published per intensity."""
    if not rows:
        return []
    # The same "newest period" rule as for the provider-wide row, applied to these periods.
    period = latest([Outcome(period=row.period) for row in rows]).period
    return [row for row in rows if row.period == period]


def _intensity_figures(
    chosen: list[Outcome],
    norms: dict[str, OutcomeNorm],
    region: Region,
    scheme: tuple[dict, dict],
    averages: dict,
) -> list[IntensityFigures]:
    """The rows of the newest period (`chosen`), by profile and then intensity from light to
    heavy; a row with nothing measured is left out."""
    profiles, intensities = scheme
    groups = []
    for row in sorted(
        chosen, key=lambda row: (row.profile_code, intensities[row.intensity_code].sort_order)
    ):
        figures = _figures(row, {row.intensity_code}, norms, region, averages)
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
    outcome: Outcome,
    intensity_codes: set[str],
    norms: dict[str, OutcomeNorm],
    region: Region,
    averages: dict,
) -> list[Figure]:
    """Each figure of `outcome`, withheld below the region's minimum count, against the
    strictest norm of `intensity_codes` and the regional average for the same profile ×
    intensity (`averages`, by `_averages`). A figure the region did not measure (no value,
    no count) is left out rather than called too few to say: "0 people gave a score" would
    be a figure of our own."""
    judged = [norms[code] for code in intensity_codes if code in norms]
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


def _group(outcome: Outcome) -> tuple[str, str, str]:
    return outcome.period, outcome.profile_code, outcome.intensity_code


def _averages(region: Region, rows: list[Outcome], session: Session) -> dict:
    """Per period × profile × intensity that `rows` belong to: each figure averaged over the
    region's providers, weighted by their counts, counting only figures at or above the
    region's minimum count (the provider-wide rows have profile and intensity ""). One
    query sums them all, rather than every row of the region travelling to Python once per
    figure shown."""
    groups = sorted({_group(row) for row in rows})
    if not groups:
        return {}
    params = {"region": region.id, "minimum": region.min_outcome_count, "groups": groups}
    found = session.exec(AVERAGES, params=params).all()
    averages = {}
    for period, profile_code, intensity_code, *totals in found:
        averages[(period, profile_code, intensity_code)] = {
            name: round(totals[2 * i] / totals[2 * i + 1], 1)
            for i, name in enumerate(FIGURES)
            if totals[2 * i + 1]
        }
    return averages
