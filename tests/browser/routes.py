"""Every page type the browser tests visit, kept in one place.

Add a row when a page type lands (search results, a provider page, compare, shortlist, the
explainers, the accessibility statement, 404): the accessibility tests (axe-core, WCAG 2.1
AA, zero violations) and the no-JavaScript test then cover it. Use demo-data values that
exist in data/demo, so the page shows real content rather than an empty state.
"""

from typing import NamedTuple


class Page(NamedTuple):
    path: str  # with the query string, relative to the test server
    name: str  # the test id
    status: int = 200  # what the server must answer, e.g. 404 for the not-found page


PAGES = [
    Page("/", "home"),
    Page("/?lang=en", "home-en"),
    # Enable each as its page lands (routes as the portal names them; data from data/demo):
    # Page("/?postcode=1011", "home-with-teams"),
    # Page("/zoeken?q=angst&postcode=1011", "search-results"),
    # Page("/zoeken?q=xyzzy&postcode=1011", "search-no-results"),
    # Page("/aanbieders/praktijk-kalmte-en-kompas", "provider"),
    # Page("/vergelijken?id=praktijk-kalmte-en-kompas&id=jeugdpraktijk-de-waterlelie", "compare"),
    # Page("/bewaarlijst?id=praktijk-kalmte-en-kompas", "shortlist"),
    # Page("/uitleg/profielen", "explainer-profiles"),
    # Page("/uitleg/intensiteiten", "explainer-intensities"),
    # Page("/uitleg/resultaten", "explainer-outcomes"),
    # Page("/toegankelijkheid", "accessibility-statement"),
    # Page("/privacy", "privacy"),
    # Page("/bestaat-niet", "not-found", status=404),
]
