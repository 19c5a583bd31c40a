"""A portal app per test, on its own freshly loaded SQLite store and embedded index."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.search.documents import build_documents
from indexer.search.embedded import EmbeddedEngine
from indexer.sources import load_folder
from portal import create_app
from tests.utils.loading import TODAY


@pytest.fixture
def app_config(sqlite_engine: Engine, dataset: Path, tmp_path: Path) -> dict[str, Any]:
    """Settings for an app on the minimal dataset (tests/fixtures/minimal), loaded and
    indexed for today; tests of other settings (production, PUBLIC_URL) add theirs."""
    with Session(sqlite_engine) as session:
        assert load_folder(dataset, session, today=TODAY).ok
        session.commit()
        EmbeddedEngine(tmp_path / "index").rebuild(build_documents(session, TODAY))
    return {
        "database_url": str(sqlite_engine.url),
        "index_dir": tmp_path / "index",
        "app_env": "test",
        "secret_key": "test-secret",
    }


@pytest.fixture
def app(app_config: dict[str, Any]) -> Iterator[Flask]:
    yield fixed_day(create_app(app_config))


def fixed_day(app: Flask) -> Flask:
    """Judge contracts and wait freshness on the tests' day, not the calendar's."""
    app.config["TODAY"] = TODAY
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
