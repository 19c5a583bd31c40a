"""What a provider centres on, so that specialists rank before generalists.

A family that types "angst" should meet the anxiety practice before the broad youth-care
organisation that lists anxiety among six other problems. Both texts contain "angst", so
word matching alone cannot tell them apart. Here each provider's name and descriptions are
read with the search vocabulary, counting only concepts that are problems (not forms of help
such as "online" or "dagbehandeling", which concepts.csv marks `about=help`). A problem is a
focus when the provider names at most MAX_FEW problems, or when it is in the provider's name
("Autismepraktijk", "Traumacentrum") or takes a large share of the problems the description
names. The search document carries the Dutch keywords of its focus in a field both engines
weigh just below the name.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from indexer.search.vocabulary import PROBLEMS, Concept, Vocabulary, words_of

NAME_WEIGHT = 3  # a problem in the provider's name
MIN_SHARE = 0.2  # of all problem mentions, for a problem to be a focus
MIN_WEIGHT = 2  # a problem mentioned once is never the main focus
MAX_FEW = 2  # a provider that names at most this many problems centres on them too
MIN_NAME_PREFIX = 5  # "autisme" starts "Autismepraktijk": Dutch compounds lead with the subject


@dataclass(frozen=True)
class Focus:
    """Single-word Dutch keywords of the problems a provider centres on: `named` in its name
    ("Traumacentrum"), `main` mentioned at least MIN_WEIGHT times and a MIN_SHARE of all
    (or named), and `also` the other problems of a provider that names at most MAX_FEW.
    Each list has the keywords of its heaviest problem first."""

    named: list[str]
    main: list[str]
    also: list[str]


def focus_of(name: str, texts: Iterable[str], vocabulary: Vocabulary) -> Focus:
    named = words_of(name)
    described = " ".join(f" {' '.join(words_of(text))} " for text in texts)
    problems = [concept for concept in vocabulary.concepts if concept.about in PROBLEMS]
    in_name = {concept.id for concept in problems if _in_name(concept, named)}
    weights = {
        concept.id: weight
        for concept in problems
        if (weight := _mentions(concept, described) + NAME_WEIGHT * (concept.id in in_name))
    }
    total = sum(weights.values())
    heaviest_first = sorted(weights, key=lambda c: (-weights[c], c))
    main = [
        c for c in heaviest_first if weights[c] >= MIN_WEIGHT and weights[c] / total >= MIN_SHARE
    ]
    also = [c for c in heaviest_first if c not in main] if len(weights) <= MAX_FEW else []
    return Focus(
        _keywords([c for c in heaviest_first if c in in_name], vocabulary),
        _keywords(main, vocabulary),
        _keywords(also, vocabulary),
    )


def _keywords(concepts: list[str], vocabulary: Vocabulary) -> list[str]:
    """In the order given: Meilisearch ranks a word found early in a field above one found
    late, so a provider's heaviest problem comes first."""
    by_id = {concept.id: concept for concept in vocabulary.concepts}
    words = (words_of(k) for concept in concepts for k in by_id[concept].keywords)
    return list(dict.fromkeys(w[0] for w in words if len(w) == 1))


def _mentions(concept: Concept, described: str) -> int:
    """Keywords of the concept the descriptions hold (the words of one side by side, as the
    search matches them)."""
    return sum(1 for words in _keyword_words(concept) if f" {' '.join(words)} " in described)


def _in_name(concept: Concept, named: list[str]) -> bool:
    """The name holds a keyword, as words or as the start of a compound word."""
    return any(
        set(words) <= set(named)
        or (
            (len(words) == 1 and len(words[0]) >= MIN_NAME_PREFIX)
            and any(n.startswith(words[0]) for n in named)
        )
        for words in _keyword_words(concept)
    )


def _keyword_words(concept: Concept) -> list[list[str]]:
    return [words for k in concept.keywords if (words := words_of(k))]
