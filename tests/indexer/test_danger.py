"""Searches that signal acute danger are recognised in every language, typos included, and
ordinary searches are not: a parent asking about fear, a divorce or being dead tired gets no
crisis lines (indexer/search/danger.py, indexer/vocabulary/danger.csv)."""

import random
from pathlib import Path

import pytest

from indexer.search.danger import CONCEPTS, danger_signals, load_danger
from indexer.search.vocabulary import load_vocabulary
from indexer.sources.specs import LOCALES

DANGER = [
    # Dutch: the words parents and teens use, a typo, a compound, words in between.
    ("nl", "mijn dochter wil niet meer leven", "suicide"),
    ("nl", "zoon wil dood", "suicide"),
    ("nl", "zelfmord", "suicide"),
    ("nl", "zelfmoordgedachten", "suicide"),
    ("nl", "hij wil echt niet meer leven", "suicide"),
    ("nl", "snijdt zichzelf", "self_harm"),
    ("nl", "mijn kind doet zichzelf pijn", "self_harm"),
    ("nl", "zelfbeschadiging", "self_harm"),
    ("nl", "mijn dochter wordt geslagen", "abuse"),
    ("nl", "seksueel misbruik", "abuse"),
    ("nl", "misbruikt", "abuse"),
    ("nl", "huiselijk geweld", "domestic_violence"),
    ("nl", "huiselik geweld", "domestic_violence"),
    # English
    ("en", "suicide", "suicide"),
    ("en", "my son wants to die", "suicide"),
    ("en", "suicdal thoughts", "suicide"),
    ("en", "self-harm", "self_harm"),
    ("en", "cutting", "self_harm"),
    ("en", "my daughter hurts herself", "self_harm"),
    ("en", "my son harms himself when he is angry", "self_harm"),
    ("pl", "córka się tnie", "self_harm"),
    ("uk", "донька себе ріже", "self_harm"),
    ("ar", "بنتي تؤذي حالها", "self_harm"),
    ("tr", "kızım kollarını kesiyor", "self_harm"),
    ("en", "abuse", "abuse"),
    ("en", "my stepdad hits me", "abuse"),
    ("en", "domestic violence", "domestic_violence"),
    ("en", "domestic violense", "domestic_violence"),
    # Turkish, with and without its letters
    ("tr", "kendini öldürmek istiyor", "suicide"),
    ("tr", "intihar", "suicide"),
    ("tr", "intihr düşünceleri", "suicide"),
    ("tr", "kendine zarar veriyor", "self_harm"),
    ("tr", "kendini kesiyor", "self_harm"),
    ("tr", "babam beni dövüyor", "abuse"),
    ("tr", "cinsel istismar", "abuse"),
    ("tr", "aile ici siddet", "domestic_violence"),
    # Arabic: spelling variants (hamza, taa marbuta) rather than letter typos, see README
    ("ar", "انتحار", "suicide"),
    ("ar", "ابني يريد ان يموت", "suicide"),
    ("ar", "يؤذي نفسه", "self_harm"),
    ("ar", "ايذاء النفس", "self_harm"),
    ("ar", "أبي يضربني", "abuse"),
    ("ar", "اساءه", "abuse"),
    ("ar", "عنف منزلي", "domestic_violence"),
    # Polish, with and without its letters
    ("pl", "samobójstwo", "suicide"),
    ("pl", "samobujstwo", "suicide"),
    ("pl", "córka nie chce żyć", "suicide"),
    ("pl", "samookaleczenie", "self_harm"),
    ("pl", "tnie sie", "self_harm"),
    ("pl", "ojczym bije mnie", "abuse"),
    ("pl", "przemoc domowa", "domestic_violence"),
    ("pl", "przemocy domowej", "domestic_violence"),
    # Ukrainian, with both apostrophes
    ("uk", "самогубство", "suicide"),
    ("uk", "самогубсво", "suicide"),
    ("uk", "донька не хоче жити", "suicide"),
    ("uk", "самоушкодження", "self_harm"),
    ("uk", "ріже себе", "self_harm"),
    ("uk", "батько мене б'є", "abuse"),
    ("uk", "тато б’є", "domestic_violence"),
    ("uk", "домашнє насильство", "domestic_violence"),
]

ORDINARY = [
    "angst",
    "scheiding",
    "dood moe",
    "doodmoe",
    "bang om dood te gaan",
    "rouw na overlijden",
    "alcohol misbruik",
    "drugsmisbruik",
    "mijn zoon slaat andere kinderen",
    "wil niet meer naar school",
    "putting on weight",
    "cutting back screen time",
    "substance abuse",
    "boşanma",
    "şiddetli kaygı",
    "madde istismarı",
    "انتظار",  # "waiting", one letter from انتحار (suicide)
    "وقت الانتظار",
    "syn bije kolegów",
    "rozstanie rodziców",
    "тривога",
    "розлучення",
    "",
]


@pytest.mark.parametrize(("lang", "text", "concept"), DANGER)
def test_danger_is_recognised(lang: str, text: str, concept: str) -> None:
    assert concept in danger_signals(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_searches_are_not_danger(text: str) -> None:
    assert danger_signals(text) == ()


def test_every_language_is_tested_for_every_sign() -> None:
    tested = {(lang, concept) for lang, _, concept in DANGER}
    assert tested >= {(lang, c) for lang in LOCALES for c in ("suicide", "self_harm")}
    assert {lang for lang, _, c in DANGER if c in {"abuse", "domestic_violence"}} == set(LOCALES)


def test_signals_come_in_a_fixed_order_without_repeats() -> None:
    assert danger_signals("huiselijk geweld, hij slaat me en wil dood") == (
        "suicide",
        "abuse",
        "domestic_violence",
    )


def test_the_search_vocabulary_for_suicide_and_self_harm_is_recognised() -> None:
    """The words the search maps to suicidal thoughts and self-harm are danger signs too, so
    a word added there is not forgotten here; only "snijden" and "snijdt" on their own are
    left out (bread, a subject), while "snijdt zichzelf" counts."""
    vocabulary = {c.id: c for c in load_vocabulary().concepts}
    for concept in ("suicidal_thoughts", "self_harm"):
        for words in vocabulary[concept].words.values():
            missing = [w for w in words if not danger_signals(w)]
            assert set(missing) <= {"snijden", "snijdt"}, missing


def test_a_wrong_row_stops_with_its_row_number(tmp_path: Path) -> None:
    path = tmp_path / "danger.csv"
    path.write_text("concept,lang,phrase\nsuicide,nl,zelfmoord\nsucide,nl,wil dood\n", "utf-8")
    with pytest.raises(ValueError, match=r"danger\.csv, row 3: unknown concept 'sucide'"):
        load_danger(path)


def test_every_sign_needs_a_phrase_in_every_language(tmp_path: Path) -> None:
    path = tmp_path / "danger.csv"
    rows = [f"{concept},{lang},x{concept}" for concept in CONCEPTS for lang in LOCALES]
    path.write_text("\n".join(["concept,lang,phrase", *rows[1:]]) + "\n", "utf-8")
    with pytest.raises(ValueError, match="suicide has no phrase in nl"):
        load_danger(path)


def test_the_index_finds_what_comparing_with_every_sign_finds() -> None:
    """Signs are looked up through an index, not compared one by one: for words made from
    every sign word by one or two typos (a letter left out, added, changed or swapped, the
    first one too, more letters after it), the index finds exactly the sign words that
    comparing with each of them finds."""
    signs = load_danger()
    terms = {term for phrase in signs.phrases for term in phrase.terms}
    letters = "".join(sorted({letter for term in terms for letter in term.word}))
    rng = random.Random(16)

    def typo(word: str) -> str:
        i, letter = rng.randrange(len(word)), rng.choice(letters)
        return rng.choice(
            [
                word[:i] + word[i + 1 :],
                word[:i] + letter + word[i:],
                word[:i] + letter + word[i + 1 :],
                word[:i] + word[i + 1 : i + 2] + word[i] + word[i + 2 :],
                letter + word[1:],
            ]
        )

    typed = {term.word for term in terms}
    for word in sorted(typed):
        once = [typo(word) for _ in range(3)]
        typed |= {*once, *(typo(w) for w in once if w), *(w + "ing" for w in once)}
    for word in sorted(w for w in typed if w):
        assert signs.hits([word]) == [{t for t in terms if t.matches(word)}], word
