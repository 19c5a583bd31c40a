"""Search documents: one per provider per region where it holds a contract valid today.

A document carries everything a result list shows and every field a query filters, sorts or
counts on, so a search never goes back to the database. Outcome figures below the region's
minimum count are left out here, once, so no engine can ever sort or badge on them.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from math import asin, cos, radians, sin, sqrt

from sqlmodel import Session, col, select

from indexer.models import (
    Contract,
    Intensity,
    Location,
    Municipality,
    Outcome,
    Postcode,
    Profile,
    Provider,
    Region,
    Team,
    WaitTime,
)
from indexer.search.focus import Focus, focus_of
from indexer.search.outcomes import published_figures
from indexer.search.vocabulary import load_vocabulary
from indexer.sources.specs import LOCALES
from indexer.waits import Wait, chosen_wait, wait_for_profile, waits_of

AGE_GROUPS = ((0, 4), (4, 12), (12, 18), (18, 23))
OPEN_END = 99991231  # yyyymmdd for a contract without an end date


def document_id(region_id: str, provider_id: str) -> str:
    return f"{region_id}__{provider_id}"


def day_number(day: date | None) -> int:
    """yyyymmdd as an int: sortable and filterable in every engine."""
    return OPEN_END if day is None else day.year * 10000 + day.month * 100 + day.day


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine), accurate to metres at Dutch distances."""
    return 2 * 6371.0088 * asin(sqrt(nearness(a)(*b)))


def nearness(origin: tuple[float, float]) -> Callable[[float, float], float]:
    """A key that orders points (lat, lng) as their `distance_km` from `origin` orders them:
    the haversine's inner term, which the square root and arc sine after it only keep in
    order. A distance sort keys every match (hundreds), at less than half the cost."""
    lat1, lng1 = radians(origin[0]), radians(origin[1])
    cos_lat1 = cos(lat1)

    def key(lat: float, lng: float) -> float:
        lat2 = radians(lat)
        across = sin((radians(lng) - lng1) / 2)
        return sin((lat2 - lat1) / 2) ** 2 + cos_lat1 * cos(lat2) * across**2

    return key


def wait_band(weeks: int | None) -> str:
    if weeks is None:
        return "unknown"
    for limit in (2, 4, 8):
        if weeks <= limit:
            return f"within_{limit}_weeks"
    return "over_8_weeks"


def build_documents(
    session: Session, today: date, provider_ids: set[str] | None = None
) -> Iterator[dict]:
    """Documents for every (region, provider) with a contract valid on `today`."""
    contracts = select(Contract).where(Contract.valid_from <= today)
    contracts = contracts.where(
        col(Contract.valid_to).is_(None) | (col(Contract.valid_to) >= today)
    )
    if provider_ids is not None:
        contracts = contracts.where(col(Contract.provider_id).in_(provider_ids))
    offers: dict[tuple[str, str], list[Contract]] = defaultdict(list)
    for contract in session.exec(contracts):
        offers[(contract.region_id, contract.provider_id)].append(contract)
    if not offers:
        return
    context = _Context(session, {provider for _, provider in offers}, today)
    for (region_id, provider_id), region_contracts in sorted(offers.items()):
        yield context.document(region_id, provider_id, region_contracts)


class _Context:
    """Everything documents need, read in a few bulk queries instead of one per document."""

    def __init__(self, session: Session, provider_ids: set[str], today: date) -> None:
        self.today = today
        self.vocabulary = load_vocabulary()
        self._focus: dict[str, Focus] = {}
        wanted = col(Provider.id).in_(provider_ids)
        self.providers = {p.id: p for p in session.exec(select(Provider).where(wanted))}
        self.regions = {r.id: r for r in session.exec(select(Region))}
        self.locations = defaultdict(list)
        for location in session.exec(
            select(Location).where(col(Location.provider_id).in_(provider_ids))
        ):
            self.locations[location.provider_id].append(location)
        self.profiles = {(p.region_id, p.code): p for p in session.exec(select(Profile))}
        self.intensities = {(i.region_id, i.code): i for i in session.exec(select(Intensity))}
        self.municipalities = defaultdict(list)
        for municipality in session.exec(select(Municipality)):
            self.municipalities[municipality.region_id].append(municipality.code)
        self.teams = defaultdict(list)
        for team_id, code in session.exec(select(Team.id, Team.municipality_code)):
            self.teams[code].append(team_id)
        self.centres = _region_centres(session)
        self.outcomes = defaultdict(list)
        for outcome in session.exec(
            select(Outcome).where(col(Outcome.provider_id).in_(provider_ids))
        ):
            self.outcomes[(outcome.region_id, outcome.provider_id)].append(outcome)
        self.waits = defaultdict(list)
        for wait in session.exec(
            select(WaitTime).where(col(WaitTime.provider_id).in_(provider_ids))
        ):
            self.waits[(wait.region_id, wait.provider_id)].append(wait)
        # Main contractors are mostly not among the providers being built: their names apart.
        self.main_contractor_names = dict(
            session.exec(
                select(Provider.id, Provider.name)
                .join(Contract, col(Contract.main_contractor_id) == col(Provider.id))
                .where(col(Contract.provider_id).in_(provider_ids))
                .distinct()
            ).all()
        )

    def focus(self, provider: Provider) -> Focus:
        """Read once per provider, whatever the number of regions it is contracted in."""
        if provider.id not in self._focus:
            texts = provider.descriptions.values()
            self._focus[provider.id] = focus_of(provider.name, texts, self.vocabulary)
        return self._focus[provider.id]

    def document(self, region_id: str, provider_id: str, contracts: list[Contract]) -> dict:
        provider = self.providers[provider_id]
        region = self.regions[region_id]
        profiles = sorted({c.profile_code for c in contracts})
        intensities = sorted(
            {c.intensity_code for c in contracts},
            key=lambda code: (self.intensities[(region_id, code)].sort_order, code),
        )
        municipalities = sorted(self.municipalities[region_id])
        document = {
            "id": document_id(region_id, provider_id),
            "provider_id": provider_id,
            "region_id": region_id,
            "region_name": region.name,
            "name": provider.name,
            "website": provider.website,
            "phone": provider.phone,
            "email": provider.email,
            "profiles": profiles,
            "intensities": intensities,
            "offers": sorted({f"{c.profile_code}/{c.intensity_code}" for c in contracts}),
            "segments": sorted({c.segment for c in contracts}),
            "roles": sorted({c.role for c in contracts}),
            "main_contractors": self._main_contractors(contracts),
            "care_forms": provider.care_forms,
            "languages": provider.languages,
            "min_age": provider.min_age,
            "max_age": provider.max_age,
            "age_groups": _age_groups(provider.min_age, provider.max_age),
            # Unknown ages filter as "all ages of youth care" rather than as no match.
            "age_from": 0 if provider.min_age is None else provider.min_age,
            "age_to": 23 if provider.max_age is None else provider.max_age,
            "name_sort": provider.name.casefold(),
            # Keywords of the problems the provider centres on: specialists rank first.
            "focus_named": self.focus(provider).named,
            "focus": self.focus(provider).main,
            "focus_also": self.focus(provider).also,
            "municipalities": municipalities,
            "teams": sorted(t for code in municipalities for t in self.teams[code]),
            "available_until": max(day_number(c.valid_to) for c in contracts),
        }
        for lang in LOCALES:
            document[f"description_{lang}"] = provider.descriptions.get(lang, "")
            document[f"profile_names_{lang}"] = _names(self.profiles, region_id, profiles, lang)
            document[f"intensity_names_{lang}"] = _names(
                self.intensities, region_id, intensities, lang
            )
        document |= self._places(region_id, provider_id)
        document |= wait_fields(
            waits_of(self.waits[(region_id, provider_id)]), profiles, self.today
        )
        document |= published_figures(
            self.outcomes[(region_id, provider_id)], region.min_outcome_count
        )
        return document

    def _main_contractors(self, contracts: list[Contract]) -> list[dict]:
        """Whom a subcontractor works under here ("one family, one plan"), sorted by name."""
        ids = {c.main_contractor_id for c in contracts if c.main_contractor_id}
        names = self.main_contractor_names
        return [{"id": i, "name": names[i]} for i in sorted(ids, key=lambda i: (names[i], i))]

    def _places(self, region_id: str, provider_id: str) -> dict:
        """All locations, and as `_geo` the one nearest the region's centre (one point per
        document, as Meilisearch allows)."""
        locations = self.locations[provider_id]
        shown = [
            {
                key: getattr(loc, key)
                for key in ("name", "street", "house_number", "postcode", "city")
            }
            | {"lat": loc.latitude, "lng": loc.longitude}
            for loc in locations
        ]
        if not locations:
            return {"locations": shown, "_geo": None}
        centre = self.centres.get(region_id, (locations[0].latitude, locations[0].longitude))
        nearest = min(locations, key=lambda loc: distance_km(centre, (loc.latitude, loc.longitude)))
        return {"locations": shown, "_geo": {"lat": nearest.latitude, "lng": nearest.longitude}}


def wait_fields(waits: list[Wait], profiles: list[str], today: date) -> dict:
    """The published waits and what search needs of them (indexer.waits decides which
    one a reader sees). Without a chosen profile: the general wait, else the shortest
    one per profile. `profile_waits` holds, per contracted profile, the wait that
    applies to it, so "within 8 weeks" with profile P03 filters on the P03 wait.
    Freshness is checked against the query day (`*fresh_until`), so a wait going out
    of date after the (nightly) build drops out of "maximum wait" results at once; in
    the wait facet, one already out of date on the build day counts as unknown."""
    shown = chosen_wait(waits, (), today)
    fresh = shown is not None and not shown.is_stale(today)
    by_profile = {}
    for code in profiles:
        wait = wait_for_profile(waits, code)
        if wait is not None:
            by_profile[wait_key(code)] = {
                "weeks": wait.weeks,
                "fresh_until": day_number(wait.fresh_until),
            }
    return {
        "wait_weeks": shown.weeks if shown else None,
        "wait_fresh_until": day_number(shown.fresh_until) if shown else None,
        "wait_band": wait_band(shown.weeks if fresh else None),
        "waits": [w.as_dict() for w in sorted(waits, key=lambda w: w.profile_code)],
        "profile_waits": by_profile,
    }


def wait_key(profile_code: str) -> str:
    """The key of a profile in `profile_waits`: codes may hold "." or "-", which field
    paths in both engines' filter languages cannot, so the code is spelled in hex."""
    return "p" + profile_code.encode().hex()


def _names(scheme: dict, region_id: str, codes: list[str], lang: str) -> list[str]:
    """Names in `lang` of a region's profiles or intensities; [] where none are translated."""
    names = [scheme[(region_id, code)].names.get(lang, "") for code in codes]
    return names if any(names) else []


def _age_groups(low: int | None, high: int | None) -> list[str]:
    low, high = 0 if low is None else low, 23 if high is None else high
    return [f"{a}-{b}" for a, b in AGE_GROUPS if low < b and high > a]


def _region_centres(session: Session) -> dict[str, tuple[float, float]]:
    rows = session.exec(
        select(Municipality.region_id, Postcode.latitude, Postcode.longitude).join(
            Postcode, col(Postcode.municipality_code) == col(Municipality.code)
        )
    )
    points = defaultdict(list)
    for region_id, lat, lon in rows:
        points[region_id].append((lat, lon))
    return {
        region: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        for region, pts in points.items()
    }
