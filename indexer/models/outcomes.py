"""What a region publishes about results: outcomes, norms and wait times."""

from datetime import date

from sqlalchemy import ForeignKeyConstraint, Index
from sqlmodel import Field, SQLModel


class Outcome(SQLModel, table=True):
    """Published figures for one provider in one region and period.

    profile_code / intensity_code are "" for figures over the provider's whole offer. Every
    figure is optional: regions publish what they measured, and a missing figure must stay
    missing rather than become a zero.
    """

    # The regional averages beside every figure read one period × profile × intensity.
    __table_args__ = (
        Index("ix_outcome_region_period", "region_id", "period", "profile_code", "intensity_code"),
    )

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", primary_key=True, index=True)
    period: str = Field(primary_key=True)
    profile_code: str = Field(default="", primary_key=True)
    intensity_code: str = Field(default="", primary_key=True)
    closed_trajectories: int | None = None
    goal_attainment_pct: float | None = None
    dropout_pct: float | None = None
    satisfaction_youth: float | None = None
    satisfaction_youth_n: int | None = None
    satisfaction_parents: float | None = None
    satisfaction_parents_n: int | None = None


class OutcomeNorm(SQLModel, table=True):
    """A region's minimum/maximum per intensity, shown next to every figure."""

    __table_args__ = (
        ForeignKeyConstraint(
            ["region_id", "intensity_code"], ["intensity.region_id", "intensity.code"]
        ),
    )

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    intensity_code: str = Field(primary_key=True)
    goal_attainment_min_pct: float | None = None
    dropout_max_pct: float | None = None
    satisfaction_min: float | None = None


class WaitTime(SQLModel, table=True):
    """Weeks until help starts, with the date the provider last confirmed it."""

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", primary_key=True, index=True)
    profile_code: str = Field(default="", primary_key=True)
    weeks: int
    confirmed_on: date
