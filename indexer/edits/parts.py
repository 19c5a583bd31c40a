"""The parts of a listing a provider keeps, and how risky a change to each is.

DESIGN.md §10 moderates by risk: wait times and contact details are facts a family acts on
today and a provider knows best, so they are published at once; texts, locations, ages,
languages and care forms change what a listing promises, so region staff see them first.
Freshness differs too: a wait time goes stale after 8 weeks, everything else after 6 months.
"""

from dataclasses import dataclass

from indexer.models.edits import LOCATIONS_FIELD, parse_wait_field
from indexer.sources.specs import LOCALES

STALE_MONTHS = 6


@dataclass(frozen=True)
class Part:
    """`fields` are the owned-field names an edit may hold (waits: one per region and
    profile, see indexer.models.edits.wait_field); `spec` the import file whose columns
    and rules validate them."""

    name: str
    spec: str
    fields: tuple[str, ...]
    at_once: bool


PARTS: dict[str, Part] = {
    part.name: part
    for part in (
        Part("contact", "providers", ("phone", "email", "website"), at_once=True),
        Part("descriptions", "providers", tuple(f"description_{x}" for x in LOCALES), False),
        Part("locations", "locations", (LOCATIONS_FIELD,), at_once=False),
        Part("languages", "providers", ("languages",), at_once=False),
        Part("ages", "providers", ("min_age", "max_age"), at_once=False),
        Part("care_forms", "providers", ("care_forms",), at_once=False),
        Part("waits", "waittimes", (), at_once=True),
    )
}


class EditError(ValueError):
    """An edit that cannot be stored. `errors` are (field, message) pairs, in English and
    naming the field, so a form can put each message next to its field."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors))
        self.errors = errors


def part_named(name: str) -> Part:
    if name not in PARTS:
        raise EditError([("part", f"{name!r} is not one of: {', '.join(PARTS)}")])
    return PARTS[name]


def part_of(field: str) -> Part | None:
    """The part an owned field belongs to (None for a field no part has)."""
    if parse_wait_field(field):
        return PARTS["waits"]
    return next((part for part in PARTS.values() if field in part.fields), None)


def check_fields(part: Part, fields: list[str]) -> None:
    """Every field must belong to the part; an empty edit says nothing."""
    if not fields:
        raise EditError([(part.name, "holds no values")])
    expected = ", ".join(part.fields) or "wait/<region_id> or wait/<region_id>/<profile_code>"
    unknown = [field for field in fields if part_of(field) is not part]
    if unknown:
        raise EditError([(field, f"is not part of {part.name} ({expected})") for field in unknown])
