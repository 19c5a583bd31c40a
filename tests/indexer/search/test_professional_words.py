"""Referrers search in professional words: profile codes and clinical terms and abbreviations
(PTSS, ODD, CD, ASS, LVB, hechtingsproblematiek). The real vocabulary maps them to the words
providers write; the conformance suite proves the same for profile codes in every engine."""

from datetime import date

import pytest

from indexer.search import SearchQuery
from indexer.search.embedded import EmbeddedEngine
from indexer.search.vocabulary import keyword_token, load_vocabulary, words_of
from tests.utils.documents import make_document

TODAY = date(2026, 11, 22)
# Short abbreviations that are also ordinary words ("add", "odd", "CD") are what people type,
# never keywords: as keywords they would match those words in English provider texts.
AMBIGUOUS = ("add", "odd", "cd", "id", "gas")


@pytest.mark.parametrize(
    ("typed", "keyword"),
    [
        ("PTSS", "trauma"),
        ("PTSD", "trauma"),
        ("complexe PTSS", "trauma"),
        ("ODD", "gedragsproblemen"),
        ("CD", "gedragsproblemen"),
        ("oppositioneel-opstandige stoornis", "gedragsproblemen"),
        ("conduct disorder", "gedragsproblemen"),
        ("hechtingsproblematiek", "hechtingsproblemen"),
        ("gegeneraliseerde angststoornis", "angst"),
        ("generalized anxiety disorder", "angst"),
        ("ASS", "autisme"),
        ("ASD", "autisme"),
        ("ADD", "adhd"),
        ("AD(H)D", "adhd"),
        ("LVB", "licht verstandelijke beperking"),
        ("LVG", "licht verstandelijke beperking"),
        ("EED", "dyslexie"),
    ],
)
def test_professional_terms_lead_to_the_words_providers_write(typed: str, keyword: str) -> None:
    assert keyword in load_vocabulary().phrases[tuple(words_of(typed))]


def test_meilisearch_gets_the_professional_terms_as_synonyms() -> None:
    vocabulary = load_vocabulary()
    synonyms = vocabulary.synonyms()
    typed_terms = (("ptss", "trauma"), ("oppositioneel opstandige stoornis", "gedragsproblemen"))
    for typed, keyword in typed_terms:
        assert keyword in synonyms[keyword_token(vocabulary.phrases[tuple(words_of(typed))])]


def test_short_abbreviations_that_are_also_ordinary_words_are_never_keywords() -> None:
    keywords = {k for concept in load_vocabulary().concepts for k in concept.keywords}
    assert keywords.isdisjoint(AMBIGUOUS)


@pytest.mark.parametrize("typed", ["P03", "p03", " P03 "])
def test_a_profile_code_is_one_word_folded_alike_in_query_and_document(typed: str) -> None:
    assert words_of(typed) == ["p03"]
    assert words_of("P03/I2") == ["p03", "i2"]


@pytest.fixture
def engine(tmp_path) -> EmbeddedEngine:
    search = EmbeddedEngine(tmp_path / "index", load_vocabulary())
    search.rebuild(
        [
            make_document(
                "traumapraktijk",
                profiles=["H02"],
                description_nl="Behandeling na schokkende gebeurtenissen, met EMDR.",
            ),
            make_document(
                "gedragsteam",
                profiles=["H01"],
                description_nl="Hulp voor gezinnen met agressieve of opstandige kinderen.",
                # "add" and "odd" in an English text are ordinary words, not ADHD or ODD.
                description_en="We add structure to odd days.",
            ),
            make_document(
                "autismeteam",
                profiles=["H01"],
                description_nl="Onderzoek en begeleiding bij autisme en ADHD.",
            ),
        ]
    )
    return search


def found(engine: EmbeddedEngine, text: str) -> list[str]:
    result = engine.search(SearchQuery(text=text, region_id="noord"), TODAY)
    return [hit.document["provider_id"] for hit in result.hits]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("PTSS", "traumapraktijk"),
        ("h02", "traumapraktijk"),
        ("ODD", "gedragsteam"),
        ("CD", "gedragsteam"),
        ("ASS", "autismeteam"),
    ],
)
def test_a_referrer_finds_the_provider_by_code_or_clinical_term(
    engine: EmbeddedEngine, typed: str, first: str
) -> None:
    assert found(engine, typed)[0] == first


def test_add_finds_adhd_care_but_adhd_does_not_find_the_english_word_add(engine) -> None:
    """What is typed is also searched as typed, so ADD still finds "add" in English text;
    but "add" is no keyword, so a search for ADHD (or "druk") does not."""
    assert "autismeteam" in found(engine, "ADD")
    assert found(engine, "adhd") == ["autismeteam"]


def test_a_code_finds_every_provider_contracted_for_it_and_no_other(engine) -> None:
    assert sorted(found(engine, "H01")) == ["autismeteam", "gedragsteam"]
