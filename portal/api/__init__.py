"""Open data for other systems: a JSON API under /api/v1 (DESIGN.md §12, docs/portal.md).

One module per resource (`search`, `providers`, `regions`, `teams`), each route declared
with `registry.get` beside its pydantic models (`models` holds the shared ones), so the
OpenAPI document and its page (`openapi`) are built from the routes themselves. `problems`
is the one error shape, `headers` adds CORS and caching, `checks` holds codes against their
region. `hsds` serves the HSDS export in the shapes of HSDS's own API.
"""

from flask import Flask

from portal.api import headers, hsds, openapi, providers, regions, search, teams  # noqa: F401
from portal.api.problems import ApiProblem, from_exception
from portal.api.registry import blueprint

blueprint.register_error_handler(ApiProblem, from_exception)
blueprint.before_request(headers.without_language_cookie)


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    hsds.init_app(app)
    # On every response under /api/v1, unknown paths included: before compression, which
    # Flask runs later as it was registered earlier (portal/delivery.py).
    app.after_request(headers.add)
