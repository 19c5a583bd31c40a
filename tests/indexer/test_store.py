"""The schema comes from migrations, and the migrations match the models."""

from alembic import command
from sqlalchemy import Engine, inspect

from indexer.store import alembic_config, migrate


def test_migrations_create_every_table_and_match_the_models(engine: Engine) -> None:
    assert {"provider", "contract", "outcome", "auditentry"} <= set(
        inspect(engine).get_table_names()
    )
    command.check(alembic_config(engine))  # raises when models and migrations differ


def test_migrating_twice_is_harmless(engine: Engine) -> None:
    migrate(engine)
    assert "region" in inspect(engine).get_table_names()
