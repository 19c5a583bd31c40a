"""The words families and referrers use, in every supported language, mapped to the Dutch
keywords that appear in provider and profile texts.

Neither engine stems Dutch or splits compounds well, so relevance for "bang", "anxiety",
"kaygı" or "قلق" comes from this curated vocabulary: Meilisearch gets it as synonyms, the
embedded engine expands queries with it. The data lives in indexer/vocabulary/ as one CSV
per language that a non-programmer can extend (see the README there).
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from indexer.sources.reading import read_table
from indexer.sources.specs import LOCALES

FOLDER = Path(__file__).resolve().parent.parent / "vocabulary"
MAX_PHRASE_WORDS = 4
# What a concept is about (concepts.csv). Focus reads problems and dangers; a danger (abuse,
# self-harm) in a search leads, and other problems in it wait (indexer.search.relaxing).
ABOUT = ("problem", "danger", "help")
PROBLEMS = ("problem", "danger")


ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")  # short vowels and tatweel-like marks
LATIN_FOLDS = str.maketrans({"ı": "i", "ł": "l", "’": "'", "ʼ": "'", "`": "'"})  # no decomposition


def normalise(text: str) -> str:
    """Lower case; accents folded on Latin letters only (Turkish ı and ş become i and s) so a
    word typed without diacritics still matches, while Cyrillic й and Arabic hamza stay
    whole; Arabic letter variants and short vowels folded, as people type them both ways."""
    text = unicodedata.normalize("NFKC", text).lower().translate(LATIN_FOLDS)
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn" and kept and kept[-1].isascii():
            continue
        kept.append(char)
    text = unicodedata.normalize("NFC", "".join(kept))
    return ARABIC_MARKS.sub("", text.translate(ARABIC_FOLDS))


def keyword_token(keywords: tuple[str, ...]) -> str:
    """A word no text contains, standing for these keywords in a Meilisearch query: letters
    only, so every tokenizer keeps it whole."""
    digest = hashlib.sha256("\n".join(keywords).encode()).digest()
    return "qqkw" + "".join(chr(ord("a") + byte % 26) for byte in digest[:10])


def words_of(text: str) -> list[str]:
    """Words, keeping an inner apostrophe (Ukrainian сім'я is one word)."""
    return list(_words(text))


@cache
def _words(text: str) -> tuple[str, ...]:
    """Cached: queries fold the same vocabulary keywords over and over."""
    return tuple(re.findall(r"\w+(?:'\w+)*", normalise(text)))


@dataclass(frozen=True)
class Concept:
    id: str
    keywords: tuple[str, ...]  # Dutch terms as they appear in the documents
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per locale
    about: str = "problem"  # or "help": a form of help, a method or an audience
    # Concepts whose providers help with this one too, searched when it finds nothing:
    # after abuse at home, trauma treatment.
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    concepts: tuple[Concept, ...]
    stop_words: dict[str, frozenset[str]]

    @cached_property
    def phrases(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Every word or phrase in any language (as normalised words) → Dutch keywords."""
        mapping: dict[tuple[str, ...], set[str]] = {}
        for concept in self.concepts:
            for phrase in (*concept.keywords, *(w for ws in concept.words.values() for w in ws)):
                mapping.setdefault(tuple(words_of(phrase)), set()).update(concept.keywords)
        return {phrase: tuple(sorted(keywords)) for phrase, keywords in mapping.items() if phrase}

    def phrases_by_language(self) -> list[tuple[str, tuple[str, ...]]]:
        """(language, phrase) for every phrase as written ("" for the language) and in the
        language it is written in: the keywords are Dutch."""
        pairs = {("", phrase) for phrase in self.phrases}
        for concept in self.concepts:
            typed = [("nl", k) for k in concept.keywords]
            typed += [(lang, w) for lang, ws in concept.words.items() for w in ws]
            pairs |= {(lang, tuple(words_of(w))) for lang, w in typed if words_of(w)}
        return sorted(pairs)

    @cached_property
    def phrase_index(self):
        """Phrases found in sentences, by exact words or by their lemmas (query_words)."""
        from indexer.search.query_words import PhraseIndex  # which imports this module

        return PhraseIndex(self)

    def about(self, keywords: tuple[str, ...]) -> str:
        """What a recognised phrase is about, from the concepts whose keywords it leads to:
        a danger before a problem before a form of help."""
        found = {c.about for c in self.concepts if c.keywords and set(c.keywords) <= set(keywords)}
        return next((about for about in ABOUT if about in found), "problem")

    def wider(self, keywords: tuple[str, ...]) -> tuple[str, ...]:
        """`keywords` and those of the concepts related to theirs; () when none are."""
        concepts = {c.id: c for c in self.concepts}
        related = {
            keyword
            for concept in self.concepts
            if concept.keywords and set(concept.keywords) <= set(keywords)
            for other in concept.related
            for keyword in concepts[other].keywords
        }
        return tuple(sorted(set(keywords) | related)) if related - set(keywords) else ()

    def synonyms(self) -> dict[str, list[str]]:
        """Synonyms for Meilisearch: each set of Dutch keywords a phrase leads to (and the
        wider set with related concepts), under one made-up word (keyword_token). Python
        reads the query (query_words) and sends that word; Meilisearch only expands it.
        Typed phrases as synonym keys would not do: Meilisearch looks for synonyms in runs
        of at most 3 words, and its tokenizer splits "won't" in two, so "won't go to
        school" would never be expanded."""
        sets = set(self.phrases.values())
        sets |= {wider for keywords in sets if (wider := self.wider(keywords))}
        return {keyword_token(keywords): list(keywords) for keywords in sets}

    def all_stop_words(self) -> list[str]:
        return sorted(set().union(*self.stop_words.values()))


@cache
def load_vocabulary(folder: Path = FOLDER) -> Vocabulary:
    rows = _rows(folder / "concepts.csv")
    keywords = {row["concept"]: _split(row["keywords"]) for row in rows}
    about = {row["concept"]: row["about"] for row in rows}
    if wrong := sorted(c for c, value in about.items() if value not in ABOUT):
        raise ValueError(f"concepts.csv: `about` of {', '.join(wrong)} must be one of {ABOUT}")
    related = {row["concept"]: _split(row["related"]) for row in rows}
    for concept, others in related.items():
        if unknown := [other for other in others if other not in keywords]:
            raise ValueError(f"concepts.csv: {concept} is related to unknown {unknown}")
    words: dict[str, dict[str, tuple[str, ...]]] = {concept: {} for concept in keywords}
    for lang in LOCALES:
        for row in _rows(folder / f"{lang}.csv"):
            if row["concept"] not in keywords:
                raise ValueError(f"{lang}.csv names unknown concept {row['concept']!r}")
            words[row["concept"]][lang] = _split(row["words"])
    stop_words = {
        lang: frozenset(
            normalise(w) for w in (folder / f"stopwords_{lang}.txt").read_text("utf-8-sig").split()
        )
        for lang in LOCALES
        if (folder / f"stopwords_{lang}.txt").exists()
    }
    concepts = tuple(
        Concept(c, keywords[c], words[c], about[c], related[c]) for c in sorted(keywords)
    )
    return Vocabulary(concepts, stop_words)


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows of a vocabulary file, read like an import file: a BOM and the `;` separator that
    Excel uses on Dutch computers are fine."""
    return [row for _, row in read_table(path).rows]


def _split(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(";") if item.strip())
