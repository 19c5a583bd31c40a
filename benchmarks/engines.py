"""What the search and portal benchmarks share: the national store, and the engines that
`--engine embedded|meilisearch|both` names.

Both benchmarks run the chosen engines one after the other on one store, so their figures
compare like with like. A Meilisearch run gets indexes of its own (`bench_<random>`, with
their build and meta indexes), deleted when it ends, also after a failure; other indexes on
the server are never touched.
"""

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from indexer.generate import generate_national
from indexer.search import SearchEngine
from indexer.search.embedded import EmbeddedEngine
from indexer.search.vocabulary import Vocabulary
from indexer.sources import load_folder
from indexer.store import make_engine, migrate, session_scope
from tests.utils.meili import live_engine

ENGINES = ("embedded", "meilisearch")
MEILI_NEEDS = ("MEILI_URL", "MEILI_ADMIN_KEY")


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=[*ENGINES, "both"],
        default="embedded",
        help="the search engine to measure; meilisearch and both need " + " and ".join(MEILI_NEEDS),
    )


def chosen_engines(option: str) -> list[str]:
    """The engines to run, in order; stops with a message when Meilisearch is chosen but
    the environment does not say which server and key to use (before minutes of setup)."""
    names = list(ENGINES) if option == "both" else [option]
    missing = [variable for variable in MEILI_NEEDS if not os.environ.get(variable)]
    if "meilisearch" in names and missing:
        raise SystemExit(
            f"--engine {option} needs {' and '.join(missing)} in the environment: the "
            "Meilisearch server and a key that may create and delete indexes, e.g. "
            "MEILI_URL=http://127.0.0.1:7700 MEILI_ADMIN_KEY=... (or use --engine embedded)"
        )
    return names


def national_store(scratch: Path, today: date, reuse: bool = False) -> tuple[Engine, Path]:
    """The synthetic national dataset, loaded into a SQLite store in `scratch`; returns the
    store and the dataset's folder. With `reuse`, a store an earlier run left there is
    taken as it is (a minute saved per run while profiling)."""
    folder = scratch / "national"
    store = make_engine(f"sqlite:///{scratch}/national.db")
    if reuse and (scratch / "national.db").exists():
        migrate(store)  # a store kept from before a new migration
        return store, folder
    generate_national(folder, today=today)
    migrate(store)
    with session_scope(store) as session:
        assert load_folder(folder, session, today=today).ok
    return store, folder


@contextmanager
def open_engine(name: str, folder: Path, vocabulary: Vocabulary) -> Iterator[SearchEngine]:
    """An empty engine: the embedded one in `folder`, or Meilisearch on `bench_<random>`
    indexes that are deleted afterwards. `folder` also holds the index writers' locks."""
    if name == "embedded":
        yield EmbeddedEngine(folder, vocabulary)
        return
    with live_engine("bench", vocabulary) as engine:
        yield engine
