"""The key a word is recognised by in a language: its stem or its dictionary form.

Families write whole sentences: "тривожністю", "بالقلق", "depresją", "kaygısı" are the
vocabulary's тривожність, قلق, depresja and kaygı in another case or with a clitic. Query
words and vocabulary words are compared by their key in a language, so the vocabulary lists
base forms and a sentence still finds them.

Which method per language was decided by measurement (benchmarks/lemmas.py, figures in
docs/search.md): simplemma's dictionaries where they recognise more inflected forms with
fewer wrong merges (Dutch, Arabic, Ukrainian, for which Snowball has no stemmer), Snowball
where it does as well or better at no memory cost (English, Turkish, Polish: simplemma's
Polish dictionary costs 3 s and 400 MB per process for fewer forms). Arabic words also lose
their clitic prefixes first, after the light stemming of Larkey et al. ("light10").
"""

from functools import cache, lru_cache

import simplemma
import snowballstemmer

SIMPLEMMA = frozenset({"nl", "ar", "uk"})
SNOWBALL = {"en": "english", "tr": "turkish", "pl": "polish"}
ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
ARABIC_CONJUNCTIONS = ("و", "ف")
MIN_ARABIC_STEM = 3  # letters left after a prefix; shorter words keep their prefix


@lru_cache(maxsize=65_536)
def key(word: str, lang: str) -> str:
    """The key of `word` (normalised, as vocabulary.words_of gives it) in `lang`."""
    from indexer.search.vocabulary import normalise  # vocabulary imports this module

    if lang == "ar":
        word = strip_arabic_prefixes(word)
    if lang in SIMPLEMMA:
        return normalise(simplemma.lemmatize(word, lang=lang))
    return _stemmer(lang).stemWord(word)


@cache
def _stemmer(lang: str):
    return snowballstemmer.stemmer(SNOWBALL[lang])


def strip_arabic_prefixes(word: str) -> str:
    """The word without "and"/"so" and the article with its prepositions, when enough of it
    is left to be a word: بالقلق → قلق, والقلق → قلق, للمدرسة → مدرسة."""
    for prefix in ARABIC_CONJUNCTIONS:
        if word.startswith(prefix) and len(word) - len(prefix) > MIN_ARABIC_STEM:
            rest = word[len(prefix) :]
            if rest.startswith(ARABIC_PREFIXES):
                word = rest
            break
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ARABIC_STEM:
            return word[len(prefix) :]
    return word
