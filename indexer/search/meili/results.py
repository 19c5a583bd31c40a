"""A Meilisearch search response mapped onto the engine-neutral SearchResult."""

from indexer.search.contract import Hit, SearchQuery, SearchResult, Segment
from indexer.search.documents import distance_km
from indexer.search.meili.primary_key import PRIMARY_KEY
from indexer.search.meili.render import HIGHLIGHT_POST, HIGHLIGHT_PRE, snippet_fields

# Fields Meilisearch adds to a hit, and the key the adapter adds to a document: a hit's
# document is the one indexed, as in every engine.
_ADDED = (
    "_formatted",
    "_geoDistance",
    "_rankingScore",
    "_rankingScoreDetails",
    "_matchesPosition",
    PRIMARY_KEY,
)


def segments(text: str) -> list[Segment]:
    """Split highlighted text at the markers into plain and matching pieces."""
    pieces: list[Segment] = []
    match = False
    for part in text.replace(HIGHLIGHT_POST, HIGHLIGHT_PRE).split(HIGHLIGHT_PRE):
        if part:
            pieces.append(Segment(part, match))
        match = not match
    return pieces


def snippet(hit: dict, locale: str) -> list[Segment]:
    formatted = hit.get("_formatted") or {}
    for field in snippet_fields(locale):
        text = formatted.get(field) or ""
        if text.strip():
            return segments(text)
    return []


def distance(hit: dict, query: SearchQuery) -> float | None:
    """Kilometres (to 0.1, as every engine reports them) from the query's postcode, by the
    same great-circle formula as the embedded engine. Meilisearch's own `_geoDistance`
    (whole metres, another Earth radius) shows 1.6 where the embedded engine shows 1.5
    for the same two points, so families would see other figures per engine."""
    geo = hit.get("_geo")
    if query.origin is None or not geo:
        return None
    return round(distance_km(query.origin, (float(geo["lat"]), float(geo["lng"]))), 1)


def to_result(response: dict, query: SearchQuery) -> SearchResult:
    hits = [
        Hit(
            id=str(hit["id"]),
            document={key: value for key, value in hit.items() if key not in _ADDED},
            snippet=snippet(hit, query.locale),
            distance_km=distance(hit, query),
        )
        for hit in response.get("hits", [])
    ]
    distribution = response.get("facetDistribution") or {}
    # Every facet asked for is present, empty when no matching document has a value.
    facets = {name: dict(distribution.get(name) or {}) for name in query.facets}
    return SearchResult(hits=hits, total=int(response["totalHits"]), facets=facets, query=query)
