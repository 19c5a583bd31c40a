"""The mails the account pages send, in the language of the person who asked.

Links in mails are absolute and come from PUBLIC_URL (in development: the address
`make run` serves on), never from the request's Host header: a reset link built from it
would let anyone who types a victim's address send them a link to their own site.
"""

from flask import current_app, request, url_for

from indexer.accounts.tokens import make_token
from indexer.mail import send_mail
from indexer.models.accounts import User
from portal.localize import gettext as _


def mail_link(endpoint: str, **values: str) -> str:
    base = current_app.config["SETTINGS"].link_base
    return base + url_for(endpoint, **values).removeprefix(request.script_root)


def send_reset_mail(user: User, token: str) -> None:
    body = _(
        "U vroeg een nieuw wachtwoord aan voor Jeugdhulpgids. Kies het via deze link "
        "(hij werkt één keer, een uur lang):\n\n%(link)s\n\n"
        "Vroeg u dit niet aan? Dan hoeft u niets te doen.",
        link=mail_link("account.reset_password", token=token),
    )
    send_mail(current_app.config["SETTINGS"], user.email, _("Nieuw wachtwoord"), body)


def send_invitation_mail(user: User) -> None:
    """A new person invited by region staff: the link to choose a password (7 days)."""
    token = make_token(current_app.config["SECRET_KEY"], "invitation", user.id)
    body = _(
        "U bent uitgenodigd om de gegevens van uw organisatie bij te houden in "
        "Jeugdhulpgids. Kies een wachtwoord via deze link (hij werkt één keer, 7 dagen "
        "lang):\n\n%(link)s",
        link=mail_link("account.accept_invitation", token=token),
    )
    send_mail(current_app.config["SETTINGS"], user.email, _("Uitnodiging"), body)
