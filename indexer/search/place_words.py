"""A place typed in the words box: "1102", "2712 AB", "Diemen", "angst dimen", "Lahey".

Families type where they live among their words. Without a postcode in its own field, a
postcode or the name of a municipality (or of a town or district the directory knows, in
indexer/vocabulary/places.csv, or where a provider has a location) is taken as the place,
and the other words still search. Names are matched with the search's typo rule (first
letter right), so "Dimen" is Diemen and "zoetermer" Zoetermeer. Short names (under 5
letters: Ede, Oss, Urk) count only when typed with a capital, as they are often words.
"""

import re
import time
from dataclasses import dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

import simplemma
from sqlmodel import Session, col, func, select

from indexer.models import Location, Municipality, Postcode
from indexer.search.highlight import edit_distance
from indexer.search.places import Place, locate
from indexer.search.query_words import typo_budget
from indexer.search.vocabulary import FOLDER, load_vocabulary, words_of
from indexer.sources.reading import read_table

ALIASES = FOLDER / "places.csv"
YEARS = (1900, 2099)  # numbers a family may mean as a year
MAX_NAME_WORDS = 4  # "koog aan de zaan"
MIN_LOWER_CASE = 5  # shorter names need a capital
NAMES_TTL_S = 300.0  # municipality and town names are re-read after an import within this
# A PC4 with its letters: "2712AB", "2712 ab"; a PC4 alone: "1102". Only ASCII digits.
POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9][0-9]{3})(?:\s?([A-Za-z]{2}))?(?![0-9A-Za-z])")


@dataclass(frozen=True)
class PlaceInWords:
    place: Place
    name: str  # what the page calls it: "Diemen", "1102"
    rest: str  # the other words, still searched
    is_postcode: bool


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]
    name: str  # the municipality's or town's own name
    pc4: str | None  # a town's postcode; None for a municipality
    code: str


def place_in_words(session: Session, text: str) -> PlaceInWords | None:
    """The first place in `text` and the words around it; None when it names none."""
    return _postcode(session, text) or _named_place(session, text)


def _postcode(session: Session, text: str) -> PlaceInWords | None:
    for found in POSTCODE.finditer(text):
        if _maybe_a_year(text, found):
            continue
        place = locate(session, found[1])
        if place is None:
            continue
        letters = found[2]
        end = found.end() if letters and _letters_of_postcode(text, found) else found.end(1)
        return PlaceInWords(place, found[1], _without(text, found.start(), end), True)
    return None


def _maybe_a_year(text: str, found: re.Match) -> bool:
    """ "sinds 2019", "in 2024": a number that could be a year is a postcode only with its
    letters, or when it is all that was typed (Haarlem's 2011)."""
    return YEARS[0] <= int(found[1]) <= YEARS[1] and not found[2] and text.strip() != found[1]


def _letters_of_postcode(text: str, found: re.Match) -> bool:
    """ "2712ab" and "2712 AB" have letters; in "1102 en angst" "en" is a word."""
    letters = found[2]
    attached = found.end(1) == found.start(2)
    stop_words = set().union(*load_vocabulary().stop_words.values())
    return attached or letters.isupper() or letters.lower() not in stop_words


def _named_place(session: Session, text: str) -> PlaceInWords | None:
    tokens = [(m.start(), m.end(), words_of(m[0])) for m in re.finditer(r"[\w'’-]+", text)]
    spans = [(start, end, _bare(word)) for start, end, words in tokens for word in words]
    names = _names(session)
    for first in range(len(spans)):
        for size in range(min(MAX_NAME_WORDS, len(spans) - first), 0, -1):
            typed = tuple(word for _, _, word in spans[first : first + size])
            start, end = spans[first][0], spans[first + size - 1][1]
            name = _match(typed, text[start:end], names)
            if name is not None:
                place = _place(session, name)
                if place is not None:
                    return PlaceInWords(place, name.name, _without(text, start, end), False)
    return None


def _bare(word: str) -> str:
    """A place name without the Turkish case ending written after an apostrophe:
    "Lahey'de", "Amsterdam'da"."""
    name, _, ending = word.partition("'")
    return name if ending and len(ending) <= 4 else word


def _match(typed: tuple[str, ...], raw: str, names: dict[str, list[_Name]]) -> _Name | None:
    """The name `typed` spells, exactly or within the typo rule; short names need a capital."""
    joined = " ".join(typed)
    candidates = names.get(joined[:1], [])
    capital = raw[:1].isupper()
    for name in candidates:
        if name.words == typed:
            short = len(joined) < MIN_LOWER_CASE
            # A town known only from a location ("Monster") may be a word ("monster").
            ordinary = name.pc4 is not None and _is_word(joined)
            return name if capital or not (short or ordinary) else None
    if _is_word(joined):  # "dieren" is not a typo of Diemen, nor "monsters" of Monster
        return None
    budget = typo_budget(joined)
    for name in candidates:
        spelled = " ".join(name.words)
        if (
            budget
            and len(name.words) == len(typed)
            and abs(len(spelled) - len(joined)) <= budget
            and edit_distance(joined, spelled, budget) <= budget
        ):
            return name
    return None


def _is_word(text: str) -> bool:
    """A Dutch or English word (simplemma's dictionaries), which a family means as a word."""
    return all(
        simplemma.is_known(w, lang="nl") or simplemma.is_known(w, lang="en") for w in text.split()
    )


def _place(session: Session, name: _Name) -> Place | None:
    """A town's postcode, or for a municipality the mean of its postcodes' centres (with the
    nearest of them for the local team)."""
    if name.pc4:
        return locate(session, name.pc4)
    rows = session.exec(select(Postcode).where(Postcode.municipality_code == name.code)).all()
    municipality = session.get(Municipality, name.code)
    if not rows or municipality is None:
        return None
    lat = sum(r.latitude for r in rows) / len(rows)
    lng = sum(r.longitude for r in rows) / len(rows)
    nearest = min(rows, key=lambda r: (r.latitude - lat) ** 2 + (r.longitude - lng) ** 2)
    return Place(
        nearest.pc4, municipality.code, municipality.name, municipality.region_id, lat, lng
    )


_names_read: "WeakKeyDictionary[object, tuple[float, dict[str, list[_Name]]]]" = WeakKeyDictionary()


def _names(session: Session) -> dict[str, list[_Name]]:
    """Names by first letter, read from the store at most every NAMES_TTL_S per process and
    database engine."""
    engine = session.get_bind()
    read = _names_read.get(engine)
    if read is None or time.monotonic() - read[0] > NAMES_TTL_S:
        read = _names_read[engine] = (time.monotonic(), _read_names(session, ALIASES))
    return read[1]


def _read_names(session: Session, aliases: Path) -> dict[str, list[_Name]]:
    municipalities = {m.code: m.name for m in session.exec(select(Municipality)).all()}
    found = [_Name(tuple(words_of(n)), n, None, code) for code, n in municipalities.items()]
    for _, row in read_table(aliases).rows:
        code = row["municipality_code"]
        if code in municipalities:
            for alias in row["also_written"].split(";"):
                found.append(_Name(tuple(words_of(alias)), municipalities[code], None, code))
    towns = session.exec(
        select(Location.city, func.min(Location.postcode), Postcode.municipality_code)
        .join(Postcode, col(Postcode.pc4) == func.substr(Location.postcode, 1, 4))
        .where(Location.city != "")
        .group_by(Location.city, Postcode.municipality_code)
    ).all()
    known = {name.words for name in found}
    for city, postcode, code in towns:
        words = tuple(words_of(city))
        if words and words not in known:
            found.append(_Name(words, city, postcode[:4], code))
            known.add(words)
    by_letter: dict[str, list[_Name]] = {}
    for name in found:
        if name.words:
            by_letter.setdefault(" ".join(name.words)[:1], []).append(name)
    return by_letter


def _without(text: str, start: int, end: int) -> str:
    """`text` without the place; the little words that tied it in ("in", "bij") are stop
    words, which the search leaves out anyway."""
    rest = f"{text[:start]} {text[end:]}"
    return re.sub(r"\s+", " ", rest).strip(" ,.;:")
