"""Downloads for referrers: the current results (every page, up to a cap) and a shortlist as
XLSX and CSV, opened the way a spreadsheet would open them.

The minimal dataset: Rustpunt Jeugd (P01 at I1 and I2, € 2.450 and € 6.900 per traject, a
general wait of 3 weeks checked 1 November 2026, published figures) near postcode 1011, and
Het Opvoedhuis (P02/I1 as subcontractor, 8 weeks for P02 checked 1 October 2026) in Amstelveen.
"""

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook
from werkzeug.test import TestResponse

from portal.referrers import exports
from tests.portal.test_routes import OPVOEDHUIS, RUSTPUNT
from tests.utils.datasets import add_row, read_rows, set_cell, write_rows
from tests.utils.html import get_page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INJECTION = '=HYPERLINK("https://evil.example","Klik hier")'


def download(client: FlaskClient, url: str) -> TestResponse:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


def file_name(response: TestResponse) -> str:
    kind, _sep, name = response.headers["Content-Disposition"].partition("; filename=")
    assert kind == "attachment"
    return name


def sheet(response: TestResponse):
    assert response.content_type == XLSX
    return load_workbook(io.BytesIO(response.data)).active


def xlsx_rows(response: TestResponse) -> list[dict]:
    """Header → value per row, as openpyxl reads the cells (a note row has one cell)."""
    header, *rows = sheet(response).iter_rows(values_only=True)
    return [dict(zip(header, row, strict=False)) for row in rows]


def csv_rows(response: TestResponse) -> list[list[str]]:
    assert response.content_type == "text/csv; charset=utf-8"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def by_name(rows: list[dict]) -> dict[str, dict]:
    return {row["Aanbieder"]: row for row in rows}


# --- What a row holds ----------------------------------------------------------------------


def test_xlsx_of_results_holds_codes_wait_tariffs_contact_and_figures(
    client: FlaskClient,
) -> None:
    response = download(client, "/zoeken?postcode=1011&formaat=xlsx")
    assert file_name(response) == "jeugdhulpgids-testregio-2026-11-22.xlsx"
    rustpunt = by_name(xlsx_rows(response))["Rustpunt Jeugd"]
    distance = rustpunt.pop("Afstand in km")
    assert isinstance(distance, float) and distance < 1
    assert rustpunt == {
        "Aanbieder": "Rustpunt Jeugd",
        "Regio": "Testregio",
        "Profiel/intensiteit (codes)": "P01/I1; P01/I2",
        "Profielen en intensiteiten": "P01 Angst en somberheid: I1 Kort, I2 Lang",
        "Segment": "B",
        "Rol": "Hoofdaannemer",
        "Werkt onder hoofdaannemer": None,
        "Welke wachttijd": "Wachttijd",
        "Wachttijd in weken": 3,
        "Wachttijd nagekeken op": datetime(2026, 11, 1),
        "Wachttijd mogelijk verouderd": "nee",
        "Tarieven": "P01/I1: €\u00a02.450,00 per traject; P01/I2: €\u00a06.900,00 per traject",
        "Telefoon": "020-1112233",
        "E-mail": "info@rustpunt.example",
        "Website": "https://rustpunt.example",
        "Adressen": "Rustpunt Centrum: Damrak 1, 1011 AB Amsterdam",
        "Pagina in de gids": "/aanbieders/rustpunt?regio=testregio",
        "Resultaten over periode": "2025",
        "Afgesloten trajecten": 64,
        "Doelen bereikt (%)": 78.5,
        "Vroeg gestopt (%)": 8,
        "Tevredenheid jongeren": 7.9,
        "Aantal jongeren dat antwoordde": 31,
        "Tevredenheid ouders": 8.1,
        "Aantal ouders dat antwoordde": 40,
    }


def test_xlsx_header_is_bold_and_stays_in_view(client: FlaskClient) -> None:
    opened = sheet(download(client, "/zoeken?postcode=1011&formaat=xlsx"))
    assert opened.freeze_panes == "A2"
    assert all(cell.font.bold for cell in opened[1])
    assert opened.auto_filter.ref == f"A1:{opened.cell(1, opened.max_column).column_letter}3"


def test_the_wait_and_tariff_are_those_of_the_chosen_profile(client: FlaskClient) -> None:
    rows = xlsx_rows(download(client, "/zoeken?q=opvoeden&profiel=P02&formaat=xlsx"))
    assert [row["Aanbieder"] for row in rows] == ["Het Opvoedhuis"]
    assert rows[0]["Welke wachttijd"] == "Wachttijd voor Opvoeden"
    assert rows[0]["Wachttijd in weken"] == 8
    assert rows[0]["Wachttijd nagekeken op"] == datetime(2026, 10, 1)
    assert rows[0]["Tarieven"] == "P02/I1: €\u00a01.800,00 per traject"
    assert "Afstand in km" not in rows[0]  # no postcode, no distance


def test_a_chosen_intensity_narrows_the_tariffs(client: FlaskClient) -> None:
    rows = xlsx_rows(download(client, "/zoeken?profiel=P01&intensiteit=I2&formaat=xlsx"))
    assert [row["Tarieven"] for row in rows] == ["P01/I2: €\u00a06.900,00 per traject"]


class TestStaleWait:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "waittimes.csv", 3, "confirmed_on", "2026-08-01")
        return dataset

    def test_it_is_marked_possibly_out_of_date(self, client: FlaskClient) -> None:
        row = xlsx_rows(download(client, "/zoeken?q=opvoeden&formaat=xlsx"))[0]
        assert (row["Wachttijd in weken"], row["Wachttijd mogelijk verouderd"]) == (8, "ja")


def test_csv_is_for_dutch_excel(client: FlaskClient) -> None:
    response = download(client, "/zoeken?postcode=1011&formaat=csv")
    assert file_name(response) == "jeugdhulpgids-testregio-2026-11-22.csv"
    header, *rows = csv_rows(response)
    rustpunt = dict(zip(header, rows[0], strict=True))
    assert rustpunt["Aanbieder"] == "Rustpunt Jeugd"
    assert rustpunt["Profiel/intensiteit (codes)"] == "P01/I1; P01/I2"
    assert rustpunt["Wachttijd nagekeken op"] == "2026-11-01"
    assert rustpunt["Doelen bereikt (%)"] == "78,5"
    assert rustpunt["Tarieven"].startswith("P01/I1: €\u00a02.450,00 per traject")
    assert [row[0] for row in rows] == ["Rustpunt Jeugd", "Het Opvoedhuis"]


class TestMainContractor:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        rows = read_rows(dataset / "contracts.csv")
        for row in rows:
            row["main_contractor_id"] = "rustpunt" if row["provider_id"] == "opvoedhuis" else ""
        write_rows(dataset / "contracts.csv", rows)
        return dataset

    def test_a_subcontractor_names_its_main_contractor(self, client: FlaskClient) -> None:
        row = by_name(xlsx_rows(download(client, "/zoeken?formaat=xlsx")))["Het Opvoedhuis"]
        assert (row["Rol"], row["Werkt onder hoofdaannemer"]) == ("Onderaannemer", "Rustpunt Jeugd")


# --- Formula injection ---------------------------------------------------------------------


class TestNameThatLooksLikeAFormula:
    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        set_cell(dataset, "providers.csv", 2, "name", INJECTION)
        set_cell(dataset, "providers.csv", 2, "phone", "+31 20 111 2233")
        return dataset

    def test_xlsx_opens_it_as_text(self, client: FlaskClient) -> None:
        response = download(client, "/zoeken?postcode=1011&formaat=xlsx")
        opened = sheet(response)
        header = [cell.value for cell in opened[1]]
        name = opened.cell(2, header.index("Aanbieder") + 1)
        phone = opened.cell(2, header.index("Telefoon") + 1)
        for cell, text in ((name, INJECTION), (phone, "+31 20 111 2233")):
            assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
        with zipfile.ZipFile(io.BytesIO(response.data)) as workbook:
            assert "<f>" not in workbook.read("xl/worksheets/sheet1.xml").decode()

    def test_csv_cell_starts_with_an_apostrophe(self, client: FlaskClient) -> None:
        header, *rows = csv_rows(download(client, "/zoeken?postcode=1011&formaat=csv"))
        rustpunt = dict(zip(header, rows[0], strict=True))
        assert rustpunt["Aanbieder"] == "'" + INJECTION
        assert rustpunt["Telefoon"] == "'+31 20 111 2233"
        assert rows[1][0] == "Het Opvoedhuis"  # untouched


# --- Every page, up to the cap -------------------------------------------------------------


class TestManyProviders:
    """Thirteen providers: two pages of ten on the results page."""

    @pytest.fixture
    def dataset(self, dataset: Path) -> Path:
        for n in range(1, 12):
            add_row(
                dataset,
                "providers.csv",
                provider_id=f"extra{n:02}",
                name=f"Extra Hulp {n:02}",
                languages="nl",
                care_forms="ambulant",
            )
            add_row(
                dataset,
                "contracts.csv",
                region_id="testregio",
                provider_id=f"extra{n:02}",
                segment="B",
                profile_code="P01",
                intensity_code="I1",
                valid_from="2025-01-01",
                valid_to="2027-12-31",
                role="hoofdaannemer",
            )
        return dataset

    NAMES = [f"Extra Hulp {n:02}" for n in range(1, 12)] + ["Het Opvoedhuis", "Rustpunt Jeugd"]

    def test_every_page_is_in_the_file_in_the_chosen_order(
        self, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(exports, "PAGE_SIZE", 4)  # four searches of four, like 100s
        url = "/zoeken?postcode=1011&sortering=name&pagina=2&formaat=xlsx"
        rows = xlsx_rows(download(client, url))
        assert [row["Aanbieder"] for row in rows] == self.NAMES

    def test_a_cut_download_says_so_in_its_last_row(
        self, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(exports, "CAP", 5)
        monkeypatch.setattr(exports, "PAGE_SIZE", 4)
        note = (
            "Alleen de eerste 5 van 13 aanbieders staan in dit bestand. "
            "Kies meer filters voor een kortere lijst."
        )
        rows = xlsx_rows(download(client, "/zoeken?postcode=1011&sortering=name&formaat=xlsx"))
        assert [row["Aanbieder"] for row in rows] == [*self.NAMES[:5], note]
        csv_lines = csv_rows(download(client, "/zoeken?postcode=1011&sortering=name&formaat=csv"))
        assert csv_lines[-1] == [note]
        assert len(csv_lines) == 1 + 5 + 1


# --- The shortlist -------------------------------------------------------------------------


def test_shortlist_download_holds_exactly_its_providers_in_its_order(
    client: FlaskClient,
) -> None:
    url = f"/bewaarlijst?id={OPVOEDHUIS}&id=testregio__bestaat-niet&id={RUSTPUNT}&formaat=xlsx"
    response = download(client, url)
    assert file_name(response) == "jeugdhulpgids-bewaarlijst-testregio-2026-11-22.xlsx"
    rows = xlsx_rows(response)
    assert [row["Aanbieder"] for row in rows] == ["Het Opvoedhuis", "Rustpunt Jeugd"]
    # The same row as in the results download (built by the same code).
    results = by_name(xlsx_rows(download(client, "/zoeken?formaat=xlsx")))
    assert rows[1] == results["Rustpunt Jeugd"]


def test_shortlist_page_links_to_both_downloads(client: FlaskClient) -> None:
    page = get_page(client, f"/bewaarlijst?id={RUSTPUNT}&id={OPVOEDHUIS}")
    links = {a.text: a.attrs["href"] for a in page.root.find(id="downloads").find_all("a")}
    assert links == {
        "Download als Excel (.xlsx)": f"/bewaarlijst?id={RUSTPUNT}&id={OPVOEDHUIS}&formaat=xlsx",
        "Download als CSV": f"/bewaarlijst?id={RUSTPUNT}&id={OPVOEDHUIS}&formaat=csv",
    }
    csv_lines = csv_rows(download(client, links["Download als CSV"]))
    assert [row[0] for row in csv_lines[1:]] == ["Rustpunt Jeugd", "Het Opvoedhuis"]


# --- Links, names and wrong formats --------------------------------------------------------


def test_results_page_links_to_every_page_and_states_the_cap(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?q=angst&pagina=1")
    downloads = page.root.with_class("downloads")[0]
    links = {a.text: a.attrs["href"] for a in downloads.find_all("a")}
    assert links == {
        "Download als Excel (.xlsx)": "/zoeken?q=angst&formaat=xlsx",
        "Download als CSV": "/zoeken?q=angst&formaat=csv",
    }
    assert "Een download bevat alle pagina's, tot 500 aanbieders." in downloads.text


def test_without_a_region_the_file_name_says_all_regions(client: FlaskClient) -> None:
    response = download(client, "/zoeken?q=angst&formaat=csv")
    assert file_name(response) == "jeugdhulpgids-alle-regios-2026-11-22.csv"


def test_a_region_typed_into_the_url_cannot_break_the_file_name(client: FlaskClient) -> None:
    response = download(client, '/zoeken?regio=../"x;y&formaat=csv')
    assert file_name(response) == "jeugdhulpgids-x-y-2026-11-22.csv"


@pytest.mark.parametrize(
    "url", ["/zoeken?q=angst&formaat=pdf", f"/bewaarlijst?id={RUSTPUNT}&formaat=pdf"]
)
def test_an_unknown_format_is_refused_naming_the_right_ones(client: FlaskClient, url: str) -> None:
    page = get_page(client, url)
    assert page.status == 400
    assert page.title.startswith("(1 fout) ")
    summary = page.root.find(class_="error-summary")
    assert "Dit formaat kennen we niet. Kies csv of xlsx." in summary.text
