"""Benchmark: the embedded search engine on the national dataset.

Prints the full build rate (documents per second, documents built from the store and
indexed), the time until an updated provider is found, the time from a provider's
published edit (a wait time, through the one write path: store, audit, index) until
search finds it, and query latency p50/p95 over 1,000 mixed queries with all facets,
in process.

    .venv/bin/python benchmarks/search.py

Aims: build under 20 s, update visible within 1 s, a published edit found within 1 s,
query p95 under 10 ms.
"""

import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from indexer.edits import IndexSync, submit_edit, wait_field  # noqa: E402
from indexer.generate import generate_national  # noqa: E402
from indexer.search import SearchQuery, Sort  # noqa: E402
from indexer.search.documents import build_documents  # noqa: E402
from indexer.search.embedded import EmbeddedEngine  # noqa: E402
from indexer.search.indexing import store_reader  # noqa: E402
from indexer.search.locks import IndexLocks  # noqa: E402
from indexer.sources import load_folder  # noqa: E402
from indexer.store import make_engine, migrate, session_scope  # noqa: E402

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


def mixed_queries(rng: random.Random, regions: list[str], origins: list) -> list[SearchQuery]:
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
    with tempfile.TemporaryDirectory(prefix="jhg-search-") as scratch:
        folder = Path(scratch) / "national"
        generate_national(folder, today=TODAY)
        store = make_engine(f"sqlite:///{scratch}/national.db")
        migrate(store)
        with session_scope(store) as session:
            assert load_folder(folder, session, today=TODAY).ok
        engine = EmbeddedEngine(Path(scratch) / "index")

        start = time.perf_counter()
        with Session(store) as session:
            documents = list(build_documents(session, TODAY))
        built = time.perf_counter() - start
        count = engine.rebuild(documents)
        total = time.perf_counter() - start
        print(
            f"build: {count:,} documents in {total:.1f} s ({count / total:,.0f} docs/s; "
            f"documents from the store {built:.1f} s, indexing {total - built:.1f} s)"
        )

        changed = dict(documents[0], name="Zonnewijzer Benchmarkpraktijk")
        start = time.perf_counter()
        engine.replace_provider(changed["provider_id"], [changed])
        hits = engine.search(SearchQuery(text="zonnewijzer"), TODAY).hits
        visible = time.perf_counter() - start
        assert hits and hits[0].document["name"] == changed["name"]
        print(f"update: one provider re-indexed and found in {visible * 1000:.0f} ms")

        edits = published_edits(store, engine, documents[1::400], Path(scratch) / "index")
        print(
            f"edits: {len(edits)} wait times published and found by search: "
            f"p50 {statistics.median(edits):.0f} ms, max {max(edits):.0f} ms"
        )

        regions = sorted({d["region_id"] for d in documents})
        origins = [(d["_geo"]["lat"], d["_geo"]["lng"]) for d in documents[::97] if d["_geo"]]
        queries = mixed_queries(random.Random(7), regions, origins)
        timings = []
        for query in queries:
            start = time.perf_counter()
            engine.search(query, TODAY)
            timings.append((time.perf_counter() - start) * 1000)
        cuts = statistics.quantiles(timings, n=100)
        print(
            f"queries: {len(timings)} mixed with all facets: p50 {cuts[49]:.1f} ms, "
            f"p95 {cuts[94]:.1f} ms, max {max(timings):.1f} ms"
        )


def published_edits(store, engine, documents: list[dict], folder: Path) -> list[float]:
    """Milliseconds from a provider's wait-time edit to search showing the new wait."""
    sync = IndexSync(engine, IndexLocks(folder), store_reader(store, TODAY))
    timings = []
    for number, document in enumerate(documents):
        weeks = 40 + number % 10
        field = wait_field(document["region_id"])
        start = time.perf_counter()
        with Session(store) as session:
            submit_edit(
                document["provider_id"],
                "waits",
                {field: str(weeks)},
                actor="benchmark",
                session=session,
                sync=sync,
                today=TODAY,
            )
        query = SearchQuery(text=document["name"], region_id=document["region_id"])
        hits = [h for h in engine.search(query, TODAY).hits if h.id == document["id"]]
        timings.append((time.perf_counter() - start) * 1000)
        assert hits and hits[0].document["wait_weeks"] == weeks, document["id"]
    return timings


if __name__ == "__main__":
    main()
