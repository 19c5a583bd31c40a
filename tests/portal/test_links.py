"""Provider links made once per page are the links url_for makes, for every id."""

import pytest
from flask import Flask, url_for

from portal.links import ProviderLink

IDS = [
    ("np-00480", "regio-01"),
    ("a.b_c-1", "R2"),
    ("provider", "region"),  # the markers' words, without their dashes
    # Not importable, but should one reach a page, url_for's own quoting still applies.
    ("x y/z", "r?1"),
    ("-provider-", "-region-"),
]


@pytest.mark.parametrize(("provider_id", "region_id"), IDS)
def test_a_provider_link_is_url_for(app: Flask, provider_id: str, region_id: str) -> None:
    with app.test_request_context("/zoeken?q=angst"):
        page = ProviderLink("providers.detail", "provider_id", "regio", postcode="1011")
        api = ProviderLink("api.provider", "provider_id", "region")
        assert page(provider_id, region_id) == url_for(
            "providers.detail", provider_id=provider_id, regio=region_id, postcode="1011"
        )
        assert api(provider_id, region_id) == url_for(
            "api.provider", provider_id=provider_id, region=region_id
        )
