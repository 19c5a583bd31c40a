"""The search and provider resources of /api/v1 give other systems what the pages show, in
stable English shapes, and say per parameter what was wrong with a request."""

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.search import SearchUnavailable
from tests.indexer.hsds.test_export import OPVOEDHUIS_CONTRACT_ROW
from tests.utils.datasets import add_row, set_cell
from tests.utils.html import get_page
from tests.utils.loading import add_too_few_trajectories

PROBLEM = "application/problem+json"
# The results page's query and the same question to the API.
SAME_QUESTIONS = [
    ("postcode=1011", "postcode=1011"),
    ("postcode=1181", "postcode=1181"),
    ("q=angts", "q=angts"),
    ("q=bang&postcode=1011", "q=bang&postcode=1011"),
    ("postcode=1011&profiel=P02", "postcode=1011&profile=P02"),
    ("postcode=1011&sortering=name", "postcode=1011&sort=name"),
    ("postcode=1011&leeftijd=15&taal=nl", "postcode=1011&age=15&language=nl"),
    ("q=xyzzyq", "q=xyzzyq"),
]
# Index fields that are no part of the public shape.
INDEX_FIELDS = {"_geo", "name_sort", "available_until", "description_en", "focus", "document"}


def problem(client: FlaskClient, url: str, status: int = 400) -> dict:
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"].startswith("/api/v1/docs#problem-")
    return body


@pytest.mark.parametrize(("page_query", "api_query"), SAME_QUESTIONS)
def test_search_finds_what_the_results_page_shows(
    client: FlaskClient, page_query: str, api_query: str
) -> None:
    page = get_page(client, f"/zoeken?{page_query}")
    assert page.status == 200
    shown_total = int(re.match(r"\d+", page.root.find(role="status").text).group())
    shown_ids = [box.attrs["value"] for box in page.root.find_all("input", name="id")]

    response = client.get(f"/api/v1/search?{api_query}")
    assert response.status_code == 200
    assert response.is_json
    body = response.get_json()
    assert body["total"] == shown_total
    assert [hit["id"] for hit in body["hits"]] == shown_ids


def test_search_returns_facets_with_labels_place_and_pages(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?postcode=1011").get_json()
    assert body["facets"]["profiles"] == [
        {"value": "P01", "count": 1, "label": "Angst en somberheid"},
        {"value": "P02", "count": 1, "label": "Opvoeden"},
    ]
    assert [(f["value"], f["count"]) for f in body["facets"]["intensities"]] == [
        ("I1", 2),
        ("I2", 1),
    ]
    assert body["facets"]["languages"] == [
        {"value": "en", "count": 1, "label": "Engels"},
        {"value": "nl", "count": 2, "label": "Nederlands"},
        {"value": "tr", "count": 1, "label": "Turks"},
    ]
    assert body["place"]["pc4"] == "1011"
    assert body["place"]["region_id"] == "testregio"
    assert (body["pages"], body["page"], body["page_size"]) == (1, 1, 10)
    assert body["query"]["region"] == "testregio"
    assert body["query"]["sort"] == "distance"


def test_a_hit_is_a_public_shape_not_the_index_document(client: FlaskClient) -> None:
    rustpunt = client.get("/api/v1/search?postcode=1011").get_json()["hits"][0]
    assert rustpunt["name"] == "Rustpunt Jeugd"
    assert rustpunt["distance_km"] == pytest.approx(0.4, abs=0.1)
    assert rustpunt["region"] == {"code": "testregio", "name": "Testregio", "lang": "nl"}
    assert rustpunt["profiles"] == [{"code": "P01", "name": "Angst en somberheid", "lang": "nl"}]
    assert rustpunt["description"] == {"text": "Wij helpen kinderen met angst.", "lang": "nl"}
    assert rustpunt["contract_end"] == "2027-12-31"
    assert rustpunt["locations"][0]["latitude"] == pytest.approx(52.3741)
    assert rustpunt["url"] == "/api/v1/providers/rustpunt?region=testregio"
    assert rustpunt["page_url"] == "/aanbieders/rustpunt?regio=testregio"
    assert not INDEX_FIELDS & set(rustpunt)


def test_texts_come_in_the_language_asked_with_dutch_marked(client: FlaskClient) -> None:
    hits = client.get("/api/v1/search?postcode=1011&lang=en").get_json()["hits"]
    by_id = {hit["provider_id"]: hit for hit in hits}
    assert by_id["rustpunt"]["description"] == {
        "text": "We help children with anxiety.",
        "lang": "en",
    }
    assert by_id["opvoedhuis"]["description"]["lang"] == "nl"  # no English text of its own
    assert by_id["rustpunt"]["profiles"][0]["name"] == "Anxiety and low mood"


def test_snippets_carry_the_matched_word_as_data_not_markup(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=angts").get_json()
    assert {"text": "angst", "match": True} in body["hits"][0]["snippet"]


def test_page_size_goes_up_to_100_with_links_to_the_next_page(client: FlaskClient) -> None:
    first = client.get("/api/v1/search?postcode=1011&page_size=1").get_json()
    assert (first["total"], first["pages"], len(first["hits"])) == (2, 2, 1)
    assert first["links"] == {
        "next": "/api/v1/search?postcode=1011&page_size=1&page=2",
        "previous": None,
    }
    second = client.get(first["links"]["next"]).get_json()
    assert second["links"]["previous"] == "/api/v1/search?postcode=1011&page_size=1&page=1"
    assert {first["hits"][0]["id"], second["hits"][0]["id"]} == {
        "testregio__rustpunt",
        "testregio__opvoedhuis",
    }
    assert client.get("/api/v1/search?page_size=100").status_code == 200
    assert set(problem(client, "/api/v1/search?page_size=101")["errors"]) == {"page_size"}


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("postcode=abcd", {"postcode"}),
        ("postcode=9999", {"postcode"}),
        ("profile=%3Cscript%3E", {"profile"}),
        ("page=0", {"page"}),
        ("page=abc", {"page"}),
        ("q=angst&page=2", {"page"}),  # past the last page
        ("q=" + "a" * 10_000, {"q"}),
        ("age=abc&sort=xyz", {"age", "sort"}),
        (
            "postcode=abcd&profile=%3Cx%3E&page=0&q=" + "a" * 201,
            {"postcode", "profile", "page", "q"},
        ),
        ("care_form=zwemmen&with_outcomes=misschien", {"care_form", "with_outcomes"}),
        ("lang=de", {"lang"}),
    ],
    ids=[
        "postcode",
        "unknown-postcode",
        "profile",
        "page",
        "page-text",
        "past-last-page",
        "q",
        "two",
        "four",
        "choices",
        "language",
    ],
)
def test_invalid_parameters_get_a_problem_naming_each(
    client: FlaskClient, query: str, fields: set[str]
) -> None:
    errors = problem(client, f"/api/v1/search?{query}")["errors"]
    assert set(errors) == fields
    assert all(isinstance(message, str) and message for message in errors.values())


@pytest.mark.parametrize(
    ("page_query", "api_query"),
    [
        ("postcode=abcd", "postcode=abcd"),
        ("q=angst&pagina=2", "q=angst&page=2"),
        ("sortering=xyz", "sort=xyz"),
        ("leeftijd=99", "age=99"),
    ],
)
def test_the_error_messages_are_the_pages(
    client: FlaskClient, page_query: str, api_query: str
) -> None:
    errors = problem(client, f"/api/v1/search?{api_query}")["errors"]
    page = get_page(client, f"/zoeken?{page_query}")
    summary = [a.text for a in page.root.find(class_="error-summary").find_all("a")]
    assert list(errors.values()) == summary


def test_messages_come_in_the_language_asked(client: FlaskClient) -> None:
    english = problem(client, "/api/v1/search?postcode=abcd&lang=en")["errors"]
    assert english == {"postcode": "Enter a postcode with 4 numbers, such as 1011."}
    header = {"Accept-Language": "en-GB,en;q=0.9"}
    response = client.get("/api/v1/search?postcode=abcd", headers=header)
    assert response.get_json()["errors"] == english


@pytest.mark.parametrize(
    ("query", "field", "named"),
    [
        ("postcode=1011&profile=P10", "profile", ["P10", "testregio", "P01", "P02"]),
        ("region=testregio&intensity=I9&intensity=I1", "intensity", ["I9", "I1", "I2"]),
        ("profile=P10", "profile", ["P10"]),
        ("region=elders", "region", ["elders", "testregio"]),
        ("language=xx", "language", ["xx"]),
    ],
    ids=["profile-in-region", "intensity-in-region", "profile-nowhere", "region", "language"],
)
def test_codes_unknown_in_the_region_are_a_400_naming_them(
    client: FlaskClient, query: str, field: str, named: list[str]
) -> None:
    """A code of another region's scheme would quietly find nothing."""
    errors = problem(client, f"/api/v1/search?{query}")["errors"]
    assert list(errors) == [field]
    assert all(name in errors[field] for name in named), errors[field]


def test_provider_offers_figures_locations_waits_and_tariffs(client: FlaskClient) -> None:
    response = client.get("/api/v1/providers/rustpunt")
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Rustpunt Jeugd"
    assert body["region"] == {
        "id": "testregio",
        "name": "Testregio",
        "url": "/api/v1/regions/testregio",
    }
    assert [region["id"] for region in body["regions"]] == ["testregio"]
    [offer] = body["offers"]
    assert offer["profile"]["code"] == "P01"
    assert offer["profile"]["name"] == "Angst en somberheid"
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
    assert location["wheelchair_accessible"] is True
    assert body["wait_times"] == [
        {"profile_code": None, "weeks": 3, "confirmed_on": "2026-11-01", "out_of_date": False}
    ]
    assert body["contract_end"] == "2027-12-31"
    assert {(t["intensity_code"], t["amount_eur"], t["unit"]) for t in body["tariffs"]} == {
        ("I1", 2450.0, "traject"),
        ("I2", 6900.0, "traject"),
    }
    assert all(t["uniform"] and t["bandwidth_position"] == "only" for t in body["tariffs"])


class TestAnotherRegion:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        add_row(
            dataset,
            "regions.csv",
            region_id="andere-regio",
            region_name="Andere regio",
            municipality_code="GM0999",
            municipality_name="Ergens",
        )
        return dataset

    def test_a_provider_in_a_region_without_its_contract_is_not_found(
        self, client: FlaskClient
    ) -> None:
        assert client.get("/api/v1/providers/rustpunt?region=testregio").status_code == 200
        body = problem(client, "/api/v1/providers/rustpunt?region=andere-regio", 404)
        assert "rustpunt" in body["detail"]

    def test_a_region_not_in_the_guide_is_a_400(self, client: FlaskClient) -> None:
        errors = problem(client, "/api/v1/providers/rustpunt?region=elders")["errors"]
        assert list(errors) == ["region"]
        assert "andere-regio" in errors["region"] and "testregio" in errors["region"]


class TestAnEndedContract:
    """Het Opvoedhuis's only contract ended yesterday: no answer of the API names it."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "contracts.csv", OPVOEDHUIS_CONTRACT_ROW, "valid_to", "2026-11-21")
        return dataset

    @pytest.mark.parametrize(
        "url",
        [
            "/api/v1/search?region=testregio&page_size=100",
            "/api/v1/regions/testregio/export.json",
        ],
    )
    def test_no_answer_names_the_provider(self, client: FlaskClient, url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200
        text = response.get_data(as_text=True).casefold()
        assert "rustpunt" in text and "opvoedhuis" not in text

    def test_its_page_is_not_found(self, client: FlaskClient) -> None:
        problem(client, "/api/v1/providers/opvoedhuis", 404)


class TestTooFewTrajectories:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        add_too_few_trajectories(dataset)
        return dataset

    def test_a_withheld_figure_has_no_value_and_says_not_enough(self, client: FlaskClient) -> None:
        response = client.get("/api/v1/providers/opvoedhuis")
        figures = response.get_json()["outcomes"]["figures"]
        goals = next(f for f in figures if f["name"] == "goal_attainment_pct")
        assert goals["enough"] is False
        assert goals["value"] is None
        assert goals["meets_norm"] is None
        assert goals["count"] == 6
        assert "95" not in response.get_data(as_text=True)

    def test_search_hits_withhold_it_too(self, client: FlaskClient) -> None:
        response = client.get("/api/v1/search?postcode=1181")
        hit = next(h for h in response.get_json()["hits"] if h["provider_id"] == "opvoedhuis")
        assert hit["outcomes"]["closed_trajectories"] == 6
        assert hit["outcomes"]["goal_attainment_pct"] is None
        assert "95" not in response.get_data(as_text=True)


def test_search_engine_down_is_a_503_problem(app: Flask) -> None:
    class Down:
        def search(self, *_args: object) -> None:
            raise SearchUnavailable("the index is being rebuilt")

    app.extensions["search"] = Down()
    body = problem(app.test_client(), "/api/v1/search?q=angst", 503)
    message = "De zoekfunctie is even niet bereikbaar. Probeer het over een paar minuten opnieuw."
    assert body["detail"] == message
    assert "rebuilt" not in str(body)


def test_unknown_provider_is_a_404_problem(client: FlaskClient) -> None:
    body = problem(client, "/api/v1/providers/bestaat-niet", 404)
    assert "bestaat-niet" in body["detail"]


def test_unknown_api_path_is_a_404_problem(client: FlaskClient) -> None:
    problem(client, "/api/v1/bestaat-niet", 404)
