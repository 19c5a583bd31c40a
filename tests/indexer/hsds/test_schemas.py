"""Every record the export writes for the demo data is valid HSDS 3.0, and hangs together:
each id it refers to names a record of the export."""

from datetime import date

from sqlalchemy import Engine

from indexer.hsds import BUILDERS
from tests.indexer.hsds.conftest import DEMO, export
from tests.indexer.hsds.schemas import problems
from tests.utils.datasets import read_rows
from tests.utils.loading import TODAY

# A reference field → the file whose records it names (attribute.link_id: by link_entity).
REFERENCES = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
}


def _current_pairs() -> set[tuple[str, str]]:
    """(region, provider) with a contract valid on TODAY, read from the CSV itself."""
    return {
        (row["region_id"], row["provider_id"])
        for row in read_rows(DEMO / "contracts.csv")
        if date.fromisoformat(row["valid_from"]) <= TODAY
        and (not row["valid_to"] or date.fromisoformat(row["valid_to"]) >= TODAY)
    }


def test_every_record_of_the_demo_export_is_valid_hsds(demo_store: Engine) -> None:
    records = export(demo_store)
    assert set(records) == set(BUILDERS)

    invalid = {
        (name, row["id"]): found
        for name, rows in records.items()
        for row in rows
        if (found := problems(name, row))
    }
    validated = sum(len(rows) for rows in records.values())
    print(f"HSDS records validated: {validated}")
    assert invalid == {}

    pairs = _current_pairs()
    providers = {provider for _, provider in pairs}
    places = [row for row in read_rows(DEMO / "locations.csv") if row["provider_id"] in providers]
    assert len(records["service"]) == len(pairs)
    assert len(records["organization"]) == len(providers)
    assert len(records["location"]) == len(places)
    # Each service links at least one profile, one intensity, one segment and one role.
    assert validated >= len(pairs) * 5 + len(providers) + len(places)


def test_every_id_the_export_refers_to_is_a_record_of_it(demo_store: Engine) -> None:
    records = export(demo_store)
    ids = {name: {row["id"] for row in rows} for name, rows in records.items()}
    assert all(len(ids[name]) == len(rows) for name, rows in records.items())

    dangling = [
        (name, row["id"], field)
        for name, rows in records.items()
        for row in rows
        for field, target in REFERENCES.items()
        if field in row and row[field] not in ids[target]
    ]
    dangling += [
        ("attribute", row["id"], "link_id")
        for row in records["attribute"]
        if row["link_id"] not in ids[row["link_entity"]]
    ]
    assert dangling == []


def test_one_region_exports_its_own_services_and_schemes_only(demo_store: Engine) -> None:
    records = export(demo_store, region_id="haaglanden")

    services = records["service"]
    assert len(services) == len({p for r, p in _current_pairs() if r == "haaglanden"})
    assert all(service["name"].endswith("(Haaglanden)") for service in services)
    assert sorted(t["name"] for t in records["taxonomy"]) == [
        "Contractvormen jeugdhulp",
        "Intensiteiten Haaglanden",
        "Ondersteuningsprofielen Haaglanden",
    ]
    assert {t["code"] for t in records["taxonomy_term"]} >= {"H01", "H07", "KL", "LH"}
    assert not {t["code"] for t in records["taxonomy_term"]} & {"P01", "E01", "I1"}
    assert all(not problems(name, row) for name, rows in records.items() for row in rows)


def test_the_check_rejects_what_hsds_rejects() -> None:
    """The validation above is no formality: the schemas, their references to each other,
    the formats and the date check all bite."""
    service = {
        "id": "x",
        "name": "Rustpunt Jeugd (Testregio)",
        "status": "open",
        "url": "www.rustpunt.example",
        "assured_date": "22-11-2026",
        "phones": [{"id": "75108b83-f092-5691-92a0-d2cefa1b9a95"}],
    }
    assert problems("service", service) == [
        "$.id: 'x' is not a 'uuid'",
        "$.url: 'www.rustpunt.example' is not a 'uri'",
        "$.status: 'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
        "$.phones[0]: 'number' is a required property",
        "$.assured_date: '22-11-2026' is not an ISO 8601 date (YYYY-MM-DD)",
    ]
