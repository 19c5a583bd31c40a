"""totp_last_step: a second-factor code works once

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 01:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("user", sa.Column("totp_last_step", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("user", "totp_last_step")
