"""The `indexer` command line (also `python -m indexer`).

Problems in an import are the user's to fix, not a crash: they are printed as a report and
the command exits with status 1, never with a traceback.
"""

import sys
from datetime import date
from pathlib import Path

import click
from sqlmodel import Session

from indexer.accounts.commands import register_account_commands
from indexer.cli_store import store_reachable
from indexer.edits import commit_then_index
from indexer.edits.remind import register_remind_command
from indexer.hsds import register_export_command
from indexer.search.commands import register_search_commands
from indexer.search.meili.keys import register_keys_command
from indexer.settings import Settings
from indexer.sources import LoadResult, load_folder
from indexer.sources.changes import TEXT_LIMIT
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
@click.option(
    "--changes", "show_changes", is_flag=True, help="List the rows added, changed, ended, removed."
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"With --changes: every row, not the first {TEXT_LIMIT}.",
)
@click.option(
    "--changes-csv",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write every change, conflict, problem and notice to this CSV file.",
)
@click.pass_obj
def load(
    settings: Settings,
    folder: Path,
    dry_run: bool,
    allow_mass_end: bool,
    show_changes: bool,
    show_all: bool,
    changes_csv: Path | None,
) -> None:
    """Validate the import files in FOLDER (a folder, a zip file or one CSV/XLSX file) and,
    when all are valid, store them.

    Files are recognised by their name or else by their header row. Contracts missing from
    a region's contracts file are ended; when that would end more than a fifth of the
    region's current contracts the load is refused, as a cut-off or empty file looks just
    like that, unless --allow-mass-end says it is intended. Fields a provider keeps itself
    are not overwritten: differences become conflicts for region staff. After the commit
    the providers the load touched are re-indexed.
    """
    engine = make_engine(settings.database_url)
    indexed, warning = 0, ""
    with store_reachable(engine):
        migrate(engine)
        with Session(engine) as session:
            actor = f"indexer load {folder.name}"
            result = load_folder(
                folder, session, dry_run=dry_run, actor=actor, allow_mass_end=allow_mass_end
            )
            if result.ok and not dry_run:
                indexed, warning = commit_then_index(
                    session, result.provider_ids, settings, engine, date.today()
                )
    for notice in result.report.notices:
        click.echo(f"Note: {notice}", err=True)
    if changes_csv:
        changes_csv.write_text(result.report.to_csv(), encoding="utf-8-sig", newline="")
    if not result.ok:
        click.echo(format_report(result.problems), err=True)
        sys.exit(1)
    if show_changes:
        click.echo(result.report.to_text(None if show_all else TEXT_LIMIT) + "\n")
    verb = "would change" if dry_run else "changed"
    total = _echo_counts(result)
    if warning:
        click.echo(f"Warning: {warning}", err=True)
    elif not dry_run:
        click.echo(f"search index: {indexed} provider(s) updated")
    click.echo(f"{folder}: valid; {verb} {total} record(s).")


def _echo_counts(result: LoadResult) -> int:
    """The counts per table and of conflicts; returns the records touched."""
    total = 0
    for table, changes in result.changes.items():
        total += changes.created + changes.updated + changes.removed + changes.ended
        click.echo(
            f"{table:<14} {changes.created:>7} new {changes.updated:>7} updated "
            f"{changes.removed:>7} removed {changes.ended:>7} ended"
        )
    click.echo(f"conflicts with providers' own values: {result.conflicts}")
    return total


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
