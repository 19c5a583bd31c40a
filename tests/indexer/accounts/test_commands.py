"""`indexer accounts`: the first admin from the command line, and invitations whose link is
printed and arrives by mail at a real SMTP server; mistakes are a message and status 1."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from indexer.accounts.service import accept_invitation
from indexer.cli import main
from indexer.models.accounts import User
from tests.indexer.accounts.conftest import PASSWORD, SECRET
from tests.utils.datasets import snapshot
from tests.utils.smtp import SmtpServer

REPOSITORY = Path(__file__).parents[3]
PUBLIC_URL = "https://jeugdhulpgids.example"
LINK = re.compile(re.escape(PUBLIC_URL) + r"/uitnodiging\?token=[\w.-]+")


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str | None]:
    """A test deployment with its own key and outbox, and no mail server unless added."""
    return {
        "APP_ENV": "test",
        "SECRET_KEY": SECRET,
        "PUBLIC_URL": PUBLIC_URL,
        "MAIL_SERVER": None,
        "MAIL_OUTBOX": str(tmp_path / "outbox"),
    }


def run(engine: Engine, environment: dict, *arguments: str, stdin: str | None = None) -> Result:
    url = engine.url.render_as_string(hide_password=False)
    command = ["--database-url", url, "accounts", *arguments]
    return CliRunner().invoke(main, command, input=stdin, env=environment)


def test_an_invitation_link_is_printed_and_mailed(
    engine: Engine, session: Session, smtp_server: SmtpServer, environment: dict
) -> None:
    environment |= smtp_server.environment()
    result = run(engine, environment, "invite", "Nieuw@Example.org", "--provider", "a")
    assert result.exit_code == 0, result.output
    [link] = LINK.findall(result.stdout)
    assert result.stdout == link + "\n"

    [message] = smtp_server.messages
    assert (message["To"], message["Subject"]) == (
        "nieuw@example.org",
        "Uitnodiging voor Jeugdhulpgids",
    )
    body = message.get_content()
    assert LINK.findall(body) == [link]
    assert "de vermelding van Aanbieder A bijhouden" in body

    token = link.partition("token=")[2]
    user = accept_invitation(token, PASSWORD, secret=SECRET, session=session)
    assert user.email == "nieuw@example.org"
    assert [m.provider_id for m in user.provider_links] == ["a"]


def test_someone_with_an_account_gets_a_notice_instead_of_a_link(
    engine: Engine, session: Session, smtp_server: SmtpServer, environment: dict
) -> None:
    environment |= smtp_server.environment()
    run(
        engine,
        environment,
        "create-admin",
        "beheer@example.org",
        "--password-stdin",
        stdin=PASSWORD,
    )
    result = run(engine, environment, "invite", "beheer@example.org", "--region", "r1")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == "beheer@example.org already has an account, and now also works for region Regio Een.\n"
    )
    [message] = smtp_server.messages
    assert "token" not in message.get_content()
    assert "werken voor jeugdregio Regio Een" in message.get_content()


def test_without_a_mail_server_the_invitation_lands_in_the_outbox(
    engine: Engine, session: Session, environment: dict, tmp_path: Path
) -> None:
    del environment["PUBLIC_URL"]
    result = run(engine, environment, "invite", "staf@example.org", "--region", "r1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("http://127.0.0.1:5000/uitnodiging?token=")
    [mail] = (tmp_path / "outbox").glob("*.eml")
    assert (
        result.stderr == f"Mail to staf@example.org (Uitnodiging voor Jeugdhulpgids) is in {mail}\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--provider", "onbekend"), "Unknown provider 'onbekend'.\n"),
        (("--region", "r9"), "Unknown region 'r9'.\n"),
        ((), "Invite for exactly one provider or one region.\n"),
    ],
)
def test_a_refused_invitation_is_a_message_and_changes_nothing(
    engine: Engine, session: Session, environment: dict, arguments: tuple, message: str
) -> None:
    before = snapshot(engine)
    result = run(engine, environment, "invite", "nieuw@example.org", *arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)
    assert snapshot(engine) == before


def test_create_admin_reads_the_password_from_stdin(
    engine: Engine, session: Session, environment: dict
) -> None:
    result = run(
        engine,
        environment,
        "create-admin",
        "Beheer@Example.org",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("beheer@example.org is an admin")
    admin = session.exec(select(User)).one()
    assert admin.is_admin
    with engine.connect() as connection:
        stored = connection.execute(text('SELECT password_hash FROM "user"')).scalar_one()
    assert stored.startswith("scrypt:")

    again = run(
        engine,
        environment,
        "create-admin",
        "beheer@example.org",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert (again.exit_code, again.stderr) == (1, "beheer@example.org already has an account.\n")


def test_create_admin_asks_twice_at_a_hidden_prompt(engine: Engine, environment: dict) -> None:
    typed = f"{PASSWORD}\n{PASSWORD}\n"
    result = run(engine, environment, "create-admin", "beheer@example.org", stdin=typed)
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output


def test_create_admin_refuses_a_short_password(
    engine: Engine, session: Session, environment: dict
) -> None:
    before = snapshot(engine)
    result = run(
        engine,
        environment,
        "create-admin",
        "beheer@example.org",
        "--password-stdin",
        stdin="kort\n",
    )
    assert (result.exit_code, result.stderr) == (1, "A password needs at least 12 characters.\n")
    assert snapshot(engine) == before


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    """A real process, so nothing (like CliRunner) can swallow an exception for us."""
    database = f"sqlite:///{tmp_path / 'store.db'}"
    command = [sys.executable, "-m", "indexer", "--database-url", database, "accounts"]
    process = subprocess.run(
        [*command, "create-admin", "beheer@example.org", "--password-stdin"],
        input="kort\n",
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
    )
    assert (process.returncode, process.stdout) == (1, "")
    assert process.stderr == "A password needs at least 12 characters.\n"


def test_invite_refuses_the_placeholder_key_outside_development(
    engine: Engine, session: Session, environment: dict
) -> None:
    del environment["SECRET_KEY"]
    result = run(engine, environment, "invite", "nieuw@example.org", "--provider", "a")
    assert result.exit_code == 1
    assert result.stderr.startswith("SECRET_KEY is still the development placeholder")
