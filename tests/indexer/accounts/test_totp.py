"""The second factor: enrolment stores the secret only after a right code from the app,
codes are checked with one step of clock drift, and admins and region staff need one."""

import time
from urllib.parse import parse_qs, urlsplit

import pyotp
import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.accounts.service import (
    enable_totp,
    needs_second_factor,
    totp_provisioning,
    use_totp,
    verify_totp,
)
from indexer.models.accounts import User


def test_enrolment_needs_a_right_code_and_then_codes_verify(
    engine: Engine, session: Session, region_staff: User
) -> None:
    secret, uri = totp_provisioning(region_staff)
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert parse_qs(parts.query)["issuer"] == ["Jeugdhulpgids"]
    assert parse_qs(parts.query)["secret"] == [secret]
    assert region_staff.email in uri.replace("%40", "@")

    app = pyotp.TOTP(secret)
    valid = {app.at(time.time() + drift) for drift in (-30, 0, 30)}
    wrong = next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)
    assert not enable_totp(region_staff, secret, wrong, session=session)
    assert region_staff.totp_secret is None
    assert enable_totp(region_staff, secret, app.now(), session=session)
    with Session(engine) as elsewhere:
        assert elsewhere.get(User, region_staff.id).totp_secret == secret

    if time.time() % 30 > 28:  # not across a step boundary while checking the drift below
        time.sleep(2.1)
    code = app.now()
    assert verify_totp(region_staff, code)
    assert verify_totp(region_staff, f"{code[:3]} {code[3:]}")  # as the app shows it
    assert verify_totp(region_staff, app.at(time.time() - 30))  # one step of drift
    assert not verify_totp(region_staff, app.at(time.time() - 120))
    assert not verify_totp(region_staff, wrong)
    assert not verify_totp(region_staff, "")
    assert not verify_totp(region_staff, "١٢٣٤٥٦")  # Arabic-Indic digits are not a code


def test_no_code_verifies_without_a_second_factor(provider_editor: User) -> None:
    assert not verify_totp(provider_editor, "123456")


@pytest.mark.parametrize(
    ("role", "needed"),
    [
        ("provider_editor", False),
        ("other_provider", False),
        ("region_staff", True),
        ("admin", True),
    ],
)
def test_admins_and_region_staff_need_a_second_factor(
    request: pytest.FixtureRequest, session: Session, role: str, needed: bool
) -> None:
    assert needs_second_factor(request.getfixturevalue(role)) is needed


def test_a_code_signs_in_once(region_staff: User, session: Session) -> None:
    secret, _uri = totp_provisioning(region_staff)
    app = pyotp.TOTP(secret)
    assert enable_totp(region_staff, secret, app.now(), session=session)
    assert not use_totp(region_staff, app.now(), session=session)  # used to enrol
    later = app.at(time.time() + 30)
    assert use_totp(region_staff, later, session=session)
    assert not use_totp(region_staff, later, session=session)  # seen over a shoulder
    assert not use_totp(region_staff, app.at(time.time() - 30), session=session)  # older
