"""The home page: search box and postcode first, who helps first, and a plain-language way
into the kinds of help for families who do not know the words."""

from flask import Blueprint, render_template, request
from flask_babel import lazy_gettext as _l

from indexer.catalog import region_summaries
from indexer.search import locate
from indexer.teams import teams_for_postcode
from portal import labels
from portal.database import get_session
from portal.public.search_form import postcode_digits
from portal.public.teams_view import team_views
from portal.services import today

blueprint = Blueprint("home", __name__)

# Plain-language entries → the search words they stand for (the vocabulary does the rest).
THEMES = (
    (_l("Mijn kind is vaak bang of piekert veel"), "angst"),
    (_l("Mijn kind is somber of heeft nergens zin in"), "somberheid"),
    (_l("Mijn kind heeft (misschien) autisme of ADHD"), "autisme adhd"),
    (_l("Er is iets ergs gebeurd"), "trauma"),
    (_l("Mijn kind gaat niet meer naar school"), "schoolweigering"),
    (_l("Eten is een probleem"), "eetstoornis"),
    (_l("Gamen, blowen of drinken"), "verslaving"),
    (_l("Opvoeden gaat moeilijk"), "opvoedondersteuning"),
    (_l("Wij gaan scheiden en er is veel ruzie"), "scheiding"),
    (_l("Mijn kind doet zichzelf pijn"), "zelfbeschadiging"),
    (_l("Mijn kind kan niet thuis wonen"), "pleegzorg gezinshuis"),
    (_l("Het is nu heel erg: crisis"), "crisis"),
)


@blueprint.get("/")
def index() -> str:
    postcode = request.args.get("postcode", "").strip()
    digits = postcode_digits(postcode)
    place = locate(get_session(), digits) if digits else None
    teams = teams_for_postcode(place.pc4, session=get_session()) if place else []
    return render_template(
        "public/home/index.html",
        regions=region_summaries(session=get_session(), today=today()),
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
