"""The home page: search box and postcode first, who helps first, and a plain-language way
into the kinds of help for families who do not know the words."""

from flask import Blueprint, render_template, request

from indexer.search import locate
from indexer.teams import teams_for_postcode
from portal import labels
from portal.database import get_session
from portal.public.search_form import postcode_digits
from portal.public.teams_view import team_views
from portal.public.themes import THEMES
from portal.services import region_summaries

blueprint = Blueprint("home", __name__)


@blueprint.get("/")
def index() -> str:
    postcode = request.args.get("postcode", "").strip()
    digits = postcode_digits(postcode)
    place = locate(get_session(), digits) if digits else None
    teams = teams_for_postcode(place.pc4, session=get_session()) if place else []
    return render_template(
        "public/home/index.html",
        regions=region_summaries(),
        postcode=postcode,
        place=place,
        teams=team_views(teams),
        themes=THEMES,
        labels=labels,
        unknown_postcode=bool(postcode) and place is None,
    )


@blueprint.get("/healthz")
def health() -> tuple[str, int, dict]:
    """For load balancers and uptime checks: the app answers, without touching the store."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
