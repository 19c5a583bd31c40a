"""One broken cell per import rule: the exact report line a region's staff reads, and a
store left untouched."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.utils.datasets import (
    set_cell,
)
from tests.utils.loading import (
    CARE_FORMS,
    NOT_IN_NL,
    TEAM_KINDS,
    assert_refused,
    load,
)


def test_the_fixture_is_valid(sqlite_engine: Engine, dataset: Path) -> None:
    """The premise of every test below: only the edit each one makes is wrong."""
    assert load(sqlite_engine, dataset).ok


# --- One cell, one rule ------------------------------------------------------------------

CELL_RULES = [
    # (file, row, column, bad value, report line)
    (
        "contracts.csv",
        2,
        "provider_id",
        "",
        "contracts.csv, row 2, column provider_id: is empty",
    ),
    (
        "profiles.csv",
        3,
        "name_nl",
        "",
        "profiles.csv, row 3, column name_nl: is empty",
    ),
    (
        "contracts.csv",
        3,
        "provider_id",
        "rust punt",
        "contracts.csv, row 3, column provider_id: 'rust punt' is not a valid code: "
        "use letters, digits, '-', '_' or '.' only",
    ),
    (
        "postcodes.csv",
        2,
        "pc4",
        "0123",
        "postcodes.csv, row 2, column pc4: '0123' is not a four-digit postcode (1000-9999)",
    ),
    (
        "postcodes.csv",
        4,
        "pc4",
        "118",
        "postcodes.csv, row 4, column pc4: '118' is not a four-digit postcode (1000-9999)",
    ),
    (
        "teams.csv",
        2,
        "pc4",
        "1011-1012; 99",
        "teams.csv, row 2, column pc4: '1011-1012; 99' is not a four-digit postcode (1000-9999)",
    ),
    (
        "teams.csv",
        2,
        "pc4",
        "1020; 1018-1011",
        "teams.csv, row 2, column pc4: '1020; 1018-1011' contains range 1018-1011, "
        "which runs backwards",
    ),
    (
        "locations.csv",
        2,
        "postcode",
        "1011",
        "locations.csv, row 2, column postcode: '1011' is not a Dutch postcode like 1011 AB",
    ),
    (
        "locations.csv",
        3,
        "postcode",
        "1181 SS",
        "locations.csv, row 3, column postcode: '1181 SS' is not a Dutch postcode like 1011 AB",
    ),
    (
        "regions.csv",
        2,
        "municipality_code",
        "Amsterdam",
        "regions.csv, row 2, column municipality_code: 'Amsterdam' is not a CBS municipality "
        "code like GM0363",
    ),
    (
        "teams.csv",
        3,
        "municipality_code",
        "GM03620",
        "teams.csv, row 3, column municipality_code: 'GM03620' is not a CBS municipality "
        "code like GM0363",
    ),
    (
        "contracts.csv",
        2,
        "valid_from",
        "2025-13-01",
        "contracts.csv, row 2, column valid_from: '2025-13-01' is not a date: "
        "use 2026-01-31 or 31-01-2026",
    ),
    (
        "contracts.csv",
        3,
        "valid_to",
        "0031-12-31",
        "contracts.csv, row 3, column valid_to: '0031-12-31' has an implausible year: "
        "use 2026-01-31 or 31-01-2026",
    ),
    (
        "tariffs.csv",
        4,
        "valid_to",
        "31-02-2027",
        "tariffs.csv, row 4, column valid_to: '31-02-2027' is not a date: "
        "use 2026-01-31 or 31-01-2026",
    ),
    (
        "waittimes.csv",
        2,
        "confirmed_on",
        "vorige week",
        "waittimes.csv, row 2, column confirmed_on: 'vorige week' is not a date: "
        "use 2026-01-31 or 31-01-2026",
    ),
    (
        "contracts.csv",
        2,
        "valid_from",
        "01-01-2028",
        "contracts.csv, row 2, column valid_from: '2028-01-01' is after valid_to (2027-12-31)",
    ),
    (
        "tariffs.csv",
        3,
        "valid_to",
        "2024-12-31",
        "tariffs.csv, row 3, column valid_from: '2025-01-01' is after valid_to (2024-12-31)",
    ),
    (
        "outcomes.csv",
        2,
        "goal_attainment_pct",
        "101",
        "outcomes.csv, row 2, column goal_attainment_pct: '101' is outside 0-100: a percentage",
    ),
    (
        "outcomes.csv",
        3,
        "dropout_pct",
        "-1%",
        "outcomes.csv, row 3, column dropout_pct: '-1%' is outside 0-100: a percentage",
    ),
    (
        "norms.csv",
        2,
        "goal_attainment_min_pct",
        "170",
        "norms.csv, row 2, column goal_attainment_min_pct: '170' is outside 0-100: a percentage",
    ),
    (
        "outcomes.csv",
        2,
        "goal_attainment_pct",
        "veel",
        "outcomes.csv, row 2, column goal_attainment_pct: 'veel' is not a number",
    ),
    (
        "outcomes.csv",
        2,
        "satisfaction_youth",
        "11",
        "outcomes.csv, row 2, column satisfaction_youth: '11' is outside 0-10: a satisfaction mark",
    ),
    (
        "norms.csv",
        3,
        "satisfaction_min",
        "10,5",
        "norms.csv, row 3, column satisfaction_min: '10,5' is outside 0-10: a satisfaction mark",
    ),
    (
        "outcomes.csv",
        2,
        "closed_trajectories",
        "-64",
        "outcomes.csv, row 2, column closed_trajectories: '-64' is negative: "
        "a count cannot be below 0",
    ),
    (
        "outcomes.csv",
        2,
        "satisfaction_parents_n",
        "-1",
        "outcomes.csv, row 2, column satisfaction_parents_n: '-1' is negative: "
        "a count cannot be below 0",
    ),
    (
        "waittimes.csv",
        3,
        "weeks",
        "-2",
        "waittimes.csv, row 3, column weeks: '-2' is negative: a count cannot be below 0",
    ),
    (
        "waittimes.csv",
        3,
        "weeks",
        "99999999999",
        "waittimes.csv, row 3, column weeks: '99999999999' is more than 2147483647, "
        "the largest whole number stored",
    ),
    (
        "intensities.csv",
        2,
        "sort_order",
        "9" * 5000,
        "intensities.csv, row 2, column sort_order: '" + "9" * 59 + "…' is more than "
        "2147483647, the largest whole number stored",  # once a crash: Python reads 4,300 digits
    ),
    (
        "outcomes.csv",
        3,
        "closed_trajectories",
        "6.5",
        "outcomes.csv, row 3, column closed_trajectories: '6.5' is not a whole number",
    ),
    (
        "intensities.csv",
        2,
        "sort_order",
        "eerste",
        "intensities.csv, row 2, column sort_order: 'eerste' is not a whole number",
    ),
    (
        "providers.csv",
        2,
        "max_age",
        "30",
        "providers.csv, row 2, column max_age: '30' is not an age from 0 to 27",
    ),
    (
        "providers.csv",
        3,
        "min_age",
        "-1",
        "providers.csv, row 3, column min_age: '-1' is not an age from 0 to 27",
    ),
    (
        "providers.csv",
        2,
        "min_age",
        "19",
        "providers.csv, row 2, column min_age: '19' is above max_age (18)",
    ),
    (
        "providers.csv",
        2,
        "care_forms",
        "ambulant;thuis",
        f"providers.csv, row 2, column care_forms: 'ambulant;thuis' contains 'thuis', "
        f"which is not one of: {CARE_FORMS}",
    ),
    (
        "providers.csv",
        3,
        "languages",
        "nl;nederlands",
        "providers.csv, row 3, column languages: 'nl;nederlands' contains 'nederlands', "
        "which is not an ISO 639-1 or ISO 639-3 language code",
    ),
    (
        "providers.csv",
        3,
        "languages",
        "nl;xx",
        "providers.csv, row 3, column languages: 'nl;xx' contains 'xx', "
        "which is not an ISO 639-1 or ISO 639-3 language code",
    ),
    (
        "teams.csv",
        2,
        "kind",
        "jeugdteam",
        f"teams.csv, row 2, column kind: 'jeugdteam' is not one of: {TEAM_KINDS}",
    ),
    (
        "contracts.csv",
        4,
        "segment",
        "A",
        "contracts.csv, row 4, column segment: 'A' is not one of: B, C",
    ),
    (
        "contracts.csv",
        4,
        "role",
        "aannemer",
        "contracts.csv, row 4, column role: 'aannemer' is not one of: hoofdaannemer, onderaannemer",
    ),
    (
        "tariffs.csv",
        2,
        "unit",
        "uur",
        "tariffs.csv, row 2, column unit: 'uur' is not one of: traject, jaar, maand",
    ),
    (
        "tariffs.csv",
        2,
        "tariff_eur",
        "op aanvraag",
        "tariffs.csv, row 2, column tariff_eur: 'op aanvraag' is not a number",
    ),
    (
        "tariffs.csv",
        2,
        "tariff_eur",
        "-2450",
        "tariffs.csv, row 2, column tariff_eur: '-2450' is negative: a tariff cannot be below 0",
    ),
    (
        "tariffs.csv",
        2,
        "tariff_eur",
        "€ 2.450",
        "tariffs.csv, row 2, column tariff_eur: '€ 2.450' has more than two decimals "
        "(for thousands write 2450 or 2.450,00)",
    ),
    (
        "tariffs.csv",
        2,
        "tariff_eur",
        "25000000",
        "tariffs.csv, row 2, column tariff_eur: '25000000' is more than € 1.000.000: no tariff "
        "per trajectory, year or month is",
    ),
    (
        "tariffs.csv",
        2,
        "tariff_eur",
        "9" * 400,
        "tariffs.csv, row 2, column tariff_eur: '" + "9" * 59 + "…' is more than € 1.000.000: "
        "no tariff per trajectory, year or month is",  # once infinity, and a crash
    ),
    (
        "outcomes.csv",
        2,
        "period",
        "2025-H3",
        "outcomes.csv, row 2, column period: '2025-H3' is not a period like 2025, 2025-H1 "
        "or 2025-Q3",
    ),
    (
        "outcomes.csv",
        3,
        "period",
        "25",
        "outcomes.csv, row 3, column period: '25' is not a period like 2025, 2025-H1 or 2025-Q3",
    ),
    (
        "providers.csv",
        2,
        "email",
        "info@",
        "providers.csv, row 2, column email: 'info@' is not an e-mail address "
        "(There must be something after the @-sign.)",
    ),
    (
        "teams.csv",
        2,
        "email",
        "info at okt.example",
        "teams.csv, row 2, column email: 'info at okt.example' is not an e-mail address "
        "(An email address must have an @-sign.)",
    ),
    (
        "providers.csv",
        2,
        "website",
        "rustpunt",
        "providers.csv, row 2, column website: 'rustpunt' is not a web address like "
        "https://www.example.nl",
    ),
    (
        "teams.csv",
        2,
        "website",
        "ftp://okt.example",
        "teams.csv, row 2, column website: 'ftp://okt.example' is not a web address like "
        "https://www.example.nl",
    ),
    (
        "providers.csv",
        3,
        "website",
        "https://[opvoedhuis.example",
        "providers.csv, row 3, column website: 'https://[opvoedhuis.example' is not a web "
        "address like https://www.example.nl",
    ),
    (
        "providers.csv",
        2,
        "kvk",
        "1234567",
        "providers.csv, row 2, column kvk: '1234567' is not a KvK number of 8 digits (Excel may "
        "have dropped a leading zero: format the column as text)",
    ),
    (
        "providers.csv",
        3,
        "agb",
        "9400567A",
        "providers.csv, row 3, column agb: '9400567A' is not a AGB code of 8 digits (Excel may "
        "have dropped a leading zero: format the column as text)",
    ),
    (
        "providers.csv",
        2,
        "phone",
        "bel ons",
        "providers.csv, row 2, column phone: 'bel ons' is not a phone number like 020-1234567",
    ),
    (
        "teams.csv",
        3,
        "phone",
        "020-123",
        "teams.csv, row 3, column phone: '020-123' is not a phone number like 020-1234567",
    ),
    (
        "postcodes.csv",
        2,
        "latitude",
        "4.9026",
        "postcodes.csv, row 2, column latitude: '4.9026' is not a latitude in the Netherlands "
        f"(50.7-53.7); {NOT_IN_NL}",
    ),
    (
        "locations.csv",
        2,
        "longitude",
        "52.3741",
        "locations.csv, row 2, column longitude: '52.3741' is not a longitude in the "
        f"Netherlands (3.2-7.3); {NOT_IN_NL}",
    ),
    (
        "locations.csv",
        2,
        "longitude",
        "",
        "locations.csv, row 2, column longitude: is empty: give both latitude and longitude, "
        "or neither",
    ),
    (
        "locations.csv",
        3,
        "latitude",
        "52.303",
        "locations.csv, row 3, column longitude: is empty: give both latitude and longitude, "
        "or neither",
    ),
    (
        "locations.csv",
        2,
        "wheelchair_accessible",
        "soms",
        "locations.csv, row 2, column wheelchair_accessible: 'soms' is not ja or nee",
    ),
]


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "line"),
    CELL_RULES,
    ids=[f"{file}:{column}={value!r}" for file, _, column, value, _ in CELL_RULES],
)
def test_a_bad_cell_is_reported_and_nothing_is_written(
    sqlite_engine: Engine, dataset: Path, file: str, row: int, column: str, value: str, line: str
) -> None:
    set_cell(dataset, file, row, column, value)
    assert_refused(sqlite_engine, dataset, line)
