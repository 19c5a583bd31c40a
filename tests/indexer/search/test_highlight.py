"""Snippets show the part of a provider's text where the search matched, with the matched
words marked and the text as written; typos are judged by one distance for the snippets,
the danger signs, places and suggestions."""

from itertools import product

import pytest

from indexer.search.contract import Segment
from indexer.search.embedded.text import word_matcher
from indexer.search.highlight import CROP_WORDS, ELLIPSIS, edit_distance, snippet
from indexer.search.query_words import TermGroup


def _textbook_distance(a: str, b: str) -> int:
    """Levenshtein with adjacent transpositions (optimal string alignment), the full table."""
    table = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in product(range(1, len(a) + 1), range(1, len(b) + 1)):
        table[i][j] = min(
            table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1])
        )
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def test_the_typo_distance_is_the_textbook_one_up_to_the_limit() -> None:
    words = ["".join(letters) for n in range(5) for letters in product("abc", repeat=n)]
    for a, b in product(words, words):
        distance = _textbook_distance(a, b)
        for limit in range(4):
            assert edit_distance(a, b, limit) == min(distance, limit + 1), (a, b, limit)


@pytest.mark.parametrize(
    ("typed", "known", "distance"),
    [
        ("zelfmord", "zelfmoord", 1),  # a letter left out
        ("agnst", "angst", 1),  # two letters swapped
        ("putting", "cutting", 1),
        ("somberhied", "somberheid", 1),
        ("samobojstwo", "samobójstwo", 1),
        ("autsime", "autisme", 1),
        ("zlefmord", "zelfmoord", 2),  # swapped and left out
        ("piekeren", "paniek", 4),  # beyond the limit of 3: one more than it
    ],
)
def test_real_typos_are_counted_as_a_person_would(typed: str, known: str, distance: int) -> None:
    assert edit_distance(typed, known, 3) == distance


def _marked(segments: list[Segment]) -> list[str]:
    return [segment.text for segment in segments if segment.match]


def test_words_are_marked_as_the_query_matched_them_typos_and_keywords_included() -> None:
    groups = [TermGroup(("angst",), ("angst", "paniek")), TermGroup(("somberhied",))]
    text = "Wij helpen bij Angst, PANIEK en somberheid; ook bij angstige kinderen."
    segments = snippet(text, word_matcher(groups))
    assert "".join(segment.text for segment in segments) == text
    assert _marked(segments) == ["Angst", "PANIEK", "somberheid"]


def test_the_last_word_typed_marks_the_words_it_begins() -> None:
    text = "Praktijk voor autisme en autistische kinderen."
    segments = snippet(text, word_matcher([TermGroup(("autis",), prefix=True)]))
    assert _marked(segments) == ["autisme", "autistische"]


def test_a_long_text_is_cropped_around_the_first_match() -> None:
    words = [f"woord{n}" for n in range(100)]
    words[50] = "angst"
    segments = snippet(" ".join(words), word_matcher([TermGroup(("angst",))]))
    assert segments[0] == Segment(ELLIPSIS) and segments[-1] == Segment(ELLIPSIS)
    shown = "".join(segment.text for segment in segments[1:-1])
    first = 50 - CROP_WORDS // 3
    assert shown == " ".join(words[first : first + CROP_WORDS])
    assert _marked(segments) == ["angst"]


def test_without_words_to_mark_a_text_shows_its_start() -> None:
    text = " ".join(f"woord{n}" for n in range(40))
    assert snippet(text) == [
        Segment(" ".join(f"woord{n}" for n in range(CROP_WORDS))),
        Segment(ELLIPSIS),
    ]
    assert snippet("Kort.") == [Segment("Kort.")]
    assert snippet("") == []


def test_punctuation_around_marked_words_stays_plain_text() -> None:
    segments = snippet("«Angst»: paniek!", word_matcher([TermGroup(("angst",), ("angst",))]))
    assert segments == [Segment("«"), Segment("Angst", True), Segment("»: paniek!")]
