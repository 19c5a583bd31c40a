"""The store from the command line: an unreachable database is a message, not a traceback.

Every `indexer` command that opens the store says the same thing when it cannot (exit
status 2, the URL without its password), so an operator's cron mail reads alike for a
load, an invitation or a reminder run.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError


@contextmanager
def store_reachable(engine: Engine) -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        where = engine.url.render_as_string(hide_password=True)
        click.echo(f"Cannot use the store at {where}: {error.orig}", err=True)
        sys.exit(2)
