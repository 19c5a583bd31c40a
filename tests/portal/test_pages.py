"""Every page: status, one h1, a title, the right language, and the security headers."""

import re

import pytest
from flask.testing import FlaskClient

from indexer.settings import Settings
from portal import create_app

PAGES = [("/", "Jeugdhulp in uw regio")]


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_basics(client: FlaskClient, path: str, title: str) -> None:
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(rf"<title>{re.escape(title)} – Jeugdhulpgids</title>", html)
    assert html.count("<h1") == 1
    assert '<html lang="nl" dir="ltr">' in html
    assert 'href="#main"' in html  # skip link


def test_home_lists_loaded_regions_with_counts(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    row = re.search(r'<th scope="row">Testregio</th>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["2", "2", "2"]


def test_english_on_request(client: FlaskClient) -> None:
    html = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert "<h1>Youth care in your region</h1>" in html


def test_accept_language_is_honoured(client: FlaskClient) -> None:
    html = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en"' in html


def test_security_headers(client: FlaskClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_refuses_to_start_in_production_with_the_placeholder_secret() -> None:
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"app_env": "production", "secret_key": Settings().secret_key})
