"""A Meilisearch task that fails reaches the operator of `indexer build` with the server's
own message and a non-zero exit, and the index families search stays as it was.

Live, and nothing injected: the import accepts a provider id with a dot ("rustpunt.nl",
a valid code), but Meilisearch refuses a document id with one, so the task adding the
documents fails on the server.
"""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from meilisearch import Client
from sqlmodel import Session

from indexer.cli import main
from indexer.search.contract import SearchQuery
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


def test_a_failed_task_stops_the_build_with_the_servers_message(tmp_path: Path) -> None:
    store = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate(store)
    with Session(store) as session:
        dataset = dataset_with_provider_id(tmp_path, "rustpunt", "rustpunt.nl")
        assert load_folder(dataset, session, today=TODAY).ok  # a valid import
        session.commit()
    store.dispose()

    with live_engine("failedbuild") as live:
        live.rebuild([make_document("eerder")])  # what families search until now
        env = {
            "DATABASE_URL": str(store.url),
            "INDEX_DIR": str(tmp_path / "index"),
            "SEARCH_BACKEND": "meilisearch",
            "MEILI_URL": os.environ["MEILI_URL"],
            "MEILI_ADMIN_KEY": os.environ.get("MEILI_ADMIN_KEY"),
            "MEILI_INDEX": live.index,
        }
        result = CliRunner().invoke(main, ["build"], env=env)

        assert result.exit_code == 2
        message = result.stderr.splitlines()[-1]
        assert message.startswith("Search index unavailable: Meilisearch task ")
        assert "(documentAdditionOrUpdate) failed: Document identifier " in message
        assert "testregio__rustpunt.nl" in message
        assert "only composed of alphanumeric characters" in message  # the server's words
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
