""" "Did you mean …?" for a search that found nothing: vocabulary words close to what was
typed, within twice Meilisearch's typo budget (the search itself already allowed one)."""

from indexer.search.highlight import edit_distance
from indexer.search.vocabulary import Vocabulary, words_of

MAX_SUGGESTIONS = 3


def did_you_mean(text: str, vocabulary: Vocabulary) -> list[str]:
    typed = words_of(text)
    if not typed:
        return []
    # Only the curated Dutch keywords: the vocabulary's other words include misspellings.
    candidates = {k for c in vocabulary.concepts for k in c.keywords if len(words_of(k)) == 1}
    scored = []
    for word in typed:
        limit = 2 if len(word) < 9 else 3
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and candidate != word:
                scored.append((distance, candidate))
    return [word for _, word in sorted(set(scored))[:MAX_SUGGESTIONS]]
