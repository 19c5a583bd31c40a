"""The whole export: every HSDS object type as one list, and writing them as JSON files.

Each file is named after its HSDS schema (`service.json` holds service records), holds one
JSON array, and is written for every type even when empty, so a consumer always finds the
full set and a type that emptied since the last export does not linger from that one.
Records are flat, linked by ids (`service.organization_id`), as in HSDS's tabular form.
"""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import Session

from indexer.hsds.costs import cost_attributes, cost_options
from indexer.hsds.current import Current, read_current
from indexer.hsds.organizations import organization_identifiers, organizations, phones
from indexer.hsds.places import addresses, locations
from indexer.hsds.services import (
    languages,
    service_areas,
    service_at_locations,
    service_attributes,
    services,
)
from indexer.hsds.taxonomies import taxonomies, taxonomy_terms

BUILDERS: dict[str, Callable[[Current], list[dict]]] = {
    "organization": organizations,
    "organization_identifier": organization_identifiers,
    "service": services,
    "location": locations,
    "address": addresses,
    "service_at_location": service_at_locations,
    "service_area": service_areas,
    "phone": phones,
    "language": languages,
    "taxonomy": taxonomies,
    "taxonomy_term": taxonomy_terms,
    "cost_option": cost_options,
    "attribute": lambda current: service_attributes(current) + cost_attributes(current),
}


def export_records(session: Session, today: date, region_id: str | None = None) -> dict:
    """{HSDS schema name: records} of everything current on `today` (current.read_current)."""
    current = read_current(session, today, region_id)
    return {name: build(current) for name, build in BUILDERS.items()}


def write_files(records: dict[str, list[dict]], folder: Path) -> dict[str, int]:
    """One `<schema>.json` per type in `folder` (made if missing): {file name: records}."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in records.items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        counts[path.name] = len(rows)
    return counts
