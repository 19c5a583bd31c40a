"""What a region buys: support profiles, intensities, contracts and tariffs."""

from datetime import date

from sqlalchemy import JSON, Column, ForeignKeyConstraint
from sqlmodel import Field, SQLModel


class Profile(SQLModel, table=True):
    """An ondersteuningsprofiel; every region has its own scheme, so the key includes it.

    Names and descriptions are per locale ({"nl": ..., "en": ...}) because the import may
    carry any supported language as extra `name_<lang>` columns.
    """

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    code: str = Field(primary_key=True)
    names: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    descriptions: dict[str, str] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )


class Intensity(SQLModel, table=True):
    """An intensiteit: expected duration and scope of help, ordered from light to heavy."""

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    code: str = Field(primary_key=True)
    names: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    descriptions: dict[str, str] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    sort_order: int = 0


def _profile_and_intensity_keys() -> tuple[ForeignKeyConstraint, ForeignKeyConstraint]:
    """Composite references into the region's own scheme, shared by several tables."""
    return (
        ForeignKeyConstraint(["region_id", "profile_code"], ["profile.region_id", "profile.code"]),
        ForeignKeyConstraint(
            ["region_id", "intensity_code"], ["intensity.region_id", "intensity.code"]
        ),
    )


class Contract(SQLModel, table=True):
    """Provider × region × segment × profile × intensity over a validity period."""

    __table_args__ = _profile_and_intensity_keys()

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    provider_id: str = Field(foreign_key="provider.id", primary_key=True, index=True)
    segment: str = Field(primary_key=True)
    profile_code: str = Field(primary_key=True)
    intensity_code: str = Field(primary_key=True)
    valid_from: date = Field(primary_key=True)
    valid_to: date | None = None
    role: str = "hoofdaannemer"
    # For an onderaannemer: the provider whose plan it works in ("one family, one plan").
    # Empty when unknown; no foreign key, because "" names no provider (the import checks it).
    main_contractor_id: str = Field(default="", sa_column_kwargs={"server_default": ""})


class Tariff(SQLModel, table=True):
    """A price per profile × intensity: uniform per region in segment B (provider_id ""),
    per provider in segment C. Stored in cents to keep money exact on every database."""

    region_id: str = Field(foreign_key="region.id", primary_key=True)
    segment: str = Field(primary_key=True)
    profile_code: str = Field(primary_key=True)
    intensity_code: str = Field(primary_key=True)
    provider_id: str = Field(default="", primary_key=True)
    valid_from: date = Field(primary_key=True)
    valid_to: date | None = None
    tariff_cents: int
    unit: str

    __table_args__ = _profile_and_intensity_keys()
