"""A store with the minimal dataset, on SQLite and PostgreSQL, and a real embedded index.

Edits are made the way the portal will make them: through indexer.edits with a fresh
session, the acting person's name and the index sync, then checked in the store, the audit
log and a real search.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.edits import IndexSync, index_sync
from indexer.search import SearchQuery
from indexer.search.indexing import rebuild_index
from indexer.settings import Settings
from tests.utils.loading import TODAY, load

EDITOR = "editor@rustpunt.example"
STAFF = "staff@testregio.example"


@pytest.fixture(autouse=True)
def private_index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's own index, whatever a test forgets to pass."""
    folder = tmp_path / "index"
    monkeypatch.setenv("INDEX_DIR", str(folder))
    return folder


@pytest.fixture
def store(engine: Engine, dataset: Path) -> Engine:
    """The minimal dataset (Rustpunt and Het Opvoedhuis in Testregio), loaded as of TODAY."""
    assert load(engine, dataset).ok
    return engine


def sync_for(store: Engine, folder: Path) -> IndexSync:
    settings = Settings(search_backend="embedded", index_dir=folder)
    return index_sync(settings, store, TODAY)


@pytest.fixture
def sync(store: Engine, private_index_dir: Path) -> IndexSync:
    """The embedded engine with a full index of the store, as `indexer build` leaves it."""
    made = sync_for(store, private_index_dir)
    rebuild_index(made.engine, made.locks, made.read)
    return made


def act(store: Engine, function: Callable, *args: Any, **options: Any) -> Any:
    """Call an edits function as the portal will: its own session, an actor, today."""
    options = {"actor": EDITOR, "sync": None, "today": TODAY} | options
    with Session(store) as session:
        return function(*args, session=session, **options)


def found(sync: IndexSync, **query: Any) -> dict[str, dict]:
    """Documents in Testregio matching `query`, by provider id."""
    result = sync.engine.search(SearchQuery(region_id="testregio", **query), TODAY)
    return {hit.document["provider_id"]: hit.document for hit in result.hits}
