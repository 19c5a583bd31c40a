"""Index writers take turns, and nothing a provider changes is lost to a full build.

Real store (the demo data in SQLite), real engines (the embedded one always, Meilisearch
when MEILI_URL is set), real file locks; builds, updates and searches run in threads the way
separate `indexer` processes and portal workers would.
"""

import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.cli import main
from indexer.models import Provider
from indexer.search import SearchQuery
from indexer.search.indexing import rebuild_index, reindex_providers, store_reader
from indexer.search.locks import IndexBusy, IndexLocks
from tests.utils.loading import fresh_engine

DEMO = Path(__file__).parents[3] / "data" / "demo"
TODAY = date.today()  # the demo's contracts are valid now, as in `make run`


@pytest.fixture(scope="module")
def demo_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data loaded once; each test copies the file (loading takes seconds)."""
    path = tmp_path_factory.mktemp("demo") / "store.db"
    result = CliRunner().invoke(main, ["--database-url", f"sqlite:///{path}", "load", str(DEMO)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def store(demo_store_file: Path, tmp_path: Path) -> Engine:
    copy = tmp_path / "store.db"
    with sqlite3.connect(demo_store_file) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the store runs in WAL mode: copying the file is not enough
    return fresh_engine(copy)


@pytest.fixture
def locks(tmp_path: Path) -> IndexLocks:
    return IndexLocks(tmp_path / "locks", timeout_s=30)


def provider_ids(store: Engine) -> list[str]:
    with Session(store) as session:
        return sorted(session.exec(select(Provider.id)))


def rename(store: Engine, provider_id: str, name: str) -> None:
    """What a provider's edit does to the store (the write path then reindexes it)."""
    with Session(store) as session:
        provider = session.get(Provider, provider_id)
        provider.name = name
        session.add(provider)
        session.commit()


def names_in_index(engine, provider_id: str) -> set[str]:
    found = set()
    page = 1
    while True:
        result = engine.search(SearchQuery(page_size=100, page=page), TODAY)
        hits = [hit.document for hit in result.hits]
        found |= {hit["name"] for hit in hits if hit["provider_id"] == provider_id}
        if page >= result.pages:
            return found
        page += 1


def test_an_update_made_during_a_full_build_is_in_the_index_after_it(
    search_engine, store: Engine, locks: IndexLocks
) -> None:
    read = store_reader(store, TODAY)
    rebuild_index(search_engine, locks, read)
    edited = provider_ids(store)[0]

    def read_then_edit(ids: set[str] | None) -> list[dict]:
        documents = read(ids)
        if ids is None:  # the build has read the store; now a provider edits its listing
            rename(store, edited, "Nieuwe Naam Tijdens Bouw")
            reindex_providers(search_engine, locks, {edited}, read)
            assert names_in_index(search_engine, edited) == {"Nieuwe Naam Tijdens Bouw"}
        return documents

    rebuild_index(search_engine, locks, read_then_edit)

    assert names_in_index(search_engine, edited) == {"Nieuwe Naam Tijdens Bouw"}


def test_a_second_full_build_is_refused_at_once_naming_the_first(
    search_engine, store: Engine, locks: IndexLocks
) -> None:
    read = store_reader(store, TODAY)

    def read_and_start_another(ids: set[str] | None) -> list[dict]:
        with pytest.raises(IndexBusy, match=r"a full build is already running: process \d+"):
            rebuild_index(search_engine, locks, read)
        return read(ids)

    assert rebuild_index(search_engine, locks, read_and_start_another) > 0


def test_a_writer_waits_its_turn_then_gives_up_with_the_holder_named(
    search_engine, store: Engine, tmp_path: Path
) -> None:
    read = store_reader(store, TODAY)
    rebuild_index(search_engine, IndexLocks(tmp_path / "locks"), read)
    holder = IndexLocks(tmp_path / "locks")
    impatient = IndexLocks(tmp_path / "locks", timeout_s=0.3)
    some = {provider_ids(store)[0]}
    busy = r"process \d+ \(indexer update rustpunt, since .*\)"
    with holder.writing("indexer update rustpunt"), pytest.raises(IndexBusy, match=busy):
        reindex_providers(search_engine, impatient, some, read)
    assert reindex_providers(search_engine, impatient, some, read) > 0  # free again


def test_indexer_update_while_another_writes_says_so_without_a_traceback(
    store: Engine, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    common = ["--database-url", str(store.url), "--index-dir", str(index)]
    assert CliRunner().invoke(main, [*common, "build"]).exit_code == 0
    provider = provider_ids(store)[0]
    with IndexLocks(index).writing("indexer update other"):
        result = CliRunner().invoke(
            main, [*common, "update", provider], env={"INDEX_LOCK_TIMEOUT_S": "0.2"}
        )
    assert result.exit_code == 2
    assert "is being written by process" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_builds_updates_and_searches_at_once_lose_nothing(
    search_engine, store: Engine, locks: IndexLocks
) -> None:
    read = store_reader(store, TODAY)
    rebuild_index(search_engine, locks, read)
    edited = provider_ids(store)[:12]
    errors: list[BaseException] = []
    done = threading.Event()

    def guarded(work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except BaseException as error:  # collected and asserted on below
                errors.append(error)

        return run

    def builds() -> None:
        for _ in range(3):
            rebuild_index(search_engine, locks, read)

    def edits() -> None:
        for number, provider in enumerate(edited):
            rename(store, provider, f"Bijgewerkt {number}")
            reindex_providers(search_engine, locks, {provider}, read)

    def searches() -> None:
        while not done.is_set():
            assert search_engine.search(SearchQuery(text="angst"), TODAY).total > 0

    workers = [threading.Thread(target=guarded(w)) for w in (builds, edits)]
    reader = threading.Thread(target=guarded(searches))
    for thread in [*workers, reader]:
        thread.start()
    for thread in workers:
        thread.join(timeout=300)
    done.set()
    reader.join(timeout=60)

    assert errors == []
    for number, provider in enumerate(edited):
        assert names_in_index(search_engine, provider) == {f"Bijgewerkt {number}"}
