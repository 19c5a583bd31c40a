"""Who helps a family first: the local team for their postcode (DESIGN.md §1)."""

from sqlmodel import Session, col, select

from indexer.models import Postcode, Team, TeamPostcode


def teams_for_postcode(pc4: str, *, session: Session) -> list[Team]:
    """Teams that serve `pc4`: those that list it, else those serving the whole municipality
    (a team without postcodes). Several teams may share an area; all are returned by name."""
    listed = session.exec(
        select(Team)
        .join(TeamPostcode, col(TeamPostcode.team_id) == col(Team.id))
        .where(TeamPostcode.pc4 == pc4)
    ).all()
    if listed:
        return sorted(listed, key=lambda team: team.name)
    postcode = session.get(Postcode, pc4)
    if postcode is None:
        return []
    with_postcodes = select(TeamPostcode.team_id).distinct()
    whole = session.exec(
        select(Team)
        .where(Team.municipality_code == postcode.municipality_code)
        .where(col(Team.id).not_in(with_postcodes))
    ).all()
    return sorted(whole, key=lambda team: team.name)
