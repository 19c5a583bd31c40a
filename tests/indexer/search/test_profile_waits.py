"""With a profile chosen, every engine filters and sorts on that profile's wait (DESIGN.md
§11): a provider with 3 weeks in general but 12 for trauma help is not "within 8 weeks"
for trauma help."""

from datetime import date

import pytest

from indexer.search import SearchQuery, Sort
from tests.utils.documents import make_document, waits

TODAY = date(2026, 11, 22)
BOTH = {"profiles": ["P03", "P05"], "offers": ["P03/I1", "P05/I1"]}

CORPUS = [
    # Quick in general, slow for trauma (P03).
    make_document("snel-algemeen", **BOTH, waits=waits(3) + waits(12, profile_code="P03")),
    make_document("eigen-wachttijd", **BOTH, waits=waits(20) + waits(6, profile_code="P03")),
    make_document("alleen-algemeen", profiles=["P03"], offers=["P03/I1"], waits=waits(5)),
    # Its P03 wait is short but confirmed in August: out of date.
    make_document(
        "verouderd",
        profiles=["P03"],
        offers=["P03/I1"],
        waits=waits(4) + waits(2, "2026-08-03", profile_code="P03"),
    ),
    make_document("onbekend", profiles=["P03"], offers=["P03/I1"], waits=[]),
    make_document(
        "twee-profielen",
        **BOTH,
        waits=waits(10, profile_code="P03") + waits(1, profile_code="P05"),
    ),
]


@pytest.fixture
def engine(search_engine):
    search_engine.rebuild(CORPUS)
    return search_engine


def ids(engine, **query) -> list[str]:
    return [h.document["provider_id"] for h in engine.search(SearchQuery(**query), TODAY).hits]


def test_maximum_wait_for_one_profile_uses_that_profiles_wait(engine) -> None:
    found = ids(engine, profiles=("P03",), max_wait_weeks=8, sort=Sort.NAME)
    assert found == ["alleen-algemeen", "eigen-wachttijd"]


def test_maximum_wait_for_several_profiles_takes_the_shortest(engine) -> None:
    found = ids(engine, profiles=("P03", "P05"), max_wait_weeks=2, sort=Sort.NAME)
    assert found == ["twee-profielen"]


def test_without_a_profile_the_general_wait_filters(engine) -> None:
    found = ids(engine, max_wait_weeks=4, sort=Sort.NAME)
    assert found == ["snel-algemeen", "twee-profielen", "verouderd"]


def test_sorting_on_wait_uses_the_chosen_profiles_wait(engine) -> None:
    assert ids(engine, profiles=("P03",), sort=Sort.WAIT) == [
        "verouderd",  # 2 weeks, out of date but the only P03 wait it published
        "alleen-algemeen",  # 5: the general wait stands in
        "eigen-wachttijd",  # 6
        "twee-profielen",  # 10
        "snel-algemeen",  # 12, although 3 in general
        "onbekend",  # unknown last
    ]


def test_sorting_on_wait_pages_through_the_same_order(engine) -> None:
    query = {"profiles": ("P03",), "sort": Sort.WAIT, "page_size": 4}
    result = engine.search(SearchQuery(page=2, **query), TODAY)
    assert [h.document["provider_id"] for h in result.hits] == ["snel-algemeen", "onbekend"]
    assert result.total == 6
    assert result.facets["profiles"] == {"P03": 6, "P05": 3}


def test_a_new_wait_takes_its_place_in_the_wait_order_at_once(engine) -> None:
    """The embedded engine keeps what the wait order reads per index reader; a wait a
    provider changes after such a search must sort by its new value."""
    assert ids(engine, profiles=("P03",), sort=Sort.WAIT)[-2] == "snel-algemeen"  # 12 weeks
    quicker = make_document("snel-algemeen", **BOTH, waits=waits(3) + waits(1, profile_code="P03"))
    engine.replace_provider("snel-algemeen", [quicker])
    assert ids(engine, profiles=("P03",), sort=Sort.WAIT)[0] == "snel-algemeen"
