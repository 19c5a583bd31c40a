"""Numbers typed with digits that are not 0-9 ("²", "①", "፩", "٣") get the field's own
message and a 400, on the results page and its JSON twin alike — never a server error.

`str.isdigit()` accepts them and `int()` then refuses them; only the digits 0-9 count.
"""

from itertools import combinations
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from tests.utils.html import get_page

MESSAGES = {
    "leeftijd": "Vul een leeftijd in van 0 tot en met 27 jaar.",
    "wachttijd": "Kies een wachttijd uit de lijst.",
    "pagina": "Deze pagina bestaat niet.",
}
# The same fields in the API (/api/v1/search), with the page's messages.
API_NAMES = {"leeftijd": "age", "wachttijd": "max_wait_weeks", "pagina": "page"}
DIGITS = ["²", "①", "፩"]
FIELD_SETS = [fields for size in (1, 2, 3) for fields in combinations(MESSAGES, size)]
CASES = [(fields, digit) for fields in FIELD_SETS for digit in DIGITS]


@pytest.mark.parametrize(("fields", "digit"), CASES, ids=[f"{'+'.join(f)}={d}" for f, d in CASES])
def test_unicode_digits_get_the_fields_message(
    client: FlaskClient, fields: tuple[str, ...], digit: str
) -> None:
    query = urlencode({name: digit for name in fields})

    page = get_page(client, f"/zoeken?q=angst&{query}")
    assert page.status == 400
    summary = page.root.find(class_="error-summary")
    assert [a.text for a in summary.find_all("a")] == [MESSAGES[name] for name in fields]

    asked = urlencode({API_NAMES[name]: digit for name in fields})
    response = client.get(f"/api/v1/search?q=angst&{asked}")
    assert response.status_code == 400
    assert response.get_json()["errors"] == {API_NAMES[name]: MESSAGES[name] for name in fields}


@pytest.mark.parametrize("value", ["1²", "٣", "１５", "0" * 5000 + "3", "3" * 5000])
def test_numbers_only_count_in_the_digits_0_to_9(client: FlaskClient, value: str) -> None:
    """Arabic-Indic and full-width digits are refused too (int() would read them), and so is a
    number too long for int() to read."""
    response = client.get("/api/v1/search", query_string={"age": value})
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"age": MESSAGES["leeftijd"]}


def test_a_postcode_in_other_digits_is_asked_again_in_digits(client: FlaskClient) -> None:
    response = client.get("/api/v1/search", query_string={"postcode": "1٠١١"})
    assert response.status_code == 400
    assert response.get_json()["errors"] == {
        "postcode": "Vul een postcode in met 4 cijfers, zoals 1011."
    }


@pytest.mark.parametrize("path", ["/", "/aanbieders/rustpunt"])
@pytest.mark.parametrize("postcode", ["①②③④", "²²²²", "١٠١١"])
def test_home_and_provider_pages_take_other_digits_as_no_postcode(
    client: FlaskClient, path: str, postcode: str
) -> None:
    assert client.get(path, query_string={"postcode": postcode}).status_code == 200
