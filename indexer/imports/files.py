"""Keeping the files region staff upload: one folder per upload, each file with its SHA-256.

The folder keeps exactly what was sent, so months later anyone can download the file that
was loaded and prove by its checksum that it is the same one. The import reads the files
where they are kept: the folder `sent/` of CSV and XLSX files, or the one zip sent (the
import unpacks it itself, with its own limits). Uploads arrive as streams (Werkzeug spools
a large one to a temporary file) and are copied in chunks, so 50 MB never sit in memory.
"""

import hashlib
import secrets
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

SENT = "sent"
ZIP = ".zip"
SUFFIXES = (".csv", ".xlsx", ZIP)
CHUNK = 1024 * 1024
MAX_NAME_BYTES = 200  # of UTF-8, well below the 255 bytes file systems allow
MAX_SUFFIX = 4  # letters of a suffix kept when a name is cut: .csv, .xlsx, .zip
# What one upload may hold: the national dataset (about 50 MB) with room to grow. The web
# server accepts a few MB more (MAX_REQUEST_BYTES), for the form around the files.
MAX_UPLOAD_MB = 60
MAX_REQUEST_BYTES = (MAX_UPLOAD_MB + 4) * 1024 * 1024


@dataclass(frozen=True)
class KeptFile:
    name: str  # as the person named it, without folders
    size: int  # bytes
    sha256: str
    path: str  # inside the upload's folder

    def as_dict(self) -> dict[str, str | int]:
        return asdict(self)


class UploadRefused(ValueError):
    """Nothing usable was sent. `reason` is one of REASONS; `name` the file it is about."""

    REASONS = ("none", "kind", "same_name", "zip_and_more")

    def __init__(self, reason: str, name: str = "") -> None:
        assert reason in self.REASONS
        super().__init__(f"{reason}: {name}" if name else reason)
        self.reason, self.name = reason, name


def new_folder(imports_dir: Path, region_id: str) -> Path:
    """A fresh folder for one upload; its name starts with the time, so a listing sorts."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = imports_dir / region_id / f"{stamp}-{secrets.token_hex(4)}"
    (folder / SENT).mkdir(parents=True)
    return folder


def keep_uploads(uploads: Iterable[tuple[str, BinaryIO]], folder: Path) -> list[KeptFile]:
    """Copy each (file name, stream) into `folder`; refuses (UploadRefused) an upload
    without files, of another kind, with two files of one name, or a zip with more. On any
    failure (a refusal, a full disk) `folder` is removed before the error is raised: half
    an upload is never kept."""
    try:
        return _keep(uploads, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _keep(uploads: Iterable[tuple[str, BinaryIO]], folder: Path) -> list[KeptFile]:
    kept: list[KeptFile] = []
    for raw_name, stream in uploads:
        if not raw_name:
            continue  # a file field left empty
        name = safe_name(raw_name)
        if not name.lower().endswith(SUFFIXES):
            raise UploadRefused("kind", name)
        if any(name.lower() == file.name.lower() for file in kept):
            raise UploadRefused("same_name", name)
        kept.append(_copy(stream, folder / SENT / name, name))
    if not kept:
        raise UploadRefused("none")
    zipped = [file.name for file in kept if file.name.lower().endswith(ZIP)]
    if zipped and len(kept) > 1:
        raise UploadRefused("zip_and_more", zipped[0])
    return kept


def source(folder: Path) -> Path:
    """What the import reads for the upload kept in `folder`: its zip, or its files."""
    zipped = [path for path in (folder / SENT).iterdir() if path.suffix.lower() == ZIP]
    return zipped[0] if zipped else folder / SENT


def safe_name(raw: str) -> str:
    """The file's own name, without folders (a browser may send `C:\\data\\x.csv`), control
    characters or leading dots, so it can never point outside the upload's folder."""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    return _shortened(name) or "file"


def _shortened(name: str) -> str:
    """`name` cut to MAX_NAME_BYTES of UTF-8, keeping its suffix: file systems count bytes
    (255 at most), and a name of many accented letters would otherwise fail to save."""
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".")
    tail = f"{dot}{suffix}" if stem and len(suffix) <= MAX_SUFFIX else ""
    room = MAX_NAME_BYTES - len(tail.encode())
    head = name[: len(name) - len(tail)].encode()[:room].decode(errors="ignore")  # no half letter
    return head + tail


def _copy(stream: BinaryIO, target: Path, name: str) -> KeptFile:
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return KeptFile(name, size, digest.hexdigest(), f"{SENT}/{name}")
