"""`indexer load` brings the search index in step: what a reload changed is found by a
search right after it, without `indexer build`; a load that cannot reach the index keeps
its data and says to run `indexer build`. Real command, real embedded index."""

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlmodel import Session

from indexer.cli import main
from indexer.models.edits import OwnedField
from indexer.search import SearchQuery
from indexer.search.embedded import EmbeddedEngine
from indexer.store import make_engine
from tests.utils.datasets import read_rows, set_cell, write_rows

TODAY = date.today()  # the command loads and indexes as of today


@pytest.fixture
def dataset(dataset: Path) -> Path:
    """The minimal dataset with contracts current whatever day the tests run."""
    path = dataset / "contracts.csv"
    write_rows(path, [row | {"valid_to": ""} for row in read_rows(path)])
    return dataset


def indexer(tmp_path: Path, *arguments: object) -> Result:
    common = ["--database-url", f"sqlite:///{tmp_path / 'store.db'}"]
    common += ["--index-dir", str(tmp_path / "index")]
    return CliRunner().invoke(main, [*common, *map(str, arguments)])


def documents(tmp_path: Path) -> dict[str, dict]:
    result = EmbeddedEngine(tmp_path / "index").search(SearchQuery(region_id="testregio"), TODAY)
    return {hit.document["provider_id"]: hit.document for hit in result.hits}


@pytest.fixture
def indexed(tmp_path: Path, dataset: Path) -> Path:
    assert indexer(tmp_path, "load", dataset).exit_code == 0
    assert indexer(tmp_path, "build").exit_code == 0
    return dataset


def test_a_changed_wait_is_found_right_after_the_load(tmp_path: Path, indexed: Path) -> None:
    assert documents(tmp_path)["rustpunt"]["wait_weeks"] == 3
    set_cell(indexed, "waittimes.csv", 2, "weeks", "11")

    result = indexer(tmp_path, "load", indexed)

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines()[-3:] == [
        "conflicts with providers' own values: 0",
        "search index: 1 provider(s) updated",
        f"{indexed}: valid; changed 1 record(s).",
    ]
    assert documents(tmp_path)["rustpunt"]["wait_weeks"] == 11


def test_a_region_level_change_reindexes_every_provider_contracted_there(
    tmp_path: Path, indexed: Path
) -> None:
    set_cell(indexed, "profiles.csv", 3, "name_nl", "Opvoeden en gezin")

    result = indexer(tmp_path, "load", indexed)

    assert "search index: 2 provider(s) updated" in result.stdout.splitlines()
    assert documents(tmp_path)["opvoedhuis"]["profile_names_nl"] == ["Opvoeden en gezin"]


def test_a_load_without_an_index_keeps_its_data_and_says_to_build(
    tmp_path: Path, dataset: Path
) -> None:
    result = indexer(tmp_path, "load", dataset)

    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: search index not updated for 2 provider(s): ")
    assert "run `indexer build`" in result.stderr
    assert "search index:" not in result.stdout
    again = indexer(tmp_path, "load", dataset)  # nothing changed: the index is not needed
    assert (again.stderr, again.stdout.splitlines()[-2:]) == (
        "",
        ["search index: 0 provider(s) updated", f"{dataset}: valid; changed 0 record(s)."],
    )


def test_conflicts_with_providers_own_values_are_counted(tmp_path: Path, indexed: Path) -> None:
    store = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    with Session(store) as session:
        session.add(OwnedField(provider_id="rustpunt", field="phone"))
        session.commit()
    store.dispose()
    set_cell(indexed, "providers.csv", 2, "phone", "020-5554433")

    result = indexer(tmp_path, "load", indexed)

    assert "conflicts with providers' own values: 1" in result.stdout.splitlines()
    assert documents(tmp_path)["rustpunt"]["phone"] == "020-1112233"


@pytest.mark.parametrize(
    ("file", "row", "column", "value"),
    [
        ("teams.csv", 3, "phone", "020-7654329"),  # a team in Amstelveen
        ("postcodes.csv", 4, "latitude", "52.31"),  # Amstelveen's PC4
        ("regions.csv", 2, "region_name", "Testregio Amstel"),
        ("tariffs.csv", 2, "tariff_eur", "2500.00"),  # a uniform tariff
    ],
)
def test_rows_about_a_region_touch_every_provider_contracted_there(
    tmp_path: Path, indexed: Path, file: str, row: int, column: str, value: str
) -> None:
    if file == "regions.csv":
        set_cell(indexed, file, 3, column, value)  # every row of the region agrees
    set_cell(indexed, file, row, column, value)

    result = indexer(tmp_path, "load", indexed)

    assert result.exit_code == 0, result.output
    assert "search index: 2 provider(s) updated" in result.stdout.splitlines()
