"""Which code stands for a language a provider speaks (ISO 639-1, else ISO 639-3), and the
ISO 639-3 name of a language the pages' locale data (CLDR) has no name for.

Open Referral HSDS records a language as "ISO 639-1 or ISO 639-3". Two letters are not
enough for the families this guide serves: Tarifit (`rif`) and Tamazight (`tzm`, `zgh`,
`shi`), spoken in many Moroccan-Dutch families, have only a three-letter code. A language
that has both is stored by its two-letter code (`nld` → `nl`), so it is one filter value
and one facet count, whichever code a region or provider wrote. The import and provider
edits both decide through `canonical` (edits parse values with the import's own parsers).

The table is pycountry's copy of ISO 639-3: individual languages and macrolanguages
(`ar`/`ara` Arabic), not the special codes such as `und` (undetermined) or `mul` (multiple),
which name no language a family speaks.
"""

import gettext
from functools import cache

import pycountry
from pycountry.db import Data

SPOKEN_SCOPES = {"I", "M"}  # ISO 639-3 scope: individual language, macrolanguage


def canonical(code: str) -> str | None:
    """The stored code for an ISO 639-1 or ISO 639-3 code in any case (`RIF` → `rif`,
    `tur` → `tr`); None when it names no language."""
    language = _by_code().get(code.strip().lower())
    return getattr(language, "alpha_2", language.alpha_3) if language else None


def iso_name(code: str, locale: str) -> str | None:
    """ISO 639-3's name of the language in `locale` ("таріфіт" for `rif` in Ukrainian), in
    English where that locale has no translation; None for a code that is no language."""
    language = _by_code().get(code)
    if language is None:
        return None
    return _translation(locale).gettext(language.name)


@cache
def _by_code() -> dict[str, Data]:
    """{two- or three-letter code: ISO 639-3 entry}; built on first use, as most commands
    never need the table."""
    codes = {}
    for language in pycountry.languages:
        if language.scope in SPOKEN_SCOPES:
            codes[language.alpha_3] = language
            if hasattr(language, "alpha_2"):
                codes[language.alpha_2] = language
    return codes


@cache
def _translation(locale: str) -> gettext.NullTranslations:
    """pycountry's ISO 639-3 catalogue for `locale`; untranslated names stay English."""
    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[locale], fallback=True)
