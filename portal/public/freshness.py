"""Whether what families read may be out of date (DESIGN.md §10), judged on the same day
as everything else on the page: a wait time not confirmed for 8 weeks, another part of a
listing for 6 months (indexer.edits.reads.stale_from)."""

from datetime import date
from typing import Protocol

from indexer.edits.reads import stale_from
from portal.services import today


class Confirmed(Protocol):
    """A wait as the store (WaitTime) or a provider's listing (a row) holds it."""

    confirmed_on: date


def wait_is_stale(wait: Confirmed) -> bool:
    return wait.confirmed_on <= stale_from("waits", today())
