"""Links a page makes many of, for less than url_for's work for each (about 4-12 µs).

Provider links: a results page or an API response links every hit to its provider; url_for
works through werkzeug's URL map each time (about 10 µs). Provider and region ids are
URL-safe by the import's rule (`indexer.sources.fields.code`: letters, digits, ".", "_",
"-", starting with a letter or digit), so the link url_for gives for two markers (once per
script root), with the ids put in their place, is exactly the link url_for would give for
the ids. An id outside
that rule (none can be imported) still gets url_for's own link.

Page links: the menu, the footer, a results page's page numbers and filters link to pages
without URL variables; their path is url_for's once per script root, their query encoded
as url_for encodes it.
"""

import re
from collections.abc import Iterable
from urllib.parse import quote_plus

from flask import Flask, current_app, request, url_for

from indexer.sources.fields import FieldError, code

# Never an id (an id starts with a letter or digit) and left as is by URL quoting.
PROVIDER, REGION = "-provider-", "-region-"


class ProviderLink:
    """`link(provider_id, region_id)` for `endpoint`, whose URL variables for the two are
    named `provider` and `region`; `fixed` are the same for every link."""

    def __init__(self, endpoint: str, provider: str, region: str, **fixed: object) -> None:
        self._endpoint, self._names, self._fixed = endpoint, (provider, region), fixed
        paths = current_app.extensions["page_urls"]
        key = request.script_root, endpoint, provider, region
        path = paths.get(key)
        if path is None:  # the same on every request at one script root
            path = paths[key] = url_for(endpoint, **{provider: PROVIDER, region: REGION})
        self._pattern = with_query(path, fixed.items())

    def __call__(self, provider_id: str, region_id: str) -> str:
        try:
            return self._pattern.replace(PROVIDER, code(provider_id)).replace(
                REGION, code(region_id)
            )
        except FieldError:
            values = dict(zip(self._names, (provider_id, region_id), strict=True))
            return url_for(self._endpoint, **values, **self._fixed)


# What URL quoting leaves as it is in a query: Python's always-safe characters and the ones
# werkzeug adds for query values. A text made of these alone is its own encoding.
QUERY_SAFE = "!$'()*,/:;?@"
PLAIN_QUERY_TEXT = re.compile(r"[A-Za-z0-9_.~!$'()*,/:;?@-]*")


def init_app(app: Flask) -> None:
    app.extensions["page_urls"] = {}
    app.add_template_global(page_url)
    app.add_template_global(static_url)


def page_url(endpoint: str) -> str:
    """url_for(endpoint) for a page without URL variables ("/zoeken"): the same text on every
    request to one app at one script root (where it is mounted), so url_for works it out
    once per root and endpoint, not for every link on every page."""
    paths = current_app.extensions["page_urls"]
    key = request.script_root, endpoint
    path = paths.get(key)
    if path is None:
        path = paths[key] = url_for(endpoint)
    return path


def static_url(filename: str) -> str:
    """The templates' `static_url_for("static", filename=...)`: a static file's fingerprinted
    path (flask-static-digest), the same on every request at one script root."""
    paths = current_app.extensions["page_urls"]
    key = request.script_root, "static", filename
    path = paths.get(key)
    if path is None:
        made = current_app.jinja_env.globals["static_url_for"]
        path = paths[key] = made("static", filename=filename)
    return path


def query_url(endpoint: str, query: Iterable[tuple[str, object]]) -> str:
    """url_for(endpoint, **values) for a page without URL variables."""
    return with_query(page_url(endpoint), query)


def with_query(path: str, query: Iterable[tuple[str, object]]) -> str:
    """`path` (which may have a query already) with the query url_for would add for
    `query`: the values as (name, value) pairs in url_for's order (a name with a list of
    values is one pair per value); a None value is left out, as url_for leaves it out."""
    encoded = "&".join(
        f"{_quoted(name)}={_quoted(value)}" for name, value in query if value is not None
    )
    if not encoded:
        return path
    return f"{path}{'&' if '?' in path else '?'}{encoded}"


def _quoted(value: object) -> str:
    """`urllib.parse.urlencode`'s quoting of one name or value with werkzeug's safe
    characters; most are plain, and quoting them was most of a link's cost."""
    text = value if type(value) is str else str(value)
    return text if PLAIN_QUERY_TEXT.fullmatch(text) else quote_plus(text, safe=QUERY_SAFE)
