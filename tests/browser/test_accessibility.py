"""Every page type in routes.PAGES: zero axe-core violations (WCAG 2.1 AA, DESIGN.md §7) in a
real browser, and the same page usable without JavaScript."""

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.axe import VIEWPORTS, violations_at_every_width
from tests.browser.routes import PAGES
from tests.browser.routes import Page as Route

pytestmark = pytest.mark.usefixtures("require_axe")


RTL = {"ar": "rtl"}


@pytest.mark.parametrize("route", PAGES, ids=[route.name for route in PAGES])
def test_no_axe_violations(page: Page, route: Route) -> None:
    page.set_viewport_size(VIEWPORTS["desktop"])
    response = page.goto(route.path)
    assert response is not None and response.status == route.status
    if route.lang:
        # The page is in the language the URL asks for, and Arabic reads right to left.
        expect(page.locator("html")).to_have_attribute("lang", route.lang)
        expect(page.locator("html")).to_have_attribute("dir", RTL.get(route.lang, "ltr"))
    report = violations_at_every_width(page, route.path)
    assert not report, report


@pytest.mark.parametrize("route", PAGES, ids=[route.name for route in PAGES])
def test_renders_without_javascript(
    new_context: Callable[..., BrowserContext], page: Page, route: Route
) -> None:
    """The same page, the same heading and main content with JavaScript switched off."""
    page.goto(route.path)
    with_js = page.locator("h1").all_inner_texts()
    no_js = new_context(java_script_enabled=False).new_page()
    response = no_js.goto(route.path)
    assert response is not None and response.status == route.status
    assert len(with_js) == 1
    assert no_js.locator("h1").all_inner_texts() == with_js
    assert no_js.locator("main").count() == 1
    assert no_js.locator("main").inner_text().strip()
