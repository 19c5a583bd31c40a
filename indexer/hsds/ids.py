"""Stable HSDS ids: the same thing gets the same UUID in every export.

HSDS ids are UUIDs, and a consumer that loads a second export must recognise the records it
already holds, so ids are never random: each is a version 5 UUID of our own namespace and
the record's natural key in the store (`("service", region_id, provider_id)`). The key is
serialised as a JSON list, so no part can run into the next ("a/b", "c" ≠ "a", "b/c").
"""

import json
from uuid import UUID, uuid5

# Made once with uuid4 for Jeugdhulpgids. Never change it: every published id would change.
NAMESPACE = UUID("e3a90875-9009-46e2-a225-41f5d10bc0d3")


def hsds_id(kind: str, *key: str) -> str:
    """The id of the `kind` record (HSDS object name) with natural key `key`."""
    return str(uuid5(NAMESPACE, json.dumps([kind, *key], ensure_ascii=False)))


def organization_id(provider_id: str) -> str:
    return hsds_id("organization", provider_id)


def service_id(region_id: str, provider_id: str) -> str:
    return hsds_id("service", region_id, provider_id)


def location_id(provider_id: str, location_key: str) -> str:
    return hsds_id("location", provider_id, location_key)
