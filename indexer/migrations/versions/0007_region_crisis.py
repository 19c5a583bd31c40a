"""region_crisis: a region's own crisis service (name, phone, hours)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 09:00:00.000000

A family whose search signals acute danger sees the national lines and, where the region
has configured one, its own crisis service (regions.csv crisis_name, crisis_phone,
crisis_hours). Stored regions get "" (not configured) through the server default, so the
columns can be added as NOT NULL on a filled table on SQLite and PostgreSQL alike.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = ("crisis_name", "crisis_phone", "crisis_hours")


def upgrade() -> None:
    with op.batch_alter_table("region", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(
                sa.Column(
                    name, sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
                )
            )


def downgrade() -> None:
    with op.batch_alter_table("region", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
