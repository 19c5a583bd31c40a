"""The web layer of Jeugdhulpgids: the app factory, and the helpers every audience shares.

One package per audience (DESIGN.md §3): `public/` for families, `referrers/` for what
referrers get on top of the family pages, `account/` for signing in, `manage/` for a
provider's own listing, `region/` for region staff, `api/` for open data; shared web
helpers (database session, i18n, security headers, errors, logs, permissions) are the
modules beside this one. No import-time app object: `create_app()` builds one per call, so
tests get a fresh app with their own store and gunicorn serves `portal:create_app()`.
"""

from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from indexer.imports.files import MAX_REQUEST_BYTES
from indexer.settings import Settings
from portal import (
    account,
    api,
    database,
    delivery,
    errors,
    extensions,
    i18n,
    links,
    logs,
    manage,
    public,
    referrers,
    region,
    security,
    services,
    templating,
)
from portal.paths import STATIC, TEMPLATES


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the portal; `config` overrides settings read from the environment."""
    settings = Settings(**(config or {}))
    settings.check_safe_to_serve()
    app = Flask(
        __name__,
        template_folder=str(TEMPLATES),
        static_folder=str(STATIC),
    )
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SETTINGS=settings,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.app_env == "production",
        # Region staff upload up to the national dataset (indexer/imports/files.py); a larger
        # request is answered with a page that says so (413, portal/errors.py).
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
    )
    if settings.proxy_hops:
        hops = settings.proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    templating.init_app(app)
    database.init_app(app, settings.database_url)
    i18n.init_app(app, settings.default_locale)
    links.init_app(app)
    security.init_app(app, settings)
    delivery.init_app(app)
    services.init_app(app, settings)
    errors.init_app(app)
    logs.init_app(app)
    extensions.init_app(app, settings)
    public.init_app(app)
    referrers.init_app(app)
    app.register_blueprint(account.blueprint)
    app.register_blueprint(manage.blueprint)
    app.register_blueprint(region.blueprint)
    api.init_app(app)
    return app
