"""Help now, first: a search that says someone is in acute danger opens with the crisis lines.

A parent who types that their child wants to die, hurts themselves or is being hurt must not
get only a list of providers with weeks of waiting. The results page and its JSON twin put
the national lines first, in the reader's language: 113 Zelfmoordpreventie for suicide and
self-harm, Veilig Thuis for abuse and violence at home, 112 when there is danger right now,
and the region's own crisis service where the region has configured one (regions.csv).

Which signs a search carries is decided by indexer.search.danger. Nothing about the search
or about who saw the lines is logged or stored: the words are read for this one answer.
"""

import re
from dataclasses import asdict, dataclass

from sqlmodel import Session

from indexer.models import Region
from indexer.search.danger import danger_signals
from portal.localize import gettext as _
from portal.public.search_form import SearchForm

SUICIDE_SIGNS = {"suicide", "self_harm"}
ABUSE_SIGNS = {"abuse", "domestic_violence"}


@dataclass(frozen=True)
class Phone:
    number: str  # as people read and dial it: "0800-0113"
    tel: str  # the tel: link a phone opens
    note: str = ""  # "gratis"


@dataclass(frozen=True)
class Line:
    id: str  # "113", "veilig_thuis", "112", "region"
    name: str
    text: str
    phones: tuple[Phone, ...]
    hours: str = ""
    chat_url: str = ""
    chat_text: str = ""
    name_lang: str = ""  # "nl" for a Dutch name (the organisation's own, or the region's)


@dataclass(frozen=True)
class HelpNow:
    signals: tuple[str, ...]  # indexer.search.danger.CONCEPTS
    title: str
    intro: str
    call: str  # the word before a number on a call link
    hours_label: str
    lines: tuple[Line, ...]

    def as_json(self) -> dict:
        return asdict(self)


def for_search(form: SearchForm, *, session: Session) -> HelpNow | None:
    """The lines for what was typed, with the crisis service of the family's region (from
    the postcode, else the chosen region); None for an ordinary search."""
    signals = danger_signals(form.text)
    if not signals:
        return None
    region_id = form.place.region_id if form.place else form.args.get("regio")
    region = session.get(Region, region_id) if region_id else None
    return help_now(signals, region)


def help_now(signals: tuple[str, ...], region: Region | None) -> HelpNow:
    lines = []
    if SUICIDE_SIGNS & set(signals):
        lines.append(
            Line(
                "113",
                "113 Zelfmoordpreventie",
                _(
                    "Denkt u of uw kind aan zelfmoord? Of doet iemand zichzelf pijn? "
                    "Praat erover met 113. Dat kan dag en nacht."
                ),
                (_phone("113"), _phone("0800-0113", _("gratis"))),
                chat_url="https://www.113.nl",
                chat_text=_("Liever chatten? Dat kan op 113.nl."),
                name_lang="nl",
            )
        )
    if ABUSE_SIGNS & set(signals):
        lines.append(
            Line(
                "veilig_thuis",
                "Veilig Thuis",
                _(
                    "Wordt u of uw kind geslagen, misbruikt of bedreigd? Of is het thuis niet "
                    "veilig? Bel Veilig Thuis, dag en nacht. Ook als u twijfelt."
                ),
                (_phone("0800-2000", _("gratis")),),
                name_lang="nl",
            )
        )
    lines.append(
        Line("112", _("Alarmnummer 112"), _("Is er nu direct gevaar? Bel 112."), (_phone("112"),))
    )
    if region is not None and region.crisis_phone:
        lines.append(
            Line(
                "region",
                region.crisis_name,
                _("De crisisdienst voor jeugd in uw regio %(region)s.", region=region.name),
                (_phone(region.crisis_phone),),
                hours=region.crisis_hours,
                name_lang="nl",
            )
        )
    return HelpNow(
        signals=signals,
        title=_("Hulp nu nodig?"),
        intro=_("U hoeft niet te wachten. Hier kunt u nu meteen met iemand praten."),
        call=_("Bel"),
        hours_label=_("Bereikbaar:"),
        lines=tuple(lines),
    )


def _phone(number: str, note: str = "") -> Phone:
    """Digits (and a leading +) only in the link, as every phone dials them."""
    return Phone(number, "tel:" + re.sub(r"[^\d+]", "", number), note)
