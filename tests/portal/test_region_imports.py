"""Region staff load their region's files in the browser: upload, a report of what would
change, a confirmation that loads exactly that, and a history with the files kept.

The store holds the demo data; staff of Amsterdam-Amstelland upload their region's share
of it (tests/utils/region_files.py), as they would export it themselves.
"""

import hashlib
import io
import re
import shutil
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session, select
from werkzeug.test import TestResponse

from indexer.accounts import service
from indexer.accounts.tokens import make_token
from indexer.imports import runs
from indexer.imports.files import MAX_REQUEST_BYTES
from indexer.models import WaitTime
from indexer.models.imports import CHECKING, ImportRun
from indexer.search.documents import build_documents
from indexer.search.embedded import EmbeddedEngine
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from portal import create_app
from tests.portal.account.conftest import PASSWORD, csrf_token
from tests.portal.conftest import fixed_day
from tests.portal.region.test_workspace import sign_in_with_code
from tests.portal.test_routes import (
    dutch_with_a_skip_link_to_main,
    every_field_has_a_visible_label,
    ids_are_unique_and_in_page_links_land,
    no_browser_native_validation,
    nothing_inline_for_the_csp_to_block,
    one_h1_inside_main,
    title_names_the_page_then_the_site,
)
from tests.utils.datasets import add_row, read_rows, set_cell, write_rows
from tests.utils.html import parse
from tests.utils.loading import TODAY
from tests.utils.region_files import region_subset, row_of

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
REGION, OTHER_REGION = "amsterdam-amstelland", "eemland"
# Bureau Twee Huizen's wait was confirmed recently, so search shows it as current.
PROVIDER, PROVIDER_NAME, OTHER_PROVIDER = "bureau-twee-huizen", "Bureau Twee Huizen", "dubbelzicht"
COUNT = re.compile(r"<dt>([^<]+)</dt><dd>(\d+)</dd>")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data loaded and indexed once; each test works on a copy."""
    folder = tmp_path_factory.mktemp("demo-store")
    engine = make_engine(f"sqlite:///{folder / 'store.db'}")
    migrate(engine)
    with Session(engine) as session:
        assert load_folder(DEMO, session, today=TODAY).ok
        session.commit()
        EmbeddedEngine(folder / "index").rebuild(build_documents(session, TODAY))
    engine.dispose()
    return folder


@pytest.fixture
def app(demo_store: Path, tmp_path: Path) -> Flask:
    store = shutil.copytree(demo_store, tmp_path / "store", symlinks=True)
    config = {
        "database_url": f"sqlite:///{store / 'store.db'}",
        "index_dir": store / "index",
        "imports_dir": tmp_path / "imports",
        "app_env": "test",
        "secret_key": "test-secret",
    }
    with Session(make_engine(config["database_url"])) as session:
        for email, region in (("staff@example.org", REGION), ("other@example.org", OTHER_REGION)):
            user = service.invite(email, actor="test", session=session, region_id=region)
            session.flush()
            token = make_token("test-secret", "invitation", user.id)
            service.accept_invitation(token, PASSWORD, secret="test-secret", session=session)
        session.commit()
    return fixed_day(create_app(config))


def signed_in(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    sign_in_with_code(client, email)
    return client


@pytest.fixture
def staff(app: Flask) -> FlaskClient:
    return signed_in(app, "staff@example.org")


@pytest.fixture
def other_staff(app: Flask) -> FlaskClient:
    return signed_in(app, "other@example.org")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Amsterdam-Amstelland's files as in the store, with one wait changed to 23 weeks."""
    folder = region_subset(DEMO, tmp_path / "upload", REGION)
    set_cell(folder, "waittimes.csv", wait_row(folder, PROVIDER), "weeks", "23")
    return folder


def wait_row(folder: Path, provider_id: str) -> int:
    return row_of(folder, "waittimes.csv", provider_id=provider_id, profile_code="")


def upload(client: FlaskClient, paths: list[Path], region: str = REGION) -> TestResponse:
    page = client.get(f"/regio/{region}/import").get_data(as_text=True)
    sent = [(io.BytesIO(path.read_bytes()), path.name) for path in paths]
    data = {"csrf_token": csrf_token(page), "bestanden": sent}
    return client.post(f"/regio/{region}/import", data=data, content_type="multipart/form-data")


def report_after(client: FlaskClient, response: TestResponse) -> str:
    """Follow a form's answer to the run's page until its check or load is done."""
    assert response.status_code == 303, response.get_data(as_text=True)
    deadline = time.monotonic() + 60
    while True:
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        if "<h1>Even geduld</h1>" not in page:
            return page
        assert time.monotonic() < deadline, "the run never finished"
        time.sleep(0.1)


def checked(client: FlaskClient, folder: Path, region: str = REGION) -> str:
    return report_after(client, upload(client, sorted(folder.iterdir()), region))


def counts(page: str) -> dict[str, int]:
    return {label: int(number) for label, number in COUNT.findall(page)}


def confirm(client: FlaskClient, page: str) -> str:
    action = re.search(r'action="([^"]+/laden)"', page).group(1)
    shown = re.search(r'name="verslag" value="([0-9a-f]+)"', page).group(1)
    answer = client.post(action, data={"csrf_token": csrf_token(page), "verslag": shown})
    return report_after(client, answer)


def stored_weeks(app: Flask, provider_id: str) -> int:
    with Session(app.extensions["engine"]) as session:
        query = select(WaitTime.weeks).where(
            WaitTime.region_id == REGION,
            WaitTime.provider_id == provider_id,
            WaitTime.profile_code == "",
        )
        return session.exec(query).one()


NO_CHANGE = {"Toegevoegd": 0, "Beëindigd": 0, "Verwijderd": 0, "Verschillen met de aanbieder": 0}


def test_a_broken_row_is_reported_then_the_fixed_files_load_one_wait_search_shows_at_once(
    app: Flask, staff: FlaskClient, files: Path
) -> None:
    broken = wait_row(files, OTHER_PROVIDER)
    weeks = read_rows(files / "waittimes.csv")[broken - 2]["weeks"]
    set_cell(files, "waittimes.csv", broken, "weeks", "veel")
    page = checked(staff, files)
    assert "<title>1 probleem: Controle van uw bestanden" in page
    problem = re.search(r'<tr id="probleem-1">(.*?)</tr>', page, re.S).group(1)
    assert f'href="#probleem-1">{broken}</a>' in problem
    assert "weeks" in problem and "veel" in problem
    assert "waittimes.csv (1)" in page
    assert 'name="verslag"' not in page  # nothing to confirm while a row is wrong

    set_cell(files, "waittimes.csv", broken, "weeks", weeks)
    page = checked(staff, files)
    assert counts(page) == NO_CHANGE | {"Gewijzigd": 1, "Problemen": 0}
    loaded = confirm(staff, page)
    assert "Geladen door staff@example.org" in loaded
    assert stored_weeks(app, PROVIDER) == 23
    results = staff.get(f"/zoeken?q={PROVIDER_NAME}&postcode=1011").get_data(as_text=True)
    assert f"{PROVIDER_NAME}</a></h3>" in results
    card = results.split('<li class="result">')[1]  # the first result: this provider
    assert PROVIDER_NAME in card and "<li>Wachttijd: 23 weken" in card


def test_the_history_lists_the_load_with_its_files_and_their_checksums(
    staff: FlaskClient, files: Path
) -> None:
    confirm(staff, checked(staff, files))
    history = staff.get(f"/regio/{REGION}/imports").get_data(as_text=True)
    assert "Geladen door staff@example.org" in history
    for number, path in enumerate(sorted(files.iterdir()), 1):
        assert hashlib.sha256(path.read_bytes()).hexdigest() in history
        with staff.get(f"/regio/{REGION}/import/1/bestanden/{number}") as kept:
            assert kept.data == path.read_bytes()
            assert path.name in kept.headers["Content-Disposition"]
    with staff.get(f"/regio/{REGION}/import/1/verslag.csv") as report:
        assert report.mimetype == "text/csv" and report.data


def test_staff_of_another_region_get_404_for_its_pages_and_forms(
    staff: FlaskClient, other_staff: FlaskClient, files: Path
) -> None:
    page = checked(staff, files)
    run = f"/regio/{REGION}/import/1"
    for path in (
        run,
        f"{run}/verslag.csv",
        f"{run}/bestanden/1",
        f"/regio/{REGION}/imports",
        f"/regio/{REGION}/import",
    ):
        with other_staff.get(path) as answer:
            assert answer.status_code == 404, path
    token = csrf_token(other_staff.get(f"/regio/{OTHER_REGION}/import").get_data(as_text=True))
    shown = re.search(r'name="verslag" value="([0-9a-f]+)"', page).group(1)
    assert (
        other_staff.post(f"{run}/laden", data={"csrf_token": token, "verslag": shown}).status_code
        == 404
    )
    # Nor do they reach it through their own region's address.
    assert other_staff.get(f"/regio/{OTHER_REGION}/import/1").status_code == 404
    assert "Gecontroleerd, niet geladen" in staff.get(f"/regio/{REGION}/imports").get_data(
        as_text=True
    )


def test_an_upload_without_the_forms_token_is_refused_and_nothing_is_kept(
    app: Flask, staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    path = files / "waittimes.csv"
    data = {"bestanden": [(io.BytesIO(path.read_bytes()), path.name)]}
    answer = staff.post(f"/regio/{REGION}/import", data=data, content_type="multipart/form-data")
    assert answer.status_code == 400
    assert "Formulier verlopen" in answer.get_data(as_text=True)
    assert not (tmp_path / "imports").exists()
    assert "nog geen bestanden gestuurd" in staff.get(f"/regio/{REGION}/imports").get_data(
        as_text=True
    )


def test_a_too_large_upload_gets_a_page_that_says_so(staff: FlaskClient) -> None:
    token = csrf_token(staff.get(f"/regio/{REGION}/import").get_data(as_text=True))
    # The body as a browser sends it, built here: the test client would spool a large one
    # to a temporary file that nobody closes when the request is refused.
    body = b"\r\n".join(
        [
            b"--grens",
            b'Content-Disposition: form-data; name="csrf_token"',
            b"",
            token.encode(),
            b"--grens",
            b'Content-Disposition: form-data; name="bestanden"; filename="contracts.csv"',
            b"Content-Type: text/csv",
            b"",
            b"0" * MAX_REQUEST_BYTES,
            b"--grens--",
            b"",
        ]
    )
    answer = staff.post(
        f"/regio/{REGION}/import", data=body, content_type="multipart/form-data; boundary=grens"
    )
    assert answer.status_code == 413
    assert "U kunt tot 60 MB tegelijk sturen" in answer.get_data(as_text=True)


def test_when_the_store_changes_after_the_report_the_new_report_is_shown_and_nothing_loads(
    app: Flask, staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    page = checked(staff, files)
    assert counts(page)["Gewijzigd"] == 1
    meanwhile = region_subset(DEMO, tmp_path / "meanwhile", REGION)
    set_cell(meanwhile, "waittimes.csv", wait_row(meanwhile, OTHER_PROVIDER), "weeks", "30")
    with Session(app.extensions["engine"]) as session:
        assert load_folder(meanwhile, session, today=TODAY).ok
        session.commit()
    again = confirm(staff, page)
    assert "Er is iets veranderd sinds u het verslag zag" in again
    assert counts(again)["Gewijzigd"] == 2  # ours, and setting the other wait back
    assert stored_weeks(app, PROVIDER) != 23
    assert 'name="verslag"' in again  # the new report can be confirmed in turn
    assert "Geladen" not in again


def test_rows_of_another_region_are_problems_and_a_file_of_only_its_rows_is_refused(
    staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    other = region_subset(DEMO, tmp_path / "other", OTHER_REGION)
    rows = [*read_rows(files / "contracts.csv"), *read_rows(other / "contracts.csv")[:1]]
    write_rows(files / "contracts.csv", rows)
    shutil.copy(other / "norms.csv", files / "norms.csv")
    for name, column, value in (
        ("providers.csv", "provider_id", "jeugd-en-gezin-eemkant"),  # contracted in Eemland only
        ("teams.csv", "team_id", "wijkteam-amersfoort-noord"),
    ):
        write_rows(
            files / name,
            [*read_rows(files / name), *(r for r in read_rows(other / name) if r[column] == value)],
        )
    page = checked(staff, files)
    problems = dict(re.findall(r'<h3 id="bestand-\d+">([^<]+) \((\d+)\)</h3>', page))
    assert problems == {
        "contracts.csv": "1",
        "norms.csv": "1",
        "providers.csv": "1",
        "teams.csv": "1",
    }
    assert 'eemland</td>\n        <td lang="en">is another region: you load for region ' in page
    assert f'href="#probleem-1">{len(rows) + 1}</a>' in page
    assert "holds no rows of region amsterdam-amstelland" in page  # norms.csv, as a whole
    assert "has no contract in region amsterdam-amstelland" in page
    assert "belongs to municipality GM0307 of region eemland" in page
    assert 'name="verslag"' not in page


def test_a_mass_end_is_loaded_only_when_staff_tick_that_the_contracts_really_stop(
    staff: FlaskClient, files: Path
) -> None:
    write_rows(files / "contracts.csv", read_rows(files / "contracts.csv")[:1])
    page = checked(staff, files)
    assert "Veel contracten zouden stoppen" in page
    assert 'name="verslag"' not in page
    action = re.search(r'action="([^"]+/controleren)"', page).group(1)
    unticked = staff.post(action, data={"csrf_token": csrf_token(page)})
    assert unticked.status_code == 400
    assert "Zet een vinkje als deze contracten echt stoppen." in unticked.get_data(as_text=True)
    ticked = report_after(
        staff, staff.post(action, data={"csrf_token": csrf_token(page), "massaal": "ja"})
    )
    assert counts(ticked)["Beëindigd"] > 100
    assert 'name="verslag"' in ticked


def test_a_zip_is_kept_as_sent_and_its_files_are_checked(staff: FlaskClient, files: Path) -> None:
    bundle = files.parent / "regio.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for path in sorted(files.iterdir()):
            archive.write(path, f"export/{path.name}")
    page = report_after(staff, upload(staff, [bundle]))
    assert counts(page) == NO_CHANGE | {"Gewijzigd": 1, "Problemen": 0}
    assert "export/waittimes.csv, rij" in page
    history = staff.get(f"/regio/{REGION}/imports").get_data(as_text=True)
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() in history


def test_files_are_recognised_by_their_header_whatever_their_name(
    staff: FlaskClient, files: Path
) -> None:
    (files / "waittimes.csv").rename(files / "Wachttijden export 2026.csv")
    page = checked(staff, files)
    assert counts(page)["Gewijzigd"] == 1
    assert "read as waittimes (recognised by its header)" in page


def test_a_file_name_never_leads_outside_the_uploads_folder(
    staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    path = files / "waittimes.csv"
    token = csrf_token(staff.get(f"/regio/{REGION}/import").get_data(as_text=True))
    sent = [(io.BytesIO(path.read_bytes()), "..\\..\\../../waittimes.csv")]
    data = {"csrf_token": token, "bestanden": sent}
    report_after(
        staff, staff.post(f"/regio/{REGION}/import", data=data, content_type="multipart/form-data")
    )
    [kept] = (tmp_path / "imports").rglob("waittimes.csv")
    assert kept.parent.name == "sent" and kept.read_bytes() == path.read_bytes()
    assert not list(tmp_path.glob("*.csv"))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Kies een of meer bestanden."),
        ("notities.txt", "notities.txt is geen CSV-, Excel- (XLSX) of zipbestand."),
    ],
)
def test_an_upload_that_cannot_be_checked_says_why(
    staff: FlaskClient, tmp_path: Path, name: str, message: str
) -> None:
    token = csrf_token(staff.get(f"/regio/{REGION}/import").get_data(as_text=True))
    sent = [(io.BytesIO(b"iets"), name)] if name else []
    data = {"csrf_token": token, "bestanden": sent}
    answer = staff.post(f"/regio/{REGION}/import", data=data, content_type="multipart/form-data")
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert message in page and "<title>Fout:" in page
    assert not any((tmp_path / "imports").rglob("*.*"))


def test_a_busy_run_refreshes_itself_only_when_asked_and_one_that_stopped_says_so(
    app: Flask, staff: FlaskClient
) -> None:
    with Session(app.extensions["engine"]) as session:
        run = runs.start(session, region_id=REGION, actor="a@b.nl", folder="x", files=[])
        assert run.status == CHECKING
        path = f"/regio/{REGION}/import/{run.id}"
        busy = staff.get(path).get_data(as_text=True)
        assert "Wij controleren uw bestanden." in busy and "Kijk of het klaar is" in busy
        assert 'http-equiv="refresh"' not in busy  # the page stays until the reader acts
        asked = staff.get(f"{path}?vanzelf=ja").get_data(as_text=True)
        assert '<meta http-equiv="refresh" content="5">' in asked
        stored = session.get(ImportRun, run.id)
        stored.updated_at = datetime.now(UTC) - timedelta(hours=2)
        session.commit()
    stopped = staff.get(path).get_data(as_text=True)
    assert "is onderbroken" in stopped and 'http-equiv="refresh"' not in stopped


HOUSE_RULES = (
    title_names_the_page_then_the_site,
    one_h1_inside_main,
    dutch_with_a_skip_link_to_main,
    every_field_has_a_visible_label,
    no_browser_native_validation,
    ids_are_unique_and_in_page_links_land,
    nothing_inline_for_the_csp_to_block,
)


def test_the_import_pages_follow_the_house_rules(staff: FlaskClient, files: Path) -> None:
    upload_page = f"/regio/{REGION}/import"
    token = csrf_token(staff.get(upload_page).get_data(as_text=True))
    pages = {
        "upload": staff.get(upload_page).get_data(as_text=True),
        "refused": staff.post(upload_page, data={"csrf_token": token}).get_data(as_text=True),
    }
    set_cell(files, "waittimes.csv", wait_row(files, OTHER_PROVIDER), "weeks", "veel")
    pages["problems"] = checked(staff, files)
    set_cell(files, "waittimes.csv", wait_row(files, OTHER_PROVIDER), "weeks", "4")
    pages["report"] = checked(staff, files)
    pages["loaded"] = confirm(staff, pages["report"])
    pages["history"] = staff.get(f"/regio/{REGION}/imports").get_data(as_text=True)
    for name, html in pages.items():
        for rule in HOUSE_RULES:
            try:
                rule(parse(html))
            except AssertionError as error:
                raise AssertionError(f"{name}: {rule.__name__}: {error}") from error


CENTRE = {"latitude": "52.37", "longitude": "4.89"}  # of a new postcode in Amsterdam


def problem_rows(page: str) -> list[tuple[str, str, str]]:
    """(column, value, rule) of every problem the report page lists."""
    cells = r'<td lang="und">([^<]*)</td>\s*<td lang="und">([^<]*)</td>\s*<td lang="en">([^<]*)'
    return re.findall(cells, page)


def test_a_team_may_serve_only_postcodes_of_the_region(staff: FlaskClient, files: Path) -> None:
    team = row_of(files, "teams.csv", team_id="okt-centrum-west")
    add_row(files, "postcodes.csv", pc4="1020", municipality_code="GM0363", **CENTRE)
    set_cell(files, "teams.csv", team, "pc4", "1012;1020")  # 1020 is new in this upload
    assert counts(checked(staff, files))["Problemen"] == 0

    set_cell(files, "teams.csv", team, "pc4", "1012;3811")
    page = checked(staff, files)
    only = f"you load for region {REGION} only"
    assert problem_rows(page) == [
        ("pc4", "3811", f"belongs to municipality GM0307 of region eemland: {only}")
    ]

    set_cell(files, "teams.csv", team, "pc4", "1000-9999")  # the whole country
    [(column, value, rule)] = problem_rows(checked(staff, files))
    assert (column, value) == ("pc4", "1000")
    assert rule.startswith(f"is a postcode neither in the store nor in postcodes.csv: {only}")
    assert "more postcodes of this team are not the region" in rule


def add_contract(folder: Path, provider_id: str, valid_to: str) -> None:
    """A contract of the region with `provider_id` (B, P06, I1) that ends on `valid_to`."""
    add_row(
        folder,
        "contracts.csv",
        region_id=REGION,
        provider_id=provider_id,
        segment="B",
        profile_code="P06",
        intensity_code="I1",
        valid_from="2025-01-01",
        valid_to=valid_to,
    )


def test_an_ended_contract_in_the_upload_does_not_let_a_region_rewrite_another_regions_provider(
    staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    provider = "jeugd-en-gezin-eemkant"  # contracted in Eemland only
    other = region_subset(DEMO, tmp_path / "other", OTHER_REGION)
    for name in ("providers.csv", "locations.csv"):
        theirs = [r for r in read_rows(other / name) if r["provider_id"] == provider]
        write_rows(files / name, [*read_rows(files / name), *theirs])
    set_cell(
        files, "providers.csv", row_of(files, "providers.csv", provider_id=provider), "name", "Ons"
    )
    add_contract(files, provider, "2025-12-31")
    page = checked(staff, files)
    rule = f"has no contract in region {REGION} that runs today in the store"
    assert {(column, value) for column, value, _ in problem_rows(page)} == {
        ("provider_id", provider)
    }
    assert rule in page and 'name="verslag"' not in page


@pytest.mark.parametrize(("valid_to", "problems"), [("2026-06-30", 2), ("2027-12-31", 0)])
def test_a_contract_in_the_upload_vouches_for_a_new_provider_only_when_it_runs_today_or_later(
    staff: FlaskClient, files: Path, valid_to: str, problems: int
) -> None:
    provider = "nieuw-bureau"
    add_row(files, "providers.csv", provider_id=provider, name="Nieuw Bureau")
    add_row(files, "locations.csv", provider_id=provider, location_id="loc-1", postcode="1011 AB")
    add_contract(files, provider, valid_to)
    page = checked(staff, files)
    assert counts(page)["Problemen"] == problems
    if problems:
        rule = f"has no contract in region {REGION} that runs today or later"
        assert {problem[2].split(":")[0] for problem in problem_rows(page)} == {rule}
    else:
        assert counts(page)["Toegevoegd"] == 3


def test_a_postcode_of_an_unknown_municipality_is_a_problem_that_names_it(
    staff: FlaskClient, files: Path
) -> None:
    add_row(files, "postcodes.csv", pc4="1020", municipality_code="GM9999", **CENTRE)
    rule = "belongs to municipality GM9999, which is neither in the store nor in regions.csv"
    assert problem_rows(checked(staff, files)) == [
        ("municipality_code", "GM9999", f"{rule}: you load for region {REGION} only")
    ]


def test_a_long_file_name_is_shortened_to_what_the_disk_keeps(
    staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    path = files / "waittimes.csv"
    token = csrf_token(staff.get(f"/regio/{REGION}/import").get_data(as_text=True))
    sent = [(io.BytesIO(path.read_bytes()), f"Wachttijden {'ë' * 150}.csv")]
    data = {"csrf_token": token, "bestanden": sent}
    answer = staff.post(f"/regio/{REGION}/import", data=data, content_type="multipart/form-data")
    page = report_after(staff, answer)
    assert counts(page)["Gewijzigd"] == 1
    [kept] = (tmp_path / "imports").rglob("sent/*")
    assert kept.name.endswith("ë.csv") and 190 < len(kept.name.encode()) <= 200


def test_a_load_whose_index_cannot_be_written_is_loaded_with_a_notice(
    app: Flask, staff: FlaskClient, files: Path, tmp_path: Path
) -> None:
    page = checked(staff, files)
    (tmp_path / "store" / "index" / "current" / "build-info.json").write_text("{")  # damaged
    loaded = confirm(staff, page)
    assert "Geladen door staff@example.org" in loaded
    assert "de zoekfunctie is nog niet bijgewerkt" in loaded
    assert stored_weeks(app, PROVIDER) == 23
    history = staff.get(f"/regio/{REGION}/imports").get_data(as_text=True)
    assert "Mislukt" not in history and "Geladen" in history
