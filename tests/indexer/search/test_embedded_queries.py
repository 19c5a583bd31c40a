"""The embedded engine asks for "any of these words" with one term query per word, as
tantivy's own term set query walks the whole dictionary on every search. The order families
see depends on the scores, so both must find the same documents with the same scores, in a
filter and in a concept's query."""

from pathlib import Path

import pytest
import tantivy

from indexer.search.embedded import EmbeddedEngine
from indexer.search.embedded.render import any_term
from indexer.search.embedded.schema import TEXT_FIELDS, build_schema
from tests.utils.documents import make_document, small_vocabulary

SCHEMA = build_schema()
DOCUMENTS = [
    make_document("een", description_nl="Angst en paniek, angst bij kinderen.", profiles=["P01"]),
    make_document("twee", description_nl="Hulp bij paniek.", profiles=["P02", "P03"]),
    make_document("drie", name="Angst Centrum", description_nl="Scheiding.", profiles=["P03"]),
    make_document("vier", description_nl="Iets anders.", region_id="zuid", profiles=["P09"]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> tantivy.Searcher:
    engine = EmbeddedEngine(Path(tmp_path_factory.mktemp("index")), small_vocabulary())
    engine.rebuild(DOCUMENTS)
    return engine._searcher_now()


def _scored(searcher: tantivy.Searcher, query: tantivy.Query) -> list[tuple[float, int]]:
    return [(score, address.doc) for score, address in searcher.search(query, 10).hits]


def _combined(occur: tantivy.Occur, queries: list[tantivy.Query]) -> tantivy.Query:
    return tantivy.Query.boolean_query([(occur, query) for query in queries])


@pytest.mark.parametrize(
    ("field", "words"),
    [("profiles", ["P03"]), ("profiles", ["P01", "P03", "P77"]), ("region_id", ["nergens"])],
)
def test_a_filter_finds_and_scores_as_a_term_set(
    searcher: tantivy.Searcher, field: str, words: list[str]
) -> None:
    ours = any_term(SCHEMA, field, words)
    theirs = tantivy.Query.term_set_query(SCHEMA, field, words)
    assert _scored(searcher, ours) == _scored(searcher, theirs)
    text = tantivy.Query.term_query(SCHEMA, "description", "paniek")  # a scored word beside it
    assert _scored(searcher, _combined(tantivy.Occur.Must, [ours, text])) == _scored(
        searcher, _combined(tantivy.Occur.Must, [theirs, text])
    )


def test_a_concept_finds_and_scores_as_a_term_set_per_field(searcher: tantivy.Searcher) -> None:
    words = ["angst", "paniek", "bang"]

    def concept(any_of) -> tantivy.Query:
        boosted = [tantivy.Query.boost_query(any_of(f), w) for f, w in TEXT_FIELDS.items()]
        return _combined(tantivy.Occur.Should, boosted)

    ours = concept(lambda field: any_term(SCHEMA, field, words))
    theirs = concept(lambda field: tantivy.Query.term_set_query(SCHEMA, field, words))
    assert len(_scored(searcher, ours)) == 3
    assert _scored(searcher, ours) == _scored(searcher, theirs)
