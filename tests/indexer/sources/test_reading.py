"""The same dataset, whatever shape the region's spreadsheet program gave it: XLSX,
semicolon CSV with a byte-order mark, a mix, or a workbook holding real numbers and dates,
must end up as exactly the same store."""

import csv
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Provider
from indexer.sources import load_folder
from indexer.store import make_engine, migrate
from tests.utils.datasets import read_rows, snapshot, to_xlsx, write_rows

FILES = sorted(path.name for path in (Path(__file__).parents[2] / "fixtures/minimal").iterdir())


def load(engine: Engine, folder: Path) -> list[str]:
    """Load `folder`; the problems found, as report lines."""
    with Session(engine) as session:
        result = load_folder(folder, session)
        session.commit()
    return [str(problem) for problem in result.problems]


def stored_data(engine: Engine) -> dict[str, list[tuple]]:
    """The store without its audit trail, whose timestamps differ between two loads."""
    tables = snapshot(engine)
    del tables["auditentry"]
    return tables


@pytest.fixture
def clean_store(dataset: Path, tmp_path: Path) -> Iterator[dict[str, list[tuple]]]:
    """What the plain comma-separated fixture stores, taken before a test reshapes it."""
    engine = make_engine(f"sqlite:///{tmp_path / 'clean.db'}")
    migrate(engine)
    assert load(engine, dataset) == []
    yield stored_data(engine)
    engine.dispose()


def as_semicolon_csv(folder: Path, file: str) -> None:
    """What Excel's "CSV UTF-8" gives in a Dutch locale: `;`-separated, with a BOM."""
    write_rows(folder / file, read_rows(folder / file), delimiter=";", bom=True)


def test_every_file_as_xlsx(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    for file in FILES:
        to_xlsx(dataset, file)
    assert sorted(path.suffix for path in dataset.iterdir()) == [".xlsx"] * len(FILES)
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def test_every_file_semicolon_separated_with_a_bom(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    for file in FILES:
        as_semicolon_csv(dataset, file)
    assert (dataset / "providers.csv").read_bytes().startswith(b"\xef\xbb\xbfprovider_id;name;")
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def test_a_mix_of_xlsx_semicolon_and_comma_files(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    for number, file in enumerate(FILES):
        if number % 3 == 0:
            to_xlsx(dataset, file)
        elif number % 3 == 1:
            as_semicolon_csv(dataset, file)
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def test_a_dutch_export_with_decimal_commas_and_dutch_dates(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    iso_date = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
    decimal = re.compile(r"(\d)\.(\d)")
    for file in FILES:
        rows = read_rows(dataset / file)
        for row in rows:
            for column, value in row.items():
                value = iso_date.sub(r"\3-\2-\1", value)
                if column not in {"website", "email", "name", "description_nl"}:
                    value = decimal.sub(r"\1,\2", value)
                row[column] = value
        write_rows(dataset / file, rows, delimiter=";", bom=True)
    assert "52,3731" in (dataset / "postcodes.csv").read_text(encoding="utf-8-sig")
    assert "31-12-2027" in (dataset / "contracts.csv").read_text(encoding="utf-8-sig")
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def typed(column: str, value: str) -> object:
    """A cell as Excel keeps it once someone typed it in: numbers, dates, booleans."""
    if column == "kvk":
        return float(value)  # Excel's number format turns 12345678 into 12345678.0
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return datetime.fromisoformat(value)
    if re.fullmatch(r"[1-9]\d*", value):
        return int(value)
    if re.fullmatch(r"\d+\.\d+", value):
        return float(value)
    return {"ja": True, "nee": False}.get(value, value or None)


def to_typed_xlsx(folder: Path, file: str) -> Path:
    target = to_xlsx(folder, file, typed)
    workbook = load_workbook(target)
    sheet = workbook.active
    # Formatting a cell far off makes Excel's sheet larger than the data: empty header
    # cells to the right and empty rows below, as real exports have.
    sheet.cell(row=sheet.max_row + 4, column=sheet.max_column + 3).number_format = "@"
    workbook.save(target)
    return target


def test_an_xlsx_with_real_numbers_dates_and_booleans(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    for file in FILES:
        to_typed_xlsx(dataset, file)
    provider = _first_row(dataset / "providers.xlsx")
    assert (provider["kvk"], provider["agb"], provider["min_age"]) == (12345678.0, 94001234, 4)
    assert provider[None] is None  # the empty formatted columns: a header without a name
    assert _first_row(dataset / "waittimes.xlsx")["confirmed_on"] == datetime(2026, 11, 1)
    assert _first_row(dataset / "locations.xlsx")["wheelchair_accessible"] is True
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def _first_row(path: Path) -> dict[str | None, object]:
    """The first data row of a workbook as openpyxl reads it back, by header."""
    workbook = load_workbook(path, read_only=True)
    try:
        header, first = list(workbook.worksheets[0].iter_rows(max_row=2, values_only=True))
    finally:
        workbook.close()
    return dict(zip(header, first, strict=True))


def test_a_bad_cell_in_an_xlsx_is_reported_by_its_excel_row(
    sqlite_engine: Engine, dataset: Path
) -> None:
    rows = read_rows(dataset / "waittimes.csv")
    rows[1]["weeks"] = "-2"
    write_rows(dataset / "waittimes.csv", rows)
    to_xlsx(dataset, "waittimes.csv")
    assert load(sqlite_engine, dataset) == [
        "waittimes.xlsx, row 3, column weeks: '-2' is negative: a count cannot be below 0"
    ]


def test_a_bad_cell_in_a_semicolon_file_is_reported_by_its_row(
    sqlite_engine: Engine, dataset: Path
) -> None:
    rows = read_rows(dataset / "providers.csv")
    rows[0]["languages"] = "nl;vlaams"
    write_rows(dataset / "providers.csv", rows, delimiter=";", bom=True)
    assert load(sqlite_engine, dataset) == [
        "providers.csv, row 2, column languages: 'nl;vlaams' contains 'vlaams', "
        "which is not an ISO 639-1 or ISO 639-3 language code"
    ]


def test_a_percentage_formatted_excel_cell_is_read_as_the_percentage_shown(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    """Excel keeps 78.5% as 0.785; read naively that would publish 0.785 %."""
    path = to_typed_xlsx(dataset, "outcomes.csv")
    workbook = load_workbook(path)
    sheet = workbook.active
    column = [cell.value for cell in sheet[1]].index("goal_attainment_pct") + 1
    for row in (2, 3):
        cell = sheet.cell(row=row, column=column)
        cell.value, cell.number_format = cell.value / 100, "0.0%"
    workbook.save(path)
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def test_every_cell_quoted_with_windows_line_ends(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    """As some programs write CSV: every cell in quotes, CRLF line ends."""
    for file in FILES:
        rows = read_rows(dataset / file)
        with (dataset / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(
                handle, list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\r\n"
            )
            writer.writeheader()
            writer.writerows(rows)
    assert (dataset / "norms.csv").read_bytes().startswith(b'"region_id","intensity_code",')
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def test_quoted_separators_quotes_and_line_breaks_are_cell_text(
    sqlite_engine: Engine, dataset: Path
) -> None:
    text = 'Wij zeggen "welkom";\nook online, ook thuis.'
    rows = read_rows(dataset / "providers.csv")
    rows[0]["description_nl"] = text
    write_rows(dataset / "providers.csv", rows, delimiter=";", bom=True)
    assert '"Wij zeggen ""welkom"";\nook' in (dataset / "providers.csv").read_text("utf-8-sig")
    assert load(sqlite_engine, dataset) == []
    with Session(sqlite_engine) as session:
        assert session.get(Provider, "rustpunt").descriptions["nl"] == text


def save_results(path: Path, results: dict[str, str]) -> None:
    """What Excel does when it saves a workbook: keep each formula's result (text here)
    next to it. openpyxl writes formulas without one; `results` maps cell → text."""
    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    sheet = entries["xl/worksheets/sheet1.xml"].decode()
    for cell, value in results.items():
        saved = rf'<c r="{cell}" t="str">\1<v>{value}</v></c>'
        sheet, found = re.subn(rf'<c r="{cell}">(<f>.*?</f>)<v ?/>\s*</c>', saved, sheet)
        assert found == 1, cell
    entries["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


def test_formulas_with_saved_results_are_read_as_their_results(
    sqlite_engine: Engine, dataset: Path, clean_store: dict[str, list[tuple]]
) -> None:
    """Only a formula nobody calculated is refused: one with a result, even empty text
    (=IF(…;"";…) as templates have), reads as what Excel shows."""
    formulas = {
        ("description_nl", "Wij helpen kinderen met angst."): '=CONCAT("Wij helpen ","…")',
        ("description_en", ""): '=IF(TRUE,"","unknown")',
    }
    path = to_xlsx(dataset, "providers.csv", lambda c, v: formulas.get((c, v), v))
    save_results(path, {"H2": "Wij helpen kinderen met angst.", "I3": ""})
    assert load(sqlite_engine, dataset) == []
    assert stored_data(sqlite_engine) == clean_store


def workbook_claiming(dimension: str) -> bytes:
    """A two-row workbook whose sheet says it is `dimension` large, as a crafted file may."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["provider_id", "name"])
    book.active.append(["rustpunt", "Rustpunt"])
    saved = BytesIO()
    book.save(saved)
    source, crafted = zipfile.ZipFile(BytesIO(saved.getvalue())), BytesIO()
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<dimension ref="[^"]+"', f'<dimension ref="{dimension}"'.encode(), data
                )
            target.writestr(item, data)
    return crafted.getvalue()


def test_a_workbook_is_read_as_stored_not_as_large_as_it_claims() -> None:
    """5 kB claiming every cell of a sheet would be 17 billion cells and kill the worker."""
    from indexer.sources.workbook import read_workbook

    sheet = read_workbook(workbook_claiming("A1:XFD1048576"))
    assert sheet.grid == [["provider_id", "name"], ["rustpunt", "Rustpunt"]]
