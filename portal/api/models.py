"""The public shapes of the API: every response is one of these models, never a raw record.

They are the contract with other systems, so they change only by adding optional fields
within /api/v1. Names are English; texts in a language carry `lang`, the language the text
is in (Dutch when the provider or region wrote none in the language asked for). Every model
forbids fields it does not declare, so the OpenAPI document (portal/api/openapi.py, built
from these models) describes exactly what is sent, and the tests hold each response to it.
"""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Shape):
    text: str
    lang: str = Field(description="Language of `text` (ISO 639-1).")


class Coded(Shape):
    """A code of the region's own scheme with its name."""

    code: str
    name: str
    lang: str = Field(description="Language of `name`.")


class Described(Coded):
    description: str
    description_lang: str = Field(description="Language of `description`.")


class RegionRef(Shape):
    id: str
    name: str
    url: str = Field(description="This region in the API.")


class ProviderRef(Shape):
    id: str
    name: str


class Contact(Shape):
    website: str
    email: str
    phone: str


class Address(Shape):
    name: str
    street: str
    house_number: str
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None


class Location(Address):
    id: str
    wheelchair_accessible: bool | None = Field(description="null when not known.")


class Wait(Shape):
    """The wait that applies to the help asked for (the chosen profiles' own, else the
    general one)."""

    weeks: int | None = Field(description="null: the provider published no wait that applies.")
    profile_code: str | None = Field(description="The profile the wait is for; null: general.")
    label: str = Field(description="Which wait this is, in the language asked for.")
    confirmed_on: date | None
    out_of_date: bool = Field(description="Not confirmed for 8 weeks or more.")


class Outcomes(Shape):
    """The newest published figures over the provider's whole offer in the region. A figure
    whose count is below the region's minimum is withheld: null, while its count stays."""

    period: str = Field(description="2025, 2025-H1 or 2025-Q3.")
    closed_trajectories: int | None
    goal_attainment_pct: float | None
    dropout_pct: float | None
    satisfaction_youth: float | None
    satisfaction_youth_n: int | None
    satisfaction_parents: float | None
    satisfaction_parents_n: int | None


class Phone(Shape):
    number: str
    tel: str = Field(description="The tel: link a phone dials.")
    note: str


class HelpLine(Shape):
    id: str = Field(description="113, veilig_thuis, 112 or region.")
    name: str
    text: str
    phones: list[Phone]
    hours: str
    chat_url: str
    chat_text: str
    name_lang: str = Field(description="nl when the name is Dutch whatever the language asked.")


class HelpNow(Shape):
    """Crisis lines first, when the words of a search signal acute danger."""

    signals: list[str]
    title: str
    intro: str
    call: str
    hours_label: str
    lines: list[HelpLine]


class Place(Shape):
    pc4: str
    municipality_code: str
    municipality_name: str
    region_id: str
    latitude: float = Field(description="Centre of the four-digit postcode area.")
    longitude: float


class Team(Shape):
    """Where a family goes first: a local team for its postcode."""

    id: str
    name: str
    kind: str = Field(
        description="lokaal_team, ouder_kindteam, gebiedsteam, wijkteam, cjg or other."
    )
    kind_label: str = Field(description="The kind in the language asked for.")
    municipality_code: str
    address: str
    phone: str
    email: str
    website: str
    opening_hours: str = Field(description="As the region wrote them, in Dutch.")
