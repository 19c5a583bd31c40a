"""The local team's card in the reader's language: its opening hours in the page locale's day
names and time format, so "ma-vr 8:30-17:00" reads "Pazartesi–Cuma 08:30–17:00" on a Turkish
page. Hours the import wrote in a way indexer.opening_hours does not read stay as written, and
the card marks them as Dutch (DESIGN.md §6).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache

from babel import Locale
from babel.dates import (
    PATTERN_CHAR_ORDER,
    DateTimePattern,
    format_interval,
    get_day_names,
    parse_pattern,
)
from sqlalchemy import Row

from indexer.models import Team
from indexer.opening_hours import Span, parse
from portal.i18n import list_format
from portal.localize import get_locale, locale_code
from portal.localize import gettext as _

# A run of this many days or more is shown as a range: "maandag–vrijdag", but "maandag en
# dinsdag".
RANGE_FROM = 3


@dataclass(frozen=True)
class HoursLine:
    """One line of the card: days with the same hours ("Maandag–woensdag en vrijdag") and
    those hours ("08:30–17:00", "09:00–12:30 en 13:00–17:00", "gesloten")."""

    days: str
    times: str


@dataclass(frozen=True)
class TeamView:
    """A team as the card shows it; its own fields (name, phone ...) are read through.
    `hours` is None when the text could not be read: the card then shows `opening_hours`."""

    team: Team | Row  # an ORM object, or a row of indexer.teams
    hours: tuple[HoursLine, ...] | None

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy and pickle ask before `team` is set
            raise AttributeError(name)
        return getattr(self.team, name)


def team_views(teams: Iterable[Team | Row]) -> list[TeamView]:
    code = locale_code()
    return [TeamView(team, _hours_in(team.opening_hours, code)) for team in teams]


@lru_cache(maxsize=4096)
def _hours_in(text: str, code: str) -> tuple[HoursLine, ...] | None:
    """`hours_lines` of a team's text in the page's language `code`: every results page
    near the team shows the same lines, so they are made once per text and language."""
    return hours_lines(text)


def hours_lines(text: str) -> tuple[HoursLine, ...] | None:
    """A line per set of equal hours, in week order, up to the last open day: closed days in
    between say so, days closed after it (the weekend, mostly) are left out, as the import's
    text leaves them out."""
    week = parse(text)
    if week is None:
        return None
    locale: Locale = get_locale()
    last_open = max(day for day, spans in enumerate(week.days) if spans)
    groups: dict[tuple[Span, ...], list[int]] = {}
    for day in range(last_open + 1):
        groups.setdefault(week.days[day], []).append(day)
    return tuple(
        HoursLine(_day_names(days, locale), _times(spans, locale)) for spans, days in groups.items()
    )


def _day_names(days: list[int], locale: Locale) -> str:
    names = get_day_names("wide", context="stand-alone", locale=locale)
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= RANGE_FROM:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(names[day] for day in run)
    text = list_format(parts)
    return text[:1].upper() + text[1:]


def _times(spans: tuple[Span, ...], locale: Locale) -> str:
    """Babel's interval patterns, not two formatted times: each locale writes a range its own
    way ("08:30–17:00" in Dutch, "8:30 AM – 5:00 PM" in English, "8:30 ص – 5:00 م")."""
    if not spans:
        return _("gesloten")
    return list_format([_interval(opens, closes, locale) for opens, closes in spans])


def _interval(opens: time, closes: time, locale: Locale) -> str:
    """Babel's `format_interval` of two times of a day, its patterns for the language found
    and parsed once instead of for every interval (20 µs each): the first field from the
    largest down whose value differs picks the pair of patterns that write the two times."""
    skeleton, pieces = _interval_patterns(str(locale))
    for field, first, second in pieces:
        if _FIELDS[field](opens) != _FIELDS[field](closes):
            return first.apply(_instant(opens), locale) + second.apply(_instant(closes), locale)
    return format_interval(opens, closes, skeleton, locale=locale)  # equal times, or unknown


# Babel's `DateTimeFormat.extract` of the fields a time interval's patterns are chosen by.
_FIELDS: dict[str, Callable[[time], int]] = {
    "a": lambda t: int(t.hour >= 12),
    "h": lambda t: t.hour % 12 or 12,
    "H": lambda t: t.hour,
    "m": lambda t: t.minute,
}


@lru_cache(maxsize=16)
def _interval_patterns(code: str) -> tuple[str, list[tuple[str, DateTimePattern, DateTimePattern]]]:
    """The skeleton ("hm" where the language writes 12 hours) and its (field, start pattern,
    end pattern) in Babel's order; none when Babel would have to match or fall back."""
    locale = Locale.parse(code)
    skeleton = "hm" if "h" in locale.time_formats["short"].pattern else "Hm"
    formats = locale.interval_formats.get(skeleton) or {}
    if not (set(formats) <= set(_FIELDS) and all(len(p) == 2 for p in formats.values())):
        return skeleton, []
    return skeleton, [
        (field, *(parse_pattern(pattern) for pattern in formats[field]))
        for field in PATTERN_CHAR_ORDER
        if field in formats
    ]


def _instant(moment: time) -> datetime:
    """The time as Babel formats it in an interval: on today's date, in UTC."""
    return datetime.combine(date.today(), moment, tzinfo=UTC)
