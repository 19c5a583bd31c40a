"""A refused edit, said in the provider's language next to the field that is wrong.

The data side checks an edit with the import's own rules and names the field in English
(for operators and the audit). The form shows what to do in the reader's language first;
the rule's own words follow, marked as English, for the details a short message leaves out.
"""

from indexer.models.edits import parse_wait_field
from portal.localize import lazy_gettext as _l

BY_FIELD = {
    "phone": _l("Vul een telefoonnummer in, zoals 020-1234567."),
    "email": _l("Vul een e-mailadres in, zoals info@voorbeeld.nl."),
    "website": _l("Vul een webadres in, zoals https://www.voorbeeld.nl."),
    "min_age": _l("Vul een leeftijd in van 0 tot en met 27 jaar."),
    "max_age": _l("Vul een leeftijd in van 0 tot en met 27 jaar."),
    "languages": _l("Gebruik taalcodes, zoals nl, en of tr, gescheiden door een puntkomma."),
    "locations": _l(
        "Controleer de adressen: een postcode heeft 4 cijfers en 2 letters, zoals 1011 AB."
    ),
}
WAIT = _l("Vul het aantal weken in met cijfers, zoals 6.")
OTHER = _l("Deze waarde klopt niet.")


def field_message(field: str) -> str:
    """What the reader should do about this field, in their language."""
    if parse_wait_field(field):
        return str(WAIT)
    return str(BY_FIELD.get(field, OTHER))
