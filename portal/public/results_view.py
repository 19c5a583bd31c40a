"""What the results page shows, prepared in Python so templates stay free of logic.

Facets become checkbox groups with labels in the reader's language and counts; hits become
plain values and snippet segments; filters become "remove" links; pages become links.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlmodel import Session
from werkzeug.datastructures import MultiDict

from indexer import schemes
from indexer.search import Hit, SearchResult, Segment
from portal import labels, links
from portal.localize import format_decimal, format_number
from portal.localize import gettext as _
from portal.public.search_form import SearchForm
from portal.public.waits_view import WaitView

# Facet of the search contract → URL parameter of the form.
PARAMETERS = {
    "profiles": "profiel",
    "intensities": "intensiteit",
    "care_forms": "zorgvorm",
    "languages": "taal",
}
# The facets the page shows: its filter groups, the wait filter's bands and the count
# beside "only with published results". Segments and age groups are the API's alone;
# counting them for the page cost a fifth of the facet pass.
SHOWN_FACETS = (*PARAMETERS, "wait_band", "has_outcomes")


class Option(NamedTuple):
    """A choice; a tuple, so a template can unpack it instead of looking up each field."""

    value: str
    label: str
    count: int
    checked: bool
    lang: str = ""  # set when the label fell back to Dutch
    # A filter's checkbox: the count as the page's language writes it, and its field's id
    # ("profiel-3": the group's name and the option's number in it), made here for less
    # than a template's filter call, loop counter and three more pieces of output per
    # option (a results page has about 44).
    count_text: str = ""
    field_id: str = ""


@dataclass
class Facet:
    name: str
    legend: str
    options: list[Option] = field(default_factory=list)


class Card(NamedTuple):
    """A hit as its card shows it, every text in the reader's language and ready to print."""

    id: str  # the value of its compare checkbox
    url: str
    name: str
    snippet: list[Segment]
    snippet_lang: str  # set when the description is not in the page's language (Dutch)
    distance: str  # "" without a postcode or place
    wait: WaitView
    goal: str  # "" without published figures
    region: str
    choose: str  # the label of its compare checkbox
    choose_id: str  # "kies-1", "kies-2" ... on the page: its checkbox's id (no loop counter)


def cards(
    form: SearchForm, result: SearchResult, waits: dict[str, WaitView], locale: str
) -> list[Card]:
    link = links.ProviderLink("providers.detail", "provider_id", "regio", postcode=form.postcode)
    place = form.place_in_words.name if form.town_only else None
    return [
        _card(hit, number, link, waits[hit.id], place, locale)
        for number, hit in enumerate(result.hits, 1)
    ]


def _card(
    hit: Hit, number: int, link: links.ProviderLink, wait: WaitView, place: str | None, locale: str
) -> Card:
    doc = hit.document
    km, pct = hit.distance_km, doc["goal_attainment_pct"]
    distance = ""
    if km is not None and place:
        distance = _("%(km)s km van %(place)s", km=format_decimal(km), place=place)
    elif km is not None:
        distance = _("%(km)s km van uw postcode", km=format_decimal(km))
    return Card(
        id=doc["id"],
        url=link(doc["provider_id"], doc["region_id"]),
        name=doc["name"],
        snippet=hit.snippet,
        # Provider text not written in the reader's language is Dutch, and marked so.
        snippet_lang="" if locale == "nl" or doc[f"description_{locale}"] else "nl",
        distance=distance,
        wait=wait,
        goal="" if pct is None else _("Doelen bereikt: %(pct)s%%", pct=format_decimal(pct)),
        region=doc["region_name"],
        choose=_("Kies %(name)s", name=doc["name"]),
        choose_id=f"kies-{number}",
    )


def results_url(args: MultiDict, **changes) -> str:
    """The results URL with `changes` applied (None removes a parameter). A changed
    parameter moves to the end, as in url_for of the changed MultiDict."""
    query = [(key, value) for key, values in args.lists() if key not in changes for value in values]
    for key, value in changes.items():
        if value is not None:
            query += [(key, item) for item in (value if isinstance(value, list) else [value])]
    return links.query_url("search.results", query)


def facets(form: SearchForm, result: SearchResult, *, session: Session, locale: str) -> list[Facet]:
    region_id = result.query.region_id
    names = {}  # facet → {code: (label, lang)}, in the order shown
    if region_id:  # profile codes only mean something within one region's scheme
        for facet, scheme in zip(
            ("profiles", "intensities"), schemes.names(region_id, session=session), strict=True
        ):
            names[facet] = {
                code: labels.in_page_language(texts, locale) for code, texts in scheme.items()
            }
    names["care_forms"] = {code: (str(label), "") for code, label in labels.CARE_FORMS.items()}
    names["languages"] = labels.language_choices(result.facets.get("languages", {}), locale)
    legends = {
        "profiles": _("Soort hulp"),
        "intensities": _("Hoeveel hulp"),
        "care_forms": _("Vorm van hulp"),
        "languages": _("Gesproken talen"),
    }
    shown = []
    for name, parameter in PARAMETERS.items():
        if name not in names:
            continue
        counts = result.facets.get(name, {})
        chosen = set(form.chosen(parameter))
        options: list[Option] = []
        for code, (label, lang) in names[name].items():
            count, checked = counts.get(code, 0), code in chosen
            if count or checked:
                text, field_id = format_number(count), f"{parameter}-{len(options) + 1}"
                options.append(Option(code, label, count, checked, lang, text, field_id))
        if options:
            shown.append(Facet(parameter, legends[name], options))
    return shown


def wait_options(form: SearchForm, counts: dict[int, int]) -> list[Option]:
    """Maximum-wait choices with how many providers each would show."""
    return [
        Option(
            str(limit), str(label), counts.get(limit, 0), form.args.get("wachttijd") == str(limit)
        )
        for limit, label in labels.WAIT_LIMITS.items()
    ]


def active_filters(form: SearchForm, all_facets: list[Facet]) -> list[tuple[str, str]]:
    """(label, URL without that filter) for every chosen filter, to undo one at a time."""
    links = []
    for facet in all_facets:
        for option in facet.options:
            if option.checked:
                rest = [v for v in form.chosen(facet.name) if v != option.value]
                links.append(
                    (option.label, results_url(form.args, **{facet.name: rest, "pagina": None}))
                )
    for parameter, label in (
        ("leeftijd", _("Leeftijd %(age)s", age=form.args.get("leeftijd", ""))),
        ("wachttijd", _("Wachttijd")),
        ("resultaten", _("Met resultaten")),
    ):
        if form.args.get(parameter):
            links.append((label, results_url(form.args, **{parameter: None, "pagina": None})))
    return links


def pages(form: SearchForm, result: SearchResult) -> list[tuple[int, str, bool]]:
    """Page links around the current page: first, last and two either side."""
    current, last = result.query.page, result.pages
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    return [(n, results_url(form.args, pagina=str(n)), n == current) for n in numbers]
