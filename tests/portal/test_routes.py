"""Every page of the portal, in every state a visitor can reach, against the house rules of
DESIGN.md §7: a title ending in the site name, one h1, the page language, a skip link to
<main>, a visible label for every field and no browser-native validation.

ROUTES is the one table of pages; test_pages.py checks the security headers over it too.
Pages are read with tests/utils/html.py.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.utils.html import Page, get_page, parse

RUSTPUNT = "testregio__rustpunt"
OPVOEDHUIS = "testregio__opvoedhuis"
PRO = "weergave=professioneel"  # the professional view (portal/referrers/view.py)

# (name, path, status). Every page route, in its ordinary and its error states.
ROUTES = [
    ("home", "/", 200),
    ("home-postcode", "/?postcode=1011", 200),
    ("search-empty", "/zoeken", 200),
    ("search-words", "/zoeken?q=angst", 200),
    ("search-postcode", "/zoeken?postcode=1011", 200),
    ("search-nothing-found", "/zoeken?q=bnag&postcode=1011", 200),
    ("search-bad-input", "/zoeken?postcode=abcd&leeftijd=abc", 400),
    ("provider", "/aanbieders/rustpunt", 200),
    ("provider-no-outcomes", "/aanbieders/opvoedhuis?postcode=1011", 200),
    ("compare", f"/vergelijken?id={RUSTPUNT}&id={OPVOEDHUIS}", 200),
    ("compare-one", f"/vergelijken?id={RUSTPUNT}", 400),
    ("shortlist", f"/bewaarlijst?id={RUSTPUNT}&id={OPVOEDHUIS}", 200),
    ("shortlist-empty", "/bewaarlijst", 200),
    ("shortlist-emptied", "/bewaarlijst?id=", 200),
    ("handout", f"/bewaarlijst/uitdeelblad?id={RUSTPUNT}&id={OPVOEDHUIS}&postcode=1011", 200),
    ("handout-no-providers", "/bewaarlijst/uitdeelblad", 400),
    ("handout-bad-postcode", f"/bewaarlijst/uitdeelblad?id={RUSTPUNT}&postcode=abc", 400),
    ("profiles", "/uitleg/profielen", 200),
    ("profiles-region", "/uitleg/profielen?regio=testregio", 200),
    ("profiles-unknown-region", "/uitleg/profielen?regio=bestaat-niet", 404),
    ("intensities", "/uitleg/intensiteiten", 200),
    ("outcomes", "/uitleg/resultaten", 200),
    ("bandwidths", "/voor-verwijzers/tarieven?regio=testregio", 200),
    ("search-professional", "/zoeken?postcode=1011&profiel=P01&weergave=professioneel", 200),
    ("provider-professional", "/aanbieders/opvoedhuis?weergave=professioneel", 200),
    ("compare-professional", f"/vergelijken?id={RUSTPUNT}&id={OPVOEDHUIS}&{PRO}", 200),
    ("accessibility", "/toegankelijkheid", 200),
    ("privacy", "/privacy", 200),
    ("not-found", "/bestaat-niet", 404),
    ("unknown-provider", "/aanbieders/bestaat-niet", 404),
    ("sign-in", "/inloggen", 200),
    ("forgot-password", "/wachtwoord-vergeten", 200),
    ("invitation-without-token", "/uitnodiging", 400),
    ("reset-without-token", "/wachtwoord-herstellen?token=kapot", 400),
]
ROUTE_IDS = [name for name, _path, _status in ROUTES]
# Endpoints that answer with something other than a page (JSON, a redirect, plain text).
NOT_PAGES = {"static", "compare.add_to_shortlist", "home.health"}
# Pages behind sign-in: a visitor is sent to the sign-in page (their own tests check them);
# the two steps after a right password answer 404 without one.
SIGNED_IN = {
    "account.home": "/account",
    "manage.index": "/beheer",
    "manage.overview": "/beheer/rustpunt",
    "manage.edit": "/beheer/rustpunt/waits",
    "region.index": "/regio",
    "region.dashboard": "/regio/testregio",
    "region.provider_history": "/regio/testregio/aanbieders/rustpunt",
    "region.upload_form": "/regio/testregio/import",
    "region.import_run": "/regio/testregio/import/1",
    "region.report_csv": "/regio/testregio/import/1/verslag.csv",
    "region.kept_file": "/regio/testregio/import/1/bestanden/1",
    "region.import_history": "/regio/testregio/imports",
}
AFTER_PASSWORD = {
    "account.second_factor": "/inloggen/code",
    "account.enrol": "/inloggen/app-koppelen",
}
PATHS = [(path, status) for _name, path, status in ROUTES]

# Fields a visitor fills in or chooses; hidden inputs and buttons need no label.
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


def with_lang(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


# --- The rules, one function each so a failure names the rule that broke ------------------


def title_names_the_page_then_the_site(page: Page) -> None:
    title = page.title
    assert title.endswith(" – Jeugdhulpgids")
    assert title.removesuffix(" – Jeugdhulpgids").strip(), "the title must name the page"
    assert "<" not in title and "\n" not in title, f"markup in the title: {title!r}"


def one_h1_inside_main(page: Page) -> None:
    assert page.html.count("<h1") == 1
    assert page.main.find_all("h1"), "the h1 belongs in <main>"


def dutch_with_a_skip_link_to_main(page: Page) -> None:
    assert '<html lang="nl" dir="ltr">' in page.html
    first_link = page.root.find("body").find_all("a")[0]
    assert first_link.attrs["href"] == "#main", "the skip link comes first"
    assert first_link.text
    assert '<main id="main"' in page.html


def every_field_has_a_visible_label(page: Page) -> None:
    labelled = {label.attrs.get("for") for label in page.root.find_all("label") if label.text}
    fields = [
        node
        for node in page.root.iter()
        if node.tag in {"select", "textarea"}
        or (node.tag == "input" and node.attrs.get("type", "text") not in UNLABELLED_TYPES)
    ]
    unlabelled = [f.attrs for f in fields if f.attrs.get("id") not in labelled]
    assert not unlabelled


def no_browser_native_validation(page: Page) -> None:
    native = [
        (node.tag, name)
        for node in page.root.iter()
        for name in ("required", "pattern", "min", "max", "maxlength")
        if name in node.attrs and node.tag in {"input", "select", "textarea"}
    ]
    assert not native
    assert all("novalidate" in form.attrs for form in page.root.find_all("form"))


def ids_are_unique_and_in_page_links_land(page: Page) -> None:
    """A duplicate id breaks label and aria links; a #link to no id goes nowhere (the error
    summary's links to its fields are among them)."""
    ids = page.ids()
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    anchors = [a.attrs["href"] for a in page.root.find_all("a") if "href" in a.attrs]
    assert {href[1:] for href in anchors if href.startswith("#")} <= set(ids)
    described = [
        ref for node in page.root.iter() for ref in node.attrs.get("aria-describedby", "").split()
    ]
    assert set(described) <= set(ids)


def nothing_inline_for_the_csp_to_block(page: Page) -> None:
    assert not [s for s in page.root.find_all("script") if "src" not in s.attrs]
    assert not [n.tag for n in page.root.iter() if "style" in n.attrs]
    assert not [n.tag for n in page.root.iter() if any(a.startswith("on") for a in n.attrs)]


@pytest.mark.parametrize(("path", "status"), PATHS, ids=ROUTE_IDS)
def test_page_follows_the_house_rules(client: FlaskClient, path: str, status: int) -> None:
    page = get_page(client, path)
    assert page.status == status
    title_names_the_page_then_the_site(page)
    one_h1_inside_main(page)
    dutch_with_a_skip_link_to_main(page)
    every_field_has_a_visible_label(page)
    no_browser_native_validation(page)
    ids_are_unique_and_in_page_links_land(page)
    nothing_inline_for_the_csp_to_block(page)


@pytest.mark.parametrize(("path", "status"), PATHS, ids=ROUTE_IDS)
def test_english_on_request(client: FlaskClient, path: str, status: int) -> None:
    response = client.get(with_lang(path, "en"))
    assert response.status_code == status
    assert '<html lang="en" dir="ltr">' in response.get_data(as_text=True)


def _same_page(url: str) -> tuple[str, list[tuple[str, str]]]:
    """A URL without its language: the language switch links to the same page."""
    parts = urlsplit(url)
    return parts.path, sorted((k, v) for k, v in parse_qsl(parts.query) if k != "lang")


@pytest.mark.parametrize(("path", "status"), PATHS, ids=ROUTE_IDS)
def test_internal_links_lead_somewhere(client: FlaskClient, path: str, status: int) -> None:
    """Every link to our own pages (menu, footer, results, pagination) answers, not 404;
    the language switch leads to this same page, answering as this page does."""
    page = get_page(client, path)
    hrefs = {a.attrs["href"] for a in page.root.find_all("a") if a.attrs.get("href")}
    internal = {h for h in hrefs if h.startswith("/") and not h.startswith("//")}
    answers = {h: client.get(h).status_code for h in sorted(internal)}
    broken = [h for h, code in answers.items() if code >= 400 and _same_page(h) != _same_page(path)]
    assert not broken
    switched = [code for h, code in answers.items() if _same_page(h) == _same_page(path)]
    assert all(code == status for code in switched)
    sheets = [link.attrs["href"] for link in page.root.find_all("link", rel="stylesheet")]
    assert sheets
    for sheet in sheets:
        with client.get(urlsplit(sheet).path) as response:
            assert response.status_code == 200


def test_the_table_holds_every_page_route(app: Flask) -> None:
    """A new page gets these checks only if it is in ROUTES: this fails until it is."""
    adapter = app.url_map.bind("localhost")
    covered = {
        adapter.match(urlsplit(path).path)[0] for _name, path, status in ROUTES if status != 404
    }
    pages = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and not rule.endpoint.startswith("api.")
        and rule.endpoint not in NOT_PAGES
    }
    assert pages - covered - set(SIGNED_IN) - set(AFTER_PASSWORD) == set()


def test_pages_behind_sign_in_send_visitors_to_sign_in(client) -> None:
    for path in SIGNED_IN.values():
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert urlsplit(answer.headers["Location"]).path == "/inloggen", path
    for path in AFTER_PASSWORD.values():
        assert client.get(path).status_code == 404, path


def test_arabic_pages_are_right_to_left(client: FlaskClient) -> None:
    assert '<html lang="ar" dir="rtl">' in client.get("/?lang=ar").get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "accept", "lang"),
    [
        ("", "en-GB,en;q=0.9", "en"),
        ("?lang=tr", "en-GB,en;q=0.9", "tr"),  # an explicit choice beats the browser
        ("?lang=xx", "", "nl"),
        ("", "de-DE,de;q=0.9", "nl"),  # no German: Dutch, not a crash
    ],
)
def test_language_from_the_choice_then_the_browser_then_dutch(
    app: Flask, query: str, accept: str, lang: str
) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    html = app.test_client().get(f"/zoeken{query}", headers=headers).get_data(as_text=True)
    assert f'<html lang="{lang}"' in html


def test_the_page_tree_reads_nested_text() -> None:
    """The helper the route checks rely on: nested text, void elements, ids."""
    page = parse(
        '<main id="main"><p class="a b">Hallo <b>daar</b>!<br>Jij</p><input id="x"></main>'
    )
    assert page.main.with_class("b")[0].text == "Hallo daar! Jij"
    assert page.ids() == ["main", "x"]
