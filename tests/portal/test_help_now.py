"""Help now, first: a search that says someone is in danger opens with the crisis lines, in
the reader's language, before the local team and any result; an ordinary search does not;
the region's own crisis service joins them where the region configured one; the API says
the same; and nothing about the search is stored or logged.

The minimal dataset's Testregio has no crisis service; `crisis_client` loads a copy that
configures a fictional one.
"""

import logging
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine

from portal import create_app
from tests.portal.conftest import fixed_day
from tests.utils.datasets import read_rows, snapshot, write_rows
from tests.utils.html import Node, Page, get_page

CRISIS = {
    "crisis_name": "Crisisdienst Jeugd Testregio",
    "crisis_phone": "020-1110000",
    "crisis_hours": "dag en nacht",
}


def help_box(page: Page) -> Node | None:
    boxes = page.root.with_class("help-now")
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


def calls(box: Node) -> list[str]:
    return [a.attrs["href"] for a in box.find_all("a") if a.attrs["href"].startswith("tel:")]


def position(page: Page, node: Node) -> int:
    return next(n for n, element in enumerate(page.root.iter()) if element is node)


@pytest.fixture
def crisis_dataset(dataset: Path) -> Path:
    path = dataset / "regions.csv"
    write_rows(path, [row | CRISIS for row in read_rows(path)])
    return dataset


@pytest.fixture
def crisis_client(crisis_dataset: Path, app_config: dict[str, Any]) -> FlaskClient:
    """An app on the copy with a crisis service (app_config loads `dataset`, changed first)."""
    return fixed_day(create_app(app_config)).test_client()


def test_turkish_page_opens_with_veilig_thuis_before_the_team_and_the_results(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/zoeken?lang=tr&postcode=1011&q=babam+beni+d%C3%B6v%C3%BCyor")
    assert page.status == 200
    box = help_box(page)
    assert box is not None
    assert calls(box) == ["tel:08002000", "tel:112"]
    assert "Veilig Thuis" in box.text
    assert "113" not in box.text
    team = page.root.with_class("first-help")[0]
    results = page.root.find("section", class_="results")
    assert position(page, box) < min(position(page, team), position(page, results))


def test_arabic_page_shows_113_with_free_number_and_chat(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?lang=ar&q=%D8%A7%D9%86%D8%AA%D8%AD%D8%A7%D8%B1")  # انتحار
    box = help_box(page)
    assert box is not None
    assert page.root.find("html").attrs["dir"] == "rtl"
    assert calls(box) == ["tel:113", "tel:08000113", "tel:112"]
    numbers = [span.text for span in box.find_all("span", dir="ltr")]
    assert numbers == ["113", "0800-0113", "112"]  # left to right inside Arabic text
    assert box.find("a", href="https://www.113.nl")
    assert box.find("h2").attrs["id"] == "help-now-title"


def test_both_lines_when_both_are_signalled_and_also_without_results(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/zoeken?q=huiselijk+geweld+en+hij+wil+dood")
    box = help_box(page)
    assert box is not None
    assert calls(box) == ["tel:113", "tel:08000113", "tel:08002000", "tel:112"]
    assert "Hulp nu nodig?" in box.text
    assert "0 aanbieders gevonden" in page.root.find(role="status").text


def test_lines_show_even_when_the_form_has_an_error(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=zelfmoord&postcode=12")
    assert page.status == 400
    assert help_box(page) is not None


@pytest.mark.parametrize("words", ["angst", "dood moe", "alcohol misbruik", ""])
def test_ordinary_searches_show_no_crisis_lines(client: FlaskClient, words: str) -> None:
    page = get_page(client, f"/zoeken?q={words}&postcode=1011")
    assert help_box(page) is None


def test_no_region_line_where_the_region_has_none(client: FlaskClient) -> None:
    box = help_box(get_page(client, "/zoeken?q=zelfmoord&postcode=1011"))
    assert box is not None
    assert "Crisisdienst" not in box.text


def test_the_regions_crisis_service_joins_the_national_lines(crisis_client: FlaskClient) -> None:
    box = help_box(get_page(crisis_client, "/zoeken?q=zelfmoord&postcode=1011"))
    assert box is not None
    assert calls(box) == ["tel:113", "tel:08000113", "tel:112", "tel:0201110000"]
    names = [h3.text for h3 in box.find_all("h3", lang="nl")]
    assert names == ["113 Zelfmoordpreventie", "Crisisdienst Jeugd Testregio"]
    assert "dag en nacht" in box.text
    chosen = help_box(get_page(crisis_client, "/zoeken?q=zelfmoord&regio=testregio"))
    assert chosen is not None and "tel:0201110000" in calls(chosen)
    assert "tel:0201110000" not in calls(help_box(get_page(crisis_client, "/zoeken?q=zelfmoord")))


def test_the_api_gives_the_lines_in_the_language_asked(crisis_client: FlaskClient) -> None:
    body = crisis_client.get("/api/v1/search?q=wants+to+die&postcode=1011&lang=en").get_json()
    help_now = body["help_now"]
    assert help_now["signals"] == ["suicide"]
    assert [line["id"] for line in help_now["lines"]] == ["113", "112", "region"]
    assert help_now["lines"][0]["phones"][1] == {
        "number": "0800-0113",
        "tel": "tel:08000113",
        "note": help_now["lines"][0]["phones"][1]["note"],
    }
    assert help_now["lines"][2]["phones"][0]["tel"] == "tel:0201110000"
    assert body["total"] == 0


def test_the_api_says_null_for_an_ordinary_search_and_keeps_the_lines_next_to_errors(
    client: FlaskClient,
) -> None:
    assert client.get("/api/v1/search?q=angst").get_json()["help_now"] is None
    response = client.get("/api/v1/search?q=misbruik&postcode=12")
    assert response.status_code == 400
    assert response.get_json()["help_now"]["signals"] == ["abuse"]


def test_nothing_about_the_search_is_stored_or_logged(
    client: FlaskClient, sqlite_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    before = snapshot(sqlite_engine)
    with caplog.at_level(logging.DEBUG):
        response = client.get("/zoeken?q=mijn+dochter+wil+niet+meer+leven")
    assert response.status_code == 200
    assert snapshot(sqlite_engine) == before
    assert "leven" not in caplog.text
    assert "Set-Cookie" not in response.headers
