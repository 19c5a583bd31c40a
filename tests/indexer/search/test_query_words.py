"""Whole sentences, as families type them, read with the real vocabulary: the problem is
recognised in another grammatical form than the vocabulary lists, or with other words in
between; the little words around it are not searched; a word the vocabulary does not know is
still searched as typed; and the last word may be unfinished.

Each sentence below was chosen because its problem is found only through a lemma or stem
(or a gap): the typed words are not one of the vocabulary's phrases. Should the vocabulary
later list that very form, the test says so: pick a rarer form then.
"""

import pytest

from indexer.search.query_words import TermGroup, term_groups
from indexer.search.vocabulary import Vocabulary, keyword_token, load_vocabulary, words_of


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def concept_group(groups: list[TermGroup], keyword: str) -> TermGroup:
    """The one group recognised as the concept with this Dutch keyword."""
    found = [group for group in groups if keyword in group.keywords]
    assert len(found) == 1, f"{keyword!r} in {[g.words for g in groups]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "locale", "keyword", "phrase"),
    [
        # Ukrainian: genitive plural of "панічна атака" after "від".
        pytest.param("Донька страждає від панічних атак", "uk", "angst", "панічна атака", id="uk"),
        # Polish: instrumental plural of "depresja".
        pytest.param("córka walczy z depresjami", "pl", "depressie", "depresja", id="pl"),
        # Arabic: "هلع" (panic) with the clitic preposition and article "بال".
        pytest.param("ابني يعاني بالهلع", "ar", "angst", "الهلع", id="ar"),
        # English: a past tense the vocabulary does not list.
        pytest.param("my son panicked", "en", "angst", "panicking", id="en"),
        # Turkish: "kaygı" with plural, possessive and ablative endings.
        pytest.param("kızım kaygılarından dolayı zorlanıyor", "tr", "angst", "kaygı", id="tr"),
        # Dutch: a past tense of "spijbelen" and of "piekeren".
        pytest.param("mijn zoon spijbelde", "nl", "spijbelen", "spijbelen", id="nl"),
        pytest.param("mijn dochter piekerde", "nl", "angst", "piekeren", id="nl-2"),
    ],
)
def test_a_problem_in_another_form_is_recognised_by_its_lemma_or_stem(
    vocabulary: Vocabulary, sentence: str, locale: str, keyword: str, phrase: str
) -> None:
    groups = term_groups(sentence, vocabulary, locale)
    group = concept_group(groups, keyword)
    assert group.words not in vocabulary.phrases, "the vocabulary now lists this very form"
    assert group.phrase == tuple(words_of(phrase))
    assert group.text == keyword_token(group.keywords)  # what Meilisearch's synonyms expand


def test_a_phrase_with_other_words_in_between_is_recognised(vocabulary: Vocabulary) -> None:
    groups = term_groups("hij kan al weken niet naar school", vocabulary, "nl")
    school = concept_group(groups, "schoolverzuim")
    assert school.words == ("kan", "niet", "naar", "school")
    # "al weken" sat between "kan" and "niet": "weken" is still searched, on its own.
    assert [group.words for group in groups] == [("kan", "niet", "naar", "school"), ("weken",)]


def test_a_phrase_in_another_form_with_a_word_in_between_is_recognised(
    vocabulary: Vocabulary,
) -> None:
    groups = term_groups("син пережив тяжкі травми", vocabulary, "uk")
    trauma = concept_group(groups, "trauma")
    assert trauma.words == ("пережив", "травми")
    assert trauma.phrase == ("пережив", "травму")


@pytest.mark.parametrize(
    ("sentence", "locale", "searched"),
    [
        ("mijn dochter piekerde", "nl", [("dochter",), ("piekerde",)]),
        (
            "Донька страждає від панічних атак",
            "uk",
            [("донька",), ("страждає",), ("панічних", "атак")],
        ),
        ("córka walczy z depresjami", "pl", [("corka",), ("walczy",), ("depresjami",)]),
        ("my son panicked", "en", [("son",), ("panicked",)]),
    ],
    ids=["nl", "uk", "pl", "en"],
)
def test_function_words_are_not_searched(
    vocabulary: Vocabulary, sentence: str, locale: str, searched: list[tuple[str, ...]]
) -> None:
    """Words such as "mijn", "від", "z" and "my" would match nearly every text."""
    assert [group.words for group in term_groups(sentence, vocabulary, locale)] == searched


def test_only_function_words_are_still_searched(vocabulary: Vocabulary) -> None:
    """Better a search on "de het een" than none at all."""
    groups = term_groups("de het een", vocabulary, "nl")
    assert [group.words for group in groups] == [("de",), ("het",), ("een",)]


def test_a_word_the_vocabulary_does_not_know_is_searched_as_typed(
    vocabulary: Vocabulary,
) -> None:
    groups = term_groups("bang zwemles", vocabulary, "nl")
    assert [group.is_concept for group in groups] == [True, False]
    assert groups[1] == TermGroup(("zwemles",), prefix=True)
    assert groups[1].text == "zwemles"


@pytest.mark.parametrize(
    ("sentence", "prefixed"),
    [
        ("bang zwem", [False, True]),  # "zwem" may become "zwemles": typed so far
        # A known word is whole: "bang" is not the start of "bangalore", nor "ADD" of "addiction".
        ("zwemles bang", [False, False]),
        ("ADD", [False]),
        ("hij kan al weken niet naar school", [False, False]),
    ],
)
def test_only_an_unknown_last_word_is_matched_as_a_beginning(
    vocabulary: Vocabulary, sentence: str, prefixed: list[bool]
) -> None:
    groups = term_groups(sentence, vocabulary, "nl")
    assert [group.prefix for group in groups] == prefixed
