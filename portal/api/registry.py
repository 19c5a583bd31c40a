"""Declaring an API route: its URL, query parameters and response shape in one place.

    @get("/regions/<region_id>", RegionDetail, summary="A region and its scheme", tag="regions")
    def region(params: Parameters, region_id: str) -> RegionDetail: ...

`get` registers the Flask view and records an `Operation`, from which the OpenAPI
document is built (portal/api/openapi.py): a route cannot exist without being documented,
and its response is serialised from the model the document describes. The query string is
read into the `query` model first (a list field repeats: ?profile=P01&profile=P02, other
parameters are read once, unknown ones ignored); a value that breaks the model is a 400
naming the parameter, in the reader's language.

Adding a route (the HSDS export, say) is a model for its response, perhaps one for its
parameters, and a function under `@get` in a module that portal/api/__init__.py imports.
A body described by a JSON Schema of its own (an official HSDS schema) passes it as
`schema=` with `response=None` and returns a dict. tests/portal/test_api_contract.py then
sends generated requests to the new route and holds every answer to the document.
"""

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, current_app, request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from portal.api.problems import invalid
from portal.extensions import limiter
from portal.i18n import LOCALES, list_format
from portal.localize import gettext as _

JSON = "application/json"
PREFIX = "/api/v1"
# Per client address, over every API route together; `API_RATE_LIMIT` in the app's config
# changes it (a deployment behind a proxy sets PROXY_HOPS, so the address is the client's).
RATE_LIMIT = "120 per minute"
VARIABLE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")

blueprint = Blueprint("api", __name__, url_prefix=PREFIX)
limiter.shared_limit(lambda: current_app.config.get("API_RATE_LIMIT", RATE_LIMIT), scope="api")(
    blueprint
)


class Parameters(BaseModel):
    """The query parameters every route reads; routes with more extend it."""

    model_config = ConfigDict(extra="ignore")

    lang: typing.Literal[LOCALES] | None = Field(  # type: ignore[valid-type]
        None,
        description=(
            "Language of titles, labels and messages; without it Accept-Language decides, "
            "else Dutch. Provider and region texts fall back to Dutch (see each `lang`)."
        ),
    )


@dataclass(frozen=True)
class Operation:
    """One GET route as the OpenAPI document describes it."""

    rule: str  # Flask rule below PREFIX: "/regions/<region_id>"
    endpoint: str
    summary: str
    description: str
    response: type[BaseModel] | None  # None: `schema` describes the body, or nothing does
    query: type[Parameters]
    media_type: str
    errors: tuple[int, ...]  # besides 400, 404 (with URL variables) and 429
    tag: str
    schema: dict | None = None  # a JSON Schema of its own, e.g. an official HSDS schema

    @property
    def path(self) -> str:
        """The OpenAPI path template: /regions/{region_id}."""
        return VARIABLE.sub(r"{\1}", self.rule)

    @property
    def variables(self) -> list[str]:
        return VARIABLE.findall(self.rule)

    @property
    def statuses(self) -> list[int]:
        found = {400, 429, *self.errors} | ({404} if self.variables else set())
        return sorted(found)


OPERATIONS: list[Operation] = []
# JSON Schemas that `schema=` bodies refer to, by component name (the official HSDS ones,
# portal/api/hsds/schemas.py): the document lists them under components/schemas.
COMPONENTS: dict[str, dict] = {}
P = typing.TypeVar("P", bound=Parameters)


def get(
    rule: str,
    response: type[BaseModel] | None,
    *,
    summary: str,
    tag: str,
    description: str = "",
    query: type[Parameters] = Parameters,
    media_type: str = JSON,
    errors: tuple[int, ...] = (),
    reads_query: bool = True,
    schema: dict | None = None,
) -> Callable:
    """Register `view` for GET `rule`. The view gets the parsed query (unless
    `reads_query=False`: it then reads it itself with `read_query`, to add checks of its
    own to the same 400) and the URL variables, and returns a model, or a Response or a
    dict for a body that `schema` (a JSON Schema of its own) or nothing describes."""

    def register(view: Callable) -> Callable:
        OPERATIONS.append(
            Operation(
                rule,
                view.__name__,
                summary,
                description,
                response,
                query,
                media_type,
                errors,
                tag,
                schema,
            )
        )

        def handle(**variables: str):
            if reads_query:
                params, problems = read_query(query)
                if problems:
                    raise invalid(problems)
                result = view(params, **variables)
            else:
                result = view(**variables)
            return json_response(result) if isinstance(result, BaseModel) else result

        blueprint.add_url_rule(rule, view.__name__, handle, methods=["GET"])
        return view

    return register


def json_response(model: BaseModel):
    return current_app.response_class(model.model_dump_json(), mimetype=JSON)


def read_query(model: type[P]) -> tuple[P | None, dict[str, str]]:
    """The query string as `model`, or None and a message per wrong parameter."""
    raw: dict[str, object] = {}
    for name, field in model.model_fields.items():
        values = request.args.getlist(name)
        if values:
            raw[name] = values if typing.get_origin(field.annotation) is list else values[0]
    try:
        return model.model_validate(raw), {}
    except ValidationError as error:
        problems: dict[str, str] = {}
        for detail in error.errors(include_url=False):
            problems.setdefault(str(detail["loc"][0]), _message(detail))
        return None, problems


def _message(detail: ErrorDetails) -> str:
    """pydantic's reason in the reader's language, with what would be right."""
    kind, context = detail["type"], detail.get("ctx", {})
    if kind == "missing":
        return _("Deze parameter is verplicht.")
    if kind in {"literal_error", "enum"}:
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return _("Kies uit: %(choices)s.", choices=list_format(choices))
    if kind == "greater_than_equal":
        return _("Vul een getal in van %(low)s of meer.", low=context["ge"])
    if kind == "less_than_equal":
        return _("Vul een getal in van %(high)s of minder.", high=context["le"])
    if kind.startswith("int_"):
        return _("Vul een heel getal in, met de cijfers 0 tot en met 9.")
    if kind.startswith("bool_"):
        return _("Vul true of false in.")
    if kind == "string_too_long":
        return _("Gebruik hoogstens %(max)d tekens.", max=context["max_length"])
    if kind == "string_pattern_mismatch":
        return _("Deze waarde heeft niet de goede vorm. Kijk in de uitleg van de API.")
    return _("Deze waarde kan hier niet. Kijk in de uitleg van de API.")
