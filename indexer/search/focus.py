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

from indexer.search.vocabulary import Concept, Vocabulary, words_of

NAME_WEIGHT = 3  # a problem in the provider's name
MIN_SHARE = 0.2  # of all problem mentions, for a problem to be a focus
MIN_WEIGHT = 2  # a problem mentioned once is never the main focus
MAX_FEW = 2  # a provider that names at most this many problems centres on them too
MIN_NAME_PREFIX = 5  # "autisme" starts "Autismepraktijk": Dutch compounds lead with the subject


@dataclass(frozen=True)
class Focus:
    """Single-word Dutch keywords of the problems a provider centres on (`main`: mentioned
    at least MIN_WEIGHT times and a MIN_SHARE of all, or in its name) and of the other
    problems of a provider that names at most MAX_FEW (`also`)."""

    main: list[str]
    also: list[str]


def focus_of(name: str, texts: Iterable[str], vocabulary: Vocabulary) -> Focus:
    named = words_of(name)
    described = " ".join(f" {' '.join(words_of(text))} " for text in texts)
    weights = {
        concept.id: weight
        for concept in vocabulary.concepts
        if concept.about == "problem" and (weight := _weight(concept, named, described))
    }
    total = sum(weights.values())
    main = {c for c, w in weights.items() if w >= MIN_WEIGHT and w / total >= MIN_SHARE}
    also = set(weights) - main if len(weights) <= MAX_FEW else set()
    return Focus(_keywords(main, vocabulary), _keywords(also, vocabulary))


def _keywords(concepts: set[str], vocabulary: Vocabulary) -> list[str]:
    return sorted(
        {
            words_of(keyword)[0]
            for concept in vocabulary.concepts
            if concept.id in concepts
            for keyword in concept.keywords
            if len(words_of(keyword)) == 1
        }
    )


def _weight(concept: Concept, named: list[str], described: str) -> int:
    """Keywords of the concept the descriptions hold (the words of one side by side, as the
    search matches them), plus NAME_WEIGHT when the name holds one (as a word, or as the
    start of a compound word)."""
    keywords = [words for k in concept.keywords if (words := words_of(k))]
    mentions = sum(1 for words in keywords if f" {' '.join(words)} " in described)
    in_name = any(
        set(words) <= set(named)
        or (
            (len(words) == 1 and len(words[0]) >= MIN_NAME_PREFIX)
            and any(n.startswith(words[0]) for n in named)
        )
        for words in keywords
    )
    return mentions + (NAME_WEIGHT if in_name else 0)
