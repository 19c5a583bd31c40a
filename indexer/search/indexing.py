"""Bringing the search index in step with the store: a full build, or some providers.

Both go through the index locks (locks.py), so writers take turns and an update made while
a full build runs is in the index that serves after it. Documents are read from the store
*inside* the lock: whatever an update wrote to the store before it took the lock is in the
documents, and whatever a build misses was noted in its journal and is read again, fresh,
just before the build is swapped in.
"""

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.search.documents import build_documents
from indexer.search.engine import SearchEngine
from indexer.search.locks import IndexLocks
from indexer.settings import Settings

# Documents of these providers (None: of every provider) as the store holds them now.
ReadDocuments = Callable[[set[str] | None], list[dict]]


def index_locks(settings: Settings) -> IndexLocks:
    """The locks live beside the embedded index; with Meilisearch the same folder holds
    only the locks and the journal (the indexer's host must keep it)."""
    return IndexLocks(settings.index_dir, settings.index_lock_timeout_s)


def store_reader(store: Engine, today: date) -> ReadDocuments:
    def read(provider_ids: set[str] | None) -> list[dict]:
        with Session(store) as session:
            return list(build_documents(session, today, provider_ids))

    return read


def rebuild_index(
    engine: SearchEngine,
    locks: IndexLocks,
    read: ReadDocuments,
    progress: Callable[[int], None] | None = None,
) -> int:
    """A full build aside; then, under the writer lock, the providers updated meanwhile
    again from the store, and the swap. Returns the number of documents built."""
    with locks.building():
        build, count = engine.build_aside(read(None), progress)
        try:
            with locks.writing("catching up and swapping in a full build"):
                _replace(engine, locks.updated_during_build(), read, build)
                engine.publish(build)
        except BaseException:
            engine.discard(build)
            raise
    return count


def reindex_providers(
    engine: SearchEngine, locks: IndexLocks, provider_ids: Iterable[str], read: ReadDocuments
) -> int:
    """Replace these providers' documents with what the store holds now (none for a
    provider without a current contract). Returns the number of documents written."""
    ids = set(provider_ids)
    if not ids:
        return 0
    with locks.writing(f"updating {len(ids)} provider(s)"):
        written = _replace(engine, ids, read, None)
        locks.note_update(ids)
    return written


def _replace(engine: SearchEngine, ids: set[str], read: ReadDocuments, build) -> int:
    if not ids:
        return 0
    documents = read(ids)
    engine.replace_providers(ids, documents, build=build)
    return len(documents)
