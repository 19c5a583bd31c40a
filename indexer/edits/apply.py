"""Writing a provider's values, and the bookkeeping around them: ownership and confirmation.

Listing rows are written through the import's own writer (indexer/sources/sync.py): the same
diff by key, the same audit entries with old and new values, only with the person as actor.
So an edit, an approval and a conflict taken from an import leave the same trace as a load.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, SQLModel, select

from indexer.edits.values import provider_record
from indexer.models import Location, Provider, WaitTime
from indexer.models.edits import LOCATIONS_FIELD, Confirmation, OwnedField, parse_wait_field
from indexer.sources import sync
from indexer.sources.ownership import with_field
from indexer.sources.records import Record, entity_for


def write_values(
    session: Session, provider_id: str, values: dict[str, Any], *, actor: str, today: date
) -> None:
    """Store {field: value} for one provider. A wait time written is confirmed today; a
    wait of None is removed (only taking an import's value does that)."""
    waits = {field: value for field, value in values.items() if parse_wait_field(field)}
    columns = {f: v for f, v in values.items() if f not in waits and f != LOCATIONS_FIELD}
    mine = {"provider_id": provider_id}
    plans = []
    if columns:
        record = provider_record(session, provider_id)
        for field, value in columns.items():
            record = with_field(record, field, value)
        plans.append(_plan(session, Provider, [record], set(), today, {"id": provider_id}))
    if LOCATIONS_FIELD in values:
        records = [mine | location for location in values[LOCATIONS_FIELD]]
        plans.append(_plan(session, Location, records, {provider_id}, today, mine))
    if waits:
        plans.append(_wait_plan(session, provider_id, waits, today))
    at = datetime.now(UTC)
    entries = []
    for plan in plans:
        entries += sync.write_upserts(session, plan, actor, at).audit
        entries += sync.write_deletes(session, plan, actor, at).audit
    sync.write_audit(session, entries)


def _plan(
    session: Session,
    model: type[SQLModel],
    records: list[Record],
    scope: set[str],
    today: date,
    only: dict[str, str],
) -> sync.Plan:
    return sync.plan_changes(session, entity_for(model), records, scope, today, only=only)


def _wait_plan(session: Session, provider_id: str, waits: dict, today: date) -> sync.Plan:
    """Wait rows written (and so confirmed today), or removed where the value is None."""
    records = [
        _wait(provider_id, f, weeks, today) for f, weeks in waits.items() if weeks is not None
    ]
    plan = _plan(session, WaitTime, records, set(), today, {"provider_id": provider_id})
    gone = {parse_wait_field(field) for field, weeks in waits.items() if weeks is None}
    stored = session.exec(select(WaitTime).where(WaitTime.provider_id == provider_id))
    plan.deletes += [w.model_dump() for w in stored if (w.region_id, w.profile_code) in gone]
    return plan


def _wait(provider_id: str, field: str, weeks: int, today: date) -> Record:
    region_id, profile_code = parse_wait_field(field)
    return {
        "region_id": region_id,
        "provider_id": provider_id,
        "profile_code": profile_code,
        "weeks": weeks,
        "confirmed_on": today,
    }


def own(session: Session, provider_id: str, fields: list[str]) -> None:
    """The provider has taken these fields over; an import no longer overwrites them."""
    for field in fields:
        if session.get(OwnedField, (provider_id, field)) is None:
            session.add(OwnedField(provider_id=provider_id, field=field))


def disown(session: Session, provider_id: str, field: str) -> None:
    """The field is the region's file's again."""
    if owned := session.get(OwnedField, (provider_id, field)):
        session.delete(owned)


def mark_confirmed(
    session: Session, provider_id: str, part: str, *, actor: str, today: date
) -> None:
    """A person says the part is correct today (HSDS assured_date), in the audit log too."""
    confirmation = session.get(Confirmation, (provider_id, part))
    before = confirmation.confirmed_on.isoformat() if confirmation else None
    confirmation = confirmation or Confirmation(provider_id=provider_id, part=part)
    confirmation.confirmed_on, confirmation.confirmed_by = today, actor
    session.add(confirmation)
    change = {"confirmed_on": [before, today.isoformat()]}
    audit(session, actor, "confirm", "confirmation", f"{provider_id}/{part}", change)


def audit(session: Session, actor: str, action: str, entity: str, key: str, changes: dict) -> None:
    """One audit entry for a person's act (a confirmation, a proposal, a decision)."""
    entry = sync.audit_entry(actor, datetime.now(UTC), action, entity, key, changes)
    sync.write_audit(session, [entry])
