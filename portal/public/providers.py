"""A provider's page in one region: what it offers, where, how soon, and its results."""

from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request

from indexer.edits.reads import confirmations, stale_from
from indexer.listing import Listing, provider_listing
from indexer.search import locate
from indexer.search.documents import distance_km
from portal import labels, links
from portal.database import get_session
from portal.labels import in_page_language
from portal.localize import get_locale
from portal.public.freshness import wait_is_stale
from portal.public.locations_map import locations_map
from portal.public.outcomes_view import figure_view, intensity_outcomes
from portal.public.search_form import postcode_digits
from portal.referrers import view
from portal.referrers.codes import listing_codes
from portal.services import today

blueprint = Blueprint("providers", __name__)
view.register(blueprint)


@blueprint.get("/aanbieders/<provider_id>")
def detail(provider_id: str) -> str:
    session = get_session()
    listing = provider_listing(
        provider_id, request.args.get("regio"), session=session, today=today()
    )
    if listing is None:
        abort(404)
    locale = str(get_locale())
    offers = offer_views(listing, locale)
    digits = postcode_digits(request.args.get("postcode", ""))
    place = locate(session, digits) if digits else None
    distances = {
        location.location_id: round(
            distance_km(place.point, (location.latitude, location.longitude)), 1
        )
        for location in listing.locations
        if place and location.latitude is not None
    }
    return render_template(
        "public/providers/detail.html",
        listing=listing,
        description=in_page_language(listing.provider.descriptions, locale),
        offers=offers,
        figures=[figure_view(figure) for figure in listing.figures],
        intensity_outcomes=intensity_outcomes(listing, locale),
        profile_names={offer.code: offer.name[0] for offer in offers},
        distances=distances,
        map=locations_map(listing.locations, session=session, region_id=listing.region.id),
        page_links=page_links(listing),
        labels=labels,
        checked=checked_parts(provider_id, session=session, today=today()),
        wait_stale=wait_is_stale,
        codes=listing_codes([listing], session=session, locale=locale)[0]
        if view.active()
        else None,
    )


@dataclass(frozen=True)
class OfferView:
    """A profile the provider is contracted for here: names as (text, lang attribute) in the
    page's language, each read once for the offer list and the waits."""

    code: str
    name: tuple[str, str]
    about: tuple[str, str]
    levels: list[tuple[str, str]]  # its intensities, from light to heavy
    segments: list  # the segments' names, lazily translated like every label


def offer_views(listing: Listing, locale: str) -> list[OfferView]:
    return [
        OfferView(
            profile.code,
            in_page_language(profile.names, locale),
            in_page_language(profile.descriptions, locale),
            [in_page_language(level.names, locale) for level in levels],
            [labels.SEGMENTS.get(segment, segment) for segment in segments],
        )
        for profile, levels, segments in listing.offers
    ]


def page_links(listing: Listing) -> dict[str, str]:
    """The page's links to other pages about this region and provider, as url_for makes
    them, for less (portal.links)."""
    region_id = listing.region.id
    return {
        "profiles": links.query_url("pages.profiles", [("regio", region_id)]),
        "outcomes": links.query_url("pages.outcomes", [("regio", region_id)]),
        "shortlist": links.query_url(
            "compare.add_to_shortlist", [("id", f"{region_id}__{listing.provider.id}")]
        ),
    }


def checked_parts(provider_id: str, *, session, today) -> list[tuple[str, object, bool]]:
    """(part name in the reader's language, the day the provider last confirmed it, whether
    that is too long ago), for "checked by the provider on …" (DESIGN.md §10)."""
    return [
        (str(labels.LISTING_PARTS[part]), day, day <= stale_from(part, today))
        for part, day in sorted(confirmations(provider_id, session=session).items())
        if day is not None and part in labels.LISTING_PARTS
    ]
