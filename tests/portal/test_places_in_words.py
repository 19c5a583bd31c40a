"""A place or a child's age typed among the words, and words left out, as a family sees
them on the demo data: the page says which place or age it took and offers to search
without it; a postcode typed as a word sorts by distance; a postcode or age in its own
field wins; and when no provider matches all the words, the page names the words it left
out. The API says the same.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from flask.testing import FlaskClient

from tests.relevance.harness import DEMO
from tests.utils.datasets import read_rows, write_rows
from tests.utils.html import Node, Page, get_page

PLACE_NOTICE = "U typte een plaats."
DROPPED_NOTICE = "Met al uw woorden samen vonden we niets."


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A private copy of the demo data, which has four regions and towns in each."""
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    return target


def search_page(client: FlaskClient, **params: str) -> Page:
    return get_page(client, f"/zoeken?{urlencode(params)}")


def api_search(client: FlaskClient, **params: str) -> dict:
    return client.get(f"/api/v1/search?{urlencode(params)}").get_json()


def notices(page: Page, beginning: str) -> list[Node]:
    return [node for node in page.root.with_class("notice") if node.text.startswith(beginning)]


def place_notice(page: Page) -> Node:
    found = notices(page, PLACE_NOTICE)
    assert len(found) == 1, [node.text for node in page.root.with_class("notice")]
    return found[0]


def card_regions(page: Page) -> set[str]:
    """The region each result card links to its provider page in."""
    links = [card.find("h3").find("a").attrs["href"] for card in page.root.with_class("result")]
    assert links, "no results on the page"
    return {parse_qs(urlsplit(link).query)["regio"][0] for link in links}


def card_distances(page: Page) -> list[float]:
    """The kilometres on the cards, in the order shown ("2,1 km van uw postcode")."""
    texts = [card.text for card in page.root.with_class("result")]
    return [float(m[1].replace(",", ".")) for t in texts if (m := re.search(r"([\d,]+) km", t))]


def hit_ids(body: dict) -> list[str]:
    return [hit["id"] for hit in body["hits"]]


# --- A provider's name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "postcode"),
    [
        ("Hoofdzaak Online", "1011"),  # "online" is a known word (a form of help)
        ("Psychologenpraktijk IJ-oever", "1011"),  # so is "psycholoog"
        ("Schermzorg Jeugdpsychologen", "1501"),
    ],
)
def test_a_providers_name_finds_that_provider_first(
    client: FlaskClient, name: str, postcode: str
) -> None:
    page = search_page(client, q=name, postcode=postcode)
    assert page.root.with_class("result")[0].find("h3").text.strip() == name


# --- A town among the words ----------------------------------------------------------------


def test_a_town_among_the_words_is_named_and_searched_near(client: FlaskClient) -> None:
    page = search_page(client, q="angst diemen")
    assert "in de buurt van Diemen." in place_notice(page).text
    assert card_regions(page) == {"amsterdam-amstelland"}
    assert "km van Diemen" in page.root.with_class("result")[0].text


def test_the_words_only_link_searches_all_words_without_a_place(client: FlaskClient) -> None:
    page = search_page(client, q="angst diemen")
    link = place_notice(page).find("a")
    assert link.text == "Geen plaats bedoeld? Zoek op al uw woorden."
    words_only = get_page(client, link.attrs["href"])
    assert not notices(words_only, PLACE_NOTICE)
    assert len(card_regions(words_only)) > 1  # every region: no place narrows it
    assert "km van" not in words_only.main.text
    # A new search from that page keeps meaning the words.
    form = words_only.root.find("form", id="zoekformulier")
    assert form.find("input", name="alleen_woorden").attrs["value"] == "1"


def test_a_postcode_typed_as_a_word_sorts_by_distance(client: FlaskClient) -> None:
    page = search_page(client, q="1102")
    assert "in de buurt van 1102." in place_notice(page).text
    distances = card_distances(page)
    assert len(distances) == len(page.root.with_class("result")) > 1
    assert distances == sorted(distances)
    assert "km van uw postcode" in page.main.text


def test_a_postcode_in_its_own_field_wins_over_a_town_in_the_words(client: FlaskClient) -> None:
    page = search_page(client, q="angst diemen", postcode="2512")
    assert not notices(page, PLACE_NOTICE)
    assert card_regions(page) == {"haaglanden"}
    body = api_search(client, q="angst diemen", postcode="2512")
    assert body["place_in_words"] is None
    assert body["place"]["pc4"] == "2512"


def test_the_api_names_the_town_it_took_from_the_words(client: FlaskClient) -> None:
    body = api_search(client, q="angst diemen")
    assert body["place_in_words"] == {"name": "Diemen", "rest": "angst"}
    assert body["place"]["municipality_name"] == "Diemen"
    assert {hit["region"]["code"] for hit in body["hits"]} == {"amsterdam-amstelland"}
    words_only = api_search(client, q="angst diemen", words_only="true")
    assert words_only["place_in_words"] is None
    assert words_only["place"] is None


# --- An age among the words -----------------------------------------------------------------

AGE_NOTICE = "U typte een leeftijd."


def test_a_childs_age_in_the_words_is_the_age_filter_and_the_page_says_so(
    client: FlaskClient,
) -> None:
    typed = {"q": "mijn zoon van 9 is heel bang", "postcode": "1091"}
    page = search_page(client, **typed)
    [notice] = notices(page, AGE_NOTICE)
    assert "van 9 jaar" in notice.text
    body = api_search(client, **typed)
    assert body["age_in_words"] == {"age": 9, "said": "van 9"}
    assert body["total"] > 0
    assert all(
        (h["min_age"] or 0) <= 9 <= (23 if h["max_age"] is None else h["max_age"])
        for h in body["hits"]
    )
    # Without the age, providers for older youth only come up too.
    unaged = api_search(client, q="mijn zoon is heel bang", postcode="1091")
    assert unaged["total"] > body["total"]
    # "No age meant": every word searched, no age filter, no notice.
    words_only = search_page(client, **typed, alleen_woorden="1")
    assert not notices(words_only, AGE_NOTICE)


def test_an_age_in_its_own_field_wins_over_one_in_the_words(client: FlaskClient) -> None:
    body = api_search(client, q="mijn zoon van 9 is bang", age="16", postcode="1091")
    assert body["age_in_words"] is None
    assert body["query"]["age"] == 16


# --- Words left out ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "dropped", "kept"),
    [
        ("zwemles kompas", "zwemles", "kompas"),  # plain words: "zwemles" is in no text
        # Two problems no provider offers together: the more common one is left out.
        ("dyslexie pleegzorg", "pleegzorg", "dyslexie"),
    ],
)
def test_words_that_match_nothing_together_are_left_out_and_named(
    client: FlaskClient, typed: str, dropped: str, kept: str
) -> None:
    page = search_page(client, q=typed)
    [notice] = notices(page, DROPPED_NOTICE)
    assert notice.text == f"{DROPPED_NOTICE} Daarom zochten we zonder: {dropped}."
    body = api_search(client, q=typed)
    assert body["dropped_words"] == [dropped]
    # What is shown is what the remaining word finds on its own.
    alone = api_search(client, q=kept)
    assert body["total"] == alone["total"] == len(page.root.with_class("result")) > 0
    assert hit_ids(body) == hit_ids(alone)


def test_all_words_matching_together_leave_nothing_out(client: FlaskClient) -> None:
    assert not notices(search_page(client, q="kalmte kompas"), DROPPED_NOTICE)
    assert api_search(client, q="kalmte kompas")["dropped_words"] == []


def test_when_the_words_speak_of_violence_that_help_comes_first_and_the_page_says_so(
    client: FlaskClient,
) -> None:
    """ "The children are scared" would otherwise bring anxiety practices that happen to
    mention violence; help after violence comes first."""
    typed = {"q": "mijn man slaat mij en de kinderen zijn bang", "postcode": "1091"}
    page = search_page(client, **typed)
    [notice] = notices(page, "Uw woorden gaan over geweld of gevaar.")
    assert notice.text.endswith("zochten we niet op: bang.")
    body = api_search(client, **typed)
    assert (body["set_aside_words"], body["dropped_words"]) == (["bang"], [])
    alone = api_search(client, q="mijn man slaat mij", postcode="1091")
    assert hit_ids(body) == hit_ids(alone) and body["total"] == alone["total"] > 0
    assert api_search(client, q="de kinderen zijn bang", postcode="1091")["set_aside_words"] == []


def test_a_problem_no_provider_in_the_region_names_shows_the_help_related_to_it(
    client: FlaskClient,
) -> None:
    """No provider in Eemland writes about abuse at home; trauma treatment helps after it."""
    params = {"q": "huiselijk geweld", "postcode": "3821"}
    page = search_page(client, **params)
    [notice] = notices(page, "Voor huiselijk geweld vonden we hier geen aanbieder.")
    assert notice.text.endswith("We tonen hulp die daar ook bij helpt.")
    assert card_regions(page) == {"eemland"}
    body = api_search(client, **params)
    assert (body["widened_words"], body["dropped_words"]) == (["huiselijk", "geweld"], [])
    assert body["total"] == len(page.root.with_class("result")) > 0
    # What is shown is the trauma help there.
    trauma = api_search(client, q="trauma", postcode="3821")
    assert (trauma["total"], set(hit_ids(trauma))) == (body["total"], set(hit_ids(body)))


# --- A place name that looks like HTML ------------------------------------------------------


class TestMarkupInATownName:
    """A location's town as a provider might type it: shown as text, never as markup."""

    TOWN = "<script>alert(1)</script>"

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        path = dataset / "locations.csv"
        rows = read_rows(path)
        write_rows(
            path, [row | {"city": self.TOWN} if row["city"] == "Diemen" else row for row in rows]
        )
        return dataset

    def test_the_town_is_named_as_text(self, client: FlaskClient) -> None:
        page = search_page(client, q=f"angst {self.TOWN}")
        assert f"in de buurt van {self.TOWN}." in place_notice(page).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.html
        assert not [s for s in page.root.find_all("script") if "alert" in s.text]
