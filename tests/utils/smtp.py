"""A real SMTP server on loopback for the mail tests (DESIGN.md §10).

aiosmtpd speaks SMTP over a real socket on a free port, so a test proves what an actual
mail server receives (headers, encoding, the link in the body), not what a mock was told.
Use the `smtp_server` fixture (import it into a conftest) and build settings with
`Settings(**smtp_server.settings_overrides())`, or the environment with `environment()`.
"""

import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


class SmtpServer:
    """Collects every message it accepts in `messages`, parsed, with envelope recipients
    in `recipients` (one list per message)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append(message)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def settings_overrides(self) -> dict[str, object]:
        """Settings fields that send mail to this server."""
        return {"mail_server": "127.0.0.1", "mail_port": self.port}

    def environment(self) -> dict[str, str]:
        """The same as environment variables, for the command line."""
        return {name.upper(): str(value) for name, value in self.settings_overrides().items()}


def free_port() -> int:
    """A port nobody listens on now: for the server, or to test an unreachable one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()
