"""A local team's opening hours in the reader's language: day names and times of the page's
locale on the results page, the home page and the family handout; hours the portal cannot
read stay as the region wrote them, marked as Dutch.

In the minimal dataset Ouder- en Kindteam Centrum serves postcode 1011 ("ma-vr 9:00-17:00")
and Wijkteam Amstelveen its whole municipality (1181), without opening hours.
"""

from datetime import time
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_interval
from flask.testing import FlaskClient

from portal.i18n import LOCALES
from portal.public.teams_view import _interval
from tests.portal.test_routes import RUSTPUNT
from tests.utils.datasets import set_cell
from tests.utils.html import Node, get_page

OKT_ROW, AMSTELVEEN_ROW = 2, 3  # spreadsheet rows in teams.csv
SPLIT_WEEK = "ma, di, do 9:00-17:00, wo en vr 9:00-12:30"
UNREADABLE = "ma-vr 9:00-17:00, 's avonds op afspraak"


@pytest.fixture
def dataset(dataset: Path) -> Path:
    set_cell(dataset, "teams.csv", OKT_ROW, "opening_hours", SPLIT_WEEK)
    set_cell(dataset, "teams.csv", AMSTELVEEN_ROW, "opening_hours", UNREADABLE)
    return dataset


def hours(client: FlaskClient, path: str) -> Node:
    """The opening hours on the only team card of the page at `path`."""
    cards = get_page(client, path).root.with_class("team-card")
    assert len(cards) == 1
    [value] = cards[0].with_class("team-card__hours")
    return value


def lines(value: Node) -> list[str]:
    return [item.text for item in value.find_all("li")]


def test_turkish_results_show_turkish_days_with_equal_hours_together(
    client: FlaskClient,
) -> None:
    value = hours(client, "/zoeken?postcode=1011&lang=tr")
    assert lines(value) == [
        "Pazartesi, Salı ve Perşembe 09:00–17:00",
        "Çarşamba ve Cuma 09:00–12:30",
    ]
    assert "lang" not in value.attrs


def test_arabic_results_show_arabic_days_and_times(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011&lang=ar")
    assert page.root.find("html").attrs["dir"] == "rtl"
    value = hours(client, "/zoeken?postcode=1011&lang=ar")
    assert lines(value) == [
        "الاثنين والثلاثاء والخميس 9:00 ص – 5:00 م",
        "الأربعاء والجمعة 9:00 ص – 12:30 م",
    ]
    assert "dir" not in value.attrs  # the page's right-to-left order, not forced left-to-right


def test_dutch_pages_write_the_days_out(client: FlaskClient) -> None:
    page = get_page(client, "/?postcode=1011")
    assert "Openingstijden" in [
        dt.text for dt in page.root.with_class("team-card")[0].find_all("dt")
    ]
    value = hours(client, "/?postcode=1011")
    assert lines(value) == [
        "Maandag, dinsdag en donderdag 09:00–17:00",
        "Woensdag en vrijdag 09:00–12:30",
    ]


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_hours_that_cannot_be_read_stay_as_written_and_marked_dutch(
    client: FlaskClient, lang: str
) -> None:
    value = hours(client, f"/zoeken?postcode=1181&lang={lang}")
    assert value.text == UNREADABLE
    assert value.attrs["lang"] == "nl"
    assert value.attrs["dir"] == "ltr"


def test_the_handout_shows_the_hours_in_the_familys_language(client: FlaskClient) -> None:
    value = hours(client, f"/bewaarlijst/uitdeelblad?id={RUSTPUNT}&lang=tr&postcode=1011")
    assert lines(value)[0] == "Pazartesi, Salı ve Perşembe 09:00–17:00"


TIMES = [time(8, 30), time(9, 0), time(12, 0), time(12, 30), time(0, 0), time(17, 0), time(23, 59)]


@pytest.mark.parametrize("locale", LOCALES)
def test_times_read_as_babel_writes_an_interval(locale: str) -> None:
    """Each language's interval patterns are parsed once; the text is Babel's, for morning
    and afternoon, either side of noon and midnight, and equal times."""
    language = Locale.parse(locale)
    skeleton = "hm" if "h" in language.time_formats["short"].pattern else "Hm"
    for opens in TIMES:
        for closes in TIMES:
            expected = format_interval(opens, closes, skeleton, locale=language)
            assert _interval(opens, closes, language) == expected, (opens, closes)
