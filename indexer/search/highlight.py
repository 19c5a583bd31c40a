"""Highlighted snippets computed in Python, as plain segments the templates escape.

A word is marked when it is what the query matched: the same word, a typo of it within
the typo budget, a prefix of the last word, or one of its vocabulary keywords.
"""

import re
from collections.abc import Callable
from itertools import compress, count

from indexer.search.contract import Segment

CROP_WORDS = 30
ELLIPSIS = "…"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions counted once (optimal string alignment),
    or `limit + 1` when it is more than `limit`.

    Pairs differ by the few edits a typo makes or by far more, so this follows only the
    edits at the first differing letter and compares the rests whole (string comparisons
    run in C): a few steps for a budget of 1 or 2, where a full table costs a hundred."""
    if a == b:
        return 0
    if limit < 1 or abs(len(a) - len(b)) > limit:
        return limit + 1
    start, shorter = 0, min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if not a or not b:
        return len(a) + len(b)
    swapped = a[1:2] == b[:1] and a[:1] == b[1:2]
    if a[1:] == b[1:] or a[1:] == b or a == b[1:] or (swapped and a[2:] == b[2:]):
        return 1
    if limit < 2 or len(set(b).difference(a)) > limit:  # a letter `a` lacks takes an edit
        return limit + 1
    best = limit + 1
    edits = [(a[1:], b[1:]), (a[1:], b), (a, b[1:])]  # substitute, delete, insert
    if swapped:
        edits.append((a[2:], b[2:]))
    for rest_a, rest_b in edits:
        if best <= 2:  # one edit was ruled out above: two is the least left
            break
        best = min(best, 1 + edit_distance(rest_a, rest_b, best - 2))
    return best


WORDS = re.compile(r"(\w+(?:['’ʼ]\w+)*)")  # as vocabulary.words_of, before folding


def snippet(text: str, matches: Callable[[str], bool] | None = None) -> list[Segment]:
    """`text` cropped to about CROP_WORDS words around the first match, matches marked.

    `matches(word) -> bool` decides per word as written; without it nothing is marked.
    Words are decided only up to the first match, then only inside the crop.
    """
    parts = WORDS.split(text)  # text between words, a word, text between words, …
    words = parts[1::2]
    position = next(compress(count(), map(matches, words)), 0) if matches else 0
    start_word = max(0, position - CROP_WORDS // 3)
    end_word = min(len(words), start_word + CROP_WORDS)
    cursor = 2 * start_word + 1 if start_word else 0  # index in parts
    end = 2 * end_word if end_word < len(words) else len(parts)
    segments = [Segment(ELLIPSIS)] if start_word else []
    crop = range(start_word, end_word)
    for n in compress(crop, map(matches, words[start_word:end_word])) if matches else ():
        segments += _plain(parts[cursor : 2 * n + 1])
        segments.append(Segment(words[n], True))
        cursor = 2 * n + 2
    segments += _plain(parts[cursor:end])
    if end_word < len(words):
        segments.append(Segment(ELLIPSIS))
    return segments


def _plain(parts: list[str]) -> list[Segment]:
    text = "".join(parts)
    return [Segment(text)] if text else []
