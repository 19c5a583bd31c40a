"""What providers and region staff do to a listing: edit, confirm, approve, reject, resolve.

Pure data logic, Flask-free: the portal checks who may call what (DESIGN.md §9), these
functions only do it. Each takes the acting person's name for the audit log, the session,
the index sync (None: store only) and today's date, and ends in `commit_and_index`, so a
published change is searchable at once with either engine and nothing is left half-done.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, select

from indexer.edits.apply import audit, disown, mark_confirmed, own, write_values
from indexer.edits.parts import EditError, part_named
from indexer.edits.values import parse_values, provider_record, stored_values
from indexer.edits.writes import IndexSync, commit_and_index
from indexer.models import WaitTime
from indexer.models.audit import utc_now
from indexer.models.edits import Conflict, PendingChange, wait_field

RESOLUTIONS = ("keep", "take")
WITHDRAWN = "withdrawn: the provider's edit brought the published values back"


@dataclass(frozen=True)
class EditOutcome:
    """Published at once (low risk, or nothing to review), or waiting as `pending_id`."""

    published: bool
    pending_id: int | None = None


def submit_edit(
    provider_id: str,
    part: str,
    values: dict[str, Any],
    *,
    actor: str,
    session: Session,
    sync: IndexSync | None,
    today: date,
) -> EditOutcome:
    """A provider's new values for one part of its listing (fields left out stay as they
    are). Wait times and contact details are published at once; other parts wait for region
    staff as one pending change per part, which a new edit of the part updates. Values are
    checked as an import would check them: EditError names each bad field, nothing stored."""
    chosen = part_named(part)
    new = parse_values(session, provider_id, chosen, values, today)
    if chosen.at_once:
        _publish(session, provider_id, part, new, actor=actor, today=today)
        commit_and_index(session, {provider_id}, sync)
        return EditOutcome(published=True)
    old = stored_values(session, provider_id, list(new))
    pending = _pending(session, provider_id, part)
    changes = {f: v for f, v in (pending.changes if pending else {}).items() if f not in new}
    changes |= {field: [old[field], value] for field, value in new.items() if value != old[field]}
    if not changes:  # the listing already says this: nothing to review, it is confirmed
        if pending:
            _decide(session, pending, "rejected", actor, reason=WITHDRAWN)
        mark_confirmed(session, provider_id, part, actor=actor, today=today)
        commit_and_index(session, (), sync)
        return EditOutcome(published=True)
    pending = pending or PendingChange(provider_id=provider_id, part=part, proposed_by=actor)
    pending.changes, pending.proposed_by, pending.proposed_at = changes, actor, utc_now()
    session.add(pending)
    session.flush()
    audit(session, actor, "propose", "pendingchange", f"{provider_id}/{pending.id}", changes)
    pending_id = pending.id
    commit_and_index(session, (), sync)
    return EditOutcome(published=False, pending_id=pending_id)


def confirm(
    provider_id: str,
    part: str,
    *,
    actor: str,
    session: Session,
    sync: IndexSync | None,
    today: date,
) -> None:
    """The provider says a part is still correct: it is confirmed today. For wait times that
    date is also the one families see with each wait, so the wait rows are confirmed too."""
    part_named(part)
    provider_record(session, provider_id)
    mark_confirmed(session, provider_id, part, actor=actor, today=today)
    waits = {}
    if part == "waits":
        rows = session.exec(select(WaitTime).where(WaitTime.provider_id == provider_id))
        waits = {wait_field(w.region_id, w.profile_code): w.weeks for w in rows}
        write_values(session, provider_id, waits, actor=actor, today=today)
    commit_and_index(session, {provider_id} if waits else (), sync)


def approve(
    change_id: int, *, actor: str, session: Session, sync: IndexSync | None, today: date
) -> None:
    """Region staff publish a pending change: its values are written, the fields become
    the provider's own and the part counts as confirmed today."""
    change = _undecided(session, change_id)
    values = {field: new for field, (_, new) in change.changes.items()}
    _publish(session, change.provider_id, change.part, values, actor=actor, today=today)
    _decide(session, change, "approved", actor, reason=None)
    commit_and_index(session, {change.provider_id}, sync)


def reject(
    change_id: int,
    reason: str,
    *,
    actor: str,
    session: Session,
    sync: IndexSync | None,
    today: date,
) -> None:
    """Region staff turn a pending change down, saying why; the listing stays as it is."""
    if not reason.strip():
        raise EditError([("reason", "is empty: tell the provider why")])
    _decide(session, _undecided(session, change_id), "rejected", actor, reason=reason.strip())
    commit_and_index(session, (), sync)


def resolve_conflict(
    conflict_id: int,
    resolution: str,
    *,
    actor: str,
    session: Session,
    sync: IndexSync | None,
    today: date,
) -> None:
    """Region staff settle an import's disagreement with a provider's own value: "keep"
    leaves the provider's value (and the next identical import stays quiet); "take" writes
    the import's value and gives the field back to the region's file. The audit entry
    holds both values either way."""
    conflict = session.get(Conflict, conflict_id)
    if conflict is None or conflict.resolution is not None:
        raise EditError([("conflict_id", f"{conflict_id} is not an open conflict")])
    if resolution not in RESOLUTIONS:
        raise EditError([("resolution", f"{resolution!r} is not one of: keep, take")])
    pid = conflict.provider_id
    if resolution == "take":
        values = {conflict.field: conflict.import_value}
        write_values(session, pid, values, actor=actor, today=today)
        disown(session, pid, conflict.field)
    conflict.resolution, conflict.resolved_by, conflict.resolved_at = resolution, actor, utc_now()
    session.add(conflict)
    values = {"field": conflict.field, "resolution": resolution}
    values |= {"provider_value": conflict.provider_value, "import_value": conflict.import_value}
    audit(session, actor, "resolve", "conflict", f"{pid}/{conflict.id}", values)
    commit_and_index(session, {pid} if resolution == "take" else (), sync)


def _publish(
    session: Session, provider_id: str, part: str, values: dict, *, actor: str, today: date
) -> None:
    write_values(session, provider_id, values, actor=actor, today=today)
    own(session, provider_id, list(values))
    mark_confirmed(session, provider_id, part, actor=actor, today=today)


def _pending(session: Session, provider_id: str, part: str) -> PendingChange | None:
    query = select(PendingChange).where(PendingChange.provider_id == provider_id)
    query = query.where(PendingChange.part == part, PendingChange.status == "pending")
    return session.exec(query).first()


def _undecided(session: Session, change_id: int) -> PendingChange:
    change = session.get(PendingChange, change_id)
    if change is None or change.status != "pending":
        raise EditError([("change_id", f"{change_id} is not a pending change")])
    return change


def _decide(
    session: Session, change: PendingChange, status: str, actor: str, reason: str | None
) -> None:
    change.status, change.decided_by, change.decided_at = status, actor, utc_now()
    change.reason = reason
    session.add(change)
    action = "approve" if status == "approved" else "reject"
    changes = change.changes if reason is None else {"reason": reason}
    audit(session, actor, action, "pendingchange", f"{change.provider_id}/{change.id}", changes)
