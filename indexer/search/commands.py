"""`indexer build | update | status | search`: the search index from the command line.

`indexer search` shows operators what families would see, with the same query the portal
sends, so a complaint about a result can be reproduced in one line.
"""

import json
import sys
from dataclasses import asdict
from datetime import date

import click
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Provider
from indexer.search import SearchQuery, SearchUnavailable, Sort, locate, open_search_engine
from indexer.search.contract import SearchResult
from indexer.search.indexing import index_locks, rebuild_index, reindex_providers, store_reader
from indexer.settings import Settings
from indexer.store import make_engine, migrate


def register_search_commands(group: click.Group) -> None:
    for command in (build, update, status, search):
        group.add_command(command)


def _store(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return engine


def _fail(error: SearchUnavailable) -> None:
    click.echo(f"Search index unavailable: {error}", err=True)
    sys.exit(2)


@click.command()
@click.pass_obj
def build(settings: Settings) -> None:
    """Rebuild the whole search index aside and switch to it at once.

    Updates made while it runs wait only for the final swap, and are in the new index."""
    today = date.today()
    store = _store(settings)
    try:
        engine = open_search_engine(settings, writer=True)
        click.echo("Indexing…", err=True)
        count = rebuild_index(engine, index_locks(settings), store_reader(store, today))
    except SearchUnavailable as error:
        _fail(error)
    click.echo(f"Indexed {count} document(s) for contracts valid on {today.isoformat()}.")


@click.command()
@click.argument("provider_ids", nargs=-1, required=True)
@click.pass_obj
def update(settings: Settings, provider_ids: tuple[str, ...]) -> None:
    """Re-index providers (all their regions), e.g. after they edited their listing."""
    store = _store(settings)
    with Session(store) as session:
        unknown = [p for p in provider_ids if session.get(Provider, p) is None]
    if unknown:
        click.echo(f"Unknown provider(s): {', '.join(map(repr, unknown))}.", err=True)
        sys.exit(1)
    try:
        engine = open_search_engine(settings, writer=True)
        read = store_reader(store, date.today())
        count = reindex_providers(engine, index_locks(settings), provider_ids, read)
    except SearchUnavailable as error:
        _fail(error)
    click.echo(f"{', '.join(provider_ids)}: {count} document(s) in the index.")


@click.command()
@click.pass_obj
def status(settings: Settings) -> None:
    """Engine, number of documents, last build and settings hash (with Meilisearch, read
    with the indexer's MEILI_ADMIN_KEY: the portal's search key may only search)."""
    try:
        found = open_search_engine(settings, writer=True).status()
    except SearchUnavailable as error:
        _fail(error)
    for label, value in asdict(found).items():
        click.echo(f"{label:<14} {value if value is not None else '-'}")


@click.command()
@click.argument("text", default="")
@click.option("--postcode", help="PC4 or postcode: its region, and distances from it.")
@click.option("--region", "region_id", help="Region id, when no postcode is given.")
@click.option("--profile", "profiles", multiple=True, help="Profile code (repeatable).")
@click.option("--intensity", "intensities", multiple=True, help="Intensity code (repeatable).")
@click.option("--lang", "locale", default="nl", show_default=True)
@click.option("--sort", type=click.Choice([s.value for s in Sort]), default="relevance")
@click.option("--limit", "page_size", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="The full SearchResult as JSON.")
@click.pass_obj
def search(settings: Settings, text: str, postcode: str | None, as_json: bool, **options) -> None:
    """Search as a family or referrer would: indexer search "angst" --postcode 1011."""
    origin = None
    if postcode:
        with Session(_store(settings)) as session:
            place = locate(session, postcode)
        if place is None:
            click.echo(f"Unknown postcode {postcode!r}.", err=True)
            sys.exit(1)
        options["region_id"] = options["region_id"] or place.region_id
        origin = place.point
    try:
        query = SearchQuery(text=text, origin=origin, **{**options, "sort": Sort(options["sort"])})
        result = open_search_engine(settings).search(query, date.today())
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    except SearchUnavailable as error:
        _fail(error)
    click.echo(
        json.dumps(asdict(result), ensure_ascii=False, indent=2) if as_json else _table(result)
    )


def _table(result: SearchResult) -> str:
    lines = [f"{result.total} result(s)"]
    for rank, hit in enumerate(result.hits, start=result.query.offset + 1):
        document = hit.document
        facts = [document["region_id"]]
        if hit.distance_km is not None:
            facts.append(f"{hit.distance_km} km")
        if document["wait_weeks"] is not None:
            facts.append(f"wait {document['wait_weeks']} wk")
        if document["goal_attainment_pct"] is not None:
            facts.append(f"goals met {document['goal_attainment_pct']}%")
        lines.append(
            f"{rank:>3}. {document['name']} ({document['provider_id']}) — {', '.join(facts)}"
        )
        text = "".join(f"[{s.text}]" if s.match else s.text for s in hit.snippet)
        lines.append(f"     {text}")
    return "\n".join(lines)
