"""What every search engine offers the rest of the system (see contract.py for queries)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from indexer.search.contract import SearchQuery, SearchResult


class SearchUnavailable(RuntimeError):
    """The engine cannot answer (server down, task failed, index missing); the message says
    what happened in words an operator can act on."""


@dataclass(frozen=True)
class EngineStatus:
    engine: str
    documents: int
    last_build: str | None  # ISO timestamp of the last full build
    settings_hash: str  # changes when settings (vocabulary, stop words, ranking) change


class SearchEngine(Protocol):
    def rebuild(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> int:
        """Build a complete new index aside and switch to it at once; returns documents."""

    def build_aside(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> tuple[Any, int]:
        """A complete new index that searches do not see yet: (its handle, documents)."""

    def publish(self, build: Any) -> None:
        """Switch searches to a build from `build_aside`, atomically."""

    def discard(self, build: Any) -> None:
        """Throw away a build that will not be published."""

    def replace_provider(self, provider_id: str, documents: list[dict]) -> None:
        """Replace every document of one provider (one per region) with `documents`."""

    def replace_providers(
        self, provider_ids: set[str], documents: list[dict], build: Any = None
    ) -> None:
        """Replace every document of these providers, in the live index or in `build`."""

    def search(self, query: SearchQuery, today: date) -> SearchResult: ...

    def status(self) -> EngineStatus: ...
