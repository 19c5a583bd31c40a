"""When Meilisearch goes away while the portal runs, families get the calm 503 page within
the client timeout, never a hanging page; when it is back, the portal answers again without
a restart.

Live: the minimal dataset indexed on the server MEILI_URL names. The shared server may not
be stopped, so the portal reaches it through a loopback proxy (tests/utils/tcp_proxy.py)
that is cut (connection refused) or silenced (accepts, never answers).
"""

import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session

from indexer.search.documents import build_documents
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from portal import create_app
from tests.conftest import FIXTURES
from tests.portal.conftest import fixed_day
from tests.utils.html import get_page
from tests.utils.loading import TODAY
from tests.utils.meili import SKIP_REASON, live_engine, live_url
from tests.utils.tcp_proxy import TcpProxy

pytestmark = pytest.mark.skipif(not live_url(), reason=SKIP_REASON)

TIMEOUT_S = 2  # MEILI_TIMEOUT_S: how long the portal waits for an answer
MARGIN_S = 1  # rendering the page, the store, a slow test machine
RESULTS = "/zoeken?q=angst"
UNAVAILABLE = "Zoeken lukt even niet – Jeugdhulpgids"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The minimal dataset in a store (its URL) and in a live index of its own (its name)."""
    folder = tmp_path_factory.mktemp("outage")
    shutil.copytree(FIXTURES / "minimal", folder / "dataset")
    store = make_engine(f"sqlite:///{folder / 'store.db'}")
    migrate(store)
    with live_engine("outage") as engine, Session(store) as session:
        assert load_folder(folder / "dataset", session, today=TODAY).ok
        session.commit()
        engine.rebuild(build_documents(session, TODAY))
        yield str(store.url), engine.index
    store.dispose()


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    server = urlsplit(os.environ["MEILI_URL"])
    with TcpProxy(server.hostname or "127.0.0.1", server.port or 80) as running:
        yield running


@pytest.fixture
def client(indexed: tuple[str, str], proxy: TcpProxy, tmp_path: Path) -> FlaskClient:
    """The portal on Meilisearch through the proxy, with the search key it would have."""
    database_url, index = indexed
    app = create_app(
        {
            "database_url": database_url,
            "index_dir": tmp_path / "index",  # the writers' locks only
            "app_env": "test",
            "secret_key": "test-secret",
            "search_backend": "meilisearch",
            "meili_url": proxy.url,
            "meili_search_key": os.environ.get("MEILI_ADMIN_KEY"),
            "meili_index": index,
            "meili_timeout_s": TIMEOUT_S,
        }
    )
    return fixed_day(app).test_client()


def timed(client: FlaskClient, path: str):
    started = time.monotonic()
    page = get_page(client, path)
    return page, time.monotonic() - started


def assert_serves_results(client: FlaskClient) -> None:
    page = get_page(client, RESULTS)
    assert page.status == 200
    assert "Rustpunt Jeugd" in page.main.text


def test_a_server_gone_gives_the_unavailable_page_at_once_and_the_portal_recovers(
    client: FlaskClient, proxy: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    assert_serves_results(client)
    proxy.cut()

    with caplog.at_level(logging.ERROR):
        page, took = timed(client, RESULTS)
        api = client.get("/api/v1/search?q=angst")

    assert (page.status, page.title) == (503, UNAVAILABLE)
    assert took < MARGIN_S  # refused at once: nothing to wait for
    assert api.status_code == 503
    assert "bereikbaar" in api.get_json()["detail"]
    assert proxy.url not in api.get_data(as_text=True)
    assert f"cannot reach Meilisearch at {proxy.url}" in caplog.text  # for the operator

    proxy.restore()
    assert_serves_results(client)  # the same app: no restart


def test_a_server_that_does_not_answer_gives_the_unavailable_page_within_the_timeout(
    client: FlaskClient, proxy: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    assert_serves_results(client)
    proxy.silence()

    with caplog.at_level(logging.ERROR):
        page, took = timed(client, RESULTS)

    assert (page.status, page.title) == (503, UNAVAILABLE)
    assert TIMEOUT_S <= took < TIMEOUT_S + MARGIN_S
    assert f"did not answer within {TIMEOUT_S} s" in caplog.text

    proxy.restore()
    assert_serves_results(client)
