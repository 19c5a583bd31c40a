"""import_runs: imports region staff upload in the browser

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09 09:00:00.000000

One row per upload: region, who, the kept files with their checksums, the state of its
check and load, and the report's digest and counts (indexer/models/imports.py).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "importrun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", text(), nullable=False),
        sa.Column("actor", text(), nullable=False),
        sa.Column("folder", text(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("status", text(), nullable=False),
        sa.Column("allow_mass_end", sa.Boolean(), nullable=False),
        sa.Column("digest", text(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("changed_since_shown", sa.Boolean(), nullable=False),
        sa.Column("notice", text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("importrun", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_importrun_region_id"), ["region_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("importrun", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_importrun_region_id"))
    op.drop_table("importrun")
