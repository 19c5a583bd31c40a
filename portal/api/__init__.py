"""Open data for other systems: JSON under /api/v1 (DESIGN.md §12)."""

from portal.api.routes import blueprint

__all__ = ["blueprint"]
