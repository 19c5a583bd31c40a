"""Benchmark: the portal on the national dataset behind the production server, under load.

Builds the national dataset, store and embedded index in a scratch folder, starts gunicorn
as `make run` does, and drives it with wrk (Debian package `wrk`) at 16 concurrent
connections: a bare route (/healthz) and result pages with facets, in the same run.
Prints requests/s, p50/p95 latency and the transferred size of a result page.

    .venv/bin/python benchmarks/portal.py [--seconds 10]

Aims (issue 4): result pages at least 25% of the bare route's throughput; p95 under 50 ms
at 16 concurrent clients; a result page under 100 kB.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from indexer.generate import generate_national  # noqa: E402
from indexer.search.documents import build_documents  # noqa: E402
from indexer.search.embedded import EmbeddedEngine  # noqa: E402
from indexer.sources import load_folder  # noqa: E402
from indexer.store import make_engine, migrate, session_scope  # noqa: E402

TODAY = date.today()
# wrk rotates through these paths; {pc4} is filled with postcodes from the dataset.
RESULT_PATHS = [
    "/zoeken?q=angst&postcode={pc4}",
    "/zoeken?q=autisme&postcode={pc4}&sortering=distance",
    "/zoeken?postcode={pc4}&zorgvorm=ambulant",
    "/zoeken?q=somberheid&postcode={pc4}&sortering=wait",
]
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%f %%d %%d\\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95)))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(scratch: Path) -> list[str]:
    """National store and index; returns some PC4s to search from."""
    folder = scratch / "national"
    generate_national(folder, today=TODAY)
    store = make_engine(f"sqlite:///{scratch}/national.db")
    migrate(store)
    with session_scope(store) as session:
        assert load_folder(folder, session, today=TODAY).ok
    with Session(store) as session:
        EmbeddedEngine(scratch / "index").rebuild(build_documents(session, TODAY))
    lines = (folder / "postcodes.csv").read_text().splitlines()[1:]
    return [line.split(",")[0] for line in lines[:: max(1, len(lines) // 40)]]


def run_wrk(base: str, paths: list[str], seconds: int, scratch: Path) -> tuple[float, float, float]:
    script = scratch / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    _, _count, rate, p50, p95 = line.split()
    return float(rate), int(p50) / 1000, int(p95) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="jhg-portal-") as name:
        scratch = Path(name)
        postcodes = prepare(scratch)
        port = free_port()
        env = os.environ | {
            "DATABASE_URL": f"sqlite:///{scratch}/national.db",
            "INDEX_DIR": str(scratch / "index"),
            "APP_ENV": "test",
            "SECRET_KEY": "benchmark-only",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            results = [p.format(pc4=pc4) for pc4 in postcodes for p in RESULT_PATHS]
            size = len(urllib.request.urlopen(base + results[0]).read())
            bare = run_wrk(base, ["/healthz"], args.seconds, scratch)
            pages = run_wrk(base, results, args.seconds, scratch)
        finally:
            server.terminate()
            server.wait()
    print(
        f"bare route /healthz:  {bare[0]:8.0f} req/s  p50 {bare[1]:6.1f} ms  p95 {bare[2]:6.1f} ms"
    )
    print(
        f"result pages+facets:  {pages[0]:8.0f} req/s  "
        f"p50 {pages[1]:6.1f} ms  p95 {pages[2]:6.1f} ms"
    )
    print(
        f"result page throughput: {pages[0] / bare[0]:.0%} of the bare route; "
        f"one result page is {size / 1024:.1f} kB"
    )


if __name__ == "__main__":
    main()
