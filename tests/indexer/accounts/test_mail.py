"""Mail goes to the SMTP server when one is set; in development without one it lands in the
outbox with a line naming only the recipient and subject; production without one fails."""

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from indexer.mail import MailError, send_mail
from indexer.settings import Settings
from tests.utils.smtp import SmtpServer, free_port

BODY = "Kies een wachtwoord: https://jeugdhulpgids.example/uitnodiging?token=geheim"


def test_mail_reaches_the_smtp_server(smtp_server: SmtpServer) -> None:
    settings = Settings(**smtp_server.settings_overrides())
    send_mail(settings, "nieuw@example.org", "Uitnodiging voor Jeugdhulpgids", BODY + " één")
    [message] = smtp_server.messages
    assert smtp_server.recipients == [["nieuw@example.org"]]
    assert message["From"] == "Jeugdhulpgids <noreply@localhost>"
    assert message["To"] == "nieuw@example.org"
    assert message["Subject"] == "Uitnodiging voor Jeugdhulpgids"
    assert message["Message-ID"].endswith("@localhost>")
    assert message.get_content().strip() == BODY + " één"


def test_without_a_server_mail_lands_in_the_outbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(mail_server=None, mail_outbox=tmp_path / "outbox", app_env="development")
    send_mail(settings, "nieuw@example.org", "Nieuw wachtwoord", BODY)
    [path] = (tmp_path / "outbox").glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message.get_content().strip() == BODY
    line = capsys.readouterr().err
    assert line == f"Mail to nieuw@example.org (Nieuw wachtwoord) is in {path}\n"


def test_production_never_writes_mail_to_an_outbox(tmp_path: Path) -> None:
    settings = Settings(mail_server=None, mail_outbox=tmp_path, app_env="production")
    with pytest.raises(MailError, match="MAIL_SERVER is not set"):
        send_mail(settings, "nieuw@example.org", "Nieuw wachtwoord", BODY)
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_server_is_a_mail_error_without_the_body() -> None:
    settings = Settings(mail_server="127.0.0.1", mail_port=free_port())
    with pytest.raises(MailError) as error:
        send_mail(settings, "nieuw@example.org", "Nieuw wachtwoord", BODY)
    assert str(error.value).startswith(f"Cannot send mail through 127.0.0.1:{settings.mail_port}:")
    assert "geheim" not in str(error.value)
