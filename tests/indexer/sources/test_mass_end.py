"""The mass-end guard: a contracts file that would end more than a fifth of a region's
current contracts, or all of them, is refused with the list, unless that is said to be
intended. The odd contract that stops must still end without ceremony."""

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from indexer.sources import LoadResult, load_folder
from tests.utils.datasets import add_row, read_rows, snapshot, write_rows
from tests.utils.loading import CONTRACT, TODAY, load

HOW = (
    "check that the file is complete; if these contracts really end, load again with "
    "--allow-mass-end"
)


def load_with(engine: Engine, folder: Path, **options) -> LoadResult:
    with Session(engine) as session:
        result = load_folder(folder, session, today=TODAY, **options)
        session.commit()
    return result


def add_contracts(folder: Path, *services: tuple[str, str, str, str], **values: str) -> None:
    """Contracts of testregio for (provider, segment, profile, intensity)."""
    for provider, segment, profile, intensity in services:
        service = {"provider_id": provider, "segment": segment, "profile_code": profile}
        add_row(
            folder, "contracts.csv", **CONTRACT | service | {"intensity_code": intensity} | values
        )


def drop_contracts(folder: Path, provider: str, segment: str) -> None:
    path = folder / "contracts.csv"
    rows = read_rows(path)
    write_rows(path, [r for r in rows if (r["provider_id"], r["segment"]) != (provider, segment)])


# The fixture's 3 contracts plus these make 5 current contracts in testregio.
TWO_IN_C = (("opvoedhuis", "C", "P01", "I1"), ("opvoedhuis", "C", "P01", "I2"))


def test_ending_a_fifth_of_the_contracts_needs_no_permission(engine: Engine, dataset: Path) -> None:
    add_contracts(dataset, *TWO_IN_C)
    assert load(engine, dataset).ok
    rows = read_rows(dataset / "contracts.csv")
    write_rows(dataset / "contracts.csv", rows[:-1])
    result = load(engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert result.changes["contract"].ended == 1


def test_ending_more_than_a_fifth_is_refused_unless_allowed(engine: Engine, dataset: Path) -> None:
    add_contracts(dataset, *TWO_IN_C)
    assert load(engine, dataset).ok
    before = snapshot(engine)
    drop_contracts(dataset, "opvoedhuis", "C")
    expected = [
        f"contracts.csv, column region_id: 'testregio' would lose 2 of its 5 current "
        f"contracts (more than 20%): {HOW}",
        "contracts.csv, column region_id: 'testregio' would lose its contract with "
        "opvoedhuis: segment C, profile P01, intensity I1",
        "contracts.csv, column region_id: 'testregio' would lose its contract with "
        "opvoedhuis: segment C, profile P01, intensity I2",
    ]
    for options in ({}, {"dry_run": True}):
        result = load_with(engine, dataset, **options)
        assert [str(problem) for problem in result.problems] == expected
        assert not result.changes
        assert snapshot(engine) == before

    result = load_with(engine, dataset, allow_mass_end=True)
    assert result.ok and result.changes["contract"].ended == 2


def test_only_current_contracts_count(engine: Engine, dataset: Path) -> None:
    """Expired contracts are not lost, and a contract that has not started yet is only
    removed (the region may be correcting next year's plan): neither counts. One that
    starts today is current, so removing it does."""
    add_contracts(dataset, ("opvoedhuis", "C", "P01", "I1"), valid_from="2027-01-01")
    add_contracts(
        dataset, ("opvoedhuis", "C", "P01", "I2"), valid_from="2020-01-01", valid_to="2024-12-31"
    )
    add_contracts(dataset, ("rustpunt", "C", "P01", "I1"), valid_from=TODAY.isoformat())
    assert load(engine, dataset).ok
    drop_contracts(dataset, "opvoedhuis", "C")
    result = load(engine, dataset)
    assert result.ok, [str(problem) for problem in result.problems]
    assert result.changes["contract"].removed == 1  # the future one

    drop_contracts(dataset, "rustpunt", "C")  # 1 of 4 current contracts
    assert [str(problem) for problem in load(engine, dataset).problems] == [
        f"contracts.csv, column region_id: 'testregio' would lose 1 of its 4 current "
        f"contracts (more than 20%): {HOW}",
        "contracts.csv, column region_id: 'testregio' would lose its contract with "
        "rustpunt: segment C, profile P01, intensity I1",
    ]


def add_region_west(folder: Path) -> None:
    """A second region with its own scheme and 4 contracts, 7 in the store in all."""
    add_row(
        folder,
        "regions.csv",
        region_id="west",
        region_name="West",
        municipality_code="GM0384",
        municipality_name="Diemen",
    )
    add_row(folder, "profiles.csv", region_id="west", profile_code="W1", name_nl="Opvoeden")
    add_row(folder, "intensities.csv", region_id="west", intensity_code="K", name_nl="Kort")
    west = {"region_id": "west", "profile_code": "W1", "intensity_code": "K"}
    for provider in ("rustpunt", "opvoedhuis"):
        for segment in ("B", "C"):
            service = {"provider_id": provider, "segment": segment}
            add_row(folder, "contracts.csv", **CONTRACT | west | service)


def test_the_share_is_counted_per_region(engine: Engine, dataset: Path) -> None:
    """1 of 7 contracts in all, but 1 of the 4 of region west: west would lose a quarter."""
    add_region_west(dataset)
    assert load(engine, dataset).ok
    rows = read_rows(dataset / "contracts.csv")
    write_rows(dataset / "contracts.csv", rows[:-1])
    assert [str(problem) for problem in load(engine, dataset).problems] == [
        f"contracts.csv, column region_id: 'west' would lose 1 of its 4 current contracts "
        f"(more than 20%): {HOW}",
        "contracts.csv, column region_id: 'west' would lose its contract with opvoedhuis: "
        "segment C, profile W1, intensity K",
    ]
