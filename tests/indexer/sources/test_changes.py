"""The row-level report of an import: which rows it adds, changes, ends or removes, with the
old and new value of each field, the conflicts with providers' own values and the problems;
its digest tells a page whether the store changed between the check and the load."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.cli import main
from indexer.edits import submit_edit
from indexer.sources import LoadResult, load_folder
from indexer.sources.changes import FieldChange, ProviderConflict, RowChange
from indexer.sources.report import Problem
from tests.utils.datasets import add_row, read_rows, set_cell, snapshot, write_rows
from tests.utils.loading import TODAY, load

DEMO = Path(__file__).parents[3] / "data" / "demo"
NOT_A_DATE = "is not a date: use 2026-01-31 or 31-01-2026"
WAIT = RowChange(
    "waittime",
    "change",
    "amsterdam-amstelland / brugwachter-jeugd-en-gezin",
    (FieldChange("weeks", "14", "9"),),
    "waittimes.csv",
    2,
)


def check(engine: Engine, folder: Path, **options) -> LoadResult:
    """A dry run, as a page shows it before a person confirms."""
    with Session(engine) as session:
        return load_folder(folder, session, dry_run=True, today=TODAY, **options)


def confirm(engine: Engine, folder: Path, digest: str) -> LoadResult:
    with Session(engine) as session:
        result = load_folder(folder, session, today=TODAY, expected_digest=digest)
        session.commit()
    return result


@pytest.fixture
def demo(sqlite_engine: Engine, tmp_path: Path) -> Path:
    """A copy of the demo, loaded into the store."""
    assert load(sqlite_engine, DEMO).ok
    return Path(shutil.copytree(DEMO, tmp_path / "demo"))


def test_a_broken_row_then_exactly_the_one_changed_wait_time(
    sqlite_engine: Engine, demo: Path
) -> None:
    set_cell(demo, "waittimes.csv", 2, "weeks", "9")
    set_cell(demo, "contracts.csv", 5, "valid_from", "31-02-2026")

    refused = check(sqlite_engine, demo)

    problem = Problem("contracts.csv", 5, "valid_from", "31-02-2026", NOT_A_DATE)
    assert refused.report.problems == refused.problems == [problem]
    assert refused.report.problems_by_file() == {"contracts.csv": [problem]}
    assert refused.report.rows == []

    set_cell(demo, "contracts.csv", 5, "valid_from", "2025-01-01")
    checked = check(sqlite_engine, demo)

    assert checked.report.rows == [WAIT]
    assert checked.report.conflicts == checked.report.problems == []
    assert checked.report.to_text() == (
        "waittime: 1 changed\n"
        "  changed  amsterdam-amstelland / brugwachter-jeugd-en-gezin: weeks 14 → 9 "
        "(waittimes.csv, row 2)"
    )
    assert check(sqlite_engine, demo).report.digest() == checked.report.digest()
    assert refused.report.digest() != checked.report.digest()

    assert confirm(sqlite_engine, demo, checked.report.digest()).ok
    after = check(sqlite_engine, demo).report
    assert after.rows == [] and after.to_text() == "no changes"
    assert after.digest() != checked.report.digest()


def test_a_store_changed_since_the_check_is_not_written(
    sqlite_engine: Engine, demo: Path, tmp_path: Path
) -> None:
    set_cell(demo, "waittimes.csv", 2, "weeks", "9")
    checked = check(sqlite_engine, demo)
    other = Path(shutil.copytree(DEMO, tmp_path / "other"))
    set_cell(other, "waittimes.csv", 2, "weeks", "12")
    assert load(sqlite_engine, other).ok  # someone else's load in between
    before = snapshot(sqlite_engine)

    result = confirm(sqlite_engine, demo, checked.report.digest())

    assert result.stale and not result.ok
    assert [str(problem) for problem in result.problems] == [
        "demo: the store or the files changed since the changes were checked: nothing was "
        "written; check the changes again"
    ]
    assert [change.fields for change in result.report.rows] == [(FieldChange("weeks", "12", "9"),)]
    assert snapshot(sqlite_engine) == before


def test_every_kind_of_change_and_a_conflict(sqlite_engine: Engine, dataset: Path) -> None:
    assert load(sqlite_engine, dataset).ok
    with Session(sqlite_engine) as session:
        values = {"phone": "020-9998877"}
        submit_edit(
            "rustpunt", "contact", values, actor="editor", session=session, sync=None, today=TODAY
        )
    set_cell(
        dataset, "providers.csv", 2, "description_en", "We help children and parents with anxiety."
    )
    contracts = read_rows(dataset / "contracts.csv")
    write_rows(dataset / "contracts.csv", [contracts[0], contracts[2]])
    norms = read_rows(dataset / "norms.csv")
    write_rows(dataset / "norms.csv", norms[:1])
    new_wait = {"region_id": "testregio", "provider_id": "opvoedhuis", "profile_code": "P01"}
    add_row(dataset, "waittimes.csv", **new_wait, weeks="5", confirmed_on="15-11-2026")

    report = check(sqlite_engine, dataset, allow_mass_end=True).report

    assert report.rows == [
        RowChange(
            "provider",
            "change",
            "rustpunt",
            (
                FieldChange(
                    "description_en",
                    "We help children with anxiety.",
                    "We help children and parents with anxiety.",
                ),
            ),
            "providers.csv",
            2,
        ),
        RowChange(
            "contract",
            "end",
            "testregio / rustpunt / B / P01 / I2 / 2025-01-01",
            (FieldChange("valid_to", "2027-12-31", "2026-11-21"),),
            "contracts.csv",
        ),
        RowChange(
            "outcomenorm",
            "remove",
            "testregio / I2",
            (
                FieldChange("goal_attainment_min_pct", "65.0", ""),
                FieldChange("dropout_max_pct", "20.0", ""),
                FieldChange("satisfaction_min", "7.0", ""),
            ),
            "norms.csv",
        ),
        RowChange(
            "waittime",
            "add",
            "testregio / opvoedhuis / P01",
            (FieldChange("weeks", "", "5"), FieldChange("confirmed_on", "", "2026-11-15")),
            "waittimes.csv",
            4,
        ),
    ]
    assert report.conflicts == [
        ProviderConflict(
            "rustpunt", "phone", "020-9998877", "020-1112233", "provider", "providers.csv"
        )
    ]
    assert report.to_text().splitlines() == [
        "provider: 1 changed",
        "  changed  rustpunt: description_en We help children with anxiety. → We help "
        "children and parents with anxie… (providers.csv, row 2)",
        "contract: 1 ended",
        "  ended    testregio / rustpunt / B / P01 / I2 / 2025-01-01: valid_to 2027-12-31 → "
        "2026-11-21",
        "outcomenorm: 1 removed",
        "  removed  testregio / I2: goal_attainment_min_pct 65.0; dropout_max_pct 20.0; "
        "satisfaction_min 7.0",
        "waittime: 1 added",
        "  added    testregio / opvoedhuis / P01: weeks 5; confirmed_on 2026-11-15 "
        "(waittimes.csv, row 4)",
        "conflicts with providers' own values (the provider's value stays): 1",
        "  rustpunt, phone: provider 020-9998877, file 020-1112233",
    ]
    lines = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [
        (line["table"], line["kind"], line["field"], line["old"], line["new"]) for line in lines
    ] == [
        (
            "provider",
            "change",
            "description_en",
            "We help children with anxiety.",
            "We help children and parents with anxiety.",
        ),
        ("contract", "end", "valid_to", "2027-12-31", "2026-11-21"),
        (
            "outcomenorm",
            "remove",
            "",
            "goal_attainment_min_pct: 65.0; dropout_max_pct: 20.0; satisfaction_min: 7.0",
            "",
        ),
        ("waittime", "add", "", "", "weeks: 5; confirmed_on: 2026-11-15"),
        ("provider", "conflict", "phone", "020-9998877", "020-1112233"),
    ]
    assert lines[3]["message"] == (
        "added testregio / opvoedhuis / P01: weeks 5; confirmed_on 2026-11-15"
    )


def test_the_csv_holds_problems_and_notices_with_file_row_column_value_and_rule(
    sqlite_engine: Engine, dataset: Path
) -> None:
    set_cell(dataset, "waittimes.csv", 3, "confirmed_on", "1 november")
    set_cell(dataset, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    path = dataset / "providers.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))

    lines = list(csv.DictReader(io.StringIO(check(sqlite_engine, dataset).report.to_csv())))

    assert lines[0] | {"rule": "", "message": ""} == {
        **dict.fromkeys(("table", "key", "field", "old", "new", "rule", "message"), ""),
        "kind": "problem",
        "file": "waittimes.csv",
        "row": "3",
        "column": "confirmed_on",
        "value": "1 november",
    }
    assert (lines[0]["rule"], lines[0]["message"]) == (
        NOT_A_DATE,
        f"waittimes.csv, row 3, column confirmed_on: '1 november' {NOT_A_DATE}",
    )
    assert (lines[1]["kind"], lines[1]["file"]) == ("notice", "providers.csv")
    assert lines[1]["message"].startswith("is not UTF-8: read as Windows-1252")


# --- The command line ----------------------------------------------------------------------


def run(tmp_path: Path, *arguments: object) -> Result:
    database = ["--database-url", f"sqlite:///{tmp_path / 'store.db'}"]
    index = ["--index-dir", str(tmp_path / "index")]
    return CliRunner().invoke(main, [*database, *index, *map(str, arguments)])


def test_dry_run_changes_lists_the_rows_and_writes_the_csv(tmp_path: Path, dataset: Path) -> None:
    assert run(tmp_path, "load", dataset).exit_code == 0
    set_cell(dataset, "waittimes.csv", 2, "weeks", "9")
    report = tmp_path / "wijzigingen.csv"

    result = run(tmp_path, "load", "--dry-run", "--changes", "--changes-csv", report, dataset)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "waittime: 1 changed",
        "  changed  testregio / rustpunt: weeks 3 → 9 (waittimes.csv, row 2)",
        "",
    ]
    assert result.stdout.splitlines()[-1] == f"{dataset}: valid; would change 1 record(s)."
    assert report.read_bytes().startswith(b"\xef\xbb\xbf")  # so Excel shows accents right
    lines = list(csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert [(line["key"], line["old"], line["new"], line["row"]) for line in lines] == [
        ("testregio / rustpunt", "3", "9", "2")
    ]


def test_changes_are_cut_at_50_per_table_unless_all(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(DEMO, tmp_path / "demo"))
    assert run(tmp_path, "load", folder).exit_code == 0
    waits = read_rows(folder / "waittimes.csv")
    write_rows(
        folder / "waittimes.csv", [row | {"weeks": str(int(row["weeks"]) + 1)} for row in waits]
    )

    cut = run(tmp_path, "load", "--dry-run", "--changes", folder).stdout.splitlines()
    every = run(tmp_path, "load", "--dry-run", "--changes", "--all", folder).stdout.splitlines()

    assert cut[0] == every[0] == f"waittime: {len(waits)} changed"
    assert cut[51] == f"  … and {len(waits) - 50} more"
    assert every[1 : len(waits) + 1] == [line for line in every if line.startswith("  changed ")]
    assert len(every[1 : len(waits) + 1]) == len(waits)


def test_notices_go_to_stderr_and_problems_to_the_csv_too(tmp_path: Path, dataset: Path) -> None:
    set_cell(dataset, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    set_cell(dataset, "norms.csv", 2, "dropout_max_pct", "veel")
    path = dataset / "providers.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    report = tmp_path / "report.csv"

    result = run(tmp_path, "load", "--changes-csv", report, dataset)

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(
        "Note: providers.csv: is not UTF-8: read as Windows-1252"
    )
    assert "norms.csv, row 2, column dropout_max_pct: 'veel' is not a number" in result.stderr
    kinds = [line["kind"] for line in csv.DictReader(io.StringIO(report.read_text("utf-8-sig")))]
    assert kinds == ["problem", "notice"]


def test_text_a_provider_typed_cannot_run_as_a_formula_in_the_report_csv() -> None:
    """Staff open the report in Excel; a provider's `=HYPERLINK(...)` stays text there."""
    from indexer.sources.changes import ChangeReport, ProviderConflict

    typed = '=HYPERLINK("https://example.invalid","Klik hier")'
    conflict = ProviderConflict(
        "rustpunt", "description_nl", typed, "Hulp bij angst.", "provider", "providers.csv"
    )
    rows = list(csv.reader(io.StringIO(ChangeReport(conflicts=[conflict]).to_csv())))
    assert rows[1][4] == "'" + typed
    assert rows[1][5] == "Hulp bij angst."
