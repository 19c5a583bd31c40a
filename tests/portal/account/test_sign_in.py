"""Signing in, the second factor, invitations and resets, as the people who use them."""

import logging
import re
import time

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.accounts import service
from indexer.accounts.tokens import make_token
from indexer.models.accounts import User
from tests.portal.account.conftest import PASSWORD, csrf_token

LINK = re.compile(r"http://\S+")


def sign_in(send_form, email: str, password: str = PASSWORD):
    return send_form("/inloggen", {"email": email, "password": password})


def test_a_provider_editor_signs_in_and_sees_their_provider(send_form, client, people) -> None:
    response = sign_in(send_form, people["editor"])
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account")
    page = client.get("/account").get_data(as_text=True)
    assert "Rustpunt Jeugd" in page
    assert "editor@example.org" in page


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(send_form, people) -> None:
    wrong = sign_in(send_form, people["editor"], "niet het goede wachtwoord")
    unknown = sign_in(send_form, "niemand@example.org")
    assert wrong.status_code == unknown.status_code == 400
    message = "Dit e-mailadres en wachtwoord horen niet bij elkaar."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)


def test_the_eleventh_wrong_password_within_a_minute_is_refused(send_form, people) -> None:
    answers = [sign_in(send_form, people["editor"], f"fout {n}").status_code for n in range(11)]
    assert answers[:10] == [400] * 10
    assert answers[10] == 429


def test_after_five_wrong_passwords_even_the_right_one_waits(send_form, people) -> None:
    for n in range(5):
        sign_in(send_form, people["editor"], f"fout {n}")
    locked = sign_in(send_form, people["editor"])
    assert locked.status_code == 400
    assert "Probeer het over 15 minuten opnieuw" in locked.get_data(as_text=True)


def test_region_staff_enrol_a_second_factor_then_need_it(send_form, client, people) -> None:
    first = sign_in(send_form, people["staff"])
    assert first.headers["Location"].endswith("/inloggen/app-koppelen")
    enrol_page = client.get("/inloggen/app-koppelen").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in enrol_page  # the QR code, made on the server
    secret = re.search(r'<code class="secret" dir="ltr">([A-Z2-7]+)</code>', enrol_page).group(1)
    enrolled_at = time.time()
    enrol_code = pyotp.TOTP(secret).at(enrolled_at)
    done = send_form("/inloggen/app-koppelen", {"code": enrol_code})
    assert done.headers["Location"].endswith("/account")
    client.post(
        "/uitloggen", data={"csrf_token": csrf_token(client.get("/account").get_data(as_text=True))}
    )
    assert client.get("/account").status_code == 302  # signed out

    again = sign_in(send_form, people["staff"])
    assert again.headers["Location"].endswith("/inloggen/code")
    assert client.get("/account").status_code == 302  # a password alone is not enough
    wrong = send_form("/inloggen/code", {"code": "000000"})
    assert wrong.status_code == 400
    # The same code again (not "the current code": a 30-second step may have passed).
    used = send_form("/inloggen/code", {"code": enrol_code})
    assert used.status_code == 400  # the code used to enrol works once
    later = pyotp.TOTP(secret).at(enrolled_at + 30)  # the app's next code
    right = send_form("/inloggen/code", {"code": later})
    assert right.headers["Location"].endswith("/account")
    assert client.get("/account").status_code == 200


def test_the_code_step_is_not_reachable_without_the_password(client: FlaskClient) -> None:
    assert client.get("/inloggen/code").status_code == 404


def test_an_invitation_link_works_once(
    send_form, client: FlaskClient, sqlite_engine: Engine
) -> None:
    with Session(sqlite_engine) as session:
        user = service.invite(
            "nieuw@example.org", provider_id="rustpunt", actor="test", session=session
        )
        session.commit()
        token = make_token("test-secret", "invitation", user.id)
    path = f"/uitnodiging?token={token}"
    new_password = {
        "password": "mijn eigen lange wachtwoord",
        "confirm": "mijn eigen lange wachtwoord",
    }
    accepted = send_form(path, {"token": token, **new_password})
    assert accepted.headers["Location"].endswith("/account")
    client.get("/account")
    again = client.get(path)
    assert again.status_code == 400
    assert "al gebruikt of verlopen" in again.get_data(as_text=True)


def test_a_password_is_reset_through_the_mail(send_form, client, people, smtp_server) -> None:
    sent = send_form("/wachtwoord-vergeten", {"email": people["editor"]})
    assert sent.status_code == 200
    [mail] = smtp_server.messages
    assert mail["To"] == people["editor"]
    link = LINK.search(mail.get_content()).group()
    path = link.removeprefix("http://127.0.0.1:5000")
    token = path.split("token=")[1]
    new = "een nieuwe lange wachtzin"
    assert send_form(path, {"token": token, "password": new, "confirm": new}).status_code == 302
    client.post(
        "/uitloggen", data={"csrf_token": csrf_token(client.get("/account").get_data(as_text=True))}
    )
    assert sign_in(send_form, people["editor"], new).status_code == 302
    assert client.get(path).status_code == 400  # used once


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(
    send_form, smtp_server, people
) -> None:
    known = send_form("/wachtwoord-vergeten", {"email": people["editor"]}).get_data(as_text=True)
    unknown = send_form("/wachtwoord-vergeten", {"email": "niemand@example.org"}).get_data(
        as_text=True
    )
    assert len(smtp_server.messages) == 1
    assert "Als dit e-mailadres bij een account hoort" in known
    assert "Als dit e-mailadres bij een account hoort" in unknown


def test_no_password_or_token_reaches_the_logs(
    send_form, people, caplog: pytest.LogCaptureFixture, smtp_server
) -> None:
    with caplog.at_level(logging.DEBUG):
        sign_in(send_form, people["editor"], "verkeerd-maar-geheim")
        sign_in(send_form, people["editor"])
        send_form("/wachtwoord-vergeten", {"email": people["editor"]})
    token = LINK.search(smtp_server.messages[0].get_content()).group().split("token=")[1]
    for secret in (PASSWORD, "verkeerd-maar-geheim", token, "een link"):
        assert secret not in caplog.text


def test_the_session_cookie_is_httponly_and_lax(send_form, people, app: Flask) -> None:
    response = sign_in(send_form, people["editor"])
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_the_stored_password_is_a_scrypt_hash(sqlite_engine: Engine, people) -> None:
    with Session(sqlite_engine) as session:
        stored = session.exec(
            select(User.password_hash).where(User.email == people["editor"])
        ).one()
    assert stored.startswith("scrypt:")
    assert PASSWORD not in stored
