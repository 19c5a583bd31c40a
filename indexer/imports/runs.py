"""An upload's life: kept, checked by a dry run, confirmed, loaded — Flask-free.

`check` and `load` do the slow part (reading up to 50 MB, validating against the store,
writing and re-indexing) and are meant to run outside the web request, in a thread of their
own; they record their state in the `ImportRun` row, so any web worker can show it. A load
is the one write path (DESIGN.md §3): `load_folder` with the confirming person as actor,
committed in one transaction with the run's own row, then the re-index; an index that
cannot be brought in step leaves the run loaded, with a notice.

A confirmation loads exactly what was shown: the load is planned again and its report's
digest compared with the digest of the report the person saw (`load_folder`'s
`expected_digest`) before anything is written. When the store changed in between (another
load, a provider's edit) the digests differ: nothing is written and the new report is shown
instead.
"""

import logging
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from indexer.edits import IndexNotUpdated, commit_then_index
from indexer.imports import files, reports
from indexer.imports.files import KeptFile
from indexer.imports.scope import region_problems
from indexer.models.imports import BUSY, CHECKED, CHECKING, FAILED, LOADED, LOADING, ImportRun
from indexer.settings import Settings
from indexer.sources import ChangeReport, LoadResult, load_folder
from indexer.sources.files import read_dataset

logger = logging.getLogger(__name__)
# A run still busy after this long lost its thread (the worker was restarted): it is shown
# as interrupted rather than refreshing forever.
STALE_AFTER = timedelta(hours=1)
INTERRUPTED = "interrupted"


def start(
    session: Session, *, region_id: str, actor: str, folder: str, files: list[KeptFile]
) -> ImportRun:
    """Record an upload whose files are kept in `folder` (inside IMPORTS_DIR); its check
    is still to run."""
    run = ImportRun(
        region_id=region_id, actor=actor, folder=folder, files=[f.as_dict() for f in files]
    )
    session.add(run)
    session.commit()
    session.refresh(run)
    return run


def check(engine: Engine, settings: Settings, run_id: int, today: date) -> None:
    """The dry run of a run's files; its report is kept and its digest recorded."""

    def work(session: Session, run: ImportRun) -> None:
        outcome, _ = _evaluate(session, run, settings, today, actor=run.actor)
        _record(session, run, outcome, settings, CHECKED)
        session.commit()

    _in_background(engine, run_id, work)


def confirm(session: Session, run: ImportRun) -> bool:
    """Mark a checked run as loading; False when it was not waiting for a confirmation
    (already loading or loaded: a second click does nothing) or has problems."""
    return not run.counts.get("problems") and _move(session, run, CHECKED, status=LOADING)


def check_again(session: Session, run: ImportRun, *, allow_mass_end: bool) -> bool:
    """Mark a checked run to be checked again, now allowing (or not) a mass end."""
    return _move(session, run, CHECKED, status=CHECKING, allow_mass_end=allow_mass_end)


def load(
    engine: Engine, settings: Settings, run_id: int, *, actor: str, shown: str, today: date
) -> None:
    """Load a confirmed run when its report's digest is still `shown`; otherwise keep the
    new report, mark the run as changed and load nothing."""

    def work(session: Session, run: ImportRun) -> None:
        outcome, result = _evaluate(session, run, settings, today, actor=actor, shown=shown)
        if result is None or not result.ok or outcome.digest != shown:  # nothing was written
            session.rollback()
            _record(session, run, outcome, settings, CHECKED, changed_since_shown=True)
            session.commit()
            return
        _record(session, run, outcome, settings, LOADED)
        run.loaded_by, run.loaded_at = actor, datetime.now(UTC)
        session.commit()  # the data with the run's row: loaded, whatever re-indexing does
        run.notice = _reindex(session, run, outcome.provider_ids, settings, engine, today)
        if run.notice:
            session.commit()

    _in_background(engine, run_id, work)


def _reindex(
    session: Session,
    run: ImportRun,
    provider_ids: set[str],
    settings: Settings,
    engine: Engine,
    today: date,
) -> str:
    """Bring the index in step with a committed load: '' or why it is not. Any failure here
    comes after the data was stored, so the run stays loaded (with this notice) instead of
    failing with "nothing was loaded"; `indexer build` brings the index in step."""
    try:
        return commit_then_index(session, provider_ids, settings, engine, today)[1]
    except Exception as error:
        logger.exception("import run %s: loaded, but re-indexing failed", run.id)
        return str(IndexNotUpdated(set(provider_ids), error))


def state(run: ImportRun, now: datetime) -> str:
    """The run's status, or INTERRUPTED for one that stayed busy too long."""
    if run.status in BUSY and now - run.updated_at > STALE_AFTER:
        return INTERRUPTED
    return run.status


def of_region(session: Session, region_id: str) -> list[ImportRun]:
    """The region's uploads, newest first."""
    query = select(ImportRun).where(ImportRun.region_id == region_id)
    return list(session.exec(query.order_by(col(ImportRun.id).desc())))


def find(session: Session, region_id: str, run_id: int) -> ImportRun | None:
    """The run, if it is this region's: another region's answers None, like a missing one."""
    run = session.get(ImportRun, run_id)
    return run if run is not None and run.region_id == region_id else None


def folder_of(settings: Settings, run: ImportRun) -> Path:
    return settings.imports_dir / run.folder


def _evaluate(
    session: Session,
    run: ImportRun,
    settings: Settings,
    today: date,
    *,
    actor: str,
    shown: str | None = None,
) -> tuple[reports.Outcome, LoadResult | None]:
    """A dry run of the run's files; with the digest of the report `shown`, the load itself
    (written, not committed) when it would still do exactly that.

    Rows of other regions are problems, reported with the problems found in reading the
    files and nothing else: checked against the store, those rows would make their regions
    part of the import and bury the report in that region's contracts."""
    kept = files.source(folder_of(settings, run))
    dataset, problems, notices = read_dataset(kept)
    scope = region_problems(dataset, session, run.region_id, today)
    if scope:
        report = ChangeReport(problems=sorted([*problems, *scope]), notices=notices)
        return reports.outcome_of(report), None
    result = load_folder(
        kept,
        session,
        dry_run=shown is None,
        actor=actor,
        today=today,
        allow_mass_end=run.allow_mass_end,
        expected_digest=shown,
    )
    return reports.outcome_of(result.report, result.provider_ids), result


def _record(
    session: Session,
    run: ImportRun,
    outcome: reports.Outcome,
    settings: Settings,
    status: str,
    *,
    changed_since_shown: bool = False,
) -> None:
    reports.save(outcome, folder_of(settings, run))
    run.status, run.digest, run.counts = status, outcome.digest, outcome.counts
    run.changed_since_shown, run.updated_at = changed_since_shown, datetime.now(UTC)
    session.add(run)


def _move(session: Session, run: ImportRun, current: str, **values: object) -> bool:
    """Change a run's row only if it is still in `current`: of two clicks, one wins."""
    changed = session.execute(
        update(ImportRun)
        .where(col(ImportRun.id) == run.id, col(ImportRun.status) == current)
        .values(**values, updated_at=datetime.now(UTC))
    )
    session.commit()
    session.refresh(run)
    return changed.rowcount == 1


# One check or load at a time per process: reading a spreadsheet costs many times its size
# in memory (a 48 MB upload about 400 MB), and the workers also serve families. Others
# wait their turn; their pages say they are busy meanwhile.
ONE_AT_A_TIME = threading.BoundedSemaphore(1)


def _in_background(engine: Engine, run_id: int, work: Callable[[Session, ImportRun], None]) -> None:
    """Run `work` on the run in a session of its own; whatever goes wrong, the run ends as
    failed (with the cause in the log), never busy for ever."""
    try:
        with ONE_AT_A_TIME, Session(engine) as session:
            run = session.get(ImportRun, run_id)
            if run is not None:
                work(session, run)
    except Exception:
        logger.exception("import run %s failed", run_id)
        with Session(engine) as session:
            session.execute(
                update(ImportRun)
                .where(col(ImportRun.id) == run_id)
                .values(status=FAILED, updated_at=datetime.now(UTC))
            )
            session.commit()
