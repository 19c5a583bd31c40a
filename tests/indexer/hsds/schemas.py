"""Checking records against the official HSDS 3.0 schemas in tests/data/hsds.

The schemas name no draft; HSDS's reference API declares JSON Schema 2020-12, so that is the
validator. Its format checker knows `uuid` and `email` but checks `uri` only with an extra
package, so a plain check of our own stands in. Dates have no `format` in HSDS, only
`datapackage_type: date`: those fields (assured_date, a cost option's validity) are
checked here as ISO 8601 days, as the schemas cannot.
"""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parents[2] / "data" / "hsds" / "schema"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

FORMATS = FormatChecker(Draft202012Validator.FORMAT_CHECKER.checkers)


@FORMATS.checks("uri")
def _absolute_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not any(c.isspace() for c in value)


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


@cache
def registry() -> Registry:
    """Every schema under its file name, the name the others `$ref` it by."""
    return Registry().with_resources(
        (path.name, DRAFT202012.create_resource(_schema(path.stem)))
        for path in sorted(SCHEMAS.glob("*.json"))
    )


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": f"{name}.json"}, registry=registry(), format_checker=FORMATS
    )


@cache
def date_fields(name: str) -> tuple[str, ...]:
    properties = _schema(name)["properties"]
    return tuple(k for k, v in properties.items() if v.get("datapackage_type") == "date")


def problems(name: str, row: dict) -> list[str]:
    """Why `row` is no valid `name` record: schema errors, then dates that are no ISO day."""
    found = [f"{error.json_path}: {error.message}" for error in validator(name).iter_errors(row)]
    for field in date_fields(name):
        if field in row and not _iso_day(row[field]):
            found.append(f"$.{field}: {row[field]!r} is not an ISO 8601 date (YYYY-MM-DD)")
    return found


def _iso_day(value: object) -> bool:
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
