"""reminders: what `indexer remind` mailed to a provider's editors

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 00:00:00.000000

One row per provider whose listing is due (indexer/models/reminders.py).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder",
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("first_sent_on", sa.Date(), nullable=False),
        sa.Column("last_sent_on", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["provider_id"], ["provider.id"]),
        sa.PrimaryKeyConstraint("provider_id"),
    )


def downgrade() -> None:
    op.drop_table("reminder")
