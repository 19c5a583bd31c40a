"""`indexer accounts create-admin | invite`: the first admin, and invitations without the portal.

The first admin can only come from the command line (DESIGN.md §10): whoever runs it already
controls the store. Mistakes are the operator's to fix, so they are a message and exit status
1, never a traceback. The invitation link is printed as well as mailed, so an operator can
pass it on when mail is not set up yet.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click
from sqlmodel import Session

from indexer.accounts.demo import demo_command
from indexer.accounts.errors import AccountError
from indexer.accounts.service import create_admin, invite
from indexer.accounts.tokens import make_token
from indexer.cli_store import store_reachable
from indexer.mail import MailError, send_mail
from indexer.models import Provider, Region
from indexer.settings import Settings
from indexer.store import make_engine, migrate, session_scope

INVITE_ACTOR = "indexer accounts invite"


def register_account_commands(group: click.Group) -> None:
    accounts.add_command(demo_command)
    group.add_command(accounts)


@click.group()
def accounts() -> None:
    """Admins, and invitations for provider editors and region staff."""


@accounts.command("create-admin")
@click.argument("email")
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (scripts)."
)
@click.pass_obj
def create_admin_command(settings: Settings, email: str, password_stdin: bool) -> None:
    """Create an admin account for EMAIL; the password is asked for twice, unechoed."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _store(settings) as session:
        user = create_admin(email, password, session=session)
        click.echo(f"{user.email} is an admin; the second factor is set up at first sign-in.")


@accounts.command("invite")
@click.argument("email")
@click.option("--provider", "provider_id", metavar="ID", help="The provider they will edit.")
@click.option("--region", "region_id", metavar="ID", help="The region they will work for.")
@click.pass_obj
def invite_command(
    settings: Settings, email: str, provider_id: str | None, region_id: str | None
) -> None:
    """Invite EMAIL to edit a provider or work for a region: prints the one-time link
    (valid 7 days) and mails it. Someone with an account already gets a notice instead."""
    try:
        settings.check_safe_to_serve()  # the link must work on the portal that serves it
    except RuntimeError as error:
        _fail(str(error))
    with _store(settings) as session:
        user = invite(
            email, provider_id=provider_id, region_id=region_id, actor=INVITE_ACTOR, session=session
        )
        rights = _rights(session, provider_id, region_id)
        pending = user.password_hash is None
        token = make_token(settings.secret_key, "invitation", user.id) if pending else None
        address = user.email
    base = settings.link_base
    if token is None:
        click.echo(f"{address} already has an account, and now also {rights['en']}.")
        subject = "Nieuwe toegang in Jeugdhulpgids"
        body = f"Hallo,\n\nJe kunt in Jeugdhulpgids nu ook {rights['nl']}.\nLog in op {base}/\n"
    else:
        link = f"{base}/uitnodiging?token={token}"  # a query string: never in access logs
        click.echo(link)
        subject = "Uitnodiging voor Jeugdhulpgids"
        body = (
            f"Hallo,\n\nJe bent uitgenodigd voor Jeugdhulpgids: je kunt er {rights['nl']}.\n\n"
            "Open deze link en kies een wachtwoord. De link werkt één keer en is 7 dagen "
            f"geldig:\n\n{link}\n\n"
            "Had je deze uitnodiging niet verwacht? Dan kun je deze e-mail negeren.\n"
        )
    try:
        send_mail(settings, address, subject, body)
    except MailError as error:
        _fail(f"The mail to {address} was not sent: {error}")


def _rights(session: Session, provider_id: str | None, region_id: str | None) -> dict[str, str]:
    """What the invitation is for, in the mail's Dutch and the operator's English."""
    if provider_id is not None:
        name = session.get(Provider, provider_id).name
        return {"nl": f"de vermelding van {name} bijhouden", "en": f"edits {name}"}
    name = session.get(Region, region_id).name
    return {"nl": f"werken voor jeugdregio {name}", "en": f"works for region {name}"}


@contextmanager
def _store(settings: Settings) -> Iterator[Session]:
    """A session on the migrated store; refusals and an unreachable store become messages."""
    engine = make_engine(settings.database_url)
    try:
        with store_reachable(engine):
            migrate(engine)
            with session_scope(engine) as session:
                yield session
    except AccountError as error:
        _fail(str(error))
    finally:
        engine.dispose()


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(1)
