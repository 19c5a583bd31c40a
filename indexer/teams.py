"""Who helps a family first: the local team for their postcode (DESIGN.md §1)."""

from sqlalchemy import bindparam, exists
from sqlmodel import Session, col, select

from indexer.models import Postcode, Team, TeamPostcode

# Every results page shows the teams, so each question is one indexed query, built once
# (indexer/store.py): the whole-municipality teams are found without reading every team's
# postcodes.
LISTING = select(Team).where(
    col(Team.id).in_(select(TeamPostcode.team_id).where(TeamPostcode.pc4 == bindparam("pc4")))
)
WHOLE_MUNICIPALITY = select(Team).where(
    col(Team.municipality_code)
    == select(Postcode.municipality_code).where(Postcode.pc4 == bindparam("pc4")).scalar_subquery(),
    ~exists().where(col(TeamPostcode.team_id) == Team.id),
)


def teams_for_postcode(pc4: str, *, session: Session) -> list[Team]:
    """Teams that serve `pc4`: those that list it, else those serving the whole municipality
    (a team without postcodes). Several teams may share an area; all are returned by name."""
    teams = session.exec(LISTING, params={"pc4": pc4}).all()
    if not teams:
        teams = session.exec(WHOLE_MUNICIPALITY, params={"pc4": pc4}).all()
    return sorted(teams, key=lambda team: team.name)
