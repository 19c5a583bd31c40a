"""A provider's own workspace: its listing as families see it, and the parts it keeps true
(DESIGN.md §10). Only editors of the provider (and admins) get in; anyone else gets 404."""

from portal.manage.routes import blueprint

__all__ = ["blueprint"]
