"""Search: documents from the store, one contract, two engines (embedded and Meilisearch).

engine = open_search_engine(settings)            # what the settings choose
engine.rebuild(build_documents(session, today))  # the indexer
engine.search(SearchQuery(text="angst", region_id="amsterdam-amstelland"), today)
"""

from indexer.search.contract import FACETS, Hit, SearchQuery, SearchResult, Segment, Sort
from indexer.search.engine import EngineStatus, SearchEngine, SearchUnavailable
from indexer.search.places import Place, locate
from indexer.settings import Settings


def open_search_engine(settings: Settings, *, writer: bool = False) -> SearchEngine:
    """The configured engine. `writer=True` is for the indexer: with Meilisearch it uses the
    admin key; the portal gets the search-only key and can never write."""
    if settings.search_backend == "meilisearch":
        from indexer.search.meili import MeiliEngine

        key = settings.meili_admin_key if writer else settings.meili_search_key
        if not settings.meili_url or not key:
            raise SearchUnavailable(
                "SEARCH_BACKEND=meilisearch needs MEILI_URL and "
                + ("MEILI_ADMIN_KEY" if writer else "MEILI_SEARCH_KEY")
            )
        return MeiliEngine(
            settings.meili_url, key, index=settings.meili_index, timeout_s=settings.meili_timeout_s
        )
    from indexer.search.embedded import EmbeddedEngine

    return EmbeddedEngine(settings.index_dir, keep_documents=settings.keep_documents)


__all__ = [
    "FACETS",
    "EngineStatus",
    "Hit",
    "Place",
    "SearchEngine",
    "SearchQuery",
    "SearchResult",
    "SearchUnavailable",
    "Segment",
    "Sort",
    "locate",
    "open_search_engine",
]
