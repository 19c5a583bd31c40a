"""Outcome figures per profile × intensity (issue 10, DESIGN.md §5 and §11): where the region
publishes them, the provider page and its JSON twin show them next to the provider-wide
figures, each against the norm of its own intensity, withheld below the minimum count.

Fixture facts used here: the region's norms are I1 (Kort) at least 70% goals met and at most
15% dropout, I2 (Lang) at least 65% and at most 20%; the minimum count is 10. Rustpunt Jeugd
publishes provider-wide 2025 figures; the rows added below are its figures per intensity.
"""

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.utils.datasets import add_row
from tests.utils.html import Node, Page, get_page


@pytest.fixture
def dataset(dataset: Path) -> Path:
    rows = [
        # 16% dropout misses I1's 15% although I2's 20% would allow it.
        dict(profile_code="P01", intensity_code="I1", closed_trajectories="40"),
        dict(goal_attainment_pct="72", dropout_pct="16"),
        # Over 8 closed trajectories: too few to say anything.
        dict(profile_code="P01", intensity_code="I2", closed_trajectories="8"),
        dict(goal_attainment_pct="91"),
        # Only the intensity: 66% meets I2's 65% although I1 wants 70%.
        dict(profile_code="", intensity_code="I2", closed_trajectories="24"),
        dict(goal_attainment_pct="66"),
    ]
    for where, figures in zip(rows[::2], rows[1::2], strict=True):
        add_row(
            dataset,
            "outcomes.csv",
            region_id="testregio",
            provider_id="rustpunt",
            period="2025",
            **where,
            **figures,
        )
    # An older period is not shown once a newer one is published.
    add_row(
        dataset,
        "outcomes.csv",
        region_id="testregio",
        provider_id="rustpunt",
        period="2024",
        profile_code="P01",
        intensity_code="I1",
        closed_trajectories="50",
        goal_attainment_pct="12",
    )
    return dataset


def groups(page: Page) -> dict[str, tuple[str, dict[str, Node]]]:
    """Heading of each profile × intensity → (its period line, figure label → block)."""
    section = page.root.find("section", aria_labelledby="intensity-outcomes-title")
    nodes = [child for child in section.children if isinstance(child, Node)]
    return {
        node.text: (
            nodes[i + 1].text,
            {block.find("dt").text: block for block in nodes[i + 2].with_class("figure")},
        )
        for i, node in enumerate(nodes)
        if node.tag == "h4"
    }


def test_each_profile_and_intensity_has_its_own_figures_in_order(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    assert page.root.find("h3", id="intensity-outcomes-title").text == "Resultaten per soort hulp"
    assert {heading: period for heading, (period, _) in groups(page).items()} == {
        "Alle soorten hulp samen · Hoeveel hulp: Lang": (
            "Periode: 2025. De regio heeft deze cijfers bekendgemaakt."
        ),
        "Angst en somberheid · Hoeveel hulp: Kort": (
            "Periode: 2025. De regio heeft deze cijfers bekendgemaakt."
        ),
        "Angst en somberheid · Hoeveel hulp: Lang": (
            "Periode: 2025. De regio heeft deze cijfers bekendgemaakt."
        ),
    }
    assert "12%" not in page.main.text  # the 2024 row


def test_a_figure_is_judged_against_the_norm_of_its_own_intensity(client: FlaskClient) -> None:
    _, short = groups(get_page(client, "/aanbieders/rustpunt"))[
        "Angst en somberheid · Hoeveel hulp: Kort"
    ]
    goals = short["Doelen bereikt"]
    assert goals.find("p", class_="figure__value").text == "72%"
    assert goals.find("p", class_="figure__meta").text == (
        "40 kinderen en jongeren zijn klaar met de hulp. "
        "De regio wil minstens 70%. Gemiddeld in de regio: 72%."
    )
    assert (
        goals.find("p", class_="figure__verdict").text
        == "Dit voldoet aan wat de regio vraagt (de norm)."
    )
    dropout = short["Vroeg gestopt"]
    assert "De regio wil hoogstens 15%." in dropout.text and "20%" not in dropout.text
    assert "figure--misses" in dropout.attrs["class"].split()
    assert dropout.find("p", class_="figure__verdict").text == (
        "Dit voldoet niet aan wat de regio vraagt (de norm)."
    )


def test_a_figure_for_the_intensity_alone_uses_that_intensity_s_norm(
    client: FlaskClient,
) -> None:
    _, heavy = groups(get_page(client, "/aanbieders/rustpunt"))[
        "Alle soorten hulp samen · Hoeveel hulp: Lang"
    ]
    goals = heavy["Doelen bereikt"]
    assert "De regio wil minstens 65%." in goals.text and "70%" not in goals.text
    assert (
        goals.find("p", class_="figure__verdict").text
        == "Dit voldoet aan wat de regio vraagt (de norm)."
    )


def test_too_few_trajectories_says_so_and_shows_no_figure(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    _, long = groups(page)["Angst en somberheid · Hoeveel hulp: Lang"]
    goals = long["Doelen bereikt"]
    assert goals.find("p", class_="figure__sentence").text.startswith("Te weinig om iets te zeggen")
    assert "8 kinderen en jongeren zijn klaar met de hulp" in goals.text
    assert not goals.find_all("p", class_="figure__value")
    assert not goals.find_all("p", class_="figure__verdict")
    assert "91" not in page.main.text


def test_figures_the_region_did_not_measure_are_left_out(client: FlaskClient) -> None:
    _, short = groups(get_page(client, "/aanbieders/rustpunt"))[
        "Angst en somberheid · Hoeveel hulp: Kort"
    ]
    assert list(short) == ["Doelen bereikt", "Vroeg gestopt"]


def test_only_figures_per_intensity_are_not_called_nothing_published(
    client: FlaskClient,
) -> None:
    """Het Opvoedhuis has no provider-wide row, only P02/I1 over 6 closed trajectories."""
    page = get_page(client, "/aanbieders/opvoedhuis")
    assert "nog geen resultaten" not in page.main.text
    [(heading, (period, parenting))] = groups(page).items()
    assert heading == "Opvoeden · Hoeveel hulp: Kort"
    assert period == "Periode: 2025. De regio heeft deze cijfers bekendgemaakt."
    assert list(parenting) == ["Doelen bereikt", "Vroeg gestopt"]
    assert all("Te weinig om iets te zeggen" in block.text for block in parenting.values())
    assert "50%" not in page.main.text


def test_the_provider_wide_figures_stay(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt")
    section = page.root.find("section", aria_labelledby="results-title")
    overall = next(child for child in section.children if getattr(child, "tag", "") == "dl")
    goals = overall.with_class("figure")[0]
    assert goals.find("p", class_="figure__value").text == "78,5%"
    assert "De regio wil minstens 70%." in goals.text


def test_names_are_in_the_reader_s_language(client: FlaskClient) -> None:
    page = get_page(client, "/aanbieders/rustpunt?lang=en")
    # The first heading's "all kinds of help" is a new text, not yet translated.
    headings = [h.text for h in page.root.find_all("h4")]
    assert headings[1:] == [
        "Anxiety and low mood · How much help: Short",
        "Anxiety and low mood · How much help: Long",
    ]
    assert "Period: 2025. The region published these figures." in page.main.text


def test_the_api_gives_the_same_figures_per_intensity(client: FlaskClient) -> None:
    body = client.get("/api/v1/providers/rustpunt").get_json()
    by_intensity = body["outcomes"]["by_intensity"]
    assert [(g["profile_code"], g["intensity_code"], g["period"]) for g in by_intensity] == [
        (None, "I2", "2025"),
        ("P01", "I1", "2025"),
        ("P01", "I2", "2025"),
    ]
    short = {f["name"]: f for f in by_intensity[1]["figures"]}
    assert short["dropout_pct"] == {
        "name": "dropout_pct",
        "value": 16.0,
        "count": 40,
        "enough": True,
        "norm": 15.0,
        "norm_is_maximum": True,
        "regional_average": 16.0,  # Rustpunt is the only one publishing P01 at I1
        "meets_norm": False,
    }
    withheld = {f["name"]: f for f in by_intensity[2]["figures"]}["goal_attainment_pct"]
    assert (withheld["enough"], withheld["value"], withheld["count"]) == (False, None, 8)
