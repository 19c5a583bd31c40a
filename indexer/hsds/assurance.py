"""`assured_date`: the day a person last checked what a service record says.

Only a person's confirmation counts (DESIGN.md §10): an import says nothing about whether the
provider still stands behind its listing, so a listing never confirmed has no
assured_date at all rather than the day of a load. HSDS has one date per service, while
providers confirm their listing per part, so the date is the *oldest* confirmation of the
parts a service record is made of, and only when every one of them has been confirmed: a
provider that checked its phone number last week has not checked its description, and a
newer date would tell a reader otherwise.
"""

from datetime import date

# The parts of a listing (indexer.edits.parts) the export publishes in a service and the
# records linked to it. Left out: care forms and wait times, which the export does not carry.
ASSURED_PARTS = ("contact", "descriptions", "locations", "languages", "ages")


def assured_date(confirmed: dict[str, date]) -> date | None:
    """The oldest of the parts' confirmation days; None while any part was never confirmed."""
    days = [confirmed.get(part) for part in ASSURED_PARTS]
    return None if None in days else min(days)
