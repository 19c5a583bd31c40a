"""Families who speak Tarifit find the providers that speak it, on the page and through the
API, and read the language's name in their own language, never the bare code `rif`.

Het Opvoedhuis (Testregio, Amstelveen) speaks Dutch, Turkish and Tarifit here; the import
file wrote the Tarifit code in capitals.
"""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from portal.i18n import LOCALES
from portal.labels import collation_key, language_choices, language_name
from tests.portal.test_search import facet_options, result_names
from tests.utils.datasets import set_cell
from tests.utils.html import get_page

RESULTS = "/zoeken?postcode=1011"


@pytest.fixture
def dataset(dataset: Path) -> Path:
    set_cell(dataset, "providers.csv", 3, "languages", "nl;tr;RIF")
    return dataset


def test_filtering_on_tarifit_finds_the_provider_that_speaks_it(client: FlaskClient) -> None:
    page = get_page(client, f"{RESULTS}&taal=rif")
    assert result_names(page) == ["Het Opvoedhuis"]

    body = client.get("/api/v1/search?postcode=1011&language=rif").get_json()
    assert [hit["name"] for hit in body["hits"]] == ["Het Opvoedhuis"]
    assert {"value": "rif", "count": 1, "label": "Riffijns"} in body["facets"]["languages"]


def test_tarifit_is_counted_by_its_dutch_name_among_the_other_languages(
    client: FlaskClient,
) -> None:
    assert facet_options(get_page(client, RESULTS), "taal") == {
        "en": "Engels (1)",
        "nl": "Nederlands (2)",
        "rif": "Riffijns (1)",
        "tr": "Turks (1)",
    }


@pytest.mark.parametrize(
    ("locale", "name"),
    [
        ("en", "Riffian"),
        ("tr", "Rif Berbericesi"),
        # No Arabic or Ukrainian name in the pages' locale data: ISO 639-3's, in English
        # where it has no translation.
        ("ar", "Tarifit"),
        ("uk", "Таріфіт"),
    ],
)
def test_tarifit_is_named_in_the_readers_language(
    client: FlaskClient, locale: str, name: str
) -> None:
    label = facet_options(get_page(client, f"{RESULTS}&lang={locale}"), "taal")["rif"]
    assert label.startswith(f"{name} (")


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [("nl", "Nederlands, Riffijns en Turks"), ("uk", "нідерландська, таріфіт і турецька")],
)
def test_the_provider_page_names_tarifit_among_its_languages(
    client: FlaskClient, locale: str, spoken: str
) -> None:
    facts = get_page(client, f"/aanbieders/opvoedhuis?lang={locale}").main.find("dl")
    assert spoken in [dd.text for dd in facts.find_all("dd")]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_language_filter_lists_names_in_the_reader_s_alphabetical_order(
    app: Flask, locale: str
) -> None:
    """Names and order are prepared once per language and code, and are those a page worked
    out for itself: capitalised names, sorted as the reader's alphabet sorts them."""
    codes = ["nl", "tr", "rif", "ar", "uk", "pl", "en", "so", "ti", "zgh", "fa", "xx"]
    with app.test_request_context(f"/zoeken?lang={locale}"):
        key = collation_key()
        expected = {
            code: (language_name(code, capital=True), "")
            for code in sorted(codes, key=lambda code: key(language_name(code)))
        }
        choices = language_choices(codes, locale)
    assert list(choices.items()) == list(expected.items())
