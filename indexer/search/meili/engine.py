"""MeiliEngine: the SearchEngine contract on a Meilisearch server (the production engine).

Keys: the indexer constructs this engine with the *admin* key (MEILI_ADMIN_KEY), which may
create, configure, swap and delete indexes. The portal constructs it with the search-only
key (MEILI_SEARCH_KEY) and only ever calls `search`; any write with that key is refused by
the server (HTTP 403) and surfaces as SearchUnavailable saying so. Never use the master key
for either. `status` reads index stats and the build record, so it needs the admin key too.
"""

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import islice

from meilisearch import Client
from meilisearch.errors import MeilisearchApiError
from meilisearch.models.task import TaskInfo

from indexer.search import wait_sort
from indexer.search.contract import SearchQuery, SearchResult, Sort
from indexer.search.engine import EngineStatus, SearchUnavailable
from indexer.search.meili.errors import finish, polls, translated
from indexer.search.meili.primary_key import PRIMARY_KEY, keyed
from indexer.search.meili.render import quote, search_params
from indexer.search.meili.results import to_result
from indexer.search.meili.settings import MAX_TOTAL_HITS, build_settings, settings_hash
from indexer.search.query_words import term_groups
from indexer.search.relaxing import plan_text
from indexer.search.vocabulary import Vocabulary, load_vocabulary

BATCH_SIZE = 1000
BUILD_RECORD = "build"  # the one document of the `<index>_meta` index, filed under `id`
_MISSING = ("index_not_found", "document_not_found")


class MeiliEngine:
    """Documents live in index `index`; a rebuild fills `<index>_<timestamp>` aside, then
    swaps it in atomically, so searches never see a half-built or empty index. The time
    and settings hash of the last build are kept in a separate tiny `<index>_meta` index
    (never in the search index, where they would turn up as results). Documents are filed
    under `key`, an encoding of their `id` that Meilisearch accepts (primary_key.py)."""

    engine_name = "meilisearch"

    def __init__(
        self,
        url: str,
        key: str | None,
        *,
        index: str = "providers",
        timeout_s: float = 5.0,
        vocabulary: Vocabulary | None = None,
        task_timeout_s: float = 300.0,
        batch_size: int = BATCH_SIZE,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.url = url.rstrip("/")
        self.index = index
        self.meta_index = f"{index}_meta"
        self.timeout_s = timeout_s
        self.task_timeout_s = task_timeout_s
        self.batch_size = batch_size
        self._key = key
        self._vocabulary = vocabulary
        self._clock = clock
        self._settings: dict | None = None
        self._built: dict[str, int] = {}  # documents per build index not yet published
        # The client keeps per-request headers in shared state: one client per thread.
        self._local = threading.local()

    @property
    def _client(self) -> Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = Client(self.url, self._key, timeout=self.timeout_s)  # type: ignore[arg-type]
            self._local.client = client
        return client

    @property
    def vocabulary(self) -> Vocabulary:
        """Read on first use."""
        if self._vocabulary is None:
            self._vocabulary = load_vocabulary()
        return self._vocabulary

    @property
    def settings(self) -> dict:
        if self._settings is None:
            self._settings = build_settings(self.vocabulary)
        return self._settings

    @property
    def settings_hash(self) -> str:
        """Of the settings and the primary key: a new one of either needs a new index."""
        return settings_hash(self.settings | {"primaryKey": PRIMARY_KEY})

    # -- writes ----------------------------------------------------------------------

    def rebuild(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> int:
        build, count = self.build_aside(documents, progress)
        self.publish(build)
        return count

    def build_aside(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> tuple[str, int]:
        """Fill `<index>_<utc timestamp>` (settings first, then documents in batches) beside
        the live index. `progress(n)` is called with the number of documents each batch
        added. On any failure the new index is deleted and the live one is untouched."""
        build = f"{self.index}_{self._clock():%Y%m%d%H%M%S%f}"
        count = 0
        try:
            self._write(
                f"creating index {build}",
                self._client.create_index,
                build,
                {"primaryKey": PRIMARY_KEY},
            )
            target = self._client.index(build)
            self._write(f"applying settings to {build}", target.update_settings, self.settings)
            for batch in _batches(documents, self.batch_size):
                doing = f"adding documents {count + 1}-{count + len(batch)} to {build}"
                self._write(doing, target.add_documents, keyed(batch), primary_key=PRIMARY_KEY)
                count += len(batch)
                if progress is not None:
                    progress(len(batch))
        except BaseException:
            self.discard(build)
            raise
        self._built[build] = count
        return build, count

    def publish(self, build: str) -> None:
        """Swap `build` with the live index, record the build, delete the previous index."""
        try:
            if not self._exists(self.index):
                self._write(
                    f"creating index {self.index}",
                    self._client.create_index,
                    self.index,
                    {"primaryKey": PRIMARY_KEY},
                )
            self._swap_in(build)
        except BaseException:
            self.discard(build)
            raise
        record = {
            "id": BUILD_RECORD,
            "last_build": self._clock().isoformat(timespec="seconds"),
            "settings_hash": self.settings_hash,
            "documents": self._built.pop(build, None),
        }
        meta = self._client.index(self.meta_index)
        self._write(
            f"recording the build in {self.meta_index}",
            meta.add_documents,
            [record],
            primary_key="id",
        )
        # After the swap, `build` holds the previous documents.
        self._write(f"deleting the previous index (now {build})", self._client.delete_index, build)

    def _swap_in(self, build: str) -> None:
        """Swap `build` with the live index and wait for it. Meilisearch shows a swap task
        only to keys for every index (its issue #4103): to a key scoped to this index's names,
        as `indexer meili-keys` makes, the task does not exist. Then the swap is known done
        when the live index is the one built: it has the build's creation time."""
        doing = f"swapping {build} into {self.index}"
        built = self._created(build)
        try:
            self._write(doing, self._client.swap_indexes, [{"indexes": [self.index, build]}])
        except SearchUnavailable as error:
            cause = error.__cause__
            if not (isinstance(cause, MeilisearchApiError) and cause.code == "task_not_found"):
                raise
            for _ in polls(self.task_timeout_s):
                if built is not None and self._created(self.index) == built:
                    return
            raise SearchUnavailable(
                f"Meilisearch did not confirm {doing} within {self.task_timeout_s:g} s; "
                f"this key cannot see swap tasks, the master key can: {self.url}/tasks"
                "?types=indexSwap"
            ) from error

    def _created(self, uid: str) -> str | None:
        """The index's creation time as the server wrote it; None when it does not exist."""
        found = self._get(f"indexes/{uid}", f"looking up index {uid}")
        return found["createdAt"] if found else None

    def discard(self, build: str) -> None:
        """Delete a build that will not be published; best effort, the server may be down."""
        self._built.pop(build, None)
        with suppress(SearchUnavailable):
            self._write(f"discarding {build}", self._client.delete_index, build)

    def replace_provider(self, provider_id: str, documents: list[dict]) -> None:
        self.replace_providers({provider_id}, documents)

    def replace_providers(
        self, provider_ids: set[str], documents: list[dict], build: str | None = None
    ) -> None:
        """Add or replace the providers' documents in the live index (or in `build`), then
        delete their documents that are no longer among them; unchanged regions never
        disappear from results meanwhile."""
        strays = [d.get("id") for d in documents if d.get("provider_id") not in provider_ids]
        if strays:
            raise ValueError(f"documents {strays} do not belong to providers {provider_ids}")
        target = build or self.index
        self._check_built(target)
        live = self._client.index(target)
        which = ", ".join(sorted(provider_ids))
        providers = ", ".join(quote(provider) for provider in sorted(provider_ids))
        stale = f"provider_id IN [{providers}]"
        if documents:
            self._write(
                f"updating provider {which}",
                live.add_documents,
                keyed(documents),
                primary_key=PRIMARY_KEY,
            )
            kept = ", ".join(quote(str(d["id"])) for d in documents)
            stale += f" AND id NOT IN [{kept}]"
        self._write(f"deleting stale documents of {which}", live.delete_documents, filter=stale)

    def _check_built(self, uid: str) -> None:
        """Refuse to write into an index no build made, or one made before documents had a
        `key` (its primary key is `id` and cannot change; Meilisearch would refuse every
        document with a message that does not say the remedy)."""
        found = self._get(f"indexes/{uid}", f"looking up index {uid}")
        if found is None:
            raise SearchUnavailable(
                f"Meilisearch index {uid!r} does not exist; run a full rebuild first"
            )
        if found.get("primaryKey") != PRIMARY_KEY:
            raise SearchUnavailable(
                f"Meilisearch index {uid!r} files documents under {found.get('primaryKey')!r}, "
                f"this version under {PRIMARY_KEY!r}: run `indexer build` once to make it anew"
            )

    # -- reads -----------------------------------------------------------------------

    def search(self, query: SearchQuery, today: date) -> SearchResult:
        """The words are read as the embedded engine reads them (query_words), and the
        groups to require chosen by the same rule (relaxing); Meilisearch gets the
        recognised vocabulary phrases, which its synonyms expand, and must match them all.
        Usually one request; when nothing matches all words, one per relaxing step."""
        groups = term_groups(query.text, self.vocabulary, query.locale)
        found: dict[str, SearchResult] = {}

        def count(chosen) -> int:
            text = " ".join(group.text for group in chosen)
            if text not in found:
                found[text] = self._search_text(query, today, text)
            return found[text].total

        def count_in_name(chosen) -> int:
            text = " ".join(group.text for group in chosen)
            body = search_params(query, today, text) | {"attributesToSearchOn": ["name"]}
            body |= {"hitsPerPage": 0, "facets": [], "attributesToCrop": []}
            body |= {"attributesToHighlight": []}
            return self._post_search(body)["totalHits"]

        plan, _ = plan_text(groups, count, count_in_name)
        result = found[" ".join(group.text for group in plan.required)]
        result.dropped_words = plan.dropped_words
        result.widened_words = plan.widened_words
        result.set_aside_words = plan.set_aside_words
        return result

    def _search_text(self, query: SearchQuery, today: date, text: str) -> SearchResult:
        if wait_sort.sorts_on_profile_wait(query):
            return self._search_by_profile_wait(query, today, text)
        return to_result(self._post_search(search_params(query, today, text)), query)

    def _post_search(self, body: dict) -> dict:
        with translated(self.url, self.timeout_s, f"searching index {self.index}"):
            return self._client.http.post(f"indexes/{self.index}/search", body)

    def _search_by_profile_wait(self, query: SearchQuery, today: date, text: str) -> SearchResult:
        """Meilisearch cannot sort on the shortest of several profiles' waits: every
        match's waits are fetched (with the counts and facets), ordered in Python
        (wait_sort, as the embedded engine does), and the page's documents fetched again
        with their snippets."""
        everything = search_params(replace(query, sort=Sort.NAME), today, text)
        everything |= {"page": 1, "hitsPerPage": MAX_TOTAL_HITS}
        everything |= {"attributesToRetrieve": list(wait_sort.FIELDS)}
        for key in ("attributesToCrop", "attributesToHighlight"):
            everything.pop(key)
        found = self._post_search(everything)
        matches = found["hits"]
        ordered = wait_sort.order(matches, query.profiles, today)
        ids = [matches[i]["id"] for i in ordered[query.offset : query.offset + query.page_size]]
        result = to_result(found | {"hits": []}, query)
        if ids:
            page = search_params(replace(query, sort=Sort.NAME, page=1), today, text)
            page["filter"] += f" AND id IN [{', '.join(quote(str(i)) for i in ids)}]"
            page["facets"] = []
            hits = {hit.id: hit for hit in to_result(self._post_search(page), query).hits}
            result.hits = [hits[str(i)] for i in ids if str(i) in hits]
        return result

    def status(self) -> EngineStatus:
        """Documents in the live index (0 when none was built) and the last build record;
        the hash is the one recorded at that build, or else the current settings' hash."""
        stats = self._get(f"indexes/{self.index}/stats", "reading index stats")
        record = self._get(
            f"indexes/{self.meta_index}/documents/{BUILD_RECORD}", "reading the build record"
        )
        return EngineStatus(
            engine=self.engine_name,
            documents=int(stats["numberOfDocuments"]) if stats else 0,
            last_build=record.get("last_build") if record else None,
            settings_hash=(record or {}).get("settings_hash") or self.settings_hash,
        )

    # -- helpers ---------------------------------------------------------------------

    def _write(self, doing: str, call: Callable[..., TaskInfo], *args, **kwargs) -> None:
        with translated(self.url, self.timeout_s, doing):
            info = call(*args, **kwargs)
        finish(self._client, info, self.url, self.timeout_s, self.task_timeout_s)

    def _get(self, path: str, doing: str) -> dict | None:
        """GET `path`; None when the index or document does not exist."""
        try:
            with translated(self.url, self.timeout_s, doing):
                return self._client.http.get(path)
        except SearchUnavailable as error:
            cause = error.__cause__
            if isinstance(cause, MeilisearchApiError) and cause.code in _MISSING:
                return None
            raise

    def _exists(self, uid: str) -> bool:
        return self._get(f"indexes/{uid}", f"looking up index {uid}") is not None


def _batches(documents: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch
