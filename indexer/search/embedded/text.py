"""From groups of typed words (indexer.search.query_words) to tantivy queries, imitating
Meilisearch's rules.

- Typo tolerance: no typo under 5 characters, 1 from 5, 2 from 9 (Meilisearch defaults).
- Prefix search on the last word, so results follow the typing.
- Vocabulary: a word or phrase known in any language adds its Dutch keywords as
  alternatives, so "bang", "anxiety" and "kaygı" all find "angst".
Which groups must match is decided for both engines by indexer.search.relaxing.
"""

from collections.abc import Callable
from functools import lru_cache

import tantivy

from indexer.search.embedded.render import all_of, any_of, any_term
from indexer.search.embedded.schema import TEXT_FIELDS
from indexer.search.highlight import edit_distance
from indexer.search.query_words import TermGroup, typo_budget
from indexer.search.vocabulary import Vocabulary, normalise, words_of

EXACT_BOOST = 2.0  # an exact word outranks a typo or prefix match ("exactness")
# (field, word) → whether an index holds `word` in `field` (any document, live or deleted).
Held = Callable[[str, str], bool]


def group_query(
    schema: tantivy.Schema, group: TermGroup, fields: tuple[str, ...] = tuple(TEXT_FIELDS)
) -> tantivy.Query:
    """A plain word as typed (with typos and prefix); a recognised phrase as any of its
    concept's keywords, exactly, and not as typed: Meilisearch is sent only the concept's
    made-up word, so both engines find the same documents ("verdrietig" does not reach
    "verdriet" by a typo in one engine only). Keywords are curated spellings: no typo of a
    typo."""
    if not group.is_concept:
        return all_of([_word(schema, w, group.prefix, fields) for w in group.words])
    return _keywords_query(schema, group.keywords)


def concept_queries(
    schema: tantivy.Schema, vocabulary: Vocabulary, held: Held
) -> dict[tuple[str, ...], tantivy.Query]:
    """The query of every set of keywords a recognised phrase can lead to, widened ones
    included, for one index reader (`held` tells which words it holds in which field):
    they do not depend on what was typed, and a concept's query is made of a hundred or
    more parts."""
    sets = set(vocabulary.phrases.values())
    sets |= {wider for keywords in sets if (wider := vocabulary.wider(keywords))}
    return {keywords: _keywords_query(schema, keywords, held) for keywords in sets}


def _keywords_query(
    schema: tantivy.Schema, keywords: tuple[str, ...], held: Held = lambda _field, _word: True
) -> tantivy.Query:
    """A single-word keyword is looked up only in the fields that hold it (`held`): one
    nowhere in a field matches nothing there, and each look-up cost about 0.7 µs a search
    ("angst": 22 keywords in six fields, 132 look-ups, 24 of them held by the national
    index; its search 87 → 38 µs)."""
    alternatives = []
    single = sorted({k for k in keywords if len(words_of(k)) == 1})
    words = [words_of(k)[0] for k in single]
    for field, weight in TEXT_FIELDS.items():
        if in_field := [word for word in words if held(field, word)]:
            alternatives.append(
                tantivy.Query.boost_query(any_term(schema, field, in_field), weight)
            )
    for keyword in keywords:
        keyword_words = words_of(keyword)
        if len(keyword_words) > 1:
            alternatives.append(_phrase(schema, keyword_words))
    return any_of(alternatives)


def _phrase(schema: tantivy.Schema, words: list[str]) -> tantivy.Query:
    """A keyword of several words, as Meilisearch matches a synonym of several words: side
    by side. "terug naar school" is not in "gaan naar school … om naar terug te gaan"."""
    return any_of([tantivy.Query.phrase_query(schema, field, words) for field in TEXT_FIELDS])


def _word(
    schema: tantivy.Schema, word: str, prefix: bool, fields: tuple[str, ...]
) -> tantivy.Query:
    """One word in any of `fields`: exact (boosted), or within its typo budget / as prefix."""
    options = []
    for field in fields:
        weight = TEXT_FIELDS[field]
        exact = tantivy.Query.term_query(schema, field, word)
        options.append(tantivy.Query.boost_query(exact, weight * EXACT_BOOST))
        budget = typo_budget(word)
        if budget or prefix:
            fuzzy = tantivy.Query.fuzzy_term_query(schema, field, word, budget, True, prefix)
            options.append(tantivy.Query.boost_query(fuzzy, weight))
    return any_of(options)


def word_matcher(groups: list[TermGroup]) -> Callable[[str], bool]:
    """A predicate telling whether a word of a text, as written, is what `groups` matched,
    used to mark snippets exactly as the query matched. Each distinct word is decided once
    per search: the snippets of a page repeat most of their words."""
    keyword_words = {w for g in groups for k in g.keywords for w in words_of(k)}
    typed = [(word, group.prefix, typo_budget(word)) for group in groups for word in group.words]

    def matches(written: str) -> bool:
        word = _fold(written)
        if word in keyword_words:
            return True
        for query_word, prefix, budget in typed:
            if word == query_word or (prefix and word.startswith(query_word)):
                return True
            if (
                budget
                and abs(len(word) - len(query_word)) <= budget
                and edit_distance(word, query_word, budget) <= budget
            ):
                return True
        return False

    return _Decisions(matches).__getitem__


class _Decisions(dict):
    """Word as written → decision, made on first sight; looking one up costs no Python."""

    def __init__(self, decide: Callable[[str], bool]) -> None:
        super().__init__()
        self.decide = decide

    def __missing__(self, word: str) -> bool:
        self[word] = decision = self.decide(word)
        return decision


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """Folding a word costs more than deciding it; texts share most of their words."""
    return normalise(word)
