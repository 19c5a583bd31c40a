"""Words for codes, in the reader's language: care forms, team kinds, languages, bands.

Codes stay in URLs and data; people see these labels. Language names come from Babel's
locale data (CLDR), so they exist in every UI language without being translated by hand;
for a language CLDR does not name in the reader's language (Tarifit in Arabic), from the
ISO 639-3 table's translations, in English where those have none: never a bare code.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache

import icu
from babel import Locale

from indexer import languages
from indexer.schemes import localized
from portal.localize import lazy_gettext as _l
from portal.localize import locale_code

CARE_FORMS = {
    "ambulant": _l("Gesprekken en hulp op afspraak"),
    "dagbehandeling": _l("Hulp overdag, 's nachts thuis"),
    "verblijf": _l("Wonen bij de zorgaanbieder"),
    "pleegzorg": _l("Pleegzorg"),
    "online": _l("Online hulp"),
    "crisis": _l("Hulp bij crisis"),
}
TEAM_KINDS = {
    "lokaal_team": _l("Lokaal team"),
    "ouder_kindteam": _l("Ouder-en-kindteam"),
    "gebiedsteam": _l("Gebiedsteam"),
    "wijkteam": _l("Wijkteam"),
    "cjg": _l("Centrum voor Jeugd en Gezin"),
    "other": _l("Team voor jeugd en gezin"),
}
# The parts of a listing a provider keeps and confirms (indexer.edits.parts).
LISTING_PARTS = {
    "waits": _l("Wachttijden"),
    "contact": _l("Contactgegevens"),
    "descriptions": _l("Beschrijving"),
    "ages": _l("Leeftijden"),
    "languages": _l("Talen"),
    "care_forms": _l("Vormen van hulp"),
    "locations": _l("Locaties"),
}
WAIT_LIMITS = {2: _l("Binnen 2 weken"), 4: _l("Binnen 4 weken"), 8: _l("Binnen 8 weken")}
# Families read what segment B and C mean; the letters stay in the referrers' code tables.
SEGMENTS = {
    "B": _l("Hulp bij één duidelijk probleem"),
    "C": _l("Hulp bij veel zware problemen tegelijk"),
}
SORTS = {
    "relevance": _l("Best passend"),
    "distance": _l("Dichtstbij"),
    "goal_attainment": _l("Meeste doelen bereikt"),
    "wait": _l("Kortste wachttijd"),
    "name": _l("Naam"),
}
# The professional view (portal.referrers): contract roles, tariff units, and
# where a tariff sits in the region's cost bandwidth (indexer.tariffs).
ROLES = {"hoofdaannemer": _l("Hoofdaannemer"), "onderaannemer": _l("Onderaannemer")}
UNITS = {"traject": _l("per traject"), "jaar": _l("per jaar"), "maand": _l("per maand")}
BANDWIDTH_POSITIONS = {
    "only": _l("enige tarief"),
    "lowest": _l("laagste"),
    "below_median": _l("onder de mediaan"),
    "median": _l("mediaan"),
    "above_median": _l("boven de mediaan"),
    "highest": _l("hoogste"),
}


def in_page_language(texts: dict[str, str], locale: str) -> tuple[str, str]:
    """(text, lang attribute) of region or provider text for a page in `locale`: the
    attribute is set only when the text fell back to another language, so screen readers
    pronounce it right."""
    text, lang = localized(texts, locale)
    return text, "" if lang == locale else lang


def language_name(code: str, *, capital: bool = False) -> str:
    """`nl` → "Nederlands" (in Dutch), "Dutch" (in English), "нідерландська" (in Ukrainian);
    `capital` for a name standing on its own, such as a filter label."""
    name = _display_name(code, locale_code())
    return name[:1].upper() + name[1:] if capital else name


def language_names(codes: list[str]) -> list[str]:
    """Language names in the reader's alphabetical order ("Çince" before "Felemenkçe" in
    Turkish), for lists of spoken languages."""
    return sorted((language_name(code) for code in codes), key=collation_key())


def language_choices(codes: Iterable[str], locale: str) -> dict[str, tuple[str, str]]:
    """{code: (name standing on its own, "")} in the reader's alphabetical order of the
    names, for the filter on spoken languages (its labels are never in another language)."""
    return {
        code: (_language_choice(code, locale)[1], "")
        for code in sorted(codes, key=lambda code: _language_choice(code, locale)[0])
    }


@lru_cache(maxsize=4096)
def _language_choice(code: str, locale: str) -> tuple[bytes, str]:
    """(sort key, capitalised name) of a language in `locale`: the same on every page."""
    name = _display_name(code, locale)
    return _collator(locale).getSortKey(name), name[:1].upper() + name[1:]


def collation_key() -> Callable[[str], bytes]:
    """A sort key for text in the page language's alphabetical order."""
    return _collator(locale_code()).getSortKey


@lru_cache(maxsize=16)
def _collator(locale: str) -> icu.Collator:
    """ICU collators are costly to make and safe to share between threads for sorting."""
    return icu.Collator.createInstance(icu.Locale(locale))


@lru_cache(maxsize=4096)
def _display_name(code: str, locale: str) -> str:
    """CLDR's name, else ISO 639-3's, else the code (a value no import would store).
    Cached: Babel's Locale.parse scans its locale list, a few ms per page without this."""
    cldr = Locale.parse(locale).languages.get(code)
    return cldr or languages.iso_name(code, locale) or code
