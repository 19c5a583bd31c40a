"""The workspaces in a real browser: a provider changes a wait time and search shows it at
once, region staff reach their dashboard through the second factor; axe-core finds no
violations on the new pages, in Dutch and Arabic, on a desktop and a 320 px phone."""

import re
import shutil
import time
from collections.abc import Callable
from email import message_from_bytes
from pathlib import Path

import pyotp
import pytest
from click.testing import CliRunner
from playwright.sync_api import BrowserContext, Page, expect

from indexer.accounts.demo import PASSWORD, SECRETS
from indexer.cli import main
from indexer.settings import Settings
from tests.browser.axe import violations_at_every_width
from tests.browser.conftest import DEMO
from tests.utils.datasets import read_rows, set_cell
from tests.utils.server import LiveServer

pytestmark = pytest.mark.usefixtures("require_axe")
EDITOR, STAFF = "aanbieder@demo.example", "regio@demo.example"


def sign_in(page: Page, email: str) -> None:
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def no_violations(page: Page) -> None:
    report = violations_at_every_width(page, page.url)
    assert not report, report


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_provider_changes_a_wait_and_families_find_it(
    new_context: Callable[..., BrowserContext], javascript: bool
) -> None:
    page = new_context(java_script_enabled=javascript).new_page()
    sign_in(page, EDITOR)
    expect(page.locator("h1")).to_have_text("Mijn account")
    page.locator("main a").first.click()  # the one provider this editor keeps
    provider = page.locator("h1").inner_text().removeprefix("Gegevens van ")
    page.locator("main a[href$='/waits']").click()
    weeks = "3" if javascript else "5"
    page.locator("main input[type=text]").first.fill(weeks)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("meteen te vinden")
    page.goto(f"/zoeken?q={provider}")
    card = page.locator("main li", has_text=provider).first
    expect(card).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"Wachttijd: {weeks} weken")


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_provider_workspace_has_no_axe_violations(page: Page, lang: str) -> None:
    sign_in(page, EDITOR)
    page.goto(f"/beheer?lang={lang}")
    no_violations(page)
    page.locator("main a.button").first.click()  # the first part's form
    no_violations(page)
    page.goto(page.url.rsplit("/", 1)[0] + f"/locations?lang={lang}")  # the longest form
    no_violations(page)


_last_step = [0]


def next_code() -> str:
    """A code the staff account has not used yet: each works once, and the app shows one
    per 30 seconds (the server also takes the one before and after), so a fourth sign-in
    within half a minute waits for the next."""
    totp = pyotp.TOTP(SECRETS["staff"])
    while True:
        now = int(time.time() // 30)
        step = next((s for s in (now - 1, now, now + 1) if s > _last_step[0]), None)
        if step is not None:
            _last_step[0] = step
            return totp.at(step * 30)
        time.sleep(1)


def staff_sign_in(page: Page, lang: str = "nl") -> None:
    sign_in(page, STAFF)
    page.goto(f"/inloggen/code?lang={lang}")
    no_violations(page)  # the second step is a page of its own
    page.locator("input[name=code]").fill(next_code())
    page.locator("main button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mijn account" if lang == "nl" else re.compile("."))


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_region_staff_reach_their_dashboard_with_a_code(page: Page, lang: str) -> None:
    staff_sign_in(page, lang)
    no_violations(page)  # the account page
    page.goto(f"/regio?lang={lang}")
    expect(page.locator("h1")).to_be_visible()
    no_violations(page)
    page.locator("main a[href*='/aanbieders/']").first.click()  # a listing's history
    no_violations(page)


def test_a_description_is_moderated_before_families_see_it(
    new_context: Callable[..., BrowserContext],
) -> None:
    text = "Wij werken met beeldende therapie en spel, ook bij jonge kinderen."
    editor = new_context(java_script_enabled=False).new_page()
    sign_in(editor, EDITOR)
    editor.goto("/beheer")
    editor.locator("main a[href$='/descriptions']").click()
    editor.locator("#description_nl").fill(text)
    editor.get_by_role("button", name="Opslaan").click()
    expect(editor.get_by_role("status")).to_contain_text("De regio bekijkt uw wijziging")
    editor.goto("/zoeken?q=beeldende")
    expect(editor.locator("main")).not_to_contain_text("beeldende therapie en spel")

    staff = new_context().new_page()
    staff_sign_in(staff)
    staff.goto("/regio")
    change = staff.locator("section.change", has_text=text)
    change.get_by_role("button", name="Goedkeuren").click()
    expect(staff.get_by_role("status")).to_be_visible()
    staff.goto("/zoeken?q=beeldende")
    expect(staff.locator("main")).to_contain_text("beeldende therapie en spel")


def test_an_import_conflict_keeps_the_providers_phone(
    new_context: Callable[..., BrowserContext], server: LiveServer, tmp_path: Path
) -> None:
    editor = new_context().new_page()
    sign_in(editor, EDITOR)
    editor.goto("/beheer")
    provider_id = editor.url.rstrip("/").rsplit("/", 1)[1]
    editor.locator("main a[href$='/contact']").click()
    editor.locator("#phone").fill("020-7776655")
    editor.get_by_role("button", name="Opslaan").click()
    expect(editor.get_by_role("status")).to_contain_text("meteen te vinden")

    files = tmp_path / "demo"
    shutil.copytree(DEMO, files)
    row = next(
        n
        for n, r in enumerate(read_rows(files / "providers.csv"), 2)
        if r["provider_id"] == provider_id
    )
    set_cell(files, "providers.csv", row, "phone", "020-1110000")
    store = [
        "--database-url",
        server.settings.database_url,
        "--index-dir",
        str(server.settings.index_dir),
    ]
    loaded = CliRunner().invoke(main, [*store, "load", str(files)])
    assert loaded.exit_code == 0, loaded.output
    # At least the phone; earlier journeys in this session may own more of this listing.
    assert re.search(r"conflicts with providers' own values: [1-9]", loaded.output), loaded.output

    staff = new_context().new_page()
    staff_sign_in(staff)
    staff.goto("/regio")
    phone = staff.locator("section.change", has_text=f"{provider_id}: phone")
    expect(phone).to_contain_text("020-7776655")
    expect(phone).to_contain_text("020-1110000")
    phone.get_by_role("button", name="Houd de waarde van de aanbieder").click()
    expect(staff.get_by_role("status")).to_be_visible()
    staff.goto(f"/aanbieders/{provider_id}")
    expect(staff.locator("main")).to_contain_text("020-7776655")


def test_staff_invite_a_provider_who_sets_a_password_and_publishes_a_wait(
    new_context: Callable[..., BrowserContext], server: LiveServer
) -> None:
    staff = new_context().new_page()
    staff_sign_in(staff)
    staff.goto("/regio")
    staff.locator("#uitnodiging-email").fill("nieuwe.collega@demo.example")
    provider = staff.locator("#uitnodiging-aanbieder option").first.inner_text()
    staff.get_by_role("button", name="Uitnodiging sturen").click()
    expect(staff.get_by_role("status")).to_be_visible()

    # Without MAIL_SERVER outside production, mail lands in the outbox as .eml files.
    outbox = Settings().mail_outbox
    mails = [message_from_bytes(path.read_bytes()) for path in outbox.glob("*.eml")]
    [invitation] = [m for m in mails if m["To"] == "nieuwe.collega@demo.example"]
    body = invitation.get_payload(decode=True).decode()
    link = re.search(r"http://\S+", body).group().removeprefix("http://127.0.0.1:5000")

    newcomer = new_context(java_script_enabled=False).new_page()
    newcomer.goto(link)
    newcomer.get_by_label("Nieuw wachtwoord").fill("een eigen lange wachtzin")
    newcomer.get_by_label("Herhaal het wachtwoord").fill("een eigen lange wachtzin")
    newcomer.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(newcomer.locator("h1")).to_have_text("Mijn account")
    newcomer.locator("main a[href^='/beheer/']").first.click()
    newcomer.locator("main a[href$='/waits']").click()
    newcomer.locator("main input[type=text]").first.fill("7")
    newcomer.get_by_role("button", name="Opslaan").click()
    expect(newcomer.get_by_role("status")).to_contain_text("meteen te vinden")
    newcomer.goto(f"/zoeken?q={provider}")
    expect(newcomer.locator("main")).to_contain_text("Wachttijd: 7 weken")
