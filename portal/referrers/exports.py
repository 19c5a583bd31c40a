"""Downloads for referrers (DESIGN.md §11): the current results and a shortlist as CSV or
XLSX, one row per provider per region, with the codes contracted, the wait for the chosen
profiles, tariffs, contact, addresses and outcome figures.

Both downloads build their rows from search documents with one row builder, so a provider's
shortlist row reads exactly like its results row. Only the header row is in the reader's
language; values are plain: codes, numbers, ISO dates, the region's own unit words.

The files themselves, with formula cells neutralised and the CSV dialect Excel opens, are
written by portal/referrers/spreadsheets.py.
"""

import re
from collections import defaultdict
from dataclasses import replace

from flask import Response
from sqlmodel import Session
from werkzeug.datastructures import MultiDict

from indexer.search import SearchQuery
from indexer.search.contract import MAX_PAGE_SIZE
from indexer.search.documents import build_documents
from indexer.search.outcomes import NO_FIGURES
from indexer.tariffs import applied_tariffs
from portal import labels, links
from portal.localize import gettext as _
from portal.localize import lazy_gettext as _l
from portal.public.waits_view import document_wait
from portal.referrers.codes import document_offers
from portal.referrers.prices import money
from portal.referrers.spreadsheets import Table, csv_bytes, xlsx_bytes
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


def requested_format(args: MultiDict) -> tuple[str, str]:
    """(format, error): ("", "") for the page itself, an error naming the allowed values."""
    value = args.get("formaat", "")
    if not value or value in FORMATS:
        return value, ""
    return "", _("Dit formaat kennen we niet. Kies csv of xlsx.")


def download_links(endpoint: str, args: MultiDict, **changes: list[str]) -> list[tuple[str, str]]:
    """(label, URL) per format: the page's own URL with `formaat`, without `pagina`,
    because a download holds every page."""
    dropped = {"pagina", "formaat", *changes}
    query = [(key, value) for key, value in args.items(multi=True) if key not in dropped]
    query += [(key, item) for key, values in changes.items() for item in values]
    return [
        (str(label), links.query_url(endpoint, [*query, ("formaat", name)]))
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
    content = xlsx_bytes(table) if file_format == "xlsx" else csv_bytes(table)
    response = Response(content, mimetype=FORMATS[file_format][0])
    response.headers.set("Content-Disposition", "attachment", filename=f"{name}.{file_format}")
    return response
