"""The schema comes from migrations, and the migrations match the models."""

import math

from alembic import command
from sqlalchemy import Engine, inspect
from sqlmodel import Session, select

from indexer.models import AuditEntry
from indexer.store import alembic_config, migrate


def test_migrations_create_every_table_and_match_the_models(engine: Engine) -> None:
    assert {"provider", "contract", "outcome", "auditentry"} <= set(
        inspect(engine).get_table_names()
    )
    command.check(alembic_config(engine))  # raises when models and migrations differ


def test_migrating_twice_is_harmless(engine: Engine) -> None:
    migrate(engine)
    assert "region" in inspect(engine).get_table_names()


def test_json_columns_read_back_what_json_wrote(engine: Engine) -> None:
    """JSON columns are read with orjson, and with json what orjson refuses: SQLite keeps
    the NaN and Infinity json.dumps writes (PostgreSQL refuses them on the way in)."""
    changes = {"naam": 'Café "De Brug" ✓', "weken": [4, None], "tarief": 12.5, "groot": 2**70}
    if engine.dialect.name == "sqlite":
        changes |= {"onbekend": math.inf}
    with Session(engine) as session:
        session.add(
            AuditEntry(actor="test", action="update", entity="x", entity_key="1", changes=changes)
        )
        session.commit()
    with Session(engine) as session:
        assert session.exec(select(AuditEntry.changes)).one() == changes
