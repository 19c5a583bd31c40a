"""A family's journey through the portal in a real browser, as DESIGN.md §7 promises it:
search from the home page, see who helps first, filter, read a provider, compare, keep a
shortlist and print it — once with JavaScript and once without (every page must work
without it). Only Dutch wording is asserted: the other languages are still being written.
"""

import csv
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import DEMO, PageLog
from tests.browser.routes import SHORTLIST

POSTCODE = "1011"
MISSPELT = "angts"  # "angst" (anxiety) as a worried parent might type it
# A profile that only part of the anxiety results offer, so choosing it changes the count.
PROFILE_LABEL = "Psychische stoornis"

JS_MODES = {"js": True, "no-js": False}


@pytest.fixture(params=JS_MODES.values(), ids=JS_MODES.keys())
def context(request: pytest.FixtureRequest, new_context: Callable[..., BrowserContext]):
    """Every test in this module runs with JavaScript on and with it switched off."""
    return new_context(java_script_enabled=request.param)


def _teams_for(pc4: str) -> list[dict[str, str]]:
    """The demo data's local teams that list a 4-digit postcode (pc4 is e.g. "1011;1017-1018";
    a team listing none serves its whole municipality, which 1011 does not need)."""

    def covers(ranges: str) -> bool:
        for part in filter(None, ranges.split(";")):
            low, _sep, high = part.strip().partition("-")
            if int(low) <= int(pc4) <= int(high or low):
                return True
        return False

    with (DEMO / "teams.csv").open(encoding="utf-8") as file:
        return [row for row in csv.DictReader(file) if covers(row["pc4"])]


def _count(page: Page) -> int:
    """The number in the result count, which is announced (role=status)."""
    status = page.get_by_role("status")
    expect(status).to_contain_text(re.compile(r"\d"))
    return int(re.search(r"\d+", status.inner_text()).group())


def _first_help(page: Page) -> Locator:
    return page.locator("section").filter(
        has=page.get_by_role("heading", name="Wie helpt u eerst?", exact=True)
    )


def _expect_local_team(page: Page, pc4: str) -> None:
    teams = _teams_for(pc4)
    assert teams, f"the demo data has no local team for {pc4}"
    section = _first_help(page)
    expect(section).to_be_visible()
    for team in teams:
        expect(section.get_by_role("heading", name=team["name"], exact=True)).to_be_visible()
        phone = section.get_by_role("link", name=team["phone"], exact=True)
        expect(phone).to_be_visible()
        digits = re.sub(r"\D", "", team["phone"])
        expect(phone).to_have_attribute("href", f"tel:{digits}")


def _search_from_home(page: Page, postcode: str, words: str = "") -> None:
    page.goto("/")
    page.get_by_label("Uw postcode").fill(postcode)
    if words:
        page.get_by_label("Waar zoekt u hulp bij?").fill(words)
    page.get_by_role("main").get_by_role("button", name="Zoeken", exact=True).click()
    expect(page).to_have_url(re.compile(r"/zoeken\?"))


def _choices(page: Page) -> Locator:
    """The "Kies <provider>" checkboxes of the results, in result order."""
    return page.get_by_role("checkbox", name=re.compile(r"^Kies "))


def _result_names(page: Page) -> list[str]:
    return page.locator(".results__list").get_by_role("heading", level=3).all_inner_texts()


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_family_journey(page: Page, page_log: PageLog, tmp_path: Path) -> None:
    # Home: postcode and a misspelt word in the labelled fields.
    _search_from_home(page, POSTCODE, MISSPELT)
    assert _query(page.url)["postcode"] == [POSTCODE]
    assert _query(page.url)["q"] == [MISSPELT]
    expect(page.get_by_label("Waar zoekt u hulp bij?")).to_have_value(MISSPELT)

    # Who helps first, and how many providers were found (announced to screen readers).
    _expect_local_team(page, POSTCODE)
    found = _count(page)
    assert found > 2
    expect(page.get_by_role("status")).to_contain_text("in uw regio")

    # Filters: open the collapsed group, tick a profile by its label, show the results.
    filters = page.locator("details.filters")
    expect(filters).not_to_have_attribute("open", "")
    page.get_by_text("Filters", exact=True).click()
    expect(filters).to_have_attribute("open", "")
    profile = page.get_by_label(PROFILE_LABEL)
    profile.check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"profiel="))
    expect(page.get_by_label(PROFILE_LABEL)).to_be_checked()
    filtered = _count(page)
    assert 0 < filtered < found
    remove = page.get_by_role("link", name=re.compile(rf"^Verwijder filter: {PROFILE_LABEL}"))
    expect(remove).to_be_visible()
    assert "profiel" not in _query(remove.get_attribute("href"))
    expect(page.get_by_label("Uw postcode")).to_have_value(POSTCODE)  # nothing else lost

    # The first provider's page.
    names = _result_names(page)
    assert len(names) >= 2
    page.locator(".results__list").get_by_role("link", name=names[0], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(names[0])
    for heading in (re.compile(r"^Welke hulp"), "Resultaten", "Locaties"):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()

    # Back to the results: compare the first two providers.
    page.go_back()
    expect(page.get_by_role("status")).to_be_visible()
    _choices(page).nth(0).check()
    _choices(page).nth(1).check()
    page.get_by_role("button", name="Vergelijk gekozen aanbieders").click()
    expect(page).to_have_url(re.compile(r"/vergelijken\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbieders vergelijken")
    columns = page.locator(".compare-card").get_by_role("heading", level=2)
    expect(columns).to_have_text(names[:2])
    first, second = (columns.nth(i).bounding_box() for i in range(2))
    assert first and second
    assert first["y"] == second["y"] and first["x"] < second["x"], "not side by side"
    # The rows of the cards line up, as in a table.
    rows = [page.locator(".compare-card").nth(i).locator("dt").nth(-1) for i in range(2)]
    assert rows[0].bounding_box()["y"] == rows[1].bounding_box()["y"]

    # Back again: put the same two on the shortlist.
    page.go_back()
    expect(page.get_by_role("status")).to_be_visible()
    _choices(page).nth(0).check()
    _choices(page).nth(1).check()
    ids = [_choices(page).nth(i).get_attribute("value") for i in range(2)]
    page.get_by_role("button", name="Zet gekozen op bewaarlijst").click()
    expect(page).to_have_url(re.compile(r"/bewaarlijst\?"))
    assert _query(page.url)["id"] == ids
    listed = page.locator(".shortlist").get_by_role("heading", level=2)
    expect(listed).to_have_text(names[:2])
    share = page.get_by_label("Link naar deze lijst")
    expect(share).to_have_attribute("readonly", "")
    share_link = share.input_value()
    assert _query(share_link)["id"] == ids
    assert urlsplit(share_link).path == "/bewaarlijst"

    # The printed shortlist: no navigation, forms or footer, but the providers.
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".site-footer", ".share", ".no-print"):
        for element in page.locator(hidden).all():
            expect(element).to_have_css("display", "none")
    for name in names[:2]:
        expect(listed.filter(has_text=name)).to_be_visible()
    printed = tmp_path / "shortlist-print.png"
    page.screenshot(path=printed, full_page=True)
    assert printed.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert printed.stat().st_size > 1000
    page.emulate_media(media="screen")
    expect(page.locator(".site-nav")).to_be_visible()

    # E.g. a Content-Security-Policy violation; the browser's own /favicon.ico probe may be a
    # 404, as in test_home.test_every_resource_loads.
    assert [error for error in page_log.console_errors if "/favicon.ico" not in error] == []
    assert page_log.page_errors == []


def test_postcode_alone_shows_the_local_team(page: Page) -> None:
    _search_from_home(page, POSTCODE)
    _expect_local_team(page, POSTCODE)
    assert _count(page) > 0
    # With only a postcode the nearest providers come first.
    expect(page.get_by_label("Volgorde")).to_have_value("distance")


def test_home_with_postcode_shows_the_local_team(page: Page) -> None:
    page.goto(f"/?postcode={POSTCODE}")
    _expect_local_team(page, POSTCODE)
    expect(page.get_by_label("Uw postcode")).to_have_value(POSTCODE)


def test_results_form_submits_with_enter_from_the_keyboard(page: Page) -> None:
    page.goto(f"/zoeken?q={MISSPELT}&postcode={POSTCODE}")
    words = page.get_by_label("Waar zoekt u hulp bij?")
    for _press in range(40):  # Tab from the top of the page to the search field
        page.keyboard.press("Tab")
        if page.locator("#q:focus").count():
            break
    expect(words).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("somberheid")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=somberheid"))
    expect(words).to_have_value("somberheid")
    assert _query(page.url)["postcode"] == [POSTCODE]
    assert _count(page) > 0


def test_print_hides_the_language_switch(page: Page) -> None:
    page.goto(SHORTLIST)
    page.emulate_media(media="print")
    expect(page.locator(".language-switch")).to_have_css("display", "none", timeout=500)
