"""Compare 2–4 providers side by side, and a shortlist kept without an account.

Compare shows one card per provider with the same rows in the same order: side by side on
a wide screen (the rows line up), one under the other on a phone, so no provider hides in a
sideways scroll box. With `postcode` (the results page passes it on) a row gives the
distance to the nearest location.

Both live in the URL (`?id=region__provider&id=...`), so a referrer can send the link to a
family and a page can be printed. The shortlist is also remembered in a cookie holding only
those ids — no personal data — so "my shortlist" works on the next visit.
"""

from flask import Blueprint, make_response, redirect, render_template, request, url_for

from indexer.listing import FIGURES, Listing
from indexer.search import Place, locate
from indexer.search.documents import distance_km
from portal import labels
from portal.database import get_session
from portal.labels import in_page_language
from portal.localize import get_locale
from portal.localize import gettext as _
from portal.public.chosen import MAX_SHORTLIST, chosen_listings
from portal.public.outcomes_view import LABELS, figure_view
from portal.public.search_form import postcode_digits
from portal.public.waits_view import listing_wait
from portal.referrers import exports, view
from portal.referrers.codes import listing_codes
from portal.services import today

blueprint = Blueprint("compare", __name__)
view.register(blueprint)

MAX_COMPARED = 4
COOKIE = "bewaarlijst"
COOKIE_DAYS = 90


@blueprint.get("/vergelijken")
def compare() -> tuple[str, int]:
    ids = list(dict.fromkeys(request.args.getlist("id")))  # the same provider twice is once
    listings = chosen_listings(ids[: MAX_COMPARED + 1])
    error = None
    if not 2 <= len(ids) <= MAX_COMPARED:
        error = _("Kies 2, 3 of 4 aanbieders om te vergelijken.")
        listings = []  # no table under "we cannot compare this"
    elif len(listings) < len(ids):
        error = _("Een of meer gekozen aanbieders staan niet (meer) in de gids.")
    status = 400 if error else 200
    locale = str(get_locale())
    digits = postcode_digits(request.args.get("postcode", ""))
    place = locate(get_session(), digits) if digits else None
    codes = listing_codes(listings, session=get_session(), locale=locale) if view.active() else []
    cards = [
        {
            "listing": listing,
            "wait": listing_wait(listing, request.args.getlist("profiel"), locale, today()),
            "distance_km": _nearest_km(listing, place),
            "help": [in_page_language(profile.names, locale) for profile, *_ in listing.offers],
            "figures": [
                (
                    str(LABELS[name]),
                    next((figure_view(f) for f in listing.figures if f.name == name), None),
                )
                for name in FIGURES
            ],
            "codes": codes[index] if codes else None,
        }
        for index, listing in enumerate(listings)
    ]
    return render_template(
        "public/compare/compare.html",
        cards=cards,
        error=error,
        ids=[f"{x.region.id}__{x.provider.id}" for x in listings],
        labels=labels,
        postcode=digits if place else None,
        chosen_profiles=request.args.getlist("profiel"),
    ), status


def _nearest_km(listing: Listing, place: Place | None) -> float | None:
    """Kilometres from the postcode to the provider's nearest location with coordinates."""
    if place is None:
        return None
    found = [
        distance_km(place.point, (location.latitude, location.longitude))
        for location in listing.locations
        if location.latitude is not None
    ]
    return round(min(found), 1) if found else None


@blueprint.get("/bewaarlijst")
def shortlist():
    """Exactly the providers in the URL (a shared link shows the sender's list); without an
    `id` parameter, the list remembered in the cookie. `?id=` (empty) is the emptied list,
    so removing the last provider does not bring the remembered list back."""
    ids = [i for i in request.args.getlist("id") if i][:MAX_SHORTLIST]
    remembered = _remembered()
    if "id" not in request.args and remembered:
        return redirect(url_for("compare.shortlist", id=remembered))
    listings = chosen_listings(ids)
    kept = [f"{x.region.id}__{x.provider.id}" for x in listings]
    file_format, format_error = exports.requested_format(request.args)
    if file_format:
        return exports.shortlist_download(
            kept, request.args, file_format, session=get_session(), locale=str(get_locale())
        )
    removals = {i: url_for("compare.shortlist", id=[k for k in kept if k != i] or "") for i in kept}
    response = make_response(
        render_template(
            "public/compare/shortlist.html",
            listings=listings,
            ids=kept,
            removals=removals,
            downloads=exports.download_links("compare.shortlist", request.args, id=kept),
            format_error=format_error,
        ),
        400 if format_error else 200,
    )
    if kept:
        response.set_cookie(
            COOKIE,
            ",".join(kept),
            max_age=COOKIE_DAYS * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    else:
        response.delete_cookie(COOKIE)
    return response


@blueprint.get("/bewaarlijst/toevoegen")
def add_to_shortlist():
    """Add the chosen providers to the remembered list, then show the whole list. The
    profiles chosen in the search go along, so the list's exports and handout show the
    wait for that help."""
    merged = list(dict.fromkeys(_remembered() + request.args.getlist("id")))[:MAX_SHORTLIST]
    profiles = request.args.getlist("profiel") or None
    return redirect(url_for("compare.shortlist", id=merged or None, profiel=profiles))


def _remembered() -> list[str]:
    return [i for i in request.cookies.get(COOKIE, "").split(",") if i][:MAX_SHORTLIST]
