"""The keys `indexer meili-keys` makes, on a real Meilisearch: the indexer's key builds,
swaps and reads the status; the portal's key searches the live index after every swap and
can do nothing else; neither reaches another index; running the command again gives the
same keys.

Each test makes keys for a MEILI_INDEX of its own (a random name) and removes those keys
and its indexes afterwards. The keys are made with MEILI_MASTER_KEY, or else with
MEILI_ADMIN_KEY, which must then be allowed to manage keys (the master key is).
"""

import os
from collections.abc import Iterator

import pytest
from click.testing import CliRunner, Result
from meilisearch import Client

from indexer.cli import main
from indexer.search.contract import SearchQuery
from indexer.search.engine import SearchUnavailable
from indexer.search.meili import MeiliEngine
from indexer.search.meili.keys import key_specs
from tests.utils.documents import BUILD_DAY, make_document, small_vocabulary
from tests.utils.meili import SKIP_REASON, live_engine, live_url

pytestmark = pytest.mark.skipif(not live_url(), reason=SKIP_REASON)


def master_key() -> str:
    return os.environ.get("MEILI_MASTER_KEY") or os.environ["MEILI_ADMIN_KEY"]


@pytest.fixture
def index() -> Iterator[str]:
    """A MEILI_INDEX of this test's own: its indexes and keys are removed afterwards."""
    with live_engine("keys") as engine:
        try:
            yield engine.index
        finally:
            client = Client(os.environ["MEILI_URL"], master_key())
            for spec in key_specs(engine.index):
                if spec.uid in {key.uid for key in client.get_keys({"limit": 1000}).results}:
                    client.delete_key(spec.uid)


def meili_keys(index: str, master: str | None = None) -> Result:
    env = {
        "MEILI_URL": os.environ["MEILI_URL"],
        "MEILI_MASTER_KEY": master or master_key(),
        "MEILI_INDEX": index,
    }
    return CliRunner().invoke(main, ["meili-keys"], env=env)


def keys(index: str) -> dict[str, str]:
    """The environment lines the command prints, as a dict."""
    result = meili_keys(index)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)


def meili(key: str, index: str) -> MeiliEngine:
    return MeiliEngine(os.environ["MEILI_URL"], key, index=index, vocabulary=small_vocabulary())


def names(engine: MeiliEngine, text: str) -> list[str]:
    result = engine.search(SearchQuery(text=text), BUILD_DAY)
    return sorted(hit.document["name"] for hit in result.hits)


def test_the_indexer_key_builds_and_swaps_and_the_search_key_follows_each_swap(index):
    made = keys(index)
    indexer, portal = meili(made["MEILI_ADMIN_KEY"], index), meili(made["MEILI_SEARCH_KEY"], index)
    first = [make_document("rustpunt", description_nl="Wij helpen bij angst.")]
    assert indexer.rebuild(first) == 1  # the live index does not exist yet: made, swapped
    assert names(portal, "angst") == ["Rustpunt"]

    second = [
        make_document("kompas", description_nl="Hulp bij angst en paniek."),
        make_document("haven", description_nl="Ook bij angst."),
    ]
    assert indexer.rebuild(second) == 2  # swapped with the live index built before

    assert names(portal, "angst") == ["Haven", "Kompas"]  # the same key, the new build
    status = indexer.status()
    assert (status.documents, status.last_build is not None) == (2, True)
    client = Client(os.environ["MEILI_URL"], master_key())
    left = {found.uid for found in client.get_indexes({"limit": 1000})["results"]}
    assert {uid for uid in left if uid.startswith(index)} == {index, f"{index}_meta"}


def test_the_search_key_may_only_search(index):
    made = keys(index)
    meili(made["MEILI_ADMIN_KEY"], index).rebuild([make_document("rustpunt")])
    portal = meili(made["MEILI_SEARCH_KEY"], index)

    for write in (
        lambda: portal.rebuild([make_document("indringer")]),
        lambda: portal.replace_provider("rustpunt", []),
        portal.status,
    ):
        with pytest.raises(SearchUnavailable) as refused:
            write()
        assert "HTTP 403 invalid_api_key" in str(refused.value)
        assert "MEILI_ADMIN_KEY" in str(refused.value)

    assert names(portal, "") == ["Rustpunt"]  # nothing was written


def test_neither_key_reaches_another_index(index):
    made = keys(index)
    with live_engine("keys_other") as other:
        other.rebuild([make_document("buurman")])

        with pytest.raises(SearchUnavailable, match="HTTP 403 invalid_api_key"):
            names(meili(made["MEILI_SEARCH_KEY"], other.index), "")
        with pytest.raises(SearchUnavailable, match="HTTP 403 invalid_api_key"):
            meili(made["MEILI_ADMIN_KEY"], other.index).replace_provider("buurman", [])
        assert names(other, "") == ["Buurman"]
    # Only the live index and `<index>_*`: not another index that merely starts alike.
    with pytest.raises(SearchUnavailable, match="HTTP 403 invalid_api_key"):
        meili(made["MEILI_ADMIN_KEY"], f"{index}x").rebuild([make_document("rustpunt")])


def test_running_it_again_gives_the_same_keys(index):
    first, again = meili_keys(index), meili_keys(index)

    assert first.exit_code == again.exit_code == 0
    assert again.stdout == first.stdout
    assert "indexer: created" in first.stderr and "indexer: unchanged" in again.stderr
    client = Client(os.environ["MEILI_URL"], master_key())
    made = [
        key
        for key in client.get_keys({"limit": 1000}).results
        if key.name.startswith(f"jeugdhulpgids {index} ")
    ]
    assert len(made) == 2


def test_a_key_made_with_other_rights_is_made_again_with_the_same_value(index):
    indexer = key_specs(index)[0]
    client = Client(os.environ["MEILI_URL"], master_key())
    older = client.create_key(indexer.body() | {"actions": ["documents.add"]})

    made = keys(index)

    assert made["MEILI_ADMIN_KEY"] == older.key
    assert indexer.matches(client.get_key(indexer.uid))


def test_a_wrong_master_key_is_named(index):
    result = meili_keys(index, master="not-the-master-key")

    assert result.exit_code == 1
    assert "refused the master key (MEILI_MASTER_KEY)" in result.stderr
    assert "HTTP 403 invalid_api_key" in result.stderr
    assert result.stdout == ""
