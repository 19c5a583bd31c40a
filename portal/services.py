"""The app's shared services: the search engine, "today" (for contract validity) and the
regions' counts."""

from datetime import date
from time import monotonic

from flask import Flask, current_app

from indexer import catalog
from indexer.catalog import RegionSummary
from indexer.edits import writes
from indexer.edits.writes import IndexSync
from indexer.search import SearchEngine, open_search_engine
from indexer.settings import Settings
from portal.database import get_session


def init_app(app: Flask, settings: Settings) -> None:
    # The portal never writes to the index: with Meilisearch it holds the search-only key.
    app.extensions["search"] = open_search_engine(settings)


def search_engine() -> SearchEngine:
    return current_app.extensions["search"]


def index_sync() -> IndexSync:
    """What a write needs to bring the index in step: the engine with its writer key (the
    portal's own engine holds only the search key), the writers' locks, the store."""
    settings = current_app.config["SETTINGS"]
    return writes.index_sync(settings, current_app.extensions["engine"], today())


def today() -> date:
    """The day contracts, wait freshness and confirmations are judged on: the real date,
    unless the app was given a fixed `TODAY` (tests, so they do not age with the calendar)."""
    return current_app.config.get("TODAY") or date.today()


# How long a worker shows the regions' counts it made (seconds). Counting the providers
# with a contract valid today reads every contract: 65,000 rows and 20 ms for the national
# dataset, on every home page. A load shows in the counts within this time.
SUMMARIES_KEPT_S = 60


def region_summaries() -> list[RegionSummary]:
    """`indexer.catalog.region_summaries` for today, made at most once a minute per worker."""
    day, now = today(), monotonic()
    kept = current_app.extensions.get("region_summaries")
    if kept is None or kept[0] != day or now >= kept[1]:
        summaries = catalog.region_summaries(session=get_session(), today=day)
        kept = current_app.extensions["region_summaries"] = (day, now + SUMMARIES_KEPT_S, summaries)
    return kept[2]
