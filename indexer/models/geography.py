"""Where help is bought and where families live: regions, municipalities, postcodes, teams."""

from sqlmodel import Field, SQLModel

DEFAULT_MIN_OUTCOME_COUNT = 10


class RegionBase(SQLModel):
    name: str
    # Below this many closed trajectories or respondents a figure is "too few to say"
    # (DESIGN.md §5); a per-region setting because regions publish at different scales.
    min_outcome_count: int = DEFAULT_MIN_OUTCOME_COUNT
    # The region's own crisis service for youth, shown next to the national lines when a
    # search signals acute danger (portal/public/help_now.py); "" when not configured.
    crisis_name: str = ""
    crisis_phone: str = ""
    crisis_hours: str = ""


class Region(RegionBase, table=True):
    """A jeugdregio: municipalities that buy youth care together."""

    id: str = Field(primary_key=True)


class Municipality(SQLModel, table=True):
    """A gemeente, keyed by its CBS code (GM0363)."""

    code: str = Field(primary_key=True)
    name: str
    region_id: str = Field(foreign_key="region.id", index=True)


class Postcode(SQLModel, table=True):
    """A four-digit postcode area with its approximate centroid, for distance and routing."""

    pc4: str = Field(primary_key=True)
    municipality_code: str = Field(foreign_key="municipality.code", index=True)
    latitude: float
    longitude: float


class TeamBase(SQLModel):
    name: str
    kind: str
    municipality_code: str = Field(foreign_key="municipality.code", index=True)
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""


class Team(TeamBase, table=True):
    """Where families go first (lokaal team, ouder-en-kindteam, CJG ...).

    A team without TeamPostcode rows serves its whole municipality.
    """

    id: str = Field(primary_key=True)


class TeamPostcode(SQLModel, table=True):
    """One PC4 a team serves; ranges from the import are expanded to single rows."""

    team_id: str = Field(foreign_key="team.id", primary_key=True)
    pc4: str = Field(primary_key=True, index=True)
