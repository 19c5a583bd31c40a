"""Fuzzing: generated values for every parameter of every GET route never cause a 5xx.

For each route in the app's own url_map (URL variables generated too), Hypothesis sends
queries of the parameters the views read, mixing values that reach the store and the engine
with hostile ones: digits of other scripts ("²", "①", "፩"), control characters, very long
strings, parameters repeated many times, broken percent-encoding; plus the cookies and
Accept-Language the portal reads. The run is derandomized, so CI sees the same cases every
time, and a failure is shrunk to the smallest request that breaks. 3,000 cases (200 per
route) take about 15 s; with fewer, some seeds missed the unicode-digit 500.
"""

import re
from pathlib import Path
from urllib.parse import quote

from flask import Flask
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.search import Sort
from indexer.sources.specs import CARE_FORMS
from portal import i18n
from portal.public import compare
from portal.public.themes import THEMES
from portal.referrers import view
from tests.portal.test_routes import OPVOEDHUIS, RUSTPUNT

CASES = 3000  # in total, shared evenly by the routes
# Every query parameter a view reads; test_every_parameter_read_is_fuzzed keeps this whole.
PARAMETERS = (
    "q",
    "postcode",
    "regio",
    "alle_regios",
    "profiel",
    "intensiteit",
    "taal",
    "zorgvorm",
    "leeftijd",
    "wachttijd",
    "pagina",
    "sortering",
    "resultaten",
    "lang",
    "id",
    "next",
    "token",
    "klaar",
    "opgeslagen",
    "formaat",
    "weergave",
    "thema",
    "vanzelf",
)
COOKIES = (i18n.COOKIE, compare.COOKIE, view.COOKIE)
PORTAL = Path(__file__).parents[2] / "portal"

# Values that reach past validation into the store and the engine (the minimal dataset).
VALID = {
    "q": ["angst", "angts", "opvoeden", "autisme adhd"],
    "next": ["/account", "//evil.example", "/\\evil.example"],
    "token": ["", "abc.def.ghi"],
    "klaar": ["besluit", "uitnodiging"],
    "vanzelf": ["ja"],
    "opgeslagen": ["gepubliceerd", "ter-beoordeling", "bevestigd"],
    "postcode": ["1011", "1011 AB", "1181ZM", "9999"],
    "regio": ["testregio"],
    "alle_regios": ["1"],
    "profiel": ["P01", "P02"],
    "intensiteit": ["I1", "I2"],
    "taal": ["nl", "en", "tr"],
    "zorgvorm": list(CARE_FORMS),
    "leeftijd": ["0", "4", "15", "27"],
    "wachttijd": ["0", "4", "8", "52"],
    "pagina": ["1", "2", "1000"],
    "sortering": [sort.value for sort in Sort],
    "resultaten": ["1"],
    "lang": list(i18n.LOCALES),
    "id": [RUSTPUNT, OPVOEDHUIS, "testregio__", "__rustpunt"],
    "formaat": ["csv", "xlsx"],
    "weergave": [view.PROFESSIONAL, view.FAMILY],
    "thema": [theme.value for theme in THEMES],
}
HOSTILE = ["²", "①", "፩", "٣", "１５", "1²", "-1", "1e3", " 7 ", "\x00", "\t", "\\", "%", ".."]
HOSTILE += ["//evil.example", "/\\evil.example", "<script>", "' OR 1=1 --", "\u202e", "\ufeff"]
# Numbers in any script's digits, 0-9 among them: str.isdigit() accepts all, int() not "²".
digits = st.text(st.characters(categories=["Nd", "No"]).filter(str.isdigit), min_size=1, max_size=3)
numbers = st.integers(-(10**12), 10**12).map(str)
hostile = st.one_of(
    st.sampled_from(HOSTILE),
    digits,
    numbers,
    st.text(max_size=40),  # any code point but surrogates: control characters included
)
# Up to 6,000 characters: past int()'s 4,300-digit limit, yet a URL that a server in front
# (gunicorn, nginx) may still let through.
long_strings = st.builds(
    lambda part, length: (part * length)[:length],
    st.one_of(st.sampled_from(["9", "0", "²", "ä", "%", "\x00"]), st.text(min_size=1, max_size=3)),
    st.integers(1000, 6000),
)


def values_for(name: str) -> st.SearchStrategy[list[str]]:
    """One to three values (filters repeat by design); a view may read only the first.
    Digits are drawn twice as often as other hostile values: every number field parses them."""
    return st.lists(
        st.one_of(st.sampled_from(VALID[name]), digits, hostile), min_size=1, max_size=3
    )


# Each parameter present or not, so a case mixes valid and hostile values across the form.
chosen = st.fixed_dictionaries({}, optional={name: values_for(name) for name in PARAMETERS})
# On top, at most one parameter repeated many times or given one very long value.
flooded = st.builds(
    lambda name, value, times: [(name, value)] * times,
    st.sampled_from(PARAMETERS),
    hostile,
    st.integers(20, 100),
)
lengthy = st.builds(lambda name, value: [(name, value)], st.sampled_from(PARAMETERS), long_strings)
pairs = st.builds(
    lambda given, extra: [(n, v) for n, vs in given.items() for v in vs] + extra,
    chosen,
    st.one_of(st.just([]), flooded, lengthy),
)
# A query string as typed into the address bar: stray "%", invalid UTF-8, odd separators.
raw_queries = st.builds(
    lambda name, junk: f"{name}={junk}",
    st.sampled_from(PARAMETERS),
    st.text("%&=+;#0123456789ABCDEFcfz²", max_size=30),
)
queries = st.one_of(pairs, pairs, pairs, pairs, raw_queries)
header_values = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)
cookies = st.dictionaries(
    st.sampled_from(COOKIES),
    st.one_of(header_values, st.sampled_from([RUSTPUNT, view.PROFESSIONAL])),
)
VARIABLE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
URL_VALUES = ["rustpunt", "opvoedhuis", "css/site.css", "favicon.svg", "..", "%2e%2e"]
url_values = st.one_of(st.sampled_from(URL_VALUES), hostile.filter(bool))


def get_routes(app: Flask) -> list[str]:
    """Rule templates of every route that answers GET, e.g. "/aanbieders/<provider_id>"."""
    return sorted(rule.rule for rule in app.url_map.iter_rules() if "GET" in rule.methods)


def fill(template: str, filled: list[str]) -> str:
    """The route with its URL variables filled in, percent-encoded as a browser sends them."""
    chosen = iter(filled)
    return VARIABLE.sub(lambda _match: quote(next(chosen), safe=""), template)


def test_every_route_and_parameter_survives_generated_values(app: Flask) -> None:
    """Each route gets its share of the cases, so none depends on the draw."""
    app.config["API_RATE_LIMIT"] = "100000 per minute"  # the API's answers, not its limit
    routes = get_routes(app)
    cases: list[str] = []

    def fuzz(template: str) -> None:
        variables = len(VARIABLE.findall(template))

        @settings(
            max_examples=-(-CASES // len(routes)),
            deadline=None,
            derandomize=True,
            database=None,
        )
        @given(
            filled=st.lists(url_values, min_size=variables, max_size=variables),
            query=queries,
            cookies=cookies,
            accept_language=header_values,
        )
        def one_request(filled, query, cookies, accept_language) -> None:
            path = fill(template, filled)
            headers = {"Accept-Language": accept_language}
            if cookies:
                headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
            with app.test_client().get(path, query_string=query, headers=headers) as response:
                assert response.status_code < 500, (path, query, headers)
            cases.append(template)

        one_request()

    for template in routes:
        fuzz(template)
    assert len(cases) >= CASES
    assert set(cases) == set(routes)


def test_every_parameter_read_is_fuzzed() -> None:
    """A parameter a view starts reading (args.get("…")) must be added to PARAMETERS."""
    read = {
        name
        for module in PORTAL.rglob("*.py")
        for name in re.findall(r"args\.(?:get|getlist)\(\s*\"([^\"]+)\"", module.read_text())
    }
    assert read and read <= set(PARAMETERS)
