"""One region's share of a dataset, as that region's staff would export and upload it."""

from datetime import date
from pathlib import Path

from tests.utils.datasets import read_rows, write_rows
from tests.utils.loading import TODAY

REGION_FILES = (
    "regions.csv",
    "profiles.csv",
    "intensities.csv",
    "contracts.csv",
    "tariffs.csv",
    "outcomes.csv",
    "norms.csv",
    "waittimes.csv",
)


def region_subset(source: Path, target: Path, region_id: str) -> Path:
    """Copy into `target` the rows of `source` that are `region_id`'s: its region files'
    rows, the postcodes and teams of its municipalities, and the providers (with their
    locations) it contracts on the tests' day: staff may not load a provider they no longer
    contract (indexer/imports/scope.py)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in REGION_FILES:
        _write(target / name, [r for r in read_rows(source / name) if r["region_id"] == region_id])
    municipalities = {r["municipality_code"] for r in read_rows(target / "regions.csv")}
    providers = {
        r["provider_id"]
        for r in read_rows(target / "contracts.csv")
        if not r["valid_to"] or date.fromisoformat(r["valid_to"]) >= TODAY
    }
    for name, column, wanted in (
        ("postcodes.csv", "municipality_code", municipalities),
        ("teams.csv", "municipality_code", municipalities),
        ("providers.csv", "provider_id", providers),
        ("locations.csv", "provider_id", providers),
    ):
        _write(target / name, [r for r in read_rows(source / name) if r[column] in wanted])
    return target


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    assert rows, f"{path.name}: the region has no rows"
    write_rows(path, rows)


def row_of(folder: Path, file: str, **values: str) -> int:
    """The spreadsheet row (header = 1) of the first row of `file` with these values."""
    return next(
        number
        for number, row in enumerate(read_rows(folder / file), 2)
        if all(row[column] == value for column, value in values.items())
    )
