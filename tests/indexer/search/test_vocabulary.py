"""The vocabulary data and the folding that makes typed words meet it."""

import pytest

from indexer.search.query_words import term_groups
from indexer.search.vocabulary import (
    MAX_PHRASE_WORDS,
    keyword_token,
    load_vocabulary,
    normalise,
    words_of,
)
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


def test_meilisearch_synonyms_expand_one_made_up_word_to_the_keywords_of_what_was_typed() -> None:
    vocabulary = load_vocabulary()
    synonyms = vocabulary.synonyms()
    keywords = vocabulary.phrases[tuple(words_of("won't go to school"))]
    assert "niet naar school" in synonyms[keyword_token(keywords)]
    # The made-up words are single words no provider writes.
    assert all(len(words_of(token)) == 1 for token in synonyms)
    assert not set(synonyms) & {w for k in vocabulary.phrases for w in k}


# Words that must never be dropped as stop words: negations, and the reflexive words that
# make "hurts herself" or "ріже себе" about self-harm. Dutch stop words reach every search,
# and a family may write in any language on any page, so none may be one in any language.
# Polish "się" is in nearly every sentence and stays one: phrases ("tnie się") are found
# before stop words are dropped.
NEGATIONS = (
    *("niet", "geen", "nooit", "not", "no", "never", "nothing", "değil", "yok", "hiç"),
    *("nie", "nic", "ani", "не", "ні", "ніколи", "لا", "لم", "لن", "ما", "ليس", "مش", "غير"),
)
REFLEXIVES = ("zichzelf", "herself", "himself", "themselves", "kendine", "kendini")
REFLEXIVES += ("siebie", "sobie", "себе", "собі", "نفسه", "نفسها", "حاله")
PRONOUNS = {
    "nl": ("mijn", "m'n", "onze", "jullie", "haar", "hij", "zij", "is", "heeft", "zou", "omdat"),
    "en": ("my", "our", "mine", "her", "she", "he", "is", "has", "the", "can", "because"),
    "tr": ("benim", "bizim", "sizin", "onun", "o", "bize", "ve", "için", "çünkü"),
    "ar": ("أنا", "هو", "هي", "نحن", "في", "من", "إلى", "هذه", "عنده", "اللي", "لأن", "أنه"),
    "pl": ("mój", "moja", "naszego", "swój", "jego", "jej", "ona", "jest", "mają", "ponieważ"),
    "uk": ("мій", "моя", "нашої", "свій", "він", "вона", "вони", "це", "між", "має", "дуже"),
}
INTENDED_IN_TWO_CONCEPTS = {
    ("nl", "verslavingszorg"),  # addiction care: every kind of it
    ("nl", "verdriet"),  # sorrow: after a loss, and the sadness of low mood
}


@pytest.mark.parametrize(
    "typed", ["يؤذي نفسه", "تجرح نفسها", "ріже себе", "завдає собі болю", "шкодить собі"]
)
def test_plain_words_for_self_harm_reach_a_provider_who_writes_plain_dutch(typed: str) -> None:
    """A provider may write "kinderen die zichzelf pijn doen" and never "zelfbeschadiging"."""
    keywords = load_vocabulary().phrases[tuple(words_of(typed))]
    assert {"zichzelf pijn", "zelfbeschadiging"} <= set(keywords), typed


@pytest.mark.parametrize(
    ("lang", "sentence", "keyword"),
    [
        ("ar", "ابني لا يريد الذهاب إلى المدرسة", "thuiszitten"),
        ("ar", "ابنتي ترفض الذهاب إلى المدرسة منذ شهرين", "thuiszitten"),
        ("ar", "ابنتي تجرح نفسها كل يوم", "zelfbeschadiging"),
        ("uk", "донька вже місяць не ходить у школу", "thuiszitten"),
        ("uk", "син відмовляється йти до школи", "thuiszitten"),
        ("uk", "наш син завдає собі болю", "zelfbeschadiging"),
        ("en", "my 15 year old daughter barely eats", "eetstoornis"),
        ("pl", "syn okalecza się", "zelfbeschadiging"),
        ("tr", "kızım okula gitmeyi reddediyor", "thuiszitten"),
        ("nl", "hij durft niet naar school", "thuiszitten"),
    ],
)
def test_a_family_sentence_is_read_as_the_problem_it_names(
    lang: str, sentence: str, keyword: str
) -> None:
    groups = term_groups(sentence, load_vocabulary(), lang)
    assert any(keyword in group.keywords for group in groups), groups


@pytest.mark.parametrize(("lang", "words"), PRONOUNS.items())
def test_each_language_drops_its_own_function_words(lang: str, words: tuple[str, ...]) -> None:
    stop_words = load_vocabulary().stop_words[lang]
    assert [w for w in words if normalise(w) not in stop_words] == []


def test_no_negation_or_reflexive_word_is_ever_a_stop_word() -> None:
    """Without its negation, "niet naar school" or "not eating" says the opposite."""
    stop_words = set(load_vocabulary().all_stop_words())
    assert [w for w in (*NEGATIONS, *REFLEXIVES) if normalise(w) in stop_words] == []


def test_no_stop_word_is_a_word_the_vocabulary_knows() -> None:
    """Stop words apply to searches in every language: Turkish "bi" (bir) would also drop
    the Dutch "bi" (bisexual)."""
    vocabulary = load_vocabulary()
    known = {phrase[0] for phrase in vocabulary.phrases if len(phrase) == 1}
    assert sorted(known & set(vocabulary.all_stop_words())) == []


@pytest.mark.parametrize("lang", LOCALES)
def test_a_word_belongs_to_one_concept_per_language(lang: str) -> None:
    """A word in two concepts finds the keywords of both."""
    concepts_of: dict[tuple[str, ...], set[str]] = {}
    for concept in load_vocabulary().concepts:
        typed = concept.words[lang] + (concept.keywords if lang == "nl" else ())
        for word in typed:
            concepts_of.setdefault(tuple(words_of(word)), set()).add(concept.id)
    shared = {" ".join(w) for w, ids in concepts_of.items() if len(ids) > 1}
    assert shared == {w for language, w in INTENDED_IN_TWO_CONCEPTS if language == lang}


def test_every_phrase_is_short_enough_to_be_recognised() -> None:
    assert [p for p in load_vocabulary().phrases if len(p) > MAX_PHRASE_WORDS] == []


def test_abuse_at_home_is_widened_with_trauma_treatment_and_nothing_else_is() -> None:
    vocabulary = load_vocabulary()
    abuse = vocabulary.phrases[tuple(words_of("huiselijk geweld"))]
    assert "trauma" in vocabulary.wider(abuse)
    assert set(abuse) < set(vocabulary.wider(abuse))
    assert vocabulary.wider(vocabulary.phrases[("angst",)]) == ()  # anxiety has no related
    assert keyword_token(vocabulary.wider(abuse)) in vocabulary.synonyms()
