"""Families see when a provider last checked its wait, and a wait checked too long ago is
marked as possibly out of date wherever it is shown, and never counts as "within N weeks"."""

from datetime import date

from flask import Flask

from tests.utils.html import get_page

RUSTPUNT = "testregio__rustpunt"  # its wait (3 weeks) was confirmed on 2026-11-01
OUT_OF_DATE = "mogelijk verouderd"


def test_a_wait_confirmed_recently_is_not_marked(app: Flask) -> None:
    client = app.test_client()
    assert OUT_OF_DATE not in get_page(client, "/aanbieders/rustpunt").main.text.lower()
    page = get_page(client, f"/vergelijken?id={RUSTPUNT}&id=testregio__opvoedhuis")
    assert OUT_OF_DATE not in page.main.text.lower()


def test_a_wait_not_confirmed_for_eight_weeks_is_marked_everywhere(app: Flask) -> None:
    app.config["TODAY"] = date(2026, 12, 27)  # 8 weeks after 2026-11-01
    client = app.test_client()
    provider = get_page(client, "/aanbieders/rustpunt").main.text
    assert "Mogelijk verouderd: al meer dan 8 weken niet nagekeken." in provider
    compare = get_page(client, f"/vergelijken?id={RUSTPUNT}&id=testregio__opvoedhuis").main.text
    stale = "Wachttijd: 3 weken (nagekeken op 1 november 2026) (mogelijk verouderd)"
    assert stale in compare
    results = get_page(client, "/zoeken?postcode=1011").main.text
    assert stale in results
    within = get_page(client, "/zoeken?postcode=1011&wachttijd=4").main.text
    assert "Rustpunt Jeugd" not in within
