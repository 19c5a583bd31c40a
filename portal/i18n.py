"""Locale selection and gettext for every user-facing string (DESIGN.md §6).

Dutch is the source language and the default; the catalogues live in translations/ at the
repository root. Precedence: explicit choice (?lang=) → Accept-Language → Dutch.
"""

from babel import Locale
from flask import Flask, request
from flask_babel import Babel, get_locale

from portal.labels import language_name
from portal.paths import TRANSLATIONS

LOCALES = ("nl", "en", "tr", "ar", "pl", "uk")


def select_locale() -> str:
    chosen = request.args.get("lang")
    if chosen in LOCALES:
        return chosen
    return request.accept_languages.best_match(LOCALES) or "nl"


def init_app(app: Flask, default_locale: str) -> None:
    app.config["BABEL_DEFAULT_LOCALE"] = default_locale
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    Babel(app, locale_selector=select_locale)
    app.context_processor(_locale_context)
    app.add_template_filter(language_name)


def _locale_context() -> dict:
    locale: Locale = get_locale()
    return {"html_lang": str(locale.language), "html_dir": locale.text_direction}
