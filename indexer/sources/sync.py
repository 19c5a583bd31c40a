"""Writing one entity's records to the store as a minimal set of changes, with an audit trail.

The store is diffed against the incoming records by primary key: unchanged rows are not
touched, so reloading identical data writes nothing (not even audit entries). Stored rows
inside the file's scope that the file no longer has are removed — or, for contracts,
ended the day before the import, so history stays visible.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, insert, select
from sqlmodel import Session

from indexer.models import AuditEntry
from indexer.sources.records import Entity, Record

Key = tuple[Any, ...]


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    removed: int = 0
    ended: int = 0
    audit: list[dict] = field(default_factory=list)


@dataclass
class Plan:
    """What must happen to one table; computed before anything is written."""

    entity: Entity
    creates: list[Record] = field(default_factory=list)
    updates: list[tuple[Record, Record]] = field(default_factory=list)  # (old, new)
    ends: list[tuple[Record, Record]] = field(default_factory=list)  # contracts ended
    deletes: list[Record] = field(default_factory=list)

    @property
    def table(self):
        return self.entity.model.__table__


def plan_changes(
    session: Session,
    entity: Entity,
    records: list[Record],
    scope: set[str],
    today: date,
    *,
    only: dict[str, Any] | None = None,
) -> Plan:
    """The changes that make the stored rows in `scope` what `records` say.

    `only` limits the comparison to stored rows with these column values: a provider's edit
    compares with that provider's rows, not with every row an import would read."""
    plan = Plan(entity)
    key_columns = [column.name for column in plan.table.primary_key.columns]
    query = select(plan.table).where(
        *(plan.table.c[name] == value for name, value in (only or {}).items())
    )
    stored = {
        tuple(row[k] for k in key_columns): dict(row) for row in session.execute(query).mappings()
    }
    incoming = {tuple(record[k] for k in key_columns): record for record in records}
    for key, record in incoming.items():
        old = stored.get(key)
        if old is None:
            plan.creates.append(record)
        elif any(old[name] != value for name, value in record.items()):
            plan.updates.append((old, {**old, **record}))
    if entity.scope_field is not None:
        scope = _scope_for(session, entity, scope, records)
        for key, old in stored.items():
            if key not in incoming and str(old[entity.scope_field]) in scope:
                _remove(plan, old, today)
    return plan


def _scope_for(session: Session, entity: Entity, scope: set[str], records: list[Record]):
    if entity.parent is None:
        return scope
    model, key_field, scope_field = entity.parent
    rows = session.execute(select(getattr(model, key_field), getattr(model, scope_field)))
    parents = {str(key) for key, value in rows if str(value) in scope}
    return parents | {str(record[entity.scope_field]) for record in records}


def _remove(plan: Plan, old: Record, today: date) -> None:
    """Delete, or for a contract that has started: end it yesterday."""
    if not plan.entity.ends or old["valid_from"] >= today:
        plan.deletes.append(old)
    elif old["valid_to"] is None or old["valid_to"] >= today:
        plan.ends.append((old, {**old, "valid_to": today - timedelta(days=1)}))


def write_upserts(session: Session, plan: Plan, actor: str, at: datetime) -> Changes:
    """Creations, updates and contract ends; run in foreign-key order, parents first."""
    if plan.creates:
        session.execute(insert(plan.table), plan.creates)
    changed = plan.updates + plan.ends
    if changed:
        session.execute(_by_key(plan, plan.table.update()), [_params(new) for _, new in changed])
    audit = [_audit(actor, at, "create", plan, new, new) for new in plan.creates]
    audit += [_audit(actor, at, "update", plan, new, _diff(old, new)) for old, new in plan.updates]
    audit += [_audit(actor, at, "end", plan, new, _diff(old, new)) for old, new in plan.ends]
    return Changes(len(plan.creates), len(plan.updates), ended=len(plan.ends), audit=audit)


def write_deletes(session: Session, plan: Plan, actor: str, at: datetime) -> Changes:
    if plan.deletes:
        session.execute(_by_key(plan, plan.table.delete()), [_params(old) for old in plan.deletes])
    audit = [_audit(actor, at, "delete", plan, old, old) for old in plan.deletes]
    return Changes(removed=len(plan.deletes), audit=audit)


def write_audit(session: Session, entries: list[dict]) -> None:
    if entries:
        session.execute(insert(AuditEntry.__table__), entries)


def _by_key(plan: Plan, statement):
    """An executemany statement matching rows on their primary key."""
    condition = and_(*(c == bindparam(f"key_{c.name}") for c in plan.table.primary_key.columns))
    statement = statement.where(condition)
    if hasattr(statement, "values"):
        others = [c.name for c in plan.table.columns if not c.primary_key]
        statement = statement.values({name: bindparam(name) for name in others})
    return statement


def _params(record: Record) -> dict:
    return {**record, **{f"key_{name}": value for name, value in record.items()}}


def _diff(old: Record, new: Record) -> dict:
    return {
        name: [_json(old[name]), _json(value)] for name, value in new.items() if old[name] != value
    }


def _audit(actor: str, at: datetime, action: str, plan: Plan, key_of: Record, changes: dict):
    key = "/".join(str(key_of[c.name]) for c in plan.table.primary_key.columns)
    if action in {"create", "delete"}:
        changes = {field: _json(value) for field, value in changes.items()}
    return audit_entry(actor, at, action, plan.table.name, key, changes)


def audit_entry(
    actor: str, at: datetime, action: str, entity: str, key: str, changes: dict
) -> dict:
    """One row for write_audit; imports, provider edits and staff decisions all log alike."""
    return {
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_key": key,
        "changes": changes,
    }


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
