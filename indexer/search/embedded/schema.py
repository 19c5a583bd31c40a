"""The tantivy schema of the embedded engine and the conversion of a search document into it.

Text is normalised by Python (vocabulary.words_of) before tantivy sees it, with a plain
whitespace tokenizer, so queries and documents are folded exactly alike in every script.
The whole document is stored as JSON bytes: a hit needs no second look-up anywhere.
"""

import json

import tantivy

from indexer.search.contract import FACETS
from indexer.search.vocabulary import words_of
from indexer.sources.specs import LOCALES

SCHEMA_VERSION = 6
# Searchable text fields and their weight in the score: a word in the name counts most of
# the texts. The keywords of what the provider centres on (indexer.search.focus) weigh so
# much more that they make a tier above every other score, as Meilisearch's `attribute` rule
# ranks by the best field matched: specialists first, then by how well the texts match.
TEXT_FIELDS = {
    "name": 3.0,
    "focus_named": 10.0,
    "focus": 20.0,
    "focus_also": 10.0,
    "profile_text": 2.0,
    "description": 1.0,
}
KEYWORD_FIELDS = (*FACETS, "region_id", "provider_id", "offers")
INTEGER_FIELDS = ("available_until", "age_from", "age_to", "wait_weeks", "wait_fresh_until")
FLOAT_FIELDS = ("goal_attainment_pct", "lat", "lng")


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="whitespace")
    for name in dict.fromkeys(KEYWORD_FIELDS):
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    for name in INTEGER_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in FLOAT_FIELDS:
        builder.add_float_field(name, indexed=True, fast=True)
    builder.add_text_field("name_sort", tokenizer_name="raw", fast=True)
    # {key: {"weeks", "fresh_until"}} per contracted profile, for filters on its wait.
    builder.add_json_field("profile_waits", tokenizer_name="raw", fast=True)
    builder.add_bytes_field("source", stored=True)
    return builder.build()


def to_tantivy(document: dict) -> tantivy.Document:
    converted = tantivy.Document()
    converted.add_text("id", document["id"])
    converted.add_text("name", " ".join(words_of(document["name"])))
    converted.add_text("focus_named", " ".join(document["focus_named"]))
    converted.add_text("focus", " ".join(document["focus"]))
    converted.add_text("focus_also", " ".join(document["focus_also"]))
    # The codes too: referrers type "P03" or "h02" as a word (Meilisearch searches `profiles`).
    profile_text = document["profiles"] + [
        name
        for lang in LOCALES
        for name in document[f"profile_names_{lang}"] + document[f"intensity_names_{lang}"]
    ]
    converted.add_text("profile_text", " ".join(words_of(" ".join(profile_text))))
    descriptions = " ".join(document[f"description_{lang}"] for lang in LOCALES)
    converted.add_text("description", " ".join(words_of(descriptions)))
    for name in dict.fromkeys(KEYWORD_FIELDS):
        for value in _as_list(document[name]):
            converted.add_text(name, _keyword(value))
    for name in INTEGER_FIELDS:
        if document[name] is not None:
            converted.add_integer(name, document[name])
    if document["goal_attainment_pct"] is not None:
        converted.add_float("goal_attainment_pct", document["goal_attainment_pct"])
    if document["_geo"]:
        converted.add_float("lat", document["_geo"]["lat"])
        converted.add_float("lng", document["_geo"]["lng"])
    converted.add_text("name_sort", document["name_sort"])
    converted.add_json("profile_waits", document["profile_waits"])
    converted.add_bytes("source", json.dumps(document, ensure_ascii=False).encode())
    return converted


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _keyword(value: object) -> str:
    """Keyword fields hold text; booleans as "true"/"false" like Meilisearch facets."""
    return str(value).lower() if isinstance(value, bool) else str(value)
