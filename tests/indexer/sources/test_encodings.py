"""Text encodings as regions' spreadsheet programs write them: Excel on Windows saves "CSV"
in Windows-1252, not UTF-8. Such a file loads with the right letters and a notice; a file
whose letters would come out garbled is refused with the word that shows it."""

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Provider
from tests.utils.datasets import set_cell
from tests.utils.loading import assert_refused, fresh_engine, load, stored_data

DEMO = Path(__file__).parents[3] / "data" / "demo"
DUTCH = "Café De Brug: ideeën, geïnteresseerd, Curaçao, Müller, Köln, Rijswijk"
WINDOWS_ONLY = "Hulp – ook ’s avonds, € 0"  # signs Windows-1252 has and Latin-1 has not


def saved_as(folder: Path, file: str, encoding: str) -> None:
    path = folder / file
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))


@pytest.mark.parametrize(
    ("encoding", "description"), [("cp1252", f"{DUTCH}. {WINDOWS_ONLY}"), ("latin-1", DUTCH)]
)
def test_a_file_that_is_not_utf8_loads_with_the_right_letters_and_a_notice(
    sqlite_engine: Engine, dataset: Path, encoding: str, description: str
) -> None:
    set_cell(dataset, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    set_cell(dataset, "providers.csv", 3, "description_nl", description)
    saved_as(dataset, "providers.csv", encoding)

    result = load(sqlite_engine, dataset)

    assert result.ok, [str(problem) for problem in result.problems]
    with Session(sqlite_engine) as session:
        provider = session.get(Provider, "opvoedhuis")
    assert (provider.name, provider.descriptions["nl"]) == ("Het Opvoedhuis Café", description)
    assert [str(notice) for notice in result.report.notices] == [
        "providers.csv: is not UTF-8: read as Windows-1252 (what Excel on Windows saves as "
        "'CSV'); check that the accented letters are right, e.g. 'Café' on line 3, or save "
        "the file as 'CSV UTF-8'"
    ]
    assert result.problems == []


def test_a_utf8_file_has_no_notice(sqlite_engine: Engine, dataset: Path) -> None:
    set_cell(dataset, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    result = load(sqlite_engine, dataset)
    assert result.ok and result.report.notices == []


@pytest.mark.parametrize(
    ("garble", "report"),
    [
        (
            lambda text: text.encode("utf-8").decode("cp1252").encode("utf-8"),
            "providers.csv: holds 'CafÃ©' on line 3: letters garbled by a conversion between "
            "encodings ('Ã©' was 'é'); correct them and save it as 'CSV UTF-8' or as an Excel "
            "workbook (.xlsx)",
        ),
        (
            lambda text: text.encode("cp1252").decode("latin-1").encode("utf-8"),
            "providers.csv: holds an invisible control character (U+0092) on line 3 where a "
            "letter or sign belongs: the text was converted with the wrong encoding before; "
            "correct it and save it as 'CSV UTF-8' or as an Excel workbook (.xlsx)",
        ),
        (
            lambda text: text.encode("utf-8").replace(
                "’s avonds".encode(), "’s avonds".encode("cp1252")
            ),
            "providers.csv: holds 'CafÃ©' on line 3: letters garbled by a conversion between "
            "encodings ('Ã©' was 'é'); correct them and save it as 'CSV UTF-8' or as an Excel "
            "workbook (.xlsx)",
        ),
    ],
    ids=["UTF-8 read as Windows-1252 and saved again", "Windows-1252 read as Latin-1", "mixed"],
)
def test_a_file_with_garbled_letters_is_refused_with_the_word(
    sqlite_engine: Engine, dataset: Path, garble, report: str
) -> None:
    set_cell(dataset, "providers.csv", 3, "name", "Het Opvoedhuis Café")
    set_cell(dataset, "providers.csv", 3, "description_nl", "Ook ’s avonds. Café")
    path = dataset / "providers.csv"
    path.write_bytes(garble(path.read_text(encoding="utf-8")))
    assert_refused(sqlite_engine, dataset, report)


def excel_csv(source: Path, target: Path, *, encoding: str, delimiter: str) -> None:
    """Each file as Excel writes 'CSV' on a Dutch Windows: `;`, CRLF, and a '?' for every
    character Windows-1252 has no place for (Turkish, Polish, Arabic, Ukrainian)."""
    target.mkdir()
    for path in sorted(source.glob("*.csv")):
        text = path.read_text(encoding="utf-8").encode("cp1252", "replace").decode("cp1252")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        with (target / path.name).open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def test_a_semicolon_windows_1252_export_of_the_demo_loads_as_its_utf8_twin(
    sqlite_engine: Engine, tmp_path: Path
) -> None:
    """The same letters stored from Excel's 'CSV' as from UTF-8 with commas."""
    excel_csv(DEMO, tmp_path / "excel", encoding="cp1252", delimiter=";")
    excel_csv(DEMO, tmp_path / "utf8", encoding="utf-8", delimiter=",")
    twin = fresh_engine(tmp_path / "twin.db")
    try:
        assert load(twin, tmp_path / "utf8").ok
        result = load(sqlite_engine, tmp_path / "excel")
        assert result.ok, [str(problem) for problem in result.problems[:5]]
        assert stored_data(sqlite_engine) == stored_data(twin)
    finally:
        twin.dispose()
    assert [notice.file for notice in result.report.notices] == [
        "intensities.csv",
        "profiles.csv",
        "providers.csv",
    ]
    with Session(sqlite_engine) as session:
        provider = session.get(Provider, "dagcentrum-de-kleine-stap")
    assert "Ouders doen één ochtend per week mee." in provider.descriptions["nl"]


def test_the_demo_in_six_languages_passes_the_checks_for_garbled_letters(
    sqlite_engine: Engine,
) -> None:
    result = load(sqlite_engine, DEMO)
    assert result.ok and result.report.notices == []
