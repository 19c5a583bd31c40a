"""The JSON twins (/api/v1) give referrers' systems exactly what the pages show, and say per
field what was wrong with a request."""

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.search import SearchUnavailable
from tests.utils.html import get_page
from tests.utils.loading import add_too_few_trajectories

SAME_PARAMETERS = [
    "postcode=1011",
    "postcode=1181",
    "q=angts",
    "q=bang&postcode=1011",
    "postcode=1011&profiel=P02",
    "postcode=1011&sortering=name",
    "postcode=1011&leeftijd=15&taal=nl",
    "q=xyzzyq",
]


@pytest.mark.parametrize("query", SAME_PARAMETERS)
def test_search_finds_what_the_results_page_shows(client: FlaskClient, query: str) -> None:
    page = get_page(client, f"/zoeken?{query}")
    assert page.status == 200
    shown_total = int(re.match(r"\d+", page.root.find(role="status").text).group())
    shown_ids = [box.attrs["value"] for box in page.root.find_all("input", name="id")]

    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 200
    assert response.is_json
    body = response.get_json()
    assert body["total"] == shown_total
    assert [hit["id"] for hit in body["hits"]] == shown_ids


def test_search_returns_facet_counts_place_and_pages(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?postcode=1011").get_json()
    assert body["facets"]["profiles"] == {"P01": 1, "P02": 1}
    assert body["facets"]["intensities"] == {"I1": 2, "I2": 1}
    assert body["facets"]["languages"] == {"en": 1, "nl": 2, "tr": 1}
    assert body["place"]["pc4"] == "1011"
    assert body["place"]["region_id"] == "testregio"
    assert body["pages"] == 1
    rustpunt = body["hits"][0]
    assert rustpunt["document"]["name"] == "Rustpunt Jeugd"
    assert rustpunt["distance_km"] == pytest.approx(0.4, abs=0.1)


def test_snippets_carry_the_matched_word_as_data_not_markup(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=angts").get_json()
    assert {"text": "angst", "match": True} in body["hits"][0]["snippet"]


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("postcode=abcd", {"postcode"}),
        ("postcode=9999", {"postcode"}),
        ("profiel=%3Cscript%3E", {"profiel"}),
        ("pagina=0", {"pagina"}),
        ("pagina=abc", {"pagina"}),
        ("q=angst&pagina=2", {"pagina"}),  # past the last page
        ("q=" + "a" * 10_000, {"q"}),
        ("leeftijd=abc&sortering=xyz", {"leeftijd", "sortering"}),
        (
            "postcode=abcd&profiel=%3Cx%3E&pagina=0&q=" + "a" * 201,
            {"postcode", "profiel", "pagina", "q"},
        ),
    ],
    ids=[
        "postcode",
        "unknown-postcode",
        "profiel",
        "pagina",
        "pagina-text",
        "past-last-page",
        "q",
        "two",
        "four",
    ],
)
def test_invalid_parameters_get_a_400_per_field(
    client: FlaskClient, query: str, fields: set[str]
) -> None:
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 400
    assert response.is_json
    errors = response.get_json()["errors"]
    assert set(errors) == fields
    assert all(isinstance(message, str) and message for message in errors.values())


@pytest.mark.parametrize("query", ["postcode=abcd", "q=angst&pagina=2", "sortering=xyz"])
def test_the_error_messages_match_the_page(client: FlaskClient, query: str) -> None:
    errors = client.get(f"/api/v1/search?{query}").get_json()["errors"]
    page = get_page(client, f"/zoeken?{query}")
    summary = [a.text for a in page.root.find(class_="error-summary").find_all("a")]
    assert list(errors.values()) == summary


def test_provider_offers_figures_locations_and_waits(client: FlaskClient) -> None:
    response = client.get("/api/v1/providers/rustpunt")
    assert response.status_code == 200
    body = response.get_json()
    assert body["provider"]["name"] == "Rustpunt Jeugd"
    assert body["region"]["id"] == "testregio"
    assert body["regions"] == ["testregio"]
    [offer] = body["offers"]
    assert offer["profile"]["code"] == "P01"
    assert offer["profile"]["names"]["nl"] == "Angst en somberheid"
    assert [i["code"] for i in offer["intensities"]] == ["I1", "I2"]
    assert offer["segments"] == ["B"]
    assert body["outcomes"]["period"] == "2025"
    figures = {f["name"]: f for f in body["outcomes"]["figures"]}
    assert figures["goal_attainment_pct"] == {
        "name": "goal_attainment_pct",
        "value": 78.5,
        "count": 64,
        "enough": True,
        "norm": 70.0,
        "norm_is_maximum": False,
        "regional_average": 78.5,
        "meets_norm": True,
    }
    assert figures["dropout_pct"]["norm"] == 15.0 and figures["dropout_pct"]["norm_is_maximum"]
    [location] = body["locations"]
    assert (location["street"], location["postcode"], location["city"]) == (
        "Damrak",
        "1011 AB",
        "Amsterdam",
    )
    assert body["wait_times"] == [
        {
            "region_id": "testregio",
            "provider_id": "rustpunt",
            "profile_code": "",
            "weeks": 3,
            "confirmed_on": "2026-11-01",
        }
    ]
    assert body["contract_end"] == "2027-12-31"


class TestTooFewTrajectories:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        add_too_few_trajectories(dataset)
        return dataset

    def test_a_withheld_figure_has_no_value_and_says_not_enough(self, client: FlaskClient) -> None:
        body = client.get("/api/v1/providers/opvoedhuis").get_json()
        goals = next(f for f in body["outcomes"]["figures"] if f["name"] == "goal_attainment_pct")
        assert goals["enough"] is False
        assert goals["value"] is None
        assert goals["meets_norm"] is None
        assert goals["count"] == 6
        assert "95" not in client.get("/api/v1/providers/opvoedhuis").get_data(as_text=True)


def test_search_engine_down_is_a_json_503(app: Flask) -> None:
    class Down:
        def search(self, *_args: object) -> None:
            raise SearchUnavailable("the index is being rebuilt")

    app.extensions["search"] = Down()
    response = app.test_client().get("/api/v1/search?q=angst")
    assert response.status_code == 503
    message = "De zoekfunctie is even niet bereikbaar. Probeer het over een paar minuten opnieuw."
    assert response.get_json() == {"errors": {"search": message}}


def test_unknown_provider_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/providers/bestaat-niet")
    assert response.status_code == 404
    assert response.is_json
    assert set(response.get_json()["errors"]) == {"provider_id"}


def test_unknown_api_path_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.is_json
