"""The response shapes of /api/v1/hsds: Open Referral's own schemas, not ours rewritten.

Why shipped, and why as components: a consumer of an HSDS API holds our answers to the
official HSDS 3.0 object schemas, so the OpenAPI document should say exactly that rather
than restate the fields in models of our own, which could drift from HSDS unnoticed. The
schema files therefore ship with the app (schema/, CC BY-SA 4.0 with Open Referral's
attribution, unchanged): tests/data is test data and no part of a deployment, and fetching
them from Open Referral's site at run time would make our document depend on theirs being
up. They refer to each other by file name (`"$ref": "phone.json"`), which means nothing
inside an OpenAPI document, so they go under `components/schemas` as `hsds.<name>` (a name
no pydantic model can take) with those references rewritten to the component, and nothing
else changed. The document then describes each response by the official schema, and the
contract test (tests/portal/test_api_contract.py) holds every generated answer to it.

A list answers in HSDS's page shape (`Page` in HSDS's reference API, openapi.json), one
page schema per object type with its `contents` of that type; ours lists every field as
present and no other, as our own models do.
"""

import json
from pathlib import Path

from portal.api.registry import COMPONENTS

FOLDER = Path(__file__).parent / "schema"
PREFIX = "hsds."
REF = "#/components/schemas/{name}"
# HSDS's Page (its reference API, components/schemas/Page), with its own descriptions.
PAGE = {
    "total_items": ("integer", "The total number of entities (e.g. services, organizations)."),
    "total_pages": ("integer", "Count of total pages."),
    "page_number": ("integer", "The number of the current page (from 1)."),
    "size": ("integer", "The number of entities in the current page."),
    "first_page": ("boolean", "A Boolean value indicating if this is the first page."),
    "last_page": ("boolean", "A Boolean value indicating if this is the last page."),
    "empty": ("boolean", "A Boolean value indicating if there is an empty result set."),
}


def ref(name: str) -> dict:
    """A reference to the official schema of the HSDS object `name` (e.g. service)."""
    return {"$ref": REF.format(name=PREFIX + name)}


def page_ref(name: str) -> dict:
    return {"$ref": REF.format(name=_page_name(name))}


def register() -> None:
    """Every shipped schema, and a page of each object type the API lists, as components."""
    for path in sorted(FOLDER.glob("*.json")):
        COMPONENTS[PREFIX + path.stem] = _local(json.loads(path.read_text(encoding="utf-8")))


def register_page(name: str) -> None:
    COMPONENTS[_page_name(name)] = {
        "type": "object",
        "description": f"One page of {name} records, in HSDS's page shape.",
        "properties": {
            field: {"type": kind, "description": text} for field, (kind, text) in PAGE.items()
        }
        | {"contents": {"type": "array", "items": ref(name)}},
        "required": [*PAGE, "contents"],
        "additionalProperties": False,
    }


def _page_name(name: str) -> str:
    return f"{PREFIX}page.{name}"


def _local(schema: object) -> object:
    """`schema` with each reference to a sibling file pointing at its component instead."""
    if isinstance(schema, dict):
        return {
            key: ref(value.removesuffix(".json"))["$ref"]
            if key == "$ref" and isinstance(value, str) and value.endswith(".json")
            else _local(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_local(item) for item in schema]
    return schema
