"""The wait a reader is shown, as words: which wait it is, how long, checked when.

indexer.waits decides *which* wait applies (the chosen profile's, else the general one);
this module says it in the reader's language, so the result card, compare, the
professional table, the exports and the family handout all label it alike.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from indexer.schemes import localized
from indexer.waits import Wait, chosen_wait, waits_of
from portal.localize import format_date, ngettext
from portal.localize import gettext as _


class WaitView(NamedTuple):
    """`label` names the wait ("Wachttijd voor Trauma", "Algemene wachttijd"); `weeks` is
    None when the provider published no wait that applies. A tuple, quick to make: a results
    page makes one per hit."""

    label: str
    weeks: int | None
    confirmed_on: date | None
    stale: bool
    profile_code: str = ""

    @property
    def duration(self) -> str:
        if self.weeks is None:
            return _("Onbekend: bel de aanbieder")
        return ngettext("%(num)d week", "%(num)d weken", self.weeks)

    @property
    def checked(self) -> str:
        if self.confirmed_on is None:
            return ""
        return _("nagekeken op %(date)s", date=format_date(self.confirmed_on, "long"))


def wait_view(
    rows: Iterable,
    profiles: Iterable[str],
    profile_names: Mapping[str, str],
    today: date,
) -> WaitView:
    """The wait for `profiles` (store rows or a search document's `waits`), labelled with
    the profile it belongs to; `profile_names` are the region's names in the page language."""
    wait: Wait | None = chosen_wait(waits_of(rows), profiles, today)
    if wait is None:
        return WaitView(_("Wachttijd"), None, None, stale=False)
    if wait.profile_code:
        name = profile_names.get(wait.profile_code, wait.profile_code)
        label = _("Wachttijd voor %(profile)s", profile=name)
    elif profiles:
        label = _("Algemene wachttijd")  # no wait of its own for the chosen help
    else:
        label = _("Wachttijd")
    return WaitView(label, wait.weeks, wait.confirmed_on, wait.is_stale(today), wait.profile_code)


def document_wait(document: dict, profiles: Iterable[str], locale: str, today: date) -> WaitView:
    """The wait of a search hit; profile names come from the document itself, so a result
    list across regions labels each region's profile in that region's words."""
    names = document[f"profile_names_{locale}"] or document["profile_names_nl"]
    names = dict(zip(document["profiles"], names, strict=False))  # [] when none are named
    return wait_view(document["waits"], _offered(profiles, names), names, today)


def listing_wait(listing, profiles: Iterable[str], locale: str, today: date) -> WaitView:
    """The wait of a provider's listing (indexer.listing) for the chosen profiles."""
    names = {p.code: localized(p.names, locale)[0] for p, _levels, _segments in listing.offers}
    return wait_view(listing.waits, _offered(profiles, names), names, today)


def _offered(profiles: Iterable[str], offered: Mapping[str, str]) -> list[str]:
    """The chosen profiles this provider is contracted for: a general wait standing in for
    a profile it does not offer would answer a question nobody asked."""
    profiles = list(profiles)
    return [code for code in profiles if code in offered] or profiles
