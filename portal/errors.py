"""Friendly error pages: what happened in plain words and a way back."""

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    app.register_error_handler(404, _not_found)
    app.register_error_handler(500, _server_error)


def _not_found(_error: HTTPException):
    if request.path.startswith("/api/"):
        return {"errors": {"path": "not found"}}, 404
    return render_template("errors/404.html"), 404


def _server_error(_error: Exception):
    if request.path.startswith("/api/"):
        return {"errors": {"server": "internal error"}}, 500
    return render_template("errors/500.html"), 500
