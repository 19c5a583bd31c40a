"""The search results as one dense table for referrers (DESIGN.md §11): per provider the
codes, roles and the tariffs for the help chosen, with column headers that sort.

Families get a list of cards; a referrer compares many providers at once, so the
professional view renders the same hits as a table. It adds to the family results page
what only the table needs, read with one tariff query for the whole page.
"""

from dataclasses import dataclass

from flask import url_for
from sqlmodel import Session

from indexer.search import SearchResult
from indexer.search.contract import Sort
from portal import labels
from portal.public.results_view import results_url
from portal.public.search_form import SearchForm
from portal.referrers.codes import OfferCodes, document_offers
from portal.referrers.prices import Price, prices, tariffs_by_provider
from portal.services import today

# Column headers of the results table that sort it, and the direction each sorts in.
SORTABLE = {
    Sort.NAME: "ascending",
    Sort.WAIT: "ascending",
    Sort.DISTANCE: "ascending",
    Sort.GOAL_ATTAINMENT: "descending",
}


@dataclass(frozen=True)
class SortLink:
    url: str
    aria_sort: str  # "ascending"/"descending" on the column the table is sorted on, else ""


@dataclass
class ResultRow:
    offers: list[OfferCodes]
    other_profiles: int  # contracted profiles left out because others were chosen
    roles: list[str]
    prices: list[Price]


@dataclass
class ResultTable:
    rows: dict[str, ResultRow]  # by hit id
    sorts: dict[str, SortLink]
    profiles_chosen: bool
    bandwidth_url: str


def result_table(
    form: SearchForm, result: SearchResult, *, session: Session, locale: str
) -> ResultTable:
    """Per hit: codes (the chosen profiles only, when chosen), roles and the tariffs for
    the chosen profile(s) × intensity(ies) with their place in the region's bandwidth; and
    the sort links of the column headers. One tariff query for the whole page."""
    query = result.query
    pairs = {(hit.document["region_id"], hit.document["provider_id"]) for hit in result.hits}
    tariffs, bands = tariffs_by_provider(session, pairs, today())
    rows = {}
    for hit in result.hits:
        document = hit.document
        offers = document_offers(document, locale)
        shown = [o for o in offers if o.profile.code in query.profiles] or offers
        chosen = [
            t
            for t in tariffs[(document["region_id"], document["provider_id"])]
            if t.profile_code in query.profiles
            and (not query.intensities or t.intensity_code in query.intensities)
        ]
        rows[hit.id] = ResultRow(
            shown,
            len(offers) - len(shown),
            [str(labels.ROLES.get(role, role)) for role in document["roles"]],
            prices(chosen, bands[document["region_id"]]),
        )
    sorts = {
        sort.value: SortLink(
            results_url(form.args, sortering=sort.value, pagina=None),
            direction if query.sort == sort else "",
        )
        for sort, direction in SORTABLE.items()
        if sort != Sort.DISTANCE or form.place
    }
    return ResultTable(
        rows,
        sorts,
        bool(query.profiles),
        url_for("pages.tariffs", regio=query.region_id or None),
    )
