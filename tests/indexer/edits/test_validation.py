"""A provider cannot store what an import would refuse: every value goes through the
import's own parsers and rules, and a refusal names the field and writes nothing."""

import pytest
from sqlalchemy import Engine

from indexer.edits import EditError, submit_edit
from tests.indexer.edits.conftest import act
from tests.utils.datasets import snapshot

LOCATION = {"location_id": "loc-1", "postcode": "1011 AB"}
REFUSED = [
    ("contact", {"phone": "12"}, "phone: '12' is not a phone number like 020-1234567"),
    ("contact", {"email": "info@"}, "email: 'info@' is not an e-mail address (.+)"),
    (
        "contact",
        {"website": "https://[rustpunt"},
        r"website: 'https://\[rustpunt' is not a web address like https://www.example.nl",
    ),
    ("contact", {"fax": "020-1112233"}, r"fax: is not part of contact \(phone, email, website\)"),
    ("ages", {"min_age": "19"}, r"min_age: '19' is above max_age \(18\)"),
    ("ages", {"max_age": "30"}, "max_age: '30' is not an age from 0 to 27"),
    (
        "languages",
        {"languages": ["nl", "xx"]},
        "languages: 'nl;xx' contains 'xx', which is not an ISO 639-1 or ISO 639-3 language code",
    ),
    (
        "care_forms",
        {"care_forms": "paardrijden"},
        "care_forms: 'paardrijden' contains 'paardrijden', which is not one of: ambulant, ",
    ),
    ("descriptions", {}, "descriptions: holds no values"),
    ("waits", {"wait/testregio": "-1"}, "wait/testregio: '-1' is negative: a count cannot be"),
    ("waits", {"wait/testregio": " "}, "wait/testregio: is empty"),
    ("waits", {"wait/testregio": "3 weken"}, "wait/testregio: '3 weken' is not a whole number"),
    (
        "waits",
        {"wait/elders": "2"},
        "wait/elders: 'elders' is not a region where the provider has a contract",
    ),
    (
        "waits",
        {"wait/testregio/P09": "2"},
        "wait/testregio/P09: 'P09' is not a profile of region testregio",
    ),
    ("waits", {"weeks": "2"}, r"weeks: is not part of waits \(wait/<region_id> or "),
    (
        "locations",
        {"locations": [LOCATION | {"postcode": "1011"}]},
        "locations: location 1, postcode: '1011' is not a Dutch postcode like 1011 AB",
    ),
    (
        "locations",
        {"locations": [LOCATION | {"latitude": "4.897", "longitude": "52.374"}]},
        r"locations: location 1, latitude: '4.897' is not a latitude in the Netherlands "
        r"\(50.7-53.7\); are latitude and longitude swapped\?",
    ),
    (
        "locations",
        {"locations": [LOCATION | {"latitude": "52.374"}]},
        "locations: location 1, longitude: is empty: give both latitude and longitude, or neither",
    ),
    (
        "locations",
        {"locations": [LOCATION, LOCATION]},
        r"locations: location 2: duplicates row 1 \(provider_id=rustpunt, location_id=loc-1\)",
    ),
    (
        "locations",
        {"locations": [LOCATION | {"postcode": "9999 ZZ"}]},
        "locations: location 1, postcode: '9999 ZZ' has no latitude/longitude and its PC4 is "
        "not in postcodes",
    ),
    ("locations", {"locations": [LOCATION | {"floor": "2"}]}, "locations: 'floor' is not a "),
    ("locations", {"locations": "Damrak 1"}, "locations: is not a list of locations"),
    ("opening_hours", {"opening_hours": "ma-vr"}, "part: 'opening_hours' is not one of: "),
]


@pytest.mark.parametrize(("part", "values", "message"), REFUSED, ids=[m[:28] for *_, m in REFUSED])
def test_an_invalid_value_is_refused_naming_the_field_and_nothing_is_written(
    store: Engine, part: str, values: dict, message: str
) -> None:
    before = snapshot(store)
    with pytest.raises(EditError, match=f"^{message}"):
        act(store, submit_edit, "rustpunt", part, values)
    assert snapshot(store) == before


def test_every_bad_field_is_named_at_once(store: Engine) -> None:
    with pytest.raises(EditError) as refused:
        act(store, submit_edit, "rustpunt", "contact", {"phone": "12", "website": "rustpunt"})
    assert refused.value.errors == [
        ("phone", "'12' is not a phone number like 020-1234567"),
        ("website", "'rustpunt' is not a web address like https://www.example.nl"),
    ]


def test_an_unknown_provider_is_refused(store: Engine) -> None:
    with pytest.raises(EditError, match=r"^provider_id: 'niemand' is not a known provider$"):
        act(store, submit_edit, "niemand", "waits", {"wait/testregio": "2"})
