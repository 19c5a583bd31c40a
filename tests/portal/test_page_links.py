"""Links made without url_for's work for each are url_for's links, byte for byte: the menu and
the forms, a results page's page numbers, filters and downloads, and the view switch, for
any parameters a visitor can put in a URL and wherever the portal is mounted."""

from urllib.parse import quote

import pytest
from flask import Flask, request, url_for
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from portal.links import page_url, query_url, static_url
from portal.public.results_view import results_url
from portal.public.search_form import Parameters
from portal.referrers import exports, view

QUERIES = [
    "",
    "q=angst&postcode=1011",
    "q=angst+diemen&postcode=1011&taal=en&taal=ar&pagina=3",
    "q=%C3%A7ocuk+%26+ouders%3D%3F%2F&x=%3Cb%3E&leeg=&lang=ar",
    "q=a%2Bb%25c%23d&profiel=P01&zorgvorm=ambulant&formaat=csv&pagina=2",
    "alle_regios=1&regio=regio-01&q=" + quote("~!$'()*,/:;?@ é\t\\", safe=""),
    "weergave=gezin&q=x&weergave=professioneel",
]
ROOTS = ["", "/gids"]  # at the site's root, and mounted under a path


def old_results_url(args: MultiDict, **changes) -> str:
    """How a results link was made: url_for of the parameters with `changes` applied."""
    merged = MultiDict(args)
    for key, value in changes.items():
        merged.poplist(key)
        for item in [] if value is None else value if isinstance(value, list) else [value]:
            merged.add(key, item)
    return url_for("search.results", **merged.to_dict(flat=False))


@pytest.mark.parametrize("root", ROOTS)
def test_menu_links_are_url_for(app: Flask, root: str) -> None:
    endpoints = ["home.index", "search.results", "compare.shortlist", "pages.privacy", "api.docs"]
    for _round in range(2):  # made, then kept
        with app.test_request_context("/zoeken", base_url=f"http://localhost{root}/"):
            for endpoint in endpoints:
                assert page_url(endpoint) == url_for(endpoint)
                assert page_url(endpoint).startswith(f"{root}/")
            static_url_for = app.jinja_env.globals["static_url_for"]
            for filename in ("css/site.css", "favicon.svg"):
                assert static_url(filename) == static_url_for("static", filename=filename)


@pytest.mark.parametrize("root", ROOTS)
def test_results_links_are_url_for(app: Flask, root: str) -> None:
    changes = [
        {"pagina": "2"},
        {"alle_regios": "1", "regio": None},
        {"alleen_woorden": "1"},
        {"taal": ["en"], "pagina": None},
        {"taal": [], "pagina": None},
        {"q": "somberheid & angst"},
        {"sortering": "name", "pagina": None},
    ]
    for query in QUERIES:
        with app.test_request_context(f"/zoeken?{query}", base_url=f"http://localhost{root}/"):
            args = Parameters(request.args)
            for change in changes:
                assert results_url(args, **change) == old_results_url(args, **change), change
            assert query_url("search.results", args.items(multi=True)) == url_for(
                "search.results", **args.to_dict(flat=False)
            )


def test_download_links_are_url_for(app: Flask) -> None:
    for query in QUERIES:
        with app.test_request_context(f"/zoeken?{query}"):
            for endpoint, changes in [
                ("search.results", {}),
                ("compare.shortlist", {"id": ["a", "b"]}),
            ]:
                kept = MultiDict(request.args)
                for name in ("pagina", "formaat", *changes):
                    kept.poplist(name)
                expected = [
                    url_for(endpoint, **(kept.to_dict(flat=False) | changes), formaat=name)
                    for name in exports.FORMATS
                ]
                links = exports.download_links(endpoint, request.args, **changes)
                assert [url for _label, url in links] == expected


@pytest.mark.parametrize("path", ["/zoeken", "/aanbieders/np-00480", "/vergelijken"])
def test_the_view_switch_is_url_for(app: Flask, path: str) -> None:
    for query in QUERIES:
        with app.test_request_context(f"{path}?{query}"):
            args = MultiDict(request.args)
            args[view.ARG] = view.PROFESSIONAL if not view.active() else view.FAMILY
            expected = url_for(request.endpoint, **request.view_args, **args.to_dict(False))
            assert view._switch().url == expected


def test_parameters_read_as_the_request_s() -> None:
    args = MultiDict([("q", "angst"), ("taal", "en"), ("taal", "ar"), ("leeg", "")])
    fast = Parameters(args)
    for name in ("q", "taal", "leeg", "absent"):
        assert fast.get(name) == args.get(name)
        assert fast.get(name, "x") == args.get(name, "x")
        assert fast.get(name, type=len) == args.get(name, type=len)
    assert list(fast.items(multi=True)) == list(args.items(multi=True))


@pytest.mark.parametrize("name", ["endpoint", "_external", "_anchor", "_scheme", "_method"])
def test_a_parameter_named_like_url_for_s_own_is_just_a_parameter(
    client: FlaskClient, name: str
) -> None:
    """Kept in every link as it came, never read as url_for's own (a 500, or links to the
    Host the request named)."""
    response = client.get(f"/zoeken?q=angst&postcode=1011&{name}=1")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"&amp;{name}=1&amp;pagina=" in page or f"&amp;{name}=1&amp;formaat=" in page
    assert "http://localhost" not in page
