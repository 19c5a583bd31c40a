"""A child's age said among the words, in each language, and numbers that are no age."""

import pytest

from indexer.search.age_words import age_in_words


@pytest.mark.parametrize(
    ("typed", "age", "rest"),
    [
        ("mijn zoon van 13 gamet de hele dag", 13, "mijn zoon gamet de hele dag"),
        ("dochter 9 jaar, heel bang", 9, "dochter , heel bang"),
        ("onze 15-jarige dochter eet niet", 15, "onze dochter eet niet"),
        ("my 15-year-old daughter barely eats", 15, "my daughter barely eats"),
        ("my son is 9 and worries", 9, "my son and worries"),
        ("15 yaşındaki kızım yemek yemiyor", 15, "kızım yemek yemiyor"),
        ("syn ma 10 lat i boi się", 10, "syn ma i boi się"),
        ("наш 16-річний син курить", 16, "наш син курить"),
        ("ابنتي عمرها 14 سنة ولا تأكل", 14, "ابنتي سنة ولا تأكل"),
        ("طفلي 3 سنوات لا ينام", 3, "طفلي لا ينام"),
    ],
)
def test_an_age_said_in_any_language_is_the_age(typed: str, age: int, rest: str) -> None:
    found = age_in_words(typed)
    assert found is not None
    assert (found.age, found.rest) == (age, rest)


@pytest.mark.parametrize(
    "typed",
    [
        "angst",
        "sinds 2 weken bang",  # a time, not an age
        "wachttijd van 4 weken",
        "al 3 jaar geleden gescheiden",
        "on a waiting list, she is 9 weeks in",
        "sinds 2019",
        "mijn vader van 45 drinkt",  # no child's age: youth care ends at 23
        "p03",
    ],
)
def test_numbers_that_are_no_childs_age_stay_words(typed: str) -> None:
    assert age_in_words(typed) is None
