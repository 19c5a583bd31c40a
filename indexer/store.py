"""Opening the store: engine, sessions and schema migrations.

SQLite is the default (a single file, nothing to install); PostgreSQL is used at scale via
DATABASE_URL. The schema is only ever created by Alembic migrations, never by
`create_all`, so a deployed PostgreSQL database can be upgraded in place.

Queries that every page runs (places, teams, schemes, a provider's listing) are statements
built once at import, with `bindparam` for what changes per request: composing a select
costs SQLAlchemy more than SQLite takes to answer it (a postcode's place: 0.19 ms composed
per call, 0.06 ms prebuilt; docs/performance.md).
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for `url`, with foreign keys enforced on SQLite too."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, json_deserializer=_json_loads)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _json_loads(text: str | bytes) -> object:
    """A JSON column's value, read by orjson in four fifths of json's time (a region's
    profile and intensity names in six languages, on every results page). What json.dumps,
    which writes them, can write and orjson refuses (NaN, Infinity, a whole number beyond
    64 bits) json reads."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """Alembic configuration pointing at our migrations and at this engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is already there)."""
    command.upgrade(alembic_config(engine), "head")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back otherwise."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
