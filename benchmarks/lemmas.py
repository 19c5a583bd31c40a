"""Benchmark: which stemmer or lemmatizer lets the vocabulary recognise inflected words?

For each language it prints, per method (none, Snowball, simplemma):
- recall: of inflected forms families type (GOLD, written by hand, each with the base form the
  vocabulary lists), the share whose key equals the base form's key;
- merges: pairs of vocabulary words of *different* concepts that get the same key (a word
  would then find the wrong help);
- the cost: seconds to load the language and the memory it takes.

    .venv/bin/python benchmarks/lemmas.py

Snowball has no Ukrainian stemmer; its Russian one is measured in its place. The last line
per language ("chosen") is indexer.search.lemmas.key, what the search uses.
"""

import resource
import sys
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import simplemma  # noqa: E402
import snowballstemmer  # noqa: E402

from indexer.search.lemmas import key as chosen  # noqa: E402
from indexer.search.lemmas import strip_arabic_prefixes  # noqa: E402
from indexer.search.vocabulary import load_vocabulary, normalise  # noqa: E402

SNOWBALL = {"nl": "dutch", "en": "english", "tr": "turkish", "ar": "arabic", "pl": "polish"}
SNOWBALL["uk"] = "russian"
# (typed form, base form as the vocabulary lists it)
GOLD = {
    "nl": [
        ("angstige", "angstig"),
        ("somberder", "somber"),
        ("piekerde", "piekeren"),
        ("gepest", "pesten"),
        ("eetstoornissen", "eetstoornis"),
        ("schoolweigeraars", "schoolweigering"),
        ("depressieve", "depressief"),
        ("verslaafde", "verslaafd"),
        ("slaapt", "slapen"),
        ("scholen", "school"),
    ],
    "en": [
        ("anxieties", "anxiety"),
        ("eats", "eat"),
        ("eating", "eat"),
        ("bullied", "bully"),
        ("hurts", "hurt"),
        ("cuts", "cut"),
        ("refuses", "refuse"),
        ("fears", "fear"),
        ("panicking", "panic"),
        ("depressed", "depressed"),
        ("arguments", "argument"),
    ],
    "tr": [
        ("kaygısı", "kaygı"),
        ("kaygılı", "kaygı"),
        ("depresyonda", "depresyon"),
        ("okula", "okul"),
        ("otizmli", "otizm"),
        ("korkuyor", "korku"),
        ("travması", "travma"),
        ("bağımlılığı", "bağımlılık"),
        ("boşanmış", "boşanma"),
        ("zorbalığa", "zorbalık"),
    ],
    "ar": [
        ("بالقلق", "قلق"),
        ("والقلق", "قلق"),
        ("للمدرسة", "مدرسة"),
        ("المدرسة", "مدرسة"),
        ("بالاكتئاب", "اكتئاب"),
        ("والتوحد", "توحد"),
        ("الصدمات", "صدمة"),
        ("بالإدمان", "إدمان"),
        ("والطلاق", "طلاق"),
        ("مخاوفه", "مخاوف"),
    ],
    "pl": [
        ("lękiem", "lęk"),
        ("lęki", "lęk"),
        ("depresją", "depresja"),
        ("depresji", "depresja"),
        ("szkoły", "szkoła"),
        ("autyzmem", "autyzm"),
        ("traumy", "trauma"),
        ("uzależnienia", "uzależnienie"),
        ("rozwodu", "rozwód"),
        ("przemocy", "przemoc"),
    ],
    "uk": [
        ("тривожністю", "тривожність"),
        ("тривогу", "тривога"),
        ("депресією", "депресія"),
        ("депресії", "депресія"),
        ("школу", "школа"),
        ("школи", "школа"),
        ("аутизмом", "аутизм"),
        ("травми", "травма"),
        ("залежності", "залежність"),
        ("розлученням", "розлучення"),
    ],
}


def snowball(lang: str) -> Callable[[str], str]:
    stem = snowballstemmer.stemmer(SNOWBALL[lang]).stemWord
    return (lambda w: stem(strip_arabic_prefixes(w))) if lang == "ar" else stem


def lemmatizer(lang: str) -> Callable[[str], str]:
    def lemma(word: str) -> str:
        word = strip_arabic_prefixes(word) if lang == "ar" else word
        return normalise(simplemma.lemmatize(word, lang=lang))

    return lemma


def measure(lang: str, key: Callable[[str], str], words: dict[str, str]) -> tuple[float, int]:
    gold = GOLD[lang]
    recall = sum(key(normalise(f)) == key(normalise(b)) for f, b in gold) / len(gold)
    keyed: dict[str, set[str]] = {}
    for word, concept in words.items():
        keyed.setdefault(key(word), set()).add(concept)
    merges = sum(len(list(combinations(sorted(c), 2))) for c in keyed.values())
    return recall, merges


def vocabulary_words(lang: str) -> dict[str, str]:
    """Single vocabulary words of one language file (with the Dutch keywords for nl)."""
    found: dict[str, str] = {}
    for concept in load_vocabulary().concepts:
        typed = concept.words.get(lang, ())
        for phrase in (*typed, *(concept.keywords if lang == "nl" else ())):
            words = phrase.split()
            if len(words) == 1:
                found.setdefault(normalise(words[0]), concept.id)
    return found


def main() -> None:
    print(f"{'lang':<5}{'method':<11}{'recall':>8}{'merges':>8}{'load s':>8}{'MB':>7}")
    for lang in GOLD:
        words = vocabulary_words(lang)
        identity = measure(lang, lambda w: w, words)
        print(f"{lang:<5}{'none':<11}{identity[0]:>8.2f}{identity[1]:>8}")
        methods = (("snowball", snowball), ("simplemma", lemmatizer))
        for name, make in (*methods, ("chosen", lambda lang: lambda w: chosen(w, lang))):
            before, start = _rss_mb(), time.perf_counter()
            key = make(lang)
            key("x")  # simplemma loads a language's dictionary on first use
            load, memory = time.perf_counter() - start, _rss_mb() - before
            recall, merges = measure(lang, key, words)
            print(f"{lang:<5}{name:<11}{recall:>8.2f}{merges:>8}{load:>8.2f}{memory:>7.0f}")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
