"""Opening hours of local teams: the import's Dutch free text as a week of times.

Regions write a team's hours as Dutch text (`teams.csv`, column `opening_hours`), so the
portal can show them in the reader's own day names and time format only once it knows which
days and times the text means. No library reads this: the opening-hours parsers on PyPI
(opening-hours-py, osm-humanized-opening-hours, ...) read OpenStreetMap's `Mo-Fr 08:30-17:00`
syntax, jsonify-opening-hours reads English, none reads "ma t/m vr 9.00-17.00 uur". The grammar
below is small on purpose; text outside it is not guessed at: `parse` returns None and the
page shows the original text, marked as Dutch.

Grammar (case, spaces and a trailing dot after a day are ignored)::

    text    = clause { [sep] clause }
    clause  = days [":"] ( hours | "gesloten" | "tot" time )
    days    = item { ("," | "en" | "&") item }
    item    = day [ ("-" | "t/m" | "tot en met") day ] | "dagelijks" | "werkdagen" | "weekend"
    day     = ma | di | wo | do | vr | za | zo | maandag | dinsdag | ... | zondag
    hours   = span { [sep] span }
    span    = ["van"] time ("-" | "tot") time ["uur"]
    time    = H | HH | H:MM | H.MM | HH:MM | HH.MM            (00:00 up to 23:59)
    sep     = "," | ";" | "en" | "&" | "/" | a new line

Meaning: a clause sets the hours of its days, replacing what an earlier clause said about
them ("ma-vr 9:00-17:00, vr 9:00-12:30": Friday closes at 12:30); "tot" moves the last
closing time of days that already have hours ("ma-vr 9:00-17:00, do tot 20:00": Thursday
until 20:00); "gesloten" closes them. Days the text does not name are closed. Spans of one
day must not overlap and each must close after it opens; a range runs forward within the
week (no "vr-ma").
"""

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from itertools import pairwise

# Monday is 0, as in datetime.weekday() and babel.dates.get_day_names(); each day is also
# written by its first two letters (ma, di, wo, do, vr, za, zo).
_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAYS = {name: day for day, name in enumerate(_NAMES)} | {
    name[:2]: day for day, name in enumerate(_NAMES)
}
GROUPS = {"dagelijks": range(7), "werkdagen": range(5), "weekend": range(5, 7)}

Span = tuple[time, time]

_TOKEN = re.compile(
    r"""[ \t]*(?:
      (?P<time>\d{1,2}(?:[:.]\d{2})?)(?![\d:.]*\d)
    | (?P<to>t/m|tot\s+en\s+met)\b
    | (?P<word>[a-z]+)\b\.?
    | (?P<mark>[-–—,;&/:\n])
    )""",
    re.VERBOSE,
)
_RANGE = {"-", "–", "—", "t/m"}
_SEPARATORS = {",", ";", "en", "&", "/", "\n"}
_DAY_JOINS = {",", "en", "&"}


@dataclass(frozen=True)
class OpeningHours:
    """`days[0]` is Monday: the spans a team is open that day, in order; () when closed."""

    days: tuple[tuple[Span, ...], ...]

    @property
    def closed(self) -> tuple[int, ...]:
        return tuple(day for day, spans in enumerate(self.days) if not spans)


class _Unparsed(Exception):
    """The text leaves the grammar; `parse` turns this into None."""


@lru_cache(maxsize=1024)
def parse(text: str) -> OpeningHours | None:
    """The week `text` describes, or None when any part of it is not understood (also when
    it names no open hours at all). Cached: every page with a team card calls it."""
    try:
        tokens = _tokens(text.lower().replace("\r", ""))
        week = _Parser(tokens).week()
    except _Unparsed:
        return None
    if not any(week):
        return None
    return OpeningHours(tuple(tuple(spans) for spans in week))


def _tokens(text: str) -> list[str]:
    """Words, times, marks and "t/m" (also for "tot en met"); anything else is refused."""
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise _Unparsed
        position = match.end()
        if match["to"]:
            tokens.append("t/m")
        else:
            tokens.append(match["time"] or match["word"] or match["mark"])
    return tokens


class _Parser:
    """Recursive descent over the tokens, one method per rule of the grammar."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self, ahead: int = 0) -> str | None:
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def skip(self, word: str) -> bool:
        """Takes `word` if it comes next."""
        if self.peek() != word:
            return False
        self.at += 1
        return True

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise _Unparsed
        self.at += 1
        return token

    def week(self) -> list[list[Span]]:
        week: list[list[Span]] = [[] for _ in range(7)]
        while True:
            self.clause(week)
            if self.peek() in _SEPARATORS:
                self.take()  # a separator may end the text too: "ma-vr 9:00-17:00,"
            if self.peek() is None:
                return week

    def clause(self, week: list[list[Span]]) -> None:
        days = self.days()
        self.skip(":")
        if self.skip("tot"):
            self.close_later(week, days, self.clock())
            self.skip("uur")
            return
        spans = [] if self.skip("gesloten") else self.hours()
        for day in days:
            week[day] = list(spans)

    @staticmethod
    def close_later(week: list[list[Span]], days: list[int], closing: time) -> None:
        """ "do tot 20:00": Thursday's last span now closes at 20:00."""
        for day in days:
            if not week[day] or closing <= week[day][-1][0]:
                raise _Unparsed
            week[day][-1] = (week[day][-1][0], closing)

    def days(self) -> list[int]:
        days = self.item()
        while self.peek() in _DAY_JOINS and self._starts_days(1):
            self.take()
            days += self.item()
        return days

    def _starts_days(self, ahead: int) -> bool:
        return self.peek(ahead) in DAYS or self.peek(ahead) in GROUPS

    def item(self) -> list[int]:
        word = self.take()
        if word in GROUPS:
            return list(GROUPS[word])
        first = self.day(word)
        if self.peek() in _RANGE and self.peek(1) in DAYS:
            self.take()
            last = self.day(self.take())
            if last <= first:
                raise _Unparsed
            return list(range(first, last + 1))
        return [first]

    @staticmethod
    def day(word: str) -> int:
        if word not in DAYS:
            raise _Unparsed
        return DAYS[word]

    def hours(self) -> list[Span]:
        spans = [self.span()]
        while self.peek() in _SEPARATORS and not self._starts_days(1) and self.peek(1):
            self.take()
            spans.append(self.span())
        spans.sort()
        for (_, closes), (opens, _) in pairwise(spans):
            if opens < closes:
                raise _Unparsed
        return spans

    def span(self) -> Span:
        self.skip("van")
        opens = self.clock()
        if self.take() not in _RANGE | {"tot"}:
            raise _Unparsed
        closes = self.clock()
        self.skip("uur")
        if closes <= opens:
            raise _Unparsed
        return opens, closes

    def clock(self) -> time:
        hour, _, minute = self.take().replace(".", ":").partition(":")
        if not hour.isdigit() or not (minute or "0").isdigit():
            raise _Unparsed
        try:
            return time(int(hour), int(minute or 0))
        except ValueError:  # 24:00, 9:75
            raise _Unparsed from None
