"""The app's shared services: the search engine and "today" (for contract validity)."""

from datetime import date

from flask import Flask, current_app

from indexer.search import SearchEngine, open_search_engine
from indexer.settings import Settings


def init_app(app: Flask, settings: Settings) -> None:
    # The portal never writes to the index: with Meilisearch it holds the search-only key.
    app.extensions["search"] = open_search_engine(settings)


def search_engine() -> SearchEngine:
    return current_app.extensions["search"]


def today() -> date:
    return date.today()
