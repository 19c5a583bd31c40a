"""The language switch in a real browser: a family on a results page picks Arabic and stays
on the same results, right to left, and the portal remembers the choice on the next page —
with JavaScript and without. The wording of the translations is not asserted (they are
still being written); the language, direction, URL and form state are.
"""

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.routes import PROVIDER_PAGE, RESULTS_FILTERED

ARABIC = "العربية"  # the language named in itself, as the switch shows it

JS_MODES = {"js": True, "no-js": False}


@pytest.fixture(params=JS_MODES.values(), ids=JS_MODES.keys())
def context(request: pytest.FixtureRequest, new_context: Callable[..., BrowserContext]):
    return new_context(java_script_enabled=request.param)


def _switch(page: Page):
    """The switch is named "Taal / Language" in Dutch: the English half stays in every
    language, so anyone can find it."""
    return page.get_by_role("navigation", name=re.compile(r"\bLanguage$"))


def _expect_language(page: Page, lang: str, direction: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", direction)


def test_switch_to_arabic_keeps_the_results_and_is_remembered(page: Page) -> None:
    page.goto(RESULTS_FILTERED)
    _expect_language(page, "nl", "ltr")
    before = urlsplit(page.url)
    expect(_switch(page).get_by_role("link", name="Nederlands")).to_have_attribute(
        "aria-current", "true"
    )

    arabic = _switch(page).get_by_role("link", name=ARABIC, exact=True)
    expect(arabic).to_have_attribute("lang", "ar")
    arabic.click()

    # The same page and query (a repeated parameter too), with lang=ar added.
    expect(page).to_have_url(re.compile(r"[?&]lang=ar(&|$)"))
    after = urlsplit(page.url)
    assert after.path == before.path
    asked = parse_qs(before.query, keep_blank_values=True)
    assert parse_qs(after.query, keep_blank_values=True) == asked | {"lang": ["ar"]}
    _expect_language(page, "ar", "rtl")
    expect(page.locator("#q")).to_have_value(asked["q"][0])
    expect(page.locator("#postcode")).to_have_value(asked["postcode"][0])
    for profile in asked["profiel"]:
        expect(
            page.locator(f'input[type="checkbox"][name="profiel"][value="{profile}"]')
        ).to_be_checked()
    expect(page.get_by_role("status")).to_be_visible()
    expect(_switch(page).get_by_role("link", name=ARABIC, exact=True)).to_have_attribute(
        "aria-current", "true"
    )

    # Right to left for real: the heading starts at the right edge of the page.
    heading = page.get_by_role("heading", level=1).bounding_box()
    width = page.viewport_size["width"]
    assert heading and heading["x"] + heading["width"] > width / 2

    # The next page, without ?lang=, is still Arabic: the choice is in a cookie.
    page.goto("/")
    _expect_language(page, "ar", "rtl")
    assert "lang=" not in page.url

    # And back to Dutch the same way; that choice is remembered too.
    _switch(page).get_by_role("link", name="Nederlands", exact=True).click()
    _expect_language(page, "nl", "ltr")
    page.goto("/zoeken")
    _expect_language(page, "nl", "ltr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jeugdhulp zoeken")


def test_every_language_is_offered_on_every_page(page: Page) -> None:
    """Six languages, each named in itself and marked with its own lang attribute."""
    page.goto(RESULTS_FILTERED)
    links = _switch(page).get_by_role("link")
    expect(links).to_have_count(6)
    langs = [links.nth(i).get_attribute("lang") for i in range(6)]
    assert langs == ["nl", "en", "tr", "ar", "pl", "uk"]
    for i, lang in enumerate(langs):
        href = links.nth(i).get_attribute("href")
        assert parse_qs(urlsplit(href).query)["lang"] == [lang]


# Arabic pages with a local team's or provider's phone number and Dutch-only provider text.
ARABIC_PAGES = {"results": RESULTS_FILTERED + "&lang=ar", "provider": PROVIDER_PAGE + "&lang=ar"}
# The elements that do not read left to right in the browser: `direction: ltr` reorders an
# inline element only when it is also isolated (as dir="ltr" makes it), a block one always;
# `unicode-bidi: plaintext` takes the direction from the text; or all of the element's
# text may sit in children that read left to right (e.g. <dd><span dir="ltr">…).
_NOT_LTR = """els => {
  const ltr = (el) => {
    const style = getComputedStyle(el);
    if (style.unicodeBidi === "plaintext") return true;
    const isolated = style.display !== "inline" || style.unicodeBidi !== "normal";
    if (style.direction === "ltr" && isolated) return true;
    const children = Array.from(el.children);
    const inChildren = children.map((child) => child.textContent).join("").trim();
    return children.length > 0 && inChildren === el.textContent.trim() && children.every(ltr);
  };
  return els.filter((el) => !ltr(el)).map((el) => el.outerHTML.slice(0, 120));
}"""


def _arabic_page(new_context: Callable[..., BrowserContext], path: str) -> Page:
    page = new_context().new_page()
    page.goto(path)
    _expect_language(page, "ar", "rtl")
    return page


@pytest.mark.parametrize("path", ARABIC_PAGES.values(), ids=ARABIC_PAGES.keys())
def test_phone_numbers_read_left_to_right_in_arabic(
    new_context: Callable[..., BrowserContext], path: str
) -> None:
    page = _arabic_page(new_context, path)
    phones = page.locator('main a[href^="tel:"]')
    assert phones.count()
    assert phones.evaluate_all(_NOT_LTR) == []


@pytest.mark.parametrize("path", ARABIC_PAGES.values(), ids=ARABIC_PAGES.keys())
def test_dutch_fallback_text_reads_left_to_right_in_arabic(
    new_context: Callable[..., BrowserContext], path: str
) -> None:
    page = _arabic_page(new_context, path)
    dutch = page.locator('main [lang]:not([lang="ar"])')
    assert dutch.count()
    assert dutch.evaluate_all(_NOT_LTR) == []
