"""The Meilisearch index settings, built once from the document shape and the vocabulary.

Settings are applied to a fresh index before any document is added (changing them later
makes Meilisearch re-index everything). Their hash goes into the engine status, so an
operator sees when the vocabulary or ranking changed and a rebuild is due.
"""

import hashlib
import json

from indexer.search.contract import FACETS
from indexer.search.vocabulary import Vocabulary
from indexer.sources.specs import LOCALES

# Meilisearch names languages by ISO 639-3 code (its tokenizer, charabia, does the same).
LOCALE_CODES = {"nl": "nld", "en": "eng", "tr": "tur", "ar": "ara", "pl": "pol", "uk": "ukr"}

# Every field indexer.search.filters can produce a clause on.
FILTER_FIELDS = (
    "available_until",
    "region_id",
    "offers",
    "profiles",
    "intensities",
    "segments",
    "care_forms",
    "languages",
    "age_from",
    "age_to",
    "wait_weeks",
    "wait_fresh_until",
    "profile_waits",  # its nested fields: profile_waits.<key>.weeks, .fresh_until
    "has_outcomes",
)
# `provider_id` and `id` let replace_provider delete exactly a provider's stale documents.
FILTERABLE = tuple(sorted({*FILTER_FIELDS, *FACETS, "provider_id", "id", "_geo"}))
SORTABLE = ("_geo", "goal_attainment_pct", "name_sort", "wait_weeks")
RANKING_RULES = ("words", "typo", "proximity", "attribute", "sort", "exactness")
MAX_VALUES_PER_FACET = 200  # more than any facet has values (languages is the largest)
MAX_TOTAL_HITS = 100_000  # totalHits is exact up to this; above the national scale
# The same rule the embedded engine imitates: no typo under 5 letters, 1 from 5, 2 from 9.
TYPO_TOLERANCE = {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}}


def locale_code(lang: str) -> str:
    try:
        return LOCALE_CODES[lang]
    except KeyError:
        raise ValueError(f"no Meilisearch locale code for language {lang!r}") from None


def searchable_attributes() -> list[str]:
    """In order of weight: a match in the name counts most, then in the keywords of what the
    provider centres on (indexer.search.focus), one in intensity names least.

    Descriptions come before the profile names: Meilisearch ranks by the best field alone,
    and every provider contracted for the autism profile has "autisme" in its profile names,
    so with profile names first all of them would tie and the providers that describe autism
    work would not come first. The embedded engine adds up its fields, which ranks alike.
    The profile codes ("P03") weigh as the profile names, as in the embedded profile_text."""
    return [
        "name",
        "focus_named",
        "focus",
        "focus_also",
        *(f"description_{lang}" for lang in LOCALES),
        *(f"profile_names_{lang}" for lang in LOCALES),
        "profiles",
        *(f"intensity_names_{lang}" for lang in LOCALES),
    ]


def localized_attributes() -> list[dict]:
    """Each language's texts are tokenized as that language; names count as Dutch."""
    rules = []
    for lang in LOCALES:
        fields = [f"{prefix}_{lang}" for prefix in ("description", "profile_names")]
        fields.append(f"intensity_names_{lang}")
        if lang == "nl":
            fields.insert(0, "name")
        rules.append({"attributePatterns": fields, "locales": [locale_code(lang)]})
    return rules


def build_settings(vocabulary: Vocabulary) -> dict:
    """The complete settings payload (PATCH /indexes/<uid>/settings)."""
    return {
        "searchableAttributes": searchable_attributes(),
        "filterableAttributes": list(FILTERABLE),
        "sortableAttributes": list(SORTABLE),
        "rankingRules": list(RANKING_RULES),
        "typoTolerance": TYPO_TOLERANCE,
        "synonyms": vocabulary.synonyms(),
        # None: Python leaves function words out of every query (query_words), and the
        # keywords Meilisearch expands to may hold some ("niet naar school").
        "stopWords": [],
        "localizedAttributes": localized_attributes(),
        "faceting": {"maxValuesPerFacet": MAX_VALUES_PER_FACET},
        "pagination": {"maxTotalHits": MAX_TOTAL_HITS},
    }


def settings_hash(payload: dict) -> str:
    """The first 16 hex digits of the sha256 of the canonical JSON (as long as the embedded
    engine's hash): key order and whitespace do not change it."""
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
