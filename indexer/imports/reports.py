"""The report of an upload's check, as the region's pages show it and as it is kept.

The import's `ChangeReport` (indexer/sources/changes.py) says row by row what would change,
with a digest that a confirmation compares. A report is kept on disk in the upload's folder
twice: `report.json`, what the pages show (each list cut at SHOWN_PER_LIST, with the exact
counts), and `report.csv`, every line, for download.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.sources.changes import KINDS as CHANGE_KINDS
from indexer.sources.changes import VERBS, ChangeReport, ProviderConflict, RowChange
from indexer.sources.report import Problem

SHOWN_PER_LIST = 500
REPORT_JSON, REPORT_CSV = "report.json", "report.csv"
KINDS = tuple(VERBS[kind] for kind in CHANGE_KINDS)  # added, changed, ended, removed
# The mass-end guard's refusal names the option that lets it through (sources/mass_end.py).
MASS_END_MARK = "--allow-mass-end"


@dataclass
class Outcome:
    """A checked (or loaded) upload: what the pages show, the CSV, the digest."""

    view: dict[str, Any]
    csv: str
    digest: str
    provider_ids: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.view["problems"]

    @property
    def counts(self) -> dict[str, int]:
        return self.view["counts"]


def outcome_of(report: ChangeReport, provider_ids: set[str] | None = None) -> Outcome:
    """What the pages show of `report`, its CSV and digest; `provider_ids` are those a load
    touched."""
    tables = [_table(table, changes) for table, changes in report.tables().items()]
    view = {
        "tables": tables,
        "conflicts": [_conflict(c) for c in report.conflicts[:SHOWN_PER_LIST]],
        "notices": [{"file": n.file, "message": n.message} for n in report.notices],
        "problems": [_problem(n, p) for n, p in enumerate(report.problems[:SHOWN_PER_LIST], 1)],
        "mass_end": any(MASS_END_MARK in p.message for p in report.problems),
        "counts": {
            **{kind: sum(t["counts"][kind] for t in tables) for kind in KINDS},
            "conflicts": len(report.conflicts),
            "problems": len(report.problems),
        },
    }
    return Outcome(view, report.to_csv(), report.digest(), provider_ids or set())


def _table(table: str, changes: list[RowChange]) -> dict[str, Any]:
    counts = Counter(VERBS[change.kind] for change in changes)
    shown = {
        VERBS[kind]: [_row(c) for c in changes if c.kind == kind][:SHOWN_PER_LIST]
        for kind in CHANGE_KINDS
    }
    return {"table": table, "counts": {kind: counts[kind] for kind in KINDS}, **shown}


def _row(change: RowChange) -> dict[str, Any]:
    """A changed or ended row with its fields; an added or removed one by its key only (its
    values are in the CSV)."""
    fields = change.kind in ("change", "end")
    return {
        "key": change.key,
        "file": change.file,
        "row": change.row,
        "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in change.fields]
        if fields
        else [],
    }


def _conflict(conflict: ProviderConflict) -> dict[str, str]:
    return {
        "provider": conflict.provider_id,
        "field": conflict.field,
        "provider_value": conflict.provider_value,
        "import_value": conflict.file_value,
    }


def _problem(number: int, problem: Problem) -> dict[str, Any]:
    return {
        "n": number,
        "file": problem.file,
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        "rule": problem.message,
    }


def save(outcome: Outcome, folder: Path) -> None:
    (folder / REPORT_JSON).write_text(json.dumps(outcome.view, ensure_ascii=False))
    # With a byte order mark, so Excel reads the accents in names right.
    (folder / REPORT_CSV).write_text(outcome.csv, encoding="utf-8-sig", newline="")


def shown(folder: Path) -> dict[str, Any] | None:
    """The report kept in `folder`, or None while there is none yet."""
    path = folder / REPORT_JSON
    return json.loads(path.read_text()) if path.exists() else None
