"""Engine-neutral filter clauses (filters.py) rendered as tantivy queries, and the ways of
combining queries that the filters and the text share."""

from collections.abc import Iterable

import tantivy

from indexer.search.embedded.schema import FLOAT_FIELDS
from indexer.search.filters import AnyOf, AtLeast, AtMost, Clause, IsTrue, WaitWithin


def render(index: tantivy.Index, clause: Clause) -> tantivy.Query:
    schema = index.schema
    match clause:
        case AnyOf(field, values):
            return any_term(schema, field, values)
        case IsTrue(field):
            return tantivy.Query.term_query(schema, field, "true")
        case AtLeast(field, value):
            return tantivy.Query.range_query(schema, field, _type(field), value, None)
        case AtMost(field, value):
            return tantivy.Query.range_query(schema, field, _type(field), None, value)
        case WaitWithin(keys, weeks, day):
            # Range queries on JSON paths exist only in tantivy's query language.
            either = " OR ".join(
                f"(profile_waits.{key}.weeks:<={int(weeks)}"
                f" AND profile_waits.{key}.fresh_until:>={int(day)})"
                for key in keys
            )
            return index.parse_query(either)
    raise TypeError(f"unknown clause {clause!r}")


def _type(field: str) -> tantivy.FieldType:
    return tantivy.FieldType.Float if field in FLOAT_FIELDS else tantivy.FieldType.Integer


def any_term(schema: tantivy.Schema, field: str, words: Iterable[str]) -> tantivy.Query:
    """Documents with any of `words` in `field`, all scoring 1.0, as tantivy's
    term_set_query does; that one walks the field's whole term dictionary on every search
    (about 0.2 ms a field, more than the rest of a search), single term queries look their
    word up."""
    terms = [
        tantivy.Query.term_query(schema, field, word, index_option="basic")
        for word in dict.fromkeys(words)
    ]
    return tantivy.Query.const_score_query(any_of(terms), 1.0)


def any_of(queries: list[tantivy.Query]) -> tantivy.Query:
    """Documents matching at least one of the queries (none when there are none)."""
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def all_of(queries: list[tantivy.Query]) -> tantivy.Query:
    """Documents matching every query."""
    if not queries:
        queries = [tantivy.Query.all_query()]
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])
