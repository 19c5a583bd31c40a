"""`indexer remind`: providers with parts due are mailed at once, again after 2 and 4 weeks
and never more often; a confirmation starts afresh; region staff get the overdue list. Mail
goes to a real SMTP server, on the minimal dataset (SQLite and PostgreSQL)."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.accounts import service
from indexer.accounts.tokens import make_token
from indexer.cli import main
from indexer.edits import PARTS, confirm
from indexer.models.reminders import Reminder
from tests.indexer.edits.conftest import EDITOR, STAFF, act
from tests.utils.loading import TODAY
from tests.utils.smtp import SmtpServer, smtp_server  # noqa: F401  (the fixture)

SECRET = "test-secret-for-reminders"
PUBLIC_URL = "https://jeugdhulpgids.example"
LINK = f"{PUBLIC_URL}/beheer/rustpunt"


@pytest.fixture
def people(store: Engine) -> Engine:
    """An editor of Rustpunt and staff of Testregio, invited and signed up; Het Opvoedhuis
    has no editor."""
    with Session(store) as session:
        for email, where in (
            (EDITOR, {"provider_id": "rustpunt"}),
            (STAFF, {"region_id": "testregio"}),
        ):
            user = service.invite(email, actor="test", session=session, **where)
            session.flush()
            token = make_token(SECRET, "invitation", user.id)
            service.accept_invitation(token, "een lang wachtwoord", secret=SECRET, session=session)
        session.commit()
    return store


@pytest.fixture
def remind(people: Engine, smtp_server: SmtpServer, tmp_path: Path):  # noqa: F811
    """Run `indexer remind --today DAY` against the store: the result."""
    environment = smtp_server.environment() | {
        "APP_ENV": "test",
        "SECRET_KEY": SECRET,
        "PUBLIC_URL": PUBLIC_URL,
        "MAIL_OUTBOX": str(tmp_path / "outbox"),
    }
    url = people.url.render_as_string(hide_password=False)

    def run(day: date) -> Result:
        command = ["--database-url", url, "remind", "--today", day.isoformat()]
        result = CliRunner().invoke(main, command, env=environment)
        assert result.exit_code == 0, result.output
        return result

    return run


def mails_to(smtp_server: SmtpServer, address: str) -> list:  # noqa: F811
    return [m for m in smtp_server.messages if m["To"] == address]


def test_reminders_go_out_at_once_and_after_2_and_4_weeks_only(
    remind,
    smtp_server: SmtpServer,  # noqa: F811
) -> None:
    result = remind(TODAY)
    assert result.stdout.endswith("reminders sent: 1, regions told: 1\n")
    [first] = mails_to(smtp_server, EDITOR)
    assert first["Subject"] == "Klopt de vermelding van Rustpunt Jeugd nog?"
    body = first.get_content()
    assert LINK in body
    assert "- Wachttijden (nooit bevestigd)" in body
    assert "- Contactgegevens (nooit bevestigd)" in body

    sent_on = {}
    for days in (0, 1, 13, 14, 14, 20, 28, 28, 35, 42, 56, 200):
        before = len(mails_to(smtp_server, EDITOR))
        result = remind(TODAY + timedelta(days=days))
        if len(mails_to(smtp_server, EDITOR)) > before:
            sent_on[len(mails_to(smtp_server, EDITOR))] = days
            assert "reminders sent: 1," in result.stdout
        else:
            assert "reminders sent: 0," in result.stdout
    assert sent_on == {2: 14, 3: 28}
    assert [m["Subject"] for m in mails_to(smtp_server, EDITOR)] == [
        "Klopt de vermelding van Rustpunt Jeugd nog?",
        *["Herinnering: klopt de vermelding van Rustpunt Jeugd nog?"] * 2,
    ]
    assert all(LINK in m.get_content() for m in mails_to(smtp_server, EDITOR))


def test_a_missed_run_never_makes_reminders_come_closer_than_2_weeks(
    remind,
    smtp_server: SmtpServer,  # noqa: F811
) -> None:
    remind(TODAY)
    remind(TODAY + timedelta(days=20))  # cron did not run on day 14
    remind(TODAY + timedelta(days=28))
    assert len(mails_to(smtp_server, EDITOR)) == 2
    remind(TODAY + timedelta(days=34))
    assert len(mails_to(smtp_server, EDITOR)) == 3


def test_a_confirmed_listing_gets_no_reminder_and_starts_afresh_when_due_again(
    people: Engine,
    remind,
    smtp_server: SmtpServer,  # noqa: F811
) -> None:
    remind(TODAY)
    for part in PARTS:
        act(people, confirm, "rustpunt", part, today=TODAY + timedelta(days=3))

    result = remind(TODAY + timedelta(days=14))
    assert len(mails_to(smtp_server, EDITOR)) == 1
    assert "reminders sent: 0," in result.stdout
    assert "Rustpunt" not in result.stdout
    with Session(people) as session:
        assert session.exec(select(Reminder)).all() == []

    # 8 weeks after the confirmation the wait times are due again: a first reminder.
    result = remind(TODAY + timedelta(days=3, weeks=8))
    assert "reminders sent: 1," in result.stdout
    again = mails_to(smtp_server, EDITOR)[-1]
    assert not again["Subject"].startswith("Herinnering")
    body = again.get_content()
    assert "- Wachttijden (laatst bevestigd op 25-11-2026)" in body
    assert "Contactgegevens" not in body


def test_region_staff_get_the_overdue_list_only_when_there_is_one(
    people: Engine,
    remind,
    smtp_server: SmtpServer,  # noqa: F811
) -> None:
    result = remind(TODAY)
    assert "Testregio: 2 listing(s) due\n  Het Opvoedhuis: " in result.stdout
    assert "\n  Rustpunt Jeugd: contact, descriptions" in result.stdout
    [staff] = mails_to(smtp_server, STAFF)
    assert staff["Subject"] == "Verouderde vermeldingen in jeugdregio Testregio"
    body = staff.get_content()
    assert "- Het Opvoedhuis: Contactgegevens, Beschrijving" in body
    assert "- Rustpunt Jeugd: " in body
    assert f"{PUBLIC_URL}/regio/testregio" in body
    assert mails_to(smtp_server, "info@opvoedhuis.example") == []  # no editor: no reminder

    for provider_id in ("rustpunt", "opvoedhuis"):
        for part in PARTS:
            act(people, confirm, provider_id, part, today=TODAY + timedelta(days=1))
    result = remind(TODAY + timedelta(days=1))
    assert result.stdout == "reminders sent: 0, regions told: 0\n"
    assert len(mails_to(smtp_server, STAFF)) == 1
