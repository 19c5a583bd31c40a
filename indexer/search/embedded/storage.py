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
