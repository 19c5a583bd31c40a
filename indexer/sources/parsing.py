"""Turning a raw table into typed rows, checking the header and every cell against its spec."""

from dataclasses import dataclass, field

from indexer.sources.fields import FieldError
from indexer.sources.reading import RawTable
from indexer.sources.report import Problem
from indexer.sources.specs import LOCALES, FileSpec, Row


@dataclass
class ParsedFile:
    spec: FileSpec
    filename: str
    rows: list[tuple[int, Row]] = field(default_factory=list)


def parse_table(spec: FileSpec, raw: RawTable) -> tuple[ParsedFile, list[Problem]]:
    """Typed rows of `raw`, plus every problem found in its header and cells.

    When a required column is missing the rows are not read at all: one clear header
    message is worth more than the same complaint on every row.
    """
    parsed = ParsedFile(spec, raw.name)
    problems = _header_problems(spec, raw)
    if any(problem.message.startswith("missing required") for problem in problems):
        return parsed, problems
    for number, cells in raw.rows:
        row, row_problems = _parse_row(spec, raw.name, number, cells, raw.formulas.get(number, {}))
        problems += row_problems
        if not row_problems:
            problems += [
                Problem(raw.name, number, column, _text(row.get(column)), message)
                for rule in spec.rules
                for column, message in rule(row)
            ]
            parsed.rows.append((number, row))
    return parsed, problems


def _header_problems(spec: FileSpec, raw: RawTable) -> list[Problem]:
    problems = []
    known = spec.column_names()
    seen: set[str] = set()
    for header in raw.headers:
        if header and header in seen:
            problems.append(Problem(raw.name, 1, header, "", "appears twice in the header"))
        seen.add(header)
        if header and header not in known:
            problems.append(Problem(raw.name, 1, header, "", _unknown_column_message(spec)))
    for column in spec.columns:
        if column.required and column.name not in seen:
            problems.append(Problem(raw.name, 1, column.name, "", "missing required column"))
    return problems


def _unknown_column_message(spec: FileSpec) -> str:
    expected = ", ".join(column.name for column in spec.columns)
    message = f"unknown column (expected: {expected}"
    if spec.localized:
        variants = " or ".join(f"{prefix}_<lang>" for prefix in spec.localized)
        message += f"; {variants} with lang one of {', '.join(LOCALES)}"
    return message + ")"


def _parse_row(
    spec: FileSpec, filename: str, number: int, cells: dict[str, str], formulas: dict[str, str]
) -> tuple[Row, list[Problem]]:
    """A formula without a saved value is reported in any known column, optional ones too:
    read as empty, it would silently lose what the sheet shows."""
    row: Row = {}
    problems = [
        Problem(filename, number, name, "", _unsaved_formula(formula))
        for name, formula in formulas.items()
        if name in spec.column_names()
    ]
    for column in spec.columns:
        value = cells.get(column.name, "")
        if not value:
            if column.required and column.name not in formulas:
                problems.append(Problem(filename, number, column.name, "", "is empty"))
            row[column.name] = column.default
            continue
        try:
            row[column.name] = column.parse(value)
        except FieldError as error:
            problems.append(Problem(filename, number, column.name, value, str(error)))
    for prefix in spec.localized:
        row[f"{prefix}s"] = {
            lang: cells[f"{prefix}_{lang}"] for lang in LOCALES if cells.get(f"{prefix}_{lang}")
        }
    return row, problems


def _unsaved_formula(formula: str, limit: int = 40) -> str:
    shown = formula if len(formula) <= limit else formula[: limit - 1] + "…"
    return (
        f"is a formula without a saved value ({shown}): open the file in Excel and save it, "
        "so the value is stored"
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
