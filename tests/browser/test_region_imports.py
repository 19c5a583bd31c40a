"""Region staff load their region's files in a real browser: a broken row is reported, the
fixed files show exactly one change, and once confirmed families find the new wait at once;
the history keeps the files with their checksums. axe-core finds no violations on the
upload, report and history pages, which also fit a 320 px phone (they need a sign-in, so
tests/browser/routes.py cannot list them)."""

import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import DEMO
from tests.browser.layout import layout_problems
from tests.browser.test_workspaces import no_violations, staff_sign_in
from tests.utils.datasets import set_cell
from tests.utils.region_files import region_subset, row_of

pytestmark = pytest.mark.usefixtures("require_axe")
REGION = "amsterdam-amstelland"  # the demo staff's region
# A wait no other journey changes (the editor's provider is Bureau Twee Huizen), confirmed
# recently, so search shows it as current.
PROVIDER, PROVIDER_NAME, BROKEN_PROVIDER = "dubbelzicht", "Dubbelzicht", "gezinshuis-de-vlonder"
REPORT_TIMEOUT_MS = 60_000  # the longest a check or load may take on a busy machine


def accessible_at_every_width(page: Page) -> None:
    """axe-core finds nothing, and the page fits a 320 px phone (tests/browser/layout.py)."""
    no_violations(page)
    problems = layout_problems(page)
    assert not problems, problems


def wait_row(folder: Path, provider_id: str) -> int:
    return row_of(folder, "waittimes.csv", provider_id=provider_id, profile_code="")


def done(page: Page) -> None:
    """As staff do when a check or load takes longer than the page waits: ask again."""
    deadline = time.monotonic() + REPORT_TIMEOUT_MS / 1000
    while page.locator("h1").inner_text() == "Even geduld":
        assert time.monotonic() < deadline, "the run never finished"
        page.wait_for_timeout(500)
        page.get_by_role("link", name="Kijk of het klaar is").click()


def send(page: Page, folder: Path) -> None:
    """Upload every file of `folder` and wait for the report."""
    page.goto(f"/regio/{REGION}/import")
    page.get_by_label("Bestanden").set_input_files(sorted(folder.iterdir()))
    page.get_by_role("button", name="Controleren").click()
    done(page)
    expect(page.locator("h1")).to_have_text("Controle van uw bestanden")


def count(page: Page, label: str) -> Locator:
    return page.locator(f"main dl.facts dt:text-is('{label}') + dd")


@pytest.mark.parametrize(
    ("javascript", "weeks"), [(True, "23"), (False, "24")], ids=["js", "no-js"]
)
def test_staff_fix_a_broken_row_then_load_one_changed_wait_that_families_find(
    new_context: Callable[..., BrowserContext], tmp_path: Path, javascript: bool, weeks: str
) -> None:
    signed_in = new_context()
    page = signed_in.new_page()
    staff_sign_in(page)
    if not javascript:  # the same session, in a browser that runs no script
        state = signed_in.storage_state()
        page = new_context(java_script_enabled=False, storage_state=state).new_page()
    files = region_subset(DEMO, tmp_path / "upload", REGION)
    set_cell(files, "waittimes.csv", wait_row(files, PROVIDER), "weeks", weeks)
    broken = wait_row(files, BROKEN_PROVIDER)
    set_cell(files, "waittimes.csv", broken, "weeks", "veel")

    page.goto(f"/regio/{REGION}")
    page.get_by_role("link", name="Bestanden laden").click()
    expect(page.locator("h1")).to_have_text("Bestanden laden")
    if javascript:
        accessible_at_every_width(page)
    send(page, files)
    problem = page.locator("#probleem-1")
    expect(problem).to_contain_text(str(broken))
    expect(problem).to_contain_text("veel")
    expect(page.get_by_role("button", name="Laden")).to_have_count(0)
    if javascript:
        accessible_at_every_width(page)

    set_cell(files, "waittimes.csv", broken, "weeks", "12")
    send(page, files)
    for label, expected in (
        ("Toegevoegd", 0),
        ("Gewijzigd", 1),
        ("Beëindigd", 0),
        ("Verwijderd", 0),
    ):
        expect(count(page, label)).to_have_text(str(expected))
    expect(count(page, "Problemen")).to_have_text("0")
    expect(page.locator("#tabel-waittime + p")).to_contain_text("Gewijzigd: 1")
    expect(page.locator("main")).to_contain_text(re.compile(rf"weeks: \d+ wordt {weeks}"))
    if javascript:
        accessible_at_every_width(page)
    page.get_by_role("button", name="Laden").click()
    done(page)
    loaded = page.get_by_role("status")
    expect(loaded).to_contain_text("Geladen door regio@demo.example", timeout=REPORT_TIMEOUT_MS)

    page.goto(f"/zoeken?q={PROVIDER_NAME}&postcode=1011")
    first = page.locator("main li.result").first
    expect(first).to_contain_text(PROVIDER_NAME)
    expect(first).to_contain_text(f"Wachttijd: {weeks} weken")

    page.goto(f"/regio/{REGION}/imports")
    checksum = hashlib.sha256((files / "waittimes.csv").read_bytes()).hexdigest()
    expect(page.locator("main")).to_contain_text(checksum)
    if javascript:
        accessible_at_every_width(page)
