"""A region's export is the import format: another store loads it as it is, and exporting
that store again gives the same bytes. It holds only what the region publishes today."""

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.accounts.service import create_admin
from indexer.exports.region import RegionExport, columns, region_export
from indexer.models import PendingChange
from indexer.sources import load_folder
from indexer.sources.specs import SPECS
from tests.utils.loading import TODAY, fresh_engine

DEMO = Path(__file__).parents[3] / "data" / "demo"
COUNTS = {
    "goal_attainment_pct": "closed_trajectories",
    "dropout_pct": "closed_trajectories",
    "satisfaction_youth": "satisfaction_youth_n",
    "satisfaction_parents": "satisfaction_parents_n",
}
REGIONS = ["amsterdam-amstelland", "eemland", "haaglanden", "zaanstreek-waterland"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = fresh_engine(tmp_path_factory.mktemp("demo") / "store.db")
    with Session(engine) as session:
        assert load_folder(DEMO, session, today=TODAY).ok
        session.commit()
    yield engine
    engine.dispose()


def export(engine: Engine, region_id: str) -> RegionExport:
    with Session(engine) as session:
        found = region_export(region_id, session=session, today=TODAY)
    assert found is not None
    return found


def unzip(data: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
    return folder


def rows(found: RegionExport, name: str) -> list[dict[str, str]]:
    return next(file.rows for file in found.files if file.name == name)


@pytest.mark.parametrize("region_id", REGIONS)
def test_an_empty_store_loads_the_export_and_exports_the_same_bytes(
    demo: Engine, region_id: str, tmp_path: Path
) -> None:
    first = export(demo, region_id)
    folder = unzip(first.as_zip(), tmp_path / "download")
    other = fresh_engine(tmp_path / "other.db")
    with Session(other) as session:
        result = load_folder(folder, session, today=TODAY)
        assert result.problems == []
        session.commit()
    again = export(other, region_id)
    other.dispose()
    assert again.as_zip() == first.as_zip()
    assert again.as_json() == first.as_json()


def test_every_file_of_the_import_format_with_its_columns(demo: Engine) -> None:
    found = export(demo, "eemland")
    with zipfile.ZipFile(io.BytesIO(found.as_zip())) as archive:
        names = archive.namelist()
        header = next(csv.reader(io.StringIO(archive.read("providers.csv").decode())))
    assert names == [f"{spec.name}.csv" for spec in SPECS]
    assert tuple(header) == columns(next(s for s in SPECS if s.name == "providers"))
    assert "description_uk" in header  # every language has a column


def test_expired_contracts_and_their_providers_stay_out(demo: Engine) -> None:
    contracts = rows(export(demo, "amsterdam-amstelland"), "contracts")
    assert contracts
    assert all(row["valid_to"] == "" or row["valid_to"] >= TODAY.isoformat() for row in contracts)
    ended = [row for row in contracts if row["provider_id"] == "jeugdhulp-de-wisselstroom"]
    assert ("P06", "I2", "2026-06-30") not in {
        (row["profile_code"], row["intensity_code"], row["valid_to"]) for row in ended
    }
    tariffs = rows(export(demo, "amsterdam-amstelland"), "tariffs")
    assert all(row["valid_to"] == "" or row["valid_to"] >= TODAY.isoformat() for row in tariffs)


def test_figures_below_the_minimum_count_are_withheld_and_the_count_stays(
    demo: Engine,
) -> None:
    outcomes = rows(export(demo, "amsterdam-amstelland"), "outcomes")
    by_key = {
        (row["provider_id"], row["period"], row["profile_code"], row["intensity_code"]): row
        for row in outcomes
    }
    small = by_key[("dubbelzicht", "2025", "P07", "I3")]  # 8 closed, 5 and 3 respondents
    assert small["closed_trajectories"] == "8"
    assert (small["goal_attainment_pct"], small["dropout_pct"]) == ("", "")
    assert (small["satisfaction_youth_n"], small["satisfaction_youth"]) == ("5", "")
    large = by_key[("brugwachter-jeugd-en-gezin", "2025", "", "")]  # 189 closed
    assert (large["goal_attainment_pct"], large["dropout_pct"]) == ("55", "20.6")
    for row in outcomes:  # the minimum is 10 in every demo region
        for figure, count in COUNTS.items():
            if int(row[count] or 0) < 10:
                assert row[figure] == "", (row, figure)


def test_accounts_pending_edits_and_the_audit_log_stay_out(demo: Engine, tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path / "store.db")
    with Session(engine) as session:
        assert load_folder(DEMO, session, today=TODAY, actor="laad-door-regio-eemland").ok
        session.commit()
        create_admin(
            "beheerder.geheim@example.org", "een lang en sterk wachtwoord", session=session
        )
        provider_id = rows(export(engine, "eemland"), "providers")[0]["provider_id"]
        session.add(
            PendingChange(
                provider_id=provider_id,
                part="descriptions",
                changes={"description_nl": ["oud", "Nog niet goedgekeurde tekst"]},
                proposed_by="beheerder.geheim@example.org",
            )
        )
        session.commit()
    found = export(engine, "eemland")
    engine.dispose()
    for data in (found.as_json(), *(file.csv_bytes() for file in found.files)):
        text = data.decode()
        for secret in ("beheerder.geheim", "Nog niet goedgekeurde", "laad-door-regio"):
            assert secret not in text


def test_an_unknown_region_has_no_export(demo: Engine) -> None:
    with Session(demo) as session:
        assert region_export("bestaat-niet", session=session, today=TODAY) is None
