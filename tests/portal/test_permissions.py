"""Every route that accepts a write says who may use it, and forms are CSRF-protected.

Walks the app's URL map, so a new write route without a decision about who may use it,
or one exempted from CSRF, fails here before it can land (DESIGN.md §9).
"""

from flask import Flask

from portal.extensions import csrf
from portal.permissions import MARK

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def test_every_write_route_declares_who_may_use_it(app: Flask) -> None:
    writes = [rule for rule in app.url_map.iter_rules() if rule.methods & WRITES]
    assert writes, "no write routes found: the walk would prove nothing"
    for rule in writes:
        view = app.view_functions[rule.endpoint]
        assert hasattr(view, MARK), f"{rule.rule} ({rule.endpoint}) accepts writes without a rule"


def test_no_view_is_exempt_from_csrf(app: Flask) -> None:
    exempt = {f"{view.__module__}.{view.__name__}" for view in app.view_functions.values()}
    assert not exempt & set(csrf._exempt_views)
    assert not csrf._exempt_blueprints


def test_a_form_without_its_csrf_token_is_refused(client) -> None:
    response = client.post("/inloggen", data={"email": "a@example.org", "password": "x" * 12})
    assert response.status_code == 400
    assert "Formulier verlopen" in response.get_data(as_text=True)
