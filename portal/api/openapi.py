"""The OpenAPI 3.1 document, built from the routes themselves, and the page that explains it.

Every `@get` route (portal/api/registry.py) is an operation here: its query parameters from
its parameter model, its 200 from its response model (pydantic writes JSON Schema 2020-12,
the dialect of OpenAPI 3.1), its errors as problem details. Nothing is written by hand, so
the document cannot fall behind the code; tests/portal/test_api_contract.py sends
generated requests to every operation and holds each response to it.

The page /api/v1/docs renders the same document on the server: no script, nothing from
another site. Its own words are translated; the reference (names, types, the models'
descriptions) is the contract and stays in English, marked `lang="en"`.
"""

import json
from dataclasses import dataclass, field
from functools import cache

from flask import jsonify, render_template, url_for
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from werkzeug.http import HTTP_STATUS_CODES

from portal.api import problems
from portal.api.models import Shape
from portal.api.registry import COMPONENTS, JSON, OPERATIONS, Operation, Parameters, get
from portal.i18n import LOCALES

TITLE = "Jeugdhulpgids open data API"
VERSION = "1.0.0"
TAGS = {
    "search": "The families' search.",
    "providers": "A provider in a region.",
    "regions": "Regions, their schemes, bandwidths and local teams.",
    "downloads": "Everything a region publishes, in the import format.",
    "hsds": "The directory in Open Referral's HSDS 3.0, in the shapes of HSDS's own API.",
    "about": "This API itself.",
}
REF = "#/components/schemas/{model}"
# Text in pieces, each with the anchor of the model it names ("" for plain words).
Words = list[tuple[str, str]]
HTML = "text/html"


class Index(Shape):
    name: str
    version: str
    documentation: str
    openapi: str
    regions: str
    search: str
    languages: list[str]


@get("/", Index, summary="What this API offers, with links", tag="about")
def index(_params: Parameters) -> Index:
    return Index(
        name=TITLE,
        version=VERSION,
        documentation=url_for("api.docs"),
        openapi=url_for("api.openapi"),
        regions=url_for("api.region_list"),
        search=url_for("api.search"),
        languages=list(LOCALES),
    )


@get("/openapi.json", None, summary="This document (OpenAPI 3.1)", tag="about")
def openapi(_params: Parameters):
    return jsonify(document(url_for("api.index").rstrip("/")))


@get(
    "/docs",
    None,
    summary="This document as a page for people",
    tag="about",
    media_type=HTML,
)
def docs(_params: Parameters) -> str:
    return render_template("api/docs.html", reference=reference())


@cache
def document(server: str) -> dict:
    """The OpenAPI document for the API served at `server` (its path, e.g. /api/v1)."""
    keys, definitions = models_json_schema(_models(), ref_template=REF)
    schemas = definitions.get("$defs", {}) | COMPONENTS
    paths: dict[str, dict] = {}
    for operation in OPERATIONS:
        query = keys[(operation.query, "validation")]
        parameters = _path_parameters(operation) + _query_parameters(query, schemas)
        paths.setdefault(operation.path, {})["get"] = {
            "operationId": operation.endpoint,
            "summary": operation.summary,
            "description": operation.description,
            "tags": [operation.tag],
            "parameters": parameters,
            "responses": _responses(operation, keys),
        }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": TITLE,
            "version": VERSION,
            "description": (
                "Open data of Jeugdhulpgids: providers of specialist youth care per region, "
                "with their offer, waits, outcomes and tariffs. Read only, no key."
            ),
        },
        "servers": [{"url": server}],
        "tags": [{"name": name, "description": text} for name, text in TAGS.items()],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "headers": {
                "ETag": {
                    "description": "A hash of the body: send it in If-None-Match for a 304.",
                    "required": True,
                    "schema": {"type": "string"},
                },
                "Cache-Control": {
                    "description": "public, max-age=300",
                    "required": True,
                    "schema": {"type": "string"},
                },
                "Access-Control-Allow-Origin": {
                    "description": "*: any site may read it.",
                    "required": True,
                    "schema": {"type": "string", "const": "*"},
                },
            },
        },
    }


def _models() -> list[tuple[type[BaseModel], str]]:
    found = {(operation.query, "validation") for operation in OPERATIONS}
    found |= {(op.response, "serialization") for op in OPERATIONS if op.response}
    found.add((problems.Problem, "serialization"))
    return sorted(found, key=lambda pair: (pair[0].__name__, pair[1]))


def _path_parameters(operation: Operation) -> list[dict]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$"},
        }
        for name in operation.variables
    ]


def _query_parameters(query: dict, schemas: dict) -> list[dict]:
    model = schemas[query["$ref"].rsplit("/", 1)[1]]
    required = set(model.get("required", []))
    parameters = []
    for name, schema in model["properties"].items():
        schema = _without_null(schema)
        description = schema.pop("description", "")
        parameter = {"name": name, "in": "query", "required": name in required, "schema": schema}
        if description:
            parameter["description"] = description
        if schema.get("type") == "array":
            parameter |= {"style": "form", "explode": True}
        parameters.append(parameter)
    return parameters


def _without_null(schema: dict) -> dict:
    """A query parameter is left out rather than sent as null: `int | None` is an int."""
    schema = {key: value for key, value in schema.items() if key != "title"}
    options = [option for option in schema.pop("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        schema |= options[0]
    elif options:
        schema["anyOf"] = options
    if schema.get("default") is None:
        schema.pop("default", None)
    return schema


def _responses(operation: Operation, keys: dict) -> dict:
    if operation.response is not None:
        schema = keys[(operation.response, "serialization")]
    elif operation.schema is not None:
        schema = operation.schema
    elif operation.media_type == JSON:
        schema = {"type": "object"}
    else:
        schema = {"type": "string", "contentMediaType": operation.media_type}
    cached = {
        name: {"$ref": f"#/components/headers/{name}"}
        for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin")
    }
    responses = {
        "200": {
            "description": "OK",
            "headers": cached,
            "content": {operation.media_type: {"schema": schema}},
        },
        "304": {"description": "Not modified: the ETag sent in If-None-Match still holds."},
    }
    problem = {"$ref": REF.format(model=problems.Problem.__name__)}
    for status in operation.statuses:
        responses[str(status)] = {
            "description": HTTP_STATUS_CODES[status],
            "content": {problems.MEDIA_TYPE: {"schema": problem}},
        }
    return responses


@dataclass
class Row:
    """One line of a table on the page: a name, its type in words, whether it is
    required, and what it means."""

    name: str
    type: Words
    required: bool = False
    description: str = ""


@dataclass
class Entry:
    """An operation or a model, as the page lists it."""

    anchor: str
    title: str
    summary: str = ""
    description: str = ""
    rows: list[Row] = field(default_factory=list)
    responses: list[Row] = field(default_factory=list)


def reference() -> dict:
    """The document as the page shows it: operations, then models, then problem types."""
    spec = document(url_for("api.index").rstrip("/"))
    queries = {operation.query.__name__ for operation in OPERATIONS}  # shown per operation
    operations = [
        Entry(
            anchor=f"operation-{operation['operationId']}",
            title=f"GET {spec['servers'][0]['url']}{path}",
            summary=operation["summary"],
            description=operation["description"],
            rows=[
                Row(p["name"], type_of(p["schema"]), p["required"], p.get("description", ""))
                for p in operation["parameters"]
            ],
            responses=[
                Row(status, _response_type(response), description=response["description"])
                for status, response in operation["responses"].items()
            ],
        )
        for path, item in spec["paths"].items()
        for operation in item.values()
    ]
    models = [
        Entry(
            anchor=f"model-{name}",
            title=name,
            description=schema.get("description", ""),
            rows=[
                Row(
                    prop,
                    type_of(value),
                    prop in schema.get("required", []),
                    value.get("description", ""),
                )
                for prop, value in schema.get("properties", {}).items()
            ],
        )
        for name, schema in spec["components"]["schemas"].items()
        if "properties" in schema and name not in queries
    ]
    kinds = [
        (f"problem-{anchor}", status, str(title))
        for status, (anchor, title) in problems.KINDS.items()
    ]
    return {"operations": operations, "models": models, "problems": kinds}


def type_of(schema: dict) -> Words:
    """A schema in a few words, models linked: "list of [Coded]", "integer, 0 to 27"."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return [(name, f"model-{name}")]
    if "anyOf" in schema:
        words: Words = []
        for number, option in enumerate(schema["anyOf"]):
            words += ([(" or ", "")] if number else []) + type_of(option)
        return words
    if schema.get("type") == "array":
        return [("list of ", ""), *type_of(schema.get("items", {}))]
    if schema.get("type") == "object" and isinstance(schema.get("additionalProperties"), dict):
        return [("map of string to ", ""), *type_of(schema["additionalProperties"])]
    return [(", ".join([_kind(schema), *_limits(schema)]), "")]


def _kind(schema: dict) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    kind = schema.get("type", "any")
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _limits(schema: dict) -> list[str]:
    limits = []
    if "minimum" in schema or "maximum" in schema:
        limits.append(f"{schema.get('minimum', '…')} to {schema.get('maximum', '…')}")
    if "maxLength" in schema:
        limits.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        limits.append(f"matching {schema['pattern']}")
    if schema.get("default") not in (None, [], ""):
        limits.append(f"default {json.dumps(schema['default'])}")
    return limits


def _response_type(response: dict) -> Words:
    words: Words = []
    for media, value in response.get("content", {}).items():
        words += [(f"{media}: ", ""), *type_of(value["schema"])]
    return words
