"""`indexer meili-keys` and a scoped admin key, checked without a server: the exact key
bodies through an HTTP mock (`responses`), what the command prints, and how it fails.

The live proof (the keys really build, swap and search, and nothing more) is in
test_meili_keys.py.
"""

import json
import socket
from collections.abc import Iterator

import pytest
import responses
from click.testing import CliRunner, Result
from responses import matchers

from indexer.cli import main
from indexer.search.engine import SearchUnavailable
from tests.indexer.search.test_meili_requests import (
    BUILD,
    ENQUEUED,
    URL,
    doc,
    engine,
    requests_made,
    task,
)

MASTER = "the-master-key"
ADMIN_UID = "cac8e1e6-b968-53d9-9528-d77423914809"  # fixed: deployments keep their keys
SEARCH_UID = "a00c1a8b-1ff9-5110-bc7a-8e3ccf689b3b"
ADMIN_BODY = {
    "uid": ADMIN_UID,
    "name": "jeugdhulpgids providers indexer",
    "description": "For the indexer, and for the portal to re-index a provider after an edit: "
    "writes indexes providers and providers_* only, never searches.",
    "actions": [
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
    ],
    "indexes": ["providers", "providers_*"],
    "expiresAt": None,
}
SEARCH_BODY = {
    "uid": SEARCH_UID,
    "name": "jeugdhulpgids providers search",
    "description": "For the portal's searches: may only search index providers.",
    "actions": ["search"],
    "indexes": ["providers"],
    "expiresAt": None,
}
ADMIN_KEY, SEARCH_KEY = "a" * 64, "b" * 64


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        yield rsps


def meili_keys(url: str = URL, **env: str) -> Result:
    settings = {"MEILI_URL": url, "MEILI_MASTER_KEY": MASTER, "MEILI_INDEX": None} | env
    return CliRunner().invoke(main, ["meili-keys"], env=settings)


def created(body: dict, key: str) -> dict:
    """The server's answer to a key made from `body`."""
    return body | {"key": key, "createdAt": ENQUEUED, "updatedAt": ENQUEUED}


def expect_creation(mock: responses.RequestsMock, body: dict, key: str) -> None:
    match = [matchers.json_params_matcher(body, strict_match=True)]
    mock.post(f"{URL}/keys", json=created(body, key), status=201, match=match)


def already_there(mock: responses.RequestsMock, body: dict) -> None:
    refusal = {
        "message": f"`uid` field value `{body['uid']}` is already an existing API key.",
        "code": "api_key_already_exists",
        "type": "invalid_request",
    }
    match = [matchers.json_params_matcher(body, strict_match=True)]
    mock.post(f"{URL}/keys", json=refusal, status=409, match=match)


def test_makes_the_indexer_key_on_its_indexes_and_the_search_key_on_the_live_one(mock):
    expect_creation(mock, ADMIN_BODY, ADMIN_KEY)
    expect_creation(mock, SEARCH_BODY, SEARCH_KEY)

    result = meili_keys()

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"# {ADMIN_BODY['description']}",
        f"MEILI_ADMIN_KEY={ADMIN_KEY}",
        f"# {SEARCH_BODY['description']}",
        f"MEILI_SEARCH_KEY={SEARCH_KEY}",
    ]
    assert result.stderr.splitlines() == [
        "jeugdhulpgids providers indexer: created",
        "jeugdhulpgids providers search: created",
    ]
    assert all(c.request.headers["Authorization"] == f"Bearer {MASTER}" for c in mock.calls)


def test_another_meili_index_gets_keys_of_its_own(mock):
    mock.post(f"{URL}/keys", json=created(ADMIN_BODY, ADMIN_KEY), status=201)
    mock.post(f"{URL}/keys", json=created(SEARCH_BODY, SEARCH_KEY), status=201)

    assert meili_keys(MEILI_INDEX="acceptatie").exit_code == 0

    admin, search = (json.loads(call.request.body) for call in mock.calls)
    assert (admin["indexes"], search["indexes"]) == (["acceptatie", "acceptatie_*"], ["acceptatie"])
    assert (admin["uid"], search["uid"]) != (ADMIN_UID, SEARCH_UID)


def test_running_it_again_reads_the_keys_made_before(mock):
    for body, key in ((ADMIN_BODY, ADMIN_KEY), (SEARCH_BODY, SEARCH_KEY)):
        already_there(mock, body)
        mock.get(f"{URL}/keys/{body['uid']}", json=created(body, key))

    result = meili_keys()

    assert result.exit_code == 0, result.output
    assert f"MEILI_ADMIN_KEY={ADMIN_KEY}" in result.stdout.splitlines()
    assert f"MEILI_SEARCH_KEY={SEARCH_KEY}" in result.stdout.splitlines()
    assert "jeugdhulpgids providers indexer: unchanged" in result.stderr
    assert [call.request.method for call in mock.calls] == ["POST", "GET", "POST", "GET"]


def test_a_key_made_with_other_rights_is_made_again_under_its_uid(mock):
    """Rights cannot be changed on a key; made again under its uid it keeps its value."""
    already_there(mock, ADMIN_BODY)
    older = ADMIN_BODY | {"actions": ["documents.add", "tasks.get"]}
    mock.get(f"{URL}/keys/{ADMIN_UID}", json=created(older, ADMIN_KEY))
    mock.delete(f"{URL}/keys/{ADMIN_UID}", status=204)
    expect_creation(mock, ADMIN_BODY, ADMIN_KEY)
    already_there(mock, SEARCH_BODY)
    mock.get(f"{URL}/keys/{SEARCH_UID}", json=created(SEARCH_BODY, SEARCH_KEY))

    result = meili_keys()

    assert result.exit_code == 0, result.output
    assert "jeugdhulpgids providers indexer: made again with these rights" in result.stderr
    assert "jeugdhulpgids providers search: unchanged" in result.stderr
    assert f"MEILI_ADMIN_KEY={ADMIN_KEY}" in result.stdout.splitlines()


def test_without_MEILI_MASTER_KEY_it_is_asked_for_unechoed(mock):
    expect_creation(mock, ADMIN_BODY, ADMIN_KEY)
    expect_creation(mock, SEARCH_BODY, SEARCH_KEY)
    env = {"MEILI_URL": URL, "MEILI_MASTER_KEY": None, "MEILI_INDEX": None}

    result = CliRunner().invoke(main, ["meili-keys"], env=env, input="typed-master-key\n")

    assert result.exit_code == 0, result.output
    assert mock.calls[0].request.headers["Authorization"] == "Bearer typed-master-key"
    assert result.stderr.startswith("Meilisearch master key: \n")
    assert "typed-master-key" not in result.output
    assert result.stdout.splitlines()[1] == f"MEILI_ADMIN_KEY={ADMIN_KEY}"  # no prompt in it


@pytest.mark.parametrize("status", [401, 403])
def test_a_wrong_master_key_is_named(mock, status):
    refusal = {
        "message": "The provided API key is invalid.",
        "code": "invalid_api_key",
        "type": "auth",
    }
    mock.post(f"{URL}/keys", json=refusal, status=status)

    result = meili_keys()

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Keys not made: Meilisearch at {URL} refused the master key (MEILI_MASTER_KEY) "
        "while making the key 'jeugdhulpgids providers indexer' "
        f"(HTTP {status} invalid_api_key): The provided API key is invalid. It must be the "
        "master key the server was started with.\n"
    )


def test_an_unreachable_server_is_named_with_its_address():
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = meili_keys(f"http://127.0.0.1:{port}")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Keys not made: cannot reach Meilisearch at http://127.0.0.1:{port} while making "
        "the key 'jeugdhulpgids providers indexer' (is the server running?)"
    )


def test_without_MEILI_URL_nothing_is_asked():
    result = CliRunner().invoke(main, ["meili-keys"], env={"MEILI_URL": None})
    assert result.exit_code == 1
    assert result.stderr == "MEILI_URL is not set: the Meilisearch server's address.\n"


# -- a scoped admin key and the swap ------------------------------------------------------


def hidden_swap(mock: responses.RequestsMock) -> None:
    """The swap as a key scoped to some indexes sees it: enqueued, then never found. The
    live index is the old one (looked up by publish, then once more) until the test says."""
    for _ in range(2):
        mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "createdAt": "old"})
    mock.get(f"{URL}/indexes/{BUILD}", json={"uid": BUILD, "createdAt": ENQUEUED})
    info = {"taskUid": 99, "indexUid": None, "status": "enqueued", "type": "indexSwap"}
    mock.post(f"{URL}/swap-indexes", json=info | {"enqueuedAt": ENQUEUED}, status=202)
    missing = {"message": "Task `99` not found.", "code": "task_not_found"}
    mock.get(f"{URL}/tasks/99", json=missing | {"type": "invalid_request"}, status=404)


def test_a_swap_the_key_cannot_see_is_done_when_the_live_index_is_the_build(mock):
    task(mock, "POST", "indexes", "indexCreation")
    task(mock, "PATCH", f"indexes/{BUILD}/settings", "settingsUpdate")
    task(mock, "POST", f"indexes/{BUILD}/documents?primaryKey=key", "documentAdditionOrUpdate")
    hidden_swap(mock)
    mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "createdAt": ENQUEUED})
    task(mock, "POST", "indexes/providers_meta/documents?primaryKey=id", "documentAdditionOrUpdate")
    task(mock, "DELETE", f"indexes/{BUILD}", "indexDeletion")

    assert engine().rebuild([doc(1)]) == 1

    assert requests_made(mock)[-5:] == [
        "POST /swap-indexes",
        "GET /indexes/providers",  # not yet
        "GET /indexes/providers",  # swapped: the build's creation time
        "POST /indexes/providers_meta/documents?primaryKey=id",
        f"DELETE /indexes/{BUILD}",
    ]


def test_a_swap_the_key_cannot_see_that_never_happens_times_out(mock):
    task(mock, "POST", "indexes", "indexCreation")
    task(mock, "PATCH", f"indexes/{BUILD}/settings", "settingsUpdate")
    task(mock, "POST", f"indexes/{BUILD}/documents?primaryKey=key", "documentAdditionOrUpdate")
    hidden_swap(mock)
    task(mock, "DELETE", f"indexes/{BUILD}", "indexDeletion")  # discarded

    with pytest.raises(SearchUnavailable) as raised:
        engine(task_timeout_s=0.1).rebuild([doc(1)])

    assert str(raised.value) == (
        f"Meilisearch did not confirm swapping {BUILD} into providers within 0.1 s; this key "
        f"cannot see swap tasks, the master key can: {URL}/tasks?types=indexSwap"
    )
    assert "POST /indexes/providers_meta/documents?primaryKey=id" not in requests_made(mock)


def test_indexer_status_reads_with_the_indexers_key(mock, tmp_path):
    """The search key may not read index stats or the build record; the indexer's may."""
    mock.get(f"{URL}/indexes/providers/stats", json={"numberOfDocuments": 3, "isIndexing": False})
    record = {"id": "build", "last_build": "2026-11-22T09:30:00+00:00", "settings_hash": "abc"}
    mock.get(f"{URL}/indexes/providers_meta/documents/build", json=record)
    env = {
        "SEARCH_BACKEND": "meilisearch",
        "MEILI_URL": URL,
        "MEILI_ADMIN_KEY": ADMIN_KEY,
        "MEILI_SEARCH_KEY": SEARCH_KEY,
        "MEILI_INDEX": None,
    }
    database = f"sqlite:///{tmp_path / 'store.db'}"

    result = CliRunner().invoke(main, ["--database-url", database, "status"], env=env)

    assert result.exit_code == 0, result.output
    assert "documents      3" in result.stdout
    assert {call.request.headers["Authorization"] for call in mock.calls} == {f"Bearer {ADMIN_KEY}"}
