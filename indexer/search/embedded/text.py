"""From groups of typed words (indexer.search.query_words) to tantivy queries, imitating
Meilisearch's rules.

- Typo tolerance: no typo under 5 characters, 1 from 5, 2 from 9 (Meilisearch defaults).
- Prefix search on the last word, so results follow the typing.
- Vocabulary: a word or phrase known in any language adds its Dutch keywords as
  alternatives, so "bang", "anxiety" and "kaygı" all find "angst".
Which groups must match is decided for both engines by indexer.search.relaxing.
"""

from functools import lru_cache

import tantivy

from indexer.search.embedded.schema import TEXT_FIELDS
from indexer.search.highlight import edit_distance
from indexer.search.query_words import TermGroup, typo_budget
from indexer.search.vocabulary import words_of

EXACT_BOOST = 2.0  # an exact word outranks a typo or prefix match ("exactness")


def group_query(
    schema: tantivy.Schema, group: TermGroup, fields: tuple[str, ...] = tuple(TEXT_FIELDS)
) -> tantivy.Query:
    """A plain word as typed (with typos and prefix); a recognised phrase as any of its
    concept's keywords, exactly, and not as typed: Meilisearch is sent only the concept's
    made-up word, so both engines find the same documents ("verdrietig" does not reach
    "verdriet" by a typo in one engine only). Keywords are curated spellings: no typo of a
    typo."""
    if not group.is_concept:
        return _all_of([_word(schema, w, group.prefix, fields) for w in group.words])
    alternatives = []
    single = sorted({k for k in group.keywords if len(words_of(k)) == 1})
    if single:
        words = [words_of(k)[0] for k in single]
        alternatives += [
            tantivy.Query.boost_query(tantivy.Query.term_set_query(schema, field, words), weight)
            for field, weight in TEXT_FIELDS.items()
        ]
    for keyword in group.keywords:
        keyword_words = words_of(keyword)
        if len(keyword_words) > 1:
            alternatives.append(_phrase(schema, keyword_words))
    return _any_of(alternatives)


def _phrase(schema: tantivy.Schema, words: list[str]) -> tantivy.Query:
    """A keyword of several words, as Meilisearch matches a synonym of several words: side
    by side. "terug naar school" is not in "gaan naar school … om naar terug te gaan"."""
    return _any_of([tantivy.Query.phrase_query(schema, field, words) for field in TEXT_FIELDS])


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
    return _any_of(options)


def _any_of(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def _all_of(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])


def word_matcher(groups: list[TermGroup]):
    """A predicate telling whether a normalised word of a text is what `groups` matched,
    used to mark snippets exactly as the query matched."""
    keyword_words = {w for g in groups for k in g.keywords for w in words_of(k)}

    @lru_cache(maxsize=4096)
    def matches(word: str) -> bool:
        if word in keyword_words:
            return True
        for group in groups:
            for query_word in group.words:
                budget = typo_budget(query_word)
                if word == query_word or (group.prefix and word.startswith(query_word)):
                    return True
                if budget and edit_distance(word, query_word, budget) <= budget:
                    return True
        return False

    return matches
