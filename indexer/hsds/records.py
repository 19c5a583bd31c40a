"""Shaping HSDS records: what every builder needs the same way.

HSDS schemas type their fields as strings and numbers, never null, so an optional value the
store does not hold is left out of the record instead of being written as null or as ""
(which would claim, say, that the provider has an empty website). A required field is always
written, as "" when the store has no text for it: HSDS demands the field, and "" says
honestly that nothing is known.
"""

from datetime import date
from typing import Any

LANGUAGE = "nl"  # HSDS holds one text per field: ours in Dutch, the language every record has


def record(required: dict[str, Any], **optional: Any) -> dict[str, Any]:
    """`required` as given, then the optional fields that have a value; dates as ISO 8601."""
    fields = required | {k: v for k, v in optional.items() if v is not None and v != ""}
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in fields.items()}


def dutch(texts: dict[str, str]) -> str:
    """The Dutch text of a per-locale field ({"nl": ..., "en": ...}); "" when none."""
    return texts.get(LANGUAGE, "")
