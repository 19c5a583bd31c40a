"""The synthetic national dataset: national size, deterministic, and valid for the importer."""

import filecmp
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.generate import generate_national
from indexer.sources import load_folder

TODAY = date(2026, 11, 22)


def test_national_dataset_is_deterministic_and_valid(tmp_path: Path, sqlite_engine: Engine) -> None:
    counts = generate_national(tmp_path / "a", seed=7, today=TODAY)
    generate_national(tmp_path / "b", seed=7, today=TODAY)
    names = sorted(counts)
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert (mismatch, errors) == ([], []) and match == names

    assert counts["providers.csv"] == 4000
    assert counts["contracts.csv"] >= 50_000
    assert 18_000 <= counts["outcomes.csv"] <= 22_000
    assert 320 <= counts["regions.csv"] <= 360  # one row per municipality

    with Session(sqlite_engine) as session:
        result = load_folder(tmp_path / "a", session, dry_run=True, today=TODAY)
    assert result.problems == []
    assert result.changes["region"].created == 42
