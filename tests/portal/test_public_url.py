"""Links sent on to a family (the shortlist's share link) point at the portal's configured
address, PUBLIC_URL, whatever Host or X-Forwarded-Host a request carries; production does
not start without it."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from pydantic import ValidationError

from indexer.settings import Settings
from portal import create_app
from tests.portal.test_routes import OPVOEDHUIS, RUSTPUNT
from tests.utils.html import parse

SHORTLIST = f"/bewaarlijst?id={RUSTPUNT}&id={OPVOEDHUIS}"
PUBLIC = "https://jeugdhulpgids.example"
PRODUCTION = {"app_env": "production", "secret_key": "a-long-random-production-value"}


def share_link(app: Flask, script_name: str = "", **headers: str) -> str:
    response = app.test_client().get(
        SHORTLIST, headers=headers, environ_overrides={"SCRIPT_NAME": script_name}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "evil.example" not in html
    return parse(html).root.find("input", id="share-link").attrs["value"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Host": "evil.example"}, {"X-Forwarded-Host": "evil.example"}],
    ids=["plain", "host", "forwarded-host"],
)
def test_the_share_link_is_built_from_public_url(
    app_config: dict[str, Any], headers: dict[str, str]
) -> None:
    app = create_app({**app_config, "public_url": PUBLIC + "/", "proxy_hops": 1})
    url = urlsplit(share_link(app, **headers))
    assert (url.scheme, url.netloc, url.path) == ("https", "jeugdhulpgids.example", "/bewaarlijst")
    assert parse_qs(url.query)["id"] == [RUSTPUNT, OPVOEDHUIS]


@pytest.mark.parametrize("script_name", ["", "/jeugdhulp"], ids=["proxy-strips", "mounted"])
def test_public_url_may_name_the_path_the_portal_is_served_under(
    app_config: dict[str, Any], script_name: str
) -> None:
    """Whether the proxy strips the path or passes it on as SCRIPT_NAME, it appears once."""
    app = create_app({**app_config, "public_url": "https://gemeente.example/jeugdhulp"})
    link = share_link(app, script_name, Host="evil.example")
    assert link.startswith("https://gemeente.example/jeugdhulp/bewaarlijst?id=")


def test_without_public_url_the_share_link_stays_on_the_site(app_config: dict[str, Any]) -> None:
    """Development and test: a relative link, so no Host header can point it elsewhere."""
    link = share_link(create_app(app_config), Host="evil.example")
    assert link.startswith("/bewaarlijst?id=")


def test_production_refuses_to_start_without_an_https_public_url(
    app_config: dict[str, Any],
) -> None:
    for public_url in (None, "http://jeugdhulpgids.example"):
        with pytest.raises(RuntimeError, match="PUBLIC_URL"):
            create_app({**app_config, **PRODUCTION, "public_url": public_url})
    assert create_app({**app_config, **PRODUCTION, "public_url": PUBLIC})


@pytest.mark.parametrize(
    "value", ["jeugdhulpgids.example", "ftp://jeugdhulpgids.example", f"{PUBLIC}/?a=1", "https://"]
)
def test_a_mistyped_public_url_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="PUBLIC_URL"):
        Settings(public_url=value)
