"""The region staff's workspace: moderation of provider edits, conflicts between imports and
providers' own values, listings not confirmed in time, invitations, a provider's change
history, and loading the region's own files in the browser (`imports`). Only staff of the
region (and admins) get in; anyone else gets 404."""

from portal.region import imports  # noqa: F401  (adds the import pages to the blueprint)
from portal.region.routes import blueprint

__all__ = ["blueprint"]
