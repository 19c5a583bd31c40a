"""Whether what families read may be out of date (DESIGN.md §10), judged on the same day
as everything else on the page: a wait time not confirmed for 8 weeks, another part of a
listing for 6 months (indexer.edits.reads.stale_from)."""

from indexer.edits.reads import stale_from
from indexer.models import WaitTime
from portal.services import today


def wait_is_stale(wait: WaitTime) -> bool:
    return wait.confirmed_on <= stale_from("waits", today())
