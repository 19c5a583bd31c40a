"""A child's age typed among the words: "mijn zoon van 13", "my 15-year-old", "kızım 15
yaşında", "syn ma 10 lat", "16-річний син", "عمره 15 سنة".

Parents say how old their child is, and help is for ages: a 9-year-old should not be shown
a practice for 16 to 23. Without an age in its own field, an age said this way is the age
filter, and the page says so. A number alone is never an age ("2 weken", "sinds 2019"): only
a number with the words each language uses for years of age counts, from 0 to MAX_AGE.
"""

import re
from dataclasses import dataclass

MAX_AGE = 23  # youth care ends at 23; older numbers are not the child's age
# Each pattern's first group is the number. Every language is tried: a family may write in
# its own language on any page.
PATTERNS = [
    # Dutch: "van 13", "13 jaar", "13-jarige", "dertienjarige" is left to the words.
    r"\bvan (\d{1,2})\b(?! ?(?:tot|uur|keer|euro|minuten|weken|maanden|dagen|%))",
    r"\b(\d{1,2}) ?jaar\b(?! ?(?:geleden|lang))",
    r"\b(\d{1,2}) ?-? ?jarige?\b",
    # English: "15-year-old", "15 years old", "is 9", "aged 9".
    r"\b(\d{1,2}) ?-? ?years? ?-? ?old\b",
    r"\b(?:is|aged?) (\d{1,2})\b(?! ?(?:weeks|months|days|hours|times|minutes|%))",
    # Turkish: "15 yaşında", "15 yaşındaki".
    r"\b(\d{1,2}) ?yaş\w*",
    # Polish: "10 lat", "10-letni", "10-latek".
    r"\b(\d{1,2}) ?-? ?(?:lat|lata|letni|letnia|letniego|latek|latka)\b",
    # Ukrainian: "16-річний", "16 років".
    r"\b(\d{1,2}) ?-? ?(?:річн\w*|рок\w*|років)",
    # Arabic: "15 سنة", "عمره 15".
    r"(\d{1,2}) ?(?:سنة|سنه|سنوات|عام|أعوام|اعوام)",
    r"(?:عمره|عمرها|عمري) (\d{1,2})",
]
AGE = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.IGNORECASE)


@dataclass(frozen=True)
class AgeInWords:
    age: int
    said: str  # the words that said it: "van 13"
    rest: str  # the other words, still searched


def age_in_words(text: str) -> AgeInWords | None:
    """The first age said in `text` and the words around it; None when it says none."""
    for found in AGE.finditer(text):
        number = next(group for group in found.groups() if group is not None)
        if int(number) <= MAX_AGE:
            rest = f"{text[: found.start()]} {text[found.end() :]}"
            return AgeInWords(int(number), found[0], re.sub(r"\s+", " ", rest).strip(" ,.;:"))
    return None
