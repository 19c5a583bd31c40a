"""`indexer load FOLDER`: validate a whole dataset, then write it in one transaction.

Nothing is written unless every file and row is valid, so a region never ends up with half
an import. The caller owns the transaction (see indexer.store.session_scope); on any error
it rolls back and the store is exactly as before.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import Session, select

from indexer.models import Postcode
from indexer.sources import checks, ownership, sync
from indexer.sources.changes import ChangeReport, build_report
from indexer.sources.files import read_dataset
from indexer.sources.mass_end import mass_end_problems
from indexer.sources.records import ENTITIES, Centroids
from indexer.sources.report import Notice, Problem
from indexer.sources.touched import touched_providers

STALE = (
    "the store or the files changed since the changes were checked: nothing was written; "
    "check the changes again"
)


@dataclass
class LoadResult:
    problems: list[Problem] = field(default_factory=list)
    changes: dict[str, sync.Changes] = field(default_factory=dict)  # per table
    # New differences with values providers keep themselves (their value stayed).
    conflicts: int = 0
    # Providers whose search documents the written import changed (none for a dry run).
    provider_ids: set[str] = field(default_factory=set)
    # Row by row: what the import changes (or would), its conflicts, problems and notices.
    report: ChangeReport = field(default_factory=ChangeReport)
    # An `expected_digest` was given and the report's differs: nothing was written.
    stale: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def load_folder(
    folder: Path,
    session: Session,
    *,
    dry_run: bool = False,
    actor: str = "import",
    today: date | None = None,
    allow_mass_end: bool = False,
    expected_digest: str | None = None,
) -> LoadResult:
    """Validate every file in `folder` (a folder, a zip file or one CSV/XLSX file); unless
    there are problems or `dry_run`, write it.

    An import that would end a large share of a region's current contracts is refused
    (see mass_end) unless `allow_mass_end`; a dry run reports that refusal too. Fields a
    provider keeps itself are not overwritten: a different value becomes a conflict (see
    ownership). With `expected_digest` (the `report.digest()` of a dry run a person
    checked), nothing is written unless the import would still do exactly that; otherwise
    the result is `stale`, with the new report. The caller commits, then re-indexes
    `result.provider_ids`.
    """
    today = today or date.today()
    dataset, problems, notices = read_dataset(folder)
    if not problems:
        problems += validate(dataset, session)
    if problems:
        return _refused(problems, notices)
    centroids = _centroids(dataset, session)
    plans = _plan(dataset, session, today, centroids)
    if "contracts" in dataset and not allow_mass_end:
        contracts = next(plan for plan in plans if plan.entity.ends)
        problems = mass_end_problems(session, contracts, dataset["contracts"].filename, today)
        if problems:
            return _refused(problems, notices)
    conflicts = ownership.new_conflicts(session, ownership.hold_owned(session, plans))
    report = build_report(plans, dataset, centroids, conflicts)
    report.notices = notices
    if expected_digest is not None and expected_digest != report.digest():
        return LoadResult([Problem(folder.name, 0, message=STALE)], report=report, stale=True)
    result = LoadResult(conflicts=len(conflicts), report=report)
    for plan in plans:
        result.changes[plan.table.name] = sync.Changes(
            len(plan.creates), len(plan.updates), len(plan.deletes), len(plan.ends)
        )
    if not dry_run:
        _write(session, plans, actor)
        ownership.write_conflicts(session, conflicts, actor)
        result.provider_ids = touched_providers(session, plans)
    return result


def _refused(problems: list[Problem], notices: list[Notice]) -> LoadResult:
    problems = sorted(problems)
    return LoadResult(problems, report=ChangeReport(problems=problems, notices=notices))


def validate(dataset: checks.Dataset, session: Session) -> list[Problem]:
    problems = []
    for parsed in dataset.values():
        problems += checks.duplicate_problems(parsed) + checks.overlap_problems(parsed)
    problems += checks.region_name_problems(dataset)
    problems += checks.location_coordinate_problems(dataset, session)
    problems += checks.main_contractor_problems(dataset, session)
    return problems + checks.reference_problems(dataset, session)


def _centroids(dataset: checks.Dataset, session: Session) -> Centroids:
    """PC4 centroids for locations without coordinates: the store's, updated by the file's."""
    centroids = {
        pc4: (lat, lon)
        for pc4, lat, lon in session.exec(
            select(Postcode.pc4, Postcode.latitude, Postcode.longitude)
        )
    }
    if "postcodes" in dataset:
        centroids |= {
            r["pc4"]: (r["latitude"], r["longitude"]) for _, r in dataset["postcodes"].rows
        }
    return centroids


def _plan(
    dataset: checks.Dataset, session: Session, today: date, centroids: Centroids
) -> list[sync.Plan]:
    return [
        sync.plan_changes(
            session,
            entity,
            list(entity.records(dataset[entity.file], centroids)),
            checks.scope_values(dataset, entity.file),
            today,
        )
        for entity in ENTITIES
        if entity.file in dataset
    ]


def _write(session: Session, plans: list[sync.Plan], actor: str) -> None:
    """Parents before children for creations; children before parents for deletions."""
    at = datetime.now(UTC)
    audit = []
    for plan in plans:
        audit += sync.write_upserts(session, plan, actor, at).audit
    for plan in reversed(plans):
        audit += sync.write_deletes(session, plan, actor, at).audit
    sync.write_audit(session, audit)
