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
from indexer.sources.mass_end import mass_end_problems
from indexer.sources.parsing import ParsedFile, parse_table
from indexer.sources.reading import UnreadableFile, read_table
from indexer.sources.records import ENTITIES
from indexer.sources.report import Problem
from indexer.sources.specs import SPEC_BY_NAME
from indexer.sources.touched import touched_providers

SUFFIXES = (".csv", ".xlsx")


@dataclass
class LoadResult:
    problems: list[Problem] = field(default_factory=list)
    changes: dict[str, sync.Changes] = field(default_factory=dict)  # per table
    # New differences with values providers keep themselves (their value stayed).
    conflicts: int = 0
    # Providers whose search documents the written import changed (none for a dry run).
    provider_ids: set[str] = field(default_factory=set)

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
) -> LoadResult:
    """Validate every file in `folder`; unless there are problems or `dry_run`, write it.

    An import that would end a large share of a region's current contracts is refused
    (see mass_end) unless `allow_mass_end`; a dry run reports that refusal too. Fields a
    provider keeps itself are not overwritten: a different value becomes a conflict (see
    ownership). The caller commits, then re-indexes `result.provider_ids`.
    """
    today = today or date.today()
    dataset, problems = read_dataset(folder)
    if not problems:
        problems += validate(dataset, session)
    if problems:
        return LoadResult(sorted(problems))
    plans = _plan(dataset, session, today)
    if "contracts" in dataset and not allow_mass_end:
        contracts = next(plan for plan in plans if plan.entity.ends)
        problems = mass_end_problems(session, contracts, dataset["contracts"].filename, today)
        if problems:
            return LoadResult(sorted(problems))
    conflicts = ownership.new_conflicts(session, ownership.hold_owned(session, plans))
    result = LoadResult(conflicts=len(conflicts))
    for plan in plans:
        result.changes[plan.table.name] = sync.Changes(
            len(plan.creates), len(plan.updates), len(plan.deletes), len(plan.ends)
        )
    if not dry_run:
        _write(session, plans, actor)
        ownership.write_conflicts(session, conflicts, actor)
        result.provider_ids = touched_providers(session, plans)
    return result


def read_dataset(folder: Path) -> tuple[checks.Dataset, list[Problem]]:
    dataset: checks.Dataset = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return dataset, [Problem(str(folder), 0, message="is not a folder")]
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "~$")) or path.suffix.lower() not in SUFFIXES:
            continue  # hidden files, Excel lock files, READMEs
        name = path.stem.lower()
        if name not in SPEC_BY_NAME:
            expected = ", ".join(f"{n}.csv" for n in SPEC_BY_NAME)
            problems.append(Problem(path.name, 0, message=f"unknown file (expected {expected})"))
        elif name in dataset:
            problems.append(
                Problem(
                    path.name, 0, message=f"{dataset[name].filename} has the same data; keep one"
                )
            )
        else:
            try:
                dataset[name], file_problems = parse_table(SPEC_BY_NAME[name], read_table(path))
            except UnreadableFile as error:
                dataset[name] = ParsedFile(SPEC_BY_NAME[name], path.name)
                file_problems = [Problem(path.name, row, message=m) for row, m in error.faults]
            problems += file_problems
    if not dataset and not problems:
        problems.append(Problem(str(folder), 0, message="holds no import files (*.csv, *.xlsx)"))
    return dataset, problems


def validate(dataset: checks.Dataset, session: Session) -> list[Problem]:
    problems = []
    for parsed in dataset.values():
        problems += checks.duplicate_problems(parsed) + checks.overlap_problems(parsed)
    problems += checks.region_name_problems(dataset)
    problems += checks.location_coordinate_problems(dataset, session)
    problems += checks.main_contractor_problems(dataset, session)
    return problems + checks.reference_problems(dataset, session)


def _plan(dataset: checks.Dataset, session: Session, today: date) -> list[sync.Plan]:
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
