"""From what someone typed to groups of words, the same for both search engines.

A family types a sentence: "mijn dochter van 15 eet bijna niets meer", "ابني لا يريد الذهاب
إلى المدرسة", "syn nie chce chodzić do szkoły". The vocabulary's phrases are found in it:
- by exact words, in any of the six languages;
- by each word's key (lemma or stem, indexer.search.lemmas) in the query's language, Dutch,
  English, and the language its script says (Cyrillic: Ukrainian, Arabic script: Arabic), so
  "тривожністю" finds тривожність and "okula gitmiyor" finds "okula gitmek";
- with up to MAX_GAP other words between the words of a phrase, in order ("gaat al weken
  niet meer naar school" holds "niet naar school").
What is left are single words; function words (stop words of the query's language and of
Dutch) are dropped unless nothing else is left.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from indexer.search.lemmas import key
from indexer.search.vocabulary import MAX_PHRASE_WORDS, Vocabulary, keyword_token, words_of

MAX_GAP = 2  # other words allowed between two words of a phrase
CYRILLIC = re.compile("[\u0400-\u04ff]")
ARABIC = re.compile("[\u0600-\u06ff]")
EXACT = ""  # the "language" of a phrase matched word for word


def typo_budget(word: str) -> int:
    """Meilisearch's default typo rule, which the embedded engine imitates: no typo under 5
    letters, 1 from 5, 2 from 9."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


@dataclass(frozen=True)
class TermGroup:
    """Typed words that must match together, or be replaced by any of their keywords.

    `phrase` is the vocabulary phrase recognised (normalised words); () for a plain word."""

    words: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    prefix: bool = False
    phrase: tuple[str, ...] = field(default=())
    wider: tuple[str, ...] = ()  # with the keywords of related concepts (Vocabulary.wider)
    about: str = ""  # of a recognised phrase: problem, danger or help (Vocabulary.about)

    @property
    def is_concept(self) -> bool:
        return bool(self.keywords)

    @property
    def text(self) -> str:
        """What Meilisearch is sent: the word its synonyms expand to the group's keywords,
        or the typed words."""
        return keyword_token(self.keywords) if self.keywords else " ".join(self.words)


@dataclass(frozen=True)
class _Match:
    positions: tuple[int, ...]
    phrase: tuple[str, ...]
    keywords: tuple[str, ...]

    @property
    def rank(self) -> tuple[int, int, int]:
        """Longer phrases first, then those with fewer words between, then earlier ones."""
        return (-len(self.positions), self.positions[-1] - self.positions[0], self.positions[0])


class PhraseIndex:
    """The vocabulary's phrases by their first word's key, per language (EXACT: as written)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    @cached_property
    def _first(self) -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        """(language, key of the first word) → [(keys of every word, vocabulary phrase)]."""
        index: dict = {}
        for lang, phrase in self.vocabulary.phrases_by_language():
            keys = phrase if lang == EXACT else tuple(key(w, lang) for w in phrase)
            index.setdefault((lang, keys[0]), []).append((keys, phrase))
        return index

    @cached_property
    def _meanings(self) -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
        """The keywords of every phrase → (Vocabulary.wider, Vocabulary.about), worked out
        once: each goes through all the concepts."""
        vocabulary = self.vocabulary
        return {k: (vocabulary.wider(k), vocabulary.about(k)) for k in vocabulary.phrases.values()}

    def meaning(self, keywords: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
        """What a phrase's keywords lead to: their wider keywords, and what they are about."""
        return self._meanings[keywords]

    def matches(self, words: list[str], langs: tuple[str, ...]) -> list[_Match]:
        """Every place a vocabulary phrase occurs among `words`."""
        keys = [{EXACT: w} | {lang: key(w, lang) for lang in langs} for w in words]
        found: dict[tuple, _Match] = {}
        for start, word_keys in enumerate(keys):
            for lang, first in word_keys.items():
                for phrase_keys, phrase in self._first.get((lang, first), ()):
                    positions = _follow(keys, lang, phrase_keys, start)
                    if positions:
                        keywords = self.vocabulary.phrases[phrase]
                        found.setdefault(positions, _Match(positions, phrase, keywords))
        return list(found.values())


def _follow(keys: list[dict[str, str]], lang: str, phrase_keys: tuple, start: int):
    """The positions of the phrase's words from `start`, in order, each at most MAX_GAP
    words after the one before; None when it does not occur there."""
    positions = [start]
    for wanted in phrase_keys[1:]:
        window = range(positions[-1] + 1, min(len(keys), positions[-1] + 2 + MAX_GAP))
        found = next((i for i in window if keys[i].get(lang) == wanted), None)
        if found is None:
            return None
        positions.append(found)
    return tuple(positions)


def term_groups(text: str, vocabulary: Vocabulary, locale: str = "nl") -> list[TermGroup]:
    """`text` as groups in the order typed: recognised phrases (longest first) and words.

    Only a last word the vocabulary does not know is read as a prefix still being typed: a
    recognised "ADD" is a whole word, and its concept's keywords, not "addiction", match it.

    Stop words are those of the query's language and Dutch only: "die" is a function word in
    Dutch but not in English ("want to die"), so languages are not pooled.
    """
    words = words_of(text)
    if not words:
        return []
    index = vocabulary.phrase_index
    chosen: list[_Match] = []
    taken: set[int] = set()
    for match in sorted(index.matches(words, _languages(words, locale)), key=lambda m: m.rank):
        if len(match.positions) <= MAX_PHRASE_WORDS and not taken & set(match.positions):
            chosen.append(match)
            taken |= set(match.positions)
    chosen += [_Match((i,), (), ()) for i in range(len(words)) if i not in taken]
    groups = [_group(words, m, index) for m in sorted(chosen, key=lambda m: m.positions[0])]
    stop = vocabulary.stop_words.get(locale, frozenset()) | vocabulary.stop_words.get(
        "nl", frozenset()
    )
    meaningful = [g for g in groups if g.keywords or any(w not in stop for w in g.words)]
    return meaningful or groups


def _group(words: list[str], match: _Match, index: PhraseIndex) -> TermGroup:
    wider, about = index.meaning(match.keywords) if match.keywords else ((), "")
    return TermGroup(
        tuple(words[i] for i in match.positions),
        match.keywords,
        prefix=match.positions[-1] == len(words) - 1 and not match.keywords,
        phrase=match.phrase,
        wider=wider,
        about=about,
    )


def _languages(words: list[str], locale: str) -> tuple[str, ...]:
    """Whose keys to try: the reader's language, Dutch and English (typed everywhere), and
    the language the script shows, as a Ukrainian family may use the Dutch pages."""
    langs = [locale, "nl", "en"]
    text = " ".join(words)
    if CYRILLIC.search(text):
        langs.append("uk")
    if ARABIC.search(text):
        langs.append("ar")
    return tuple(dict.fromkeys(langs))
