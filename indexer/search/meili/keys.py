"""`indexer meili-keys`: the two API keys Jeugdhulpgids needs, made with the master key.

The master key may do anything, so no program keeps it: the indexer gets a key that may
only write this deployment's indexes (the live one, the builds aside `<index>_<time>` and
`<index>_meta`), the portal one that may only search the live index. A swap exchanges two
indexes' contents under their names, so the search key keeps working after every build.

Meilisearch derives a key from its uid and the master key. The uids here are fixed (from
the index name and the key's role), so running the command again gives the same keys
instead of new ones, and a key made earlier with other rights is made again with the same
value: the environment lines printed before stay right.
"""

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import click
from meilisearch import Client
from meilisearch.errors import MeilisearchApiError
from meilisearch.models.key import Key

from indexer.search.engine import SearchUnavailable
from indexer.search.meili.errors import translated
from indexer.settings import Settings

# What MeiliEngine does with the admin key: build aside, swap, delete, update providers,
# wait for its tasks, and `indexer status` (index stats and the build record). No search.
ADMIN_ACTIONS = (
    "indexes.create",
    "indexes.get",
    "indexes.swap",
    "indexes.delete",
    "settings.update",
    "documents.add",
    "documents.delete",
    "documents.get",
    "tasks.get",
    "stats.get",
)


class MasterKeyRefused(SearchUnavailable):
    """The server refused the key given as MEILI_MASTER_KEY: the operator's to fix."""


@dataclass(frozen=True)
class KeySpec:
    """One key to make: what it may do, and the environment variable that will hold it."""

    variable: str
    role: str
    index: str
    actions: tuple[str, ...]
    indexes: tuple[str, ...]
    description: str

    @property
    def uid(self) -> str:
        return str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"jeugdhulpgids:meilisearch:{self.index}:{self.role}")
        )

    @property
    def name(self) -> str:
        return f"jeugdhulpgids {self.index} {self.role}"

    def body(self) -> dict:
        return {
            "uid": self.uid,
            "name": self.name,
            "description": self.description,
            "actions": list(self.actions),
            "indexes": list(self.indexes),
            "expiresAt": None,
        }

    def matches(self, key: Key) -> bool:
        rights = sorted(key.actions), sorted(key.indexes), key.expires_at
        return rights == (sorted(self.actions), sorted(self.indexes), None)


@dataclass(frozen=True)
class MadeKey:
    spec: KeySpec
    key: str
    outcome: str  # "created", "unchanged" or "made again with these rights"


def key_specs(index: str) -> tuple[KeySpec, KeySpec]:
    """The indexer's key on `<index>` and `<index>_*`; the portal's on `<index>` alone."""
    indexer = KeySpec(
        "MEILI_ADMIN_KEY",
        "indexer",
        index,
        ADMIN_ACTIONS,
        (index, f"{index}_*"),
        f"For the indexer, and for the portal to re-index a provider after an edit: "
        f"writes indexes {index} and {index}_* only, never searches.",
    )
    portal = KeySpec(
        "MEILI_SEARCH_KEY",
        "search",
        index,
        ("search",),
        (index,),
        f"For the portal's searches: may only search index {index}.",
    )
    return indexer, portal


def make_keys(url: str, master_key: str, index: str, timeout_s: float) -> list[MadeKey]:
    """Make (or find again) both keys on the server at `url`."""
    client = Client(url, master_key, timeout=timeout_s)  # type: ignore[arg-type]
    made = []
    for spec in key_specs(index):
        with _as_master(url, timeout_s, f"making the key {spec.name!r}"):
            made.append(_make(client, spec))
    return made


def _make(client: Client, spec: KeySpec) -> MadeKey:
    try:
        return MadeKey(spec, client.create_key(spec.body()).key, "created")
    except MeilisearchApiError as error:
        if error.code != "api_key_already_exists":
            raise
    found = client.get_key(spec.uid)
    if spec.matches(found):
        return MadeKey(spec, found.key, "unchanged")
    # A key's rights cannot be changed; made again with its uid it keeps its value.
    client.delete_key(spec.uid)
    return MadeKey(spec, client.create_key(spec.body()).key, "made again with these rights")


@contextmanager
def _as_master(url: str, timeout_s: float, doing: str) -> Iterator[None]:
    """As `translated`, but a refusal names the master key, which is what was refused."""
    with translated(url, timeout_s, doing):
        try:
            yield
        except MeilisearchApiError as error:
            if error.status_code not in (401, 403):
                raise
            raise MasterKeyRefused(
                f"Meilisearch at {url} refused the master key (MEILI_MASTER_KEY) while {doing} "
                f"(HTTP {error.status_code} {error.code}): {error.message} It must be the "
                "master key the server was started with."
            ) from error


def register_keys_command(group: click.Group) -> None:
    group.add_command(meili_keys)


@click.command("meili-keys")
@click.pass_obj
def meili_keys(settings: Settings) -> None:
    """Make the Meilisearch keys: MEILI_ADMIN_KEY for the indexer, MEILI_SEARCH_KEY for
    the portal, on MEILI_INDEX. Prints them as environment lines.

    Needs MEILI_URL and the server's master key, from MEILI_MASTER_KEY or asked for
    (never an option, so it stays out of the shell history). Run it again to see the same
    keys; the master key itself belongs in neither program."""
    if not settings.meili_url:
        click.echo("MEILI_URL is not set: the Meilisearch server's address.", err=True)
        sys.exit(1)
    master_key = os.environ.get("MEILI_MASTER_KEY") or click.prompt(
        "Meilisearch master key", hide_input=True, err=True
    )
    try:
        made = make_keys(
            settings.meili_url, master_key, settings.meili_index, settings.meili_timeout_s
        )
    except SearchUnavailable as error:
        click.echo(f"Keys not made: {error}", err=True)
        sys.exit(1 if isinstance(error, MasterKeyRefused) else 2)
    for key in made:
        click.echo(f"{key.spec.name}: {key.outcome}", err=True)
        click.echo(f"# {key.spec.description}")
        click.echo(f"{key.spec.variable}={key.key}")
