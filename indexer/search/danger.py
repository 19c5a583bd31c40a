"""Does a search say that someone is in acute danger: wanting to die, hurting themselves,
being abused or hurt at home?

A parent who types "mijn dochter wil niet meer leven" or "babam dövüyor" must see the crisis
lines before any provider (portal/public/help_now.py). The signs are phrases in
indexer/vocabulary/danger.csv, per language, that a non-programmer can extend (see the
README there). They are read with the search's own normalisation and typo rule, so what the
search would match ("zelfmord", "suicde", "samobojstwo" without Polish letters) is
recognised here as well; all languages are looked up at once, as a Turkish parent may type
Dutch words. Nothing about the text is kept: it is read and forgotten.
"""

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from indexer.search.highlight import edit_distance
from indexer.search.query_words import typo_budget
from indexer.search.vocabulary import FOLDER, words_of
from indexer.sources.reading import read_table
from indexer.sources.specs import LOCALES

CONCEPTS = ("suicide", "self_harm", "abuse", "domestic_violence")
# Phrases that contain a sign but mean something else ("alcohol misbruik"): the words they
# match cannot count as a sign.
NOT_DANGER = "not_danger"
STEM = "*"  # "zelfmoord*": any word that starts with it (zelfmoordgedachten, intiharı)
ARABIC = re.compile("[\u0600-\u06ff]")
MAX_GAP = 2  # other words allowed between two words of a phrase ("wil echt niet meer leven")


@dataclass(frozen=True)
class Term:
    """One word of a phrase, normalised; a stem matches the start of a typed word."""

    word: str
    stem: bool = False

    def matches(self, typed: str) -> bool:
        if not self.stem:
            return _close(typed, self.word)
        if typed.startswith(self.word):
            return True
        spread = typo_budget(self.word)
        return any(
            _close(typed[:size], self.word)
            for size in range(len(self.word) - spread, len(self.word) + spread + 1)
            if size <= len(typed)
        )


@dataclass(frozen=True)
class Phrase:
    concept: str
    terms: tuple[Term, ...]

    def matches(self, hits: list[set[Term]], blocked: Collection[int] = ()) -> Iterator[set[int]]:
        """The positions of each place the phrase occurs in a text whose words match `hits`
        (per position): its words in order, each at most MAX_GAP words after the one before,
        none of them at a blocked position."""
        for start, terms in enumerate(hits):
            if start in blocked or self.terms[0] not in terms:
                continue
            used = [start]
            for term in self.terms[1:]:
                window = range(used[-1] + 1, min(len(hits), used[-1] + 2 + MAX_GAP))
                found = next((i for i in window if i not in blocked and term in hits[i]), None)
                if found is None:
                    break
                used.append(found)
            else:
                yield set(used)


@dataclass(frozen=True)
class Signs:
    """The phrases of danger.csv, with their words indexed so a search costs little."""

    phrases: tuple[Phrase, ...]

    @cached_property
    def _terms(self) -> "_TermIndex":
        return _TermIndex({term for phrase in self.phrases for term in phrase.terms})

    @cached_property
    def _by_first_term(self) -> dict[Term, tuple[Phrase, ...]]:
        phrases: dict[Term, list[Phrase]] = {}
        for phrase in self.phrases:
            phrases.setdefault(phrase.terms[0], []).append(phrase)
        return {term: tuple(found) for term, found in phrases.items()}

    def hits(self, words: list[str]) -> list[set[Term]]:
        """Per word, the terms it matches."""
        return [self._terms.matching(word) for word in words]

    def possible(self, hits: list[set[Term]]) -> list[Phrase]:
        """The phrases whose every word is among `hits`: only they can occur."""
        present = set().union(*hits)
        return [
            phrase
            for term in present
            for phrase in self._by_first_term.get(term, ())
            if all(other in present for other in phrase.terms)
        ]


class _TermIndex:
    """Which terms a typed word can match, without comparing it with each of them.

    A word is another word within its typo budget only if deleting at most that many
    letters from each makes them equal, so the words left after such deletions point to the
    terms ("zelfmord" and "zelfmoord" both become "zelfmord"). A stem that is not the start
    of the typed word (letter for letter: same first letter) is within its budget only if
    the first letter is the one typo, as a typo there costs two: then the typed word's
    first or second letter is the stem's first or second one. Candidates are then checked
    by Term.matches, so the index only saves work and decides nothing."""

    def __init__(self, terms: set[Term]) -> None:
        self.exact: dict[str, set[Term]] = {}
        self.near: dict[str, set[Term]] = {}
        self.stems: dict[str, set[Term]] = {}  # by first letter
        self.long_stems: dict[tuple[int, str], set[Term]] = {}  # by (position, letter)
        for term in terms:
            word = term.word
            if term.stem:
                self.stems.setdefault(word[0], set()).add(term)
                if typo_budget(word) == 2:
                    for position, letter in enumerate(word[:2]):
                        self.long_stems.setdefault((position, letter), set()).add(term)
                continue
            self.exact.setdefault(word, set()).add(term)
            if not ARABIC.search(word):  # Arabic words match exactly (_close)
                for variant in _deletions(word, typo_budget(word)):
                    self.near.setdefault(variant, set()).add(term)

    def matching(self, typed: str) -> set[Term]:
        candidates = set(self.exact.get(typed, ()))
        for variant in _deletions(typed, typo_budget(typed)):
            candidates |= self.near.get(variant, set())
        candidates |= self.stems.get(typed[0], set())
        if typo_budget(typed) == 2:
            for key in ((0, typed[1]), (1, typed[0]), (1, typed[1])):
                candidates |= self.long_stems.get(key, set())
        return {term for term in candidates if term.matches(typed)}


def _deletions(word: str, depth: int) -> set[str]:
    """`word` and every word left after deleting up to `depth` of its letters; none for a
    depth of 0: without a typo budget only the exact word matches, looked up by itself."""
    found = layer = {word} if depth else set()
    for _ in range(depth):
        layer = {part[:i] + part[i + 1 :] for part in layer for i in range(len(part))}
        found = found | layer
    return found


def _close(typed: str, known: str) -> bool:
    """Meilisearch's typo rule on both words (no typo under 5 letters, 1 from 5, 2 from 9),
    with a typo on the first letter counted twice as Meilisearch does: "putting" is not a
    typo of "cutting". Arabic words match exactly (after normalise, which already folds the
    ways people write hamza and taa marbuta): one letter apart is often another word, and
    انتظار (waiting) is one letter from انتحار (suicide)."""
    if typed == known:
        return True
    budget = min(typo_budget(typed), typo_budget(known))
    if not budget or not typed or ARABIC.search(known):
        return False
    first_letter = 0 if typed[0] == known[0] else 1
    if first_letter >= budget or abs(len(typed) - len(known)) > budget:
        return False  # decided without the costly distance, as for most pairs of words
    return edit_distance(typed, known, budget - first_letter) <= budget - first_letter


def danger_signals(text: str, signs: Signs | None = None) -> tuple[str, ...]:
    """The concepts (in CONCEPTS order) that `text` signals; () for an ordinary search."""
    signs = load_danger() if signs is None else signs
    hits = signs.hits(words_of(text))
    possible = signs.possible(hits)
    blocked: set[int] = set()
    for phrase in possible:
        if phrase.concept == NOT_DANGER:
            for used in phrase.matches(hits):
                blocked |= used
    found = {
        phrase.concept
        for phrase in possible
        if phrase.concept != NOT_DANGER and next(phrase.matches(hits, blocked), None)
    }
    return tuple(concept for concept in CONCEPTS if concept in found)


@cache
def load_danger(path: Path = FOLDER / "danger.csv") -> Signs:
    """The phrases of danger.csv; a wrong row stops with an error naming it, and every sign
    must be recognisable in every language the portal speaks."""
    phrases, languages = [], {concept: set() for concept in CONCEPTS}
    for number, row in read_table(path).rows:
        concept, lang, phrase = row["concept"], row["lang"], row["phrase"]
        if concept not in (*CONCEPTS, NOT_DANGER):
            raise ValueError(f"{path.name}, row {number}: unknown concept {concept!r}")
        if lang not in LOCALES:
            raise ValueError(f"{path.name}, row {number}: unknown language {lang!r}")
        terms = tuple(term for part in phrase.split() for term in _terms(part))
        if not terms:
            raise ValueError(f"{path.name}, row {number}: {phrase!r} has no words")
        phrases.append(Phrase(concept, terms))
        languages.get(concept, set()).add(lang)
    for concept, langs in languages.items():
        if missing := [lang for lang in LOCALES if lang not in langs]:
            raise ValueError(f"{path.name}: {concept} has no phrase in {', '.join(missing)}")
    return Signs(tuple(phrases))


def _terms(part: str) -> list[Term]:
    """A written word as the search sees it ("self-harm" is two words, as words_of splits
    it); a stem mark belongs to its last word."""
    words = words_of(part.removesuffix(STEM))
    return [Term(word, part.endswith(STEM) and n == len(words)) for n, word in enumerate(words, 1)]
