"""GET /api/v1/hsds/…: the directory in Open Referral HSDS 3.0, in the shapes of HSDS's API.

Other directories that read HSDS can take our providers over without a download: the
subset of HSDS 3.0's reference API (its openapi.json) that our data fills, with the same
paths, parameters `page` and `per_page`, page shape and "fully nested" objects by id. The
records are those of `indexer export hsds` (indexer/hsds), current today, with the same
uuid5 ids; `?region=` gives what `--region` exports. `/locations` is not in HSDS's
reference API; it is added in the same shapes, since a location is an object of its own.
docs/hsds-profile.md is the profile; schemas says how the responses are described.

One build of every record takes some 0.2–0.35 s on the demo data (9,156 records), far
above a request's budget, and its result is the same for everyone until the store or the
day changes. So each app keeps the records of the latest (store state, day), per region
asked, built once; the store state is read per request from the audit log, which every
write to the store adds to (DESIGN.md §8).
"""

import json
from dataclasses import dataclass
from datetime import date
from math import ceil
from threading import Lock

from flask import Flask, current_app, url_for
from pydantic import Field
from sqlmodel import Session, col, func, select

from indexer.hsds import Linked, export_records
from indexer.models import AuditEntry
from portal.api import checks
from portal.api.hsds import schemas
from portal.api.models import Shape
from portal.api.problems import ApiProblem, invalid
from portal.api.registry import JSON, Parameters, get
from portal.api.search import Code
from portal.database import get_session
from portal.services import today

HSDS_VERSION = "3.0"
PER_PAGE, MAX_PER_PAGE = 50, 100
EXTENSION = "hsds"
TAG = "hsds"


@dataclass(frozen=True)
class Resource:
    """An HSDS object type the API lists and serves by id: its path, schema and what the
    object by id carries nested."""

    path: str
    name: str
    nested: str


RESOURCES = (
    Resource(
        "organizations",
        "organization",
        "its identifiers, phones, locations with their addresses, and its services' own fields",
    ),
    Resource(
        "services",
        "service",
        "its organization (as by id, without services), service areas, service_at_locations "
        "with their location, languages, cost options and attributes, each attribute with "
        "its taxonomy term and that term's taxonomy",
    ),
    Resource("locations", "location", "its addresses"),
    Resource("service_at_locations", "service_at_location", "its location with addresses"),
    Resource("taxonomies", "taxonomy", "nothing: a taxonomy has no parts in HSDS"),
    Resource("taxonomy_terms", "taxonomy_term", "its taxonomy, as taxonomy_detail"),
)


class HsdsParameters(Parameters):
    page: int = Field(1, ge=1, description="The page, from 1; a page after the last is empty.")
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Records per page.")
    region: Code | None = Field(
        None, description="Only what this region (its id, /regions) publishes, as --region."
    )


class HsdsInfo(Shape):
    """HSDS's API meta information (GET / of its reference API)."""

    version: str = Field(description="HSDS version of this API.")
    openapi_url: str = Field(description="URL of the OpenAPI document that defines this API.")


class Cache:
    """The records of the latest (store state, day), per region asked (None: all), built
    once: a thread that asks while another builds waits for that build."""

    def __init__(self) -> None:
        self._lock = Lock()
        self._key: tuple = ()
        self._linked: dict[str | None, Linked] = {}

    def linked(self, session: Session, day: date, region_id: str | None) -> Linked:
        key = (_store_state(session), day)
        with self._lock:
            if key != self._key:
                self._key, self._linked = key, {}
            if region_id not in self._linked:
                self._linked[region_id] = Linked(export_records(session, day, region_id))
            return self._linked[region_id]


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = Cache()


@get("/hsds/", HsdsInfo, summary="About this HSDS API", tag=TAG)
def hsds_index(_params: Parameters) -> HsdsInfo:
    return HsdsInfo(version=HSDS_VERSION, openapi_url=url_for("api.openapi", _external=True))


def _register(resource: Resource) -> None:
    """GET /hsds/<path>, a page of the flat records, and /hsds/<path>/<id>, one nested."""
    name = resource.name
    schemas.register_page(name)

    def listing(params: HsdsParameters):
        if problems := checks.unknown_region(params.region, session=get_session()):
            raise invalid(problems)
        return _json(_page(_linked(params.region).records[name], params))

    def by_id(_params: Parameters, id: str):
        found = _linked(None).nested(name, id)
        if found is None:
            raise ApiProblem(404)
        return _json(found)

    listing.__name__, by_id.__name__ = f"hsds_{resource.path}", f"hsds_{name}"
    get(
        f"/hsds/{resource.path}",
        None,
        schema=schemas.page_ref(name),
        query=HsdsParameters,
        summary=f"HSDS {name} records, a page at a time",
        description=f"Each {name} as `indexer export hsds` writes it (flat, linked by ids), "
        "current today. An unknown region is a 400.",
        tag=TAG,
    )(listing)
    get(
        f"/hsds/{resource.path}/<id>",
        None,
        schema=schemas.ref(name),
        summary=f"One HSDS {name}, fully nested",
        description=f"The {name} with {resource.nested} nested inside.",
        tag=TAG,
    )(by_id)


def _linked(region_id: str | None) -> Linked:
    return current_app.extensions[EXTENSION].linked(get_session(), today(), region_id)


def _store_state(session: Session) -> tuple:
    """Changes whenever the store does: the audit log only grows, by one entry or more per
    write; its size notices a write that commits after one with a later id."""
    return tuple(session.exec(select(func.count(), func.max(col(AuditEntry.id)))).one())


def _page(rows: list[dict], params: HsdsParameters) -> dict:
    """HSDS's page shape around the records of page `params.page`."""
    start = (params.page - 1) * params.per_page
    contents = rows[start : start + params.per_page]
    pages = ceil(len(rows) / params.per_page)
    return {
        "total_items": len(rows),
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _json(body: dict):
    return current_app.response_class(json.dumps(body, ensure_ascii=False), mimetype=JSON)


schemas.register()
for _resource in RESOURCES:
    _register(_resource)
