"""What an import changes, row by row, for a person to check before it is written.

Counts per table ("waittime 0 new 1 updated") cannot tell a region whether the one update is
the wait time it meant to change. A `ChangeReport` lists every row the import adds, changes,
ends or removes, with a key a person recognises ("haaglanden / rustpunt / B / P01 / I1"),
each changed field with its old and new value, and the row of the file it came from; the
differences with values providers keep themselves (held as conflicts, not written); the
problems that refuse the import; and the notices on how files were read.

A web page shows the report of a dry run and loads when the person confirms. Its `digest`
identifies what the report says would happen: the same files on the same store give the same
digest, so `load_folder(..., expected_digest=...)` refuses to write when the store (or the
files) changed in between, instead of writing something nobody saw.
"""

import csv
import hashlib
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from indexer.models.edits import LOCATIONS_FIELD, parse_wait_field
from indexer.sources.checks import Dataset
from indexer.sources.ownership import Difference
from indexer.sources.parsing import ParsedFile
from indexer.sources.records import Centroids, Record
from indexer.sources.report import Notice, Problem
from indexer.sources.sync import Key, Plan
from indexer.spreadsheet_cells import neutral

KINDS = ("add", "change", "end", "remove")
VERBS = {"add": "added", "change": "changed", "end": "ended", "remove": "removed"}
TEXT_LIMIT = 50  # rows shown per table by to_text
VALUE_LIMIT = 40  # characters of a value shown by to_text
CSV_COLUMNS = (
    "table",
    "kind",
    "key",
    "field",
    "old",
    "new",
    "file",
    "row",
    "column",
    "value",
    "rule",
    "message",
)
EMPTY = "—"


class FieldChange(NamedTuple):
    """One field of a row, as the import's files write it (`name_nl`, `tariff_eur`). A
    named tuple: a national first load creates a million of them."""

    field: str
    old: str  # "" when the row is added or the field was empty
    new: str  # "" when the row is removed or the field becomes empty


@dataclass(frozen=True)
class RowChange:
    table: str  # the store's table, as in the counts: "contract", "waittime"
    kind: str  # one of KINDS
    key: str  # the row's key values, "testregio / rustpunt / P01"
    fields: tuple[FieldChange, ...]  # added/removed: its values; else what changes
    file: str  # the file that brings the change
    row: int = 0  # its spreadsheet row; 0 for a stored row the file no longer has

    def describe(self, limit: int | None = None) -> str:
        """The key and the fields: "testregio / rustpunt: weeks 3 → 9"."""

        def value(text: str) -> str:
            return _shorten(text or EMPTY, limit)

        if self.kind == "add":
            shown = [f"{c.field} {value(c.new)}" for c in self.fields]
        elif self.kind == "remove":
            shown = [f"{c.field} {value(c.old)}" for c in self.fields]
        else:
            shown = [f"{c.field} {value(c.old)} → {value(c.new)}" for c in self.fields]
        return f"{self.key}: {'; '.join(shown)}" if shown else self.key


@dataclass(frozen=True)
class ProviderConflict:
    """A value the file brings for a field the provider keeps itself: the provider's value
    stays, and region staff decide (DESIGN.md §10)."""

    provider_id: str
    field: str  # `phone`, `description_en`, `locations`, `wait/<region>[/<profile>]`
    provider_value: str  # "" when the provider has none (e.g. no wait time row)
    file_value: str
    table: str
    file: str


@dataclass
class ChangeReport:
    rows: list[RowChange] = field(default_factory=list)  # per table in load order
    conflicts: list[ProviderConflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # sorted: file, row, column
    notices: list[Notice] = field(default_factory=list)

    def tables(self) -> dict[str, list[RowChange]]:
        grouped: dict[str, list[RowChange]] = defaultdict(list)
        for change in self.rows:
            grouped[change.table].append(change)
        return dict(grouped)

    def problems_by_file(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            grouped[problem.file].append(problem)
        return dict(grouped)

    def digest(self) -> str:
        """A hash of what would change and what refuses it (not of the notices: how a file
        was read does not change what it says)."""
        content = [
            [[c.table, c.kind, c.key, c.fields, c.file, c.row] for c in self.rows],
            [list(vars(conflict).values()) for conflict in self.conflicts],
            [list(vars(problem).values()) for problem in self.problems],
        ]
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def to_csv(self) -> str:
        """One line per changed field (a whole row for an addition or removal), conflict,
        problem and notice, in the columns of CSV_COLUMNS; RFC 4180, CRLF."""
        buffer = io.StringIO()
        writer = _NeutralWriter(csv.writer(buffer, lineterminator="\r\n"))
        writer.writerow(CSV_COLUMNS)
        for change in self.rows:
            writer.writerows(_change_lines(change))
        for conflict in self.conflicts:
            writer.writerow(
                [
                    conflict.table,
                    "conflict",
                    conflict.provider_id,
                    conflict.field,
                    conflict.provider_value,
                    conflict.file_value,
                    conflict.file,
                    *[""] * 4,
                    "the provider's own value stays; region staff keep it or take the file's",
                ]
            )
        for problem in self.problems:
            where = [problem.file, problem.row or "", problem.column, problem.value]
            writer.writerow(["", "problem", *[""] * 4, *where, problem.message, str(problem)])
        for notice in self.notices:
            writer.writerow(["", "notice", *[""] * 4, notice.file, *[""] * 4, notice.message])
        return buffer.getvalue()

    def to_text(self, limit: int | None = TEXT_LIMIT) -> str:
        """The changes per table and the conflicts, at most `limit` lines each (None: all)."""
        lines = []
        for table, changes in self.tables().items():
            counts = Counter(change.kind for change in changes)
            lines.append(
                f"{table}: " + ", ".join(f"{counts[k]} {VERBS[k]}" for k in KINDS if counts[k])
            )
            for change in changes[:limit]:
                where = f" ({change.file}, row {change.row})" if change.row else ""
                lines.append(f"  {VERBS[change.kind]:<8} {change.describe(VALUE_LIMIT)}{where}")
            lines += _more(len(changes), limit)
        if self.conflicts:
            lines.append(
                f"conflicts with providers' own values (the provider's value stays): "
                f"{len(self.conflicts)}"
            )
            for conflict in self.conflicts[:limit]:
                provider = _shorten(conflict.provider_value or EMPTY, VALUE_LIMIT)
                theirs = _shorten(conflict.file_value or EMPTY, VALUE_LIMIT)
                lines.append(
                    f"  {conflict.provider_id}, {conflict.field}: provider {provider}, "
                    f"file {theirs}"
                )
            lines += _more(len(self.conflicts), limit)
        return "\n".join(lines or ["no changes"])


def build_report(
    plans: list[Plan],
    dataset: Dataset,
    centroids: Centroids,
    differences: list[Difference],
) -> ChangeReport:
    """The rows `plans` change (after ownership took out what providers keep) and the
    conflicts `differences` would record."""
    files = {plan.table.name: dataset[plan.entity.file].filename for plan in plans}
    report = ChangeReport()
    for plan in plans:
        report.rows += _plan_changes(plan, dataset[plan.entity.file], centroids)
    report.conflicts = [_conflict(difference, files) for difference in differences]
    return report


def _plan_changes(plan: Plan, parsed: ParsedFile, centroids: Centroids) -> list[RowChange]:
    keys = [column.name for column in plan.table.primary_key.columns]
    columns = [column.name for column in plan.table.columns]
    rows = _source_rows(plan, parsed, centroids, keys) if plan.creates or plan.updates else {}
    table, file = plan.table.name, parsed.filename

    def change(kind: str, old: Record, new: Record) -> RowChange:
        record = new or old
        key = tuple(record[name] for name in keys)
        shown_key = " / ".join(text for text in map(shown, key) if text)
        fields = _field_changes(old, new, keys, columns)
        return RowChange(table, kind, shown_key, fields, file, rows.get(key, 0))

    changes = [change("add", {}, new) for new in plan.creates]
    changes += [change("change", old, new) for old, new in plan.updates]
    changes += [change("end", old, new) for old, new in plan.ends]
    changes += [change("remove", old, {}) for old in plan.deletes]
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), c.key))


def _source_rows(
    plan: Plan, parsed: ParsedFile, centroids: Centroids, keys: list[str]
) -> dict[Key, int]:
    """The spreadsheet row each record comes from: a row's records are its own."""
    rows: dict[Key, int] = {}
    for number, row in parsed.rows:
        single = ParsedFile(parsed.spec, parsed.filename, [(number, row)])
        for record in plan.entity.records(single, centroids):
            rows.setdefault(tuple(record[name] for name in keys), number)
    return rows


def _field_changes(
    old: Record, new: Record, keys: list[str], columns: list[str]
) -> tuple[FieldChange, ...]:
    before, after = _as_written(old, columns), _as_written(new, columns)
    names = [name for name in dict.fromkeys([*before, *after]) if name not in keys]
    return tuple(
        FieldChange(name, before.get(name, ""), after.get(name, ""))
        for name in names
        if before.get(name, "") != after.get(name, "")
    )


def _as_written(record: Record, columns: list[str]) -> dict[str, str]:
    """A record's fields in the table's order, as the import's columns write them:
    per-locale texts as `name_nl`, tariffs in euros."""
    if not record:
        return {}
    written = {}
    for name, value in ((name, record[name]) for name in columns if name in record):
        if isinstance(value, dict):
            written |= {
                f"{name.removesuffix('s')}_{lang}": shown(text) for lang, text in value.items()
            }
        elif name == "tariff_cents" and value is not None:
            written["tariff_eur"] = f"{value // 100}.{value % 100:02d}"
        else:
            written[name] = shown(value)
    return written


def _conflict(difference: Difference, files: dict[str, str]) -> ProviderConflict:
    name = difference.field
    table = (
        "location"
        if name == LOCATIONS_FIELD
        else "waittime"
        if parse_wait_field(name)
        else "provider"
    )
    return ProviderConflict(
        difference.provider_id,
        name,
        shown(difference.provider_value),
        shown(difference.import_value),
        table,
        files.get(table, ""),
    )


def shown(value: Any) -> str:
    """A stored value as text: dates ISO, yes/no as ja/nee, lists `;`-separated."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{name} {shown(item)}" for name, item in value.items() if shown(item))
    return str(value)


def _change_lines(change: RowChange) -> list[list[Any]]:
    where = [change.file, change.row or "", "", "", ""]
    if change.kind in ("add", "remove"):
        values = "; ".join(f"{c.field}: {c.new or c.old}" for c in change.fields)
        old, new = ("", values) if change.kind == "add" else (values, "")
        message = f"{VERBS[change.kind]} {change.describe()}"
        return [[change.table, change.kind, change.key, "", old, new, *where, message]]
    return [
        [
            change.table,
            change.kind,
            change.key,
            c.field,
            c.old,
            c.new,
            *where,
            f"{VERBS[change.kind]} {change.key}: {c.field} {c.old or EMPTY} → {c.new or EMPTY}",
        ]
        for c in change.fields
    ]


def _more(count: int, limit: int | None) -> list[str]:
    return [f"  … and {count - limit} more"] if limit is not None and count > limit else []


def _shorten(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


class _NeutralWriter:
    """A csv writer whose cells cannot run as formulas: values in the report may be text a
    provider typed, and staff open the CSV in Excel (indexer.spreadsheet_cells)."""

    def __init__(self, writer) -> None:
        self.writer = writer

    def writerow(self, row) -> None:
        self.writer.writerow([neutral(str(cell)) for cell in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)
