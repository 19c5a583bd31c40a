"""The language switch links to this page in another language and never off the site, even
when the page's own path was made to look like a host ("/\\evil.example" is read by browsers
as "//evil.example")."""

import re
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from flask.testing import FlaskClient

from tests.utils.html import parse

SITE = "http://localhost"
# Paths as they travel in the request line; a server decodes them into PATH_INFO.
HOSTILE_PATHS = [
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "//evil.example",
    "/%2F%2Fevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%5C%09evil.example/zoeken",
]


def browser_join(page_url: str, href: str) -> str:
    """Resolve `href` the way Chromium does for http(s) pages (WHATWG URL): tabs and newlines
    are dropped, "\\" counts as "/", and two or more leading slashes start a host."""
    href = re.sub(r"[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))
    href = href.replace("\\", "/")
    return urljoin(page_url, re.sub(r"^/{2,}", "//", href))


def language_hrefs(client: FlaskClient, raw_path: str, query: str = "") -> list[str]:
    """The switch's links on the page at `raw_path`, decoded into PATH_INFO as a server does
    (the test client itself would take "//evil.example" for a host)."""
    response = client.get(
        "/", query_string=query, environ_overrides={"PATH_INFO": unquote(raw_path)}
    )
    page = parse(response.get_data(as_text=True), response.status_code)
    switch = page.root.find("nav", class_="language-switch")
    return [a.attrs["href"] for a in switch.find_all("a")]


def test_browser_join_reads_hrefs_as_a_browser_does() -> None:
    """The checks below are only as good as this model of the browser; Chromium itself sent
    the pre-fix links of these pages to http://evil.example/?lang=en."""
    assert urlsplit(browser_join(SITE + "/x", "/\\evil.example?lang=en")).netloc == "evil.example"
    assert urlsplit(browser_join(SITE + "/x", "/\t/evil.example")).netloc == "evil.example"
    assert urlsplit(browser_join(SITE + "/x", "///evil.example")).netloc == "evil.example"
    assert urlsplit(browser_join(SITE + "/x", "/%5Cevil.example")).netloc == "localhost"


@pytest.mark.parametrize("raw_path", HOSTILE_PATHS)
def test_language_links_on_a_404_stay_on_this_site(client: FlaskClient, raw_path: str) -> None:
    hrefs = language_hrefs(client, raw_path, "q=angst")
    assert len(hrefs) == 6
    for href in hrefs:
        resolved = urlsplit(browser_join(SITE + raw_path, href))
        assert (resolved.scheme, resolved.netloc) == ("http", "localhost"), href
        assert "q=angst" in resolved.query


def test_a_language_link_on_a_404_opens_the_same_404_in_that_language(
    client: FlaskClient,
) -> None:
    english = next(href for href in language_hrefs(client, "/%5Cevil.example") if "lang=en" in href)
    assert english == "/%5Cevil.example?lang=en"
    response = client.get(english)
    assert response.status_code == 404
    assert '<html lang="en"' in response.get_data(as_text=True)


def test_language_links_keep_ordinary_paths_readable(client: FlaskClient) -> None:
    hrefs = language_hrefs(client, "/zoeken", "q=angst&postcode=1011")
    assert "/zoeken?q=angst&postcode=1011&lang=tr" in hrefs


def test_language_links_keep_the_path_the_portal_is_mounted_under(client: FlaskClient) -> None:
    response = client.get("/zoeken", environ_overrides={"SCRIPT_NAME": "/gids"})
    switch = parse(response.get_data(as_text=True)).root.find("nav", class_="language-switch")
    assert switch.find("a", hreflang="en").attrs["href"] == "/gids/zoeken?lang=en"
