"""Read access for the portal: what the store holds, in shapes pages can show.

Views call these functions instead of building queries, so every query lives in the
indexer and can be tested without Flask.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from indexer.models import Contract, Municipality, Region, Team


@dataclass(frozen=True)
class RegionSummary:
    id: str
    name: str
    municipalities: int
    teams: int
    contracted_providers: int


def region_summaries(*, session: Session, today: date) -> list[RegionSummary]:
    """Every region with its municipality, team and contracted-provider counts, by name.

    Only contracts valid on `today` count: expired ones drop out without a rebuild.
    """
    municipalities = dict(
        session.exec(
            select(Municipality.region_id, func.count()).group_by(Municipality.region_id)
        ).all()
    )
    teams = dict(
        session.exec(
            select(Municipality.region_id, func.count(col(Team.id)))
            .join(Team, col(Team.municipality_code) == col(Municipality.code))
            .group_by(Municipality.region_id)
        ).all()
    )
    providers = dict(
        session.exec(
            select(Contract.region_id, func.count(func.distinct(Contract.provider_id)))
            .where(Contract.valid_from <= today)
            .where((col(Contract.valid_to).is_(None)) | (col(Contract.valid_to) >= today))
            .group_by(Contract.region_id)
        ).all()
    )
    return [
        RegionSummary(
            region.id,
            region.name,
            municipalities.get(region.id, 0),
            teams.get(region.id, 0),
            providers.get(region.id, 0),
        )
        for region in session.exec(select(Region).order_by(Region.name))
    ]
