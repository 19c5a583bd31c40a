"""Shortest wait first for the chosen profiles, the same in every engine.

With no profile chosen, engines sort on the document's `wait_weeks` natively. With
profiles chosen, the wait to sort on is the shortest among those profiles' waits
(indexer.waits.chosen_wait), which neither engine can compute in its own sort language;
both fetch the matching documents' waits and order them here, unknown waits last and
ties by name, so the two engines list the same providers in the same order.
"""

from datetime import date

from indexer.search.contract import SearchQuery, Sort
from indexer.waits import chosen_wait, waits_of

# What the sort needs of each matching document.
FIELDS = ("id", "waits", "name_sort")


def sorts_on_profile_wait(query: SearchQuery) -> bool:
    return query.sort == Sort.WAIT and bool(query.profiles)


def order(documents: list[dict], profiles: tuple[str, ...], today: date) -> list[int]:
    """Positions of `documents` in wait order for `profiles`."""

    def key(position: int) -> tuple:
        document = documents[position]
        wait = chosen_wait(waits_of(document["waits"]), profiles, today)
        return (wait is None, wait.weeks if wait else 0, document["name_sort"])

    return sorted(range(len(documents)), key=key)
