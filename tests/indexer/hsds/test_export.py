"""What the HSDS export publishes, and what it never does: nothing expired, no outcome
figures, no personal data; ids that stay the same; assured_date only from a person."""

import json
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine

from indexer.cli import main
from indexer.edits import confirm, submit_edit
from indexer.hsds import BUILDERS
from tests.indexer.edits.conftest import EDITOR, act
from tests.indexer.hsds.conftest import DEMO, export, written
from tests.utils.datasets import add_row, read_rows, set_cell
from tests.utils.loading import TODAY, fresh_engine, load

OPVOEDHUIS_CONTRACT_ROW = 4  # spreadsheet row of its only contract in contracts.csv
# Everything Het Opvoedhuis publishes, as the minimal dataset has it.
OPVOEDHUIS = ("opvoedhuis", "87654321", "94005678", "020-4445566", "Steun bij opvoeden")


def assured(store: Engine) -> dict[str, str | None]:
    return {s["name"]: s.get("assured_date") for s in export(store)["service"]}


def test_a_provider_whose_contract_ended_yesterday_appears_nowhere(
    engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    yesterday = TODAY - timedelta(days=1)
    set_cell(dataset, "contracts.csv", OPVOEDHUIS_CONTRACT_ROW, "valid_to", yesterday.isoformat())
    assert load(engine, dataset).ok

    text = written(export(engine), tmp_path / "today").casefold()
    assert [value for value in OPVOEDHUIS if value.casefold() in text] == []
    assert "rustpunt jeugd (testregio)" in text

    the_day_before = written(export(engine, yesterday), tmp_path / "yesterday")
    assert all(value.casefold() in the_day_before.casefold() for value in OPVOEDHUIS)


def test_outcome_figures_appear_nowhere_least_of_all_withheld_ones(
    sqlite_engine: Engine, dataset: Path, tmp_path: Path
) -> None:
    """Seven closed trajectories and three parents: below the minimum of 10, so these
    figures are "too few to say" and may never leave the store."""
    add_row(
        dataset,
        "outcomes.csv",
        region_id="testregio",
        provider_id="opvoedhuis",
        period="2025-H2",
        closed_trajectories="7",
        goal_attainment_pct="93.17",
        dropout_pct="41.93",
        satisfaction_parents="8.37",
        satisfaction_parents_n="3",
    )
    assert load(sqlite_engine, dataset).ok

    records = export(sqlite_engine)
    text = written(records, tmp_path / "hsds")
    assert [figure for figure in ("93.17", "41.93", "8.37") if figure in text] == []
    fields = {field for rows in records.values() for row in rows for field in row}
    assert not {f for f in fields if any(w in f for w in ("goal", "dropout", "satisfaction"))}


def test_ids_stay_the_same_across_exports_stores_and_edits(dataset: Path, tmp_path: Path) -> None:
    first, second = (fresh_engine(tmp_path / f"{name}.db") for name in ("first", "second"))
    for store in (first, second):
        assert load(store, dataset).ok

    records = export(first)
    assert export(first) == records
    assert export(second) == records  # another store, loaded from the same files

    act(first, submit_edit, "rustpunt", "contact", {"phone": "020-9998877"})
    edited = export(first)
    assert edited != records
    assert {n: [r["id"] for r in rows] for n, rows in edited.items()} == {
        n: [r["id"] for r in rows] for n, rows in records.items()
    }
    for store in (first, second):
        store.dispose()


def test_assured_date_comes_only_from_a_person_confirming_every_part_shown(
    minimal_store: Engine, tmp_path: Path
) -> None:
    # A plain import (its wait times carry a confirmed_on of the region's file): no date.
    assert assured(minimal_store) == {
        "Het Opvoedhuis (Testregio)": None,
        "Rustpunt Jeugd (Testregio)": None,
    }

    ten_days_ago = TODAY - timedelta(days=10)
    for part in ("contact", "descriptions", "locations", "languages", "waits", "care_forms"):
        act(minimal_store, confirm, "rustpunt", part, today=ten_days_ago)
    assert assured(minimal_store)["Rustpunt Jeugd (Testregio)"] is None  # ages unconfirmed

    act(minimal_store, confirm, "rustpunt", "ages")
    assert assured(minimal_store) == {
        "Het Opvoedhuis (Testregio)": None,
        "Rustpunt Jeugd (Testregio)": ten_days_ago.isoformat(),  # the oldest confirmation
    }
    # Who confirmed is nobody's business but the store's.
    assert EDITOR not in written(export(minimal_store), tmp_path / "hsds")


def test_tariffs_become_cost_options_of_the_service_they_pay(
    sqlite_engine: Engine, dataset: Path
) -> None:
    """Rustpunt is paid the region's uniform tariff for P01 × I1, and a tariff of its own,
    per year, for P01 × I2: each with its own unit, period and profile × intensity."""
    add_row(
        dataset,
        "tariffs.csv",
        region_id="testregio",
        segment="B",
        profile_code="P01",
        intensity_code="I2",
        provider_id="rustpunt",
        tariff_eur="7100.00",
        unit="jaar",
        valid_from="2026-01-01",
        valid_to="2026-12-31",
    )
    assert load(sqlite_engine, dataset).ok
    records = export(sqlite_engine)
    services = {s["id"]: s["name"] for s in records["service"]}
    terms = {term["id"]: term["code"] for term in records["taxonomy_term"]}
    codes = {}
    for link in records["attribute"]:
        if link["link_entity"] == "cost_option":
            codes.setdefault(link["link_id"], []).append(terms[link["taxonomy_term_id"]])

    options = {
        (services[c["service_id"]], *codes[c["id"]]): (
            c["amount"],
            c["currency"],
            c["amount_description"],
            c["valid_from"],
            c["valid_to"],
        )
        for c in records["cost_option"]
    }
    assert options == {
        ("Rustpunt Jeugd (Testregio)", "P01", "I1", "B"): (
            2450.0,
            "EUR",
            "Wat de jeugdregio de aanbieder betaalt, per traject (vast tarief van de regio)",
            "2025-01-01",
            "2027-12-31",
        ),
        ("Rustpunt Jeugd (Testregio)", "P01", "I2", "B"): (
            7100.0,
            "EUR",
            "Wat de jeugdregio de aanbieder betaalt, per jaar (eigen tarief van de aanbieder)",
            "2026-01-01",
            "2026-12-31",
        ),
        ("Het Opvoedhuis (Testregio)", "P02", "I1", "B"): (
            1800.0,
            "EUR",
            "Wat de jeugdregio de aanbieder betaalt, per traject (vast tarief van de regio)",
            "2025-01-01",
            "2027-12-31",
        ),
    }


def test_a_subcontractor_names_the_organizations_it_works_under(demo_store: Engine) -> None:
    """Soester Jeugdhulp De Eng works in Eemland under two main contractors, one per set
    of profiles: its role links the onderaannemer term, with both organizations' ids."""
    records = export(demo_store)
    names = {row["provider_id"]: row["name"] for row in read_rows(DEMO / "providers.csv")}
    organization = {org["name"]: org["id"] for org in records["organization"]}
    service = next(
        s for s in records["service"] if s["name"] == "Soester Jeugdhulp De Eng (Eemland)"
    )
    terms = {term["id"]: term["code"] for term in records["taxonomy_term"]}
    roles = [
        (terms[a["taxonomy_term_id"]], a.get("value"))
        for a in records["attribute"]
        if a["link_id"] == service["id"] and a["link_type"] == "role"
    ]
    mains = ("iepenkring-jeugdzorg", "kindertherapeutencollectief-vlot")
    expected = ";".join(sorted(organization[names[main]] for main in mains))
    assert roles == [("onderaannemer", expected)]


def test_the_command_writes_one_file_per_type_and_prints_the_counts(
    dataset: Path, tmp_path: Path
) -> None:
    database = tmp_path / "store.db"
    store = fresh_engine(database)
    assert load(store, dataset).ok
    store.dispose()
    out = tmp_path / "hsds"
    command = ["--database-url", f"sqlite:///{database}", "export", "hsds", str(out)]

    result = CliRunner().invoke(main, [*command, "--today", TODAY.isoformat()])

    assert result.exit_code == 0, result.output
    files = {path.name: json.loads(path.read_text()) for path in out.iterdir()}
    assert sorted(files) == sorted(f"{name}.json" for name in BUILDERS)
    printed = dict(line.split()[:2] for line in result.output.splitlines()[:-1])
    assert printed == {name: str(len(rows)) for name, rows in files.items()}
    assert printed["service.json"] == "2"
    total = sum(map(len, files.values()))
    assert result.output.splitlines()[-1] == (
        f"{out}: {total} HSDS 3.0 records, current on {TODAY.isoformat()}."
    )

    unknown = CliRunner().invoke(main, [*command, "--region", "nergens"])
    assert unknown.exit_code == 2
    assert "no region with id 'nergens'" in unknown.output
