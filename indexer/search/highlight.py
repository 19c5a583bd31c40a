"""Highlighted snippets computed in Python, as plain segments the templates escape.

A word is marked when it is what the query matched: the same word, a typo of it within
the typo budget, a prefix of the last word, or one of its vocabulary keywords.
"""

import re

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


def snippet(text: str, matches) -> list[Segment]:
    """`text` cropped to about CROP_WORDS words around the first match, matches marked.

    `matches(word) -> bool` decides per normalised word.
    """
    tokens = re.findall(r"\w+|\W+", text)
    marked = [bool(re.match(r"\w", t)) and matches(normalise(t)) for t in tokens]
    words_at = [i for i, t in enumerate(tokens) if re.match(r"\w", t)]
    first = next((i for i in words_at if marked[i]), words_at[0] if words_at else 0)
    position = words_at.index(first) if first in words_at else 0
    start_word = max(0, position - CROP_WORDS // 3)
    end_word = min(len(words_at), start_word + CROP_WORDS)
    start = words_at[start_word] if words_at else 0
    end = words_at[end_word - 1] + 1 if end_word < len(words_at) else len(tokens)
    segments = [Segment(ELLIPSIS)] if start_word > 0 else []
    for token, match in zip(tokens[start:end], marked[start:end], strict=True):
        if segments and segments[-1].match == match and segments[-1].text != ELLIPSIS:
            segments[-1] = Segment(segments[-1].text + token, match)
        else:
            segments.append(Segment(token, match))
    if end_word < len(words_at):
        segments.append(Segment(ELLIPSIS))
    return segments
