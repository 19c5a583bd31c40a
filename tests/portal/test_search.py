"""The results page (/zoeken) as a family uses it: postcode first and their local team,
words in their own spelling, filters with counts, an order to choose, pages, and clear
messages for anything typed wrong — never a 500.

The minimal dataset has two providers in Testregio: Rustpunt Jeugd (anxiety, P01, 3 weeks,
published figures) near postcode 1011, and Het Opvoedhuis (parenting, P02, 8 weeks) in
Amstelveen (1181).
"""

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.search import SearchUnavailable
from tests.utils.datasets import add_row, set_cell
from tests.utils.html import Page, get_page


def result_names(page: Page) -> list[str]:
    return [h.text for h in page.root.find_all("h3", class_="result__name")]


def status_text(page: Page) -> str:
    return page.root.find(role="status").text


def error_summary(page: Page) -> list[tuple[str, str]]:
    """(linked id, message) per error in the summary."""
    summary = page.root.find(class_="error-summary")
    return [(a.attrs["href"].removeprefix("#"), a.text) for a in summary.find_all("a")]


def facet_options(page: Page, name: str) -> dict[str, str]:
    """value → label text (with its count) of one checkbox group."""
    group = page.root.find("fieldset", id=name)
    labels = {label.attrs["for"]: label.text for label in group.find_all("label")}
    return {box.attrs["value"]: labels[box.attrs["id"]] for box in group.find_all("input")}


# --- Who helps first: the local team for the postcode -------------------------------------


def test_postcode_shows_the_local_team_with_its_phone_and_hours(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011")
    card = page.root.with_class("team-card")
    assert len(card) == 1
    text = card[0].text
    assert "Ouder- en Kindteam Centrum" in text
    assert "020-1234567" in text
    assert "Maandag–vrijdag 09:00–17:00" in text
    assert card[0].find("a", href="tel:0201234567")


def test_postcode_without_a_listed_team_gets_the_whole_municipality_team(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/zoeken?postcode=1181")
    names = [card.find("h3").text for card in page.root.with_class("team-card")]
    assert names == ["Wijkteam Amstelveen"]


def test_postcode_with_letters_and_a_space_is_understood(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011+ab")
    assert page.status == 200
    assert "Ouder- en Kindteam Centrum" in page.main.text


def test_home_page_postcode_shows_the_team_too(client: FlaskClient) -> None:
    page = get_page(client, "/?postcode=1181")
    assert [c.find("h3").text for c in page.root.with_class("team-card")] == ["Wijkteam Amstelveen"]


# --- Words ----------------------------------------------------------------------------------


def test_a_misspelt_word_still_finds_the_provider_with_the_word_marked(
    client: FlaskClient,
) -> None:
    page = get_page(client, "/zoeken?q=angts")
    assert result_names(page) == ["Rustpunt Jeugd"]
    marks = [m.text for m in page.main.find_all("mark")]
    assert marks == ["angst"]
    assert status_text(page) == "1 aanbieder gevonden"


def test_result_count_is_announced_for_the_region_of_the_postcode(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011")
    assert status_text(page) == "2 aanbieders in uw regio"
    assert result_names(page) == ["Rustpunt Jeugd", "Het Opvoedhuis"]  # nearest first


def test_nothing_found_suggests_a_word_that_does_find_something(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=bnag")
    assert status_text(page) == "0 aanbieders gevonden"
    suggestions = {a.text: a.attrs["href"] for a in page.main.with_class("empty")[0].find_all("a")}
    assert suggestions["Bedoelde u: bang?"] == "/zoeken?q=bang"
    followed = get_page(client, "/zoeken?q=bang")
    assert result_names(followed) == ["Rustpunt Jeugd"]


def test_nothing_found_in_the_region_offers_to_look_outside_it(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=xyzzyq&postcode=1011")
    assert status_text(page) == "0 aanbieders in uw regio"
    link = page.main.find("a", href="/zoeken?q=xyzzyq&postcode=1011&alle_regios=1")
    assert link.text == "Zoek ook buiten uw regio"
    everywhere = get_page(client, link.attrs["href"])
    assert everywhere.status == 200
    assert status_text(everywhere) == "0 aanbieders gevonden"


def test_search_without_a_region_does_not_offer_to_look_outside_it(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=xyzzyq")
    assert "Zoek ook buiten uw regio" not in page.main.text


# --- Filters, counts, order, pages ---------------------------------------------------------


def test_facets_show_region_names_with_counts(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011")
    assert facet_options(page, "profiel") == {
        "P01": "Angst en somberheid (1)",
        "P02": "Opvoeden (1)",
    }
    assert facet_options(page, "intensiteit") == {"I1": "Kort (2)", "I2": "Lang (1)"}
    assert facet_options(page, "taal") == {
        "en": "Engels (1)",
        "nl": "Nederlands (2)",
        "tr": "Turks (1)",
    }
    wait = {
        o.attrs["value"]: o.text
        for o in page.root.find("select", id="wachttijd").find_all("option")
    }
    assert wait == {
        "": "Maakt niet uit",
        "2": "Binnen 2 weken (0)",
        "4": "Binnen 4 weken (1)",
        "8": "Binnen 8 weken (2)",
    }


def test_ticking_one_option_keeps_the_other_options_of_that_group(client: FlaskClient) -> None:
    """Options in a group are OR-ed: after "Opvoeden" the family can still add "Angst"."""
    page = get_page(client, "/zoeken?postcode=1011&profiel=P02")
    assert facet_options(page, "profiel") == {
        "P01": "Angst en somberheid (1)",
        "P02": "Opvoeden (1)",
    }
    assert facet_options(page, "taal") == {"nl": "Nederlands (1)", "tr": "Turks (1)"}


def test_facet_labels_in_dutch_are_marked_only_on_other_language_pages(
    client: FlaskClient,
) -> None:
    def label_langs(query: str) -> set[str]:
        group = get_page(client, f"/zoeken?postcode=1011{query}").root.find(
            "fieldset", id="profiel"
        )
        return {
            span.attrs.get("lang", "") for span in group.find_all("span") if span.text[:1] != "("
        }

    assert label_langs("") == {""}  # Dutch on a Dutch page needs no mark
    assert label_langs("&lang=en") == {""}  # the region has English names
    assert label_langs("&lang=tr") == {"nl"}  # no Turkish names: Dutch, and marked so


def test_choosing_a_profile_narrows_the_results_and_can_be_undone(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011&profiel=P02")
    assert result_names(page) == ["Het Opvoedhuis"]
    assert status_text(page) == "1 aanbieder in uw regio"
    box = page.root.find("input", name="profiel", value="P02")
    assert "checked" in box.attrs
    undo = page.root.find("ul", class_="active-filters").find_all("a")
    assert [a.text for a in undo] == ["Verwijder filter: Opvoeden"]
    assert result_names(get_page(client, undo[0].attrs["href"])) == [
        "Rustpunt Jeugd",
        "Het Opvoedhuis",
    ]


def test_chosen_filters_stay_folded_away_and_are_listed_above_the_results(
    client: FlaskClient,
) -> None:
    """On a phone the results come first: the filters are behind a closed disclosure that
    says how many are chosen, and each chosen one is a "remove" link before the list."""
    page = get_page(client, "/zoeken?postcode=1011&profiel=P02&leeftijd=4")
    filters = page.root.find("details", class_="filters")
    assert "open" not in filters.attrs
    assert filters.find("summary").text == "Filters (2 gekozen)"
    assert filters.find("select", id="sortering")  # the order is in it too
    results = page.root.find("section", class_="results")
    tags = [node.tag for node in results.iter() if node.tag in ("ul", "ol")]
    assert tags[:2] == ["ul", "ol"]  # the remove links, then the results
    # Compare and the shortlist get the postcode, for the distance to each provider.
    assert page.root.find("input", type="hidden", name="postcode").attrs["value"] == "1011"


def test_a_wrong_value_inside_the_filters_opens_them(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011&sortering=xyz")
    assert "open" in page.root.find("details", class_="filters").attrs


def test_age_wait_and_outcome_filters_narrow_the_results(client: FlaskClient) -> None:
    assert result_names(get_page(client, "/zoeken?postcode=1011&leeftijd=15")) == [
        "Rustpunt Jeugd"
    ]  # Het Opvoedhuis helps up to 12
    assert result_names(get_page(client, "/zoeken?postcode=1011&leeftijd=2")) == [
        "Het Opvoedhuis"
    ]  # Rustpunt from 4
    assert result_names(get_page(client, "/zoeken?postcode=1011&wachttijd=4")) == ["Rustpunt Jeugd"]
    assert result_names(get_page(client, "/zoeken?postcode=1011&resultaten=1")) == [
        "Rustpunt Jeugd"
    ]
    assert result_names(get_page(client, "/zoeken?postcode=1011&taal=tr")) == ["Het Opvoedhuis"]


@pytest.mark.parametrize(
    ("sort", "names"),
    [
        ("distance", ["Rustpunt Jeugd", "Het Opvoedhuis"]),
        ("name", ["Het Opvoedhuis", "Rustpunt Jeugd"]),
        ("wait", ["Rustpunt Jeugd", "Het Opvoedhuis"]),
        ("goal_attainment", ["Rustpunt Jeugd", "Het Opvoedhuis"]),
    ],
)
def test_each_sort_order_is_offered_and_applied(
    client: FlaskClient, sort: str, names: list[str]
) -> None:
    page = get_page(client, f"/zoeken?postcode=1011&sortering={sort}")
    assert result_names(page) == names
    select = page.root.find("select", id="sortering")
    assert [o.attrs["value"] for o in select.find_all("option")] == [
        "relevance",
        "distance",
        "goal_attainment",
        "wait",
        "name",
    ]
    assert [o.attrs["value"] for o in select.find_all("option") if "selected" in o.attrs] == [sort]


def test_postcode_alone_sorts_nearest_first_and_words_sort_best_match_first(
    client: FlaskClient,
) -> None:
    def selected(path: str) -> str:
        select = get_page(client, path).root.find("select", id="sortering")
        return next(o.attrs["value"] for o in select.find_all("option") if "selected" in o.attrs)

    assert selected("/zoeken?postcode=1181") == "distance"
    assert selected("/zoeken?postcode=1181&q=angst") == "relevance"
    near_amstelveen = get_page(client, "/zoeken?postcode=1181")
    assert result_names(near_amstelveen) == ["Het Opvoedhuis", "Rustpunt Jeugd"]
    assert "0 km van uw postcode" in near_amstelveen.main.text


class TestManyProviders:
    """Thirteen providers in the region: two pages of ten."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        for n in range(1, 12):
            provider_id = f"extra{n:02}"
            add_row(
                dataset,
                "providers.csv",
                provider_id=provider_id,
                name=f"Extra Hulp {n:02}",
                description_nl="Hulp bij angst.",
                languages="nl",
                care_forms="ambulant",
            )
            add_row(
                dataset,
                "contracts.csv",
                region_id="testregio",
                provider_id=provider_id,
                segment="B",
                profile_code="P01",
                intensity_code="I1",
                valid_from="2025-01-01",
                valid_to="2027-12-31",
                role="hoofdaannemer",
            )
        return dataset

    def test_second_page_continues_the_numbering(self, client: FlaskClient) -> None:
        first = get_page(client, "/zoeken?postcode=1011&sortering=name")
        assert status_text(first) == "13 aanbieders in uw regio"
        assert result_names(first) == [f"Extra Hulp {n:02}" for n in range(1, 11)]
        nav = first.root.find("nav", class_="pagination")
        links = {a.text: a for a in nav.find_all("a")}
        assert list(links) == ["1", "2"]
        assert links["1"].attrs.get("aria-current") == "page"
        second = get_page(client, links["2"].attrs["href"])
        assert result_names(second) == ["Extra Hulp 11", "Het Opvoedhuis", "Rustpunt Jeugd"]
        assert second.root.find("ol", class_="results__list").attrs["start"] == "11"
        assert second.root.find("a", aria_current="page").text == "2"

    def test_a_page_past_the_last_says_how_many_there_are(self, client: FlaskClient) -> None:
        page = get_page(client, "/zoeken?postcode=1011&pagina=3")
        assert page.status == 400
        assert page.title == "(1 fout) Jeugdhulp zoeken – Jeugdhulpgids"
        assert error_summary(page) == [
            ("zoekformulier", "Deze pagina bestaat niet. Er zijn 2 pagina's.")
        ]

    def test_choosing_a_filter_starts_again_at_page_one(self, client: FlaskClient) -> None:
        page = get_page(client, "/zoeken?postcode=1011&sortering=name&taal=nl&pagina=2")
        undo = page.root.find("ul", class_="active-filters").find("a")
        assert "pagina" not in undo.attrs["href"]


def test_a_page_far_out_of_range_is_refused_politely(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=angst&pagina=99999")
    assert page.status == 400
    assert page.title == "(1 fout) Jeugdhulp zoeken – Jeugdhulpgids"
    assert [message for _id, message in error_summary(page)] == ["Deze pagina bestaat niet."]


def test_a_page_past_the_only_page_says_so_in_the_singular(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=angst&pagina=2")
    assert page.status == 400
    assert error_summary(page) == [("zoekformulier", "Deze pagina bestaat niet. Er is 1 pagina.")]


def test_one_page_of_results_has_no_page_links(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011")
    assert not page.root.find_all("nav", class_="pagination")


# --- Bad input: a 400 with a clear message linked to a field, never a 500 ------------------

BAD_INPUT = [
    ("postcode=abcd", "postcode", "Vul een postcode in met 4 cijfers, zoals 1011."),
    ("postcode=9999", "postcode", "Postcode 9999 ligt niet in een regio van deze gids."),
    ("postcode=0123", "postcode", "Vul een postcode in met 4 cijfers, zoals 1011."),
    (
        "q=angst&profiel=%3Cscript%3E",
        "zoekformulier",
        "Deze keuze bestaat niet. Kies uit de lijst.",
    ),
    ("zorgvorm=toverij", "zoekformulier", "Deze keuze bestaat niet. Kies uit de lijst."),
    ("leeftijd=abc", "zoekformulier", "Vul een leeftijd in van 0 tot en met 27 jaar."),
    ("leeftijd=-1", "zoekformulier", "Vul een leeftijd in van 0 tot en met 27 jaar."),
    ("leeftijd=28", "zoekformulier", "Vul een leeftijd in van 0 tot en met 27 jaar."),
    ("wachttijd=lang", "zoekformulier", "Kies een wachttijd uit de lijst."),
    ("pagina=0", "zoekformulier", "Deze pagina bestaat niet."),
    ("sortering=xyz", "sortering", "Kies een volgorde uit de lijst."),
    (
        "sortering=distance",
        "sortering",
        "Vul uw postcode in. Dan ziet u de dichtstbijzijnde aanbieders eerst.",
    ),
    ("q=" + "angst " * 1700, "q", "Uw zoekwoorden zijn te lang. Gebruik hoogstens 200 tekens."),
]


@pytest.mark.parametrize(
    ("query", "field", "message"), BAD_INPUT, ids=[q[:24] for q, *_ in BAD_INPUT]
)
def test_bad_input_gets_a_message_linked_to_a_field_on_the_page(
    client: FlaskClient, query: str, field: str, message: str
) -> None:
    page = get_page(client, f"/zoeken?{query}")
    assert page.status == 400
    assert page.title == "(1 fout) Jeugdhulp zoeken – Jeugdhulpgids"
    assert error_summary(page) == [(field, message)]
    assert field in page.ids()
    assert page.root.find(class_="error-summary").attrs["role"] == "alert"
    assert not page.root.find_all(role="status"), "no results next to an error"


def test_the_field_in_error_carries_its_message(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=abcd&q=angst")
    field = page.root.find("input", id="postcode")
    assert field.attrs["value"] == "abcd"  # what was typed stays, to correct it
    assert "postcode-error" in field.attrs["aria-describedby"].split()
    assert page.root.find(id="postcode-error").text == error_summary(page)[0][1]


def test_every_error_is_counted_in_the_title(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=abcd&leeftijd=abc&sortering=xyz")
    assert page.status == 400
    assert page.title == "(3 fouten) Jeugdhulp zoeken – Jeugdhulpgids"
    assert [field for field, _message in error_summary(page)] == [
        "postcode",
        "zoekformulier",
        "sortering",
    ]


def test_long_words_are_shortened_in_the_field_not_echoed_whole(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=" + "a" * 10_000)
    assert page.status == 400
    assert len(page.root.find("input", id="q").attrs["value"]) == 200


def test_parameter_values_are_escaped_where_they_are_echoed(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=%3Cscript%3Ealert(1)%3C/script%3E&regio=%22%3E%3Cb%3E")
    assert page.status == 200
    assert "<script>alert(1)" not in page.html
    assert "&lt;script&gt;alert(1)" in page.html
    assert '"><b>' not in page.html


def test_search_engine_down_gets_a_calm_page_not_a_crash(app: Flask) -> None:
    class Down:
        def search(self, *_args: object) -> None:
            raise SearchUnavailable("the index is being rebuilt")

    app.extensions["search"] = Down()
    page = get_page(app.test_client(), "/zoeken?q=angst")
    assert page.status == 503
    assert page.title == "Zoeken lukt even niet – Jeugdhulpgids"
    assert "112" in page.main.text  # where to go when help cannot wait


# --- Provider text is data: always escaped --------------------------------------------------


class TestScriptInProviderText:
    SCRIPT = '<script>alert("x")</script> Wij helpen kinderen met angst.'

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "providers.csv", 2, "description_nl", self.SCRIPT)
        set_cell(dataset, "providers.csv", 2, "name", "Rustpunt <b>Jeugd</b>")
        return dataset

    def test_results_show_it_as_text(self, client: FlaskClient) -> None:
        page = get_page(client, "/zoeken?q=angst")
        assert "<script>" not in page.html and "<b>Jeugd" not in page.html
        assert "alert(&#34;x&#34;)&lt;/script&gt; Wij helpen" in page.html
        assert result_names(page) == ["Rustpunt <b>Jeugd</b>"]

    def test_provider_page_shows_it_as_text(self, client: FlaskClient) -> None:
        page = get_page(client, "/aanbieders/rustpunt")
        assert "<script>" not in page.html and "<b>Jeugd" not in page.html
        assert "&lt;script&gt;" in page.html
        assert page.title == "Rustpunt &lt;b&gt;Jeugd&lt;/b&gt; – Jeugdhulpgids"


def test_best_fit_with_only_a_postcode_is_nearest_first(client: FlaskClient) -> None:
    """The form sends its first sort choice, "best fit", with every search; without words
    that must still mean nearest first, as the hint under the postcode says."""
    body = client.get("/api/v1/search?postcode=1011&sort=relevance").get_json()
    distances = [hit["distance_km"] for hit in body["hits"]]
    assert len(distances) >= 2
    assert distances == sorted(distances)
    assert body["query"]["sort"] == "distance"
