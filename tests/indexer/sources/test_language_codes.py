"""A region can record every language a family speaks, as HSDS does: ISO 639-1 or ISO 639-3.

Tarifit and Tamazight, spoken in many Moroccan-Dutch families, have no two-letter code. A
language that has one is stored by it, whichever code the file used, so it is never listed
twice.
"""

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Provider
from tests.utils.datasets import set_cell
from tests.utils.loading import assert_refused, load


@pytest.mark.parametrize(
    ("cell", "stored"),
    [
        ("nl; rif", ["nl", "rif"]),  # Tarifit: ISO 639-3 only
        ("RIF; Tzm; zgh; shi", ["rif", "shi", "tzm", "zgh"]),  # any case
        ("nld; tur; ara", ["ar", "nl", "tr"]),  # three letters, stored as two
        ("nl; NLD; rif; rif", ["nl", "rif"]),  # one language, once
    ],
)
def test_iso_639_3_codes_are_stored_once_per_language(
    sqlite_engine: Engine, dataset: Path, cell: str, stored: list[str]
) -> None:
    set_cell(dataset, "providers.csv", 2, "languages", cell)
    assert load(sqlite_engine, dataset).ok
    with Session(sqlite_engine) as session:
        assert session.get(Provider, "rustpunt").languages == stored


@pytest.mark.parametrize(
    "unknown",
    [
        "xx1",  # no code at all
        "qqq",  # reserved for local use, no language
        "und",  # ISO 639-3 "undetermined": names no language a family speaks
        "dut",  # ISO 639-2 bibliographic code for Dutch; ISO 639-3 has `nld`
    ],
)
def test_a_code_that_is_no_language_is_refused_with_its_row(
    sqlite_engine: Engine, dataset: Path, unknown: str
) -> None:
    set_cell(dataset, "providers.csv", 3, "languages", f"nl;{unknown}")
    assert_refused(
        sqlite_engine,
        dataset,
        f"providers.csv, row 3, column languages: 'nl;{unknown}' contains {unknown!r}, "
        "which is not an ISO 639-1 or ISO 639-3 language code",
    )
