"""`indexer accounts demo`: one account of each role on the demo data, for development.

A newcomer running `make run` should be able to try every journey at once: an admin, staff
of the first region and an editor of the first provider, with a known password. Staff and
admins need a second factor, so their authenticator secret is set and printed, with the
command that shows the current code. Refused outside APP_ENV=development: these
passwords are in the source.
"""

import click
from sqlmodel import Session, col, select

from indexer.accounts.passwords import hash_password
from indexer.models import Contract, Provider, Region
from indexer.models.accounts import ProviderEditor, RegionStaff, User
from indexer.settings import Settings
from indexer.store import make_engine, migrate, session_scope

PASSWORD = "demo-wachtwoord"
# Fixed base32 secrets, so the codes keep working after `make run` is started again.
SECRETS = {"admin": "JBSWY3DPEHPK3PXPDEMOADMIN2345672", "staff": "JBSWY3DPEHPK3PXPDEMOREGIO2345672"}


@click.command("demo")
@click.pass_obj
def demo_command(settings: Settings) -> None:
    """Create (or show again) the demo admin, region staff and provider editor."""
    if settings.app_env != "development":
        raise click.ClickException("demo accounts exist only with APP_ENV=development")
    engine = make_engine(settings.database_url)
    migrate(engine)
    with session_scope(engine) as session:
        region = session.exec(select(Region).order_by(col(Region.id))).first()
        provider = _first_contracted_provider(session, region.id) if region else None
        if region is None or provider is None:
            raise click.ClickException("load data first: `indexer load data/demo`")
        rows = [
            ("admin@demo.example", "admin", None, None),
            ("regio@demo.example", "staff", RegionStaff, region.id),
            ("aanbieder@demo.example", "editor", ProviderEditor, provider.id),
        ]
        for email, role, link, target in rows:
            _ensure(session, email, role, link, target)
        lines = [
            f"Demo accounts (password for each: {PASSWORD}):",
            "  admin@demo.example      admin",
            f"  regio@demo.example      staff of {region.name}",
            f"  aanbieder@demo.example  editor of {provider.name}",
            "Admin and staff sign in with a code; show the current one with:",
        ]
        lines += [
            f"  .venv/bin/python -c \"import pyotp; print(pyotp.TOTP('{secret}').now())\"  # {role}"
            for role, secret in SECRETS.items()
        ]
    click.echo("\n".join(lines))
    engine.dispose()


def _first_contracted_provider(session: Session, region_id: str) -> Provider | None:
    """A provider of the demo staff's own region, so the moderation journey works."""
    contracted = select(Contract.provider_id).where(Contract.region_id == region_id).distinct()
    query = select(Provider).where(col(Provider.id).in_(contracted)).order_by(col(Provider.name))
    return session.exec(query).first()


def _ensure(session: Session, email: str, role: str, link, target: str | None) -> None:
    user = session.exec(select(User).where(User.email == email)).first()
    if user is None:
        user = User(email=email, password_hash=hash_password(PASSWORD), is_admin=role == "admin")
        user.totp_secret = SECRETS.get(role)
        session.add(user)
        session.flush()
    if link is not None:
        key = "provider_id" if link is ProviderEditor else "region_id"
        if session.get(link, (user.id, target)) is None:
            session.add(link(user_id=user.id, **{key: target}))
