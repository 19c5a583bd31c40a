"""The professional view: what referrers need on top of what families see (DESIGN.md §11).

A switch, not an account: `?weergave=professioneel` turns it on and `?weergave=gezin` off,
on the results, provider and compare pages. The choice is remembered in a cookie holding
only that word, so a GP who switched once keeps the dense view on the next search.

The view adds the codes contracted (profile × intensity, segment, main or subcontractor),
the tariff for the chosen help with its unit, and where that tariff sits in the region's
cost bandwidth (indexer.tariffs). Tariffs are public in the Netherlands; a figure is always
of one unit (per trajectory, year or month), never a mix.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask import Blueprint, Response, request, url_for
from flask_babel import format_currency
from sqlmodel import Session, col, select
from werkzeug.datastructures import MultiDict

from indexer import schemes
from indexer.models import Contract, Provider
from indexer.search import SearchResult
from indexer.search.contract import Sort
from indexer.tariffs import UNITS, AppliedTariff, Bandwidth, applied_tariffs, bandwidths
from portal import labels
from portal.labels import in_page_language
from portal.public.results_view import results_url
from portal.public.search_form import SearchForm
from portal.services import today

ARG = COOKIE = "weergave"
PROFESSIONAL = "professioneel"
FAMILY = "gezin"
COOKIE_DAYS = 365
# Column headers of the results table that sort it, and the direction each sorts in.
SORTABLE = {
    Sort.NAME: "ascending",
    Sort.WAIT: "ascending",
    Sort.DISTANCE: "ascending",
    Sort.GOAL_ATTAINMENT: "descending",
}


def register(blueprint: Blueprint) -> None:
    """Give `blueprint`'s pages the switch (`view_switch` in their templates) and remember
    the choice made with it."""
    blueprint.context_processor(lambda: {"view_switch": _switch()})
    blueprint.after_request(_remember)


def active() -> bool:
    """The URL's choice, else the remembered one; the family view by default."""
    asked = request.args.get(ARG)
    if asked in (PROFESSIONAL, FAMILY):
        return asked == PROFESSIONAL
    return request.cookies.get(COOKIE) == PROFESSIONAL


@dataclass(frozen=True)
class Switch:
    professional: bool
    url: str  # this page in the other view, every other parameter kept


def _switch() -> Switch:
    on = active()
    args = MultiDict(request.args)
    args[ARG] = FAMILY if on else PROFESSIONAL
    return Switch(on, url_for(request.endpoint, **(request.view_args or {}), **args.to_dict(False)))


def _remember(response: Response) -> Response:
    """The family view is the default, so switching back removes the cookie."""
    asked, kept = request.args.get(ARG), request.cookies.get(COOKIE)
    if asked == PROFESSIONAL and kept != PROFESSIONAL:
        response.set_cookie(
            COOKIE,
            PROFESSIONAL,
            max_age=COOKIE_DAYS * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    elif asked == FAMILY and kept is not None:
        response.delete_cookie(COOKIE, httponly=True, samesite="Lax", secure=request.is_secure)
    return response


# --- Money and bandwidths ------------------------------------------------------------------


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


def _prices(
    tariffs: list[AppliedTariff], bands: dict[tuple[str, str, str], Bandwidth]
) -> list[Price]:
    both_segments = len({t.segment for t in tariffs}) > 1
    prices = []
    for tariff in tariffs:
        band = bands.get((tariff.profile_code, tariff.intensity_code, tariff.unit))
        code = f"{tariff.profile_code}/{tariff.intensity_code}"
        prices.append(
            Price(
                f"{code} ({tariff.segment})" if both_segments else code,
                money(tariff.cents),
                str(labels.UNITS.get(tariff.unit, tariff.unit)),
                str(labels.BANDWIDTH_POSITIONS[band.position(tariff.cents)]) if band else "",
                spread(band) if band else None,
            )
        )
    return prices


def _tariffs_by_provider(
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


# --- Codes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    code: str
    name: str
    lang: str = ""  # set when the name fell back to another language than the page's


@dataclass(frozen=True)
class OfferCodes:
    """A profile contracted here and the intensities it is contracted at."""

    profile: Named
    intensities: list[Named]


def _document_names(document: dict, codes_key: str, names_key: str, locale: str) -> list[Named]:
    own = document.get(f"{names_key}_{locale}") or []
    dutch = document.get(f"{names_key}_nl") or []
    named = []
    for index, code in enumerate(document[codes_key]):
        name = own[index] if index < len(own) else ""
        if name or locale == "nl":
            named.append(Named(code, name))
        else:
            named.append(Named(code, dutch[index] if index < len(dutch) else "", "nl"))
    return named


def document_offers(document: dict, locale: str) -> list[OfferCodes]:
    """The profile × intensity codes a search document holds, with names, in scheme order."""
    profiles = _document_names(document, "profiles", "profile_names", locale)
    levels = {
        n.code: n for n in _document_names(document, "intensities", "intensity_names", locale)
    }
    order = list(levels)
    contracted = defaultdict(list)
    for offer in document["offers"]:
        profile_code, _sep, intensity_code = offer.partition("/")
        contracted[profile_code].append(intensity_code)
    return [
        OfferCodes(p, [levels[i] for i in sorted(contracted[p.code], key=order.index)])
        for p in profiles
    ]


def _named(code: str, texts: dict[str, str], locale: str) -> Named:
    return Named(code, *in_page_language(texts, locale))


# --- The results table ----------------------------------------------------------------------


@dataclass(frozen=True)
class SortLink:
    url: str
    aria_sort: str  # "ascending"/"descending" on the column the table is sorted on, else ""


@dataclass
class ResultRow:
    offers: list[OfferCodes]
    other_profiles: int  # contracted profiles left out because others were chosen
    roles: list[str]
    prices: list[Price]


@dataclass
class ResultTable:
    rows: dict[str, ResultRow]  # by hit id
    sorts: dict[str, SortLink]
    profiles_chosen: bool
    bandwidth_url: str


def result_table(
    form: SearchForm, result: SearchResult, *, session: Session, locale: str
) -> ResultTable:
    """Per hit: codes (the chosen profiles only, when chosen), roles and the tariffs for
    the chosen profile(s) × intensity(ies) with their place in the region's bandwidth; and
    the sort links of the column headers. One tariff query for the whole page."""
    query = result.query
    pairs = {(hit.document["region_id"], hit.document["provider_id"]) for hit in result.hits}
    tariffs, bands = _tariffs_by_provider(session, pairs, today())
    rows = {}
    for hit in result.hits:
        document = hit.document
        offers = document_offers(document, locale)
        shown = [o for o in offers if o.profile.code in query.profiles] or offers
        chosen = [
            t
            for t in tariffs[(document["region_id"], document["provider_id"])]
            if t.profile_code in query.profiles
            and (not query.intensities or t.intensity_code in query.intensities)
        ]
        rows[hit.id] = ResultRow(
            shown,
            len(offers) - len(shown),
            [str(labels.ROLES.get(role, role)) for role in document["roles"]],
            _prices(chosen, bands[document["region_id"]]),
        )
    sorts = {
        sort.value: SortLink(
            results_url(form.args, sortering=sort.value, pagina=None),
            direction if query.sort == sort else "",
        )
        for sort, direction in SORTABLE.items()
        if sort != Sort.DISTANCE or form.place
    }
    return ResultTable(
        rows,
        sorts,
        bool(query.profiles),
        url_for("pages.tariffs", regio=query.region_id or None),
    )


# --- Provider page and compare --------------------------------------------------------------


@dataclass(frozen=True)
class CodeRow:
    """One contract: profile × intensity × segment, the role in it, and its tariff."""

    profile: Named
    intensity: Named
    segment: str
    role: str
    main_contractor: Provider | None  # whom it works under as onderaannemer
    price: Price | None


@dataclass
class ListingCodes:
    region_id: str
    offers: list[OfferCodes]
    rows: list[CodeRow]
    segments: list[str]
    roles: list[str]
    main_contractors: list[Provider]

    def chosen(self, profiles: list[str]) -> list[Price]:
        """The tariffs for the chosen profiles (all intensities contracted)."""
        return [r.price for r in self.rows if r.price and r.profile.code in profiles]


def listing_codes(listings: list, *, session: Session, locale: str) -> list[ListingCodes]:
    """The codes table of each listing (indexer.listing): tariffs and contracts read once
    for them all, bandwidths once per region."""
    day = today()
    pairs = {(x.region.id, x.provider.id) for x in listings}
    tariffs, bands = _tariffs_by_provider(session, pairs, day)
    contracts = _contracts(session, pairs, day)
    shown = []
    for listing in listings:
        key = (listing.region.id, listing.provider.id)
        profiles = {p.code: p for p, _levels, _segments in listing.offers}
        levels = {i.code: i for _p, found, _s in listing.offers for i in found}
        paid = {(t.segment, t.profile_code, t.intensity_code): t for t in tariffs[key]}
        mains = {p.id: p for p in listing.main_contractors}
        rows = []
        for contract in sorted(
            contracts[key],
            key=lambda c: (c.profile_code, levels[c.intensity_code].sort_order, c.segment),
        ):
            tariff = paid.get((contract.segment, contract.profile_code, contract.intensity_code))
            rows.append(
                CodeRow(
                    _named(contract.profile_code, profiles[contract.profile_code].names, locale),
                    _named(contract.intensity_code, levels[contract.intensity_code].names, locale),
                    contract.segment,
                    str(labels.ROLES.get(contract.role, contract.role)),
                    mains.get(contract.main_contractor_id),
                    _prices([tariff], bands[listing.region.id])[0] if tariff else None,
                )
            )
        shown.append(
            ListingCodes(
                region_id=listing.region.id,
                offers=[
                    OfferCodes(
                        _named(p.code, p.names, locale),
                        [_named(i.code, i.names, locale) for i in found],
                    )
                    for p, found, _segments in listing.offers
                ],
                rows=rows,
                segments=sorted({c.segment for c in contracts[key]}),
                roles=sorted({r.role for r in rows}),
                main_contractors=listing.main_contractors,
            )
        )
    return shown


def _contracts(
    session: Session, pairs: set[tuple[str, str]], day: date
) -> dict[tuple[str, str], list[Contract]]:
    """The contracts valid on `day` of each (region, provider): each one's segment and role."""
    found = defaultdict(list)
    if not pairs:
        return found
    rows = session.exec(
        select(Contract)
        .where(col(Contract.provider_id).in_({p for _, p in pairs}))
        .where(Contract.valid_from <= day)
        .where(col(Contract.valid_to).is_(None) | (col(Contract.valid_to) >= day))
    )
    for contract in rows:
        if (contract.region_id, contract.provider_id) in pairs:
            found[(contract.region_id, contract.provider_id)].append(contract)
    return found


# --- The explainer page ---------------------------------------------------------------------


@dataclass(frozen=True)
class BandwidthRow:
    profile: Named
    intensity: Named
    spread: Spread


def bandwidth_rows(region_id: str, *, session: Session, locale: str) -> list[BandwidthRow]:
    """The region's bandwidths in scheme order: by profile, intensity, then unit."""
    profiles = {p.code: p for p in schemes.profiles(region_id, session=session)}
    levels = {i.code: i for i in schemes.intensities(region_id, session=session)}
    order = {code: n for n, code in enumerate(levels)}
    bands = bandwidths(session, region_id, today())
    return [
        BandwidthRow(
            _named(profile, profiles[profile].names, locale),
            _named(intensity, levels[intensity].names, locale),
            spread(bands[(profile, intensity, unit)]),
        )
        for profile, intensity, unit in sorted(
            bands,
            key=lambda k: (k[0], order[k[1]], UNITS.index(k[2]) if k[2] in UNITS else len(UNITS)),
        )
    ]
