"""An edit's values, parsed exactly as an import parses them, and the values stored now.

A provider must never store what a region's file would be refused for, and two sets of
rules would drift apart. So an edit goes through the import's own pipeline: the column
specs with their field parsers and row rules (`parse_table`), the duplicate and coordinate
checks, and the record builder (a location without coordinates gets its PC4 centroid).
Values are what a form sends: text, or a list of words for the list fields.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from indexer.edits.parts import EditError, Part, check_fields
from indexer.models import Contract, Location, Postcode, Profile, Provider, WaitTime
from indexer.models.edits import LOCATIONS_FIELD, parse_wait_field
from indexer.sources import checks
from indexer.sources.ownership import field_value, location_value
from indexer.sources.parsing import ParsedFile, parse_table
from indexer.sources.reading import RawTable
from indexer.sources.records import Record, entity_for
from indexer.sources.report import Problem
from indexer.sources.specs import SPEC_BY_NAME

Describe = Callable[[Problem], tuple[str, str]]  # a problem as (field, message)


def parse_values(
    session: Session, provider_id: str, part: Part, values: dict[str, Any], today: date
) -> dict[str, Any]:
    """{field: value as stored} for the given fields, or EditError naming each bad field."""
    provider = provider_record(session, provider_id)
    check_fields(part, list(values))
    if part.name == "waits":
        return _waits(session, provider_id, values, today)
    if part.name == "locations":
        return {LOCATIONS_FIELD: _locations(session, provider_id, values[LOCATIONS_FIELD])}
    cells = {"provider_id": provider_id, "name": provider["name"]}
    cells |= {field: _text(field_value(provider, field)) for field in part.fields}
    cells |= {field: _text(value) for field, value in values.items()}
    parsed = _parse("providers", [cells], lambda problem: (problem.column, _said(problem)))
    return {field: field_value(parsed.rows[0][1], field) for field in values}


def stored_values(session: Session, provider_id: str, fields: list[str]) -> dict[str, Any]:
    """The values the store holds now for these fields (None: no such wait time)."""
    provider = provider_record(session, provider_id)
    values = {}
    for field in fields:
        place = parse_wait_field(field)
        if field == LOCATIONS_FIELD:
            query = select(Location).where(Location.provider_id == provider_id)
            locations = session.exec(query.order_by(col(Location.location_id)))
            values[field] = [location_value(location.model_dump()) for location in locations]
        elif place:
            wait = session.get(WaitTime, (place[0], provider_id, place[1]))
            values[field] = wait.weeks if wait else None
        else:
            values[field] = field_value(provider, field)
    return values


def provider_record(session: Session, provider_id: str) -> Record:
    """The provider's row as imports compare it; EditError for an unknown provider."""
    table = Provider.__table__
    row = session.execute(select(table).where(table.c.id == provider_id)).mappings().first()
    if row is None:
        raise EditError([("provider_id", f"{provider_id!r} is not a known provider")])
    return dict(row)


def _waits(session: Session, provider_id: str, values: dict, today: date) -> dict[str, int]:
    """Weeks per wait field, for a region where the provider has a contract and, when a
    profile is named, a profile of that region."""
    fields = list(values)
    rows = [
        dict(zip(("region_id", "profile_code"), parse_wait_field(field), strict=True))
        | {"provider_id": provider_id, "weeks": _text(values[field])}
        | {"confirmed_on": today.isoformat()}
        for field in fields
    ]
    parsed = _parse("waittimes", rows, lambda problem: (fields[problem.row - 1], _said(problem)))
    contracted = select(Contract.region_id).where(Contract.provider_id == provider_id)
    regions = set(session.exec(contracted))
    scheme = select(Profile.region_id, Profile.code).where(col(Profile.region_id).in_(regions))
    profiles = set(session.exec(scheme))
    errors = []
    for field, (_, row) in zip(fields, parsed.rows, strict=True):
        region_id, profile_code = row["region_id"], row["profile_code"]
        if region_id not in regions:
            errors.append(
                (field, f"{region_id!r} is not a region where the provider has a contract")
            )
        elif profile_code and (region_id, profile_code) not in profiles:
            errors.append((field, f"{profile_code!r} is not a profile of region {region_id}"))
    if errors:
        raise EditError(errors)
    return {field: row["weeks"] for field, (_, row) in zip(fields, parsed.rows, strict=True)}


def _locations(session: Session, provider_id: str, locations: Any) -> list[Record]:
    """The provider's whole list of locations, sorted by location_id."""
    if not isinstance(locations, list) or not all(isinstance(x, dict) for x in locations):
        raise EditError([(LOCATIONS_FIELD, "is not a list of locations")])
    columns = [c.name for c in SPEC_BY_NAME["locations"].columns if c.name != "provider_id"]
    unknown = sorted({name for location in locations for name in location} - set(columns))
    if unknown:
        allowed = ", ".join(columns)
        raise EditError(
            [(LOCATIONS_FIELD, f"{n!r} is not a location field ({allowed})") for n in unknown]
        )
    rows = [{"provider_id": provider_id} | {c: _text(x.get(c)) for c in columns} for x in locations]

    def coordinates(parsed: ParsedFile) -> list[Problem]:
        return checks.location_coordinate_problems({"locations": parsed}, session)

    parsed = _parse("locations", rows, _location_problem, coordinates)
    needed = {row["postcode"][:4] for _, row in parsed.rows}
    query = select(Postcode.pc4, Postcode.latitude, Postcode.longitude)
    centroids = {
        pc4: (lat, lon)
        for pc4, lat, lon in session.exec(query.where(col(Postcode.pc4).in_(needed)))
    }
    records = entity_for(Location).records(parsed, centroids)
    return sorted((location_value(record) for record in records), key=lambda r: r["location_id"])


def _location_problem(problem: Problem) -> tuple[str, str]:
    where = f"location {problem.row}" + (f", {problem.column}" if problem.column else "")
    return LOCATIONS_FIELD, f"{where}: {_said(problem)}"


def _parse(
    spec_name: str,
    rows: list[dict[str, str]],
    describe: Describe,
    more: Callable[[ParsedFile], list[Problem]] = lambda _: [],
) -> ParsedFile:
    """The rows parsed as a file of the import would be; EditError on any problem."""
    headers = sorted({name for cells in rows for name in cells})
    raw = RawTable(spec_name, headers, list(enumerate(rows, start=1)))
    parsed, problems = parse_table(SPEC_BY_NAME[spec_name], raw)
    problems += checks.duplicate_problems(parsed)
    if not problems:
        problems = more(parsed)
    if problems:
        raise EditError([describe(problem) for problem in sorted(problems)])
    return parsed


def _said(problem: Problem) -> str:
    return f"{problem.value!r} {problem.message}" if problem.value else problem.message


def _text(value: Any) -> str:
    """A form's value as an import cell: stripped text; a list as `a;b`; None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(item).strip() for item in value)
    return str(value).strip()
