"""Explainers and statements: what kinds of help there are, how much help, what the outcome
figures mean (DESIGN.md §5), and the accessibility (§7) and privacy (§8) statements.

Research on the Amsterdam site found parent pages unread because of jargon, so the texts
live in the templates as B1 Dutch gettext source strings. Each region names its own profiles
and intensities; those come from the store in the reader's language, and a passage that
falls back to Dutch carries `lang="nl"` so screen readers pronounce it as Dutch.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from babel import Locale
from babel.numbers import format_decimal, format_percent
from flask import Blueprint, render_template, request, url_for
from sqlmodel import Session
from werkzeug.routing import BuildError

from indexer import schemes
from indexer.models import Region
from portal.database import get_session
from portal.i18n import LOCALES
from portal.labels import in_page_language
from portal.localize import get_locale
from portal.referrers.codes import BandwidthRow, bandwidth_rows

blueprint = Blueprint("pages", __name__)

# The date both statements were written or last checked; change it with their text.
STATEMENT_DATE = date(2026, 11, 22)
ACCESSIBILITY_EMAIL = "toegankelijkheid@jeugdhulpgids.example"
PRIVACY_EMAIL = "privacy@jeugdhulpgids.example"
# With more regions than this, an explainer without ?regio= shows the chooser and a list
# of regions instead of every scheme at once (a national dataset has dozens).
ALL_REGIONS_LIMIT = 6


@dataclass(frozen=True)
class Text:
    """A passage of region data; `lang`/`dir` are set only where they differ from the page."""

    value: str
    lang: str = ""
    dir: str = ""


@dataclass(frozen=True)
class Item:
    """A profile or intensity as the explainers show it."""

    code: str
    name: Text
    description: Text
    search_url: str = ""


@dataclass(frozen=True)
class NormRow:
    """One intensity's norms, formatted for the reader's locale; "" where none is set."""

    intensity: Text
    goal_attainment_min: str
    dropout_max: str
    satisfaction_min: str


@dataclass
class Section:
    region: Region
    items: list[Item] = field(default_factory=list)
    norms: list[NormRow] = field(default_factory=list)
    bandwidths: list[BandwidthRow] = field(default_factory=list)


@blueprint.get("/uitleg/profielen")
def profiles() -> tuple[str, int]:
    return _explainer("public/pages/profiles.html", _profile_section)


@blueprint.get("/uitleg/intensiteiten")
def intensities() -> tuple[str, int]:
    return _explainer("public/pages/intensities.html", _intensity_section)


@blueprint.get("/uitleg/resultaten")
def outcomes() -> tuple[str, int]:
    return _explainer("public/pages/outcomes.html", _norm_section)


@blueprint.get("/voor-verwijzers/tarieven")
def tariffs() -> tuple[str, int]:
    """Cost bandwidths for referrers (DESIGN.md §11): tariffs are public in the Netherlands."""
    return _explainer("public/pages/bandwidths.html", _bandwidth_section)


@blueprint.get("/toegankelijkheid")
def accessibility() -> str:
    return render_template(
        "public/pages/accessibility.html", statement_date=STATEMENT_DATE, email=ACCESSIBILITY_EMAIL
    )


@blueprint.get("/privacy")
def privacy() -> str:
    return render_template(
        "public/pages/privacy.html", statement_date=STATEMENT_DATE, email=PRIVACY_EMAIL
    )


def _explainer(template: str, build: Callable[[Region, Session], Section]) -> tuple[str, int]:
    """One region (?regio=), or all of them while there are few; 404 for an unknown one."""
    session = get_session()
    regions = schemes.regions(session=session)
    asked = request.args.get("regio", "")
    chosen = next((region for region in regions if region.id == asked), None)
    if chosen:
        shown = [chosen]
    elif len(regions) <= ALL_REGIONS_LIMIT:
        shown = regions
    else:
        shown = []
    lang_args = _lang_args()
    context = {
        "regions": regions,
        "chosen": chosen.id if chosen else "",
        "unknown_region": bool(asked) and not chosen,
        "sections": [build(region, session) for region in shown],
        "region_links": []
        if shown
        else [(r, url_for(request.endpoint, regio=r.id, **lang_args)) for r in regions],
        "lang_args": lang_args,
        # The explainers link to each other for the same region.
        "nav_args": {**lang_args, "regio": chosen.id} if chosen else lang_args,
    }
    return render_template(template, **context), 404 if context["unknown_region"] else 200


def _profile_section(region: Region, session: Session) -> Section:
    items = [
        Item(p.code, _text(p.names), _text(p.descriptions), _search_url(region.id, p.code))
        for p in schemes.profiles(region.id, session=session)
    ]
    return Section(region, items=items)


def _intensity_section(region: Region, session: Session) -> Section:
    items = [
        Item(i.code, _text(i.names), _text(i.descriptions))
        for i in schemes.intensities(region.id, session=session)
    ]
    return Section(region, items=items)


def _norm_section(region: Region, session: Session) -> Section:
    norms = {norm.intensity_code: norm for norm in schemes.norms(region.id, session=session)}
    rows = []
    for intensity in schemes.intensities(region.id, session=session):
        norm = norms.get(intensity.code)
        rows.append(
            NormRow(
                _text(intensity.names),
                _percent(norm.goal_attainment_min_pct if norm else None),
                _percent(norm.dropout_max_pct if norm else None),
                _mark(norm.satisfaction_min if norm else None),
            )
        )
    return Section(region, norms=rows)


def _bandwidth_section(region: Region, session: Session) -> Section:
    rows = bandwidth_rows(region.id, session=session, locale=str(get_locale()))
    return Section(region, bandwidths=rows)


def _text(texts: dict[str, str]) -> Text:
    page = get_locale()
    value, lang = in_page_language(texts, str(page))
    if not lang:
        return Text(value)
    direction = Locale.parse(lang).text_direction
    return Text(
        value, lang.replace("_", "-"), direction if direction != page.text_direction else ""
    )


def _search_url(region_id: str, profile_code: str) -> str:
    """The results page for one profile; a plain path while the search blueprint is absent."""
    params = {"regio": region_id, "profiel": profile_code, **_lang_args()}
    try:
        return url_for("search.results", **params)
    except BuildError:
        return f"{request.script_root}/zoeken?{urlencode(params)}"


def _lang_args() -> dict[str, str]:
    """Keep an explicit ?lang= on the links and forms of these pages."""
    lang = request.args.get("lang", "")
    return {"lang": lang} if lang in LOCALES else {}


def _percent(value: float | None) -> str:
    if value is None:
        return ""
    exact = Decimal(str(round(value, 1))) / 100
    return format_percent(exact, locale=get_locale(), decimal_quantization=False)


def _mark(value: float | None) -> str:
    """A 1–10 mark the Dutch way, always with one decimal: 7,0."""
    if value is None:
        return ""
    return format_decimal(Decimal(str(round(value, 1))), format="0.0", locale=get_locale())
