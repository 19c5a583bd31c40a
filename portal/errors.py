"""Friendly error pages: what happened in plain words and a way back.

Every failure of the search engine (server down, index missing or damaged) reaches families
as the same 503 page and API clients as a plain message; the detail, which names servers
and folders, goes only to the server log for the operator. Under /api/ every error is a
problem details document (portal/api/problems.py), never a page.
"""

from flask import Flask, current_app, g, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from indexer.imports.files import MAX_UPLOAD_MB
from indexer.search import SearchUnavailable
from portal.api.problems import problem
from portal.localize import gettext as _


def init_app(app: Flask) -> None:
    app.register_error_handler(404, _not_found)
    app.register_error_handler(500, _server_error)
    app.register_error_handler(SearchUnavailable, _search_unavailable)
    app.register_error_handler(CSRFError, _form_expired)
    app.register_error_handler(413, _too_large)
    app.register_error_handler(429, _too_many)
    app.register_error_handler(HTTPException, _other_http_error)


def _not_found(_error: HTTPException):
    if _is_api():
        return problem(404)
    return render_template("errors/404.html"), 404


def _server_error(_error: Exception):
    if _is_api():
        return problem(500)
    return render_template("errors/500.html"), 500


def _search_unavailable(error: SearchUnavailable):
    current_app.logger.error("search unavailable: %s", error)
    # A search that signalled danger still opens with the crisis lines (public.help_now).
    if _is_api():
        message = _(
            "De zoekfunctie is even niet bereikbaar. Probeer het over een paar minuten opnieuw."
        )
        return problem(503, message, help_now=g.get("help_now"))
    return render_template("errors/unavailable.html", help_now=g.get("help_now")), 503


def _form_expired(_error: CSRFError):
    """A form sent without this session's token: expired, or sent from another site."""
    return render_template("errors/form_expired.html"), 400


def _too_large(_error: HTTPException):
    """An upload above MAX_CONTENT_LENGTH: say how much fits, never a bare 413 or a 500."""
    if _is_api():
        return problem(413)
    return render_template("errors/too_large.html", max_upload_mb=MAX_UPLOAD_MB), 413


def _too_many(_error: HTTPException):
    if _is_api():
        return problem(429)
    return render_template("errors/too_many.html"), 429


def _other_http_error(error: HTTPException):
    """405 and the like: problem details under /api/, Werkzeug's own response elsewhere."""
    if not (_is_api() and error.code):
        return error
    response = problem(error.code)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _is_api() -> bool:
    return request.path.startswith("/api/")
