"""main_contractor: the main contractor an onderaannemer works under

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 09:00:00.000000

Referrers must see which main contractor a subcontractor works under ("one family, one
plan", DESIGN.md §11). Stored contracts get "" (unknown) through the server default, so the
column can be added as NOT NULL on a filled table on SQLite and PostgreSQL alike.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "main_contractor_id",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_column("main_contractor_id")
