"""Imports respect what providers keep themselves (DESIGN.md §10).

Once a provider has edited a field (an `OwnedField`), that field is the provider's: a
region's file that brings another value must not overwrite it silently. So before anything
is written, the planned changes to owned fields are taken out of the plans and each
difference becomes a `Conflict` for region staff, who keep the provider's value or take the
import's. A conflict is recorded once: reloading the same file while it is open (or after
staff chose to keep the provider's value) adds nothing, so reloads stay idempotent.

Fields are named as in indexer/models/edits.py: provider columns (`phone`), one
`description_<lang>` per locale, `locations` for a provider's locations as a whole, and one
`wait/<region>[/<profile>]` per wait time.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, or_, select

from indexer.models import Location
from indexer.models.edits import (
    LOCATIONS_FIELD,
    Conflict,
    OwnedField,
    parse_wait_field,
    wait_field,
)
from indexer.sources.sync import Plan, Record, audit_entry, write_audit

DESCRIPTION = "description_"


@dataclass(frozen=True)
class Difference:
    """An import's value for a field the provider owns, and the provider's (None: no row)."""

    provider_id: str
    field: str
    provider_value: Any
    import_value: Any


def field_value(provider: Record, field: str) -> Any:
    """A provider field's value in a provider record; descriptions are one field per locale."""
    if field.startswith(DESCRIPTION):
        return provider["descriptions"].get(field.removeprefix(DESCRIPTION), "")
    return provider[field]


def with_field(provider: Record, field: str, value: Any) -> Record:
    """A copy of a provider record with one field set; an empty description is removed."""
    if not field.startswith(DESCRIPTION):
        return {**provider, field: value}
    lang = field.removeprefix(DESCRIPTION)
    descriptions = {k: v for k, v in provider["descriptions"].items() if k != lang}
    return {**provider, "descriptions": descriptions | ({lang: value} if value else {})}


def location_value(record: Record) -> Record:
    """A location as the `locations` field holds it: without the provider it belongs to."""
    return {name: value for name, value in record.items() if name != "provider_id"}


def hold_owned(session: Session, plans: list[Plan]) -> list[Difference]:
    """Take every change to an owned field out of `plans`; return what the import wanted."""
    owned: dict[str, set[str]] = defaultdict(set)
    for provider_id, field in session.exec(select(OwnedField.provider_id, OwnedField.field)):
        owned[provider_id].add(field)
    if not owned:
        return []
    holders = {"provider": _hold_provider, "location": _hold_locations, "waittime": _hold_waits}
    return [
        difference
        for plan in plans
        if plan.table.name in holders
        for difference in holders[plan.table.name](session, plan, owned)
    ]


def _hold_provider(session: Session, plan: Plan, owned: dict[str, set[str]]) -> list[Difference]:
    differences, updates = [], []
    for old, new in plan.updates:
        for field in sorted(owned.get(old["id"], set())):
            if field == LOCATIONS_FIELD or parse_wait_field(field):
                continue  # rows of their own tables
            mine, theirs = field_value(old, field), field_value(new, field)
            if mine != theirs:
                differences.append(Difference(old["id"], field, mine, theirs))
                new = with_field(new, field, mine)
        if new != old:
            updates.append((old, new))
    plan.updates = updates
    return differences


def _hold_locations(session: Session, plan: Plan, owned: dict[str, set[str]]) -> list[Difference]:
    """A provider's locations are one field: any change the file brings is one conflict,
    with the whole list the provider has and the whole list the file has."""
    changed = [*plan.creates, *(old for old, _ in plan.updates), *plan.deletes]
    held = {r["provider_id"] for r in changed if LOCATIONS_FIELD in owned.get(r["provider_id"], ())}
    if not held:
        return []
    stored: dict[str, dict[str, Record]] = defaultdict(dict)
    for location in session.exec(select(Location).where(col(Location.provider_id).in_(held))):
        stored[location.provider_id][location.location_id] = location_value(location.model_dump())
    incoming = defaultdict(dict, {pid: dict(locations) for pid, locations in stored.items()})
    for record in [*plan.creates, *(new for _, new in plan.updates)]:
        if record["provider_id"] in held:
            incoming[record["provider_id"]][record["location_id"]] = location_value(record)
    for record in plan.deletes:
        incoming[record["provider_id"]].pop(record["location_id"], None)
    plan.creates = [r for r in plan.creates if r["provider_id"] not in held]
    plan.updates = [(o, n) for o, n in plan.updates if o["provider_id"] not in held]
    plan.deletes = [r for r in plan.deletes if r["provider_id"] not in held]
    return [
        Difference(pid, LOCATIONS_FIELD, _listed(stored[pid]), _listed(incoming[pid]))
        for pid in sorted(held)
    ]


def _listed(locations: dict[str, Record]) -> list[Record]:
    return [locations[key] for key in sorted(locations)]


def _hold_waits(session: Session, plan: Plan, owned: dict[str, set[str]]) -> list[Difference]:
    """An owned wait keeps its row as the provider left it (weeks and the date it was
    confirmed); a difference in weeks, or a row the file adds or drops, is a conflict."""

    def field(record: Record) -> str | None:
        name = wait_field(record["region_id"], record["profile_code"])
        return name if name in owned.get(record["provider_id"], ()) else None

    differences = []
    changes = [(None, new) for new in plan.creates] + plan.updates
    changes += [(old, None) for old in plan.deletes]
    for old, new in changes:
        name = field(old or new)
        mine, theirs = (old or {}).get("weeks"), (new or {}).get("weeks")
        if name and mine != theirs:
            differences.append(Difference((old or new)["provider_id"], name, mine, theirs))
    plan.creates = [new for new in plan.creates if not field(new)]
    plan.updates = [(old, new) for old, new in plan.updates if not field(old)]
    plan.deletes = [old for old in plan.deletes if not field(old)]
    return differences


def new_conflicts(session: Session, differences: list[Difference]) -> list[Difference]:
    """The differences not yet known: no identical conflict open, or resolved as "keep"."""
    if not differences:
        return []
    known = session.exec(
        select(Conflict)
        .where(col(Conflict.provider_id).in_({d.provider_id for d in differences}))
        .where(or_(col(Conflict.resolution).is_(None), Conflict.resolution == "keep"))
    )
    seen = [Difference(c.provider_id, c.field, c.provider_value, c.import_value) for c in known]
    return [d for d in differences if d not in seen]  # values are lists and dicts: no set


def write_conflicts(session: Session, differences: list[Difference], actor: str) -> None:
    """Record each new difference, in the open conflict of its field if there is one (the
    file now brings yet another value), and in the audit log with both values."""
    at = datetime.now(UTC)
    audit = []
    for difference in differences:
        conflict = session.exec(
            select(Conflict)
            .where(Conflict.provider_id == difference.provider_id)
            .where(Conflict.field == difference.field)
            .where(col(Conflict.resolution).is_(None))
        ).first() or Conflict(provider_id=difference.provider_id, field=difference.field)
        conflict.provider_value = difference.provider_value
        conflict.import_value = difference.import_value
        conflict.source, conflict.created_at = actor, at
        session.add(conflict)
        session.flush()
        values = {"field": difference.field, "provider_value": difference.provider_value}
        values["import_value"] = difference.import_value
        key = f"{difference.provider_id}/{conflict.id}"
        audit.append(audit_entry(actor, at, "conflict", "conflict", key, values))
    write_audit(session, audit)
