"""/api/v1/hsds serves what `indexer export hsds` writes, in the shapes of HSDS's own API: a
directory that reads HSDS pages through our records, finds one by its id with what links
to it nested, and meets only valid HSDS 3.0 and only what is current."""

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from math import ceil
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.cli import main
from indexer.hsds import export_records
from indexer.hsds.ids import organization_id, service_id
from portal import create_app
from portal.api.hsds import RESOURCES
from portal.api.hsds.schemas import FOLDER, PAGE
from tests.indexer.hsds.conftest import DEMO
from tests.indexer.hsds.schemas import SCHEMAS, problems
from tests.indexer.hsds.test_export import OPVOEDHUIS, OPVOEDHUIS_CONTRACT_ROW
from tests.portal.conftest import fixed_day
from tests.portal.test_api import problem
from tests.utils.datasets import set_cell
from tests.utils.loading import TODAY, fresh_engine, load

HSDS = "/api/v1/hsds"
UNLIMITED = "100000 per minute"  # these tests page through everything, quickly


@pytest.fixture
def api(app: Flask) -> FlaskClient:
    """The app on the minimal dataset: Rustpunt Jeugd and Het Opvoedhuis in Testregio."""
    app.config["API_RATE_LIMIT"] = UNLIMITED
    return app.test_client()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = fresh_engine(tmp_path_factory.mktemp("demo") / "store.db")
    assert load(engine, DEMO).ok
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def demo(demo_store: Engine, tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """The app on the demo data: 165 services in nine regions (no search index needed)."""
    config = {
        "database_url": str(demo_store.url),
        "index_dir": tmp_path_factory.mktemp("index"),
        "app_env": "test",
        "secret_key": "test-secret",
    }
    app = fixed_day(create_app(config))
    app.config["API_RATE_LIMIT"] = UNLIMITED
    return app.test_client()


def answer(client: FlaskClient, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def listed(client: FlaskClient, path: str, per_page: int = 100, query: str = "") -> list[dict]:
    """Every record of a list, page after page, each page checked for HSDS's page shape."""
    rows: list[dict] = []
    for page in range(1, 1000):
        body = answer(client, f"{HSDS}/{path}?page={page}&per_page={per_page}{query}")
        pages = ceil(body["total_items"] / per_page)
        assert body == {
            "total_items": body["total_items"],
            "total_pages": pages,
            "page_number": page,
            "size": len(body["contents"]),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not body["contents"],
            "contents": body["contents"],
        }
        assert 0 < body["size"] <= per_page or body["total_items"] == 0
        rows += body["contents"]
        if body["last_page"]:
            assert len(rows) == body["total_items"]
            return rows
    raise AssertionError("no last page")


def exported(database_url: str, out: Path) -> dict[str, list[dict]]:
    """What `indexer export hsds` writes for the store, as of the tests' day."""
    command = ["--database-url", database_url, "export", "hsds", str(out)]
    result = CliRunner().invoke(main, [*command, "--today", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in out.iterdir()}


def everything(client: FlaskClient) -> str:
    """Every list and every record by id, as the text a consumer receives."""
    texts = []
    for resource in RESOURCES:
        rows = listed(client, resource.path)
        texts.append(json.dumps(rows, ensure_ascii=False))
        texts += [
            client.get(f"{HSDS}/{resource.path}/{row['id']}").get_data(as_text=True) for row in rows
        ]
    return "\n".join(texts)


def test_every_list_pages_through_the_records_the_export_writes(
    api: FlaskClient, app_config: dict, tmp_path: Path
) -> None:
    files = exported(app_config["database_url"], tmp_path / "hsds")

    for resource in RESOURCES:
        assert listed(api, resource.path, per_page=1) == files[resource.name], resource.path

    response = api.get(f"{HSDS}/services")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    again = api.get(f"{HSDS}/services", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_a_service_by_id_carries_its_organization_places_terms_and_prices(
    api: FlaskClient,
) -> None:
    service = answer(api, f"{HSDS}/services/{service_id('testregio', 'rustpunt')}")

    assert service["name"] == "Rustpunt Jeugd (Testregio)"
    organization = service["organization"]
    assert organization["name"] == "Rustpunt Jeugd"
    assert [phone["number"] for phone in organization["phones"]] == ["020-1112233"]
    assert [i["identifier"] for i in organization["organization_identifiers"]] == [
        "12345678",
        "94001234",
    ]
    assert [
        (place["location"]["name"], place["location"]["addresses"][0]["postal_code"])
        for place in service["service_at_locations"]
    ] == [("Rustpunt Centrum", "1011 AB")]
    assert [area["name"] for area in service["service_areas"]] == ["Amstelveen", "Amsterdam"]
    assert sorted(language["code"] for language in service["languages"]) == ["en", "nl"]
    assert {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]} == {
        ("support_profile", "P01"),
        ("intensity", "I1"),
        ("intensity", "I2"),
        ("segment", "B"),
        ("role", "hoofdaannemer"),
    }
    assert {a["taxonomy_term"]["taxonomy_detail"]["name"] for a in service["attributes"]} == {
        "Ondersteuningsprofielen Testregio",
        "Intensiteiten Testregio",
        "Contractvormen jeugdhulp",
    }
    prices = {
        (option["amount"], *sorted(a["taxonomy_term"]["code"] for a in option["attributes"]))
        for option in service["cost_options"]
    }
    assert prices == {(2450.0, "B", "I1", "P01"), (6900.0, "B", "I2", "P01")}


def test_every_record_by_id_is_the_exports_record_with_what_links_to_it(
    api: FlaskClient,
) -> None:
    for resource in RESOURCES:
        for row in listed(api, resource.path):
            nested = answer(api, f"{HSDS}/{resource.path}/{row['id']}")
            assert nested.items() >= row.items()
    organization = answer(api, f"{HSDS}/organizations/{organization_id('opvoedhuis')}")
    assert [service["name"] for service in organization["services"]] == [
        "Het Opvoedhuis (Testregio)"
    ]


def test_every_answer_on_the_demo_data_is_valid_hsds(demo: FlaskClient) -> None:
    invalid, count = {}, 0
    for resource in RESOURCES:
        for row in listed(demo, resource.path):
            nested = answer(demo, f"{HSDS}/{resource.path}/{row['id']}")
            for shown in (row, nested):
                count += 1
                if found := problems(resource.name, shown):
                    invalid[(resource.path, row["id"])] = found
    print(f"HSDS API answers validated: {count}")
    assert invalid == {}
    assert count > 1000


def test_region_gives_the_records_the_export_of_that_region_holds(
    demo: FlaskClient, demo_store: Engine
) -> None:
    with Session(demo_store) as session:
        records = export_records(session, TODAY, "haaglanden")
    for resource in RESOURCES:
        shown = listed(demo, resource.path, query="&region=haaglanden")
        assert shown == records[resource.name], resource.path

    services = listed(demo, "services", query="&region=haaglanden")
    assert len(services) < len(listed(demo, "services"))
    assert all(service["name"].endswith("(Haaglanden)") for service in services)
    assert sorted(t["name"] for t in listed(demo, "taxonomies", query="&region=haaglanden")) == [
        "Contractvormen jeugdhulp",
        "Intensiteiten Haaglanden",
        "Ondersteuningsprofielen Haaglanden",
    ]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=0", "page"),
        ("page=twee", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("region=nergens", "region"),
    ],
)
def test_a_wrong_page_or_region_is_a_400_naming_it(
    api: FlaskClient, query: str, parameter: str
) -> None:
    for resource in RESOURCES:
        body = problem(api, f"{HSDS}/{resource.path}?{query}")
        assert list(body["errors"]) == [parameter]


def test_a_page_after_the_last_is_empty(api: FlaskClient) -> None:
    body = answer(api, f"{HSDS}/services?page=3&per_page=1")
    assert (body["total_items"], body["total_pages"], body["size"]) == (2, 2, 0)
    assert body["empty"] and body["last_page"] and body["contents"] == []


def test_an_unknown_id_is_a_404_problem(api: FlaskClient) -> None:
    for resource in RESOURCES:
        problem(api, f"{HSDS}/{resource.path}/00000000-0000-5000-8000-000000000000", 404)
        problem(api, f"{HSDS}/{resource.path}/rustpunt", 404)
    # An id names one kind of record: a service's id is no organization's.
    problem(api, f"{HSDS}/organizations/{service_id('testregio', 'rustpunt')}", 404)


def test_an_expired_contract_leaves_every_answer_as_soon_as_the_store_says_so(
    api: FlaskClient, sqlite_engine: Engine, dataset: Path
) -> None:
    before = everything(api).casefold()
    assert all(value.casefold() in before for value in OPVOEDHUIS)

    yesterday = (TODAY - timedelta(days=1)).isoformat()
    set_cell(dataset, "contracts.csv", OPVOEDHUIS_CONTRACT_ROW, "valid_to", yesterday)
    assert load(sqlite_engine, dataset).ok

    after = everything(api).casefold()
    assert [value for value in OPVOEDHUIS if value.casefold() in after] == []
    assert "rustpunt jeugd (testregio)" in after
    problem(api, f"{HSDS}/services/{service_id('testregio', 'opvoedhuis')}", 404)
    problem(api, f"{HSDS}/organizations/{organization_id('opvoedhuis')}", 404)


def test_the_document_describes_the_answers_by_hsds_own_schemas(api: FlaskClient) -> None:
    """The shipped schemas are Open Referral's files unchanged, and the document holds them
    with only their references to each other made local."""
    document = answer(api, "/api/v1/openapi.json")
    components = document["components"]["schemas"]
    shipped = sorted(FOLDER.glob("*.json"))
    assert len(shipped) == len(list(SCHEMAS.glob("*.json"))) - 1  # all but meta_table_description
    for path in shipped:
        assert path.read_bytes() == (SCHEMAS / path.name).read_bytes()
        text = json.dumps(components[f"hsds.{path.stem}"])
        refs = re.findall(r'"#/components/schemas/hsds\.(\w+)"', text)
        assert all(f"hsds.{name}" in components for name in refs)
        official = re.sub(r'"#/components/schemas/hsds\.(\w+)"', r'"\1.json"', text)
        assert json.loads(official) == json.loads(path.read_text(encoding="utf-8"))

    for resource in RESOURCES:
        page = document["paths"][f"/hsds/{resource.path}"]["get"]["responses"]["200"]
        one = document["paths"][f"/hsds/{resource.path}/{{id}}"]["get"]["responses"]["200"]
        page_schema = components[
            page["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        ]
        assert set(page_schema["required"]) == {*PAGE, "contents"}
        assert page_schema["properties"]["contents"]["items"] == {
            "$ref": f"#/components/schemas/hsds.{resource.name}"
        }
        assert one["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/hsds.{resource.name}"
        }
