"""A portal app per test, on its own freshly loaded SQLite store."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.sources import load_folder
from portal import create_app


@pytest.fixture
def app(sqlite_engine: Engine, dataset: Path) -> Iterator[Flask]:
    with Session(sqlite_engine) as session:
        assert load_folder(dataset, session).ok
        session.commit()
    yield create_app(
        {"database_url": str(sqlite_engine.url), "app_env": "test", "secret_key": "test-secret"}
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
