"""Region staff moderate what providers change, resolve conflicts with their own files and
invite editors, for their own region only."""

import re

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.accounts import service
from indexer.accounts.tokens import make_token
from indexer.models import AuditEntry, Provider, Region
from indexer.models.edits import Conflict
from indexer.sources import load_folder
from tests.portal.account.conftest import PASSWORD, csrf_token
from tests.utils.datasets import set_cell
from tests.utils.loading import TODAY

LINK = re.compile(r"http://\S+")


def sign_in_with_code(client: FlaskClient, email: str) -> None:
    """The whole staff sign-in: password, then enrolling the app, then its code."""
    page = client.get("/inloggen").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "email": email, "password": PASSWORD}
    assert client.post("/inloggen", data=data).status_code == 302
    enrol = client.get("/inloggen/app-koppelen").get_data(as_text=True)
    secret = re.search(r'<code class="secret" dir="ltr">([A-Z2-7]+)</code>', enrol).group(1)
    code = {"csrf_token": csrf_token(enrol), "code": pyotp.TOTP(secret).now()}
    assert client.post("/inloggen/app-koppelen", data=code).status_code == 302


def post(client: FlaskClient, path: str, **data: str):
    token = csrf_token(client.get("/account").get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **data})


@pytest.fixture
def staff(app: Flask, people) -> FlaskClient:
    client = app.test_client()
    sign_in_with_code(client, people["staff"])
    return client


@pytest.fixture
def editor(app: Flask, people) -> FlaskClient:
    client = app.test_client()
    page = client.get("/inloggen").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "email": people["editor"], "password": PASSWORD}
    assert client.post("/inloggen", data=data).status_code == 302
    return client


def propose_description(editor: FlaskClient, text: str) -> None:
    assert post(editor, "/beheer/rustpunt/descriptions", description_nl=text).status_code == 302


def test_staff_approve_a_description_and_families_see_it(staff, editor, smtp_server) -> None:
    propose_description(editor, "Wij helpen kinderen die veel piekeren.")
    dashboard = staff.get("/regio/testregio").get_data(as_text=True)
    assert "Wij helpen kinderen met angst." in dashboard  # old and new side by side
    change_id = re.search(r"/regio/testregio/wijzigingen/(\d+)", dashboard).group(1)
    answer = post(staff, f"/regio/testregio/wijzigingen/{change_id}", besluit="goedkeuren")
    assert answer.status_code == 302
    assert "veel piekeren" in staff.get("/aanbieders/rustpunt").get_data(as_text=True)
    assert "Rustpunt Jeugd" in staff.get("/zoeken?q=piekeren&postcode=1011").get_data(as_text=True)
    assert [m["To"] for m in smtp_server.messages] == ["editor@example.org"]


def test_a_rejection_needs_a_reason_and_the_editor_reads_it(staff, editor, smtp_server) -> None:
    propose_description(editor, "Alles kan bij ons.")
    change_id = re.search(
        r"/regio/testregio/wijzigingen/(\d+)", staff.get("/regio/testregio").get_data(as_text=True)
    ).group(1)
    path = f"/regio/testregio/wijzigingen/{change_id}"
    assert post(staff, path, besluit="afwijzen").status_code == 400
    assert post(staff, path, besluit="afwijzen", reden="Te algemeen.").status_code == 302
    assert "Te algemeen." in smtp_server.messages[-1].get_content()
    assert "Alles kan bij ons." not in staff.get("/aanbieders/rustpunt").get_data(as_text=True)


def test_an_import_conflict_is_kept_with_the_providers_phone(
    staff, editor, sqlite_engine: Engine, dataset
) -> None:
    answer = post(
        editor,
        "/beheer/rustpunt/contact",
        phone="020-9998877",
        email="info@rustpunt.example",
        website="https://rustpunt.example",
    )
    assert answer.status_code == 302
    set_cell(dataset, "providers.csv", 2, "phone", "020-5554433")
    with Session(sqlite_engine) as session:
        assert load_folder(dataset, session, today=TODAY).ok
        session.commit()
    dashboard = staff.get("/regio/testregio").get_data(as_text=True)
    conflict_id = re.search(r"/regio/testregio/conflicten/(\d+)", dashboard).group(1)
    assert (
        post(staff, f"/regio/testregio/conflicten/{conflict_id}", keuze="keep").status_code == 302
    )
    with Session(sqlite_engine) as session:
        assert session.get(Provider, "rustpunt").phone == "020-9998877"
        assert session.get(Conflict, int(conflict_id)).resolution == "keep"
        logged = [
            e.changes
            for e in session.exec(select(AuditEntry).where(AuditEntry.entity == "conflict"))
        ]
    assert any("020-5554433" in str(c) and "020-9998877" in str(c) for c in logged)


def test_staff_invite_an_editor_who_then_keeps_the_listing(staff, app: Flask, smtp_server) -> None:
    answer = post(
        staff, "/regio/testregio/uitnodigen", email="nieuw@example.org", aanbieder="rustpunt"
    )
    assert answer.status_code == 302
    link = LINK.search(smtp_server.messages[-1].get_content()).group()
    path = link.removeprefix("http://127.0.0.1:5000")
    newcomer = app.test_client()
    page = newcomer.get(path).get_data(as_text=True)
    token = path.split("token=")[1]
    data = {
        "csrf_token": csrf_token(page),
        "token": token,
        "password": "een nieuwe lange zin",
        "confirm": "een nieuwe lange zin",
    }
    assert newcomer.post(path, data=data).status_code == 302
    assert newcomer.get("/beheer").headers["Location"].endswith("/beheer/rustpunt")


@pytest.fixture
def other_staff(app: Flask, sqlite_engine: Engine) -> FlaskClient:
    """Staff of another region, signed in."""
    with Session(sqlite_engine) as session:
        session.add(Region(id="andere-regio", name="Andere regio"))
        session.commit()
        user = service.invite(
            "ander@example.org", region_id="andere-regio", actor="test", session=session
        )

        token = make_token("test-secret", "invitation", user.id)
        service.accept_invitation(token, PASSWORD, secret="test-secret", session=session)
    client = app.test_client()
    sign_in_with_code(client, "ander@example.org")
    return client


WRITES = [
    ("get", "/regio/testregio"),
    ("post", "/regio/testregio/wijzigingen/1"),
    ("post", "/regio/testregio/conflicten/1"),
    ("post", "/regio/testregio/uitnodigen"),
    ("get", "/regio/testregio/aanbieders/rustpunt"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_staff_of_another_region_get_not_found(
    other_staff: FlaskClient, method: str, path: str
) -> None:
    answer = post(other_staff, path) if method == "post" else other_staff.get(path)
    assert answer.status_code == 404


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_a_provider_editor_gets_not_found_in_the_region(
    editor: FlaskClient, method: str, path: str
) -> None:
    answer = post(editor, path) if method == "post" else editor.get(path)
    assert answer.status_code == 404


def test_staff_cannot_decide_on_a_change_of_another_regions_provider(staff, other_staff) -> None:
    assert other_staff.get("/regio/andere-regio").status_code == 200
    assert staff.get("/regio/andere-regio").status_code == 404
    assert (
        post(
            staff, "/regio/andere-regio/uitnodigen", email="x@example.org", aanbieder="rustpunt"
        ).status_code
        == 404
    )
