"""Who gives the help: providers and their locations."""

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class ProviderBase(SQLModel):
    name: str
    kvk: str = ""
    agb: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    # Per locale; a provider's own translations, Dutch is the fallback (DESIGN.md §6).
    descriptions: dict[str, str] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    min_age: int | None = None
    max_age: int | None = None
    care_forms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Provider(ProviderBase, table=True):
    """A jeugdhulpaanbieder: an organisation or a solo practice."""

    id: str = Field(primary_key=True)


class Location(SQLModel, table=True):
    """An address of a provider; coordinates fall back to the PC4 centroid on import."""

    provider_id: str = Field(foreign_key="provider.id", primary_key=True)
    location_id: str = Field(primary_key=True)
    name: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    latitude: float | None = None
    longitude: float | None = None
    wheelchair_accessible: bool | None = None
