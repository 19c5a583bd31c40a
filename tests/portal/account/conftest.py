"""Accounts in the portal: people of each role on the minimal dataset, and a way to send
forms as a browser does (with the CSRF token from the page)."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session
from werkzeug.test import TestResponse

from indexer.accounts import service
from indexer.accounts.tokens import make_token
from portal import create_app
from tests.portal.conftest import fixed_day
from tests.utils.smtp import smtp_server  # noqa: F401  (the real SMTP server fixture)

PASSWORD = "een lange zin als wachtwoord"
CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


@pytest.fixture
def app(app_config: dict[str, Any], request: pytest.FixtureRequest) -> Flask:
    """The portal, mailing through a real SMTP server on loopback."""
    mail = request.getfixturevalue("smtp_server").settings_overrides()
    return fixed_day(create_app(app_config | mail))


@pytest.fixture
def people(app: Flask, sqlite_engine: Engine) -> dict[str, str]:
    """E-mail per role: an editor of rustpunt, staff of testregio, an admin."""
    with Session(sqlite_engine) as session:
        service.create_admin("admin@example.org", PASSWORD, session=session)
        for email, where in (
            ("editor@example.org", {"provider_id": "rustpunt"}),
            ("staff@example.org", {"region_id": "testregio"}),
        ):
            user = service.invite(email, actor="test", session=session, **where)
            session.flush()
            token = make_token("test-secret", "invitation", user.id)
            service.accept_invitation(token, PASSWORD, secret="test-secret", session=session)
        session.commit()
    return {
        "editor": "editor@example.org",
        "staff": "staff@example.org",
        "admin": "admin@example.org",
    }


def csrf_token(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the form has no CSRF token"
    return found.group(1) or found.group(2)


@pytest.fixture
def send_form(client: FlaskClient) -> Callable[..., TestResponse]:
    """GET the page, then POST its form with `data` and the page's CSRF token."""

    def send(path: str, data: dict[str, str], **options: Any) -> TestResponse:
        page = client.get(path)
        return client.post(
            path, data={"csrf_token": csrf_token(page.get_data(as_text=True)), **data}, **options
        )

    return send
