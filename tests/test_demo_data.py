"""The demo dataset `make run` loads: valid, rich enough, and only fictional providers."""

from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.catalog import region_summaries
from indexer.sources import load_folder
from tests.utils.datasets import read_rows

DEMO = Path(__file__).parent.parent / "data" / "demo"
TODAY = date(2026, 11, 22)


def test_the_demo_dataset_loads_with_four_regions_and_enough_providers(
    sqlite_engine: Engine,
) -> None:
    with Session(sqlite_engine) as session:
        result = load_folder(DEMO, session, today=TODAY)
        assert result.problems == []
        session.commit()
        summaries = {s.name: s for s in region_summaries(session=session, today=TODAY)}
    assert sorted(summaries) == [
        "Amsterdam-Amstelland",
        "Eemland",
        "Haaglanden",
        "Zaanstreek-Waterland",
    ]
    assert all(summary.contracted_providers >= 35 for summary in summaries.values())
    assert all(summary.teams >= summary.municipalities for summary in summaries.values())
    assert result.changes["provider"].created >= 80


def test_demo_providers_are_fictional_and_exercise_the_edge_cases() -> None:
    providers = read_rows(DEMO / "providers.csv")
    assert all(row["website"].endswith(".example") for row in providers)
    assert any(not row["description_en"] for row in providers)  # Dutch fallback
    outcomes = read_rows(DEMO / "outcomes.csv")
    assert any(int(row["closed_trajectories"]) < 10 for row in outcomes)  # "too few to say"
