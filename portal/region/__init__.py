"""The region staff's workspace: moderation of provider edits, conflicts between imports and
providers' own values, listings not confirmed in time, invitations and a provider's change
history. Only staff of the region (and admins) get in; anyone else gets 404."""

from portal.region.routes import blueprint

__all__ = ["blueprint"]
