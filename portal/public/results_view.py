"""What the results page shows, prepared in Python so templates stay free of logic.

Facets become checkbox groups with labels in the reader's language and counts; hits become
plain values and snippet segments; filters become "remove" links; pages become links.
"""

from dataclasses import dataclass, field

from flask import url_for
from sqlmodel import Session
from werkzeug.datastructures import MultiDict

from indexer import schemes
from indexer.search import SearchResult
from portal import labels
from portal.localize import gettext as _
from portal.public.search_form import SearchForm

# Facet of the search contract → URL parameter of the form.
PARAMETERS = {
    "profiles": "profiel",
    "intensities": "intensiteit",
    "care_forms": "zorgvorm",
    "languages": "taal",
}


@dataclass
class Option:
    value: str
    label: str
    count: int
    checked: bool
    lang: str = ""  # set when the label fell back to Dutch


@dataclass
class Facet:
    name: str
    legend: str
    options: list[Option] = field(default_factory=list)


def results_url(args: MultiDict, **changes) -> str:
    """The results URL with `changes` applied (None removes a parameter)."""
    merged = MultiDict(args)
    for key, value in changes.items():
        merged.poplist(key)
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            merged.add(key, item)
    return url_for("search.results", **merged.to_dict(flat=False))


def facets(form: SearchForm, result: SearchResult, *, session: Session, locale: str) -> list[Facet]:
    region_id = result.query.region_id
    names = {}
    if region_id:  # profile codes only mean something within one region's scheme
        for facet, scheme in zip(
            ("profiles", "intensities"), schemes.names(region_id, session=session), strict=True
        ):
            names[facet] = {
                code: labels.in_page_language(texts, locale) for code, texts in scheme.items()
            }
    names["care_forms"] = {code: (str(label), "") for code, label in labels.CARE_FORMS.items()}
    legends = {
        "profiles": _("Soort hulp"),
        "intensities": _("Hoeveel hulp"),
        "care_forms": _("Vorm van hulp"),
        "languages": _("Gesproken talen"),
    }
    shown = []
    for name, parameter in PARAMETERS.items():
        counts = result.facets.get(name, {})
        if name != "languages" and name not in names:
            continue
        chosen = set(form.chosen(parameter))
        facet = Facet(parameter, legends[name])
        order = list(names[name]) if name in names else _by_name(counts)
        for code in order:
            if counts.get(code) or code in chosen:
                spoken = (labels.language_name(code, capital=True), "")
                label, lang = names[name][code] if name in names else spoken
                facet.options.append(Option(code, label, counts.get(code, 0), code in chosen, lang))
        if facet.options:
            shown.append(facet)
    return shown


def _by_name(languages) -> list[str]:
    """Language codes in the reader's alphabetical order of their names."""
    key = labels.collation_key()
    return sorted(languages, key=lambda code: key(labels.language_name(code)))


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
