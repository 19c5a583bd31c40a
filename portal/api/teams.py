"""GET /api/v1/teams?postcode=…: where a family goes first, as the results page says.

The postcode is read by the families' form (portal/public/search_form.py), with its
messages: four digits (letters optional), in a region of the guide.
"""

from flask import request
from pydantic import Field
from werkzeug.datastructures import MultiDict

from indexer.teams import teams_for_postcode
from portal import labels
from portal.api.models import Place, Shape, Team
from portal.api.problems import invalid
from portal.api.registry import Parameters, get, read_query
from portal.api.search import POSTCODE
from portal.database import get_session
from portal.localize import get_locale
from portal.public.search_form import WORDS_ONLY, parse_search


class TeamParameters(Parameters):
    postcode: str = Field(pattern=POSTCODE, description="1011 or 1011 AB.")


class TeamsForPostcode(Shape):
    place: Place
    teams: list[Team] = Field(
        description="Teams that list the postcode, else those for its whole municipality; "
        "by name. Empty when the region registered none."
    )


@get(
    "/teams",
    TeamsForPostcode,
    summary="Local teams for a postcode",
    tag="regions",
    query=TeamParameters,
    reads_query=False,
)
def teams() -> TeamsForPostcode:
    session = get_session()
    _params, problems = read_query(TeamParameters)
    asked = MultiDict({"postcode": request.args.get("postcode", ""), WORDS_ONLY: "1"})
    form = parse_search(asked, session=session, locale=str(get_locale()))
    problems |= form.errors
    if problems or form.place is None:
        raise invalid(problems)
    place = form.place
    return TeamsForPostcode(
        place=Place.model_validate(place, from_attributes=True),
        teams=[
            Team(**team._asdict(), kind_label=str(labels.TEAM_KINDS.get(team.kind, team.kind)))
            for team in teams_for_postcode(place.pc4, session=session)
        ],
    )
