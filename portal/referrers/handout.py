"""The family handout: a shortlist as one printable page in the family's language.

A referrer (a GP, a local team) opens it from the shortlist with the family's language and,
if they like, the family's postcode: `/bewaarlijst/uitdeelblad?id=…&lang=tr&postcode=2512`.
In plain words it says per provider what they do, how to reach them and how long the wait
is, what a first call is like and who the family's local team is, with a link and QR code
that open the same list on a phone. No codes, tariffs or figures: those are for the
referrer (DESIGN.md §11). Everything is in the URL, so the page prints and works without
JavaScript.
"""

from babel import Locale
from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import force_locale

from indexer.teams import teams_for_postcode
from portal import labels
from portal.database import get_session
from portal.i18n import AUTONYMS, COOKIE, LOCALES, for_someone_else
from portal.labels import in_page_language, language_name
from portal.localize import format_date, get_locale
from portal.localize import gettext as _
from portal.public.chosen import MAX_SHORTLIST, chosen_listings
from portal.public.search_form import POSTCODE
from portal.public.teams_view import team_views
from portal.public.waits_view import listing_wait
from portal.referrers.qr import qr_svg
from portal.security import public_url_for
from portal.services import today

blueprint = Blueprint("handout", __name__)


@blueprint.get("/bewaarlijst/uitdeelblad")
def handout() -> tuple[str, int]:
    """The handout, or a 400 page that says what to change: a language the portal does not
    speak, no provider (left) on the list, or a postcode that names no local team. A wrong
    postcode is refused rather than left out, so no family gets a sheet without the team the
    referrer meant to put on it."""
    for_someone_else()  # the family's language, not the referrer's own from now on
    locale = request.args.get("lang") or str(get_locale())
    if locale not in LOCALES:
        return _refused(_("Deze taal kennen we niet. Kies een van deze talen:"), languages=True)
    listings = chosen_listings([i for i in request.args.getlist("id") if i][:MAX_SHORTLIST])
    if not listings:
        return _refused(
            _(
                "Er staan geen aanbieders op dit uitdeelblad. Zet eerst aanbieders op de "
                "bewaarlijst."
            )
        )
    postcode = request.args.get("postcode", "").strip().upper().replace(" ", "")
    if postcode and not POSTCODE.fullmatch(postcode):
        return _refused(_("Vul een postcode in met 4 cijfers, zoals 1011."))
    teams = teams_for_postcode(postcode[:4], session=get_session()) if postcode else []
    if postcode and not teams:
        return _refused(
            _(
                "Voor postcode %(postcode)s kennen we geen lokaal team. Laat de postcode leeg "
                "of kies een andere.",
                postcode=postcode[:4],
            )
        )
    ids = [f"{x.region.id}__{x.provider.id}" for x in listings]
    link = public_url_for("compare.shortlist", id=ids, lang=locale)
    profiles = request.args.getlist("profiel")
    providers = [
        (
            listing,
            in_page_language(listing.provider.descriptions, locale),
            listing_wait(listing, profiles, locale, today()),
        )
        for listing in listings
    ]
    return render_template(
        "referrers/handout.html",
        providers=providers,
        teams=team_views(teams),
        labels=labels,
        link=link,
        qr=qr_svg(link, _("QR-code met de link naar deze lijst")),
        made_on=format_date(today(), "long"),
        referrer=_for_the_referrer(ids, locale),
    ), 200


def _refused(message: str, *, languages: bool = False) -> tuple[str, int]:
    """The 400 page, with a link back to the list (the ids sent, if any) and its form."""
    ids = [i for i in request.args.getlist("id") if i][:MAX_SHORTLIST]
    return render_template(
        "referrers/handout.html",
        error=message,
        languages=AUTONYMS if languages else {},
        back=url_for("compare.shortlist", id=ids or None),
    ), 400


def _for_the_referrer(ids: list[str], family_locale: str) -> dict[str, str]:
    """The line above the handout on screen, in the referrer's own language, not the
    family's: the one they chose before (cookie) or their browser's."""
    own = request.cookies.get(COOKIE)
    if own not in LOCALES:
        own = (
            request.accept_languages.best_match(LOCALES)
            or current_app.config["BABEL_DEFAULT_LOCALE"]
        )
    with force_locale(own):
        return {
            "lang": own,
            "dir": Locale.parse(own).text_direction,
            "text": _(
                "Dit uitdeelblad is in het %(language)s. Print het en geef het mee aan het gezin.",
                language=language_name(family_locale),
            ),
            "back": _("Terug naar de bewaarlijst"),
            "url": url_for("compare.shortlist", id=ids, lang=own),
        }
