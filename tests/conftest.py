"""Shared fixtures: a fresh store per test, on SQLite and (where installed) PostgreSQL.

On a laptop without PostgreSQL the PostgreSQL variants skip with a reason; under CI=true
a missing server fails the run instead, so CI always proves the real thing.
"""

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from indexer.store import make_engine, migrate
from tests.utils.postgres import PostgresServer, find_binaries

FIXTURES = Path(__file__).parent / "fixtures"
_database_numbers = itertools.count()


def require(condition: bool, reason: str) -> None:
    """Skip when a real dependency is missing — except in CI, where that is a failure."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run this test for real: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Nothing a test runs (an `indexer load` that updates the index, a mail outbox) may
    write to the developer's own data folder: the default data folder is a temporary one."""
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    yield
    if before is None:
        del os.environ["XDG_DATA_HOME"]
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    binaries = find_binaries()
    require(
        binaries is not None,
        "PostgreSQL server binaries not installed (apt-get install postgresql)",
    )
    server = PostgresServer(binaries)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty store; parametrized so store tests run on both databases."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        server = request.getfixturevalue("postgres_server")
        url = server.create_database(f"test_{next(_database_numbers)}")
    engine = make_engine(url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty SQLite store, for tests about validation rather than the database."""
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A private, writable copy of the small valid dataset in tests/fixtures/minimal."""
    target = tmp_path / "dataset"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
