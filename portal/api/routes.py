"""JSON twins of the pages: the same parameters and the same data, for referrers' systems.

Invalid parameters get a 400 with one message per field, in the language asked for.
"""

from dataclasses import asdict

from flask import Blueprint, jsonify, request
from flask_babel import get_locale, ngettext

from indexer.edits.reads import confirmations
from indexer.listing import provider_listing
from portal.database import get_session
from portal.public import help_now
from portal.public.search_form import parse_search
from portal.public.waits_view import WaitView, document_wait
from portal.services import search_engine, today

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


@blueprint.get("/search")
def search():
    form = parse_search(request.args, session=get_session(), locale=str(get_locale()))
    # The crisis lines when the words signal acute danger, also next to errors (see help_now).
    lines = help_now.for_search(form, session=get_session())
    urgent = {"help_now": lines.as_json() if lines else None}
    if form.errors:
        return jsonify({"errors": form.errors} | urgent), 400
    result = search_engine().search(form.query, today())
    if result.total and form.query.page > result.pages:
        message = ngettext(
            "Deze pagina bestaat niet. Er is %(num)d pagina.",
            "Deze pagina bestaat niet. Er zijn %(num)d pagina's.",
            result.pages,
        )
        return jsonify({"errors": {"pagina": message}} | urgent), 400
    body = asdict(result) | urgent
    locale = str(get_locale())
    for hit, shown in zip(result.hits, body["hits"], strict=True):
        # The wait for the chosen profiles, as the result page shows it (indexer.waits).
        shown["wait"] = _wait_json(
            document_wait(hit.document, form.query.profiles, locale, today())
        )
    body["pages"] = result.pages
    body["place"] = asdict(form.place) if form.place else None
    # A place typed among the words ("angst diemen"): its name, and the words searched.
    found = form.place_in_words
    body["place_in_words"] = {"name": found.name, "rest": found.rest} if found else None
    # A child's age typed among the words ("mijn zoon van 13"), used as the age filter.
    said = form.age_in_words
    body["age_in_words"] = {"age": said.age, "said": said.said} if said else None
    return jsonify(body)


def _wait_json(wait: WaitView) -> dict:
    return {
        "weeks": wait.weeks,
        "profile_code": wait.profile_code or None,
        "label": wait.label,
        "confirmed_on": wait.confirmed_on.isoformat() if wait.confirmed_on else None,
        "out_of_date": wait.stale,
    }


@blueprint.get("/providers/<provider_id>")
def provider(provider_id: str):
    listing = provider_listing(
        provider_id, request.args.get("regio"), session=get_session(), today=today()
    )
    if listing is None:
        return jsonify({"errors": {"provider_id": f"unknown provider {provider_id!r}"}}), 404
    return jsonify(
        {
            "provider": listing.provider.model_dump(),
            "region": listing.region.model_dump(),
            "regions": [region.id for region in listing.regions],
            "offers": [
                {
                    "profile": profile.model_dump(),
                    "intensities": [i.model_dump() for i in levels],
                    "segments": segments,
                }
                for profile, levels, segments in listing.offers
            ],
            "locations": [location.model_dump() for location in listing.locations],
            "wait_times": [wait.model_dump(mode="json") for wait in listing.waits],
            "outcomes": {
                "period": listing.period,
                "figures": [asdict(f) for f in listing.figures],
                # Published per profile × intensity, each against that intensity's norm.
                "by_intensity": [
                    {
                        "profile_code": group.profile.code if group.profile else "",
                        "intensity_code": group.intensity.code,
                        "period": group.period,
                        "figures": [asdict(f) for f in group.figures],
                    }
                    for group in listing.intensity_figures
                ],
            },
            "contract_end": listing.contract_end.isoformat() if listing.contract_end else None,
            # The day the provider last confirmed each part (HSDS assured_date).
            "confirmations": {
                part: day.isoformat()
                for part, day in confirmations(provider_id, session=get_session()).items()
                if day is not None
            },
        }
    )
