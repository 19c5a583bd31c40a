"""The parts of a listing as the workspace forms show them: their names in the reader's
language and how a submitted form becomes the values indexer.edits expects.

Locations are one field holding the whole list: the form shows each address with a
"remove" box and one empty row to add an address. Coordinates come from the postcode when
an address is new or changed, and are kept as they were otherwise.
"""

from werkzeug.datastructures import MultiDict

from indexer.sources.specs import CARE_FORMS, LOCALES
from indexer.workspaces import WaitSlot
from portal.labels import LISTING_PARTS

EDITABLE = tuple(LISTING_PARTS)
ADDRESS = ("name", "street", "house_number", "postcode", "city")
NEW = "nieuw"  # the row for an address that is not there yet


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
    if part == "locations":
        return {"locations": _locations(form)}
    if part == "languages":
        return {"languages": form.get("languages", "").replace(",", ";").split(";")}
    return {"care_forms": [value for value in form.getlist("care_forms") if value in CARE_FORMS]}


def _locations(form: MultiDict) -> list[dict]:
    """Each kept row of the form as a location; the empty new row is no location."""
    ids = [*form.getlist("location_id"), NEW]
    locations = []
    for number, location_id in enumerate(ids):
        row = {name: form.get(f"{name}-{number}", "").strip() for name in ADDRESS}
        if form.get(f"remove-{number}") or (location_id == NEW and not any(row.values())):
            continue
        known = location_id != NEW
        row["location_id"] = location_id if known else _new_id(ids)
        row["wheelchair_accessible"] = "ja" if form.get(f"wheelchair-{number}") else "nee"
        if known and form.get(f"address-{number}") == _address(row):
            row["latitude"] = form.get(f"latitude-{number}", "")
            row["longitude"] = form.get(f"longitude-{number}", "")
        locations.append(row)
    return locations


def address_of(location: dict) -> str:
    """What the coordinates were measured for: they stay only while this is unchanged."""
    return _address({name: str(location.get(name) or "") for name in ADDRESS})


def _address(row: dict) -> str:
    return "|".join(
        row[name].replace(" ", "").upper() for name in ("street", "house_number", "postcode")
    )


def _new_id(taken: list[str]) -> str:
    number = 1
    while f"loc-{number}" in taken:
        number += 1
    return f"loc-{number}"
