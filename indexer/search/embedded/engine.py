"""The embedded search engine (tantivy): the default on a fresh machine and in CI.

Portal workers only read; the indexer writes. Every search checks which build `current`
points at and reloads the reader, so a rebuild or an incremental update by the indexer is
visible to running portal processes at once.
"""

import dataclasses
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

import orjson
import tantivy

from indexer.search import wait_sort
from indexer.search.contract import Hit, SearchQuery, SearchResult, Sort
from indexer.search.documents import distance_km, nearness
from indexer.search.embedded import storage
from indexer.search.embedded.render import all_of, render
from indexer.search.embedded.schema import SCHEMA_VERSION, build_schema, to_tantivy
from indexer.search.embedded.text import concept_queries, group_query, word_matcher
from indexer.search.engine import EngineStatus, SearchUnavailable
from indexer.search.filters import clauses
from indexer.search.highlight import snippet
from indexer.search.query_words import term_groups
from indexer.search.relaxing import plan_text
from indexer.search.vocabulary import Vocabulary, load_vocabulary

WRITER_HEAP = 128 * 1024 * 1024
RELOAD_ATTEMPTS = 3
# Name order two ways, the same order: tantivy's costs about 25 µs per hit up to the end of
# the page whatever the number of matches, the places kept per reader (`_Sorting`) about
# 0.5 µs per match. Places are used while they cost less: a region's 200 matches, not the
# country's 7,800 (0.3 ms by tantivy for a first page, 3.4 ms by places).
PLACES_PER_HIT = 50
# Orders a page may take from tantivy itself without reading every match (see _page).
NAME_ORDERS = (Sort.NAME, Sort.RELEVANCE)
# Sorts done on fast-field values: (field, descending). Missing values always go last.
VALUE_SORTS = {
    Sort.GOAL_ATTAINMENT: ("goal_attainment_pct", True),
    Sort.WAIT: ("wait_weeks", False),
}


class EmbeddedEngine:
    name = "embedded"

    def __init__(
        self, root: Path, vocabulary: Vocabulary | None = None, *, keep_documents: bool = True
    ) -> None:
        self.root = Path(root)
        self.keep_documents = keep_documents  # see _documents_for
        self.vocabulary = vocabulary or load_vocabulary()
        self.schema = build_schema()
        self._index: tantivy.Index | None = None
        self._build: Path | None = None
        self._searcher: tantivy.Searcher | None = None
        self._link: str | None = None  # what `current` pointed at for self._build
        self._version: tuple[int, int] | None = None
        self._sizes: dict[str, int] = {}
        self._lock = threading.Lock()
        self._tables = _ReaderTables(None)  # for the searcher it names
        self._tables_lock = threading.Lock()  # swapping them for a new searcher's
        self._making_lock = threading.Lock()  # making the order table or concept queries

    def settings_hash(self) -> str:
        settings = {"schema": SCHEMA_VERSION, "phrases": sorted(map(list, self.vocabulary.phrases))}
        settings["stop_words"] = self.vocabulary.all_stop_words()
        return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]

    def rebuild(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> int:
        build, count = self.build_aside(documents, progress)
        self.publish(build)
        return count

    def build_aside(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> tuple[Path, int]:
        """A complete new index in its own `build-*` folder; searches do not see it yet."""
        build = storage.new_build_folder(self.root)
        try:
            index = tantivy.Index(self.schema, path=str(build))
            writer = _writer(index)
            count = 0
            for document in documents:
                writer.add_document(to_tantivy(document))
                count += 1
                if progress:
                    progress(1)
            writer.commit()
            writer.wait_merging_threads()
            storage.write_meta(
                build,
                schema_version=SCHEMA_VERSION,
                last_build=datetime.now(UTC).isoformat(timespec="seconds"),
                settings_hash=self.settings_hash(),
            )
        except BaseException:
            storage.discard(build)
            raise
        return build, count

    def publish(self, build: Path) -> None:
        """Point searches at `build`, in one atomic rename."""
        storage.switch_to(self.root, build)

    def discard(self, build: Path) -> None:
        storage.discard(build)

    def replace_provider(self, provider_id: str, documents: list[dict]) -> None:
        self.replace_providers({provider_id}, documents)

    def replace_providers(
        self, provider_ids: set[str], documents: list[dict], build: Path | None = None
    ) -> None:
        """Replace every document of these providers, in the live index or in `build`, in
        one commit: searches see all of the change or none of it."""
        index = self._open() if build is None else tantivy.Index.open(str(build))
        writer = _writer(index)
        for provider_id in sorted(provider_ids):
            writer.delete_documents_by_term("provider_id", provider_id)
        for document in documents:
            writer.add_document(to_tantivy(document))
        writer.commit()
        writer.wait_merging_threads()

    def status(self) -> EngineStatus:
        build = storage.current_build(self.root)
        if build is None:
            return EngineStatus(self.name, 0, None, self.settings_hash())
        meta = storage.read_meta(build)
        documents = self._searcher_now().num_docs
        return EngineStatus(self.name, documents, meta.get("last_build"), meta["settings_hash"])

    def search(self, query: SearchQuery, today: date) -> SearchResult:
        with _damage_reported(self.root):
            return self._search(query, today)

    def _search(self, query: SearchQuery, today: date) -> SearchResult:
        searcher = self._searcher_now()
        filters = [render(self._index, clause) for clause in clauses(query, today)]
        groups = term_groups(query.text, self.vocabulary, query.locale)
        concepts = self._concepts_for(searcher) if any(g.is_concept for g in groups) else {}
        queries: dict = {}
        looks: dict[tuple, tuple[tantivy.Query, tantivy.SearchResult]] = {}

        def query_of(group):
            if group not in queries:
                concept = concepts.get(group.keywords)
                queries[group] = concept or group_query(self.schema, group)
            return queries[group]

        def ranked(chosen) -> bool:
            return bool(chosen) and query.sort == Sort.RELEVANCE

        def count(chosen) -> int:
            """Each plan's count, once. A plan ranked by relevance gets its page in the same
            pass: the count scores every match anyway, the page only keeps the best. In an
            order that reads every match (distance, wait, a value) the first plan counted
            brings them all: it is the one shown whenever it finds anything (0.06 ms less
            than a second pass)."""
            key = tuple(chosen)
            if key not in looks:
                final = all_of(filters + [query_of(g) for g in key])
                if ranked(key):
                    looks[key] = final, _look(searcher, final, query.page_size, query.offset)
                elif not looks and query.sort not in NAME_ORDERS:
                    looks[key] = final, _look(searcher, final, max(searcher.num_docs, 1))
                else:
                    looks[key] = final, _look(searcher, final)
            return looks[key][1].count

        def count_in_name(chosen) -> int:
            names = [group_query(self.schema, g, ("name",)) for g in chosen]
            return _look(searcher, all_of(filters + names)).count

        plan, total = plan_text(groups, count, count_in_name)
        if not total:
            return SearchResult([], 0, {name: {} for name in query.facets}, query)
        final, found = looks[plan.required]
        if ranked(plan.required):
            addresses = [address for _, address in found.hits]
        else:
            brought = [address for _, address in found.hits] if len(found.hits) == total else None
            addresses = self._page(searcher, final, query, today, total, brought)
        matches = word_matcher(list(plan.required)) if plan.required else None
        documents = self._documents_for(searcher)
        hits = [self._hit(searcher, documents, address, query, matches) for address in addresses]
        facets = self._facets(searcher, final, query.facets)
        return SearchResult(
            hits,
            total,
            facets,
            query,
            dropped_words=plan.dropped_words,
            widened_words=plan.widened_words,
            set_aside_words=plan.set_aside_words,
        )

    def _open(self) -> tantivy.Index:
        """The index `current` points at, opened again only when the link changes: reading
        the link costs one system call, resolving it a dozen."""
        link = storage.current_link(self.root)
        if link is not None and link == self._link:
            return self._index
        build = storage.current_build(self.root)
        if build is None:
            raise SearchUnavailable(f"no search index in {self.root}: run `indexer build`")
        if build != self._build:
            if storage.read_meta(build).get("schema_version") != SCHEMA_VERSION:
                raise SearchUnavailable(
                    "the index was built by another version: run `indexer build`"
                )
            with _damage_reported(build):
                self._index, self._build = tantivy.Index.open(str(build)), build
            self._searcher = None
        self._link = link
        return self._index

    def _searcher_now(self) -> tantivy.Searcher:
        """A searcher on the latest commit. A new one is costly (segment readers warm up), so
        it is kept until tantivy's meta.json changes: a commit or a switch to a new build.
        Portal threads share it; the lock keeps two of them from reopening at once."""
        with self._lock, _damage_reported(self.root):
            index = self._open()
            build = self._build
            version = _version(build)
            if version == self._version and not storage.intact(self._sizes):
                version = _version(build)  # a commit may have replaced files meanwhile
                if version == self._version:
                    # Reloading would map the damaged files; wait for a commit or a new build.
                    raise SearchUnavailable(f"files of the search index in {build} are damaged")
            if self._searcher is not None and version == self._version:
                return self._searcher
            self._searcher, self._sizes = _reload(index, build)
            self._version = version
            self._tables = _ReaderTables(None)  # let go of the old reader's tables now
            return self._searcher

    def _page(
        self, searcher, final, query: SearchQuery, today: date, total: int, everything: list | None
    ) -> list:
        """The page when relevance does not order it: by name (also a search without
        words), distance or a value. `everything`: every match, when the count brought them."""
        by_name = query.sort in NAME_ORDERS
        if by_name and total > PLACES_PER_HIT * (query.offset + query.page_size):
            found = searcher.search(
                final,
                query.page_size,
                offset=query.offset,
                count=False,
                order_by_field="name_sort",
                order=tantivy.Order.Asc,
            )
            return [address for _, address in found.hits]
        if everything is None:
            everything = [
                address for _, address in searcher.search(final, max(total, 1), count=False).hits
            ]
        if by_name:
            name_places = self._sorting_for(searcher).name_places
            places = [name_places[address.segment_ord, address.doc] for address in everything]
            ordered = sorted(range(len(everything)), key=places.__getitem__)
        elif wait_sort.sorts_on_profile_wait(query):
            fields = self._sorting_for(searcher).wait_fields
            documents = [fields[address.segment_ord, address.doc] for address in everything]
            ordered = wait_sort.order(documents, query.profiles, today)
        else:
            keys = [(key is None, key or 0) for key in self._sort_keys(searcher, everything, query)]
            ordered = sorted(range(len(everything)), key=keys.__getitem__)
        return [everything[i] for i in ordered[query.offset : query.offset + query.page_size]]

    def _sorting_for(self, searcher: tantivy.Searcher) -> "_Sorting":
        """What the orders tantivy cannot give cheaply read of every document, for the
        searcher it was made for: made by the first such search after a reload, reading
        every stored document once (0.15 s for the national dataset's 7,800), through the
        kept documents, which it fills."""
        tables = self._tables_for(searcher)
        with self._making_lock:
            if tables.sorting is None:
                documents = tables.documents if self.keep_documents else {}
                tables.sorting = _Sorting.of(searcher, documents)
            return tables.sorting

    def _concepts_for(self, searcher: tantivy.Searcher) -> dict[tuple[str, ...], tantivy.Query]:
        """The vocabulary's concept queries for `searcher`: made by its first search with a
        concept, with only the keywords its index holds in each field (text.concept_queries),
        about 8 ms for the national index. Made again for the next reader: a keyword no
        document held may be in the next one."""
        tables = self._tables_for(searcher)
        with self._making_lock:
            if tables.concepts is None:

                def held(field: str, word: str) -> bool:
                    return searcher.doc_freq(field, word) > 0

                tables.concepts = concept_queries(self.schema, self.vocabulary, held)
            return tables.concepts

    @staticmethod
    def _sort_keys(searcher, addresses: list, query: SearchQuery) -> list:
        if query.sort == Sort.DISTANCE:
            lats = searcher.fast_field_values("lat", addresses)
            lngs = searcher.fast_field_values("lng", addresses)
            near = nearness(query.origin)
            return [
                None if lat is None else near(lat, lng) for lat, lng in zip(lats, lngs, strict=True)
            ]
        field, descending = VALUE_SORTS[query.sort]
        values = searcher.fast_field_values(field, addresses)
        return [None if v is None else (-v if descending else v) for v in values]

    def _documents_for(self, searcher: tantivy.Searcher) -> dict[tuple[int, int], dict]:
        """The stored documents of `searcher` read so far, decoded, by (segment, document)
        address. Reading one from tantivy's compressed store and decoding its JSON (3 kB:
        texts in six languages) cost 20 µs, 0.2 ms for a page of ten hits; a page shown
        again, or another page with the same provider, reads none. At most every document
        of the index is kept, about 12 kB each (90 MB for the national dataset's 7,800;
        the first search in name or wait order after a reload reads them all, `_Sorting`),
        until the next reload lets go of them. Pages only read documents, never change them.
        A table is only read with the searcher it was made for: addresses change with
        every commit. KEEP_DOCUMENTS=false (a small machine) keeps none."""
        return self._tables_for(searcher).documents if self.keep_documents else {}

    def _tables_for(self, searcher: tantivy.Searcher) -> "_ReaderTables":
        """The tables made of `searcher`'s index; new ones when it is not the searcher the
        current tables were made for."""
        with self._tables_lock:
            if self._tables.searcher is not searcher:
                self._tables = _ReaderTables(searcher)
            return self._tables

    @staticmethod
    def _hit(searcher, documents: dict, address, query: SearchQuery, matches) -> Hit:
        document = _document(searcher, documents, address)
        text = document[f"description_{query.locale}"] or document["description_nl"]
        hit = Hit(document["id"], document, snippet(text, matches))
        if query.origin and document["_geo"]:
            point = (document["_geo"]["lat"], document["_geo"]["lng"])
            hit.distance_km = round(distance_km(query.origin, point), 1)
        return hit

    @staticmethod
    def _facets(searcher, final, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
        if not names:
            return {}
        aggregations = {name: {"terms": {"field": name, "size": 10_000}} for name in names}
        found = searcher.aggregate(final, aggregations)
        return {
            name: {bucket["key"]: bucket["doc_count"] for bucket in found[name]["buckets"]}
            for name in names
        }


@dataclasses.dataclass
class _ReaderTables:
    """What the engine makes of one searcher's index, let go of together at a reload: the
    documents read so far (`_documents_for`), the orders' table (`_sorting_for`) and the
    concept queries (`_concepts_for`), the last two made on first need."""

    searcher: tantivy.Searcher | None
    documents: dict[tuple[int, int], dict] = dataclasses.field(default_factory=dict)
    sorting: "_Sorting | None" = None
    concepts: dict[tuple[str, ...], tantivy.Query] | None = None


class _Sorting(NamedTuple):
    """Per (segment, document) address of one searcher's documents:

    - `name_places`: its place in name order. tantivy orders by the `name_sort` text field
      at about 25 µs per hit up to the end of the page (0.3 ms for a first page, 0.8 ms for
      the third); with these places a page costs a look-up per match, the cheaper of the
      two up to PLACES_PER_HIT matches per hit. Equal names keep tantivy's order, by
      address.
    - `wait_fields`: what the wait order for chosen profiles reads (`wait_sort.FIELDS`),
      instead of decoding every match's stored document on every such search (2 ms for a
      region's 200).
    """

    name_places: dict[tuple[int, int], int]
    wait_fields: dict[tuple[int, int], dict]

    @classmethod
    def of(cls, searcher: tantivy.Searcher, documents: dict) -> "_Sorting":
        wait_fields = {}
        for _, address in searcher.search(
            tantivy.Query.all_query(), max(searcher.num_docs, 1)
        ).hits:
            document = _document(searcher, documents, address)
            key = address.segment_ord, address.doc
            wait_fields[key] = {name: document[name] for name in wait_sort.FIELDS}
        in_order = sorted(wait_fields, key=lambda key: (wait_fields[key]["name_sort"], key))
        return cls({key: place for place, key in enumerate(in_order)}, wait_fields)


def _document(searcher: tantivy.Searcher, documents: dict, address) -> dict:
    """The stored document at `address`, decoded, from `documents` (the searcher's kept
    ones, EmbeddedEngine._documents_for) or read and kept there."""
    key = address.segment_ord, address.doc
    document = documents.get(key)
    if document is None:
        document = documents[key] = orjson.loads(searcher.doc(address)["source"][0])
    return document


def _reload(index: tantivy.Index, build: Path) -> tuple[tantivy.Searcher, dict[str, int]]:
    """A searcher on the latest commit and the sizes of its files. tantivy's clean-up in the
    writing process does not know this process's readers, so a commit landing just now can
    remove a file we were about to open: then the next commit's files are there, try again."""
    for attempt in range(RELOAD_ATTEMPTS):
        try:
            index.reload()
            return index.searcher(), storage.segment_files(build)
        except (OSError, ValueError):
            if attempt == RELOAD_ATTEMPTS - 1:
                raise
            time.sleep(0.01)
    raise AssertionError("unreachable")


def _version(build: Path) -> tuple[int, int]:
    """Which commit meta.json describes: tantivy replaces it by a rename (a new inode) on
    every commit; the time alone can repeat for two commits within a clock tick."""
    meta = os.stat(f"{build}/meta.json")
    return meta.st_ino, meta.st_mtime_ns


@contextmanager
def _damage_reported(where: Path) -> Iterator[None]:
    """tantivy and the file system fail with ValueError or OSError on a damaged index (a
    missing meta.json, an emptied segment file); the portal shows its 503 page for
    SearchUnavailable, and the operator reads this message in the log."""
    try:
        yield
    except (OSError, ValueError) as error:
        raise SearchUnavailable(
            f"the search index in {where} cannot be read ({error}); run `indexer build`"
        ) from error


def _writer(index: tantivy.Index) -> tantivy.IndexWriter:
    """tantivy allows one writer per index; a second one (a process that bypassed the
    indexer's writer lock) gets a clear message instead of a `LockBusy` traceback."""
    try:
        return index.writer(WRITER_HEAP, 1)
    except ValueError as error:
        if "LockBusy" not in str(error):
            raise
        raise SearchUnavailable(
            "another process is writing the search index; try again when it has finished"
        ) from None


def _look(
    searcher: tantivy.Searcher, query: tantivy.Query, limit: int = 1, offset: int = 0
) -> tantivy.SearchResult:
    """How many documents match, and the best `limit` from `offset` by relevance; tantivy
    needs a limit of 1 or more even to count."""
    return searcher.search(query, limit, offset=offset, count=True)
