"""The home page in a real browser: what a keyboard user, a screen reader and a privacy
reviewer would check by hand."""

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Response, expect

from tests.browser.conftest import PageLog

SITE_TITLE = re.compile(r"^\S.* – Jeugdhulpgids$")


def test_title_language_and_one_h1(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_title(SITE_TITLE)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).not_to_be_empty()


def test_english_from_the_browser_language(
    page: Page, new_context: Callable[..., BrowserContext]
) -> None:
    page.goto("/")
    english = new_context(locale="en-GB").new_page()
    english.goto("/")
    expect(english.locator("html")).to_have_attribute("lang", "en")
    expect(english).to_have_title(SITE_TITLE)
    assert english.title() != page.title()
    assert english.locator("h1").inner_text() != page.locator("h1").inner_text()


def test_skip_link_is_first_and_moves_focus_to_main(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_in_viewport()  # off-screen until focused, then visible
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    expect(page.locator(":focus")).to_have_id("main")


def test_no_console_errors(page: Page, page_log: PageLog) -> None:
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert page_log.console_errors == []
    assert page_log.page_errors == []


def test_requests_only_the_portal_itself(page: Page, page_log: PageLog, live_server: str) -> None:
    """No trackers, web fonts or CDNs: every request goes to the server the page came from."""
    page.goto("/")
    page.wait_for_load_state("networkidle")
    own = urlsplit(live_server).netloc
    elsewhere = [
        url
        for url in page_log.requests
        if urlsplit(url).scheme != "data" and urlsplit(url).netloc != own
    ]
    assert page_log.requests
    assert elsewhere == []


def test_every_resource_loads(page: Page) -> None:
    """Stylesheets, scripts and images all answer; the browser's own /favicon.ico probe may
    be a 404 (a server error there still fails the session through the server log)."""
    failed: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400 and urlsplit(response.url).path != "/favicon.ico":
            failed.append(f"{response.status} {response.url}")

    page.on("response", check)
    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}"))
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert failed == []
