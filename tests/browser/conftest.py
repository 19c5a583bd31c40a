"""Real-browser tests: the production server (gunicorn) on the demo data, driven by the
machine's Debian Chromium through Playwright.

The store and the embedded search index are built once per session in a temporary folder;
gunicorn serves `portal:create_app()` on a free loopback port exactly as `make run` does.
Without Chromium or axe-core (`npm ci`) the tests skip locally and fail under CI=true.
"""

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)
from sqlmodel import Session

from indexer.cli import main
from indexer.search import open_search_engine
from indexer.search.documents import build_documents
from indexer.settings import Settings
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from tests.browser.axe import AXE_JS, REPO
from tests.conftest import require
from tests.utils.server import LiveServer, serve

DEMO = REPO / "data" / "demo"
CHROMIUM = Path("/usr/bin/chromium")
# Headless Debian Chromium as this machine runs it (see the env notes): no sandbox as root,
# and nothing that phones home, since only the package registries are reachable.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _build_store_and_index(folder: Path, today: date) -> Settings:
    settings = Settings(
        database_url=f"sqlite:///{folder / 'store.db'}",
        index_dir=folder / "index",
        search_backend="embedded",
    )
    engine = make_engine(settings.database_url)
    migrate(engine)
    with Session(engine) as session:
        result = load_folder(DEMO, session, today=today)
        assert result.ok, "\n".join(str(problem) for problem in result.problems)
        session.commit()
        open_search_engine(settings, writer=True).rebuild(build_documents(session, today))
    engine.dispose()
    demo = CliRunner().invoke(
        main,
        ["--database-url", settings.database_url, "accounts", "demo"],
        env={"APP_ENV": "development"},
    )
    assert demo.exit_code == 0, demo.output
    return settings


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """gunicorn serving `portal:create_app()` on the demo data, as `make run` does."""
    folder = tmp_path_factory.mktemp("browser")
    # The server filters contracts by the real date, so the data is loaded for today too.
    settings = _build_store_and_index(folder, date.today())
    with serve(settings, folder) as live:
        yield live


@pytest.fixture(scope="session")
def live_server(server: LiveServer) -> str:
    """The base URL (no trailing slash) of the test server."""
    return server.url


@pytest.fixture(autouse=True)
def _no_server_errors(server: LiveServer) -> Iterator[None]:
    """A request that raised in the server fails the test that made it, with the traceback,
    even when the browser only saw a 500 (or, from the favicon probe, nothing at all)."""
    offset = server.log.stat().st_size
    yield
    time.sleep(0.05)  # let a worker finish writing what the last request logged
    errors = server.errors_since(offset)
    if errors:
        pytest.fail(f"the server logged an error during this test:\n{errors}", pytrace=False)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    found = shutil.which("chromium")
    require(
        CHROMIUM.exists() or found is not None,
        "Debian Chromium not installed (apt-get install chromium)",
    )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM if CHROMIUM.exists() else found),
        args=CHROMIUM_ARGS,
    )
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def require_axe() -> None:
    require(AXE_JS.exists(), f"{AXE_JS.relative_to(REPO)} missing (run `npm ci` or `make test`)")


@dataclass
class PageLog:
    """What a page did: every request it made, its console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")


@pytest.fixture
def new_context(browser: Browser, live_server: str) -> Iterator[Callable[..., BrowserContext]]:
    """Make a fresh browser profile (no cookies) whose relative URLs go to the test server,
    in Dutch unless `locale=` says otherwise; closed after the test. Keyword arguments go to
    `Browser.new_context` (e.g. `java_script_enabled=False`)."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(**({"base_url": live_server, "locale": "nl-NL"} | options))
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def page(context: BrowserContext, page_log: PageLog) -> Page:
    page = context.new_page()
    page.on("request", lambda request: page_log.requests.append(request.url))
    page.on("console", page_log.on_console)
    page.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
    return page
