"""The vocabulary data and the folding that makes typed words meet it."""

import pytest

from indexer.search.vocabulary import load_vocabulary, words_of
from indexer.sources.specs import LOCALES


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Kaygı ÇOCUK", ["kaygi", "cocuk"]),  # Turkish typed with or without its letters
        ("Łódź lęk", ["lodz", "lek"]),  # Polish
        ("الأطفال قَلَق", ["الاطفال", "قلق"]),  # Arabic hamza forms and short vowels folded
        ("сімейного сім’я й", ["сімейного", "сім'я", "й"]),  # Cyrillic letters stay whole
        ("ADHD-zorg, 12 jaar", ["adhd", "zorg", "12", "jaar"]),
    ],
)
def test_words_are_folded_alike_for_queries_and_texts(typed: str, words: list[str]) -> None:
    assert words_of(typed) == words


def test_every_concept_has_words_in_every_language() -> None:
    vocabulary = load_vocabulary()
    assert len(vocabulary.concepts) >= 40
    for concept in vocabulary.concepts:
        assert concept.keywords, concept.id
        assert all(concept.words.get(lang) for lang in LOCALES), concept.id


def test_family_words_in_six_languages_lead_to_the_same_dutch_keyword() -> None:
    phrases = load_vocabulary().phrases
    for typed in ("bang", "anxiety", "kaygı", "قلق", "lęk", "тривога"):
        assert "angst" in phrases[tuple(words_of(typed))], typed


def test_meilisearch_synonyms_map_words_to_keywords_but_never_to_themselves() -> None:
    synonyms = load_vocabulary().synonyms()
    assert "angst" in synonyms["anxiety"]
    assert all(word not in keywords for word, keywords in synonyms.items())
