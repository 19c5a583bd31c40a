"""Outcome figures in words (DESIGN.md §5): every figure with its period, its count, the
region's norm and average, and one B1 sentence; too few cases means no figure at all.

Colour is never the only signal: each figure says in words whether it meets the norm.
"""

from collections.abc import Callable
from dataclasses import dataclass

from indexer.listing import Figure, Listing
from portal.labels import in_page_language
from portal.localize import format_decimal, ngettext
from portal.localize import gettext as _
from portal.localize import lazy_gettext as _l

PERIOD_PARTS = {
    "H1": _l("eerste helft van %(year)s"),
    "H2": _l("tweede helft van %(year)s"),
    "Q1": _l("eerste kwartaal van %(year)s"),
    "Q2": _l("tweede kwartaal van %(year)s"),
    "Q3": _l("derde kwartaal van %(year)s"),
    "Q4": _l("vierde kwartaal van %(year)s"),
}
# What a figure says, in one sentence each; the value is filled in after translating.
SENTENCES = {
    "goal_attainment_pct": _l(
        "Bij %(value)s van de kinderen en jongeren die klaar zijn met de hulp, "
        "zijn de afgesproken doelen gehaald."
    ),
    "dropout_pct": _l(
        "Bij %(value)s van de kinderen en jongeren stopte de hulp eerder dan afgesproken, "
        "omdat de jongere of ouder dat wilde."
    ),
    "satisfaction_youth": _l("Jongeren gaven gemiddeld het cijfer %(value)s."),
    "satisfaction_parents": _l("Ouders gaven gemiddeld het cijfer %(value)s."),
}
LABELS = {
    "goal_attainment_pct": _l("Doelen bereikt"),
    "dropout_pct": _l("Vroeg gestopt"),
    "satisfaction_youth": _l("Tevredenheid jongeren"),
    "satisfaction_parents": _l("Tevredenheid ouders"),
}


@dataclass
class FigureView:
    name: str
    label: str
    value: str  # "" when withheld
    count: str
    norm: str
    average: str
    sentence: str
    verdict: str  # "meets", "misses" or ""


@dataclass
class IntensityOutcomeView:
    """One profile × intensity's figures: names as (text, lang attribute) for the page's
    language; profile None when the region published for the intensity over all profiles."""

    profile: tuple[str, str] | None
    intensity: tuple[str, str]
    period: str
    figures: list[FigureView]


def period_label(period: str | None) -> str:
    """ "2025-H1" → "eerste helft van 2025" in the reader's language; a year stays a year."""
    if not period:
        return ""
    year, _sep, part = period.partition("-")
    return str(PERIOD_PARTS[part]) % {"year": year} if part in PERIOD_PARTS else year


def _numbers(name: str) -> Callable[[float], str]:
    """How the numbers of figure `name` read ("64%", "7,5"); a percentage's pattern is
    translated once for the figure's value, norm and average."""
    if name.endswith("_pct"):
        percent = _("%(value)s%%")
        return lambda value: percent % {"value": format_decimal(value, "0.#")}
    return lambda value: format_decimal(value, "0.0")


def figure_view(figure: Figure) -> FigureView:
    name = figure.name
    count = figure.count or 0
    if name.startswith("satisfaction"):
        count_text = ngettext(
            "%(num)d jongere of ouder gaf een cijfer", "%(num)d mensen gaven een cijfer", count
        )
    else:
        count_text = ngettext(
            "%(num)d kind of jongere is klaar met de hulp",
            "%(num)d kinderen en jongeren zijn klaar met de hulp",
            count,
        )
    if not figure.enough:
        return FigureView(
            name,
            str(LABELS[name]),
            "",
            count_text,
            "",
            "",
            _(
                "Te weinig om iets te zeggen: te weinig kinderen en jongeren zijn klaar "
                "met de hulp, of te weinig mensen gaven een cijfer."
            ),
            "",
        )
    if figure.value is None:
        return FigureView(name, str(LABELS[name]), "", count_text, "", "", _("Niet gemeten."), "")
    number = _numbers(name)
    value = number(figure.value)
    norm = ""
    if figure.norm is not None:
        norm = (
            _("De regio wil hoogstens %(norm)s.", norm=number(figure.norm))
            if figure.norm_is_maximum
            else _("De regio wil minstens %(norm)s.", norm=number(figure.norm))
        )
    average = ""
    if figure.regional_average is not None:
        average = _("Gemiddeld in de regio: %(average)s.", average=number(figure.regional_average))
    verdict = "" if figure.meets_norm is None else ("meets" if figure.meets_norm else "misses")
    return FigureView(
        name,
        str(LABELS[name]),
        value,
        count_text,
        norm,
        average,
        str(SENTENCES[name]) % {"value": value},
        verdict,
    )


def intensity_outcomes(listing: Listing, locale: str) -> list[IntensityOutcomeView]:
    """The figures the region published per profile × intensity, worded as the
    provider-wide ones, each against the norm of its own intensity."""
    return [
        IntensityOutcomeView(
            in_page_language(group.profile.names, locale) if group.profile else None,
            in_page_language(group.intensity.names, locale),
            period_label(group.period),
            [figure_view(figure) for figure in group.figures],
        )
        for group in listing.intensity_figures
    ]
