"""Engine-neutral filter clauses (filters.py) rendered as tantivy queries."""

import tantivy

from indexer.search.embedded.schema import FLOAT_FIELDS
from indexer.search.filters import AnyOf, AtLeast, AtMost, Clause, IsTrue, WaitWithin


def render(index: tantivy.Index, clause: Clause) -> tantivy.Query:
    schema = index.schema
    match clause:
        case AnyOf(field, values):
            return tantivy.Query.term_set_query(schema, field, list(values))
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


def all_of(queries: list[tantivy.Query]) -> tantivy.Query:
    """Documents matching every query."""
    if not queries:
        queries = [tantivy.Query.all_query()]
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])
