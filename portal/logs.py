"""Logs that hold no family's words and no forged lines, whoever deploys the portal.

What a family types (search words, a postcode) travels in query strings and sometimes in
exception messages (`invalid literal for int(): '²'`); a client's address identifies a
household. So every line the server writes, from gunicorn or from Flask, goes through
`PrivateFormatter`: query strings and client addresses are cut, exception messages are left
out of tracebacks (the frames and the exception type remain, which is what an operator needs
to find the bug), and control characters are escaped, so a `%0A` in a path cannot start a
second, forged line. gunicorn.conf.py installs it for gunicorn's own logs; `init_app` for
Flask's. See docs/operations.md.
"""

import logging
import re
import sys
import traceback

from flask import Flask
from flask.logging import default_handler
from gunicorn.glogging import Logger

QUERY = re.compile(r"\?[^\s\"']*")
CLIENT_ADDRESS = re.compile(r"\bip=\S+")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def private(text: str) -> str:
    """`text` without query strings or client addresses, on one line."""
    text = CLIENT_ADDRESS.sub("ip=…", QUERY.sub("?…", text))
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class PrivateFormatter(logging.Formatter):
    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = private(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:
        """The traceback's frames and exception types, never the exception messages."""
        lines = []
        for exception in _chain(ei[1]):
            lines += ["Traceback (most recent call last):\n"]
            lines += traceback.format_tb(exception.__traceback__)
            name = type(exception).__qualname__
            lines.append(f"{name} (message left out: it may hold what a visitor typed)\n")
        return "".join(lines).rstrip("\n")


def _chain(exception: BaseException | None) -> list[BaseException]:
    """The exception and those it was raised from or during, oldest first."""
    found: list[BaseException] = []
    while exception is not None and exception not in found:
        found.append(exception)
        suppressed = exception.__suppress_context__
        exception = exception.__cause__ or (None if suppressed else exception.__context__)
    return found[::-1]


class PrivateLogger(Logger):
    """gunicorn's logger with `PrivateFormatter` on its error and access logs."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                formatter = handler.formatter or logging.Formatter()
                handler.setFormatter(PrivateFormatter(formatter._fmt, formatter.datefmt))


def init_app(app: Flask) -> None:
    """Flask's error log (request tracebacks) to stderr, which gunicorn collects."""
    app.logger.removeHandler(default_handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrivateFormatter("[%(asctime)s] %(levelname)s in %(module)s: %(message)s"))
    app.logger.addHandler(handler)
