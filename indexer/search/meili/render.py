"""Engine-neutral clauses and a SearchQuery rendered as one Meilisearch search request.

The meaning of every filter is decided in indexer.search.filters; this module only writes
it in Meilisearch's filter language, with every string value quoted and escaped so that a
value holding a quote or a backslash can neither break the expression nor change it.
"""

from datetime import date

from indexer.search.contract import SearchQuery, Sort
from indexer.search.filters import AnyOf, AtLeast, AtMost, Clause, IsTrue, WaitWithin, clauses
from indexer.search.meili.settings import LOCALE_CODES, locale_code
from indexer.search.vocabulary import normalise

# Private-use characters mark highlights: they cannot occur in typed text, and the markup
# is never HTML (the templates escape the text and mark matches themselves).
HIGHLIGHT_PRE = "\ue000"
HIGHLIGHT_POST = "\ue001"
CROP_MARKER = "…"
CROP_LENGTH = 30  # words in a result snippet
FALLBACK_LOCALE = "nl"  # every provider has a Dutch description


def quote(value: str) -> str:
    """A double-quoted filter string; backslashes first, then quotes are escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number(value: int | float) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {value!r}")
    return repr(value)


def render_clause(clause: Clause) -> str:
    match clause:
        case AnyOf(field, values):
            return f"{field} IN [{', '.join(quote(v) for v in values)}]"
        case AtLeast(field, value):
            return f"{field} >= {number(value)}"
        case AtMost(field, value):
            return f"{field} <= {number(value)}"
        case IsTrue(field):
            return f"{field} = true"
        case WaitWithin(keys, weeks, day):
            either = [
                f"(profile_waits.{key}.weeks <= {number(weeks)}"
                f" AND profile_waits.{key}.fresh_until >= {number(day)})"
                for key in keys
            ]
            return "(" + " OR ".join(either) + ")"
    raise TypeError(f"unknown clause {clause!r}")


def render_filter(items: list[Clause]) -> str:
    """All clauses AND-ed; within a clause the values are OR-ed (IN)."""
    return " AND ".join(render_clause(clause) for clause in items)


def render_sort(query: SearchQuery) -> list[str]:
    """Sort rules; ties (same wait, same figure, same distance) are ordered by name, and
    so is a "relevance" list without text, as in the embedded engine. Documents without a
    value (no figure, unknown wait, no location) come last whichever the direction."""
    match query.sort:
        case Sort.RELEVANCE:
            return [] if query.text.strip() else ["name_sort:asc"]
        case Sort.NAME:
            return ["name_sort:asc"]
        case Sort.DISTANCE:
            if query.origin is None:  # SearchQuery already refuses this
                raise ValueError("distance needs an origin")
            lat, lng = query.origin
            return [f"_geoPoint({number(lat)}, {number(lng)}):asc", "name_sort:asc"]
        case Sort.GOAL_ATTAINMENT:
            return ["goal_attainment_pct:desc", "name_sort:asc"]
        case Sort.WAIT:
            return ["wait_weeks:asc", "name_sort:asc"]
    raise ValueError(f"unknown sort {query.sort!r}")


def snippet_fields(locale: str) -> list[str]:
    """The description in the query's language, and the Dutch one to fall back on."""
    fields = [f"description_{locale}"]
    if locale != FALLBACK_LOCALE:
        fields.append(f"description_{FALLBACK_LOCALE}")
    return fields


def search_params(query: SearchQuery, today: date, text: str | None = None) -> dict:
    """The body of POST /indexes/<uid>/search. `text` is what to search for, the words
    chosen by indexer.search.relaxing (by default the typed text), and all of it must
    match, as in the embedded engine. `page`/`hitsPerPage` (not offset/limit) make
    Meilisearch count `totalHits` exhaustively."""
    if query.locale not in LOCALE_CODES:
        raise ValueError(f"unsupported locale {query.locale!r}")
    fields = snippet_fields(query.locale)
    params: dict = {
        # Folded as the vocabulary folds its words (kaygı → kaygi), so synonyms match.
        "q": normalise(query.text if text is None else text),
        "matchingStrategy": "all",
        "filter": render_filter(clauses(query, today)),
        "facets": list(query.facets),
        "page": query.page,
        "hitsPerPage": query.page_size,
        "attributesToCrop": fields,
        "cropLength": CROP_LENGTH,
        "cropMarker": CROP_MARKER,
        "attributesToHighlight": fields,
        "highlightPreTag": HIGHLIGHT_PRE,
        "highlightPostTag": HIGHLIGHT_POST,
        "locales": [locale_code(query.locale)],
    }
    sort = render_sort(query)
    if sort:
        params["sort"] = sort
    return params
