"""`indexer load` as a region's data steward runs it: a summary when the folder is valid, a
readable report and exit status 1 when it is not — never a traceback."""

import subprocess
import sys
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import func, or_, select
from sqlmodel import Session

from indexer.cli import main
from indexer.models import Contract
from indexer.store import make_engine
from tests.utils.datasets import add_row, read_rows, set_cell, write_rows
from tests.utils.loading import CONTRACT

REPOSITORY = Path(__file__).parents[2]


def run(tmp_path: Path, *arguments: str) -> Result:
    database = f"sqlite:///{tmp_path / 'store.db'}"
    index = ["--index-dir", str(tmp_path / "index")]
    return CliRunner().invoke(main, ["--database-url", database, *index, *map(str, arguments)])


def contracts_stored(tmp_path: Path, *, current: bool = False) -> int:
    """How many contracts the store holds; with `current`, only those valid today."""
    query = select(func.count()).select_from(Contract)
    if current:
        query = query.where(or_(Contract.valid_to.is_(None), Contract.valid_to >= date.today()))
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        with Session(engine) as session:
            return session.scalar(query)
    finally:
        engine.dispose()


def test_a_valid_folder_is_stored_with_a_summary(tmp_path: Path, dataset: Path) -> None:
    result = run(tmp_path, "load", dataset)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "contract             3 new       0 updated       0 removed       0 ended" in lines
    assert lines[-1] == f"{dataset}: valid; changed 30 record(s)."
    assert result.stderr.startswith("Warning: search index not updated for 2 provider(s)")
    assert "run `indexer build`" in result.stderr  # no index yet: the data is stored anyway
    assert contracts_stored(tmp_path) == 3

    again = run(tmp_path, "load", dataset)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-2:] == [
        "search index: 0 provider(s) updated",
        f"{dataset}: valid; changed 0 record(s).",
    ]
    assert again.stderr == ""


def test_a_bad_folder_exits_1_with_the_report_on_stderr(tmp_path: Path, dataset: Path) -> None:
    set_cell(dataset, "contracts.csv", 3, "provider_id", "nobody")
    set_cell(dataset, "waittimes.csv", 2, "confirmed_on", "1 november")
    result = run(tmp_path, "load", dataset)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "1 problem(s) found; nothing was written.\n"
        "\n"
        "waittimes.csv, row 2, column confirmed_on: '1 november' is not a date: "
        "use 2026-01-31 or 31-01-2026\n"
    )
    assert contracts_stored(tmp_path) == 0

    set_cell(dataset, "waittimes.csv", 2, "confirmed_on", "2026-11-01")
    result = run(tmp_path, "load", dataset)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[2:] == [
        "contracts.csv, row 3, column provider_id: 'nobody' is not a known provider"
    ]


def test_a_folder_that_does_not_exist_is_reported_not_raised(tmp_path: Path) -> None:
    result = run(tmp_path, "load", tmp_path / "exportt")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"{tmp_path / 'exportt'}: not found"


def test_a_store_that_cannot_be_reached_is_reported_without_the_password(dataset: Path) -> None:
    url = "postgresql+psycopg://loader:s3cret@127.0.0.1:9/jeugdhulpgids"
    result = CliRunner().invoke(main, ["--database-url", url, "load", str(dataset)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Cannot use the store at postgresql+psycopg://loader:***@127.0.0.1:9/jeugdhulpgids:"
    )
    assert "s3cret" not in result.stderr and "Traceback" not in result.stderr


def test_the_installed_command_prints_no_traceback(tmp_path: Path, dataset: Path) -> None:
    """A real process, so nothing (like CliRunner) can swallow an exception for us."""
    set_cell(dataset, "providers.csv", 2, "website", "https://[rustpunt.example")
    set_cell(dataset, "providers.csv", 3, "kvk", "8765432")
    command = [sys.executable, "-m", "indexer", "--database-url", f"sqlite:///{tmp_path / 's.db'}"]
    process = subprocess.run(
        [*command, "load", str(dataset)], cwd=REPOSITORY, capture_output=True, text=True
    )
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr + process.stdout
    assert process.stderr.splitlines()[2:] == [
        "providers.csv, row 2, column website: 'https://[rustpunt.example' is not a web "
        "address like https://www.example.nl",
        "providers.csv, row 3, column kvk: '8765432' is not a KvK number of 8 digits (Excel "
        "may have dropped a leading zero: format the column as text)",
    ]


def test_dry_run_validates_and_writes_nothing(tmp_path: Path, dataset: Path) -> None:
    result = run(tmp_path, "load", "--dry-run", dataset)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"{dataset}: valid; would change 30 record(s)."
    assert contracts_stored(tmp_path) == 0

    assert run(tmp_path, "load", dataset).exit_code == 0
    new = {"provider_id": "opvoedhuis", "valid_from": "2026-01-01", "valid_to": ""}
    add_row(dataset, "contracts.csv", **CONTRACT | new)
    result = run(tmp_path, "load", "--dry-run", dataset)
    assert "contract             1 new       0 updated       0 removed       0 ended" in (
        result.stdout.splitlines()
    )
    assert contracts_stored(tmp_path) == 3


def test_a_long_report_is_cut_at_100_lines_with_counts(tmp_path: Path, dataset: Path) -> None:
    for _ in range(60):
        add_row(
            dataset,
            "waittimes.csv",
            region_id="testregio",
            provider_id="rustpunt",
            weeks="-1",
            confirmed_on="gisteren",
        )
    result = run(tmp_path, "load", dataset)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        "120 problem(s) found; nothing was written.",
        "",
        "waittimes.csv, row 4, column confirmed_on: 'gisteren' is not a date: "
        "use 2026-01-31 or 31-01-2026",
    ]
    assert lines[101] == (
        "waittimes.csv, row 53, column weeks: '-1' is negative: a count cannot be below 0"
    )
    assert lines[102:] == [
        "",
        "… and 20 more:",
        "  waittimes.csv, column confirmed_on: 10",
        "  waittimes.csv, column weeks: 10",
    ]


def test_a_mass_end_is_refused_even_in_a_dry_run_unless_allowed(
    tmp_path: Path, dataset: Path
) -> None:
    contracts = dataset / "contracts.csv"
    write_rows(contracts, [row | {"valid_to": ""} for row in read_rows(contracts)])
    assert run(tmp_path, "load", dataset).exit_code == 0
    contracts.write_text(contracts.read_text().splitlines()[0] + "\n")  # the header only

    for options in ([], ["--dry-run"]):
        result = run(tmp_path, "load", *options, dataset)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[:3] == [
            "4 problem(s) found; nothing was written.",
            "",
            "contracts.csv, column region_id: 'testregio' would lose 3 of its 3 current "
            "contracts (all of them): check that the file is complete; if these contracts "
            "really end, load again with --allow-mass-end",
        ]
        assert contracts_stored(tmp_path, current=True) == 3

    result = run(tmp_path, "load", "--allow-mass-end", dataset)
    assert result.exit_code == 0, result.output
    assert "contract             0 new       0 updated       0 removed       3 ended" in (
        result.stdout.splitlines()
    )
    assert contracts_stored(tmp_path, current=True) == 0
