"""Downloads for referrers (DESIGN.md §11): the current results and a shortlist as CSV or
XLSX, one row per provider per region, with the codes contracted, the wait for the chosen
profiles, tariffs, contact, addresses and outcome figures.

Both downloads build their rows from search documents with one row builder, so a provider's
shortlist row reads exactly like its results row. Only the header row is in the reader's
language; values are plain: codes, numbers, ISO dates, the region's own unit words.

Formula injection (OWASP "CSV injection"): names, phones and addresses are typed by
providers and regions, and a cell beginning with = + - @ (or a tab or carriage return) would
run as a formula when the file is opened. In the CSV such a cell gets a leading apostrophe;
in the XLSX it is a string cell with Excel's quote prefix, so it shows the text unchanged and
stays text even after the cell is edited.

CSV dialect: UTF-8 with a byte-order mark and `;` between cells, what Excel with Dutch
settings opens correctly on a double click; numbers use the reader's decimal mark. Other
spreadsheets ask for the separator on import; the XLSX needs no such choice.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from flask import Response, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlmodel import Session
from werkzeug.datastructures import MultiDict

from indexer.search import SearchQuery
from indexer.search.contract import MAX_PAGE_SIZE
from indexer.search.documents import build_documents
from indexer.search.outcomes import NO_FIGURES
from indexer.tariffs import applied_tariffs
from portal import labels
from portal.public.professional import document_offers, money
from portal.public.waits_view import document_wait
from portal.security import public_url_for
from portal.services import search_engine, today

CAP = 500  # providers in one download of results; the page says so next to the links
PAGE_SIZE = MAX_PAGE_SIZE  # the most one search returns: the fewest searches per download
FORMATS = {
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _l("Download als Excel (.xlsx)"),
    ),
    "csv": ("text/csv", _l("Download als CSV")),
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADERS = {
    "name": _l("Aanbieder"),
    "region": _l("Regio"),
    "offers": _l("Profiel/intensiteit (codes)"),
    "profiles": _l("Profielen en intensiteiten"),
    "segments": _l("Segment"),
    "roles": _l("Rol"),
    "main_contractors": _l("Werkt onder hoofdaannemer"),
    "wait": _l("Welke wachttijd"),
    "wait_weeks": _l("Wachttijd in weken"),
    "wait_confirmed": _l("Wachttijd nagekeken op"),
    "wait_stale": _l("Wachttijd mogelijk verouderd"),
    "tariffs": _l("Tarieven"),
    "phone": _l("Telefoon"),
    "email": _l("E-mail"),
    "website": _l("Website"),
    "addresses": _l("Adressen"),
    "link": _l("Pagina in de gids"),
    "outcome_period": _l("Resultaten over periode"),
    "closed_trajectories": _l("Afgesloten trajecten"),
    "goal_attainment_pct": _l("Doelen bereikt (%)"),
    "dropout_pct": _l("Vroeg gestopt (%)"),
    "satisfaction_youth": _l("Tevredenheid jongeren"),
    "satisfaction_youth_n": _l("Aantal jongeren dat antwoordde"),
    "satisfaction_parents": _l("Tevredenheid ouders"),
    "satisfaction_parents_n": _l("Aantal ouders dat antwoordde"),
    "distance_km": _l("Afstand in km"),
}
# Outcome fields as the search document publishes them: figures below the region's minimum
# count are None there already (indexer/search/outcomes.py).
FIGURES = tuple(name for name in NO_FIGURES if name != "has_outcomes")


@dataclass(frozen=True)
class Table:
    """Header row, one row per provider, and a note when the download was cut at CAP."""

    headers: list[str]
    rows: list[list]
    note: str = ""


def requested_format(args: MultiDict) -> tuple[str, str]:
    """(format, error): ("", "") for the page itself, an error naming the allowed values."""
    value = args.get("formaat", "")
    if not value or value in FORMATS:
        return value, ""
    return "", _("Dit formaat kennen we niet. Kies csv of xlsx.")


def download_links(endpoint: str, args: MultiDict, **changes: list[str]) -> list[tuple[str, str]]:
    """(label, URL) per format: the page's own URL with `formaat`, without `pagina`,
    because a download holds every page."""
    kept = MultiDict(args)
    for name in ("pagina", "formaat", *changes):
        kept.poplist(name)
    wanted = kept.to_dict(flat=False) | changes
    return [
        (str(label), url_for(endpoint, **wanted, formaat=name))
        for name, (_mimetype, label) in FORMATS.items()
    ]


def results_download(
    query: SearchQuery, file_format: str, *, session: Session, locale: str
) -> Response:
    """Every page of the results in the query's order, up to CAP providers."""
    entries: list[tuple[dict, float | None]] = []
    page, total = 1, 0
    while len(entries) < CAP:
        wider = replace(query, page=page, page_size=PAGE_SIZE, facets=())
        result = search_engine().search(wider, today())
        total = result.total
        entries += [(hit.document, hit.distance_km) for hit in result.hits]
        if not result.hits or page >= result.pages:
            break
        page += 1
    entries = entries[:CAP]
    note = ""
    if total > len(entries):
        note = _(
            "Alleen de eerste %(shown)d van %(total)d aanbieders staan in dit bestand. "
            "Kies meer filters voor een kortere lijst.",
            shown=len(entries),
            total=total,
        )
    table = _table(
        entries, query.profiles, query.intensities, query.origin is not None, session, locale
    )
    name = f"jeugdhulpgids-{_slug(query.region_id)}-{today().isoformat()}"
    return _response(replace(table, note=note), file_format, name)


def shortlist_download(
    ids: list[str], args: MultiDict, file_format: str, *, session: Session, locale: str
) -> Response:
    """The shortlisted providers in the list's order, with the profiles and intensities
    chosen in its URL (when it carries them)."""
    providers = {document_id.partition("__")[2] for document_id in ids}
    found = {
        document["id"]: document
        for document in build_documents(session, today(), provider_ids=providers)
        if document["id"] in ids
    }
    entries = [(found[i], None) for i in ids if i in found]
    profiles, intensities = tuple(args.getlist("profiel")), tuple(args.getlist("intensiteit"))
    table = _table(entries, profiles, intensities, False, session, locale)
    regions = {document["region_id"] for document, _distance in entries}
    region = regions.pop() if len(regions) == 1 else None
    name = f"jeugdhulpgids-bewaarlijst-{_slug(region)}-{today().isoformat()}"
    return _response(table, file_format, name)


def _table(entries, profiles, intensities, with_distance, session, locale) -> Table:
    """The one row builder; tariffs of every row come from one query."""
    tariffs = defaultdict(list)
    if entries:
        for tariff in applied_tariffs(
            session,
            today(),
            region_ids={document["region_id"] for document, _km in entries},
            provider_ids={document["provider_id"] for document, _km in entries},
        ):
            tariffs[(tariff.region_id, tariff.provider_id)].append(tariff)
    keys = [key for key in HEADERS if with_distance or key != "distance_km"]
    rows = []
    for document, km in entries:
        paid = tariffs[(document["region_id"], document["provider_id"])]
        values = _values(document, profiles, intensities, paid, locale) | {"distance_km": km}
        rows.append([values[key] for key in keys])
    return Table([str(HEADERS[key]) for key in keys], rows)


def _values(document: dict, profiles, intensities, tariffs, locale: str) -> dict:
    wait = document_wait(document, profiles, locale, today())
    known = wait.weeks is not None
    chosen = sorted(
        (
            t
            for t in tariffs
            if (not profiles or t.profile_code in profiles)
            and (not intensities or t.intensity_code in intensities)
        ),
        key=lambda t: (t.profile_code, t.intensity_code, t.segment),
    )
    both = len({t.segment for t in chosen}) > 1  # the segment says which price is which
    return {
        "name": document["name"],
        "region": document["region_name"],
        "offers": "; ".join(document["offers"]),
        "profiles": "; ".join(
            f"{_code_name(offer.profile)}: {', '.join(map(_code_name, offer.intensities))}"
            for offer in document_offers(document, locale)
        ),
        "segments": "; ".join(document["segments"]),
        "roles": "; ".join(str(labels.ROLES.get(role, role)) for role in document["roles"]),
        "main_contractors": "; ".join(m["name"] for m in document.get("main_contractors", [])),
        "wait": wait.label if known else wait.duration,
        "wait_weeks": wait.weeks,
        "wait_confirmed": wait.confirmed_on,
        "wait_stale": (_("ja") if wait.stale else _("nee")) if known else None,
        "tariffs": "; ".join(
            f"{t.profile_code}/{t.intensity_code}{f' ({t.segment})' if both else ''}: "
            f"{money(t.cents)} {labels.UNITS.get(t.unit, t.unit)}"
            for t in chosen
        ),
        "phone": document["phone"],
        "email": document["email"],
        "website": document["website"],
        "addresses": "; ".join(_address(location) for location in document["locations"]),
        "link": public_url_for(
            "providers.detail", provider_id=document["provider_id"], regio=document["region_id"]
        ),
    } | {name: document.get(name) for name in FIGURES}


def _code_name(named) -> str:
    return f"{named.code} {named.name}".strip()


def _address(location: dict) -> str:
    street = " ".join(str(location[k]) for k in ("street", "house_number") if location[k])
    town = " ".join(location[k] for k in ("postcode", "city") if location[k])
    place = ", ".join(part for part in (street, town) if part)
    return f"{location['name']}: {place}" if location["name"] else place


def _slug(region_id: str | None) -> str:
    """A region id made safe for a file name (the `regio` parameter is free text)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (region_id or "").lower()).strip("-")[:40]
    return slug or "alle-regios"


def _response(table: Table, file_format: str, name: str) -> Response:
    content = _xlsx(table) if file_format == "xlsx" else _csv(table)
    response = Response(content, mimetype=FORMATS[file_format][0])
    response.headers.set("Content-Disposition", "attachment", filename=f"{name}.{file_format}")
    return response


def _neutral(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_neutral(header) for header in table.headers])
    writer.writerows([_neutral(_text(value)) for value in row] for row in table.rows)
    if table.note:
        writer.writerow([_neutral(table.note)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format_decimal(value, "0.###")
    return str(value)


def _xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Aanbieders")[:31]
    for column, header in enumerate(table.headers, start=1):
        _put(sheet, 1, column, header).font = Font(bold=True)
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_number, column, value)
    if table.note:
        _put(sheet, len(table.rows) + 2, 1, table.note).font = Font(italic=True)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.headers))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    for column, header in enumerate(table.headers, start=1):
        longest = max([len(header)] + [len(_text(row[column - 1])) for row in table.rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(longest, 60) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet, row: int, column: int, value):
    """Numbers and dates as such; text always as a string cell, never a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)  # characters XML cannot hold
        cell.value = text
        cell.data_type = "s"
        cell.quotePrefix = text.startswith(FORMULA_START)
    else:
        cell.value = value
    return cell
