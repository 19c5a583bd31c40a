"""The one write path: commit first, then re-index exactly the providers touched; an index
that cannot be written never undoes a stored change, and a full build loses no edit."""

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.edits import IndexNotUpdated, IndexSync, commit_and_index, submit_edit
from indexer.models import Provider, WaitTime
from indexer.search.indexing import rebuild_index
from tests.indexer.edits.conftest import act, found, sync_for


def test_without_a_sync_only_the_commit_happens(store: Engine) -> None:
    with Session(store) as session:
        session.get(Provider, "rustpunt").name = "Rustpunt Jeugdhulp"
        assert commit_and_index(session, {"rustpunt"}, None) == 0
    with Session(store) as session:
        assert session.get(Provider, "rustpunt").name == "Rustpunt Jeugdhulp"


def test_exactly_the_touched_providers_are_reindexed(store: Engine, sync: IndexSync) -> None:
    with Session(store) as session:
        for provider_id in ("rustpunt", "opvoedhuis"):
            session.get(Provider, provider_id).name = f"Nieuw {provider_id}"
        assert commit_and_index(session, ["opvoedhuis"], sync) == 1
    names = {pid: document["name"] for pid, document in found(sync).items()}
    assert names == {"rustpunt": "Rustpunt Jeugd", "opvoedhuis": "Nieuw opvoedhuis"}


def test_a_missing_index_keeps_the_stored_change_and_says_run_indexer_build(
    store: Engine, tmp_path: Path
) -> None:
    never_built = sync_for(store, tmp_path / "never-built")
    with pytest.raises(IndexNotUpdated, match=r"run `indexer build`") as failed:
        act(store, submit_edit, "rustpunt", "waits", {"wait/testregio": "2"}, sync=never_built)
    assert failed.value.provider_ids == {"rustpunt"}
    with Session(store) as session:
        assert session.get(WaitTime, ("testregio", "rustpunt", "")).weeks == 2


def test_an_edit_during_a_full_build_is_in_the_index_after_it(
    store: Engine, sync: IndexSync
) -> None:
    def read_then_edit(provider_ids: set[str] | None) -> list[dict]:
        documents = sync.read(provider_ids)
        if provider_ids is None:  # the build has read the store; now a provider edits
            act(store, submit_edit, "rustpunt", "waits", {"wait/testregio": "1"}, sync=sync)
            assert found(sync)["rustpunt"]["wait_weeks"] == 1  # the live index, at once
        return documents

    rebuild_index(sync.engine, sync.locks, read_then_edit)

    assert found(sync, max_wait_weeks=1)["rustpunt"]["wait_weeks"] == 1
