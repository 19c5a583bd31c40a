"""How pages and static files travel: compressed, and cached as long as they cannot change.

- Pages, JSON and CSS are compressed (brotli, zstd or gzip, as the browser accepts) by
  Flask-Compress: a results page shrinks to about a fifth on a parent's phone connection.
  Only pages without secrets are compressed: pages of signed-in providers and staff carry a
  CSRF token next to text the reader typed, the combination BREACH reads through
  compression, so the account, workspace and region blueprints are sent as they are.
- Static files get fingerprinted names (`site-<md5>.css`) from Flask-Static-Digest's
  `flask digest compile` (run by `make run` and `make test`); templates link them through
  `static_url_for`. A fingerprinted file never changes, so it is cached for a year
  (`immutable`); the plain name stays `no-cache`, for a checkout that was not compiled.
"""

import re

from flask import Flask, Response, request
from flask_compress import Compress
from flask_static_digest import FlaskStaticDigest

# Blueprints whose pages hold a CSRF token (never compressed, see above).
WITH_SECRETS = {"account", "manage", "region"}
FINGERPRINTED = re.compile(r"-[0-9a-f]{32}\.[a-z0-9]+$")
YEAR_S = 365 * 24 * 3600

compress = Compress()


def init_app(app: Flask) -> None:
    app.config.update(
        COMPRESS_REGISTER=False,  # registered below, for pages without secrets only
        COMPRESS_MIMETYPES=["text/html", "text/css", "application/json", "image/svg+xml"],
        # Brotli at 1 packs a results page to about 5.4 kB of 27 kB in 0.08 ms, as fast as
        # zstd at its default 3 (4.9 kB), which browsers that offer it get first. Level 2
        # saves 0.4 kB for 0.14 ms, the default 4 0.9 kB for 0.2 ms, on every page: less than
        # a millisecond on a phone's connection, a sixth of a page's work on ours
        # (docs/performance.md).
        COMPRESS_BR_LEVEL=1,
        # The digest step only renames: compression happens on the wire, above.
        FLASK_STATIC_DIGEST_COMPRESSION=[],
    )
    compress.init_app(app)
    FlaskStaticDigest(app)
    app.after_request(_compress_without_secrets)
    app.after_request(_cache_static)  # runs first


def _compress_without_secrets(response: Response) -> Response:
    if request.blueprint in WITH_SECRETS:
        return response
    return compress.after_request(response)


def _cache_static(response: Response) -> Response:
    """Runs before compression (Flask calls after-request functions last-registered first).
    The file is read into the response here: Flask-Compress would otherwise stream it
    through a generator that never closes the file."""
    if request.endpoint != "static":
        return response
    response.direct_passthrough = False
    response.make_sequence()
    if FINGERPRINTED.search(request.path):
        response.cache_control.no_cache = None  # Flask's default for static files
        response.cache_control.public = True
        response.cache_control.max_age = YEAR_S
        response.cache_control.immutable = True
    else:
        response.cache_control.no_cache = True
    return response
