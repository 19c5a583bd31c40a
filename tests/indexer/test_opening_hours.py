"""Opening hours as regions write them in teams.csv, read into a week so the portal can show
them in the reader's language; anything not fully understood is None (shown as written)."""

from pathlib import Path

import pytest

from indexer.opening_hours import OpeningHours, parse
from tests.utils.datasets import read_rows

DEMO_TEAMS = Path(__file__).parents[2] / "data" / "demo" / "teams.csv"
# Demo values the parser leaves as written, each with the reason; none today.
UNPARSEABLE: dict[str, str] = {}
DAY_CODES = ("ma", "di", "wo", "do", "vr", "za", "zo")


def described(hours: OpeningHours | None) -> dict[str, str] | None:
    """{"ma": "09:00-12:30 13:00-17:00", ...} for the open days: easy to read in a test."""
    if hours is None:
        return None
    return {
        DAY_CODES[day]: " ".join(f"{o:%H:%M}-{c:%H:%M}" for o, c in spans)
        for day, spans in enumerate(hours.days)
        if spans
    }


def week(hours: str, *days: str) -> dict[str, str]:
    return dict.fromkeys(days, hours)


WORKDAYS = ("ma", "di", "wo", "do", "vr")


def test_every_demo_value_is_read_or_listed_with_its_reason() -> None:
    values = {row["opening_hours"] for row in read_rows(DEMO_TEAMS) if row["opening_hours"]}
    unread = {value for value in values if parse(value) is None}
    assert unread == set(UNPARSEABLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma-vr 9:00-17:00", week("09:00-17:00", *WORKDAYS)),
        ("ma-vr 8:30-17:00", week("08:30-17:00", *WORKDAYS)),
        (
            "ma-do 8:30-17:00, vr 8:30-12:30",
            week("08:30-17:00", "ma", "di", "wo", "do") | {"vr": "08:30-12:30"},
        ),
        (
            "ma-vr 9:00-17:00, do tot 20:00",
            week("09:00-17:00", *WORKDAYS) | {"do": "09:00-20:00"},
        ),
        (
            "ma, di, do 9:00-17:00, wo en vr 9:00-12:30",
            week("09:00-17:00", "ma", "di", "do") | week("09:00-12:30", "wo", "vr"),
        ),
    ],
)
def test_the_demo_forms_mean_what_a_dutch_reader_understands(
    text: str, expected: dict[str, str]
) -> None:
    assert described(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maandag t/m vrijdag 9.00-17.00 uur", week("09:00-17:00", *WORKDAYS)),
        ("maandag tot en met vrijdag van 09:00 tot 17:00", week("09:00-17:00", *WORKDAYS)),
        ("Ma - Vr: 09:00 - 17:00", week("09:00-17:00", *WORKDAYS)),
        ("ma.-vr. 9-17", week("09:00-17:00", *WORKDAYS)),
        ("werkdagen 8:30–16:30", week("08:30-16:30", *WORKDAYS)),
        ("dagelijks 10:00-16:00", week("10:00-16:00", *DAY_CODES)),
        (
            "ma-vr 9:00-12:30 en 13:00-17:00",
            week("09:00-12:30 13:00-17:00", *WORKDAYS),
        ),
        ("di, wo & do 9:00-12:00 / 13:00-16:00", week("09:00-12:00 13:00-16:00", "di", "wo", "do")),
        (
            "ma-za 9:00-17:00; zaterdag 10:00-14:00; zo gesloten",
            week("09:00-17:00", *WORKDAYS) | {"za": "10:00-14:00"},
        ),
        ("ma-vr 9:00-17:00, weekend gesloten", week("09:00-17:00", *WORKDAYS)),
        (
            "ma-vr 9:00-17:00\nza 10:00-12:00\n",
            week("09:00-17:00", *WORKDAYS) | {"za": "10:00-12:00"},
        ),
        (
            "ma-vr 9:00-17:00, do tot 20:00 uur,",
            week("09:00-17:00", *WORKDAYS) | {"do": "09:00-20:00"},
        ),
        ("wo 13:00-17:00", {"wo": "13:00-17:00"}),
    ],
)
def test_the_usual_variants(text: str, expected: dict[str, str]) -> None:
    assert described(parse(text)) == expected


def test_days_not_named_or_closed_are_closed() -> None:
    hours = parse("ma-wo 9:00-17:00, do gesloten, vr 9:00-12:00")
    assert hours is not None
    assert hours.closed == (3, 5, 6)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "op afspraak",
        "tijdelijk gesloten",
        "za gesloten",  # no hours at all
        "ma-vr",
        "9:00-17:00",  # no day
        "ma-vr 9:00-17:00 (niet in de schoolvakanties)",
        "ma-vr 9:00-17:00, 's avonds op afspraak",
        "ma-vr 17:00-9:00",  # closes before it opens
        "vr-ma 9:00-17:00",  # a range backwards through the week
        "ma 9:00-12:00, 11:00-13:00",  # overlapping spans
        "ma-vr 9:00-25:00",
        "ma-vr 9:75-17:00",
        "ma-vr 900-1700",
        "do tot 20:00",  # a later closing time for a day without hours
        "ma-vr 9:00-17:00, do tot 8:00",
        "maart 9:00-17:00",
        "Mo-Fr 09:00-17:00",  # OpenStreetMap syntax, not Dutch
    ],
)
def test_anything_not_fully_understood_is_none(text: str) -> None:
    assert parse(text) is None


def test_parsing_is_cached_per_text() -> None:
    assert parse("ma-vr 9:00-17:00") is parse("ma-vr 9:00-17:00")
