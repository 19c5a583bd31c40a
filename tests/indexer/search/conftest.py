"""Search engines under test: the embedded engine always, Meilisearch when MEILI_URL is set.

No Meilisearch server can be installed on our build machines, so the live run happens
wherever an operator points MEILI_URL (and MEILI_ADMIN_KEY) at one; without it those
variants are skipped, and the request-level tests in test_meili_requests.py still run.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search.embedded import EmbeddedEngine
from tests.utils.documents import small_vocabulary


@pytest.fixture(params=["embedded", "meilisearch"])
def search_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "embedded":
        yield EmbeddedEngine(tmp_path / "index", small_vocabulary())
        return
    url = os.environ.get("MEILI_URL")
    if not url:
        pytest.skip("MEILI_URL is not set: the live Meilisearch run needs a server")
    from meilisearch import Client

    from indexer.search.meili import MeiliEngine

    key = os.environ.get("MEILI_ADMIN_KEY")
    index = f"conformance_{uuid.uuid4().hex[:8]}"
    yield MeiliEngine(url, key, index=index, vocabulary=small_vocabulary())
    client = Client(url, key)
    for found in client.get_indexes({"limit": 1000})["results"]:
        if found.uid.startswith(index):
            client.wait_for_task(client.delete_index(found.uid).task_uid)
