"""The one contract every search engine implements: a SearchQuery in, a SearchResult out.

The portal, the command line and the tests speak only this language, so the embedded engine
and Meilisearch are interchangeable, and one conformance suite holds both to it. Filters
within one facet are OR-ed (profile P01 or P02), filters across facets are AND-ed.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DISTANCE = "distance"  # needs an origin (a postcode)
    GOAL_ATTAINMENT = "goal_attainment"  # highest published figure first; none last
    WAIT = "wait"  # shortest wait first; unknown last
    NAME = "name"


# Facets a query may ask counts for; each is a keyword field of the search document.
FACETS = (
    "profiles",
    "intensities",
    "segments",
    "care_forms",
    "languages",
    "age_groups",
    "wait_band",
    "has_outcomes",
)
MAX_PAGE_SIZE = 100
MAX_TEXT_LENGTH = 200


@dataclass(frozen=True)
class SearchQuery:
    """What a family or referrer asks. `origin` is the PC4 centroid (lat, lon) when a postcode
    was given; `region_id` then comes from that postcode unless set explicitly."""

    text: str = ""
    region_id: str | None = None
    origin: tuple[float, float] | None = None
    profiles: tuple[str, ...] = ()
    intensities: tuple[str, ...] = ()
    segment: str | None = None
    care_forms: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    age: int | None = None
    max_wait_weeks: int | None = None
    with_outcomes: bool = False
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    page_size: int = 20
    facets: tuple[str, ...] = FACETS
    locale: str = "nl"

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in (
                (self.page < 1, "page must be 1 or more"),
                (not 1 <= self.page_size <= MAX_PAGE_SIZE, f"page_size must be 1-{MAX_PAGE_SIZE}"),
                (len(self.text) > MAX_TEXT_LENGTH, f"text is longer than {MAX_TEXT_LENGTH}"),
                (self.sort == Sort.DISTANCE and self.origin is None, "distance needs a postcode"),
                (bool(set(self.facets) - set(FACETS)), f"facets must be among {FACETS}"),
                (self.age is not None and not 0 <= self.age <= 27, "age must be 0-27"),
            )
            if failed
        ]
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass(frozen=True)
class Segment:
    """A piece of highlighted text; templates escape `text` and mark `match` pieces."""

    text: str
    match: bool = False


@dataclass
class Hit:
    id: str  # "region__provider"
    document: dict
    snippet: list[Segment] = field(default_factory=list)
    distance_km: float | None = None


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int  # exact number of matching documents
    facets: dict[str, dict[str, int]]
    query: SearchQuery  # the query as applied, filters included
    # Typed words left out because nothing matched them all (indexer.search.relaxing).
    dropped_words: tuple[str, ...] = ()
    # Typed words searched with related concepts too, as nothing else was found.
    widened_words: tuple[str, ...] = ()
    # Typed words about other problems, not searched as the words speak of a danger (abuse,
    # self-harm): help with the danger comes first (indexer.search.relaxing).
    set_aside_words: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.page_size))
