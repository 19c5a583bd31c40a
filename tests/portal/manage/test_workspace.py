"""A provider keeps its own listing: waits publish at once and are searchable, texts wait
for the region, and nobody edits a provider that is not theirs."""

import pytest
from flask.testing import FlaskClient

from tests.portal.account.conftest import PASSWORD, csrf_token


@pytest.fixture
def editor(client: FlaskClient, send_form, people) -> FlaskClient:
    answer = send_form("/inloggen", {"email": people["editor"], "password": PASSWORD})
    assert answer.status_code == 302
    return client


def rustpunt_result(client: FlaskClient, query: str) -> str:
    return client.get(f"/zoeken?postcode=1011{query}").get_data(as_text=True)


def test_a_changed_wait_is_found_by_search_at_once(editor: FlaskClient, send_form) -> None:
    page = editor.get("/beheer/rustpunt/waits").get_data(as_text=True)
    assert 'name="wait/testregio"' in page
    answer = send_form("/beheer/rustpunt/waits", {"wait/testregio": "12"})
    assert answer.status_code == 302
    assert "opgeslagen=gepubliceerd" in answer.headers["Location"]
    assert "Wachttijd: 12 weken" in rustpunt_result(editor, "")
    assert "Rustpunt Jeugd" not in rustpunt_result(editor, "&wachttijd=4")


def test_a_description_waits_for_the_region(editor: FlaskClient, send_form) -> None:
    text = "Wij helpen kinderen die piekeren, met spel en gesprekken."
    answer = send_form("/beheer/rustpunt/descriptions", {"description_nl": text})
    assert "opgeslagen=ter-beoordeling" in answer.headers["Location"]
    overview = editor.get("/beheer/rustpunt").get_data(as_text=True)
    assert "Wacht op de regio" in overview
    assert "piekeren" not in editor.get("/aanbieders/rustpunt").get_data(as_text=True)


def test_a_bad_value_is_refused_naming_the_field(editor: FlaskClient, send_form) -> None:
    answer = send_form(
        "/beheer/rustpunt/contact", {"phone": "020-1112233", "email": "geen-adres", "website": ""}
    )
    assert answer.status_code == 400
    assert 'id="email-error"' in answer.get_data(as_text=True)


def test_still_correct_confirms_the_part(editor: FlaskClient) -> None:
    token = csrf_token(editor.get("/beheer/rustpunt").get_data(as_text=True))
    answer = editor.post("/beheer/rustpunt/contact/klopt-nog", data={"csrf_token": token})
    assert "opgeslagen=bevestigd" in answer.headers["Location"]
    assert "Nagekeken op" in editor.get("/beheer/rustpunt").get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/beheer/opvoedhuis"),
        ("get", "/beheer/opvoedhuis/waits"),
        ("post", "/beheer/opvoedhuis/waits"),
        ("post", "/beheer/opvoedhuis/contact/klopt-nog"),
        ("get", "/beheer/bestaat-niet"),
        ("post", "/beheer/bestaat-niet/waits"),
    ],
)
def test_another_providers_workspace_is_not_found(
    editor: FlaskClient, method: str, path: str
) -> None:
    token = csrf_token(editor.get("/beheer/rustpunt").get_data(as_text=True))
    answer = getattr(editor, method)(path, data={"csrf_token": token} if method == "post" else None)
    assert answer.status_code == 404


@pytest.mark.parametrize("path", ["/beheer", "/beheer/rustpunt", "/beheer/rustpunt/waits"])
def test_signed_out_visitors_are_sent_to_sign_in(client: FlaskClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 302
    assert "/inloggen" in answer.headers["Location"]


def test_a_new_location_waits_for_the_region_with_coordinates_from_its_postcode(
    editor: FlaskClient, send_form
) -> None:
    page = editor.get("/beheer/rustpunt/locations").get_data(as_text=True)
    assert 'value="Rustpunt Centrum"' in page
    form = {
        "location_id": "loc-1",
        "name-0": "Rustpunt Centrum",
        "street-0": "Damrak",
        "house_number-0": "1",
        "postcode-0": "1011 AB",
        "city-0": "Amsterdam",
        "wheelchair-0": "ja",
        "address-0": "DAMRAK|1|1011AB",
        "latitude-0": "52.3741",
        "longitude-0": "4.897",
        "name-1": "Rustpunt Amstelveen",
        "street-1": "Stadsplein",
        "house_number-1": "7",
        "postcode-1": "1181 ZM",
        "city-1": "Amstelveen",
    }
    answer = send_form("/beheer/rustpunt/locations", form)
    assert "opgeslagen=ter-beoordeling" in answer.headers["Location"], answer.get_data(as_text=True)
    overview = editor.get("/beheer/rustpunt").get_data(as_text=True)
    assert "Locaties" in overview and "Wacht op de regio" in overview


def test_a_location_with_a_bad_postcode_is_refused(editor: FlaskClient, send_form) -> None:
    form = {"name-0": "Nieuw", "street-0": "Laan", "house_number-0": "2", "postcode-0": "abc"}
    answer = send_form("/beheer/rustpunt/locations", form)
    assert answer.status_code == 400
    assert 'id="locations"' in answer.get_data(as_text=True)


def test_a_refused_value_is_explained_in_the_readers_language(
    editor: FlaskClient, send_form
) -> None:
    form = {"phone": "bel ons", "email": "info@rustpunt.example", "website": ""}
    answer = send_form("/beheer/rustpunt/contact?lang=tr", form)
    assert answer.status_code == 400
    html = answer.get_data(as_text=True)
    assert "020-1234567 gibi bir telefon numarası girin." in html
    assert '<span lang="en">(' in html  # the rule's own words, marked as English
