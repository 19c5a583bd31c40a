"""The codes a provider is contracted for, as referrers read them (DESIGN.md §11): profile
× intensity with the region's names for them, segment, main or subcontractor, and the
tariff of each contract.

Families see the same offer in words; referrers need the codes as well, because that is
what they refer with. A code always comes with its name in the page language, marked as
Dutch where the region wrote none in that language (`Named.lang`). For the provider page
and compare the contracts are read from the store (`listing_codes`); the results table and
the downloads read them from the search documents (`document_offers`); the bandwidth
explainer lists the region's bands by the same codes (`bandwidth_rows`).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from indexer import schemes
from indexer.listing import ProviderName
from indexer.models import Contract
from indexer.tariffs import UNITS, bandwidths, valid_on
from portal import labels
from portal.labels import in_page_language
from portal.referrers.prices import Price, Spread, prices, spread, tariffs_by_provider
from portal.services import today


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


# --- Provider page and compare --------------------------------------------------------------


@dataclass(frozen=True)
class CodeRow:
    """One contract: profile × intensity × segment, the role in it, and its tariff."""

    profile: Named
    intensity: Named
    segment: str
    role: str
    main_contractor: ProviderName | None  # whom it works under as onderaannemer
    price: Price | None


@dataclass
class ListingCodes:
    region_id: str
    offers: list[OfferCodes]
    rows: list[CodeRow]
    segments: list[str]
    roles: list[str]
    main_contractors: list[ProviderName]

    def chosen(self, profiles: list[str]) -> list[Price]:
        """The tariffs for the chosen profiles (all intensities contracted)."""
        return [r.price for r in self.rows if r.price and r.profile.code in profiles]


def listing_codes(listings: list, *, session: Session, locale: str) -> list[ListingCodes]:
    """The codes table of each listing (indexer.listing): tariffs and contracts read once
    for them all, bandwidths once per region."""
    day = today()
    pairs = {(x.region.id, x.provider.id) for x in listings}
    tariffs, bands = tariffs_by_provider(session, pairs, day)
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
                    prices([tariff], bands[listing.region.id])[0] if tariff else None,
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
        .where(valid_on(Contract, day))
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
