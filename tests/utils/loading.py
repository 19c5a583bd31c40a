"""Loading a dataset in tests and asserting what the report says, shared by the rule tests."""

from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.sources import LoadResult, load_folder
from indexer.store import make_engine, migrate
from tests.utils.datasets import add_row, snapshot

TODAY = date(2026, 11, 22)

PROVIDER_COLUMNS = (
    "provider_id, name, kvk, agb, website, email, phone, description_nl, languages, "
    "min_age, max_age, care_forms"
)
FILES = (
    "regions.csv, postcodes.csv, teams.csv, profiles.csv, intensities.csv, providers.csv, "
    "locations.csv, contracts.csv, tariffs.csv, outcomes.csv, norms.csv, waittimes.csv"
)
TABLES = FILES.replace(".csv", "")
TEAM_KINDS = "lokaal_team, ouder_kindteam, gebiedsteam, wijkteam, cjg, other"
CARE_FORMS = "ambulant, dagbehandeling, verblijf, pleegzorg, online, crisis"
NOT_IN_NL = "are latitude and longitude swapped?"


def load(engine: Engine, folder: Path) -> LoadResult:
    with Session(engine) as session:
        result = load_folder(folder, session, today=TODAY)
        session.commit()
    return result


def assert_refused(engine: Engine, folder: Path, *lines: str) -> None:
    """Loading `folder` reports exactly `lines` and writes nothing at all."""
    before = snapshot(engine)
    result = load(engine, folder)
    assert [str(problem) for problem in result.problems] == list(lines)
    assert not result.changes
    assert snapshot(engine) == before


def stored_data(engine: Engine) -> dict[str, list[tuple]]:
    """The store without its audit trail, whose timestamps differ between two loads."""
    tables = snapshot(engine)
    del tables["auditentry"]
    return tables


def fresh_engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


# A valid contract row of the minimal fixture; tests vary it with `CONTRACT | {...}`.
CONTRACT = {
    "region_id": "testregio",
    "provider_id": "rustpunt",
    "segment": "B",
    "profile_code": "P01",
    "intensity_code": "I1",
    "valid_from": "2025-01-01",
    "valid_to": "2027-12-31",
    "role": "hoofdaannemer",
}


def add_too_few_trajectories(folder: Path, **figures: str) -> None:
    """Het Opvoedhuis publishes provider-wide figures over 6 closed trajectories: below the
    minimum of 10, so its 95% may never be shown, averaged or sorted on."""
    add_row(
        folder,
        "outcomes.csv",
        region_id="testregio",
        provider_id="opvoedhuis",
        period="2025",
        closed_trajectories="6",
        goal_attainment_pct="95",
        **figures,
    )
