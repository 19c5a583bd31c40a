"""Problems found in an import, and the report a region's staff reads.

Every problem names the file, the spreadsheet row, the column, the value and the rule, so
the person who exported the file can fix it without asking a developer.
"""

from collections import Counter
from dataclasses import dataclass

REPORT_LIMIT = 100


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int  # spreadsheet row (header = 1); 0 for a problem with the file as a whole
    column: str = ""
    value: str = ""
    message: str = ""

    def __str__(self) -> str:
        where = self.file if not self.row else f"{self.file}, row {self.row}"
        if self.column:
            where += f", column {self.column}"
        what = f"{_shorten(self.value)!r} {self.message}" if self.value else self.message
        return f"{where}: {what}"


@dataclass(frozen=True, order=True)
class Notice:
    """How a file was read where a person should check it (an encoding assumed, a sheet
    not read, the table a file was taken for): nothing is refused for it."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


def _shorten(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def format_report(problems: list[Problem], limit: int = REPORT_LIMIT) -> str:
    """The problems in file and row order; past `limit`, a count per file and column."""
    ordered = sorted(problems)
    lines = [f"{len(ordered)} problem(s) found; nothing was written.", ""]
    lines += [str(problem) for problem in ordered[:limit]]
    if len(ordered) > limit:
        rest = Counter((p.file, p.column or "-") for p in ordered[limit:])
        lines += ["", f"… and {len(ordered) - limit} more:"]
        lines += [f"  {file}, column {column}: {n}" for (file, column), n in sorted(rest.items())]
    return "\n".join(lines)
