"""Highlighted snippets computed in Python, as plain segments the templates escape.

A word is marked when it is what the query matched: the same word, a typo of it within
the typo budget, a prefix of the last word, or one of its vocabulary keywords.
"""

import re
from functools import lru_cache

from indexer.search.contract import Segment
from indexer.search.vocabulary import normalise

CROP_WORDS = 30
ELLIPSIS = "…"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions counted once, stopping early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


TOKENS = re.compile(r"\w+(?:['’ʼ]\w+)*|\W+|['’ʼ]")


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """Folding a word is the costly part of marking 20 snippets; words repeat a lot."""
    return normalise(word)


def snippet(text: str, matches=None) -> list[Segment]:
    """`text` cropped to about CROP_WORDS words around the first match, matches marked.

    `matches(word) -> bool` decides per normalised word; without it nothing is marked.
    """
    tokens = TOKENS.findall(text)
    words_at = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    position = 0
    if matches:  # fold words only up to the first match, then only inside the crop
        position = next((n for n, i in enumerate(words_at) if matches(_fold(tokens[i]))), 0)
    start_word = max(0, position - CROP_WORDS // 3)
    end_word = min(len(words_at), start_word + CROP_WORDS)
    start = words_at[start_word] if start_word else 0
    end = words_at[end_word - 1] + 1 if end_word < len(words_at) else len(tokens)
    marked = (
        {i: matches(_fold(tokens[i])) for i in words_at[start_word:end_word]} if matches else {}
    )
    segments = [Segment(ELLIPSIS)] if start_word > 0 else []
    for i in range(start, end):
        token, match = tokens[i], marked.get(i, False)
        if segments and segments[-1].match == match and segments[-1].text != ELLIPSIS:
            segments[-1] = Segment(segments[-1].text + token, match)
        else:
            segments.append(Segment(token, match))
    if end_word < len(words_at):
        segments.append(Segment(ELLIPSIS))
    return segments
