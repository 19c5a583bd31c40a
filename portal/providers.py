"""A provider's page in one region: what it offers, where, how soon, and its results."""

from flask import Blueprint, abort, render_template, request
from flask_babel import get_locale

from indexer.listing import provider_listing
from indexer.schemes import localized
from indexer.search import locate
from indexer.search.documents import distance_km
from portal import labels
from portal.database import get_session
from portal.locations_map import locations_map
from portal.outcomes_view import figure_view
from portal.services import today

blueprint = Blueprint("providers", __name__)


@blueprint.get("/aanbieders/<provider_id>")
def detail(provider_id: str) -> str:
    session = get_session()
    listing = provider_listing(
        provider_id, request.args.get("regio"), session=session, today=today()
    )
    if listing is None:
        abort(404)
    locale = str(get_locale())
    place = None
    postcode = request.args.get("postcode", "")
    if postcode[:4].isdigit():
        place = locate(session, postcode)
    distances = {
        location.location_id: round(
            distance_km(place.point, (location.latitude, location.longitude)), 1
        )
        for location in listing.locations
        if place and location.latitude is not None
    }
    return render_template(
        "providers/detail.html",
        listing=listing,
        description=_in(listing.provider.descriptions, locale),
        localized=lambda texts: _in(texts, locale),
        figures=[figure_view(figure) for figure in listing.figures],
        profile_names={p.code: _in(p.names, locale)[0] for p, _levels, _segments in listing.offers},
        distances=distances,
        map=locations_map(listing.locations, session=session, region_id=listing.region.id),
        labels=labels,
    )


def _in(texts: dict[str, str], locale: str) -> tuple[str, str]:
    """(text, lang attribute): the attribute is set only when the text fell back to
    another language than the page's, so screen readers pronounce it right."""
    text, lang = localized(texts, locale)
    return text, "" if lang == locale else lang
