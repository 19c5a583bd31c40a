"""The embedded index on disk: builds side by side, and a pointer to the live one.

A rebuild writes a complete index into a new `build-*` folder and then swaps the `current`
symlink in one rename, so a searcher sees either the old or the new index, never a half
one. The previous build is kept (a portal worker may still read it); older ones go.
"""

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

CURRENT = "current"
META = "build-info.json"  # tantivy keeps its own meta.json in the same folder


def current_link(root: Path) -> str | None:
    """What `current` points at, as written in the link (a build folder's name)."""
    try:
        return os.readlink(root / CURRENT)
    except OSError:
        return None


def current_build(root: Path) -> Path | None:
    link = root / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().exists() else None


def new_build_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = root / f"build-{stamp}"
    folder.mkdir()
    return folder


def switch_to(root: Path, build: Path) -> None:
    """Point `current` at `build` atomically, then remove builds older than the previous."""
    previous = current_build(root)
    temporary = root / f".{CURRENT}.{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(build.name)
    temporary.replace(root / CURRENT)
    keep = {build, previous}
    for old in root.glob("build-*"):
        if old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)


def write_meta(build: Path, **values: object) -> None:
    (build / META).write_text(json.dumps(values, indent=2), encoding="utf-8")


def read_meta(build: Path) -> dict:
    path = build / META
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def discard(build: Path) -> None:
    """Remove a build that failed halfway; `current` never pointed at it."""
    shutil.rmtree(build, ignore_errors=True)


def segment_files(build: Path) -> dict[str, int]:
    """Size of every file (by path) of the segments that tantivy's meta.json names.

    tantivy reads its files through mmap: a file truncated under a running searcher kills
    the process with SIGBUS instead of raising. Comparing these sizes before each search
    turns such damage into SearchUnavailable (a 503 page) instead of a dead worker. Only the
    files this meta names count (`<segment>.<ext>`, and the `<segment>.<opstamp>.del` of its
    current deletes): tantivy removes older ones at any time. Raises OSError or ValueError
    when meta.json is missing or unreadable.
    """
    meta = json.loads((build / "meta.json").read_text(encoding="utf-8"))
    named: set[str] = set()
    segments: set[str] = set()
    for segment in meta["segments"]:
        prefix = segment["segment_id"].replace("-", "")
        segments.add(prefix)
        if segment.get("deletes"):
            named.add(f"{prefix}.{segment['deletes']['opstamp']}.del")
    with os.scandir(build) as entries:
        paths = [
            entry.path
            for entry in entries
            if entry.name in named
            or (entry.name.split(".")[0] in segments and entry.name.count(".") == 1)
        ]
    return {path: os.stat(path).st_size for path in paths}


def intact(sizes: dict[str, int]) -> bool:
    """True when every file in `sizes` is still there with at least its size."""
    try:
        return all(os.stat(path).st_size >= size for path, size in sizes.items())
    except OSError:
        return False
