"""The search contract, held against every engine: what families and referrers notice."""

from datetime import date

import pytest

from indexer.search import SearchQuery, Sort
from tests.utils.documents import AMSTERDAM, make_document

TODAY = date(2026, 11, 22)
AMSTELVEEN = {"lat": 52.3030, "lng": 4.8610}

CORPUS = [
    make_document(
        "angst-praktijk",
        name="Praktijk Rustpunt",
        description_nl="Wij helpen kinderen met angst en paniek. <script>alert(1)</script>",
        wait_weeks=2,
        goal_attainment_pct=80.0,
        has_outcomes=True,
    ),
    make_document(
        "scheiding-huis",
        name="Het Scheidingshuis",
        description_nl="Hulp bij scheiding van ouders, ook online.",
        description_en="Help when parents separate.",
        profiles=["P02"],
        intensities=["I2"],
        offers=["P02/I2"],
        care_forms=["online"],
        languages=["nl", "tr"],
        wait_weeks=10,
        goal_attainment_pct=60.0,
        has_outcomes=True,
        _geo=AMSTELVEEN,
    ),
    make_document(
        "autisme-centrum",
        name="Autisme Centrum",
        description_nl="Onderzoek en behandeling bij autisme. Dagbehandeling voor jonge kinderen.",
        profiles=["P01", "P02"],
        intensities=["I1", "I2"],
        offers=["P01/I2", "P02/I1"],
        care_forms=["dagbehandeling"],
        age_from=4,
        age_to=12,
        age_groups=["4-12"],
        _geo={"lat": 52.36, "lng": 4.90},
    ),
    make_document(
        "pleegzorg-thuis",
        name="Pleegzorg Thuis",
        description_nl="Pleegzorg voor kinderen die niet thuis kunnen wonen.",
        profiles=["P03"],
        offers=["P03/I1"],
        care_forms=["pleegzorg"],
        _geo=None,
    ),
    make_document(
        "ontwikkeling-team",
        region_id="zuid",
        description_nl="Begeleiding bij een achterstand in de ontwikkeling, ook bij angst.",
    ),
    make_document("verlopen", description_nl="Angst en paniek.", available_until=20261121),
    # A short wait, but confirmed in August: more than 8 weeks before TODAY.
    make_document(
        "oude-wachttijd",
        region_id="zuid",
        profiles=["P09"],
        offers=["P09/I1"],
        wait_weeks=1,
        wait_confirmed_on="2026-08-20",
    ),
]


@pytest.fixture
def engine(search_engine):
    search_engine.rebuild(CORPUS)
    return search_engine


def found(engine, **query) -> list[str]:
    result = engine.search(SearchQuery(**query), TODAY)
    return sorted(hit.document["provider_id"] for hit in result.hits)


def ordered(engine, **query) -> list[str]:
    return [hit.document["provider_id"] for hit in engine.search(SearchQuery(**query), TODAY).hits]


def test_words_in_descriptions_are_found_and_counted_exactly(engine) -> None:
    result = engine.search(SearchQuery(text="wonen"), TODAY)
    assert [hit.document["provider_id"] for hit in result.hits] == ["pleegzorg-thuis"]
    assert result.total == 1


def test_a_contract_that_ended_after_the_build_is_not_found(engine) -> None:
    assert "verlopen" not in found(engine, text="angst")
    assert found(engine, text="angst", region_id="noord") == ["angst-praktijk"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("angts", ["angst-praktijk", "ontwikkeling-team"]),  # 5 letters: one typo allowed
        ("autsme", ["autisme-centrum"]),  # 6 letters, one letter missing
        ("plegzorgg", ["pleegzorg-thuis"]),  # 9 letters: two typos allowed
        ("atsme", []),  # 5 letters, two typos: too many
        ("bnag", []),  # under 5 letters: no typo at all
    ],
)
def test_typo_tolerance_follows_the_word_length(engine, typed: str, expected: list[str]) -> None:
    assert found(engine, text=typed) == expected


def test_the_last_word_is_matched_as_a_prefix(engine) -> None:
    assert found(engine, text="autis") == ["autisme-centrum"]
    assert found(engine, text="dagbeh") == ["autisme-centrum"]


def test_a_known_word_is_not_also_the_beginning_of_another(search_engine) -> None:
    """ "ADD" is attention deficit, so a family asking for it never gets addiction care."""
    addiction = make_document("verslaving", description_en="Help with addiction and gaming.")
    search_engine.rebuild([*CORPUS, addiction])
    assert found(search_engine, text="ADD", locale="en") == []
    assert found(search_engine, text="addic", locale="en") == ["verslaving"]


@pytest.mark.parametrize(
    ("typed", "locale"),
    [
        ("bang", "nl"),
        ("anxiety", "en"),
        ("panic attack", "en"),
        ("kaygı", "tr"),
        ("kaygi", "tr"),
        ("قلق", "ar"),
    ],
)
def test_family_words_in_every_language_find_the_dutch_text(
    engine, typed: str, locale: str
) -> None:
    assert found(engine, text=typed, locale=locale, region_id="noord") == ["angst-praktijk"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("P03", ["pleegzorg-thuis"]),  # a profile code typed as a word, in any case
        ("p02", ["autisme-centrum", "scheiding-huis"]),
        ("P09", []),  # contracted only in another region
        ("vechtscheiding", ["scheiding-huis"]),  # a professional term only the vocabulary knows
    ],
)
def test_referrers_find_providers_by_profile_code_and_professional_term(
    engine, typed: str, expected: list[str]
) -> None:
    assert found(engine, text=typed, region_id="noord") == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"region_id": "zuid"}, ["ontwikkeling-team", "oude-wachttijd"]),
        ({"profiles": ("P01",)}, ["angst-praktijk", "autisme-centrum", "ontwikkeling-team"]),
        ({"profiles": ("P02", "P03")}, ["autisme-centrum", "pleegzorg-thuis", "scheiding-huis"]),
        ({"profiles": ("P01",), "intensities": ("I2",)}, ["autisme-centrum"]),
        ({"profiles": ("P02",), "intensities": ("I2",)}, ["scheiding-huis"]),
        ({"care_forms": ("online", "pleegzorg")}, ["pleegzorg-thuis", "scheiding-huis"]),
        ({"languages": ("tr",)}, ["scheiding-huis"]),
        (
            {"age": 15, "region_id": "noord"},
            ["angst-praktijk", "pleegzorg-thuis", "scheiding-huis"],
        ),
        ({"max_wait_weeks": 5}, ["angst-praktijk"]),  # not the wait confirmed too long ago
        ({"with_outcomes": True}, ["angst-praktijk", "scheiding-huis"]),
        ({"segment": "C"}, []),
    ],
)
def test_filters(engine, filters: dict, expected: list[str]) -> None:
    assert found(engine, **filters) == expected


def test_facet_counts_are_exact_and_follow_the_filters(engine) -> None:
    result = engine.search(SearchQuery(region_id="noord"), TODAY)
    assert result.total == 4
    assert result.facets["profiles"] == {"P01": 2, "P02": 2, "P03": 1}
    assert result.facets["care_forms"] == {
        "ambulant": 1,
        "dagbehandeling": 1,
        "online": 1,
        "pleegzorg": 1,
    }
    assert result.facets["has_outcomes"] == {"true": 2, "false": 2}
    narrowed = engine.search(SearchQuery(region_id="noord", profiles=("P02",)), TODAY)
    assert narrowed.facets["profiles"] == {"P01": 1, "P02": 2}


def test_sort_by_distance_from_the_postcode(engine) -> None:
    result = engine.search(
        SearchQuery(region_id="noord", origin=AMSTERDAM, sort=Sort.DISTANCE), TODAY
    )
    names = [hit.document["provider_id"] for hit in result.hits]
    assert names == ["angst-praktijk", "autisme-centrum", "scheiding-huis", "pleegzorg-thuis"]
    assert [hit.distance_km for hit in result.hits][:3] == [0.0, 1.5, 8.1]


def test_sort_by_goal_attainment_puts_unpublished_figures_last(engine) -> None:
    assert ordered(engine, region_id="noord", sort=Sort.GOAL_ATTAINMENT)[:2] == [
        "angst-praktijk",
        "scheiding-huis",
    ]


def test_sort_by_wait_puts_unknown_waits_last(engine) -> None:
    assert ordered(engine, region_id="noord", sort=Sort.WAIT)[:2] == [
        "angst-praktijk",
        "scheiding-huis",
    ]


def test_sort_by_name_and_pagination(engine) -> None:
    first = engine.search(SearchQuery(region_id="noord", sort=Sort.NAME, page_size=3), TODAY)
    second = engine.search(
        SearchQuery(region_id="noord", sort=Sort.NAME, page_size=3, page=2), TODAY
    )
    names = [hit.document["name"] for hit in first.hits + second.hits]
    assert names == [
        "Autisme Centrum",
        "Het Scheidingshuis",
        "Pleegzorg Thuis",
        "Praktijk Rustpunt",
    ]
    assert (first.total, second.total, first.pages) == (4, 4, 2)


def test_a_renamed_provider_takes_its_place_in_name_order_at_once(engine) -> None:
    """The embedded engine keeps each document's place in name order per index reader; an
    update made after a search in name order must still be in its new place."""

    def names() -> list[str]:
        found = engine.search(SearchQuery(region_id="noord", sort=Sort.NAME), TODAY)
        return [hit.document["name"] for hit in found.hits]

    assert names()[-1] == "Praktijk Rustpunt"
    renamed = CORPUS[0] | {"name": "Aandacht Rustpunt", "name_sort": "aandacht rustpunt"}
    engine.replace_provider("angst-praktijk", [renamed])
    assert names() == [
        "Aandacht Rustpunt",
        "Autisme Centrum",
        "Het Scheidingshuis",
        "Pleegzorg Thuis",
    ]


def test_snippets_mark_the_matched_words_and_carry_provider_text_as_plain_text(engine) -> None:
    hit = engine.search(SearchQuery(text="paniek", region_id="noord"), TODAY).hits[0]
    assert [s.text for s in hit.snippet if s.match] == ["angst", "paniek"]  # synonyms too
    text = "".join(s.text for s in hit.snippet)
    assert "<script>alert(1)</script>" in text  # unescaped here: the templates escape it


def test_updating_one_provider_is_visible_at_once(engine) -> None:
    changed = make_document("angst-praktijk", description_nl="Nu alleen nog hulp bij somberheid.")
    engine.replace_provider("angst-praktijk", [changed])
    assert found(engine, text="somberheid") == ["angst-praktijk"]
    assert found(engine, text="helpen") == []
    engine.replace_provider("angst-praktijk", [])
    assert "angst-praktijk" not in found(engine, region_id="noord")


def test_a_word_of_a_concept_is_found_from_the_update_that_first_uses_it(engine) -> None:
    """The embedded engine leaves out of a concept's query the keywords no document holds,
    per index reader: one first written by an update must be found at once, also when the
    concept was searched for before it."""
    assert found(engine, text="adhd") == []
    changed = make_document("angst-praktijk", description_nl="Nu ook hulp bij ADHD.")
    engine.replace_provider("angst-praktijk", [changed])
    assert found(engine, text="adhd") == ["angst-praktijk"]


def test_a_provider_id_with_a_dot_is_indexed_found_and_replaced(search_engine) -> None:
    """The import accepts codes such as "rustpunt.nl" and the portal links to the id as it
    is; "rustpunt-nl" beside it is another provider and stays untouched."""
    dotted = make_document("rustpunt.nl", description_nl="Hulp bij somberheid.")
    dashed = make_document("rustpunt-nl", description_nl="Hulp bij somberheid en rouw.")
    search_engine.rebuild([dotted, dashed])
    hits = search_engine.search(SearchQuery(text="somberheid", sort=Sort.NAME), TODAY).hits
    assert [(hit.id, hit.document) for hit in hits] == [
        ("noord__rustpunt-nl", dashed),
        ("noord__rustpunt.nl", dotted),
    ]

    moved = make_document("rustpunt.nl", region_id="zuid", description_nl="Hulp bij rouw.")
    search_engine.replace_provider("rustpunt.nl", [moved])
    result = search_engine.search(SearchQuery(text="rouw", sort=Sort.NAME), TODAY)
    assert [hit.id for hit in result.hits] == ["noord__rustpunt-nl", "zuid__rustpunt.nl"]
    assert found(search_engine, text="somberheid") == ["rustpunt-nl"]


def test_a_rebuild_replaces_everything_and_status_reports_it(engine) -> None:
    assert engine.status().documents == len(CORPUS)
    engine.rebuild([make_document("nieuw", description_nl="Hulp bij angst.")])
    assert found(engine, text="angst") == ["nieuw"]
    status = engine.status()
    assert (status.documents, len(status.settings_hash)) == (1, 16)
    assert status.last_build is not None


@pytest.mark.parametrize(
    ("typed", "expected", "dropped"),
    [
        ("wonen zwemles", ["pleegzorg-thuis"], ("zwemles",)),  # "zwemles" is in no text
        # Two problems no provider offers together: the more common one is left out.
        ("angst scheiding", ["scheiding-huis"], ("angst",)),
    ],
)
def test_when_nothing_matches_all_words_the_rest_are_searched_and_the_left_out_named(
    engine, typed: str, expected: list[str], dropped: tuple[str, ...]
) -> None:
    result = engine.search(SearchQuery(text=typed, region_id="noord"), TODAY)
    assert sorted(hit.document["provider_id"] for hit in result.hits) == expected
    assert (result.total, result.dropped_words) == (len(expected), dropped)


def test_a_problem_no_text_names_is_searched_with_its_related_concept_and_said_so(
    engine,
) -> None:
    """ "abuse" reaches no text; the help related to it (anxiety, in the test vocabulary)
    is found instead, and the result names the words that were widened."""
    result = engine.search(SearchQuery(text="abuse", region_id="noord"), TODAY)
    assert [hit.document["provider_id"] for hit in result.hits] == ["angst-praktijk"]
    assert (result.widened_words, result.dropped_words) == (("abuse",), ())
    plain = engine.search(SearchQuery(text="angst", region_id="noord"), TODAY)
    assert plain.widened_words == ()


def test_a_provider_centred_on_the_problem_ranks_above_one_that_mentions_it(
    search_engine,
) -> None:
    """The generalist's short text would win on the words alone (the check without focus)."""
    generalist = make_document("breed-aanbod", description_nl="Hulp bij angst en somberheid.")
    specialist = make_document(
        "praktijk-noord",
        description_nl="Gesprekken en oefeningen voor kinderen en jongeren met angst, "
        "en tips voor hun ouders thuis.",
    )
    search_engine.rebuild([generalist, specialist])
    assert ordered(search_engine, text="angst") == ["breed-aanbod", "praktijk-noord"]
    search_engine.rebuild([generalist, specialist | {"focus": ["angst", "paniek"]}])
    assert ordered(search_engine, text="angst") == ["praktijk-noord", "breed-aanbod"]
    assert ordered(search_engine, text="bang") == ["praktijk-noord", "breed-aanbod"]
