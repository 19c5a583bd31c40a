"""Rules across rows and files: references, duplicate keys, overlapping periods."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.utils.datasets import (
    add_row,
    set_cell,
)
from tests.utils.loading import (
    CONTRACT,
    assert_refused,
    load,
)

# --- References, keys and rules across rows and files --------------------------------------

REFERENCE_RULES = [
    (
        "contracts.csv",
        3,
        "provider_id",
        "nobody",
        ["contracts.csv, row 3, column provider_id: 'nobody' is not a known provider"],
    ),
    (
        "waittimes.csv",
        2,
        "provider_id",
        "nobody",
        ["waittimes.csv, row 2, column provider_id: 'nobody' is not a known provider"],
    ),
    (
        "locations.csv",
        2,
        "provider_id",
        "nobody",
        ["locations.csv, row 2, column provider_id: 'nobody' is not a known provider"],
    ),
    (
        "profiles.csv",
        2,
        "region_id",
        "elders",
        [
            # P01 is now a profile of region "elders", so testregio's rows lose it.
            "contracts.csv, row 2, column profile_code: 'P01' is not a known profile in "
            "region testregio",
            "contracts.csv, row 3, column profile_code: 'P01' is not a known profile in "
            "region testregio",
            "profiles.csv, row 2, column region_id: 'elders' is not a known region",
            "tariffs.csv, row 2, column profile_code: 'P01' is not a known profile in "
            "region testregio",
            "tariffs.csv, row 3, column profile_code: 'P01' is not a known profile in "
            "region testregio",
        ],
    ),
    (
        "norms.csv",
        2,
        "region_id",
        "elders",
        [
            "norms.csv, row 2, column intensity_code: 'I1' is not a known intensity in "
            "region elders",
            "norms.csv, row 2, column region_id: 'elders' is not a known region",
        ],
    ),
    (
        "contracts.csv",
        4,
        "profile_code",
        "P99",
        [
            "contracts.csv, row 4, column profile_code: 'P99' is not a known profile in "
            "region testregio"
        ],
    ),
    (
        "outcomes.csv",
        3,
        "profile_code",
        "P99",
        [
            "outcomes.csv, row 3, column profile_code: 'P99' is not a known profile in "
            "region testregio"
        ],
    ),
    (
        "tariffs.csv",
        2,
        "intensity_code",
        "I9",
        [
            "tariffs.csv, row 2, column intensity_code: 'I9' is not a known intensity in "
            "region testregio"
        ],
    ),
    (
        "norms.csv",
        3,
        "intensity_code",
        "I9",
        [
            "norms.csv, row 3, column intensity_code: 'I9' is not a known intensity in "
            "region testregio"
        ],
    ),
    (
        "postcodes.csv",
        4,
        "municipality_code",
        "GM0999",
        ["postcodes.csv, row 4, column municipality_code: 'GM0999' is not a known municipality"],
    ),
    (
        "teams.csv",
        3,
        "municipality_code",
        "384",
        ["teams.csv, row 3, column municipality_code: 'GM0384' is not a known municipality"],
    ),
    (
        "regions.csv",
        3,
        "region_name",
        "Test-regio",
        [
            "regions.csv, row 3, column region_name: 'Test-regio' differs from row 2 for the "
            "same region"
        ],
    ),
    (
        "locations.csv",
        3,
        "postcode",
        "9999 ZZ",
        [
            "locations.csv, row 3, column postcode: '9999 ZZ' has no latitude/longitude and its "
            "PC4 is not in postcodes"
        ],
    ),
]


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "lines"),
    REFERENCE_RULES,
    ids=[f"{file}:{column}={value!r}" for file, _, column, value, _ in REFERENCE_RULES],
)
def test_a_broken_reference_is_reported_and_nothing_is_written(
    sqlite_engine: Engine,
    dataset: Path,
    file: str,
    row: int,
    column: str,
    value: str,
    lines: list[str],
) -> None:
    set_cell(dataset, file, row, column, value)
    assert_refused(sqlite_engine, dataset, *lines)


def test_a_reference_to_a_stored_provider_is_accepted_but_not_to_an_unknown_one(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    assert load(sqlite_engine, dataset).ok
    only = tmp_path / "only-waittimes"
    only.mkdir()
    shutil.copy(dataset / "waittimes.csv", only)
    set_cell(only, "waittimes.csv", 2, "weeks", "4")
    assert load(sqlite_engine, only).ok
    set_cell(only, "waittimes.csv", 3, "provider_id", "nobody")
    assert_refused(
        sqlite_engine,
        only,
        "waittimes.csv, row 3, column provider_id: 'nobody' is not a known provider",
    )


def test_a_duplicate_contract_is_reported_once(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(dataset, "contracts.csv", **CONTRACT | {"segment": "b", "valid_from": "01-01-2025"})
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.csv, row 5: duplicates row 2 (region_id=testregio, provider_id=rustpunt, "
        "segment=B, profile_code=P01, intensity_code=I1, valid_from=2025-01-01)",
    )


def test_a_duplicate_provider_is_reported(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(dataset, "providers.csv", provider_id="opvoedhuis", name="Opvoedhuis (kopie)")
    assert_refused(
        sqlite_engine, dataset, "providers.csv, row 4: duplicates row 3 (provider_id=opvoedhuis)"
    )


def test_a_municipality_in_two_rows_is_a_duplicate_even_when_written_differently(
    sqlite_engine: Engine, dataset: Path
) -> None:
    add_row(
        dataset,
        "regions.csv",
        region_id="testregio",
        region_name="Testregio",
        municipality_code="363",
        municipality_name="Amsterdam",
    )
    assert_refused(
        sqlite_engine, dataset, "regions.csv, row 4: duplicates row 2 (municipality_code=GM0363)"
    )


def test_a_duplicate_postcode_is_reported(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(
        dataset,
        "postcodes.csv",
        pc4="1012",
        municipality_code="GM0363",
        latitude="52.37",
        longitude="4.89",
    )
    assert_refused(sqlite_engine, dataset, "postcodes.csv, row 5: duplicates row 3 (pc4=1012)")


def test_overlapping_contract_periods_are_refused(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(dataset, "contracts.csv", **CONTRACT | {"valid_from": "2027-12-31", "valid_to": ""})
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.csv, row 5, column valid_from: '2027-12-31' overlaps the period of row 2 "
        "for the same offer",
    )


def test_an_open_ended_contract_overlaps_every_later_one(
    sqlite_engine: Engine, dataset: Path
) -> None:
    set_cell(dataset, "contracts.csv", 2, "valid_to", "")
    add_row(dataset, "contracts.csv", **CONTRACT | {"valid_from": "2030-01-01", "valid_to": ""})
    assert_refused(
        sqlite_engine,
        dataset,
        "contracts.csv, row 5, column valid_from: '2030-01-01' overlaps the period of row 2 "
        "for the same offer",
    )


def test_consecutive_contract_periods_are_accepted(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(dataset, "contracts.csv", **CONTRACT | {"valid_from": "2028-01-01", "valid_to": ""})
    result = load(sqlite_engine, dataset)
    assert result.ok, result.problems
    assert result.changes["contract"].created == 4


def test_overlapping_tariff_periods_are_refused(sqlite_engine: Engine, dataset: Path) -> None:
    add_row(
        dataset,
        "tariffs.csv",
        region_id="testregio",
        segment="B",
        profile_code="P02",
        intensity_code="I1",
        tariff_eur="1900",
        unit="traject",
        valid_from="2027-07-01",
    )
    assert_refused(
        sqlite_engine,
        dataset,
        "tariffs.csv, row 5, column valid_from: '2027-07-01' overlaps the period of row 4 "
        "for the same offer",
    )


def test_a_segment_c_tariff_needs_a_provider(sqlite_engine: Engine, dataset: Path) -> None:
    c_tariff = {
        "region_id": "testregio",
        "segment": "C",
        "profile_code": "P01",
        "intensity_code": "I1",
        "tariff_eur": "3100",
        "unit": "traject",
        "valid_from": "2025-01-01",
    }
    add_row(dataset, "tariffs.csv", **c_tariff)
    assert_refused(
        sqlite_engine,
        dataset,
        "tariffs.csv, row 5, column provider_id: is empty: a segment C tariff is agreed per "
        "provider",
    )
    set_cell(dataset, "tariffs.csv", 5, "provider_id", "rustpunt")
    assert load(sqlite_engine, dataset).ok
