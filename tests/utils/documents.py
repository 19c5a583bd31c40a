"""Search documents made by hand, so engine tests say exactly what each provider offers."""

from datetime import date

from indexer.search.documents import document_id, wait_fields
from indexer.search.outcomes import NO_FIGURES
from indexer.search.vocabulary import Concept, Vocabulary
from indexer.sources.specs import LOCALES
from indexer.waits import Wait

AMSTERDAM = (52.3731, 4.8922)
BUILD_DAY = date(2026, 11, 22)


def make_document(provider_id: str, **values: object) -> dict:
    """A complete document for `provider_id` in region "noord"; `values` override fields."""
    region_id = values.pop("region_id", "noord")
    published = values.pop("waits", None)
    if published is None:
        published = waits(
            values.pop("wait_weeks", None), values.pop("wait_confirmed_on", "2026-11-01")
        )
    document = {
        "id": document_id(region_id, provider_id),
        "provider_id": provider_id,
        "region_id": region_id,
        "region_name": region_id.title(),
        "name": provider_id.replace("-", " ").title(),
        "website": "",
        "phone": "",
        "email": "",
        "profiles": ["P01"],
        "intensities": ["I1"],
        "offers": ["P01/I1"],
        "segments": ["B"],
        "roles": ["hoofdaannemer"],
        "main_contractors": [],
        "care_forms": ["ambulant"],
        "languages": ["nl"],
        "min_age": 0,
        "max_age": 18,
        "age_from": 0,
        "age_to": 18,
        "age_groups": ["0-4", "4-12", "12-18"],
        "municipalities": ["GM0363"],
        "teams": [],
        "focus_named": [],
        "focus": [],
        "focus_also": [],
        "available_until": 20271231,
        "locations": [],
        "_geo": {"lat": AMSTERDAM[0], "lng": AMSTERDAM[1]},
        **NO_FIGURES,
    }
    for lang in LOCALES:
        document[f"description_{lang}"] = ""
        document[f"profile_names_{lang}"] = []
        document[f"intensity_names_{lang}"] = []
    document.update(values)
    # Waits as indexer.search.documents derives them, on the day the tests build.
    document |= wait_fields(published, document["profiles"], BUILD_DAY)
    document["name_sort"] = str(document["name"]).casefold()
    return document


def waits(weeks: int | None, confirmed_on: str = "2026-11-01", profile_code: str = "") -> list:
    """A general wait (or one profile's) as the store would hold it; [] for no wait."""
    if weeks is None:
        return []
    return [Wait(profile_code, weeks, date.fromisoformat(confirmed_on))]


def small_vocabulary() -> Vocabulary:
    """Four concepts in a few languages: enough to prove synonyms work in an engine, that a
    concept no text names is searched with the one related to it, and that a known word
    ("add") is not read as the start of another ("addiction")."""
    anxiety = Concept(
        "anxiety",
        ("angst", "paniek"),
        {"nl": ("bang",), "en": ("anxiety", "panic attack"), "tr": ("kaygı",), "ar": ("قلق",)},
    )
    divorce = Concept("divorce", ("scheiding",), {"nl": ("vechtscheiding",), "en": ("divorce",)})
    abuse = Concept(
        "abuse", ("mishandeling",), {"en": ("abuse",)}, related=("anxiety",)
    )  # no test text names it
    adhd = Concept("adhd", ("adhd",), {"en": ("add",)})
    return Vocabulary((anxiety, divorce, abuse, adhd), {"nl": frozenset({"mijn", "is", "de"})})
