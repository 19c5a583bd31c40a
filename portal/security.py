"""Security headers on every response (DESIGN.md §8), and absolute links the request cannot
steer.

The Content-Security-Policy allows no inline script and nothing from other origins: no
trackers, no external fonts. Pages must work without JavaScript anyway.
"""

from typing import Any

from flask import Flask, Response, current_app, request, url_for

from indexer.settings import Settings

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
# Production is served over HTTPS only: browsers then refuse plain HTTP to it (and to its
# subdomains) for a year, so a family on a hostile network cannot be downgraded. Not in
# development, where a browser would remember it for localhost.
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def init_app(app: Flask, settings: Settings) -> None:
    headers = dict(HEADERS)
    if settings.app_env == "production":
        headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    app.extensions["security_headers"] = headers
    app.after_request(_add_headers)
    app.add_template_global(public_url_for)


def _add_headers(response: Response) -> Response:
    for name, value in current_app.extensions["security_headers"].items():
        response.headers[name] = value
    return response


def public_url_for(endpoint: str, **values: Any) -> str:
    """A link to be sent on (a shortlist's share link), absolute from PUBLIC_URL and never
    from the request's Host header, which any client sets: `url_for(_external=True)` would
    let `Host: evil.example` write a link to another site. Without PUBLIC_URL (development
    and test only) the link stays relative, so it still cannot leave the site."""
    path = url_for(endpoint, **values)
    public_url = current_app.config["SETTINGS"].public_url
    if not public_url:
        return path
    return public_url + path.removeprefix(request.script_root)
