"""What only production adds: Strict-Transport-Security, so browsers keep to HTTPS for a
year (subdomains included) and a family on a hostile network cannot be downgraded."""

from typing import Any

import pytest

from portal import create_app
from tests.portal.test_routes import RUSTPUNT

PRODUCTION = {
    "app_env": "production",
    "secret_key": "a-long-random-production-value",
    "public_url": "https://jeugdhulpgids.example",
}
# A page, an error page, JSON, a redirect and a static file.
PATHS = ["/", "/bestaat-niet", "/api/v1/search?q=angst", f"/bewaarlijst/toevoegen?id={RUSTPUNT}"]
PATHS += ["/static/css/site.css"]


@pytest.mark.parametrize("path", PATHS)
def test_production_tells_browsers_to_keep_to_https(app_config: dict[str, Any], path: str) -> None:
    client = create_app({**app_config, **PRODUCTION}).test_client()
    with client.get(path) as response:  # closes the static file's stream
        assert response.status_code < 500
    hsts = response.headers["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize("app_env", ["development", "test"])
def test_no_hsts_outside_production(app_config: dict[str, Any], app_env: str) -> None:
    """A browser would remember it for localhost and refuse a plain-HTTP dev server."""
    client = create_app({**app_config, "app_env": app_env}).test_client()
    assert "Strict-Transport-Security" not in client.get("/").headers
