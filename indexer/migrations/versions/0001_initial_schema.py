"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 14:33:14.293695
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "auditentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("auditentry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auditentry_entity"), ["entity"], unique=False)
        batch_op.create_index(batch_op.f("ix_auditentry_entity_key"), ["entity_key"], unique=False)

    op.create_table(
        "provider",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kvk", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("agb", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("website", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("descriptions", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("care_forms", sa.JSON(), nullable=False),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "region",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("min_outcome_count", sa.Integer(), nullable=False),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "intensity",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("descriptions", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("region_id", "code"),
    )
    op.create_table(
        "location",
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("location_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("street", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("house_number", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("postcode", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("city", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("wheelchair_accessible", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.PrimaryKeyConstraint("provider_id", "location_id"),
    )
    op.create_table(
        "municipality",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_municipality_region_id"), ["region_id"], unique=False)

    op.create_table(
        "outcome",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("profile_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("intensity_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("closed_trajectories", sa.Integer(), nullable=True),
        sa.Column("goal_attainment_pct", sa.Float(), nullable=True),
        sa.Column("dropout_pct", sa.Float(), nullable=True),
        sa.Column("satisfaction_youth", sa.Float(), nullable=True),
        sa.Column("satisfaction_youth_n", sa.Integer(), nullable=True),
        sa.Column("satisfaction_parents", sa.Float(), nullable=True),
        sa.Column("satisfaction_parents_n", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint(
            "region_id", "provider_id", "period", "profile_code", "intensity_code"
        ),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "profile",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("descriptions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("region_id", "code"),
    )
    op.create_table(
        "waittime",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("profile_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("confirmed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("region_id", "provider_id", "profile_code"),
    )
    with op.batch_alter_table("waittime", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_waittime_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "contract",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("segment", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("profile_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("intensity_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id", "intensity_code"],
            ["intensity.region_id", "intensity.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id", "profile_code"],
            ["profile.region_id", "profile.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint(
            "region_id", "provider_id", "segment", "profile_code", "intensity_code", "valid_from"
        ),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "outcomenorm",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("intensity_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("goal_attainment_min_pct", sa.Float(), nullable=True),
        sa.Column("dropout_max_pct", sa.Float(), nullable=True),
        sa.Column("satisfaction_min", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_id", "intensity_code"],
            ["intensity.region_id", "intensity.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint("region_id", "intensity_code"),
    )
    op.create_table(
        "postcode",
        sa.Column("pc4", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("municipality_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("pc4"),
    )
    with op.batch_alter_table("postcode", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_postcode_municipality_code"), ["municipality_code"], unique=False
        )

    op.create_table(
        "tariff",
        sa.Column("region_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("segment", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("profile_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("intensity_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("tariff_cents", sa.Integer(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_id", "intensity_code"],
            ["intensity.region_id", "intensity.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id", "profile_code"],
            ["profile.region_id", "profile.code"],
        ),
        sa.ForeignKeyConstraint(
            ["region_id"],
            ["region.id"],
        ),
        sa.PrimaryKeyConstraint(
            "region_id", "segment", "profile_code", "intensity_code", "provider_id", "valid_from"
        ),
    )
    op.create_table(
        "team",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("municipality_code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("website", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("opening_hours", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipality.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_municipality_code"), ["municipality_code"], unique=False
        )

    op.create_table(
        "teampostcode",
        sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pc4", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
        ),
        sa.PrimaryKeyConstraint("team_id", "pc4"),
    )
    with op.batch_alter_table("teampostcode", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teampostcode_pc4"), ["pc4"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("teampostcode", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teampostcode_pc4"))

    op.drop_table("teampostcode")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_municipality_code"))

    op.drop_table("team")
    op.drop_table("tariff")
    with op.batch_alter_table("postcode", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postcode_municipality_code"))

    op.drop_table("postcode")
    op.drop_table("outcomenorm")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_provider_id"))

    op.drop_table("contract")
    with op.batch_alter_table("waittime", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_waittime_provider_id"))

    op.drop_table("waittime")
    op.drop_table("profile")
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_provider_id"))

    op.drop_table("outcome")
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_region_id"))

    op.drop_table("municipality")
    op.drop_table("location")
    op.drop_table("intensity")
    op.drop_table("region")
    op.drop_table("provider")
    with op.batch_alter_table("auditentry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auditentry_entity_key"))
        batch_op.drop_index(batch_op.f("ix_auditentry_entity"))

    op.drop_table("auditentry")
