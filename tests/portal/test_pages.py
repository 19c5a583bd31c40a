"""The home page, and what every response carries: the security headers of DESIGN.md §8
(checked over the whole route table of test_routes.py), and the refusal to serve with the
placeholder secret key."""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, col, update

from indexer.models import Contract
from indexer.settings import PLACEHOLDER_SECRET
from portal import create_app, services
from tests.portal.test_routes import PATHS, ROUTE_IDS, RUSTPUNT
from tests.utils.html import get_page
from tests.utils.loading import TODAY

# Responses that are not pages but carry the same headers: JSON, redirects, static files.
OTHER_RESPONSES = [
    ("/api/v1/search?postcode=1011", 200),
    ("/api/v1/search?postcode=abcd", 400),
    ("/api/v1/providers/rustpunt", 200),
    ("/api/v1/providers/bestaat-niet", 404),
    (f"/bewaarlijst/toevoegen?id={RUSTPUNT}", 302),
    ("/static/css/site.css", 200),
]


@pytest.mark.parametrize(
    ("path", "status"),
    PATHS + OTHER_RESPONSES,
    ids=[*ROUTE_IDS, "api-search", "api-error", "api-provider", "api-404", "redirect", "css"],
)
def test_security_headers_on_every_response(client: FlaskClient, path: str, status: int) -> None:
    with client.get(path) as response:  # closes the static file's stream
        assert response.status_code == status
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in response.headers["Content-Security-Policy"].split("; ")
    }
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("app_env", ["production", "test"])
def test_refuses_to_start_with_the_placeholder_secret(app_env: str) -> None:
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"app_env": app_env, "secret_key": PLACEHOLDER_SECRET})


def test_placeholder_secret_is_fine_for_development(tmp_path: Path) -> None:
    app = create_app(
        {
            "app_env": "development",
            "secret_key": PLACEHOLDER_SECRET,
            "database_url": f"sqlite:///{tmp_path / 'store.db'}",
            "index_dir": tmp_path / "index",
        }
    )
    assert app.config["SECRET_KEY"] == PLACEHOLDER_SECRET


def test_session_cookies_are_secure_in_production(tmp_path: Path) -> None:
    app = create_app(
        {
            "app_env": "production",
            "secret_key": "a-long-random-production-value",
            "public_url": "https://jeugdhulpgids.example",
            "database_url": f"sqlite:///{tmp_path / 'store.db'}",
            "index_dir": tmp_path / "index",
        }
    )
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True


# --- The home page -------------------------------------------------------------------------


def test_home_starts_with_postcode_and_words(client: FlaskClient) -> None:
    page = get_page(client, "/")
    assert page.root.find("h1").text == "Jeugdhulp vinden"
    form = page.main.find("form")
    assert form.attrs["action"] == "/zoeken" and form.attrs["method"] == "get"
    assert [field.attrs["name"] for field in form.find_all("input")] == ["postcode", "q"]
    postcode = form.find("input", id="postcode")
    assert postcode.attrs["aria-describedby"] == "postcode-hint"
    assert page.root.find(id="postcode-hint").text == "4 cijfers is genoeg, bijvoorbeeld 1011."


def test_every_page_links_developers_to_the_open_data(client: FlaskClient) -> None:
    page = get_page(client, "/")
    links = {a.text: a.attrs["href"] for a in page.root.find("footer").find_all("a")}
    assert links["Open data voor ontwikkelaars"] == "/api/v1/docs"
    assert client.get("/api/v1/docs").status_code == 200


def test_home_lists_loaded_regions_with_counts(client: FlaskClient) -> None:
    page = get_page(client, "/")
    regions = {
        region.find("h3").text: {
            count.find("dt").text: count.find("dd").text for count in region.find_all("div")
        }
        for region in page.main.with_class("coverage__region")
    }
    assert regions == {
        "Testregio": {"Gemeenten": "2", "Lokale teams": "2", "Aanbieders met een contract": "2"}
    }


def test_home_counts_show_an_ended_contract_within_a_minute(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting every valid contract is too costly for every home page (20 ms nationally):
    a worker keeps the counts for a minute."""

    def providers() -> str:
        page = get_page(client, "/")
        return page.main.with_class("coverage__region")[0].find_all("dd")[2].text

    assert providers() == "2"
    with Session(app.extensions["engine"]) as session:
        session.exec(
            update(Contract)
            .where(col(Contract.provider_id) == RUSTPUNT.split("__")[-1])
            .values(valid_to=TODAY - timedelta(days=1))
        )
        session.commit()
    assert providers() == "2"  # kept
    clock = time.monotonic() + services.SUMMARIES_KEPT_S
    monkeypatch.setattr(services, "monotonic", lambda: clock)
    assert providers() == "1"


def test_home_themes_submit_the_search_form_with_the_postcode(client: FlaskClient) -> None:
    page = get_page(client, "/?postcode=1011")
    form = page.main.find("form", id="zoekformulier")
    tiles = {b.text: b for b in page.main.find_all("button", class_="themes__button")}
    assert len(tiles) == 12
    tile = tiles["Mijn kind is vaak bang of piekert veel"]
    # A submit button of the home form: the postcode typed there goes along.
    assert (tile.attrs["type"], tile.attrs["form"], tile.attrs["name"]) == (
        "submit",
        "zoekformulier",
        "thema",
    )
    assert form.find("input", id="postcode").attrs["value"] == "1011"
    results = get_page(client, f"/zoeken?postcode=1011&q=&thema={tile.attrs['value']}")
    assert [h.text for h in results.root.find_all("h3", class_="result__name")] == [
        "Rustpunt Jeugd"
    ]
    # The words box shows what was searched, in Dutch on a Dutch page.
    assert results.root.find("input", id="q").attrs["value"] == "bang"


@pytest.mark.parametrize(("lang", "words"), [("tr", "okula gitmiyor"), ("en", "school refusal")])
def test_a_theme_searches_words_in_the_readers_language(
    client: FlaskClient, lang: str, words: str
) -> None:
    results = get_page(client, f"/zoeken?postcode=1011&thema=school&lang={lang}")
    assert results.status == 200
    assert results.root.find("input", id="q").attrs["value"] == words
    assert results.root.find("input", id="postcode").attrs["value"] == "1011"


def test_an_unknown_theme_is_an_error_not_a_search(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?thema=bestaat-niet")
    assert page.status == 400
    assert "Deze keuze bestaat niet. Kies uit de lijst." in page.main.text


def test_home_with_a_postcode_shows_who_helps_first(client: FlaskClient) -> None:
    page = get_page(client, "/?postcode=1011")
    assert page.root.find("h2", id="first-help-title").text == "Wie helpt u eerst?"
    card = page.root.with_class("team-card")[0]
    assert card.find("h3").text == "Ouder- en Kindteam Centrum"
    assert "020-1234567" in card.text
    assert page.root.find("input", id="postcode").attrs["value"] == "1011"


@pytest.mark.parametrize("postcode", ["9999", "abcd"])
def test_home_with_an_unknown_postcode_says_so(client: FlaskClient, postcode: str) -> None:
    page = get_page(client, f"/?postcode={postcode}")
    assert page.status == 200
    notice = page.main.find("p", class_="notice")
    assert notice.text.startswith("Deze postcode kennen we niet.")
    assert not page.root.with_class("team-card")


def test_home_in_english_on_request(app: Flask) -> None:
    """The words are the catalogue's to choose; that they are not the Dutch ones is ours."""
    dutch = get_page(app.test_client(), "/")
    english = get_page(app.test_client(), "/?lang=en")
    assert '<html lang="en" dir="ltr">' in english.html
    for element, attrs in (("a", {"class_": "skip-link"}), ("h1", {}), ("label", {"for": "q"})):
        text = english.root.find(element, **attrs).text
        assert text and text != dutch.root.find(element, **attrs).text
