"""Comparing providers side by side, and the shortlist a referrer sends to a family.

Both live in the URL, so links can be shared and printed; the shortlist is remembered in a
cookie that holds provider ids and nothing else (DESIGN.md §8: no personal data).
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient
from werkzeug.http import parse_cookie

from tests.portal.test_routes import OPVOEDHUIS, RUSTPUNT
from tests.utils.html import Node, Page, get_page
from tests.utils.loading import add_too_few_trajectories

BOTH = f"id={RUSTPUNT}&id={OPVOEDHUIS}"
DOCUMENT_ID = re.compile(r"[a-z0-9-]+__[a-z0-9-]+")


def card_names(page: Page) -> list[str]:
    return [card.find("h2").text for card in page.root.with_class("compare-card")]


def table_rows(page: Page) -> dict[str, list[str]]:
    """Row label → the text of that row in each provider's card, in card order."""
    rows: dict[str, list[str]] = {}
    for card in page.root.with_class("compare-card"):
        for row in card.with_class("compare-card__row"):
            rows.setdefault(row.find("dt").text, []).append(row.find("dd").text)
    return rows


def shortlist_names(page: Page) -> list[str]:
    return [item.find("h2").text for item in page.root.with_class("shortlist__item")]


def remembered(client: FlaskClient) -> list[str]:
    """The ids in the shortlist cookie, decoded as the server reads them back."""
    cookie = client.get_cookie("bewaarlijst")
    if cookie is None:
        return []
    return parse_cookie(f"bewaarlijst={cookie.value}")["bewaarlijst"].split(",")


def link(page: Page, text: str) -> Node:
    found = [a for a in page.main.find_all("a") if a.text == text]
    assert len(found) == 1, f"expected one link {text!r}"
    return found[0]


# --- Compare ----------------------------------------------------------------------------


def test_two_providers_side_by_side_with_the_same_rows(client: FlaskClient) -> None:
    page = get_page(client, f"/vergelijken?{BOTH}")
    assert page.status == 200
    assert card_names(page) == ["Rustpunt Jeugd", "Het Opvoedhuis"]
    rows = table_rows(page)
    assert list(rows) == [
        "Regio",
        "Wachttijd",
        "Telefoon",
        "Soort hulp",
        "Leeftijd",
        "Vorm van hulp",
        "Talen",
        "Periode van de cijfers",
        "Doelen bereikt",
        "Vroeg gestopt",
        "Tevredenheid jongeren",
        "Tevredenheid ouders",
    ]
    assert all(len(cells) == 2 for cells in rows.values())
    assert rows["Regio"] == ["Testregio", "Testregio"]
    assert rows["Leeftijd"] == ["4 tot en met 18 jaar", "0 tot en met 12 jaar"]
    assert rows["Talen"] == ["Engels en Nederlands", "Nederlands en Turks"]
    assert rows["Periode van de cijfers"] == ["2025", "Geen cijfers"]
    assert rows["Wachttijd"][0] == "Wachttijd: 3 weken (nagekeken op 1 november 2026)"
    assert rows["Doelen bereikt"][0] == (
        "78,5% 64 kinderen en jongeren zijn klaar met de hulp "
        "De regio wil minstens 70%. Voldoet aan wat de regio vraagt."
    )
    assert rows["Vroeg gestopt"][0] == (
        "8% 64 kinderen en jongeren zijn klaar met de hulp "
        "De regio wil hoogstens 15%. Voldoet aan wat de regio vraagt."
    )


def test_each_card_has_the_phone_the_help_offered_and_with_a_postcode_the_distance(
    client: FlaskClient,
) -> None:
    page = get_page(client, f"/vergelijken?{BOTH}&postcode=1011")
    rows = table_rows(page)
    assert all(value.endswith("km van uw postcode") for value in rows["Afstand"])
    assert len(rows["Afstand"]) == 2
    assert all(rows["Soort hulp"]) and all(rows["Telefoon"])
    phones = [a for a in page.main.find_all("a") if a.attrs.get("href", "").startswith("tel:")]
    assert len(phones) == 2
    # The provider pages open with the same postcode, for their distances too.
    assert link(page, "Rustpunt Jeugd").attrs["href"].endswith("&postcode=1011")
    assert "Afstand" not in table_rows(get_page(client, f"/vergelijken?{BOTH}"))


def test_names_link_to_the_provider_pages(client: FlaskClient) -> None:
    page = get_page(client, f"/vergelijken?{BOTH}")
    assert link(page, "Rustpunt Jeugd").attrs["href"] == "/aanbieders/rustpunt?regio=testregio"
    assert link(page, "Het Opvoedhuis").attrs["href"] == "/aanbieders/opvoedhuis?regio=testregio"


def test_the_compared_providers_can_go_on_the_shortlist(client: FlaskClient) -> None:
    page = get_page(client, f"/vergelijken?{BOTH}")
    href = link(page, "Zet deze aanbieders op uw bewaarlijst").attrs["href"]
    response = client.get(href)
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.location).query)["id"] == [RUSTPUNT, OPVOEDHUIS]


class TestTooFewTrajectories:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        add_too_few_trajectories(dataset)
        return dataset

    def test_a_withheld_figure_says_too_few_in_its_cell(self, client: FlaskClient) -> None:
        rows = table_rows(get_page(client, f"/vergelijken?{BOTH}"))
        assert rows["Doelen bereikt"][1] == (
            "6 kinderen en jongeren zijn klaar met de hulp Te weinig om iets te zeggen."
        )
        assert rows["Doelen bereikt"][0].startswith("78,5%")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (f"id={RUSTPUNT}", "Kies 2, 3 of 4 aanbieders om te vergelijken."),
        ("", "Kies 2, 3 of 4 aanbieders om te vergelijken."),
        (
            f"{BOTH}&id=testregio__a&id=testregio__b&id=testregio__c",
            "Kies 2, 3 of 4 aanbieders om te vergelijken.",
        ),
        (
            f"id={RUSTPUNT}&id=testregio__bestaat-niet",
            "Een of meer gekozen aanbieders staan niet (meer) in de gids.",
        ),
        (  # a real provider, but not in the region of the id
            f"id={RUSTPUNT}&id=andere-regio__opvoedhuis",
            "Een of meer gekozen aanbieders staan niet (meer) in de gids.",
        ),
    ],
    ids=["one", "none", "five", "unknown", "wrong-region"],
)
def test_a_choice_that_cannot_be_compared_is_explained(
    client: FlaskClient, query: str, message: str
) -> None:
    page = get_page(client, f"/vergelijken?{query}")
    assert page.status == 400
    assert page.title == "(1 fout) Aanbieders vergelijken – Jeugdhulpgids"
    summary = page.root.find(class_="error-summary")
    assert summary.attrs["role"] == "alert"
    assert message in summary.text
    assert summary.find("a", href="/zoeken").text == "Terug naar zoeken"
    assert not page.root.find_all("table")


# --- Shortlist ----------------------------------------------------------------------------


def test_adding_redirects_to_the_list_and_remembers_only_ids(client: FlaskClient) -> None:
    response = client.get(f"/bewaarlijst/toevoegen?id={RUSTPUNT}")
    assert response.status_code == 302
    assert response.location == f"/bewaarlijst?id={RUSTPUNT}"
    page = get_page(client, response.location)
    assert shortlist_names(page) == ["Rustpunt Jeugd"]
    assert remembered(client) == [RUSTPUNT]

    response = client.get(f"/bewaarlijst/toevoegen?id={OPVOEDHUIS}")
    assert parse_qs(urlsplit(response.location).query)["id"] == [RUSTPUNT, OPVOEDHUIS]
    get_page(client, response.location)
    assert remembered(client) == [RUSTPUNT, OPVOEDHUIS]
    assert all(DOCUMENT_ID.fullmatch(i) for i in remembered(client))


def test_the_cookie_is_not_readable_by_scripts_and_expires(client: FlaskClient) -> None:
    response = client.get(f"/bewaarlijst?{BOTH}")
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert f"Max-Age={90 * 86400}" in header


def test_unknown_ids_are_dropped_and_never_stored(client: FlaskClient) -> None:
    page = get_page(client, f"/bewaarlijst?id={RUSTPUNT}&id=%3Cscript%3E&id=testregio__weg")
    assert shortlist_names(page) == ["Rustpunt Jeugd"]
    assert remembered(client) == [RUSTPUNT]
    assert "<script>" not in page.html


def test_the_menu_link_opens_the_remembered_list(client: FlaskClient) -> None:
    client.get(f"/bewaarlijst?{BOTH}")
    response = client.get("/bewaarlijst")
    assert response.status_code == 302
    assert parse_qs(urlsplit(response.location).query)["id"] == [RUSTPUNT, OPVOEDHUIS]


def test_without_a_list_the_page_explains_how_to_make_one(client: FlaskClient) -> None:
    page = get_page(client, "/bewaarlijst")
    assert page.status == 200
    assert "Uw bewaarlijst is leeg." in page.main.text
    assert link(page, "Naar zoeken").attrs["href"] == "/zoeken"


def test_removing_providers_one_by_one_empties_the_list(client: FlaskClient) -> None:
    page = get_page(client, f"/bewaarlijst?{BOTH}")
    page = get_page(client, link(page, "Haal Rustpunt Jeugd van de lijst").attrs["href"])
    assert shortlist_names(page) == ["Het Opvoedhuis"]
    assert remembered(client) == [OPVOEDHUIS]

    emptied = get_page(client, link(page, "Haal Het Opvoedhuis van de lijst").attrs["href"])
    assert emptied.status == 200
    assert shortlist_names(emptied) == []
    assert "Uw bewaarlijst is leeg." in emptied.main.text
    assert remembered(client) == []
    # ...and the menu link now shows the empty list, not the old one.
    assert client.get("/bewaarlijst").status_code == 200


def test_the_share_link_holds_the_list(client: FlaskClient) -> None:
    """Absolute only with PUBLIC_URL set (test_public_url.py); the test app has none."""
    page = get_page(client, f"/bewaarlijst?{BOTH}")
    field = page.root.find("input", id="share-link")
    assert "readonly" in field.attrs
    url = urlsplit(field.attrs["value"])
    assert url.path == "/bewaarlijst"
    assert parse_qs(url.query)["id"] == [RUSTPUNT, OPVOEDHUIS]


def test_a_shared_link_shows_exactly_the_senders_list(client: FlaskClient) -> None:
    client.get(f"/bewaarlijst?id={RUSTPUNT}")
    page = get_page(client, f"/bewaarlijst?id={OPVOEDHUIS}")
    assert shortlist_names(page) == ["Het Opvoedhuis"]


def test_the_list_offers_to_compare_what_is_on_it(client: FlaskClient) -> None:
    page = get_page(client, f"/bewaarlijst?{BOTH}")
    href = link(page, "Vergelijk deze aanbieders").attrs["href"]
    assert href == f"/vergelijken?{BOTH}"
    assert get_page(client, href).status == 200
    single = get_page(client, f"/bewaarlijst?id={RUSTPUNT}")
    assert "Vergelijk deze aanbieders" not in single.main.text
