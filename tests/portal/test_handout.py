"""The family handout: a shortlist as one page in the family's language, in plain words,
without codes or tariffs, with the family's local team and a QR code that opens the same
list on a phone (DESIGN.md §11). Printing it to PDF is the browser journey's job."""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from flask.testing import FlaskClient

from portal.i18n import AUTONYMS
from tests.conftest import require
from tests.portal.test_routes import OPVOEDHUIS, RUSTPUNT
from tests.utils.datasets import read_rows, write_rows
from tests.utils.html import Node, Page, get_page

PUBLIC = "https://jeugdhulpgids.example"
BOTH = f"id={RUSTPUNT}&id={OPVOEDHUIS}"
HANDOUT = f"/bewaarlijst/uitdeelblad?{BOTH}"
RUSTPUNT_TR = "Kaygısı olan çocuklara yardım ediyoruz."
# What a family must never see on the handout: profile and intensity codes, segments,
# contractor roles, tariffs (the minimal dataset's are 2450, 6900 and 1800 euro).
CODES = re.compile(r"\b[PI]\d{1,2}\b|€|tarie|segment|aannemer|2\.?450|6\.?900|1\.?800", re.I)


@pytest.fixture
def dataset(dataset: Path) -> Path:
    """Rustpunt describes itself in Turkish too; Het Opvoedhuis only in Dutch."""
    path = dataset / "providers.csv"
    rows = read_rows(path)
    for row in rows:
        row["description_tr"] = RUSTPUNT_TR if row["provider_id"] == "rustpunt" else ""
    write_rows(path, rows)
    return dataset


@pytest.fixture
def app_config(app_config: dict[str, Any]) -> dict[str, Any]:
    """With the portal's public address, as in production: the QR code holds a full link."""
    return {**app_config, "public_url": PUBLIC}


def provider(page: Page, name: str) -> Node:
    found = [li for li in page.root.with_class("handout__provider") if li.find("h2").text == name]
    assert len(found) == 1, f"expected {name} once on the handout"
    return found[0]


def handout(client: FlaskClient, **args: str) -> Page:
    return get_page(client, f"{HANDOUT}&{urlencode(args)}")


# --- In the family's language, in plain words ------------------------------------------


def test_in_turkish_with_what_each_provider_does_phone_address_and_wait(
    client: FlaskClient,
) -> None:
    page = handout(client, lang="tr", postcode="1011")
    assert page.status == 200
    assert '<html lang="tr" dir="ltr">' in page.html
    rustpunt = provider(page, "Rustpunt Jeugd")
    assert RUSTPUNT_TR in rustpunt.text
    assert "Telefon 020-1112233" in rustpunt.text
    assert rustpunt.find("a", href="tel:0201112233")
    assert "Damrak 1, 1011 AB Amsterdam" in rustpunt.text
    assert "3 hafta (1 Kasım 2026 tarihinde kontrol edildi)" in rustpunt.text
    assert "Diller Felemenkçe ve İngilizce" in rustpunt.text
    # No Turkish text of its own: the Dutch one, marked so a screen reader says it right.
    opvoedhuis = provider(page, "Het Opvoedhuis")
    assert opvoedhuis.find("p", lang="nl").text == "Steun bij opvoeden."
    assert "Stadsplein 5, 1181 ZM Amstelveen" in opvoedhuis.text


def test_arabic_reads_right_to_left_with_numbers_left_to_right(client: FlaskClient) -> None:
    page = handout(client, lang="ar")
    assert page.status == 200
    assert '<html lang="ar" dir="rtl">' in page.html
    phone = provider(page, "Rustpunt Jeugd").find("a", href="tel:0201112233")
    assert phone.attrs["dir"] == "ltr"
    link = page.main.find("div", class_="handout__link").find("p", dir="ltr").find("a")
    assert link.text.startswith(f"{PUBLIC}/bewaarlijst?")


@pytest.mark.parametrize("lang", list(AUTONYMS))
def test_no_codes_or_tariffs_in_any_language(client: FlaskClient, lang: str) -> None:
    page = handout(client, lang=lang, postcode="1011", profiel="P02")
    assert page.status == 200
    assert not CODES.findall(page.main.text)


def test_the_wait_is_the_one_for_the_chosen_help(client: FlaskClient) -> None:
    """Het Opvoedhuis published a wait for parenting help (P02) only; Rustpunt a general one.
    A referrer who chose anxiety help (P01) passes that choice on to the handout."""
    unchosen = handout(client, lang="nl")
    assert (
        "Wachttijd: 3 weken (nagekeken op 1 november 2026)"
        in provider(unchosen, "Rustpunt Jeugd").text
    )
    assert (
        "Wachttijd voor Opvoeden: 8 weken (nagekeken op 1 oktober 2026)"
        in provider(unchosen, "Het Opvoedhuis").text
    )
    chosen = handout(client, lang="nl", profiel="P01")
    assert "Algemene wachttijd: 3 weken" in provider(chosen, "Rustpunt Jeugd").text
    assert "Wachttijd: Onbekend: bel de aanbieder" in provider(chosen, "Het Opvoedhuis").text


def test_what_happens_at_a_first_call(client: FlaskClient) -> None:
    section = handout(client, lang="nl").main.find("section", class_="handout__first-call")
    assert section.find("h2").text == "Wat gebeurt er als u belt?"
    assert "Zij vertellen wanneer de hulp kan beginnen." in section.text
    assert "U hoeft nog niets mee te nemen of op te sturen." in section.text


# --- The family's local team ------------------------------------------------------------


@pytest.mark.parametrize(
    ("postcode", "team", "phone"),
    [
        ("1011", "Ouder- en Kindteam Centrum", "020-1234567"),
        ("1181 zm", "Wijkteam Amstelveen", "020-7654321"),  # serves its whole municipality
    ],
)
def test_the_local_team_for_the_familys_postcode(
    client: FlaskClient, postcode: str, team: str, phone: str
) -> None:
    page = handout(client, lang="nl", postcode=postcode)
    section = page.main.find("section", class_="first-help")
    assert section.find("h2").text == "Uw lokale team"
    assert [h.text for h in section.find_all("h3")] == [team]
    assert phone in section.text


def test_without_a_postcode_no_team_but_where_to_ask(client: FlaskClient) -> None:
    page = handout(client, lang="nl")
    assert not page.main.with_class("first-help")
    assert "Het lokale team in uw gemeente helpt u." in page.main.text


# --- The link and the QR code ------------------------------------------------------------


def rasterise(svg: Node, scale: int = 6) -> bytes:
    """The page's own QR code as a PBM picture, which zbarimg reads. segno draws a white
    square, then the dark modules as one path of horizontal unit strokes on half rows
    (`M4 4.5h7m2 0h1m-33 1h…`): a stroke from x on row y darkens columns x … x+n-1."""
    _x, _y, width, height = (int(v) for v in svg.attrs["viewbox"].split())  # HTML lowercases
    paths = svg.find_all("path")
    assert paths[0].attrs == {"fill": "#fff", "d": f"M0 0h{width}v{height}h-{width}z"}
    d = next(p for p in paths if p.attrs.get("stroke") == "#000").attrs["d"]
    assert set(re.findall(r"[A-Za-z]", d)) <= {"M", "m", "h"}, "an unexpected path command"
    dark: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", d):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            dark |= {(column, int(y)) for column in range(int(x), int(x + float(first)))}
            x += float(first)
    size = (width * scale, height * scale)
    rows = [
        " ".join("1" if (px // scale, py // scale) in dark else "0" for px in range(size[0]))
        for py in range(size[1])
    ]
    return f"P1\n{size[0]} {size[1]}\n".encode() + "\n".join(rows).encode()


def test_the_qr_code_opens_the_same_list_in_the_familys_language(
    client: FlaskClient, tmp_path: Path
) -> None:
    require(shutil.which("zbarimg") is not None, "zbarimg missing (apt-get install zbar-tools)")
    page = handout(client, lang="tr", postcode="1011")
    svg = page.main.find("svg", role="img")
    assert svg.attrs["aria-label"]  # the picture is named for screen readers
    picture = tmp_path / "qr.pbm"
    picture.write_bytes(rasterise(svg))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == f"{PUBLIC}/bewaarlijst?{BOTH}&lang=tr"
    assert page.main.find("a", href=decoded).text == decoded  # printed as text, too
    # On the phone: the list, in Turkish.
    url = urlsplit(decoded)
    phone = get_page(client, f"{url.path}?{url.query}")
    assert '<html lang="tr" dir="ltr">' in phone.html
    names = [item.find("h2").text for item in phone.root.with_class("shortlist__item")]
    assert names == ["Rustpunt Jeugd", "Het Opvoedhuis"]


# --- From the shortlist, and back ---------------------------------------------------------


def test_the_shortlist_form_opens_the_handout(client: FlaskClient) -> None:
    shortlist = get_page(client, f"/bewaarlijst?{BOTH}")
    form = shortlist.main.find("form", action="/bewaarlijst/uitdeelblad")
    assert form.attrs["method"] == "get"
    hidden = [i.attrs["value"] for i in form.find_all("input", type="hidden", name="id")]
    assert hidden == [RUSTPUNT, OPVOEDHUIS]
    options = form.find("select", name="lang").find_all("option")
    assert [o.attrs["value"] for o in options] == list(AUTONYMS)
    assert [o.text for o in options] == list(AUTONYMS.values())  # each named in itself
    query = [("id", v) for v in hidden] + [("lang", "tr"), ("postcode", "1011")]
    page = get_page(client, f"{form.attrs['action']}?{urlencode(query)}")
    assert page.status == 200
    assert "Ouder- en Kindteam Centrum" in page.main.text


def test_the_referrer_keeps_their_own_language(client: FlaskClient) -> None:
    """A handout in Turkish is for the family: the line above it is in the referrer's
    language, and the referrer's next pages stay in it (Turkish is not remembered)."""
    page = handout(client, lang="tr")
    line = page.main.find("p", class_="handout__referrer no-print")
    assert line.attrs["lang"] == "nl"
    assert line.text.startswith("Dit uitdeelblad is in het Turks.")
    back = line.find("a")
    assert back.text == "Terug naar de bewaarlijst"
    assert '<html lang="nl" dir="ltr">' in get_page(client, back.attrs["href"]).html
    assert '<html lang="nl" dir="ltr">' in get_page(client, "/").html


def test_the_handout_has_its_own_print_stylesheet(client: FlaskClient) -> None:
    page = handout(client, lang="nl")
    sheets = [link.attrs["href"] for link in page.root.find_all("link", rel="stylesheet")]
    # Under its fingerprinted name once `make static` ran (portal/delivery.py), else plain.
    sheet = next(s for s in sheets if re.fullmatch(r"/static/css/handout(-[0-9a-f]{32})?\.css", s))
    with client.get(sheet) as response:
        assert response.status_code == 200
        assert re.search(r"@page\s*{\s*size:\s*A4", response.get_data(as_text=True))
    shortlist = get_page(client, f"/bewaarlijst?{BOTH}")
    assert "handout.css" not in shortlist.html


# --- What cannot be handed out ------------------------------------------------------------


def test_an_unknown_language_names_the_six_it_can_be(client: FlaskClient) -> None:
    page = handout(client, lang="de")
    assert page.status == 400
    assert page.title == "(1 fout) Uitdeelblad voor het gezin – Jeugdhulpgids"
    summary = page.main.find(class_="error-summary")
    assert "Deze taal kennen we niet." in summary.text
    named = {b.attrs["lang"]: b.text for b in summary.find_all("bdi")}
    assert named == AUTONYMS
    assert not page.main.find_all("svg")


@pytest.mark.parametrize(
    ("query", "message", "back"),
    [
        ("", "Er staan geen aanbieders op dit uitdeelblad.", "/bewaarlijst"),
        ("id=testregio__weg", "Er staan geen aanbieders op dit uitdeelblad.", None),
        (f"{BOTH}&postcode=25l2", "Vul een postcode in met 4 cijfers, zoals 1011.", None),
        (f"{BOTH}&postcode=9999", "Voor postcode 9999 kennen we geen lokaal team.", None),
    ],
    ids=["no-ids", "unknown-id", "bad-postcode", "no-team"],
)
def test_what_cannot_be_handed_out_is_explained_with_a_way_back(
    client: FlaskClient, query: str, message: str, back: str | None
) -> None:
    page = get_page(client, f"/bewaarlijst/uitdeelblad?{query}&lang=nl")
    assert page.status == 400
    summary = page.main.find(class_="error-summary")
    assert summary.attrs["role"] == "alert"
    assert message in summary.text
    link = summary.find("a")
    assert link.text == "Terug naar de bewaarlijst"
    ids = "&".join(part for part in query.split("&") if part.startswith("id="))
    assert link.attrs["href"] == (back or f"/bewaarlijst?{ids}")
    assert not page.main.find_all("svg")
