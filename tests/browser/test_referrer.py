"""A GP's journey in a real browser (DESIGN.md §11): a family in The Hague (postcode 2512)
needs trauma help for a 9-year-old. The GP switches to the professional view, puts three
providers on a shortlist, downloads it as a spreadsheet, and prints a handout in Turkish
whose QR code opens the same list on the family's phone."""

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.conftest import require

POSTCODE = "2512"
WORDS = "trauma"
AGE = "9"
PROFILE, PROFILE_CODE = "Psychische klachten", "H02"  # Haaglanden's profile for trauma help
# A page object in a PDF (not the /Pages tree that holds them).
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _search(page: Page) -> None:
    page.goto("/zoeken")
    page.get_by_label("Waar zoekt u hulp bij?").fill(WORDS)
    page.get_by_label("Uw postcode").fill(POSTCODE)
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page.get_by_role("status")).to_contain_text("in uw regio")
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Leeftijd van uw kind").fill(AGE)
    page.get_by_role("checkbox", name=re.compile(rf"^{PROFILE}")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(rf"profiel={PROFILE_CODE}&leeftijd={AGE}"))


def _decode_qr(png: bytes, folder: Path) -> str:
    zbarimg = shutil.which("zbarimg")
    require(zbarimg is not None, "zbarimg not installed (apt-get install zbar-tools)")
    image = folder / "qr.png"
    image.write_bytes(png)
    decoded = subprocess.run(
        [zbarimg, "--raw", "--quiet", str(image)], capture_output=True, text=True, check=True
    )
    return decoded.stdout.strip()


def test_a_gp_shortlists_exports_and_prints_a_handout(
    page: Page, live_server: str, tmp_path: Path
) -> None:
    _search(page)

    # The professional view: a table with codes, waits and tariffs; remembered from now on.
    page.get_by_role("link", name=re.compile("^Weergave voor verwijzers")).click()
    table = page.get_by_role("table")
    expect(table).to_be_visible()
    expect(table).to_contain_text(PROFILE_CODE)
    expect(table).to_contain_text("€")  # the tariff for the chosen profile
    expect(table).to_contain_text(f"Wachttijd voor {PROFILE}")
    rows = table.locator("tbody tr")
    assert rows.count() >= 3
    names = [rows.nth(i).locator("a").first.inner_text() for i in range(3)]
    for i in range(3):
        rows.nth(i).get_by_role("checkbox").check()
    page.get_by_role("button", name="Zet gekozen op bewaarlijst").click()
    expect(page).to_have_url(re.compile(r"/bewaarlijst\?"))
    shortlisted = page.locator(".shortlist").get_by_role("heading", level=2)
    expect(shortlisted).to_have_text(names)
    ids = parse_qs(urlsplit(page.url).query)["id"]

    # The spreadsheet: one row per provider, with codes, wait and tariff.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Excel (.xlsx)").click()
    assert re.fullmatch(r"jeugdhulpgids-bewaarlijst-.+\.xlsx", download.value.suggested_filename)
    saved = tmp_path / "list.xlsx"
    download.value.save_as(saved)
    sheet = load_workbook(saved).active
    header, *data = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[header.index("Aanbieder")] for row in data] == names
    for row in data:
        assert re.search(r"H0\d/", row[header.index("Profiel/intensiteit (codes)")])
        assert row[header.index("Tarieven")]
        assert row[header.index("Telefoon")]

    # The handout in Turkish, with the family's local team.
    page.get_by_label("Taal van het gezin").select_option("tr")
    page.get_by_label("Postcode van het gezin (mag leeg blijven)").fill(POSTCODE)
    page.get_by_role("button", name="Maak het uitdeelblad").click()
    expect(page.locator("html")).to_have_attribute("lang", "tr")
    handout = page.get_by_role("main")
    for name in names:
        expect(handout).to_contain_text(name)
    expect(handout).not_to_contain_text("€")
    expect(handout).not_to_contain_text(re.compile(r"\bH0\d\b"))

    # Printed on A4: three providers on at most two pages.
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(PDF_PAGE.findall(pdf))
    assert 1 <= pages <= 2, f"the handout prints on {pages} pages"

    # The QR code opens the same list, in Turkish, on this site.
    link = _decode_qr(page.locator("svg[role=img]").screenshot(), tmp_path)
    opened = urlsplit(link)
    assert f"{opened.scheme}://{opened.netloc}" == live_server
    assert opened.path == "/bewaarlijst"
    assert parse_qs(opened.query) == {"id": ids, "lang": ["tr"]}
