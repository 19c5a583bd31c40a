"""Locale selection and gettext for every user-facing string (DESIGN.md §6).

Dutch is the source language and the default; the catalogues live in translations/ at the
repository root. Precedence: explicit choice (?lang= in the URL, so a shared link opens in
the sender's language) → the choice remembered in a cookie → Accept-Language → Dutch.
"""

from urllib.parse import quote, urlencode

from babel import Locale
from babel.lists import format_list
from flask import Flask, Response, g, request
from flask_babel import Babel
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from portal import localize
from portal.labels import language_name, language_names
from portal.paths import TRANSLATIONS

LOCALES = ("nl", "en", "tr", "ar", "pl", "uk")
# Each language named in itself ("Türkçe", "العربية") for the language switch.
AUTONYMS = {code: Locale.parse(code).get_display_name(code) for code in LOCALES}
AUTONYMS = {code: name[:1].upper() + name[1:] for code, name in AUTONYMS.items()}
COOKIE = "taal"
COOKIE_DAYS = 365
# Characters a URL path may carry as they are (RFC 3986 pchar and "/"); everything else,
# backslashes, tabs and newlines included, is percent-encoded.
PATH_SAFE = "/!$&'()*+,;=:@"


def select_locale() -> str:
    """Called by Flask-Babel once per request, when a text is first translated."""
    g.language_negotiated = True
    for chosen in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if chosen in LOCALES:
            return chosen
    return request.accept_languages.best_match(LOCALES) or "nl"


def init_app(app: Flask, default_locale: str) -> None:
    app.config["BABEL_DEFAULT_LOCALE"] = default_locale
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    Babel(app, locale_selector=select_locale)
    _fast_templates(app)
    app.context_processor(_locale_context)
    app.add_template_filter(language_name)
    app.add_template_filter(language_names)
    app.add_template_filter(list_format)
    app.after_request(_remember_choice)
    app.after_request(_vary_on_language)


def _fast_templates(app: Flask) -> None:
    """Templates translate and format through portal.localize: the same text as Flask-Babel's
    callables and filters, without finding the request's locale again each time. `_` is
    bound directly, not through Jinja's alias that looks `gettext` up and calls it."""
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext)
    app.jinja_env.globals["ngettext"] = _template_ngettext
    app.jinja_env.filters.update(
        numberformat=localize.format_number,
        decimalformat=localize.format_decimal,
        dateformat=localize.format_date,
    )


@pass_eval_context
def _template_gettext(eval_ctx: EvalContext, string: str, **variables) -> str:
    """Jinja's newstyle gettext: the translation is markup, the variables are escaped into
    it, and it is always a format string (`%%` is `%`), but a text without `%` is itself.
    A text without variables is the same markup on every page in a language: made once."""
    if not eval_ctx.autoescape:
        text = localize.translations().ugettext(string)
        return text % variables if variables or "%" in text else text
    if variables:
        return Markup(localize.translations().ugettext(string)) % variables
    page = localize.page_language()
    text = page.markup.get(string)
    if text is None:
        text = Markup(page.catalogue.ugettext(string))
        text = page.markup[string] = text % {} if "%" in text else text
    return text


@pass_eval_context
def _template_ngettext(
    eval_ctx: EvalContext, singular: str, plural: str, num: int, **variables
) -> str:
    variables.setdefault("num", num)
    text = localize.translations().ungettext(singular, plural, num)
    return (Markup(text) if eval_ctx.autoescape else text) % variables


def list_format(items: list[str]) -> str:
    """ "a, b en c" / "a, b and c" / "a، b و c": Babel's list patterns for the locale."""
    return format_list(items, locale=localize.get_locale()) if items else ""


def for_someone_else() -> None:
    """This page's `?lang=` is the language of someone the reader prints it for (the family
    handout): shown in it, but not remembered as the reader's own language."""
    g.lang_for_someone_else = True


def _remember_choice(response: Response) -> Response:
    """An explicit choice is remembered (a cookie holding only the language code)."""
    chosen = request.args.get("lang")
    if g.get("lang_for_someone_else"):
        return response
    if chosen in LOCALES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(
            COOKIE,
            chosen,
            max_age=COOKIE_DAYS * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    return response


def _vary_on_language(response: Response) -> Response:
    """A response in a chosen language differs by ?lang= (in its URL), the `taal` cookie and
    Accept-Language: a shared cache must not give one family's language to another."""
    if g.get("language_negotiated"):
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def language_links() -> list[tuple[str, str, str, bool]]:
    """(code, name in its own language, this page's URL in that language, current) for the
    language switch: the query is kept, so a family stays on the same results."""
    current = localize.locale_code()
    path = _same_site_path(request.script_root + request.path)
    args = MultiDict(request.args)
    args["lang"] = ""  # one value, where the URL had it, else last
    pairs = list(args.items(multi=True))
    at = [key for key, _value in pairs].index("lang")
    before, after = urlencode(pairs[:at]), urlencode(pairs[at + 1 :])  # encoded once
    return [
        (
            code,
            AUTONYMS[code],
            path + "?" + "&".join(filter(None, (before, f"lang={code}", after))),
            code == current,
        )
        for code in LOCALES
    ]


def _same_site_path(path: str) -> str:
    r"""The request path as a link that cannot leave the site. Any visitor chooses the path,
    a 404 page's too, and browsers read "/\host" (also when written "/\t/host", since they
    drop tabs and newlines) like "//host": a link to another site. Percent-encoding leaves no
    backslash or control character, and one leading slash (as Werkzeug's `request.path`
    has it) leaves no "//"."""
    return "/" + quote(path, safe=PATH_SAFE).lstrip("/")


def _locale_context() -> dict:
    locale: Locale = localize.get_locale()
    return {
        "html_lang": str(locale.language),
        "html_dir": locale.text_direction,
        "language_links": language_links,
    }
