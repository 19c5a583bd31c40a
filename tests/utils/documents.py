"""Search documents made by hand, so engine tests say exactly what each provider offers."""

from indexer.search.documents import day_number, document_id, wait_band, wait_key
from indexer.search.outcomes import NO_FIGURES
from indexer.search.vocabulary import Concept, Vocabulary
from indexer.sources.specs import LOCALES
from indexer.waits import wait_for_profile, waits_of

AMSTERDAM = (52.3731, 4.8922)


def make_document(provider_id: str, **values: object) -> dict:
    """A complete document for `provider_id` in region "noord"; `values` override fields."""
    region_id = values.pop("region_id", "noord")
    wait = values.pop("wait_weeks", None)
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
        "care_forms": ["ambulant"],
        "languages": ["nl"],
        "min_age": 0,
        "max_age": 18,
        "age_from": 0,
        "age_to": 18,
        "age_groups": ["0-4", "4-12", "12-18"],
        "municipalities": ["GM0363"],
        "teams": [],
        "available_until": 20271231,
        "locations": [],
        "_geo": {"lat": AMSTERDAM[0], "lng": AMSTERDAM[1]},
        "wait_weeks": wait,
        "wait_fresh_until": None if wait is None else 20261226,  # the day before 8 weeks after
        "wait_band": wait_band(wait),
        "waits": [] if wait is None else [general_wait(wait)],
        **NO_FIGURES,
    }
    for lang in LOCALES:
        document[f"description_{lang}"] = ""
        document[f"profile_names_{lang}"] = []
        document[f"intensity_names_{lang}"] = []
    document.update(values)
    if "profile_waits" not in document:
        document["profile_waits"] = profile_waits(document["profiles"], document["waits"])
    document["name_sort"] = str(document["name"]).casefold()
    return document


def profile_waits(profiles: list[str], waits: list[dict]) -> dict:
    """What indexer.search.documents stores for search on the wait of chosen profiles."""
    applied = {code: wait_for_profile(waits_of(waits), code) for code in profiles}
    return {
        wait_key(code): {"weeks": wait.weeks, "fresh_until": day_number(wait.fresh_until)}
        for code, wait in applied.items()
        if wait is not None
    }


def general_wait(weeks: int, confirmed_on: str = "2026-11-01") -> dict:
    return {"profile_code": "", "weeks": weeks, "confirmed_on": confirmed_on}


def small_vocabulary() -> Vocabulary:
    """Two concepts in a few languages: enough to prove synonyms work in an engine."""
    anxiety = Concept(
        "anxiety",
        ("angst", "paniek"),
        {"nl": ("bang",), "en": ("anxiety", "panic attack"), "tr": ("kaygı",), "ar": ("قلق",)},
    )
    divorce = Concept("divorce", ("scheiding",), {"nl": ("vechtscheiding",), "en": ("divorce",)})
    return Vocabulary((anxiety, divorce), {"nl": frozenset({"mijn", "is", "de"})})
