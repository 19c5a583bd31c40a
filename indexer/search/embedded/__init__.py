"""The embedded search engine (tantivy): schema, storage, text queries and the engine."""

from indexer.search.embedded.engine import EmbeddedEngine

__all__ = ["EmbeddedEngine"]
