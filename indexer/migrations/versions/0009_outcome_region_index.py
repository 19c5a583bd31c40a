"""outcome_region_index: the regional averages found by index

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 10:00:00.000000

Every provider page shows each figure beside the region's average for the same period,
profile and intensity (indexer/listing.py). The primary key starts with the provider after
the region, so that sum read every outcome row of the region; this index finds the rows of
one period × profile × intensity directly.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = ["region_id", "period", "profile_code", "intensity_code"]


def upgrade() -> None:
    op.create_index("ix_outcome_region_period", "outcome", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_outcome_region_period", table_name="outcome")
