"""Import sources: reading, validating and storing a region's dataset (DESIGN.md §4)."""

from indexer.sources.changes import ChangeReport
from indexer.sources.loader import LoadResult, load_folder

__all__ = ["ChangeReport", "LoadResult", "load_folder"]
