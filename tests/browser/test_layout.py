"""Every page type in all six languages fits a 320 px phone, a 390 px phone and a laptop:
no sideways scrolling, nothing sticking out of the window, no text cut off, and on a phone
the results come first (issue 11). See tests/browser/layout.py for what is measured.

Each page is loaded once per language and measured at the three widths by resizing the
window. Screenshots of a few pages at 390 px land in test-artefacts/layout/ on every run, for
a person to look at; nothing compares them.
"""

from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Page
from sqlmodel import Session, col, func, select

from indexer.models import Municipality, Postcode, Region
from indexer.store import make_engine
from indexer.workspaces import providers_in_regions
from tests.browser import routes
from tests.browser.axe import REPO
from tests.browser.layout import layout_problems
from tests.browser.routes import _in as in_language
from tests.utils.server import LiveServer

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
ARTEFACTS = REPO / "test-artefacts" / "layout"
SCREENSHOT_LANGUAGES = ("nl", "ar")  # left to right and right to left


class Layout(NamedTuple):
    path: str
    name: str
    status: int = 200
    results: bool = False  # the first result must start within 1.5 screens on a phone
    screenshot: bool = False


LAYOUTS = [
    Layout(routes.HOME, "home", screenshot=True),
    Layout(routes.HOME_WITH_TEAM, "home-with-team"),
    Layout(routes.RESULTS, "results", results=True, screenshot=True),
    Layout(routes.RESULTS_TWO_FILTERS, "results-two-filters", results=True),
    Layout(routes.NO_RESULTS, "no-results"),
    Layout(routes.INVALID_POSTCODE, "invalid-postcode", status=400),
    Layout("/bestaat-niet", "not-found", status=404),
    Layout(routes.COMPARE, "compare-two"),
    Layout(routes.COMPARE_FOUR, "compare-four", screenshot=True),
    Layout(routes.SHORTLIST, "shortlist"),
    Layout(routes.HANDOUT, "handout", screenshot=True),
    Layout("/uitleg/profielen", "explainer-profiles"),
    Layout("/uitleg/intensiteiten", "explainer-intensities"),
    Layout("/uitleg/resultaten", "explainer-outcomes"),
    Layout(routes.BANDWIDTHS, "explainer-bandwidths"),
    Layout("/privacy", "privacy"),
    Layout("/toegankelijkheid", "accessibility-statement"),
]


def _screenshot(name: str, lang: str, wanted: bool = True) -> Path | None:
    return ARTEFACTS / f"{name}-{lang}-390.png" if wanted and lang in SCREENSHOT_LANGUAGES else None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_page_fits_every_width(page: Page, layout: Layout, lang: str) -> None:
    response = page.goto(in_language(lang, layout.path))
    assert response is not None and response.status == layout.status
    report = layout_problems(
        page,
        first_result=layout.results,
        keep=_screenshot(layout.name, lang, layout.screenshot),
    )
    if report:
        pytest.fail(f"{layout.name} in {lang}:\n  {report}", pytrace=False)


@pytest.fixture(scope="session")
def provider_pages(server: LiveServer) -> list[str]:
    """Every demo provider's page once, in a region it is contracted in today (the regions
    taken in turn, so every region's pages are seen) with a postcode of that region, so the
    distances show too."""
    engine = make_engine(server.settings.database_url)
    regions: dict[str, list[str]] = {}
    postcodes: dict[str, str] = {}
    with Session(engine) as session:
        for region_id in session.exec(select(Region.id).order_by(col(Region.id))):
            for provider in providers_in_regions({region_id}, session=session, today=date.today()):
                regions.setdefault(provider.id, []).append(region_id)
            postcodes[region_id] = session.exec(
                select(func.min(Postcode.pc4))
                .join(Municipality, col(Municipality.code) == col(Postcode.municipality_code))
                .where(Municipality.region_id == region_id)
            ).one()
    engine.dispose()
    pages = []
    for turn, provider_id in enumerate(sorted(regions)):
        region_id = regions[provider_id][turn % len(regions[provider_id])]
        pages.append(f"/aanbieders/{provider_id}?regio={region_id}&postcode={postcodes[region_id]}")
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_provider_page_fits_every_width(
    page: Page, provider_pages: list[str], lang: str
) -> None:
    """One test per language over all providers, every failing page in one message."""
    assert len(provider_pages) > 100  # the demo data's providers, not an empty store
    failures = []
    for path in provider_pages:
        response = page.goto(in_language(lang, path))
        if response is None or response.status != 200:
            failures.append(f"{path}: status {response.status if response else None}")
            continue
        wanted = f"/aanbieders/{routes.PROVIDER}?" in path
        report = layout_problems(page, keep=_screenshot("provider", lang, wanted))
        if report:
            failures.append(f"{path}:\n  {report}")
    if failures:
        summary = f"{len(failures)} of {len(provider_pages)} provider pages in {lang} do not fit"
        pytest.fail(f"{summary}:\n" + "\n".join(failures), pytrace=False)


# The check itself, on pages made for it: it must see each kind of overflow (or a test that
# finds nothing proves nothing) and pass what fits, in a scroll box or hidden on purpose.
SCROLL_BOX = (
    '<div style="overflow-x: auto"><table style="width: 900px"><td>Regio</td></table></div>'
)
HIDDEN = (
    '<a href="#main" style="position: absolute; inset-inline-start: -999rem">Naar de inhoud</a>'
    '<span style="position: absolute; width: 1px; height: 1px; overflow: hidden; '
    'white-space: nowrap">een hele lange verborgen zin voor wie de pagina laat voorlezen</span>'
)
CHECKS = {
    "fits": ("ltr", "<main><h1>Hulp</h1><p>Kort.</p></main>", []),
    "fits-in-a-scroll-box": ("ltr", f"<main>{SCROLL_BOX}</main>", []),
    "fits-hidden-on-purpose": ("ltr", f"{HIDDEN}<main><p>Kort.</p></main>", []),
    "fits-in-arabic": ("rtl", f"{HIDDEN}<main>{SCROLL_BOX}<p>مساعدة</p></main>", []),
    "wide-table": (
        "ltr",
        '<table style="width: 536px"><td>Regio</td></table>',
        ["at 320 px: the page is 544 px wide", "at 390 px", "<table in body> 'Regio'"],
    ),
    "long-word": (
        "ltr",
        '<h1 style="font-size: 40px">Toegankelijkheidsverklaring</h1>',
        ["at 320 px", "the text of <h1 in body> 'Toegankelijkheidsverklaring'"],
    ),
    "text-cut-off": (
        "ltr",
        '<p class="name" style="overflow: hidden; white-space: nowrap; width: 100px">'
        "Psychologenpraktijk Kogerveld</p>",
        ["at 1280 px: 1 box(es) cut off", "<p.name in body> 'Psychologenpraktijk Kogerveld'"],
    ),
    "off-screen-in-arabic": (
        "rtl",
        '<main><p style="width: 400px">مساعدة</p></main>',
        ["at 320 px", "<p in main> 'مساعدة' at x -", "at 390 px"],
    ),
}


@pytest.mark.parametrize(("direction", "html", "expected"), CHECKS.values(), ids=CHECKS.keys())
def test_the_check_sees_what_does_not_fit(
    page: Page, direction: str, html: str, expected: list[str]
) -> None:
    page.set_content(f'<!doctype html><html dir="{direction}"><body>{html}</body></html>')
    report = layout_problems(page)
    if not expected:
        assert report == ""
    for fragment in expected:
        assert fragment in report, report
    assert ("at 1280 px" in report) == any("at 1280 px" in fragment for fragment in expected)


def test_the_check_finds_the_first_result(page: Page) -> None:
    results = '<ol class="results__list" style="margin: 0"><li class="result">Aanbieder</li></ol>'
    page.set_content(f'<body style="margin: 0"><div style="height: 1266px"></div>{results}')
    assert layout_problems(page, first_result=True) == ""
    page.set_content(f'<body style="margin: 0"><div style="height: 1300px"></div>{results}')
    report = layout_problems(page, first_result=True)
    assert report == "at 390 px: the first result starts 1300 px down (at most 1266)"
    page.set_content("<p>Geen resultaten</p>")
    assert "at 390 px: no result found" in layout_problems(page, first_result=True)
