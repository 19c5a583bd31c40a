"""Benchmark: load the synthetic national dataset into SQLite and PostgreSQL.

Prints, per database, the wall time of a first load into an empty store, of a reload of the
same data (which must change nothing), and the peak memory (max RSS) of the loading
process. Each load runs in its own process so the memory figures do not mix.

    .venv/bin/python benchmarks/load.py            # both databases (PostgreSQL if installed)
    .venv/bin/python benchmarks/load.py --keep DIR # keep the generated dataset in DIR

Aim (issue 2): national load under 60 s on SQLite.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.generate import generate_national  # noqa: E402
from indexer.sources import load_folder  # noqa: E402
from indexer.store import make_engine, migrate, session_scope  # noqa: E402
from tests.utils.postgres import PostgresServer, find_binaries  # noqa: E402


def measure_one_load(url: str, folder: Path) -> dict:
    """In a child process: migrate, load, reload; return timings and peak memory."""
    engine = make_engine(url)
    migrate(engine)
    figures = {}
    for label in ("first_load_s", "reload_s"):
        start = time.perf_counter()
        with session_scope(engine) as session:
            result = load_folder(folder, session, actor="benchmark")
        figures[label] = round(time.perf_counter() - start, 2)
        if not result.ok:
            raise SystemExit("\n".join(map(str, result.problems[:20])))
        figures[label.replace("_s", "_changes")] = sum(
            c.created + c.updated + c.removed + c.ended for c in result.changes.values()
        )
    figures["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def run_child(url: str, folder: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", url, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write the dataset here and keep it")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_one_load(args.child[0], Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory(prefix="jhg-bench-") as scratch:
        folder = args.keep or Path(scratch) / "national"
        start = time.perf_counter()
        counts = generate_national(folder)
        print(f"generated {sum(counts.values()):,} rows in {time.perf_counter() - start:.1f} s:")
        print("  " + ", ".join(f"{name} {rows:,}" for name, rows in counts.items()))
        report("sqlite", run_child(f"sqlite:///{scratch}/national.db", folder))
        binaries = find_binaries()
        if binaries is None:
            print("postgresql: skipped, no server binaries installed (apt-get install postgresql)")
            return
        server = PostgresServer(binaries)
        server.start()
        try:
            report("postgresql", run_child(server.create_database("benchmark"), folder))
        finally:
            server.stop()


def report(engine: str, figures: dict) -> None:
    print(
        f"{engine:<10}  first load {figures['first_load_s']:>6.1f} s "
        f"({figures['first_load_changes']:,} records)  "
        f"reload {figures['reload_s']:>6.1f} s ({figures['reload_changes']} changes)  "
        f"peak memory {figures['peak_rss_mib']:,} MiB"
    )


if __name__ == "__main__":
    main()
