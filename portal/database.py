"""One engine per app and one session per request, closed when the request ends."""

from flask import Flask, current_app, g
from sqlmodel import Session

from indexer.store import make_engine


def init_app(app: Flask, database_url: str) -> None:
    app.extensions["engine"] = make_engine(database_url)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    if "db_session" not in g:
        g.db_session = Session(current_app.extensions["engine"])
    return g.db_session


def _close_session(_error: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
