"""Who helps a family first: the local team for their postcode (DESIGN.md §1)."""

from sqlalchemy import exists
from sqlmodel import Session, col, select

from indexer.models import Postcode, Team, TeamPostcode


def teams_for_postcode(pc4: str, *, session: Session) -> list[Team]:
    """Teams that serve `pc4`: those that list it, else those serving the whole municipality
    (a team without postcodes). Several teams may share an area; all are returned by name.

    Every results page shows the teams, so each question is one query on an index: the
    whole-municipality teams are found without reading every team's postcodes."""
    listing = select(TeamPostcode.team_id).where(TeamPostcode.pc4 == pc4)
    listed = session.exec(select(Team).where(col(Team.id).in_(listing))).all()
    if listed:
        return sorted(listed, key=lambda team: team.name)
    municipality = select(Postcode.municipality_code).where(Postcode.pc4 == pc4)
    whole = session.exec(
        select(Team).where(
            col(Team.municipality_code) == municipality.scalar_subquery(),
            ~exists().where(col(TeamPostcode.team_id) == Team.id),
        )
    ).all()
    return sorted(whole, key=lambda team: team.name)
