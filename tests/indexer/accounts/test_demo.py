"""`indexer accounts demo`: an account of each role for a newcomer, in development only."""

from datetime import UTC, datetime
from pathlib import Path

import pyotp
from click.testing import CliRunner
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.accounts import service
from indexer.accounts.demo import PASSWORD, SECRETS
from indexer.accounts.permissions import edits_provider, staff_of_region
from indexer.cli import main
from indexer.models.accounts import User
from tests.utils.loading import fresh_engine, load


def test_demo_accounts_sign_in_in_every_role(dataset: Path, tmp_path: Path) -> None:
    store: Engine = fresh_engine(tmp_path / "store.db")
    assert load(store, dataset).ok
    url = ["--database-url", str(store.url)]
    first = CliRunner().invoke(main, [*url, "accounts", "demo"], env={"APP_ENV": "development"})
    again = CliRunner().invoke(main, [*url, "accounts", "demo"], env={"APP_ENV": "development"})
    assert first.exit_code == again.exit_code == 0, first.output
    assert first.output == again.output  # idempotent: the same accounts, shown again
    assert "aanbieder@demo.example  editor of Het Opvoedhuis" in first.output
    now = datetime.now(UTC)
    with Session(store) as session:
        editor = service.authenticate("aanbieder@demo.example", PASSWORD, session=session, now=now)
        staff = service.authenticate("regio@demo.example", PASSWORD, session=session, now=now)
        assert edits_provider(editor, "opvoedhuis")
        assert staff_of_region(staff, "testregio")
        assert service.verify_totp(staff, pyotp.TOTP(SECRETS["staff"]).now())
        assert len(session.exec(select(User)).all()) == 3


def test_demo_accounts_are_refused_outside_development(dataset: Path, tmp_path: Path) -> None:
    store = fresh_engine(tmp_path / "store.db")
    assert load(store, dataset).ok
    result = CliRunner().invoke(
        main, ["--database-url", str(store.url), "accounts", "demo"], env={"APP_ENV": "production"}
    )
    assert result.exit_code == 1
    assert "only with APP_ENV=development" in result.output
