"""Stores to export from: the demo dataset once per session, and the minimal dataset per
test (tests/conftest.py `dataset`, loaded as of TODAY) for tests that change the store."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.hsds import export_records, write_files
from tests.utils.loading import TODAY, fresh_engine, load

DEMO = Path(__file__).parents[3] / "data" / "demo"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = fresh_engine(tmp_path_factory.mktemp("demo") / "store.db")
    assert load(engine, DEMO).ok
    yield engine
    engine.dispose()


@pytest.fixture
def minimal_store(engine: Engine, dataset: Path) -> Engine:
    """Rustpunt Jeugd and Het Opvoedhuis in Testregio, on SQLite and PostgreSQL."""
    assert load(engine, dataset).ok
    return engine


def export(store: Engine, today: date = TODAY, region_id: str | None = None) -> dict:
    with Session(store) as session:
        return export_records(session, today, region_id)


def written(records: dict, folder: Path) -> str:
    """Everything the export writes, as one text: for "appears nowhere" checks."""
    write_files(records, folder)
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.iterdir()))
