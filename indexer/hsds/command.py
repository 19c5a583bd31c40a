"""`indexer export hsds OUT`: the directory as Open Referral HSDS 3.0 files (DESIGN.md §12).

A group `export`, so other open formats can join it as subcommands of their own.
"""

from datetime import date
from pathlib import Path

import click
from sqlmodel import Session

from indexer.cli_store import store_reachable
from indexer.hsds.current import UnknownRegion
from indexer.hsds.export import export_records, write_files
from indexer.settings import Settings
from indexer.store import make_engine, migrate


def register_export_command(group: click.Group) -> None:
    group.add_command(export)


@click.group()
def export() -> None:
    """Write the directory in an open format for other directories to reuse."""


@export.command()
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option("--region", "region_id", help="Only this region (its id, e.g. haaglanden).")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day whose contracts count (YYYY-MM-DD; default: today).",
)
@click.pass_obj
def hsds(settings: Settings, out: Path, region_id: str | None, today) -> None:
    """Write the providers with a contract valid today as HSDS 3.0 JSON into OUT: one
    array per object type, in a file named after its schema (service.json, ...)."""
    day = today.date() if today else date.today()
    engine = make_engine(settings.database_url)
    try:
        with store_reachable(engine):
            migrate(engine)
            with Session(engine) as session:
                records = export_records(session, day, region_id)
    except UnknownRegion as error:
        raise click.BadParameter(str(error), param_hint="--region") from None
    finally:
        engine.dispose()
    counts = write_files(records, out)
    for name, count in counts.items():
        click.echo(f"{name:<30} {count:>7} records")
    click.echo(f"{out}: {sum(counts.values())} HSDS 3.0 records, current on {day.isoformat()}.")
