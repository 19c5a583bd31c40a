"""`indexer build` on a live Meilisearch, with imported data and nothing injected: a provider
id with a dot is indexed and found, a task the server fails reaches the operator with the
server's own message and a non-zero exit while the index families search stays as it was,
and an index made before documents had a `key` is made anew.

The failing task needs data in the store that Meilisearch refuses. Coordinates out of range,
written into the store by hand (the import refuses them), do not do it: Meilisearch v1.50
accepts `_geo` with latitude 123.4 or longitude 200, and a value that is not a number stops
documents.py, which computes distances from it, before anything is sent. What the server
still refuses is a key too long: codes have no length limit in the import, the adapter files
a document under its id in base64 (indexer/search/meili/primary_key.py), and Meilisearch
refuses a document identifier over 511 bytes. A provider id of 400 characters, with its
region, makes a key of 548.
"""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from meilisearch import Client
from sqlmodel import Session

from indexer.cli import main
from indexer.search.contract import SearchQuery
from indexer.search.engine import SearchUnavailable
from indexer.search.meili import MeiliEngine
from indexer.search.meili.primary_key import document_key
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from tests.conftest import FIXTURES
from tests.utils.datasets import read_rows, write_rows
from tests.utils.documents import BUILD_DAY, make_document
from tests.utils.loading import TODAY
from tests.utils.meili import SKIP_REASON, live_engine, live_url

pytestmark = pytest.mark.skipif(not live_url(), reason=SKIP_REASON)


def dataset_with_provider_id(tmp_path: Path, old: str, new: str) -> Path:
    """The minimal dataset with provider `old` renamed `new` in every file that names it."""
    folder = tmp_path / "dataset"
    shutil.copytree(FIXTURES / "minimal", folder)
    for path in folder.glob("*.csv"):
        rows = read_rows(path)
        if rows and "provider_id" in rows[0]:
            for row in rows:
                row["provider_id"] = new if row["provider_id"] == old else row["provider_id"]
            write_rows(path, rows)
    return folder


def imported_store(tmp_path: Path, provider_id: str) -> str:
    """A store holding the minimal dataset with "rustpunt" called `provider_id`; its URL."""
    store = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate(store)
    with Session(store) as session:
        dataset = dataset_with_provider_id(tmp_path, "rustpunt", provider_id)
        assert load_folder(dataset, session, today=TODAY).ok  # a valid import
        session.commit()
    store.dispose()
    return str(store.url)


def indexer_build(store_url: str, tmp_path: Path, live: MeiliEngine) -> Result:
    env = {
        "DATABASE_URL": store_url,
        "INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_BACKEND": "meilisearch",
        "MEILI_URL": os.environ["MEILI_URL"],
        "MEILI_ADMIN_KEY": os.environ.get("MEILI_ADMIN_KEY"),
        "MEILI_INDEX": live.index,
    }
    return CliRunner().invoke(main, ["build"], env=env)


def test_a_provider_id_with_a_dot_is_built_and_found(tmp_path: Path) -> None:
    """Meilisearch refuses a dot in a document identifier; the document's key has none."""
    store_url = imported_store(tmp_path, "rustpunt.nl")
    with live_engine("dottedbuild") as live:
        result = indexer_build(store_url, tmp_path, live)

        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("Indexed 2 document(s)")
        found = live.search(SearchQuery(text="angst"), BUILD_DAY)
        assert [(hit.id, hit.document["provider_id"]) for hit in found.hits] == [
            ("testregio__rustpunt.nl", "rustpunt.nl")
        ]


def test_a_failed_task_stops_the_build_with_the_servers_message(tmp_path: Path) -> None:
    too_long = "rustpunt-" + "x" * 391  # a valid code of 400 characters
    store_url = imported_store(tmp_path, too_long)
    with live_engine("failedbuild") as live:
        live.rebuild([make_document("eerder")])  # what families search until now
        result = indexer_build(store_url, tmp_path, live)

        assert result.exit_code == 2
        message = result.stderr.splitlines()[-1]
        assert message.startswith("Search index unavailable: Meilisearch task ")
        assert "(documentAdditionOrUpdate) failed: Document identifier " in message
        assert document_key(f"testregio__{too_long}") in message
        assert "can not be more than 511 bytes" in message  # the server's words
        assert message.endswith("[invalid_document_id]")
        assert "Indexed" not in result.stdout

        found = live.search(SearchQuery(), BUILD_DAY)
        assert [hit.document["provider_id"] for hit in found.hits] == ["eerder"]
        client = Client(os.environ["MEILI_URL"], os.environ.get("MEILI_ADMIN_KEY"))
        names = {index.uid for index in client.get_indexes({"limit": 1000})["results"]}
        assert {uid for uid in names if uid.startswith(live.index)} == {
            live.index,
            f"{live.index}_meta",
        }  # the build aside was removed


def test_an_index_from_before_the_key_is_made_anew_by_one_build(tmp_path: Path) -> None:
    """An index's primary key cannot change: until `indexer build` has run after the
    upgrade, updating a provider stops with a message that says to run it."""
    store_url = imported_store(tmp_path, "rustpunt")
    client = Client(os.environ["MEILI_URL"], os.environ.get("MEILI_ADMIN_KEY"))
    with live_engine("upgrade") as live:
        client.wait_for_task(client.create_index(live.index, {"primaryKey": "id"}).task_uid)
        with pytest.raises(SearchUnavailable, match="run `indexer build` once to make it anew"):
            live.replace_provider("nieuw", [make_document("nieuw")])

        assert indexer_build(store_url, tmp_path, live).exit_code == 0
        live.replace_provider("nieuw", [make_document("nieuw")])
        found = live.search(SearchQuery(), BUILD_DAY)
        assert "nieuw" in [hit.document["provider_id"] for hit in found.hits]
