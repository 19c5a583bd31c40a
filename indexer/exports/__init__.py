"""Open data downloads made from the store (DESIGN.md §12), never from the search index."""
