"""The embedded engine keeps the documents it has read, decoded, per index reader. A family
must never see another provider's text, or yesterday's, because of that."""

from datetime import date
from pathlib import Path

from indexer.search import SearchQuery, Sort, open_search_engine
from indexer.search.embedded import EmbeddedEngine
from indexer.settings import Settings
from tests.utils.documents import make_document, small_vocabulary

TODAY = date(2026, 11, 22)


def shown(engine: EmbeddedEngine) -> list[tuple[str, str]]:
    found = engine.search(SearchQuery(region_id="noord", sort=Sort.NAME), TODAY)
    return [(hit.document["provider_id"], hit.document["name"]) for hit in found.hits]


def test_a_new_build_shows_its_own_documents_where_the_last_ones_were_kept(
    tmp_path: Path,
) -> None:
    """A new build puts other documents at the same addresses in its segments."""
    engine = EmbeddedEngine(tmp_path, small_vocabulary())
    engine.rebuild([make_document(f"p{n}", name=f"Oud {n}") for n in range(3)])
    assert shown(engine) == [("p0", "Oud 0"), ("p1", "Oud 1"), ("p2", "Oud 2")]
    engine.rebuild([make_document(f"q{n}", name=f"Nieuw {n}") for n in range(3)])
    assert shown(engine) == [("q0", "Nieuw 0"), ("q1", "Nieuw 1"), ("q2", "Nieuw 2")]


def test_a_changed_description_shows_at_once_where_the_old_one_was_shown(
    tmp_path: Path,
) -> None:
    engine = EmbeddedEngine(tmp_path, small_vocabulary())
    engine.rebuild([make_document("p0", description_nl="Hulp bij angst.")])
    query = SearchQuery(region_id="noord")
    assert engine.search(query, TODAY).hits[0].document["description_nl"] == "Hulp bij angst."
    engine.replace_provider("p0", [make_document("p0", description_nl="Hulp bij rouw.")])
    assert engine.search(query, TODAY).hits[0].document["description_nl"] == "Hulp bij rouw."


def test_keep_documents_false_keeps_none(tmp_path: Path) -> None:
    """For a machine short of memory (KEEP_DOCUMENTS=false): the same hits, nothing kept."""
    settings = Settings(index_dir=tmp_path, keep_documents=False)
    engine = open_search_engine(settings)
    engine.rebuild([make_document(f"p{n}", name=f"Naam {n}") for n in range(3)])
    assert [name for _, name in shown(engine)] == ["Naam 0", "Naam 1", "Naam 2"]
    assert engine._tables.documents == {}
