"""How /api/v1 behaves on the wire for a developer on another site: CORS for reading, ETags
and 304s, a rate limit with a problem that says when to come back, one error shape for
every failure, and a documentation page that needs nothing from elsewhere."""

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from portal import create_app
from tests.portal.conftest import fixed_day
from tests.portal.test_api import PROBLEM, problem
from tests.utils.html import get_page

READS = [
    "/api/v1/",
    "/api/v1/search?postcode=1011",
    "/api/v1/providers/rustpunt",
    "/api/v1/regions/testregio",
    "/api/v1/regions/testregio/export.zip",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("url", READS)
def test_any_site_may_read_and_cache_it(client: FlaskClient, url: str) -> None:
    response = client.get(url, headers={"Origin": "https://gemeente.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert "Set-Cookie" not in response.headers


def test_a_preflight_allows_get_only(client: FlaskClient) -> None:
    response = client.options(
        "/api/v1/search",
        headers={
            "Origin": "https://gemeente.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]


def test_pages_outside_the_api_get_no_cors(client: FlaskClient) -> None:
    assert "Access-Control-Allow-Origin" not in client.get("/zoeken?q=angst").headers


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_the_same_etag_gets_a_304_without_a_body(client: FlaskClient, encoding: str) -> None:
    url = "/api/v1/search?postcode=1011"
    first = client.get(url, headers={"Accept-Encoding": encoding})
    etag = first.headers["ETag"]
    assert not etag.startswith("W/")  # strong: a hash of the body
    again = client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    other = client.get(url + "&lang=en", headers={"If-None-Match": etag})
    assert other.status_code == 200  # another body, another ETag


def test_errors_are_not_stored_and_answers_vary_by_language(client: FlaskClient) -> None:
    response = client.get("/api/v1/search?postcode=abcd")
    assert response.headers["Cache-Control"] == "no-store"
    assert "Accept-Language" in response.headers["Vary"]


def test_the_language_asked_is_not_remembered(client: FlaskClient) -> None:
    """?lang= on a page sets the language cookie; an API call is for that answer only."""
    assert "Set-Cookie" not in client.get("/api/v1/regions?lang=en").headers
    assert "Set-Cookie" in client.get("/?lang=en").headers


@pytest.fixture
def limited(app_config: dict[str, Any]) -> FlaskClient:
    app = fixed_day(create_app(app_config))
    app.config["API_RATE_LIMIT"] = "3 per minute"
    return app.test_client()


def test_too_many_requests_get_a_429_problem_saying_when_to_return(
    limited: FlaskClient,
) -> None:
    for url in ("/api/v1/regions", "/api/v1/search", "/api/v1/regions/testregio"):
        assert limited.get(url).status_code == 200  # one limit for the whole API
    body = problem(limited, "/api/v1/regions", 429)
    assert body["type"] == "/api/v1/docs#problem-too-many-requests"
    response = limited.get("/api/v1/teams?postcode=1011")
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert limited.get("/zoeken?q=angst").status_code == 200  # pages are not counted


def test_other_methods_get_a_405_problem(client: FlaskClient) -> None:
    response = client.post("/api/v1/search")
    assert response.status_code == 405
    assert response.mimetype == PROBLEM
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_server_error_is_a_problem_without_details(app: Flask) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("geheime details")

    app.view_functions["api.region_list"] = broken
    body = problem(app.test_client(), "/api/v1/regions", 500)
    assert "geheime" not in str(body)


def test_the_index_links_everything(client: FlaskClient) -> None:
    assert client.get("/api/v1").status_code == 308  # to /api/v1/
    body = client.get("/api/v1/").get_json()
    assert body["openapi"] == "/api/v1/openapi.json"
    assert body["documentation"] == "/api/v1/docs"
    assert client.get(body["regions"]).status_code == 200


def test_the_documentation_page_describes_every_operation_from_this_site(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/api/v1/docs")
    assert page.status == 200
    document = client.get("/api/v1/openapi.json").get_json()
    headings = [h.text for h in page.root.find_all("h3")]
    for path in document["paths"]:
        assert f"GET /api/v1{path}" in headings
    assert "SearchHit" in headings and "Problem" in headings
    assert page.root.find_all("script") == []
    for node in page.root.find_all("link") + page.root.find_all("img"):
        assert not node.attrs.get("href", "").startswith(("http", "//"))
        assert not node.attrs.get("src", "").startswith(("http", "//"))
    assert page.root.find(id="problem-invalid-parameters") is not None
