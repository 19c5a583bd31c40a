"""Index writers take turns, and a full build learns what changed while it ran.

Several processes write the search index: `indexer build`, `indexer update`, and (through the
one write path) imports and edits. Two writers at once made tantivy die with `LockBusy`, and
an update made while a full build ran was lost when the build swapped in. Two file locks in
the engine's state folder fix both, for either engine:

- the **writer lock** is held for every short write (one provider's documents, or a build's
  final catch-up and swap); other writers wait for it, up to a time limit, then get a clear
  message naming who holds it;
- the **build lock** is held for a whole full build, so only one build runs at a time; while
  it is held, every update also notes its provider ids in the build's **journal**, and the
  build re-indexes those providers into its new index just before it swaps it in.

Locks are `flock`s: the kernel releases them when a process dies, so a killed build never
blocks the next one, and its journal is simply started afresh. They coordinate processes on
one machine (the indexer's host); docs/search.md says so.
"""

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from indexer.search.engine import SearchUnavailable

WRITER_LOCK = "writer.lock"
BUILD_LOCK = "build.lock"
JOURNAL = "build-journal.jsonl"
POLL_S = 0.05


class IndexBusy(SearchUnavailable):
    """Another process held the lock for longer than this one may wait."""


class IndexLocks:
    """The locks and the build journal of one index, kept in `folder`."""

    def __init__(self, folder: Path, timeout_s: float = 60.0) -> None:
        self.folder = Path(folder)
        self.timeout_s = timeout_s

    @contextmanager
    def writing(self, doing: str) -> Iterator[None]:
        """Hold the writer lock while `doing`; wait for the current holder if needed."""
        with self._locked(WRITER_LOCK, doing, wait_s=self.timeout_s):
            yield

    @contextmanager
    def building(self) -> Iterator[None]:
        """Hold the build lock for a whole build, with an empty journal; refuse at once when
        another build runs (two builds would only repeat each other's work)."""
        with self._locked(BUILD_LOCK, "a full build", wait_s=0):
            with self.writing("starting a full build"):
                self._journal().write_text("", encoding="utf-8")
            try:
                yield
            finally:
                self._journal().unlink(missing_ok=True)

    def note_update(self, provider_ids: set[str]) -> None:
        """Called under the writer lock after an update: a running build must redo these."""
        if provider_ids and self._build_running():
            with self._journal().open("a", encoding="utf-8") as journal:
                journal.write(json.dumps(sorted(provider_ids)) + "\n")

    def updated_during_build(self) -> set[str]:
        """Provider ids updated since the build started (read under the writer lock)."""
        path = self._journal()
        if not path.exists():
            return set()
        lines = path.read_text(encoding="utf-8").splitlines()
        return {provider for line in lines if line for provider in json.loads(line)}

    def _journal(self) -> Path:
        return self.folder / JOURNAL

    def _build_running(self) -> bool:
        """True while some process holds the build lock (it is free when that process died)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / BUILD_LOCK).open("a+", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    @contextmanager
    def _locked(self, name: str, doing: str, wait_s: float) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / name).open("a+", encoding="utf-8") as handle:
            _acquire(handle, wait_s, name)
            try:
                handle.seek(0)
                handle.truncate()
                holder = {"pid": os.getpid(), "doing": doing, "since": _now()}
                handle.write(json.dumps(holder))
                handle.flush()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _acquire(handle: IO[str], wait_s: float, name: str) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise IndexBusy(_busy_message(handle, wait_s, name)) from None
            time.sleep(POLL_S)


def _busy_message(handle: IO[str], wait_s: float, name: str) -> str:
    handle.seek(0)
    try:
        holder = json.loads(handle.read() or "{}")
    except json.JSONDecodeError:
        holder = {}
    who = (
        f"process {holder['pid']} ({holder['doing']}, since {holder['since']})"
        if holder
        else "another process"
    )
    if name == BUILD_LOCK:
        return f"a full build is already running: {who}; wait for it to finish"
    return f"the search index is being written by {who}; waited {wait_s:g} s, try again later"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
