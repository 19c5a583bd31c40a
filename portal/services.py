"""The app's shared services: the search engine and "today" (for contract validity)."""

from datetime import date

from flask import Flask, current_app

from indexer.edits import writes
from indexer.edits.writes import IndexSync
from indexer.search import SearchEngine, open_search_engine
from indexer.settings import Settings


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
