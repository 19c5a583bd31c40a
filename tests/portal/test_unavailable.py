"""A damaged or missing index reaches families as the calm 503 page, never as a 500.

The operator's detail (which folder, what broke) goes to the server log only: an API client
or a family never sees a server path.
"""

import logging
from pathlib import Path

import pytest
from flask import Flask

from tests.utils.html import get_page


def _live_build(app: Flask) -> Path:
    return (app.config["SETTINGS"].index_dir / "current").resolve()


@pytest.mark.parametrize("damage", ["meta.json removed", "index folder removed"])
def test_a_damaged_index_gives_the_unavailable_page(
    app: Flask, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = app.test_client()
    assert client.get("/zoeken?q=angst").status_code == 200  # the searcher is warm
    build = _live_build(app)
    if damage == "meta.json removed":
        (build / "meta.json").unlink()
    else:
        for path in build.iterdir():
            path.unlink()
        build.rmdir()
    with caplog.at_level(logging.ERROR):
        page = get_page(client, "/zoeken?q=angst")
        api = client.get("/api/v1/search?q=angst")
    assert page.status == 503
    assert page.title == "Zoeken lukt even niet – Jeugdhulpgids"
    assert api.status_code == 503
    assert str(build.parent) not in api.get_data(as_text=True)
    assert "bereikbaar" in api.get_json()["detail"]
    assert str(build.parent) in caplog.text  # the operator learns where


def test_emptied_segment_files_give_the_unavailable_page_not_a_dead_worker(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/zoeken?q=angst").status_code == 200
    for term_file in _live_build(app).glob("*.term"):
        term_file.write_bytes(b"")  # as `: > file` would; reading it through mmap is SIGBUS
    assert client.get("/zoeken?q=angst").status_code == 503
    assert client.get("/api/v1/search?q=angst").status_code == 503


def test_a_search_that_signals_danger_keeps_its_crisis_lines_when_search_is_down(
    app: Flask,
) -> None:
    client = app.test_client()
    build = _live_build(app)
    (build / "meta.json").unlink()
    page = get_page(client, "/zoeken?q=mijn+kind+wil+dood")
    assert page.status == 503
    text = page.main.text
    assert "Zoeken lukt even niet" in text
    assert "0800-0113" in text
    assert page.main.find("a", href="tel:112")
    calm = get_page(client, "/zoeken?q=angst").main.text
    assert "0800-0113" not in calm
