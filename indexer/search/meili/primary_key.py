"""The field Meilisearch files a document under: `key`, an encoding of the document's `id`.

A document's `id` is `<region_id>__<provider_id>`, and the import accepts codes with a dot
(`rustpunt.nl`); the portal puts these ids in its URLs, so they stay as they are. Meilisearch
refuses a document identifier with any character other than a-z A-Z 0-9 - _, and one such
provider would fail every build. So every document sent to it carries `key` as well: the
UTF-8 id in base64url without padding, whose alphabet is exactly those characters. The
encoding can be reversed, so two ids never share a key; replacing the dot by an allowed
character could (`a.b` and `a-b` would overwrite each other). Hits, filters and deletions
keep using `id`; `key` is left out of every hit. The server still refuses a key over 511
bytes, an id over 383 bytes.

An index's primary key cannot be changed: an index built before `key` existed files its
documents under `id`. One `indexer build` after upgrading makes the index anew with `key`;
until then updates of providers stop with a message saying so (MeiliEngine.replace_providers).
"""

from base64 import urlsafe_b64encode

PRIMARY_KEY = "key"


def document_key(document_id: str) -> str:
    return urlsafe_b64encode(document_id.encode("utf-8")).decode("ascii").rstrip("=")


def keyed(documents: list[dict]) -> list[dict]:
    """Copies of `documents` with their key; the callers' documents are left as they were."""
    return [document | {PRIMARY_KEY: document_key(str(document["id"]))} for document in documents]
