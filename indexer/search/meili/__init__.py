"""The Meilisearch adapter (production engine); see engine.py for which key to use."""

from indexer.search.meili.engine import MeiliEngine

__all__ = ["MeiliEngine"]
