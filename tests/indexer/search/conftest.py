"""Search engines under test: the embedded engine always, Meilisearch when MEILI_URL is set.

The live run happens wherever an operator points MEILI_URL (and MEILI_ADMIN_KEY) at a
server (tests/utils/meili.py); without it those variants are skipped, and the
request-level tests in test_meili_requests.py still run.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.search.embedded import EmbeddedEngine
from tests.utils.documents import small_vocabulary
from tests.utils.meili import SKIP_REASON, live_engine, live_url


@pytest.fixture(params=["embedded", "meilisearch"])
def search_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    if request.param == "embedded":
        yield EmbeddedEngine(tmp_path / "index", small_vocabulary())
        return
    if not live_url():
        pytest.skip(SKIP_REASON)
    with live_engine("conformance", small_vocabulary()) as engine:
        yield engine
