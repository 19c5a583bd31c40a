"""Which providers' search documents an import changed, so `indexer load` can re-index them.

A document is a provider's offer in one region (indexer/search/documents.py): it changes
when a row about the provider changes (its record, locations, contracts, own tariffs,
outcomes, wait times), when a row about a region it is contracted in changes (the
region's scheme, norms, teams, municipalities, postcodes, uniform tariffs), and when the
record of its main contractor changes (a subcontractor's document shows that name). Rows are read
from the plans after writing, so the regions of teams and postcodes are the stored ones.
"""

from sqlmodel import Session, col, select

from indexer.models import Contract, Municipality, Team
from indexer.sources.sync import Plan, Record

REGION_TABLES = {"profile", "intensity", "outcomenorm", "municipality", "tariff"}


def touched_providers(session: Session, plans: list[Plan]) -> set[str]:
    """Every provider in a changed record, every subcontractor of a changed provider record,
    and every provider with a contract in a region whose region-level rows changed."""
    providers: set[str] = set()
    records: set[str] = set()
    regions: set[str] = set()
    municipalities: set[str] = set()
    teams: set[str] = set()
    for plan in plans:
        table = plan.table.name
        for record in _changed(plan):
            if table == "provider":
                records.add(record["id"])
            elif record.get("provider_id"):
                providers.add(record["provider_id"])
            elif table in REGION_TABLES:
                regions.add(record["region_id"])
            elif table == "region":
                regions.add(record["id"])
            elif table == "teampostcode":
                teams.add(record["team_id"])
            elif "municipality_code" in record:  # teams and postcodes
                municipalities.add(record["municipality_code"])
    if records:
        providers |= records | set(
            session.exec(
                select(Contract.provider_id).where(col(Contract.main_contractor_id).in_(records))
            )
        )
    if teams:
        municipalities |= set(
            session.exec(select(Team.municipality_code).where(col(Team.id).in_(teams)))
        )
    if municipalities:
        regions |= set(
            session.exec(
                select(Municipality.region_id).where(col(Municipality.code).in_(municipalities))
            )
        )
    if regions:
        providers |= set(
            session.exec(select(Contract.provider_id).where(col(Contract.region_id).in_(regions)))
        )
    return providers


def _changed(plan: Plan) -> list[Record]:
    """Old and new versions alike: a team that moved touches both municipalities."""
    pairs = plan.updates + plan.ends
    return [*plan.creates, *plan.deletes, *(r for pair in pairs for r in pair)]
