"""Sending mail: invitations, password resets and reminders (DESIGN.md §10).

Through SMTP when MAIL_SERVER is set. Without one, outside production, a message is written
as an .eml file into the outbox folder so a developer can open the link in it; production
without a server is an error rather than mail silently going nowhere. Bodies carry one-time
links, so neither a body nor a link is ever logged: the outbox line names only the
recipient and the subject.
"""

import smtplib
import ssl
import sys
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from indexer.settings import Settings

SMTP_TIMEOUT_S = 10


class MailError(Exception):
    """The message could not be sent; the text says why, without the message's content."""


def send_mail(settings: Settings, to: str, subject: str, body: str) -> None:
    """Send a plain-text message to one address, or put it in the development outbox."""
    message = EmailMessage()
    message["From"] = settings.mail_sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=_sender_domain(settings.mail_sender))
    message.set_content(body)
    if settings.mail_server:
        _send_smtp(settings, message)
    elif settings.app_env == "production":
        raise MailError("MAIL_SERVER is not set; production never writes mail to an outbox.")
    else:
        _write_outbox(settings, message)


def _send_smtp(settings: Settings, message: EmailMessage) -> None:
    where = f"{settings.mail_server}:{settings.mail_port}"
    try:
        with smtplib.SMTP(settings.mail_server, settings.mail_port, timeout=SMTP_TIMEOUT_S) as smtp:
            if settings.mail_use_tls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.mail_username:
                smtp.login(settings.mail_username, settings.mail_password or "")
            smtp.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"The mail server at {where} refused MAIL_USERNAME's login.") from None
    except (smtplib.SMTPException, OSError) as error:
        raise MailError(f"Cannot send mail through {where}: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    """A short cause for the operator; the server's reply, never our message's content."""
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {error.smtp_error.decode(errors='replace')}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "the recipient was refused"
    return str(error) or type(error).__name__


def _write_outbox(settings: Settings, message: EmailMessage) -> None:
    outbox = settings.mail_outbox
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        path = outbox / f"{uuid.uuid4().hex}.eml"
        path.write_bytes(bytes(message))
    except OSError as error:
        raise MailError(f"Cannot write to the mail outbox {outbox}: {error.strerror}") from None
    print(f"Mail to {message['To']} ({message['Subject']}) is in {path}", file=sys.stderr)


def _sender_domain(sender: str) -> str:
    """The domain of MAIL_SENDER, so Message-IDs do not reveal the host's own name."""
    address = sender.rsplit("<", 1)[-1].rstrip(">")
    return address.rpartition("@")[2] or "localhost"
