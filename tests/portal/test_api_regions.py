"""Regions through /api/v1: each with its own scheme and norms, its cost bandwidths, the
local teams for a postcode, and everything it publishes as one download that another
region loads with `indexer load`."""

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlmodel import Session

from indexer.cli import main
from indexer.exports.region import region_export
from indexer.store import make_engine
from tests.portal.test_api import problem
from tests.utils.loading import TODAY


def test_every_region_with_its_counts_and_link(client: FlaskClient) -> None:
    assert client.get("/api/v1/regions").get_json() == {
        "regions": [
            {
                "id": "testregio",
                "name": "Testregio",
                "municipalities": 2,
                "teams": 2,
                "contracted_providers": 2,
                "url": "/api/v1/regions/testregio",
            }
        ]
    }


def test_a_region_with_its_scheme_norms_and_links(client: FlaskClient) -> None:
    body = client.get("/api/v1/regions/testregio?lang=en").get_json()
    assert body["municipalities"] == [
        {"code": "GM0362", "name": "Amstelveen"},
        {"code": "GM0363", "name": "Amsterdam"},
    ]
    assert body["profiles"][0] == {
        "code": "P01",
        "name": "Anxiety and low mood",
        "lang": "en",
        "description": "Help with anxiety",
        "description_lang": "en",
    }
    assert [(i["code"], i["name"], i["sort_order"]) for i in body["intensities"]] == [
        ("I1", "Short", 1),
        ("I2", "Long", 2),
    ]
    assert body["norms"][0] == {
        "intensity_code": "I1",
        "goal_attainment_min_pct": 70.0,
        "dropout_max_pct": 15.0,
        "satisfaction_min": 7.0,
    }
    assert (body["min_outcome_count"], body["crisis_service"]) == (10, None)
    assert body["links"]["export_zip"] == "/api/v1/regions/testregio/export.zip"
    assert "bestaat-niet" in problem(client, "/api/v1/regions/bestaat-niet", 404)["detail"]


def test_bandwidths_per_profile_and_intensity_with_codes_checked(client: FlaskClient) -> None:
    body = client.get("/api/v1/regions/testregio/bandwidths").get_json()
    assert body["region"]["id"] == "testregio"
    assert body["bandwidths"][0] == {
        "profile_code": "P01",
        "intensity_code": "I1",
        "unit": "traject",
        "lowest_eur": 2450.0,
        "median_eur": 2450.0,
        "highest_eur": 2450.0,
        "providers": 1,
        "single": True,
    }
    chosen = client.get("/api/v1/regions/testregio/bandwidths?profile=P02").get_json()
    assert [b["profile_code"] for b in chosen["bandwidths"]] == ["P02"]
    errors = problem(client, "/api/v1/regions/testregio/bandwidths?profile=P10")["errors"]
    assert "P10" in errors["profile"] and "P01" in errors["profile"]


def test_teams_for_a_postcode_as_the_results_page_names_them(client: FlaskClient) -> None:
    body = client.get("/api/v1/teams?postcode=1011%20AB").get_json()
    assert body["place"]["municipality_name"] == "Amsterdam"
    assert [(t["id"], t["kind_label"]) for t in body["teams"]] == [
        ("okt-centrum", "Ouder-en-kindteam")
    ]
    whole_town = client.get("/api/v1/teams?postcode=1181").get_json()["teams"]
    assert [team["id"] for team in whole_town] == ["wt-amstelveen"]
    assert problem(client, "/api/v1/teams?postcode=9999")["errors"] == {
        "postcode": "Postcode 9999 ligt niet in een regio van deze gids."
    }
    assert set(problem(client, "/api/v1/teams")["errors"]) == {"postcode"}


def test_the_zip_loads_with_indexer_load_and_exports_the_same_again(
    client: FlaskClient, tmp_path: Path
) -> None:
    response = client.get("/api/v1/regions/testregio/export.zip")
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="jeugdhulpgids-testregio-2026-11-22.zip"'
    )
    folder = tmp_path / "download"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        archive.extractall(folder)
    database = f"sqlite:///{tmp_path / 'other.db'}"
    loaded = CliRunner().invoke(
        main,
        ["--database-url", database, "--index-dir", str(tmp_path / "index"), "load", str(folder)],
    )
    assert loaded.exit_code == 0, loaded.output
    assert f"{folder}: valid;" in loaded.stdout

    engine = make_engine(database)
    with Session(engine) as session:
        again = region_export("testregio", session=session, today=TODAY)
    engine.dispose()
    assert again.as_zip() == response.data


def test_the_json_holds_the_same_rows_as_the_csv_files(client: FlaskClient) -> None:
    document = client.get("/api/v1/regions/testregio/export.json").get_json()
    assert (document["format"], document["version"], document["as_of"]) == (
        "jeugdhulpgids-import",
        1,
        "2026-11-22",
    )
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/regions/testregio/export.zip").data))
    for file in document["files"]:
        text = archive.read(file["name"]).decode()
        header, *lines = text.splitlines()
        assert header.split(",") == file["columns"]
        assert len(lines) == len(file["rows"])
    outcomes = next(f for f in document["files"] if f["name"] == "outcomes.csv")
    small = next(row for row in outcomes["rows"] if row["provider_id"] == "opvoedhuis")
    assert (small["closed_trajectories"], small["goal_attainment_pct"]) == ("6", "")
    assert "50" not in json.dumps(small)
