"""A store with two regions and two providers, and a user in each role (DESIGN.md §9:
`provider_editor`, `other_provider`, `region_staff`, `admin`), on SQLite and PostgreSQL.

Region r1 contracts provider A today; region r2 contracted provider B until 2020, so r2's
staff moderate nobody. Users are made directly as rows, so only the tests about invitations
and sign-in go through those flows.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.accounts.passwords import hash_password
from indexer.models import Contract, Intensity, Profile, Provider, Region
from indexer.models.accounts import ProviderEditor, RegionStaff, User
from tests.utils.smtp import smtp_server  # noqa: F401  (the fixture)

SECRET = "test-secret-key-for-accounts"
PASSWORD = "correct horse battery"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        _seed(session)
        yield session


def _seed(session: Session) -> None:
    session.add_all([Region(id="r1", name="Regio Een"), Region(id="r2", name="Regio Twee")])
    session.add_all([Provider(id="a", name="Aanbieder A"), Provider(id="b", name="Aanbieder B")])
    session.flush()
    for region in ("r1", "r2"):
        session.add(Profile(region_id=region, code="P01"))
        session.add(Intensity(region_id=region, code="I1"))
    session.flush()
    session.add(_contract("r1", "a", valid_to=None))
    session.add(_contract("r2", "b", valid_to=date(2020, 12, 31)))
    session.commit()


def _contract(region_id: str, provider_id: str, *, valid_to: date | None) -> Contract:
    return Contract(
        region_id=region_id,
        provider_id=provider_id,
        segment="B",
        profile_code="P01",
        intensity_code="I1",
        valid_from=date(2019, 1, 1),
        valid_to=valid_to,
    )


def make_user(
    session: Session,
    email: str,
    *,
    providers: tuple[str, ...] = (),
    regions: tuple[str, ...] = (),
    admin: bool = False,
) -> User:
    """A user with PASSWORD, the given memberships and no second factor."""
    user = User(email=email, password_hash=hash_password(PASSWORD), is_admin=admin)
    user.provider_links = [ProviderEditor(provider_id=p) for p in providers]
    user.region_links = [RegionStaff(region_id=r) for r in regions]
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


@pytest.fixture
def provider_editor(session: Session) -> User:
    return make_user(session, "editor@aanbieder-a.example", providers=("a",))


@pytest.fixture
def other_provider(session: Session) -> User:
    return make_user(session, "editor@aanbieder-b.example", providers=("b",))


@pytest.fixture
def region_staff(session: Session) -> User:
    return make_user(session, "staff@regio-een.example", regions=("r1",))


@pytest.fixture
def admin(session: Session) -> User:
    return make_user(session, "admin@jeugdhulpgids.example", admin=True)
