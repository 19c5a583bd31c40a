"""The embedded engine has two ways to a page in name order (tantivy's own order, and each
document's place kept per index reader) and takes the cheaper one; both must give the same
pages, equal names included, or a family paging through results would see a provider twice
or never."""

from datetime import date
from pathlib import Path

import pytest

from indexer.search import SearchQuery, Sort
from indexer.search.embedded import EmbeddedEngine
from indexer.search.embedded import engine as embedded
from tests.utils.documents import make_document, small_vocabulary

TODAY = date(2026, 11, 22)
# Twelve providers in two regions; "Zon" and "Maan" appear in both regions (equal names).
NAMES = ["Zon", "Maan", "Ster", "aarde", "Ëiland", "Berg", "Zon", "Maan", "Rivier", "Bos"]
DOCUMENTS = [
    make_document(f"p{number}", name=name, region_id="noord" if number < 6 else "zuid")
    for number, name in enumerate(NAMES)
] + [make_document("p10", name="Dal", region_id="zuid"), make_document("p11", name="Wei")]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedEngine:
    engine = EmbeddedEngine(Path(tmp_path_factory.mktemp("index")), small_vocabulary())
    engine.rebuild(DOCUMENTS)
    return engine


def pages(engine: EmbeddedEngine, **query) -> list[list[str]]:
    return [
        [hit.id for hit in engine.search(SearchQuery(page=page, **query), TODAY).hits]
        for page in range(1, 6)
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"sort": Sort.NAME, "page_size": 3},
        {"sort": Sort.NAME, "page_size": 2, "region_id": "zuid"},
        {"page_size": 4},  # a search without words is in name order
    ],
)
def test_tantivys_name_order_and_the_kept_places_give_the_same_pages(
    engine: EmbeddedEngine, query: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "PLACES_PER_HIT", 0)  # always tantivy's order
    by_tantivy = pages(engine, **query)
    monkeypatch.setattr(embedded, "PLACES_PER_HIT", 1_000)  # always the kept places
    by_places = pages(engine, **query)
    assert by_places == by_tantivy
    shown = [hit for page in by_places for hit in page]
    assert len(shown) == len(set(shown)) > 4  # every match once, over several pages
