"""Benchmark: the portal's pages on the national dataset, in process and under load.

Builds the national dataset and store in a scratch folder (or keeps it in --store), then
per engine chosen with --engine (embedded, meilisearch or both, one after the other) builds
its index and measures twice, always beside the bare route /healthz in the same run:

1. In process (benchmarks/in_process.py): the app as gunicorn builds it, driven by Flask's
   test client, pages compressed as a browser asks for them, keeping nothing between
   requests (KEEP_DOCUMENTS=false). Prints the median and p95 ms of result pages (four URL
   shapes over about 40 postcodes), provider pages (the first hit of each) and the API's
   search. `--profile DIR` writes pyinstrument's call tree of each (DIR/<engine>/results.txt,
   provider.txt, api.txt). Then, for the embedded engine, what its kept documents (the
   default, a cache keyed on the index) add on top: result pages drawn as families ask
   (Zipf over URL shapes and 400 postcodes), from a cold start, without and with them.
2. Under load: gunicorn started as `make run` does with that engine configured
   (SEARCH_BACKEND, and for Meilisearch MEILI_URL, MEILI_SEARCH_KEY and MEILI_INDEX naming
   the index just built), driven by wrk (Debian package `wrk`) at 16 connections: requests/s
   and p50/p95 latency, and a result page's size on the wire (compressed) and unpacked;
   requests left without an answer for 2 s (wrk's limit) or failed are counted beside.
   Nothing kept first; for the embedded engine then again as deployed, documents kept.
   `--no-wrk` skips this part.

    .venv/bin/python benchmarks/portal.py [--seconds 10] [--rounds 5] [--store DIR]
        [--profile DIR] [--no-wrk] [--engine embedded|meilisearch|both]

Meilisearch needs MEILI_URL and MEILI_ADMIN_KEY (to build its `bench_<random>` indexes,
deleted at the end); the portal searches with MEILI_SEARCH_KEY, or with the admin key when
none is given, which the output then says.

Aims (issue 16, embedded engine): a result page at most 4 ms in process and a provider page
at most 3 ms; under wrk, result pages at least 10% of the bare route's throughput with p95
under 50 ms; a result page under 8 kB on the wire. docs/performance.md has the figures.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine  # noqa: E402
from sqlmodel import Session  # noqa: E402

from benchmarks.engines import (  # noqa: E402
    add_engine_option,
    chosen_engines,
    national_store,
    open_engine,
)
from benchmarks.in_process import (  # noqa: E402
    HEADERS,
    measure,
    result_paths,
    time_from_cold,
    zipf_paths,
)
from indexer.search import SearchEngine  # noqa: E402
from indexer.search.documents import build_documents  # noqa: E402
from indexer.search.meili import MeiliEngine  # noqa: E402
from indexer.search.vocabulary import load_vocabulary  # noqa: E402

TODAY = date.today()
ZIPF_REQUESTS = 3000
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%f %%d %%d %%d %%d\\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(95),
    e.timeout, e.connect + e.read + e.write + e.status))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def some_postcodes(folder: Path, count: int = 40) -> list[str]:
    """About `count` PC4s of the dataset, spread over the country, to search from."""
    lines = (folder / "postcodes.csv").read_text().splitlines()[1:]
    return [line.split(",")[0] for line in lines[:: max(1, len(lines) // count)]]


@dataclass(frozen=True)
class Load:
    """What wrk measured: requests/s, p50 and p95 latency (ms) of the requests answered,
    how many got no answer within wrk's 2 s, and how many failed otherwise (refused, cut
    off, or answered with an error status)."""

    rate: float
    p50: float
    p95: float
    timeouts: int
    errors: int

    def line(self, label: str) -> str:
        figures = (
            f"{label:<22}{self.rate:8.0f} req/s  p50 {self.p50:6.1f} ms  p95 {self.p95:6.1f} ms"
        )
        if self.timeouts or self.errors:
            figures += f"  ({self.timeouts:,} timed out, {self.errors:,} errors)"
        return figures


def run_wrk(base: str, paths: list[str], seconds: int, scratch: Path) -> Load:
    script = scratch / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    _, _count, rate, p50, p95, timeouts, errors = line.split()
    return Load(float(rate), int(p50) / 1000, int(p95) / 1000, int(timeouts), int(errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="how long wrk runs, each time")
    parser.add_argument("--rounds", type=int, default=5, help="in-process passes per URL")
    parser.add_argument("--profile", type=Path, help="write each page type's call tree here")
    parser.add_argument(
        "--store", type=Path, help="keep the national store in this folder and reuse it"
    )
    parser.add_argument("--no-wrk", action="store_true", help="in-process figures only")
    add_engine_option(parser)
    args = parser.parse_args()
    names = chosen_engines(args.engine)
    if not args.no_wrk and shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (or use --no-wrk)")
    vocabulary = load_vocabulary()
    with tempfile.TemporaryDirectory(prefix="jhg-portal-") as name:
        scratch = Path(name)
        store, folder = national_store(args.store or scratch, TODAY, reuse=bool(args.store))
        postcodes = some_postcodes(folder)
        for engine_name in names:
            with open_engine(engine_name, scratch / engine_name, vocabulary) as engine:
                with Session(store) as session:
                    engine.rebuild(build_documents(session, TODAY))
                print(heading(engine_name, engine))
                env = portal_environment(engine_name, engine, store, scratch / engine_name)
                # The headline keeps nothing between requests; the kept documents (a cache
                # keyed on the index) come on top, beside it, as issue 16 asks.
                plain = env | {"KEEP_DOCUMENTS": "false"}
                print("in process (Flask test client, compressed as served), nothing kept:")
                profile = args.profile / engine_name if args.profile else None
                for label, timing in measure(plain, postcodes, args.rounds, profile):
                    print("  " + timing.line(label))
                if engine_name == "embedded":
                    print(f"kept documents on top: {ZIPF_REQUESTS:,} result pages as families ask")
                    print("(Zipf over the URL shapes and 400 postcodes), each from a cold start:")
                    mix = zipf_paths(some_postcodes(folder, 400), ZIPF_REQUESTS)
                    for label, kept in (("nothing kept:", "false"), ("documents kept:", "true")):
                        timing = time_from_cold(env | {"KEEP_DOCUMENTS": kept}, mix)
                        print("  " + timing.line(label))
                if not args.no_wrk:
                    print("gunicorn under wrk, 16 connections, nothing kept:")
                    report(*serve_and_load(plain, postcodes, args.seconds, scratch))
                if not args.no_wrk and engine_name == "embedded":
                    print("gunicorn under wrk, 16 connections, documents kept (the default):")
                    report(*serve_and_load(env, postcodes, args.seconds, scratch))


def search_key() -> str:
    """The variable holding the portal's Meilisearch key: the search-only key if given."""
    return "MEILI_SEARCH_KEY" if os.environ.get("MEILI_SEARCH_KEY") else "MEILI_ADMIN_KEY"


def heading(engine_name: str, engine: SearchEngine) -> str:
    if not isinstance(engine, MeiliEngine):
        return f"{engine_name}:"
    if search_key() == "MEILI_SEARCH_KEY":
        how = "with MEILI_SEARCH_KEY"
    else:
        how = "with MEILI_ADMIN_KEY, as MEILI_SEARCH_KEY is not set (for a benchmark only)"
    where = f"index {engine.index} on {os.environ['MEILI_URL']}"
    return f"meilisearch ({where}; the portal searches {how}):"


def portal_environment(
    engine_name: str, engine: SearchEngine, store: Engine, folder: Path
) -> dict[str, str]:
    """The portal's settings (README, Configuration) to serve the store and search
    `engine`'s index; INDEX_DIR, `folder`, holds the embedded index or Meilisearch's locks."""
    env = os.environ | {
        "DATABASE_URL": str(store.url),
        "INDEX_DIR": str(folder),
        "SEARCH_BACKEND": engine_name,
        "APP_ENV": "test",
        "SECRET_KEY": "benchmark-only",
    }
    if not isinstance(engine, MeiliEngine):
        return env
    return env | {"MEILI_INDEX": engine.index, "MEILI_SEARCH_KEY": os.environ[search_key()]}


def serve_and_load(
    env: dict[str, str], postcodes: list[str], seconds: int, scratch: Path
) -> tuple[Load, Load, tuple[int, int]]:
    """gunicorn with `env`, driven by wrk: (bare route, result pages, result page bytes)."""
    port = free_port()
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
        results = result_paths(postcodes)
        size = result_page_size(base + results[0], env)
        bare = run_wrk(base, ["/healthz"], seconds, scratch)
        pages = run_wrk(base, results, seconds, scratch)
    finally:
        server.terminate()
        server.wait()
    return bare, pages, size


def result_page_size(url: str, env: dict[str, str]) -> tuple[int, int]:
    """Bytes of one result page on the wire as a browser asks for it (compressed), and as
    it is; stops with the likely cause when the portal cannot search (a search key limited
    to other indexes than the benchmark's own, say)."""
    try:
        wire = urllib.request.urlopen(urllib.request.Request(url, headers=HEADERS)).read()
        return len(wire), len(urllib.request.urlopen(url).read())
    except urllib.error.HTTPError as error:
        cause = ""
        if env["SEARCH_BACKEND"] == "meilisearch":
            cause = f"; may MEILI_SEARCH_KEY search index {env['MEILI_INDEX']}?"
        raise SystemExit(
            f"the portal answered HTTP {error.code} to a result page{cause}"
        ) from error


def report(bare: Load, pages: Load, size: tuple[int, int]) -> None:
    print("  " + bare.line("bare route /healthz:"))
    print("  " + pages.line("result pages+facets:"))
    print(
        f"  result page throughput: {pages.rate / bare.rate:.0%} of the bare route; one "
        f"result page is {size[0] / 1024:.1f} kB on the wire ({size[1] / 1024:.1f} kB unpacked)"
    )


if __name__ == "__main__":
    main()
