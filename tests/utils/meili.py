"""A live Meilisearch for tests: the server MEILI_URL names, with MEILI_ADMIN_KEY.

No package carries the server, so these runs happen where an operator points MEILI_URL at
one; without it the tests that need it skip with SKIP_REASON. Each test gets indexes of its
own (a random prefix), removed afterwards with every build aside that the prefix names.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from indexer.search.meili import MeiliEngine
from indexer.search.vocabulary import Vocabulary

SKIP_REASON = "MEILI_URL is not set: the live Meilisearch run needs a server"


def live_url() -> str | None:
    return os.environ.get("MEILI_URL") or None


@contextmanager
def live_engine(prefix: str, vocabulary: Vocabulary | None = None) -> Iterator[MeiliEngine]:
    """A MeiliEngine on indexes named `<prefix>_<random>…`, deleted when done."""
    from meilisearch import Client

    url, key = os.environ["MEILI_URL"], os.environ.get("MEILI_ADMIN_KEY")
    index = f"{prefix}_{uuid.uuid4().hex[:8]}"
    try:
        yield MeiliEngine(url, key, index=index, vocabulary=vocabulary)
    finally:
        client = Client(url, key)
        for found in client.get_indexes({"limit": 1000})["results"]:
            if found.uid.startswith(index):
                client.wait_for_task(client.delete_index(found.uid).task_uid)
