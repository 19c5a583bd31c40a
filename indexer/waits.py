"""Which wait time a reader is shown: the one for the help they chose (DESIGN.md §11).

A provider may publish a general wait and waits per support profile. A family or referrer
who chose profile P03 must see, be filtered on and be sorted on the P03 wait, not the
general one: a provider with 3 weeks in general and 12 weeks for trauma help is not "within
8 weeks" for trauma help. One rule, here, for the search index, every page, the API and
the exports:

- profiles chosen: per chosen profile its own wait, else the general wait; of those the
  shortest, preferring one that is not out of date; labelled with its profile (or as the
  general wait);
- no profile chosen: the general wait, else the shortest per-profile wait;
- none of these: unknown (None).

"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

# A wait not confirmed for this long may be out of date (DESIGN.md §10).
WAIT_STALE_WEEKS = 8
# The last day a wait counts as fresh is the day before it turns 8 weeks old.
LAST_FRESH = timedelta(weeks=WAIT_STALE_WEEKS, days=-1)


class Wait(NamedTuple):
    """One published wait: `profile_code` "" is the provider's general wait in a region.
    A tuple: a results page makes one per wait of each hit, and a dataclass took three times
    as long to make."""

    profile_code: str
    weeks: int
    confirmed_on: date

    @property
    def fresh_until(self) -> date:
        return self.confirmed_on + LAST_FRESH

    def is_stale(self, today: date) -> bool:
        return self.fresh_until < today

    def as_dict(self) -> dict:
        """The shape search documents store (JSON: the date as ISO text)."""
        return {
            "profile_code": self.profile_code,
            "weeks": self.weeks,
            "confirmed_on": self.confirmed_on.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Wait":
        return cls(data["profile_code"], data["weeks"], date.fromisoformat(data["confirmed_on"]))


def waits_of(rows: Iterable) -> list[Wait]:
    """Wait rows of the store (indexer.models.WaitTime) or of a search document."""
    return [
        Wait.from_dict(row)
        if isinstance(row, dict)
        else Wait(row.profile_code, row.weeks, row.confirmed_on)
        for row in rows
    ]


def wait_for_profile(waits: list[Wait], profile_code: str) -> Wait | None:
    """The wait that applies to one profile: its own, else the general wait."""
    own = [w for w in waits if w.profile_code == profile_code]
    general = [w for w in waits if not w.profile_code]
    return (own or general or [None])[0]


def chosen_wait(waits: list[Wait], profiles: Iterable[str], today: date) -> Wait | None:
    """The wait to show, filter and sort on for a reader who chose `profiles` (see above)."""
    profiles = list(dict.fromkeys(profiles))
    if profiles:
        candidates = [w for w in (wait_for_profile(waits, p) for p in profiles) if w]
    else:
        general = [w for w in waits if not w.profile_code]
        candidates = general or waits
    if len(candidates) < 2:  # mostly one: nothing to compare
        return candidates[0] if candidates else None
    return min(candidates, key=lambda w: (w.is_stale(today), w.weeks, w.profile_code))
