"""The files of a dataset, and which table of the import each one holds.

A dataset arrives as a folder, a zip archive (regions mail them) or a single file, and its
files carry the names people give them: "Contracten 2027.xlsx" is as likely as
"contracts.csv". So a file is recognised by its name when that is a table's name (today's
contract, which also settles any doubt) and otherwise by its header row: the header must
hold the table's required columns and no column the table does not know, in any order and
case. A file that fits no table is refused with the nearest table and the columns it misses
or does not know, never skipped: a typo must not silently leave a table out. Words in the
name ("Contracten 2027", "wachttijden") are a hint: they choose between tables a header
could be, and the nearest table of a header that fits none.
"""

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from indexer.sources.checks import Dataset
from indexer.sources.parsing import parse_table
from indexer.sources.reading import UnreadableFile, read_data
from indexer.sources.report import Notice, Problem
from indexer.sources.specs import SPEC_BY_NAME, SPECS, FileSpec

SUFFIXES = (".csv", ".xlsx")
# Spreadsheets this import cannot read: refused with what to do, not skipped.
OTHER_SPREADSHEETS = (".xls", ".xlsm", ".ods", ".numbers")
# Bytes unpacked: a bigger archive is refused, not unpacked. Twice the national dataset
# (about 50 MB of CSV); reading text costs many times its size in memory, so a small zip
# that unpacks to gigabytes must never be read.
ZIP_LIMIT = 128 * 1024 * 1024
SHOWN_HEADERS = 6  # columns quoted from a header that fits nothing
# Words in a file name that hint at a table, in English and Dutch (matched inside the name).
NAME_HINTS = {
    "regions": ("region", "regio's", "regios", "gemeente"),
    "postcodes": ("postcode",),
    "teams": ("team",),
    "profiles": ("profile", "profiel"),
    "intensities": ("intensit",),
    "providers": ("provider", "aanbieder"),
    "locations": ("location", "locatie", "vestiging"),
    "contracts": ("contract",),
    "tariffs": ("tariff", "tarief", "tarieven"),
    "outcomes": ("outcome", "resultat", "uitkomst"),
    "norms": ("norm",),
    "waittimes": ("waittime", "wait_time", "wachttijd"),
}


@dataclass(frozen=True)
class ImportFile:
    name: str  # as the report names it: the file name, or the path inside a zip archive
    read: Callable[[], bytes]  # raises UnreadableFile


def read_dataset(source: Path) -> tuple[Dataset, list[Problem], list[Notice]]:
    """Every import file in `source` (folder, zip archive or one file), parsed per table,
    with the problems found and the notices on how files were read."""
    dataset: Dataset = {}
    problems: list[Problem] = []
    notices: list[Notice] = []
    with _import_files(source, problems) as files:
        for file in files:
            try:
                raw = read_data(file.name, file.read())
            except UnreadableFile as error:
                problems += [Problem(file.name, row, message=text) for row, text in error.faults]
                continue
            notices += [Notice(file.name, text) for text in raw.notices]
            spec, by_header, problem = recognise(file.name, raw.headers)
            if spec and spec.name in dataset:
                other = dataset[spec.name].filename
                problem = f"holds the {spec.name} table, like {other}: keep one of them"
            if problem:
                problems.append(Problem(file.name, 0 if spec else 1, message=problem))
                continue
            if by_header:
                notices.append(Notice(file.name, f"read as {spec.name} (recognised by its header)"))
            dataset[spec.name], file_problems = parse_table(spec, raw)
            problems += file_problems
    if not dataset and not problems:
        problems.append(Problem(str(source), 0, message="holds no import files (*.csv, *.xlsx)"))
    return dataset, problems, notices


def recognise(name: str, headers: list[str]) -> tuple[FileSpec | None, bool, str]:
    """(the table, whether by its header, "") or (None, False, why it fits no table)."""
    stem = PurePosixPath(name).stem.lower()
    if stem in SPEC_BY_NAME:
        return SPEC_BY_NAME[stem], False, ""
    columns = {header for header in headers if header}
    hinted = _hinted(stem)
    fitting = [spec for spec in SPECS if _fits(spec, columns)]
    if len(fitting) > 1 and hinted in fitting:  # no two tables fit one header today
        fitting = [hinted]
    if len(fitting) == 1:
        return fitting[0], True, ""
    if fitting:
        tables = ", ".join(spec.name for spec in fitting)
        return None, False, f"its header fits {tables}: name the file after the table it holds"
    return None, False, _fits_nothing(headers, columns, hinted)


def _hinted(stem: str) -> FileSpec | None:
    """The one table the words of a file name point at, if they point at exactly one."""
    tables = [name for name, words in NAME_HINTS.items() if any(word in stem for word in words)]
    return SPEC_BY_NAME[tables[0]] if len(tables) == 1 else None


def _fits(spec: FileSpec, columns: set[str]) -> bool:
    required = {column.name for column in spec.columns if column.required}
    return required <= columns <= spec.column_names()


def _fits_nothing(headers: list[str], columns: set[str], hinted: FileSpec | None) -> str:
    """The nearest table (the one the name hints at, else the one with the fewest columns
    missing or unknown) and how the header differs from it."""
    candidates = [spec for spec in SPECS if columns & spec.column_names()]
    if not candidates and not hinted:
        shown = ", ".join(header for header in headers[:SHOWN_HEADERS] if header)
        more = ", …" if len(headers) > SHOWN_HEADERS else ""
        tables = ", ".join(SPEC_BY_NAME)
        return (
            f"its first row ({shown}{more}) is not the header of a table of the import; "
            f"expected the header of one of: {tables}"
        )

    def differences(spec: FileSpec) -> tuple[list[str], list[str]]:
        missing = [c.name for c in spec.columns if c.required and c.name not in columns]
        return missing, [header for header in headers if header in columns - spec.column_names()]

    def distance(spec: FileSpec) -> tuple[int, int]:
        missing, unknown = differences(spec)
        return len(missing) + len(unknown), -len(columns & spec.column_names())

    nearest = hinted or min(candidates, key=distance)  # min keeps the first of equals
    missing, unknown = differences(nearest)
    parts = [f"missing {_columns(missing)}"] if missing else []
    parts += [f"unknown {_columns(unknown)}"] if unknown else []
    return f"its header fits no table of the import; nearest is {nearest.name}: {'; '.join(parts)}"


def _columns(names: list[str]) -> str:
    return f"column {names[0]}" if len(names) == 1 else f"columns {', '.join(names)}"


@contextmanager
def _import_files(source: Path, problems: list[Problem]) -> Iterator[list[ImportFile]]:
    """The import files in `source`, in name order; what cannot be used is added to
    `problems`. A zip archive stays open while its members are read."""
    if source.is_dir():
        paths = sorted(source.iterdir(), key=lambda path: path.name)
        wanted = [path for path in paths if path.is_file() and _wanted(path.name, problems)]
        yield [ImportFile(path.name, path.read_bytes) for path in wanted]
    elif source.is_file() and source.suffix.lower() == ".zip":
        with _archive(source, problems) as members:
            yield members
    elif source.is_file() and source.suffix.lower() in SUFFIXES:
        yield [ImportFile(source.name, source.read_bytes)]
    else:
        what = "is not a folder, a zip file or a CSV or XLSX file"
        problems.append(Problem(str(source), 0, message=what if source.exists() else "not found"))
        yield []


def _wanted(name: str, problems: list[Problem]) -> bool:
    """Import files are read; hidden files, Excel lock files and READMEs are skipped; a
    spreadsheet this import cannot read is a problem."""
    path = PurePosixPath(name)
    if path.name.startswith((".", "~$")) or "__MACOSX" in path.parts:
        return False
    if path.suffix.lower() in OTHER_SPREADSHEETS:
        problems.append(
            Problem(
                name,
                0,
                message=f"is a {path.suffix} file: save it as an Excel workbook (.xlsx) or as "
                "'CSV UTF-8'",
            )
        )
    return path.suffix.lower() in SUFFIXES


@contextmanager
def _archive(source: Path, problems: list[Problem]) -> Iterator[list[ImportFile]]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        problems.append(Problem(source.name, 0, message=f"is not a readable zip file ({error})"))
        yield []
        return
    with archive:
        members = [
            info
            for info in sorted(archive.infolist(), key=lambda info: info.filename)
            if not info.is_dir() and _wanted(info.filename, problems)
        ]
        if sum(info.file_size for info in members) > ZIP_LIMIT:
            limit = f"{ZIP_LIMIT // 1024**2} MB"
            problems.append(Problem(source.name, 0, message=f"unpacks to more than {limit}"))
            members = []
        yield [ImportFile(info.filename, _member_reader(archive, info)) for info in members]


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        if info.flag_bits & 0x1:
            raise UnreadableFile((0, "is encrypted in the zip file: zip it without a password"))
        try:
            return archive.read(info)
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error) as error:
            raise UnreadableFile((0, f"cannot be unpacked from the zip file ({error})")) from None

    return read
