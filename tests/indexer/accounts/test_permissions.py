"""Rights per object (DESIGN.md §10): an editor of provider A is not one of B, staff of r1
are not staff of r2, an admin may do everything, and nobody signed in may do nothing."""

import pytest
from sqlmodel import Session

from indexer.accounts.permissions import (
    edits_provider,
    is_admin,
    moderates_provider,
    providers_of,
    regions_of,
    staff_of_region,
)
from indexer.models.accounts import User
from tests.indexer.accounts.conftest import make_user

# role fixture -> (providers it edits, regions it works for, providers it moderates)
RIGHTS = {
    "provider_editor": ({"a"}, set(), set()),
    "other_provider": ({"b"}, set(), set()),
    "region_staff": (set(), {"r1"}, {"a"}),
    "admin": ({"a", "b"}, {"r1", "r2"}, {"a", "b"}),
}


@pytest.mark.parametrize("role", RIGHTS)
def test_each_role_acts_only_for_its_own_objects(
    request: pytest.FixtureRequest, session: Session, role: str
) -> None:
    user: User = request.getfixturevalue(role)
    edits, staffs, moderates = RIGHTS[role]
    assert {p for p in ("a", "b") if edits_provider(user, p)} == edits
    assert {r for r in ("r1", "r2") if staff_of_region(user, r)} == staffs
    assert {p for p in ("a", "b") if moderates_provider(user, p, session=session)} == moderates
    assert is_admin(user) == (role == "admin")
    assert [p.id for p in providers_of(user, session=session)] == sorted(edits)
    assert [r.id for r in regions_of(user, session=session)] == sorted(staffs)


def test_nobody_signed_in_may_do_nothing(session: Session) -> None:
    assert not is_admin(None)
    assert not edits_provider(None, "a")
    assert not staff_of_region(None, "r1")
    assert not moderates_provider(None, "a", session=session)
    assert providers_of(None, session=session) == []
    assert regions_of(None, session=session) == []


def test_staff_of_a_region_whose_contract_ended_do_not_moderate(session: Session) -> None:
    former = make_user(session, "staff@regio-twee.example", regions=("r2",))
    assert staff_of_region(former, "r2")
    assert not moderates_provider(former, "b", session=session)


def test_rules_work_on_a_user_whose_session_has_closed(session: Session) -> None:
    """The portal keeps the signed-in user beyond the session that loaded it."""
    user = make_user(session, "both@example.org", providers=("a", "b"), regions=("r1",))
    session.close()
    assert edits_provider(user, "b") and staff_of_region(user, "r1")
    assert not staff_of_region(user, "r2")
