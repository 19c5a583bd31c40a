"""The portal's pages timed inside the process (Flask's test client), for benchmarks/portal.py.

Under wrk, a page's cost hides among the server's own (sockets, threads, gunicorn's
parsing); here it is the app's work alone: routing, the search, SQL, the template and
compression. Each page type is a mix of URLs, every URL requested once to warm up, then
`rounds` times; the median and p95 of all those requests are printed beside /healthz's,
measured in the same run, so a busy machine shows in both.

`--profile DIR` also writes pyinstrument's call tree of each page type to DIR
(results.txt, provider.txt, api.txt): where a page's milliseconds go. pyinstrument samples,
so the proportions are those of the page as served; cProfile's cost per call had doubled
the share of Python-heavy parts (templates, SQLAlchemy) against tantivy's.
"""

import os
import random
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

# Result pages: the four URL shapes wrk rotates through (benchmarks/portal.py), per postcode.
RESULT_PATHS = [
    "/zoeken?q=angst&postcode={pc4}",
    "/zoeken?q=autisme&postcode={pc4}&sortering=distance",
    "/zoeken?postcode={pc4}&zorgvorm=ambulant",
    "/zoeken?q=somberheid&postcode={pc4}&sortering=wait",
]
# The API's search, the same questions in its own names.
API_PATHS = [
    "/api/v1/search?q=angst&postcode={pc4}",
    "/api/v1/search?q=autisme&postcode={pc4}&sort=distance",
    "/api/v1/search?postcode={pc4}&care_form=ambulant",
    "/api/v1/search?q=somberheid&postcode={pc4}&sort=wait",
]
# Browsers ask for compressed pages; the timing includes compressing them, as served.
# Safari's list: brotli, the dearer of the two the portal prefers (zstd goes to Chrome
# and Firefox, which offer it).
HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "nl"}
PROVIDER_LINK = re.compile(r'href="(/aanbieders/[^"]+)"')


@dataclass(frozen=True)
class Timing:
    """Milliseconds per request of one page type, over all its URLs and rounds."""

    median: float
    p95: float
    requests: int
    mean: float

    @classmethod
    def of(cls, spent: list[float]) -> "Timing":
        spent = sorted(spent)
        return cls(
            statistics.median(spent),
            spent[int(len(spent) * 0.95)],
            len(spent),
            statistics.mean(spent),
        )

    def line(self, label: str) -> str:
        return (
            f"{label:<22}{self.median:7.2f} ms median  {self.p95:7.2f} ms p95"
            f"  {self.mean:7.2f} ms mean  ({self.requests:,} requests)"
        )


def result_paths(postcodes: list[str]) -> list[str]:
    return [p.format(pc4=pc4) for pc4 in postcodes for p in RESULT_PATHS]


def api_paths(postcodes: list[str]) -> list[str]:
    return [p.format(pc4=pc4) for pc4 in postcodes for p in API_PATHS]


def provider_paths(client: FlaskClient, results: list[str]) -> list[str]:
    """The provider pages a family reaches from the result pages: each page's first link."""
    paths = []
    for path in results:
        page = client.get(path).get_data(as_text=True)
        link = PROVIDER_LINK.search(page)
        if link:
            paths.append(link.group(1).replace("&amp;", "&"))
    return paths


def time_pages(client: FlaskClient, paths: list[str], rounds: int) -> Timing:
    for path in paths:  # warm up: first reads of templates, dictionaries, the OS cache
        _get(client, path)
    return Timing.of([_timed(client, path) for _ in range(rounds) for path in paths])


def zipf_paths(postcodes: list[str], count: int, seed: int = 16) -> list[str]:
    """`count` result pages drawn as families ask: the URL shapes over `postcodes` in a
    random order of popularity, the k-th most popular asked 1/k as often (Zipf, s = 1)."""
    chosen = random.Random(seed)
    paths = result_paths(postcodes)
    chosen.shuffle(paths)
    return chosen.choices(paths, weights=[1 / rank for rank in range(1, len(paths) + 1)], k=count)


def time_from_cold(env: dict[str, str], paths: list[str]) -> Timing:
    """`paths` once each, in their order, from an app just built: what the engine keeps
    (KEEP_DOCUMENTS) starts empty, as after an index change. The search form first,
    outside the figures, reads the templates in without reading a document."""
    client = portal_app(env).test_client()
    _get(client, "/zoeken")
    return Timing.of([_timed(client, path) for path in paths])


def _timed(client: FlaskClient, path: str) -> float:
    start = time.perf_counter()
    _get(client, path)
    return (time.perf_counter() - start) * 1000


def profile_pages(client: FlaskClient, paths: list[str], rounds: int, out: Path) -> None:
    """pyinstrument's call tree over `rounds` passes of `paths`, as text in `out`."""
    from pyinstrument import Profiler  # a development dependency, for --profile only

    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(rounds):
            for path in paths:
                _get(client, path)
    tree = profiler.output_text(unicode=False, color=False, show_all=False)
    out.write_text(f"{rounds} x {len(paths)} requests: {paths[0]} ...\n{tree}")


def _get(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers=HEADERS)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    response.close()


def portal_app(env: dict[str, str]) -> Flask:
    """The portal as gunicorn would build it from `env` (its settings), in this process.
    The API's rate limit is raised, not switched off (its counting is part of the cost): a
    benchmark is one client asking far more than 120 a minute."""
    from portal import create_app

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        app = create_app()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    app.config["API_RATE_LIMIT"] = "1000000/minute"
    return app


def measure(env: dict[str, str], postcodes: list[str], rounds: int, profile: Path | None):
    """In-process timings: (label, Timing) for the bare route and each page type."""
    client = portal_app(env).test_client()
    results = result_paths(postcodes)
    providers = provider_paths(client, results)
    pages = {"results": results, "provider": providers, "api": api_paths(postcodes)}
    timings = [
        ("bare route /healthz:", time_pages(client, ["/healthz"] * 40, rounds)),
        ("result pages+facets:", time_pages(client, pages["results"], rounds)),
        ("provider pages:", time_pages(client, pages["provider"], rounds)),
        ("API search:", time_pages(client, pages["api"], rounds)),
    ]
    if profile:
        profile.mkdir(parents=True, exist_ok=True)
        for name, paths in pages.items():
            profile_pages(client, paths, rounds, profile / f"{name}.txt")
    return timings
