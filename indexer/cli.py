"""The `indexer` command line (also `python -m indexer`).

Problems in an import are the user's to fix, not a crash: they are printed as a report and
the command exits with status 1, never with a traceback.
"""

import sys
from datetime import date
from pathlib import Path

import click
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.accounts.commands import register_account_commands
from indexer.cli_store import store_reachable
from indexer.edits import IndexNotUpdated, commit_and_index, index_sync
from indexer.edits.remind import register_remind_command
from indexer.hsds import register_export_command
from indexer.search import SearchUnavailable
from indexer.search.commands import register_search_commands
from indexer.search.meili.keys import register_keys_command
from indexer.settings import Settings
from indexer.sources import LoadResult, load_folder
from indexer.sources.report import format_report
from indexer.store import make_engine, migrate


@click.group()
@click.option(
    "--database-url",
    envvar="DATABASE_URL",
    help="SQLAlchemy URL of the store (default: SQLite in the user's data directory).",
)
@click.option(
    "--index-dir",
    envvar="INDEX_DIR",
    type=click.Path(path_type=Path),
    help="Folder of the embedded search index (default: in the user's data directory).",
)
@click.pass_context
def main(context: click.Context, database_url: str | None, index_dir: Path | None) -> None:
    """Load, generate and index Jeugdhulpgids data, and search it as families would."""
    overrides = {"database_url": database_url, "index_dir": index_dir}
    context.obj = Settings(**{k: v for k, v in overrides.items() if v is not None})


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Validate and report, write nothing.")
@click.option(
    "--allow-mass-end",
    is_flag=True,
    help="Allow ending more than a fifth (or all) of a region's current contracts.",
)
@click.pass_obj
def load(settings: Settings, folder: Path, dry_run: bool, allow_mass_end: bool) -> None:
    """Validate the import files in FOLDER and, when all are valid, store them.

    Contracts missing from a region's contracts file are ended; when that would end more
    than a fifth of the region's current contracts the load is refused, as a cut-off or
    empty file looks just like that, unless --allow-mass-end says it is intended. Fields a
    provider keeps itself are not overwritten: differences become conflicts for region
    staff. After the commit the providers the load touched are re-indexed.
    """
    engine = make_engine(settings.database_url)
    indexed, warning = 0, None
    with store_reachable(engine):
        migrate(engine)
        with Session(engine) as session:
            actor = f"indexer load {folder.name}"
            result = load_folder(
                folder, session, dry_run=dry_run, actor=actor, allow_mass_end=allow_mass_end
            )
            if result.ok and not dry_run:
                indexed, warning = _commit_and_index(session, result, settings, engine)
    if not result.ok:
        click.echo(format_report(result.problems), err=True)
        sys.exit(1)
    verb = "would change" if dry_run else "changed"
    total = 0
    for table, changes in result.changes.items():
        touched = changes.created + changes.updated + changes.removed + changes.ended
        total += touched
        click.echo(
            f"{table:<14} {changes.created:>7} new {changes.updated:>7} updated "
            f"{changes.removed:>7} removed {changes.ended:>7} ended"
        )
    click.echo(f"conflicts with providers' own values: {result.conflicts}")
    if warning:
        click.echo(f"Warning: {warning}", err=True)
    elif not dry_run:
        click.echo(f"search index: {indexed} provider(s) updated")
    click.echo(f"{folder}: valid; {verb} {total} record(s).")


def _commit_and_index(
    session: Session, result: LoadResult, settings: Settings, store: Engine
) -> tuple[int, str | None]:
    """Commit the load, then re-index the providers it touched: (providers, warning). The
    store is the source of truth, so an index that cannot be written only warns."""
    try:
        sync = index_sync(settings, store, date.today())
    except SearchUnavailable as error:  # e.g. Meilisearch without its admin key
        session.commit()
        return 0, str(IndexNotUpdated(result.provider_ids, error))
    try:
        return commit_and_index(session, result.provider_ids, sync), None
    except IndexNotUpdated as error:
        return 0, str(error)


@main.command()
@click.option("--scale", type=click.Choice(["national"]), default="national", show_default=True)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.argument("out", type=click.Path(path_type=Path))
def generate(scale: str, seed: int, out: Path) -> None:
    """Write a deterministic synthetic dataset of SCALE size into OUT, for benchmarks."""
    from indexer.generate import generate_national

    counts = generate_national(out, seed=seed)
    for name, rows in counts.items():
        click.echo(f"{name:<16} {rows:>7} rows")


register_search_commands(main)
register_account_commands(main)
register_remind_command(main)
register_keys_command(main)
register_export_command(main)
