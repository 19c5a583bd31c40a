"""A query's filters as engine-neutral clauses, so both engines filter exactly alike.

Each engine renders these clauses in its own language (Meilisearch filter strings, tantivy
queries); the meaning is decided once, here.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from indexer.search.contract import SearchQuery
from indexer.search.documents import day_number, wait_key


@dataclass(frozen=True)
class AnyOf:
    """The keyword field holds at least one of `values`."""

    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class AtLeast:
    field: str
    value: int | float


@dataclass(frozen=True)
class AtMost:
    field: str
    value: int | float


@dataclass(frozen=True)
class IsTrue:
    field: str


@dataclass(frozen=True)
class WaitWithin:
    """For at least one of the profiles (`profile_waits` keys), the wait that applies is at
    most `weeks` and still fresh on `day` (yyyymmdd)."""

    keys: tuple[str, ...]
    weeks: int
    day: int
    field: ClassVar[str] = "profile_waits"

    def __post_init__(self) -> None:
        # Keys go unquoted into field paths (neither engine can quote a path segment), so
        # only what documents.wait_key makes, letters and digits, is allowed.
        for key in self.keys:
            if not key.isascii() or not key.isalnum():
                raise ValueError(f"not a profile_waits key: {key!r}")


Clause = AnyOf | AtLeast | AtMost | IsTrue | WaitWithin


def clauses(query: SearchQuery, today: date) -> list[Clause]:
    """All clauses of `query`, AND-ed. Contracts that ended after the last build drop out
    through `available_until`, without a rebuild."""
    result: list[Clause] = [AtLeast("available_until", day_number(today))]
    if query.region_id:
        result.append(AnyOf("region_id", (query.region_id,)))
    if query.profiles and query.intensities:
        offers = tuple(f"{p}/{i}" for p in query.profiles for i in query.intensities)
        result.append(AnyOf("offers", offers))  # the same contract must cover both
    elif query.profiles:
        result.append(AnyOf("profiles", query.profiles))
    elif query.intensities:
        result.append(AnyOf("intensities", query.intensities))
    if query.segment:
        result.append(AnyOf("segments", (query.segment,)))
    if query.care_forms:
        result.append(AnyOf("care_forms", query.care_forms))
    if query.languages:
        result.append(AnyOf("languages", query.languages))
    if query.age is not None:
        result += [AtMost("age_from", query.age), AtLeast("age_to", query.age)]
    if query.max_wait_weeks is not None and query.profiles:
        # The wait for the chosen help, not the general one (indexer.waits).
        keys = tuple(wait_key(code) for code in query.profiles)
        result.append(WaitWithin(keys, query.max_wait_weeks, day_number(today)))
    elif query.max_wait_weeks is not None:
        # Only a wait confirmed in the last 8 weeks counts as an answer to "how long".
        result.append(AtMost("wait_weeks", query.max_wait_weeks))
        result.append(AtLeast("wait_fresh_until", day_number(today)))
    if query.with_outcomes:
        result.append(IsTrue("has_outcomes"))
    return result
