"""accounts: users, their providers and regions, used one-time links

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 00:19:46.614014

Timestamps are plain `DateTime(timezone=True)` columns; the model's `UTCDateTime` only
changes how values are read and written, not the column.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "usedtoken",
        sa.Column("token_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_id"),
    )
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("totp_secret", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_email"), ["email"], unique=True)

    op.create_table(
        "providereditor",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["provider_id"], ["provider.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("user_id", "provider_id"),
    )
    with op.batch_alter_table("providereditor", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_providereditor_provider_id"), ["provider_id"], unique=False
        )

    op.create_table(
        "regionstaff",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("user_id", "region_id"),
    )
    with op.batch_alter_table("regionstaff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regionstaff_region_id"), ["region_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("regionstaff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regionstaff_region_id"))

    op.drop_table("regionstaff")
    with op.batch_alter_table("providereditor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_providereditor_provider_id"))

    op.drop_table("providereditor")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_email"))

    op.drop_table("user")
    op.drop_table("usedtoken")
