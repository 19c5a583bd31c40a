"""Who may use a route, declared on the route itself (DESIGN.md §9).

Every view that accepts a write (POST) carries a marker: `@anyone(reason)` for the few
forms open to everyone (signing in, a one-time link whose token is the permission), or
`@signed_in` / a rule check for everything else. `tests/portal/test_permissions.py` walks
the URL map and fails for a write route without a marker, so a new route cannot land
without a decision about who may use it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user

from indexer.models import Provider, Region
from indexer.models.accounts import User
from portal.database import get_session
from portal.extensions import login_manager

MARK = "_who_may"


def anyone(reason: str) -> Callable:
    """Open to everyone, on purpose; `reason` says why that is safe."""

    def mark(view: Callable) -> Callable:
        setattr(view, MARK, f"anyone: {reason}")
        return view

    return mark


def signed_in(view: Callable) -> Callable:
    """Only for a signed-in person; others are sent to the sign-in page."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return view(*args, **kwargs)

    setattr(guarded, MARK, "signed in")
    return guarded


def for_provider(rule: Callable[[User, str], bool]) -> Callable:
    """Load the provider named in the URL and check `rule` on it: a provider that does not
    exist and one the person may not act for both answer 404, so nobody learns which
    providers exist by trying (DESIGN.md §10). The view receives it as `provider`."""
    return _for_object(Provider, "provider_id", "provider", rule)


def for_region(rule: Callable[[User, str], bool]) -> Callable:
    """As for_provider, for the region named in the URL."""
    return _for_object(Region, "region_id", "region", rule)


def _for_object(model: type, key: str, name: str, rule: Callable[[User, str], bool]) -> Callable:
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(**kwargs: Any):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            found = get_session().get(model, kwargs[key])
            if found is None or not rule(current_user.account, kwargs[key]):
                abort(404)
            del kwargs[key]
            return view(**kwargs, **{name: found})

        setattr(guarded, MARK, f"rule: {rule.__name__}")
        return guarded

    return decorate
