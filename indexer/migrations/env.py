"""Alembic environment: runs migrations on the engine handed over by indexer.store.

For `alembic revision --autogenerate` from the command line (alembic.ini at the repository
root), the engine comes from DATABASE_URL via the shared settings instead.
"""

from alembic import context
from sqlmodel import SQLModel

import indexer.models  # noqa: F401  (registers every table on SQLModel.metadata)
from indexer.settings import Settings
from indexer.store import make_engine

engine = context.config.attributes.get("engine") or make_engine(Settings().database_url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
