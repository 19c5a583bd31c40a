"""A deterministic synthetic dataset of national size in the import format (DESIGN.md §4).

Benchmarks need realistic volumes (42 regions, 340 municipalities, 4,000 providers, 50,000+
contracts) without real organisations (DESIGN.md §5). Every value comes from one
``random.Random(seed)`` consumed in a fixed order and every date is relative to ``today``, so
the same seed and day give byte-identical files and the contracts are valid on that day.
"""

import csv
import random
from datetime import date
from pathlib import Path

from indexer.generate.agreements import contracts, results
from indexer.generate.places import geography, municipalities, offer
from indexer.generate.pools import COLUMNS, Rows
from indexer.generate.providers import providers


def generate_national(out: Path, *, seed: int = 2026, today: date | None = None) -> dict[str, int]:
    """Write the national dataset as CSV files into `out`; return rows written per file name.

    ``today`` defaults to the real date; pass it explicitly for byte-identical reruns.
    """
    rng = random.Random(seed)
    today = today or date.today()
    tables: dict[str, Rows] = {name: [] for name in COLUMNS}
    munis = municipalities(rng)
    geography(rng, munis, tables)
    profiles = offer(rng, tables)
    homes = providers(rng, munis, tables)
    results(rng, today, contracts(rng, today, profiles, homes, tables), tables)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (out / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(COLUMNS[name].split())
            writer.writerows(rows)
    return {name: len(rows) for name, rows in tables.items()}
