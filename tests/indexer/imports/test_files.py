"""Keeping uploaded files: a name the disk can hold, and nothing left behind on failure."""

import io
from pathlib import Path

import pytest

from indexer.imports.files import keep_uploads, new_folder, safe_name


class BrokenStream(io.BytesIO):
    """An upload whose copy fails halfway, as when the disk is full."""

    def read(self, size: int | None = -1) -> bytes:
        raise OSError(28, "No space left on device")


def test_a_long_name_is_cut_to_200_bytes_of_utf8_keeping_its_suffix() -> None:
    name = safe_name("ü" * 300 + ".xlsx")
    assert name.endswith("ü.xlsx") and len(name.encode()) == 199  # no half letter


def test_an_upload_that_fails_while_saving_leaves_no_folder(tmp_path: Path) -> None:
    folder = new_folder(tmp_path, "eemland")
    with pytest.raises(OSError, match="No space left"):
        keep_uploads([("contracts.csv", BrokenStream())], folder)
    assert not folder.exists()
