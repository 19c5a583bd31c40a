"""The wait rule of DESIGN.md §11 as a table: which wait a reader who chose profiles sees."""

from datetime import date

import pytest

from indexer.waits import Wait, chosen_wait

TODAY = date(2026, 11, 22)
RECENT = date(2026, 11, 1)
AUGUST = date(2026, 8, 3)  # more than 8 weeks before TODAY: out of date

GENERAL = Wait("", 3, RECENT)
TRAUMA = Wait("P03", 12, RECENT)
ANXIETY = Wait("P02", 6, RECENT)
OLD_ANXIETY = Wait("P02", 1, AUGUST)


@pytest.mark.parametrize(
    ("case", "waits", "profiles", "shown"),
    [
        ("no profile chosen: the general wait", [GENERAL, TRAUMA], (), GENERAL),
        ("one profile: its own wait", [GENERAL, TRAUMA], ("P03",), TRAUMA),
        ("one profile without its own: the general wait", [GENERAL, TRAUMA], ("P05",), GENERAL),
        ("several: the shortest of theirs", [GENERAL, TRAUMA, ANXIETY], ("P02", "P03"), ANXIETY),
        ("several, one falls back to general", [GENERAL, TRAUMA], ("P03", "P05"), GENERAL),
        ("no general, none chosen: shortest per profile", [TRAUMA, ANXIETY], (), ANXIETY),
        ("stale and shorter loses to fresh", [TRAUMA, OLD_ANXIETY], ("P02", "P03"), TRAUMA),
        ("stale is still shown when it is all there is", [OLD_ANXIETY], ("P02",), OLD_ANXIETY),
        ("unknown: nothing published", [], ("P03",), None),
        ("unknown: only another profile's wait", [TRAUMA], ("P02",), None),
    ],
)
def test_the_wait_shown(case: str, waits: list[Wait], profiles: tuple, shown: Wait) -> None:
    assert chosen_wait(waits, profiles, TODAY) == shown, case


def test_a_wait_is_out_of_date_on_the_day_it_turns_eight_weeks_old() -> None:
    wait = Wait("", 2, date(2026, 9, 27))
    assert not wait.is_stale(date(2026, 11, 21))
    assert wait.is_stale(date(2026, 11, 22))
