"""portal.localize writes what Flask-Babel writes, in every portal language: the words,
numbers and dates on the pages read exactly as they did when each call asked Flask-Babel."""

from datetime import date, datetime
from decimal import Decimal

import flask_babel
import pytest
from flask import Flask, render_template_string

from portal import localize
from portal.i18n import LOCALES

NUMBERS = [0, 7, 999, 1000, 1234567, -5, -1234, 0.5, 3.4, 12.0, 87.25, 0.05, 2.125, 1234.5]
NUMBERS += [0.0005, 2.3456, 99.95, -0.0, -3.4, 1e-7, 1e16, 12345678.9, Decimal("3.40")]
# The patterns the portal's pages and files use: the language's own, figures, downloads.
PATTERNS = [None, "0.#", "0.0", "0.###"]


@pytest.mark.parametrize("locale", LOCALES)
def test_numbers_as_flask_babel_writes_them(app: Flask, locale: str) -> None:
    with app.test_request_context(f"/?lang={locale}"):
        for pattern in PATTERNS:
            for number in NUMBERS:
                expected = flask_babel.format_decimal(number, pattern)
                assert localize.format_decimal(number, pattern) == expected, (pattern, number)
        assert [localize.format_number(n) for n in NUMBERS] == [
            flask_babel.format_number(n) for n in NUMBERS
        ]
        counts = range(-20, 1020)  # a facet's counts: written directly below 1,000
        assert [localize.format_number(n) for n in counts] == [
            flask_babel.format_number(n) for n in counts
        ]


@pytest.mark.parametrize("locale", LOCALES)
def test_dates_as_flask_babel_writes_them(app: Flask, locale: str) -> None:
    days = [date(2025, month, 2 + month * 2) for month in range(1, 13)]
    days += [date(987, 1, 1), datetime(2026, 3, 4, 23, 30)]
    with app.test_request_context(f"/?lang={locale}"):
        for day in days:
            for form in ("long", "medium", "short", "full", "d MMM", "MMMM d, y", "dd MMMM yy"):
                assert localize.format_date(day, form) == flask_babel.format_date(day, form)


def test_words_follow_the_language_of_each_request_and_a_forced_one(app: Flask) -> None:
    """The catalogue is looked up once per request, but a family handout switches language
    for a few lines (force_locale) and the next request may ask another."""
    source = "Onbekend: bel de aanbieder"
    for locale in ("ar", "nl", "uk"):
        with app.test_request_context(f"/?lang={locale}"):
            page_text = flask_babel.gettext(source)
            assert localize.gettext(source) == page_text
            with flask_babel.force_locale("tr"):
                assert localize.gettext(source) == flask_babel.gettext(source) != page_text
                assert str(localize.get_locale()) == "tr"
            assert localize.gettext(source) == page_text
            assert localize.ngettext("%(num)d week", "%(num)d weken", 3) == (
                flask_babel.ngettext("%(num)d week", "%(num)d weken", 3)
            )


def test_template_texts_escape_their_values_and_keep_percent_signs(app: Flask) -> None:
    with app.test_request_context("/?lang=nl"):
        page = render_template_string(
            '{{ _("Kies %(name)s", name=name) }}|{{ _("Doelen bereikt: %(pct)s%%", pct=80) }}'
            '|{{ ngettext("%(num)d week", "%(num)d weken", 2) }}|{{ _("Wachttijd") }}',
            name="<b>A & B</b>",
        )
    assert page == "Kies &lt;b&gt;A &amp; B&lt;/b&gt;|Doelen bereikt: 80%|2 weken|Wachttijd"


def test_outside_a_request_the_source_text() -> None:
    assert localize.gettext("Wachttijd") == "Wachttijd"
    assert str(localize.lazy_gettext("Wachttijd")) == "Wachttijd"


def test_template_texts_are_each_language_s_on_every_page(app: Flask) -> None:
    """A template's text without values is made once per language, then reused: each page
    still reads its own language, and `%%` is still a single `%`."""
    source = '{{ _("Wachttijd") }}|{{ _("Onbekend: bel de aanbieder") }}|{{ _("100%%") }}'
    pages = {}
    for locale in ("nl", "ar", "nl", "en", "ar"):
        with app.test_request_context(f"/?lang={locale}"):
            page = render_template_string(source)
            expected = "|".join(
                [
                    flask_babel.gettext("Wachttijd"),
                    flask_babel.gettext("Onbekend: bel de aanbieder"),
                    "100%",
                ]
            )
            assert page == expected
            assert pages.setdefault(locale, page) == page
    assert len(set(pages.values())) == 3
