"""The portal as it is served: gunicorn with the project's gunicorn.conf.py.

Idle clients cannot starve the workers, and the logs hold neither what a family typed nor
a line that a visitor forged.
"""

import logging
import socket
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from indexer.search import open_search_engine
from indexer.search.documents import build_documents
from indexer.settings import Settings
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from portal.logs import PrivateFormatter
from tests.conftest import FIXTURES
from tests.utils.loading import TODAY
from tests.utils.server import LiveServer, serve


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("serving")
    settings = Settings(database_url=f"sqlite:///{folder / 'store.db'}", index_dir=folder / "ix")
    store = make_engine(settings.database_url)
    migrate(store)
    with Session(store) as session:
        assert load_folder(FIXTURES / "minimal", session, today=TODAY).ok
        session.commit()
        open_search_engine(settings, writer=True).rebuild(build_documents(session, TODAY))
    store.dispose()
    with serve(settings, folder) as live:
        yield live


def get(server: LiveServer, path: str, timeout: float = 5) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(server.url + path, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def log_after(server: LiveServer, offset: int) -> str:
    time.sleep(0.3)  # the access line is written after the response
    return server.log.read_bytes()[offset:].decode(errors="replace")


def test_twenty_idle_connections_do_not_keep_the_portal_from_answering(
    server: LiveServer,
) -> None:
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(20)]
    try:
        time.sleep(0.5)  # every worker has accepted some of them
        started = time.monotonic()
        assert get(server, "/healthz", timeout=10) == 200
        took = time.monotonic() - started
        assert took < 1.0, f"/healthz took {took:.2f} s with 20 idle connections"
    finally:
        for connection in idle:
            connection.close()


def test_the_access_log_holds_no_search_words_postcode_or_client_address(
    server: LiveServer,
) -> None:
    offset = server.log.stat().st_size
    assert get(server, "/zoeken?q=mijn+kind+is+bang&postcode=1011AB") in (200, 400)
    logged = log_after(server, offset)
    assert '"GET /zoeken"' in logged
    assert "bang" not in logged
    assert "1011" not in logged
    assert "127.0.0.1" not in logged


def test_a_newline_in_the_path_cannot_forge_a_log_line(server: LiveServer) -> None:
    offset = server.log.stat().st_size
    assert get(server, "/x%0A127.0.0.1%20-%20-%20forged%0D%0Aline") == 404
    lines = log_after(server, offset).splitlines()
    assert not any(line.startswith(("127.0.0.1", "forged", "line")) for line in lines)
    assert any("/x\\x0a127.0.0.1 - - forged\\x0d\\x0aline" in line for line in lines)


def test_a_malformed_request_logs_neither_its_query_nor_the_client(server: LiveServer) -> None:
    offset = server.log.stat().st_size
    with socket.create_connection(("127.0.0.1", server.port)) as connection:
        connection.sendall(b"GET /zoeken?q=geheimwoord HTTP/1.1 extra\r\nHost: x\r\n\r\n")
        assert connection.recv(1024).startswith(b"HTTP/1.1 400")
    logged = log_after(server, offset)
    assert "geheimwoord" not in logged
    assert "127.0.0.1" not in logged


def test_a_logged_exception_keeps_its_frames_and_type_but_not_its_message() -> None:
    typed = "²geheim"
    try:
        try:
            int(typed)
        except ValueError as error:
            raise RuntimeError(f"could not read {typed}") from error
    except RuntimeError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("portal", logging.ERROR, __file__, 1, "Exception", (), exc_info)
    text = PrivateFormatter("%(message)s").format(record)
    assert text.count("Traceback (most recent call last):") == 2
    assert "ValueError" in text
    assert "RuntimeError" in text
    assert "geheim" not in text
