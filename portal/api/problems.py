"""Every API error as one JSON shape: problem details (RFC 9457), in the reader's language.

`type` links to the explanation on the API's own page (/api/v1/docs#problem-…), `title`
and `detail` are translated like every page (?lang=, then Accept-Language), and a 400
names each wrong parameter in `errors`, with what would be right. portal/errors.py hands
the app-wide errors of /api/ paths (unknown path, 405, 429, 500, search down) here too,
so a client never meets an HTML page or another error shape.
"""

import time

from flask import Response, current_app, url_for
from pydantic import BaseModel, ConfigDict, Field
from werkzeug.http import HTTP_STATUS_CODES

from portal.api.models import HelpNow
from portal.extensions import limiter
from portal.localize import lazy_gettext as _l
from portal.public import help_now as crisis

MEDIA_TYPE = "application/problem+json"

# Status → (anchor on the docs page, title). One problem type per status is enough here:
# the detail and `errors` say what exactly went wrong.
KINDS = {
    400: ("invalid-parameters", _l("Er klopt iets niet in de vraag")),
    404: ("not-found", _l("Niet gevonden")),
    405: ("method-not-allowed", _l("Deze methode kan hier niet")),
    429: ("too-many-requests", _l("Te veel vragen")),
    500: ("server-error", _l("Fout in de server")),
    503: ("unavailable", _l("Even niet beschikbaar")),
}
OTHER = _l("Deze vraag kan niet")  # a status no route of the API answers on purpose
DETAILS = {
    400: _l("Een of meer parameters kloppen niet. Onder errors staat per parameter wat er mis is."),
    404: _l("Op dit adres staat niets. De adressen van de API staan in /api/v1/openapi.json."),
    405: _l("Deze API kan alleen lezen: gebruik GET."),
    429: _l("U stelde te veel vragen in korte tijd. Wacht even en probeer het dan opnieuw."),
    500: _l("Er ging bij ons iets mis. Probeer het later opnieuw."),
    503: _l("Dit deel van de gids werkt even niet. Probeer het over een paar minuten opnieuw."),
}


class Problem(BaseModel):
    """An error: what kind (`type`, `title`, `status`), what happened (`detail`), and for
    a 400 what is wrong per parameter (`errors`)."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="Link to the explanation of this kind of problem.")
    title: str = Field(description="The kind of problem, in the language asked for.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What happened, in the language asked for.")
    errors: dict[str, str] | None = Field(
        None, description="400 only: per parameter, what is wrong and what would be right."
    )
    help_now: HelpNow | None = Field(
        None,
        description=(
            "Search only: crisis lines when the words signal acute danger, also next to errors."
        ),
    )


class ApiProblem(Exception):
    """Raised by a view to answer with a problem; the blueprint turns it into one."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        errors: dict[str, str] | None = None,
        help_now: crisis.HelpNow | None = None,
    ) -> None:
        super().__init__(detail or str(status))
        self.status, self.detail, self.errors, self.help_now = status, detail, errors, help_now


def invalid(errors: dict[str, str], help_now: crisis.HelpNow | None = None) -> ApiProblem:
    return ApiProblem(400, errors=errors, help_now=help_now)


def help_now_shape(lines: crisis.HelpNow | None) -> HelpNow | None:
    return HelpNow.model_validate(lines.as_json()) if lines else None


def problem(
    status: int,
    detail: str | None = None,
    *,
    errors: dict[str, str] | None = None,
    help_now: crisis.HelpNow | None = None,
) -> Response:
    anchor, title = KINDS.get(status, ("", OTHER))
    body = Problem(
        type=url_for("api.docs", _anchor=f"problem-{anchor}" if anchor else "fouten"),
        title=str(title),
        status=status,
        detail=detail or str(DETAILS.get(status, HTTP_STATUS_CODES.get(status, title))),
        errors=errors,
        help_now=help_now_shape(help_now),
    )
    response = current_app.response_class(
        body.model_dump_json(exclude_none=True), status=status, mimetype=MEDIA_TYPE
    )
    if status == 429:
        response.headers["Retry-After"] = str(_seconds_to_wait())
    return response


def from_exception(error: ApiProblem) -> Response:
    return problem(error.status, error.detail, errors=error.errors, help_now=error.help_now)


def _seconds_to_wait() -> int:
    """Until the client's window of the rate limit opens again (at least one second)."""
    current = limiter.current_limit
    return max(1, int(current.reset_at - time.time())) if current else 60
