"""The parts of a listing as the workspace forms show them: their names in the reader's
language and how a submitted form becomes the values indexer.edits expects.

Locations are kept by the data side too, but their form (addresses, several per provider)
is not built yet; the overview says so.
"""

from werkzeug.datastructures import MultiDict

from indexer.sources.specs import CARE_FORMS, LOCALES
from indexer.workspaces import WaitSlot
from portal.labels import LISTING_PARTS

EDITABLE = tuple(name for name in LISTING_PARTS if name != "locations")


def part_label(name: str) -> str:
    return str(LISTING_PARTS[name])


def form_values(part: str, form: MultiDict, slots: list[WaitSlot]) -> dict:
    """The submitted form as {field: value}. An empty wait box leaves that wait as it is:
    a provider says how long the wait is, not that a known wait became unknown."""
    if part == "waits":
        sent = {slot.field: form.get(slot.field, "").strip() for slot in slots}
        return {field: weeks for field, weeks in sent.items() if weeks}
    if part == "contact":
        return {name: form.get(name, "") for name in ("phone", "email", "website")}
    if part == "descriptions":
        return {f"description_{lang}": form.get(f"description_{lang}", "") for lang in LOCALES}
    if part == "ages":
        return {name: form.get(name, "") for name in ("min_age", "max_age")}
    if part == "languages":
        return {"languages": form.get("languages", "").replace(",", ";").split(";")}
    return {"care_forms": [value for value in form.getlist("care_forms") if value in CARE_FORMS]}
