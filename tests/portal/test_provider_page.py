"""A provider's page: what it is contracted for in the region, its wait, and its outcome
figures shown honestly (DESIGN.md §5): period, count, the region's norm and a verdict in
words; a figure over too few trajectories is not shown at all.

Fixture facts used here: Rustpunt Jeugd is contracted for P01 at I1 and I2 (norms: at least
70% and 65% goals met, at most 15% and 20% dropout) and published 2025 figures over 64
closed trajectories; Het Opvoedhuis has only a per profile × intensity outcome row (P02/I1,
too few to say: see test_intensity_outcomes.py) and no English description.
"""

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session, delete

from indexer.models import WaitTime
from indexer.store import make_engine
from tests.utils.datasets import read_rows, set_cell, write_rows
from tests.utils.html import Node, Page, get_page
from tests.utils.loading import add_too_few_trajectories


def figures(page: Page) -> dict[str, Node]:
    """Figure label → its block among the provider-wide figures (not those per intensity)."""
    section = page.root.find("section", aria_labelledby="results-title")
    return {
        block.find("dt").text: block
        for child in section.children
        if isinstance(child, Node) and child.tag == "dl"
        for block in child.with_class("figure")
    }


def offers(page: Page) -> dict[str, str]:
    """Profile name → the text of its offer (description, intensities, segment)."""
    return {
        item.find("h3").text: item.text
        for item in page.root.find("ul", class_="offers").find_all("li")
    }


def test_offers_name_the_profiles_and_intensities_contracted_here(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    assert page.status == 200
    assert page.root.find("h1").text == "Rustpunt Jeugd"
    assert offers(page) == {
        "Angst en somberheid": "Angst en somberheid Hulp bij angst "
        "Hoeveel hulp: Kort, Lang · Hulp bij één duidelijk probleem"
    }
    other = offers(get_page(client, "/aanbieders/opvoedhuis"))
    assert list(other) == ["Opvoeden"]
    assert "Kort" in other["Opvoeden"] and "Lang" not in other["Opvoeden"]


def test_facts_families_ask_about(client: FlaskClient) -> None:
    text = get_page(client, "/aanbieders/rustpunt").main.text
    assert "Heeft een contract met de regio Testregio · contract tot 31 december 2027" in text
    assert "Leeftijd 4 tot en met 18 jaar" in text
    assert re.search(r"Talen Engels(, | en )Nederlands Vorm", text)
    assert "Vorm van hulp Gesprekken en hulp op afspraak, Online hulp" in text
    assert "Damrak 1, 1011 AB Amsterdam" in text
    assert "Toegankelijk met een rolstoel" in text


def test_wait_time_says_when_it_was_last_confirmed(client: FlaskClient) -> None:
    text = get_page(client, "/aanbieders/rustpunt").main.text
    assert "Wachttijd 3 weken (nagekeken op 1 november 2026)" in text


def test_distance_from_the_family_postcode(client: FlaskClient) -> None:
    assert (
        "0,4 km van uw postcode" in get_page(client, "/aanbieders/rustpunt?postcode=1011").main.text
    )
    assert "km van uw postcode" not in get_page(client, "/aanbieders/rustpunt").main.text


def test_contact_links_call_mail_and_visit(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    assert page.root.find("a", href="tel:0201112233").text == "020-1112233"
    assert page.root.find("a", href="mailto:info@rustpunt.example")
    assert page.root.find("a", href="/bewaarlijst/toevoegen?id=testregio__rustpunt")


def test_the_map_shows_the_regions_postcodes_and_the_numbered_location(
    client: FlaskClient,
) -> None:
    """A map without outside services: a grey dot per postcode of Testregio (1011 and 1012 in
    Amsterdam, 1181 in Amstelveen) and Damrak 1 as point 1, between 1012 to the west and
    1011 to the east."""
    svg = get_page(client, "/aanbieders/rustpunt").root.find("svg", class_="map")
    _, _, width, height = (float(v) for v in svg.attrs["viewbox"].split())
    dots = [(float(c.attrs["cx"]), float(c.attrs["cy"])) for c in svg.with_class("map__area")]
    location = svg.find("circle", class_="map__location")
    spot = float(location.attrs["cx"]), float(location.attrs["cy"])
    assert [number.text for number in svg.with_class("map__number")] == ["1"]
    assert len(dots) == 3
    assert all(0 <= x <= width and 0 <= y <= height for x, y in [*dots, spot])
    amsterdam = sorted(dots)[1:]  # Amstelveen lies furthest west
    assert amsterdam[0][0] < spot[0] < amsterdam[1][0]


def test_figures_come_with_period_count_norm_and_verdict(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    assert "Periode: 2025. De regio heeft deze cijfers bekendgemaakt." in page.main.text
    goals = figures(page)["Doelen bereikt"]
    assert goals.find("p", class_="figure__value").text == "78,5%"
    assert goals.find("p", class_="figure__sentence").text == (
        "Bij 78,5% van de kinderen en jongeren die klaar zijn met de hulp, "
        "zijn de afgesproken doelen gehaald."
    )
    # The strictest norm of the intensities contracted here: I1 wants 70%, I2 65%.
    assert goals.find("p", class_="figure__meta").text == (
        "64 kinderen en jongeren zijn klaar met de hulp. "
        "De regio wil minstens 70%. Gemiddeld in de regio: 78,5%."
    )
    assert (
        goals.find("p", class_="figure__verdict").text
        == "Dit voldoet aan wat de regio vraagt (de norm)."
    )
    dropout = figures(page)["Vroeg gestopt"]
    assert "De regio wil hoogstens 15%." in dropout.text  # I1's 15 is stricter than I2's 20
    youth = figures(page)["Tevredenheid jongeren"]
    assert youth.find("p", class_="figure__meta").text.startswith("31 mensen gaven een cijfer.")
    assert list(figures(page)) == [
        "Doelen bereikt",
        "Vroeg gestopt",
        "Tevredenheid jongeren",
        "Tevredenheid ouders",
    ]


class TestNothingPublished:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        path = dataset / "outcomes.csv"
        write_rows(path, [row for row in read_rows(path) if row["provider_id"] != "opvoedhuis"])
        return dataset

    def test_a_provider_without_published_figures_says_so(self, client: FlaskClient) -> None:
        page = get_page(client, "/aanbieders/opvoedhuis")
        assert not figures(page)
        text = page.main.text
        assert "De regio heeft nog geen resultaten van deze aanbieder gepubliceerd." in text


class TestBelowTheNorm:
    """68% goals met: enough for I2 (65%), not for I1 (70%). The strictest norm decides."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "outcomes.csv", 2, "goal_attainment_pct", "68")
        return dataset

    def test_the_verdict_is_in_words_not_only_in_colour(self, client: FlaskClient) -> None:
        goals = figures(get_page(client, "/aanbieders/rustpunt"))["Doelen bereikt"]
        assert "figure--misses" in goals.attrs["class"].split()
        assert goals.find("p", class_="figure__verdict").text == (
            "Dit voldoet niet aan wat de regio vraagt (de norm)."
        )
        assert "68%" in goals.text and "De regio wil minstens 70%." in goals.text


class TestNotMeasured:
    """The region did not ask young people for a score: no figure, and no "0 people"."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "outcomes.csv", 2, "satisfaction_youth", "")
        set_cell(dataset, "outcomes.csv", 2, "satisfaction_youth_n", "")
        return dataset

    def test_a_figure_the_region_did_not_measure_is_left_out(self, client: FlaskClient) -> None:
        page = get_page(client, "/aanbieders/rustpunt")
        shown = figures(page)
        assert "Tevredenheid jongeren" not in shown
        assert {"Doelen bereikt", "Tevredenheid ouders"} <= set(shown)
        assert "Te weinig om iets te zeggen" not in page.main.text


class TestTooFewTrajectories:
    """Het Opvoedhuis publishes over 6 closed trajectories, below the minimum of 10; its 95%
    must neither be shown nor lift it in the results."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        add_too_few_trajectories(dataset, dropout_pct="2")
        return dataset

    def test_the_figure_is_withheld_and_says_why(self, client: FlaskClient) -> None:
        page = get_page(client, "/aanbieders/opvoedhuis")
        goals = figures(page)["Doelen bereikt"]
        assert goals.find("p", class_="figure__sentence").text.startswith(
            "Te weinig om iets te zeggen"
        )
        assert "6 kinderen en jongeren zijn klaar met de hulp" in goals.text
        assert not goals.find_all("p", class_="figure__value")
        assert not goals.find_all("p", class_="figure__verdict")
        assert "95" not in page.main.text and "2%" not in page.main.text

    def test_the_withheld_figure_does_not_count_in_the_regional_average(
        self, client: FlaskClient
    ) -> None:
        goals = figures(get_page(client, "/aanbieders/rustpunt"))["Doelen bereikt"]
        assert "Gemiddeld in de regio: 78,5%." in goals.text

    def test_the_withheld_figure_is_not_used_in_results_or_sorting(
        self, client: FlaskClient
    ) -> None:
        page = get_page(client, "/zoeken?postcode=1011&sortering=goal_attainment")
        names = [h.text for h in page.root.find_all("h3", class_="result__name")]
        assert names == ["Rustpunt Jeugd", "Het Opvoedhuis"]
        assert "95" not in page.main.text


def test_english_page_marks_dutch_provider_text_as_dutch(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/opvoedhuis?lang=en")
    assert '<html lang="en" dir="ltr">' in page.html
    about = page.root.find("section", aria_labelledby="about-title").find("p")
    assert about.text == "Steun bij opvoeden."
    assert about.attrs.get("lang") == "nl"
    profile = page.root.find("ul", class_="offers").find("h3")
    assert profile.text == "Parenting" and "lang" not in profile.attrs


def test_english_page_uses_the_english_description_when_there_is_one(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/aanbieders/rustpunt?lang=en")
    about = page.root.find("section", aria_labelledby="about-title").find("p")
    assert about.text == "We help children with anxiety."
    assert "lang" not in about.attrs


def test_unknown_provider_gets_the_not_found_page(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/bestaat-niet")
    assert page.status == 404
    assert page.root.find("h1").text == "Pagina niet gevonden"
    assert page.root.find("a", href="/")


class TestContractEnded:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "contracts.csv", 4, "valid_to", "2025-12-31")
        return dataset

    def test_a_provider_whose_contracts_ended_is_not_found(self, client: FlaskClient) -> None:
        assert client.get("/aanbieders/opvoedhuis").status_code == 404
        assert client.get("/aanbieders/rustpunt").status_code == 200


def test_a_provider_without_a_published_wait_says_so_and_suggests_calling(
    client: FlaskClient, app_config: dict
) -> None:
    engine = make_engine(app_config["database_url"])
    with Session(engine) as session:
        session.exec(delete(WaitTime).where(WaitTime.provider_id == "rustpunt"))
        session.commit()
    text = " ".join(get_page(client, "/aanbieders/rustpunt").main.text.split())
    assert "Wachttijd Onbekend: bel de aanbieder" in text
