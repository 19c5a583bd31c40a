"""Pages travel compressed and static files are cached as long as they cannot change
(portal/delivery.py): what a parent on a slow phone connection notices as speed."""

import brotli
from flask.testing import FlaskClient

from portal.paths import STATIC

BR = {"Accept-Encoding": "br, gzip"}


def test_a_results_page_is_sent_compressed(client: FlaskClient) -> None:
    response = client.get("/zoeken?postcode=1011", headers=BR)
    assert response.headers["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response.headers["Vary"]
    page = brotli.decompress(response.get_data()).decode()
    assert "Rustpunt Jeugd" in page
    assert len(response.get_data()) < len(page.encode()) / 3


def test_a_client_that_accepts_no_compression_gets_plain_html(client: FlaskClient) -> None:
    response = client.get("/zoeken?postcode=1011")
    assert "Content-Encoding" not in response.headers
    assert "Rustpunt Jeugd" in response.get_data(as_text=True)


def test_pages_with_a_csrf_token_are_never_compressed(client: FlaskClient) -> None:
    """BREACH reads secrets through compression of pages that also echo typed text."""
    response = client.get("/inloggen", headers=BR)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert 'name="csrf_token"' in response.get_data(as_text=True)


def test_a_fingerprinted_stylesheet_is_cached_for_a_year(client: FlaskClient) -> None:
    copy = STATIC / "css" / f"site-{'0' * 31}1.css"
    copy.write_bytes((STATIC / "css" / "site.css").read_bytes())
    try:
        response = client.get(f"/static/css/{copy.name}", headers=BR)
        response.close()
        assert response.status_code == 200
        assert response.cache_control.max_age == 365 * 24 * 3600
        assert response.cache_control.immutable
        # Else browsers ask again on every use, which undoes the year.
        assert not response.cache_control.no_cache
        assert response.headers["Content-Encoding"] == "br"
    finally:
        copy.unlink()


def test_the_plain_stylesheet_is_checked_on_every_use(client: FlaskClient) -> None:
    response = client.get("/static/css/site.css")
    response.close()
    assert response.cache_control.no_cache
    assert not response.cache_control.max_age
