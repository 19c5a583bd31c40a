"""Every page type the browser tests visit, kept in one place.

Add a row when a page type lands: the accessibility tests (axe-core, WCAG 2.1 AA, zero
violations) and the no-JavaScript test then cover it. The values are demo-data values that
exist in data/demo (postcode 1011 is Amsterdam, region amsterdam-amstelland), so each page
shows real content rather than an empty state — except the rows that test the empty state.
"""

from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

# Two providers that `zoeken?q=angts&postcode=1011` finds in Amsterdam-Amstelland.
REGION = "amsterdam-amstelland"
PROVIDER = "hoofdzaak-online"
OTHER_PROVIDER = "kleurwolk-jeugd-ggz"
IDS = f"id={REGION}__{PROVIDER}&id={REGION}__{OTHER_PROVIDER}"

HOME = "/"
HOME_WITH_TEAM = "/?postcode=1011"
RESULTS = "/zoeken?q=angts&postcode=1011"
RESULTS_FILTERED = RESULTS + "&profiel=P02"
# Two filters chosen: the filter panel is open, and on a phone the results must still come first.
RESULTS_TWO_FILTERS = RESULTS_FILTERED + "&zorgvorm=online"
NO_RESULTS = "/zoeken?q=xyzzyq&postcode=1011"
INVALID_POSTCODE = "/zoeken?postcode=abcd"
PROVIDER_PAGE = f"/aanbieders/{PROVIDER}?regio={REGION}&postcode=1011"
COMPARE = f"/vergelijken?{IDS}"
# Four providers (the most a family compares) of the same search, one with a long name.
FOUR_IDS = IDS + "".join(
    f"&id={REGION}__{other}"
    for other in ("kinderpsychiatrie-polderland", "psychologenpraktijk-kogerveld")
)
COMPARE_FOUR = f"/vergelijken?{FOUR_IDS}"
SHORTLIST = f"/bewaarlijst?{IDS}"
EMPTY_SHORTLIST = "/bewaarlijst?id="  # `?id=` is the emptied list, whatever the cookie says
# The family handout, with the local team for a postcode in Amsterdam.
HANDOUT = f"/bewaarlijst/uitdeelblad?{IDS}&postcode=1011"
# The professional view (codes, tariffs, bandwidths) of the same pages, and its explainer.
PRO = "weergave=professioneel"
BANDWIDTHS = f"/voor-verwijzers/tarieven?regio={REGION}"


class Page(NamedTuple):
    path: str  # with the query string, relative to the test server
    name: str  # the test id
    status: int = 200  # what the server must answer, e.g. 404 for the not-found page

    @property
    def lang(self) -> str:
        """The language the URL asks for with ?lang=, or "" (then the browser's: Dutch)."""
        return parse_qs(urlsplit(self.path).query).get("lang", [""])[0]


def _in(lang: str, path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


PAGES = [
    Page(HOME, "home"),
    Page("/?lang=en", "home-en"),
    Page(HOME_WITH_TEAM, "home-with-team"),
    Page(RESULTS, "search-results"),
    Page(RESULTS_FILTERED, "search-results-filtered"),
    Page(RESULTS_TWO_FILTERS, "search-results-two-filters"),
    Page(NO_RESULTS, "search-no-results"),
    Page(INVALID_POSTCODE, "search-invalid-postcode", status=400),
    Page(PROVIDER_PAGE, "provider"),
    Page(COMPARE, "compare"),
    Page(COMPARE_FOUR, "compare-four"),
    Page(SHORTLIST, "shortlist"),
    Page(EMPTY_SHORTLIST, "shortlist-empty"),
    Page(HANDOUT, "handout"),
    Page(_in("tr", HANDOUT), "handout-tr"),
    Page("/bewaarlijst/uitdeelblad", "handout-without-providers", status=400),
    Page("/uitleg/profielen", "explainer-profiles"),
    Page("/uitleg/intensiteiten", "explainer-intensities"),
    Page("/uitleg/resultaten", "explainer-outcomes"),
    Page(BANDWIDTHS, "explainer-bandwidths"),
    Page(f"{RESULTS_FILTERED}&{PRO}", "search-results-professional"),
    Page(f"{PROVIDER_PAGE}&{PRO}", "provider-professional"),
    Page(f"{COMPARE}&profiel=P02&{PRO}", "compare-professional"),
    Page("/toegankelijkheid", "accessibility-statement"),
    Page("/privacy", "privacy"),
    Page("/bestaat-niet", "not-found", status=404),
    Page("/inloggen", "sign-in"),
    Page("/inloggen?lang=ar", "sign-in-ar"),
    Page("/wachtwoord-vergeten", "forgot-password"),
    Page("/uitnodiging?token=kapot", "invitation-broken-link", status=400),
    # Right to left (Arabic) and Cyrillic (Ukrainian): the pages with the most layout.
    *(
        Page(_in(lang, path), f"{name}-{lang}", status)
        for lang in ("ar", "uk")
        for path, name, status in (
            (HOME_WITH_TEAM, "home-with-team", 200),
            (RESULTS_FILTERED, "search-results-filtered", 200),
            (INVALID_POSTCODE, "search-invalid-postcode", 400),
            (PROVIDER_PAGE, "provider", 200),
            (COMPARE, "compare", 200),
            (SHORTLIST, "shortlist", 200),
            (HANDOUT, "handout", 200),
        )
    ),
    Page(_in("ar", "/uitleg/resultaten"), "explainer-outcomes-ar"),
    # The open-data reference for developers, long tables of parameters and fields.
    Page("/api/v1/docs", "api-docs"),
    Page("/api/v1/docs?lang=ar", "api-docs-ar"),
]
