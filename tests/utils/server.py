"""The real server for tests: gunicorn with the project's gunicorn.conf.py on a free port.

The browser tests and the serving tests use it, so both test the portal as `make run` and
any deployment serve it: threaded workers, private logs.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gunicorn.config import Config as GunicornConfig

from indexer.settings import Settings

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30


@dataclass
class LiveServer:
    url: str  # base URL, no trailing slash
    port: int
    log: Path  # gunicorn's output: its own log lines and Flask's error log
    settings: Settings  # the store and index it serves, for tests that also load files

    def errors_since(self, offset: int) -> str:
        """The log after byte `offset` if a request failed there (a traceback), else ""."""
        with self.log.open("rb") as log:
            log.seek(offset)
            new = log.read().decode(errors="replace")
        return new if "Traceback" in new else ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str, timeout: float = 2) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _command(port: int) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "--config", str(REPO / "gunicorn.conf.py")]
    command += ["--bind", f"127.0.0.1:{port}"]
    if "control_socket_disable" in GunicornConfig().settings:
        # gunicorn >= 25.1 opens a control socket in $HOME; a test server must not take the
        # one of a `make run` on the same machine.
        command.append("--no-control-socket")
    return command


@contextmanager
def serve(settings: Settings, folder: Path) -> Iterator[LiveServer]:
    """gunicorn serving the portal on `settings`' store and index until the block ends."""
    port = free_port()
    live = LiveServer(
        url=f"http://127.0.0.1:{port}", port=port, log=folder / "gunicorn.log", settings=settings
    )
    env = os.environ | {
        "DATABASE_URL": settings.database_url,
        "INDEX_DIR": str(settings.index_dir),
        "SEARCH_BACKEND": "embedded",
        "APP_ENV": "test",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "DEFAULT_LOCALE": "nl",
        # As `make run`: share links and the handout's QR code are whole links.
        "PUBLIC_URL": live.url,
    }
    with live.log.open("wb") as log:
        process = subprocess.Popen(
            _command(port), cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not answers(live.url + "/healthz"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"gunicorn did not answer on {live.url} (exit code {process.poll()}):\n"
                    + live.log.read_text(errors="replace")
                )
            time.sleep(0.2)
        yield live
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
