"""Benchmark: the search engines on the national dataset, side by side.

For each engine chosen with --engine (embedded, meilisearch or both, one after the other on
one store) it prints, as one column of a table:
- the full build: documents built from the store and indexed into a fresh index, which is
  then swapped in (Meilisearch: `<index>_<timestamp>`, timed until its swap is done);
- the first search after the build (the first query's words in this process are read
  before, once for both engines: that loads the lemma dictionaries, about a second);
- the time until an updated provider (replace_provider) is found by search;
- the time from a provider's published edit (a wait time, through the one write path:
  store, audit, re-index) until search shows the new wait (its region's providers by name,
  on the page that lists it);
- query latency p50/p95 over the same 1,000 mixed queries with all facets, from this
  process: the client code the portal runs (for Meilisearch over HTTP, with relaxing steps).

    .venv/bin/python benchmarks/search.py [--engine embedded|meilisearch|both]

Meilisearch needs MEILI_URL and MEILI_ADMIN_KEY; its indexes are named `bench_<random>` and
deleted at the end. Aims, for each engine: build under 20 s, update visible within 1 s, a
published edit found within 1 s, query p95 under 10 ms.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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
from indexer.edits import IndexSync, submit_edit, wait_field  # noqa: E402
from indexer.search import SearchEngine, SearchQuery, Sort  # noqa: E402
from indexer.search.contract import MAX_PAGE_SIZE  # noqa: E402
from indexer.search.documents import build_documents  # noqa: E402
from indexer.search.indexing import store_reader  # noqa: E402
from indexer.search.locks import IndexLocks  # noqa: E402
from indexer.search.query_words import term_groups  # noqa: E402
from indexer.search.vocabulary import load_vocabulary  # noqa: E402

TODAY = date(2026, 11, 22)
WORDS = [
    "angst",
    "angts",
    "somberheid",
    "autisme",
    "autisem",
    "adhd",
    "trauma",
    "emdr",
    "hechting",
    "eetstoornis",
    "verslaving",
    "gamen",
    "lvb",
    "opvoeden",
    "scheiding",
    "schoolweigering",
    "zelfbeschadiging",
    "psychose",
    "dagbehandeling",
    "pleegzorg",
    "crisis",
    "verblijf",
    "bang",
    "anxiety",
    "kaygı",
    "قلق",
    "lęk",
    "тривога",
    "",
]
# (label, format) per row of the table, in the order printed.
ROWS = [
    ("documents", "{:,.0f}"),
    ("full build and swap (s)", "{:.1f}"),
    ("  documents from the store (s)", "{:.1f}"),
    ("  indexing and swap (s)", "{:.1f}"),
    ("  documents per second", "{:,.0f}"),
    ("first search after the build (ms)", "{:.0f}"),
    ("updated provider found (ms)", "{:.0f}"),
    ("published edits (wait times)", "{:.0f}"),
    ("  found by search, p50 (ms)", "{:.0f}"),
    ("  found by search, max (ms)", "{:.0f}"),
    ("1,000 mixed queries, p50 (ms)", "{:.1f}"),
    ("1,000 mixed queries, p95 (ms)", "{:.1f}"),
    ("1,000 mixed queries, max (ms)", "{:.1f}"),
]


def mixed_queries(documents: list[dict]) -> list[SearchQuery]:
    """The same 1,000 queries for every engine: seeded, from documents in id order."""
    rng = random.Random(7)
    documents = sorted(documents, key=lambda d: d["id"])
    regions = sorted({d["region_id"] for d in documents})
    origins = [(d["_geo"]["lat"], d["_geo"]["lng"]) for d in documents[::97] if d["_geo"]]
    queries = []
    for _ in range(1000):
        origin = rng.choice(origins) if rng.random() < 0.5 else None
        sort = rng.choice([Sort.RELEVANCE, Sort.NAME, Sort.GOAL_ATTAINMENT, Sort.WAIT])
        queries.append(
            SearchQuery(
                text=rng.choice(WORDS),
                region_id=rng.choice(regions) if rng.random() < 0.9 else None,
                origin=origin,
                sort=Sort.DISTANCE if origin and rng.random() < 0.3 else sort,
                care_forms=("ambulant",) if rng.random() < 0.2 else (),
                age=rng.choice([None, 6, 14, 19]),
                page=rng.choice([1, 1, 1, 2]),
            )
        )
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_engine_option(parser)
    names = chosen_engines(parser.parse_args().engine)
    vocabulary = load_vocabulary()
    # Both engines read the words in this process; the first time also loads the lemma
    # dictionaries, once per process (so once per portal worker).
    words = timed(term_groups, "angst", vocabulary, "nl") / 1000
    figures = {}
    with tempfile.TemporaryDirectory(prefix="jhg-search-") as name:
        scratch = Path(name)
        store, _ = national_store(scratch, TODAY)
        for run, engine_name in enumerate(names):
            print(f"measuring {engine_name} ...", file=sys.stderr, flush=True)
            with open_engine(engine_name, scratch / engine_name, vocabulary) as engine:
                figures[engine_name] = measure(engine, store, scratch / engine_name, run)
    print(f"reading the words of the first query in this process: {words:.1f} s (once)")
    print_table(figures)


def measure(engine: SearchEngine, store: Engine, locks: Path, run: int) -> list[float]:
    """The figures of one engine, in the order of ROWS. `run` makes each engine's edits
    new values, as the engines share one store."""
    start = time.perf_counter()
    with Session(store) as session:
        documents = list(build_documents(session, TODAY))
    built = time.perf_counter() - start
    indexed = engine.rebuild(documents)
    total = time.perf_counter() - start
    first = timed(engine.search, SearchQuery(text="angst"), TODAY)
    visible = timed(replace_and_find, engine, documents[0])
    edits = published_edits(store, engine, documents[1::400], locks, 40 + 20 * run)
    queries = [timed(engine.search, query, TODAY) for query in mixed_queries(documents)]
    cuts = statistics.quantiles(queries, n=100)
    return [
        indexed,
        total,
        built,
        total - built,
        indexed / total,
        first,
        visible,
        len(edits),
        statistics.median(edits),
        max(edits),
        cuts[49],
        cuts[94],
        max(queries),
    ]


def timed(action: Callable[..., object], *args) -> float:
    """Milliseconds `action(*args)` takes."""
    start = time.perf_counter()
    action(*args)
    return (time.perf_counter() - start) * 1000


def replace_and_find(engine: SearchEngine, document: dict) -> None:
    """Re-index one provider under a new name, then search for that name."""
    changed = dict(document, name="Zonnewijzer Benchmarkpraktijk")
    engine.replace_provider(changed["provider_id"], [changed])
    hits = engine.search(SearchQuery(text="zonnewijzer"), TODAY).hits
    assert hits and hits[0].document["name"] == changed["name"]


def published_edits(
    store: Engine, engine: SearchEngine, documents: list[dict], locks: Path, weeks_from: int
) -> list[float]:
    """Milliseconds from a provider's wait-time edit to search showing the new wait."""
    sync = IndexSync(engine, IndexLocks(locks), store_reader(store, TODAY))
    timings = []
    for number, document in enumerate(documents):
        page = listing_page(engine, document)
        timings.append(timed(publish_and_find, store, sync, document, page, weeks_from + number))
    return timings


def listing_page(engine: SearchEngine, document: dict) -> SearchQuery:
    """The page of its region's providers by name that shows `document`. Found by position,
    not by searching its name: the benchmark measures freshness, whatever the ranking."""
    page = 1
    while True:
        query = SearchQuery(
            region_id=document["region_id"], sort=Sort.NAME, page=page, page_size=MAX_PAGE_SIZE
        )
        hits = engine.search(query, TODAY).hits
        if any(hit.id == document["id"] for hit in hits):
            return query
        assert hits, f"{document['id']} is not among its region's providers"
        page += 1


def publish_and_find(
    store: Engine, sync: IndexSync, document: dict, page: SearchQuery, weeks: int
) -> None:
    """Publish a new wait through the one write path, then search the page showing it."""
    with Session(store) as session:
        submit_edit(
            document["provider_id"],
            "waits",
            {wait_field(document["region_id"]): str(weeks)},
            actor="benchmark",
            session=session,
            sync=sync,
            today=TODAY,
        )
    hits = [h for h in sync.engine.search(page, TODAY).hits if h.id == document["id"]]
    assert hits and hits[0].document["wait_weeks"] == weeks, document["id"]


def print_table(figures: dict[str, list[float]]) -> None:
    width = max(len(label) for label, _ in ROWS)
    print(f"{'national dataset':<{width}}" + "".join(f"  {name:>12}" for name in figures))
    for row, (label, form) in enumerate(ROWS):
        cells = "".join(f"  {form.format(values[row]):>12}" for values in figures.values())
        print(f"{label:<{width}}{cells}")


if __name__ == "__main__":
    main()
