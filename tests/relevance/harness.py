"""The search relevance set: queries families and referrers type, with providers that must come up.

queries.csv holds the ground truth, read off the demo data by hand (see README.md). This module
loads it, checks it against the demo files, runs every query through the real store and search
engine, and scores the top 5: reciprocal rank of the first expected provider, whether one is
there at all (hit), and precision.
The bar is on the aggregate (overall and per language), so one hard query does not block work,
but a change that makes Turkish or Ukrainian families worse off does.

`indexer.search` is imported only when queries are run, so the ground-truth checks need nothing
but the CSV files and keep working while the engine is being changed.

Run it as a script to print the figures: `.venv/bin/python -m tests.relevance.harness`.
"""

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from indexer.search import SearchEngine

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"
QUERIES = Path(__file__).resolve().parent / "queries.csv"
# The second part, written by someone who had never seen the search's results: what families
# type (sentences, places as words, plain words for self-harm and abuse), with a `kind` each.
FAMILIES = Path(__file__).resolve().parent / "families.csv"
# The third, written later by another outsider (queries and expectations from the demo data
# alone, without the search's code, vocabulary or results) and never used to tune anything:
# the honest measure of how the search does on what it has not seen.
HELD_OUT = Path(__file__).resolve().parent / "heldout.csv"
PARTS = {"old": QUERIES, "new": FAMILIES, "held-out": HELD_OUT}
KINDS = ("sentence", "place", "self_harm", "abuse", "school_refusal", "specialist", "word")
TODAY = date(2026, 11, 22)  # the demo data's reference date (data/demo/README.md)
TOP = 5
COLUMNS = ["id", "lang", "query", "postcode", "region_id", "profile", "expected", "note"]
FAMILY_COLUMNS = ["id", "lang", "kind", *COLUMNS[2:]]
LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
MIN_PER_LANGUAGE = {"nl": 30} | {lang: 12 for lang in LANGUAGES if lang != "nl"}
MIN_TOTAL = 90
MIN_NEW_PER_LANGUAGE = dict.fromkeys(LANGUAGES, 15)  # the new part, 90 in all
# Least queries per language and in all, per part.
MIN_PER_PART = {
    "old": (MIN_PER_LANGUAGE, MIN_TOTAL),
    "new": (MIN_NEW_PER_LANGUAGE, MIN_TOTAL),
    "held-out": (dict.fromkeys(LANGUAGES, 10), 60),
}
MAX_TEXT = 200  # SearchQuery refuses longer text


@dataclass(frozen=True)
class Case:
    """One row of queries.csv."""

    id: str
    lang: str
    query: str
    postcode: str
    region_id: str
    profile: str
    expected: tuple[str, ...]
    note: str
    kind: str = ""  # one of KINDS in the new part
    part: str = "old"

    @property
    def place_in_words(self) -> bool:
        """The place is typed in the words: region_id is the region it must resolve to,
        and is not given to the search."""
        return self.kind == "place"

    @property
    def by_distance(self) -> bool:
        return "sort=distance" in self.note


@dataclass(frozen=True)
class Scored:
    case: Case
    got: tuple[str, ...]  # provider_ids of the top 5, best first
    total: int = 0  # how many providers the search found

    @property
    def reciprocal_rank(self) -> float:
        return reciprocal_rank(self.case.expected, self.got)

    @property
    def hit(self) -> bool:
        return self.reciprocal_rank > 0

    @property
    def precision(self) -> float:
        return precision_at(self.case.expected, self.got)


@dataclass(frozen=True)
class Figures:
    queries: int
    mrr: float
    hits: float  # share of queries with an expected provider in the top 5 (hit@5)
    precision: float


def load_all() -> list[Case]:
    """Every part of the set, the old one first."""
    return [case for part in PARTS for case in load_cases(PARTS[part], part)]


def load_cases(path: Path = QUERIES, part: str = "old") -> list[Case]:
    columns = COLUMNS if part == "old" else FAMILY_COLUMNS
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            raise ValueError(f"{path.name}: columns must be {columns}, not {reader.fieldnames}")
        return [
            Case(
                id=row["id"].strip(),
                lang=row["lang"].strip(),
                query=row["query"].strip(),
                postcode=row["postcode"].strip(),
                region_id=row["region_id"].strip(),
                profile=row["profile"].strip(),
                expected=tuple(p.strip() for p in row["expected"].split(";") if p.strip()),
                note=row["note"].strip(),
                kind=row.get("kind", "").strip(),
                part=part,
            )
            for row in reader
        ]


# --------------------------------------------------------------------------- scoring


def reciprocal_rank(expected: tuple[str, ...], got: tuple[str, ...], top: int = TOP) -> float:
    """1/rank of the first expected provider among the first `top` results; 0 if none."""
    for rank, provider_id in enumerate(got[:top], start=1):
        if provider_id in expected:
            return 1 / rank
    return 0.0


def precision_at(expected: tuple[str, ...], got: tuple[str, ...], top: int = TOP) -> float:
    """Share of the top `top` that is expected, out of what is attainable: with 2 expected
    providers, finding both in the top 5 scores 1.0."""
    if not expected:
        return 0.0
    return len(set(expected) & set(got[:top])) / min(top, len(expected))


def summarise(scored: list[Scored], by: str = "lang") -> dict[str, Figures]:
    """Figures per language (in LANGUAGES order), or per kind, and for all under "all"."""
    groups: dict[str, list[Scored]] = defaultdict(list)
    for item in scored:
        groups[getattr(item.case, by)].append(item)
    first = LANGUAGES if by == "lang" else KINDS
    ordered = [key for key in first if key in groups] + sorted(set(groups) - set(first))
    return {key: _figures(groups[key]) for key in ordered} | {"all": _figures(scored)}


def _figures(items: list[Scored]) -> Figures:
    if not items:
        return Figures(0, 0.0, 0.0, 0.0)
    return Figures(
        queries=len(items),
        mrr=sum(i.reciprocal_rank for i in items) / len(items),
        hits=sum(i.hit for i in items) / len(items),
        precision=sum(i.precision for i in items) / len(items),
    )


def format_table(scored: list[Scored], by: str = "lang") -> list[str]:
    lines = [f"{by:<16}{'queries':>8}{'MRR':>8}{'hit@5':>8}{'P@5':>8}"]
    for key, f in summarise(scored, by).items():
        lines.append(f"{key:<16}{f.queries:>8}{f.mrr:>8.3f}{f.hits:>8.3f}{f.precision:>8.3f}")
    return lines


def format_report(scored: list[Scored], engine: str = "embedded") -> str:
    """Per part of the set: a table per language (and per kind in the new part); then every
    query that missed (no expected provider in the top 5) or found nothing at all."""
    lines = []
    for part in sorted({item.case.part for item in scored}, key=list(PARTS).index):
        in_part = [item for item in scored if item.case.part == part]
        lines += ["", f"{engine}, {part} part", *format_table(in_part)]
        if part != "old":
            lines += ["", f"{engine}, {part} part by kind", *format_table(in_part, "kind")]
    misses = [item for item in scored if not item.hit]
    lines.append("")
    lines.append(f"queries with no expected provider in the top {TOP}: {len(misses)}")
    for item in misses:
        case = item.case
        where = case.postcode or case.region_id
        extra = f" profile={case.profile}" if case.profile else ""
        extra += " sort=distance" if case.by_distance else ""
        lines.append(f"  {case.id} {case.query!r} [{where}{extra}] found {item.total}")
        lines.append(f"      expected: {', '.join(case.expected)}")
        lines.append(f"      got:      {', '.join(item.got) or '(nothing)'}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- ground truth


def check_cases(cases: list[Case], demo: Path = DEMO, today: date = TODAY) -> list[str]:
    """Everything wrong with the relevance set, judged from the demo CSV files alone: every
    expected provider exists and holds a contract valid `today` in the query's region (for a
    profile query, or a profile code typed in the text: for that profile), and each language
    has enough queries."""
    data = _DemoFacts(demo, today)
    problems = []
    for case in cases:
        problems += [f"{case.id or '(no id)'}: {p}" for p in data.problems(case)]
    ids = [case.id for case in cases]
    problems += [
        f"{i}: id used more than once" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    for part in sorted({case.part for case in cases}):
        in_part = [case for case in cases if case.part == part]
        least, total = MIN_PER_PART[part]
        for lang, minimum in least.items():
            count = sum(1 for case in in_part if case.lang == lang)
            if count < minimum:
                problems.append(f"{part} part, {lang}: {count} queries, at least {minimum} wanted")
        if len(in_part) < total:
            problems.append(f"{part} part: {len(in_part)} queries, at least {total} wanted")
    return problems


class _DemoFacts:
    """Regions, postcodes, profiles and today's contracts, read straight from the demo CSVs."""

    def __init__(self, demo: Path, today: date) -> None:
        self.today = today
        region_of_municipality = {
            r["municipality_code"]: r["region_id"] for r in _rows(demo, "regions")
        }
        self.regions = set(region_of_municipality.values())
        self.region_of_pc4 = {
            r["pc4"]: region_of_municipality.get(r["municipality_code"], "")
            for r in _rows(demo, "postcodes")
        }
        self.profiles = {(r["region_id"], r["profile_code"]) for r in _rows(demo, "profiles")}
        self.providers = {r["provider_id"] for r in _rows(demo, "providers")}
        self.offers: dict[tuple[str, str], set[str]] = defaultdict(set)  # region, provider
        for row in _rows(demo, "contracts"):
            valid_to = row["valid_to"].strip()
            if date.fromisoformat(row["valid_from"]) <= today and (
                not valid_to or today <= date.fromisoformat(valid_to)
            ):
                self.offers[(row["region_id"], row["provider_id"])].add(row["profile_code"])

    def problems(self, case: Case) -> Iterator[str]:
        if case.lang not in LANGUAGES:
            yield f"lang {case.lang!r} is not one of {LANGUAGES}"
        if len(case.query) > MAX_TEXT:
            yield f"query is longer than {MAX_TEXT} characters"
        if case.part != "old" and case.kind not in KINDS:
            yield f"kind {case.kind!r} is not one of {KINDS}"
        if case.place_in_words and (case.postcode or not case.region_id or not case.query):
            yield "a place typed as words has no postcode, words, and the region it lies in"
        region, problem = self._region(case)
        if problem:
            yield problem
        if not case.query and not case.profile and not case.by_distance:
            yield "an empty query needs a profile or sort=distance"
        if case.by_distance and not (case.postcode or case.place_in_words):
            yield "sort=distance needs a postcode or a place typed as words"
        if region and case.profile and (region, case.profile) not in self.profiles:
            yield f"profile {case.profile} does not exist in {region}"
        if not case.expected:
            yield "expected is empty"
        if len(set(case.expected)) != len(case.expected):
            yield "expected names a provider twice"
        for provider_id in case.expected:
            if provider_id not in self.providers:
                yield f"expected provider {provider_id} does not exist"
            elif region and (region, provider_id) not in self.offers:
                yield f"{provider_id} has no contract in {region} valid on {self.today}"
            elif region:
                for code in sorted(self._codes(case, region) - self.offers[(region, provider_id)]):
                    yield f"{provider_id} is not contracted for {code} in {region}"

    def _codes(self, case: Case, region: str) -> set[str]:
        """The profile chosen, and the region's codes typed as words ("P03", "h02")."""
        typed = {word.upper() for word in re.findall(r"\w+", case.query)}
        return {code for r, code in self.profiles if r == region and code in typed} | (
            {case.profile} if case.profile else set()
        )

    def _region(self, case: Case) -> tuple[str | None, str | None]:
        """The query's region, or None and what is wrong."""
        from_postcode = self.region_of_pc4.get(case.postcode)
        if case.postcode and from_postcode is None:
            return None, f"postcode {case.postcode} is not in postcodes.csv"
        if case.region_id and case.region_id not in self.regions:
            return None, f"region {case.region_id} does not exist"
        if case.region_id and from_postcode and from_postcode != case.region_id:
            return None, f"postcode {case.postcode} lies in {from_postcode}, not {case.region_id}"
        region = case.region_id or from_postcode
        return region, None if region else "needs a postcode or a region_id"


def _rows(demo: Path, name: str) -> list[dict[str, str]]:
    with (demo / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- running


@contextmanager
def relevance_run(
    workdir: Path, demo: Path = DEMO, today: date = TODAY, engine: str = "embedded"
) -> Iterator["Runner"]:
    """Load `demo` into a fresh SQLite store in `workdir`, index it with `engine` (embedded,
    or meilisearch on the server MEILI_URL names, in an index of its own that is removed
    afterwards), and yield a Runner that answers the relevance queries."""
    from sqlmodel import Session

    from indexer.search.documents import build_documents
    from indexer.sources import load_folder
    from indexer.store import make_engine, migrate

    store = make_engine(f"sqlite:///{workdir / 'relevance.db'}")
    migrate(store)
    try:
        with Session(store) as session, _search_engine(engine, workdir) as search:
            result = load_folder(demo, session, today=today)
            if result.problems:
                raise RuntimeError(f"the demo data does not load: {result.problems[:5]}")
            session.commit()
            search.rebuild(build_documents(session, today))
            yield Runner(session, search, today)
    finally:
        store.dispose()


@contextmanager
def _search_engine(name: str, workdir: Path) -> Iterator["SearchEngine"]:
    if name == "embedded":
        from indexer.search.embedded import EmbeddedEngine

        yield EmbeddedEngine(workdir / "index")
        return
    from tests.utils.meili import live_engine

    with live_engine("relevance") as engine:
        yield engine


class Runner:
    """Answers relevance queries against one loaded store and index, as the results page
    does: a place typed among the words is the place when no postcode was given."""

    def __init__(self, session: "Session", search: "SearchEngine", today: date) -> None:
        self.session = session
        self.search = search
        self.today = today

    def run(self, case: Case) -> Scored:
        from indexer.search import SearchQuery, Sort, locate
        from indexer.search.age_words import age_in_words
        from indexer.search.place_words import place_in_words

        region_id = None if case.place_in_words else case.region_id or None
        text, place = case.query, None
        if case.postcode:
            place = locate(self.session, case.postcode)
            if place is None:
                raise LookupError(f"{case.id}: postcode {case.postcode} is not known")
        elif found := place_in_words(self.session, case.query):
            place, text = found.place, found.rest
        age = age_in_words(text)
        if age:
            text = age.rest
        query = SearchQuery(
            text=text,
            region_id=region_id or (place.region_id if place else None),
            origin=place.point if place else None,
            profiles=(case.profile,) if case.profile else (),
            age=age.age if age else None,
            sort=Sort.DISTANCE if place and (case.by_distance or not text) else Sort.RELEVANCE,
            locale=case.lang,
            page_size=TOP,
        )
        result = self.search.search(query, self.today)
        got = tuple(hit.document["provider_id"] for hit in result.hits[:TOP])
        return Scored(case, got, result.total)

    def run_all(self, cases: list[Case]) -> list[Scored]:
        return [self.run(case) for case in cases]


def main() -> None:
    """Print the ground-truth problems, or run the set and print the figures: with the
    embedded engine, and with Meilisearch too when MEILI_URL is set."""
    import tempfile

    cases = load_all()
    problems = check_cases(cases)
    if problems:
        print("\n".join(problems))
        raise SystemExit(1)
    from tests.utils.meili import live_url

    engines = ["embedded", "meilisearch"] if live_url() else ["embedded"]
    for engine in engines:
        with tempfile.TemporaryDirectory() as tmp, relevance_run(Path(tmp), engine=engine) as run:
            print(format_report(run.run_all(cases), engine))


if __name__ == "__main__":
    main()
