"""The one write path's last step: commit, then bring the search index in step.

DESIGN.md §3: every change to the store (an import, a provider's edit, a staff decision)
re-indexes exactly the providers it touched, in the same call, so nobody has to remember
`indexer build`. The store is the source of truth: the commit comes first, and an index that
cannot be updated afterwards (missing, or busy past the lock timeout) never undoes it; the
caller learns it through `IndexNotUpdated` and can say "run `indexer build`".
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.search import SearchEngine, SearchUnavailable, open_search_engine
from indexer.search.indexing import ReadDocuments, index_locks, reindex_providers, store_reader
from indexer.search.locks import IndexLocks
from indexer.settings import Settings


@dataclass(frozen=True)
class IndexSync:
    """What re-indexing needs: the engine, the writers' locks and a reader of the store."""

    engine: SearchEngine
    locks: IndexLocks
    read: ReadDocuments


class IndexNotUpdated(RuntimeError):
    """The change is stored, but the search index could not be brought in step with it."""

    def __init__(self, provider_ids: set[str], cause: Exception) -> None:
        super().__init__(
            f"search index not updated for {len(provider_ids)} provider(s): {cause}. "
            "The store holds the change; run `indexer build` to bring the index in step."
        )
        self.provider_ids = provider_ids


def index_sync(settings: Settings, store_engine: Engine, today: date) -> IndexSync:
    """The configured engine with its writer key, its locks, and documents as of `today`."""
    return IndexSync(
        open_search_engine(settings, writer=True),
        index_locks(settings),
        store_reader(store_engine, today),
    )


def commit_and_index(session: Session, provider_ids: Iterable[str], sync: IndexSync | None) -> int:
    """Commit `session`, then re-index exactly `provider_ids` (all their regions); returns
    how many providers were brought in step. With `sync` None only the commit happens (for
    tests of pure store logic). Raises IndexNotUpdated, after the commit, when the index
    cannot be written."""
    ids = set(provider_ids)
    session.commit()
    if sync is None or not ids:
        return 0
    try:
        reindex_providers(sync.engine, sync.locks, ids, sync.read)
    except SearchUnavailable as error:
        raise IndexNotUpdated(ids, error) from error
    return len(ids)


def commit_then_index(
    session: Session,
    provider_ids: Iterable[str],
    settings: Settings,
    store_engine: Engine,
    today: date,
) -> tuple[int, str]:
    """Commit a load, then re-index the providers it touched: (providers indexed, '' or why
    the index is not in step). The store is the source of truth, so an index that cannot
    be opened or written only warns; `indexer build` brings it in step."""
    ids = set(provider_ids)
    try:
        sync = index_sync(settings, store_engine, today)
    except SearchUnavailable as error:  # e.g. Meilisearch without its admin key
        session.commit()
        return 0, str(IndexNotUpdated(ids, error))
    try:
        return commit_and_index(session, ids, sync), ""
    except IndexNotUpdated as error:
        return 0, str(error)
