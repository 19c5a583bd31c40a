"""A referrer who chose a kind of help sees, is filtered on and sorted on the wait for that
help (DESIGN.md §11): Rustpunt takes 3 weeks in general but 12 for anxiety help (P01)."""

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.utils.datasets import add_row
from tests.utils.html import get_page

ANXIETY = "profiel=P01"


@pytest.fixture
def dataset(dataset: Path) -> Path:
    add_row(
        dataset,
        "waittimes.csv",
        region_id="testregio",
        provider_id="rustpunt",
        profile_code="P01",
        weeks="12",
        confirmed_on="2026-11-15",
    )
    return dataset


def card(client: FlaskClient, query: str, name: str) -> str:
    page = get_page(client, f"/zoeken?postcode=1011&{query}")
    for item in page.main.with_class("result"):
        if name in item.find("h3").text:
            return " ".join(item.text.split())
    raise AssertionError(f"{name} is not in the results for {query}")


def test_the_card_shows_the_wait_for_the_chosen_help(client: FlaskClient) -> None:
    chosen = card(client, ANXIETY, "Rustpunt Jeugd")
    assert "Wachttijd voor Angst en somberheid: 12 weken (nagekeken op 15 november 2026)" in chosen
    assert "3 weken" not in chosen


def test_without_a_choice_the_card_shows_the_general_wait(client: FlaskClient) -> None:
    assert "Wachttijd: 3 weken (nagekeken op 1 november 2026)" in card(client, "", "Rustpunt")


def test_within_eight_weeks_leaves_out_a_provider_slow_for_the_chosen_help(
    client: FlaskClient,
) -> None:
    general = get_page(client, "/zoeken?postcode=1011&wachttijd=8").main.text
    chosen = get_page(client, f"/zoeken?postcode=1011&wachttijd=8&{ANXIETY}").main.text
    assert "Rustpunt Jeugd" in general
    assert "Rustpunt Jeugd" not in chosen


def test_the_wait_choices_count_the_wait_for_the_chosen_help(client: FlaskClient) -> None:
    def options(query: str) -> list[str]:
        page = get_page(client, f"/zoeken?postcode=1011&{query}")
        return [
            " ".join(o.text.split())
            for o in page.main.find("select", id="wachttijd").find_all("option")
        ]

    assert "Binnen 8 weken (2)" in options("")
    assert "Binnen 8 weken (0)" in options(ANXIETY)


def test_compare_shows_the_wait_for_the_chosen_help(client: FlaskClient) -> None:
    ids = "id=testregio__rustpunt&id=testregio__opvoedhuis"
    page = get_page(client, f"/vergelijken?{ids}&{ANXIETY}").main.text
    assert "Wachttijd voor Angst en somberheid: 12 weken" in page


def test_the_api_gives_the_wait_for_the_chosen_help(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?postcode=1011&profile=P01").get_json()
    waits = {hit["provider_id"]: hit["wait"] for hit in body["hits"]}
    assert waits["rustpunt"] == {
        "weeks": 12,
        "profile_code": "P01",
        "label": "Wachttijd voor Angst en somberheid",
        "confirmed_on": "2026-11-15",
        "out_of_date": False,
    }
