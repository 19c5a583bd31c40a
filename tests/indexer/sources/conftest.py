"""Import tests never touch the user's own search index.

`indexer load` re-indexes what it changed in INDEX_DIR, whose default is the user's data
directory; a test that runs the command without --index-dir gets a private folder instead.
"""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "index"
    monkeypatch.setenv("INDEX_DIR", str(folder))
    return folder
