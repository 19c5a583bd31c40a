"""The professional view (DESIGN.md §11): a switch in the URL, remembered in a cookie, that
shows referrers the codes, the wait for the chosen profile, the tariff with its unit and
where it sits in the region's cost bandwidth; and the bandwidths explainer.

On top of the minimal dataset, Testregio pays three providers for P01 × I1 per trajectory:
Rustpunt the uniform segment-B € 2.450, Kompas Jeugdhulp its own € 2.700 and Het Opvoedhuis
(a subcontractor under Rustpunt) its own € 3.000; P01 × I2 is paid per trajectory to
Rustpunt (€ 6.900) and per year to Kompas (€ 1.200): two units, never one figure.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient

from tests.portal.test_routes import RUSTPUNT
from tests.utils.datasets import add_row, read_rows, write_rows
from tests.utils.html import Node, Page, get_page

PRO = "weergave=professioneel"
KOMPAS = "testregio__kompas"
CONTRACT = {"region_id": "testregio", "valid_from": "2025-01-01", "valid_to": "2027-12-31"}
TARIFF = {"region_id": "testregio", "segment": "C", "valid_from": "2025-01-01"}


@pytest.fixture
def dataset(dataset: Path) -> Path:
    add_row(
        dataset,
        "providers.csv",
        provider_id="kompas",
        name="Kompas Jeugdhulp",
        kvk="11223344",
        agb="94009999",
        description_nl="Hulp bij angst.",
        languages="nl",
        min_age="6",
        max_age="18",
        care_forms="ambulant",
    )
    contracts = read_rows(dataset / "contracts.csv")
    for row in contracts:
        row.setdefault("main_contractor_id", "")
    more = [
        ("kompas", "P01", "I1", "hoofdaannemer", ""),
        ("kompas", "P01", "I2", "hoofdaannemer", ""),
        ("opvoedhuis", "P01", "I1", "onderaannemer", "rustpunt"),
    ]
    for provider, profile, intensity, role, main in more:
        contracts.append(
            CONTRACT
            | {
                "provider_id": provider,
                "segment": "C",
                "profile_code": profile,
                "intensity_code": intensity,
                "role": role,
                "main_contractor_id": main,
            }
        )
    write_rows(dataset / "contracts.csv", contracts)
    for provider, intensity, euros, unit in (
        ("kompas", "I1", "2700.00", "traject"),
        ("opvoedhuis", "I1", "3000.00", "traject"),
        ("kompas", "I2", "1200.00", "jaar"),
    ):
        add_row(
            dataset,
            "tariffs.csv",
            **TARIFF,
            profile_code="P01",
            intensity_code=intensity,
            provider_id=provider,
            tariff_eur=euros,
            unit=unit,
        )
    return dataset


def text(node: Node) -> str:
    """As read, with the non-breaking space of "€ 2.450,00" as a plain one."""
    return node.text.replace("\xa0", " ")


def results_table(page: Page) -> Node:
    tables = page.main.with_class("pro-table--results")
    assert len(tables) == 1
    return tables[0]


def pro_table(page: Page) -> tuple[list[str], dict[str, list[str]]]:
    """The results table: its column headers, and per provider (row header) its cells."""
    table = results_table(page)
    heads = [text(th) for th in table.find("thead").find_all("th")]
    rows = {
        text(tr.find("th")).split(" Testregio")[0]: [text(td) for td in tr.find_all("td")]
        for tr in table.find("tbody").find_all("tr")
    }
    return heads, rows


def is_professional(page: Page) -> bool:
    return bool(page.main.with_class("pro-table--results"))


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url.replace("&amp;", "&")).query)


# --- The switch ------------------------------------------------------------------------------


def test_the_switch_in_the_url_is_remembered_in_a_cookie(client: FlaskClient) -> None:
    response = client.get(f"/zoeken?postcode=1011&{PRO}")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("weergave=professioneel;")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    # The cookie alone keeps the view, on every page with the switch.
    assert is_professional(get_page(client, "/zoeken?postcode=1011"))
    assert get_page(client, "/aanbieders/rustpunt").main.find(
        "section", **{"aria-labelledby": "codes-title"}
    )


def test_switching_back_forgets_the_choice(client: FlaskClient) -> None:
    client.get(f"/zoeken?postcode=1011&{PRO}")
    page = get_page(client, "/zoeken?postcode=1011&weergave=gezin")
    assert not is_professional(page)
    assert page.main.find("ol", class_="results__list")
    assert client.get_cookie("weergave") is None
    assert not is_professional(get_page(client, "/zoeken?postcode=1011"))


def test_the_family_view_is_the_default_and_shows_no_tariffs(client: FlaskClient) -> None:
    page = get_page(client, "/zoeken?postcode=1011&profiel=P01")
    assert not is_professional(page)
    assert "€" not in page.main.text
    assert "Set-Cookie" not in client.get("/zoeken?postcode=1011").headers
    assert "€" not in get_page(client, "/aanbieders/rustpunt").main.text


@pytest.mark.parametrize(
    "path",
    ["/zoeken?q=angst&postcode=1011&profiel=P01", "/aanbieders/rustpunt?regio=testregio"],
)
def test_the_switch_is_a_link_that_keeps_the_other_parameters(
    client: FlaskClient, path: str
) -> None:
    switch = get_page(client, path).main.with_class("view-switch")[0].find("a")
    assert switch.text == "Weergave voor verwijzers: met codes en tarieven"
    wanted = query_of(path) | {"weergave": ["professioneel"]}
    assert query_of(switch.attrs["href"]) == wanted
    back = get_page(client, switch.attrs["href"]).main.with_class("view-switch")[0].find("a")
    assert back.text == "Terug naar de weergave voor gezinnen"
    assert query_of(back.attrs["href"]) == query_of(path) | {"weergave": ["gezin"]}


# --- The results table -----------------------------------------------------------------------


def test_the_table_has_codes_tariffs_and_their_place_in_the_bandwidth(
    client: FlaskClient,
) -> None:
    page = get_page(client, f"/zoeken?postcode=1011&profiel=P01&intensiteit=I1&{PRO}")
    heads, rows = pro_table(page)
    assert heads == [
        "Aanbieder",
        "Profiel en intensiteit",
        "Segment",
        "Rol",
        "Wachttijd",
        "Tarief",
        "Afstand",
        "Doelen bereikt",
        "Te vroeg gestopt",
        "Tevredenheid",
    ]
    assert set(rows) == {"Rustpunt Jeugd", "Kompas Jeugdhulp", "Het Opvoedhuis"}
    choose, codes, segment, role, wait, tariff, distance, goals, dropout, satisfaction = rows[
        "Rustpunt Jeugd"
    ]
    assert choose == "Kies Rustpunt Jeugd"
    assert codes == "P01 Angst en somberheid: I1 Kort, I2 Lang"
    assert (segment, role) == ("B", "Hoofdaannemer")
    assert wait == "Algemene wachttijd: 3 weken (nagekeken op 1 november 2026)"
    assert tariff == "€ 2.450,00 per traject bandbreedte: laagste"
    assert distance == "0,4 km"
    assert (goals, dropout) == ("78,5%", "8%")
    assert satisfaction == "jongeren: 7,9 ouders: 8,1"
    assert rows["Kompas Jeugdhulp"][5] == "€ 2.700,00 per traject bandbreedte: mediaan"
    assert rows["Kompas Jeugdhulp"][7] == "Geen cijfers"
    opvoedhuis = rows["Het Opvoedhuis"]
    # Only the chosen profile's codes, and how many others there are.
    assert opvoedhuis[1] == "P01 Angst en somberheid: I1 Kort en 1 ander profiel"
    assert opvoedhuis[2] == "B, C"
    assert opvoedhuis[5] == "€ 3.000,00 per traject bandbreedte: hoogste"
    # Each row keeps its checkbox for compare and the shortlist.
    boxes = results_table(page).find_all("input", name="id")
    assert sorted(box.attrs["value"] for box in boxes) == sorted(
        [RUSTPUNT, KOMPAS, "testregio__opvoedhuis"]
    )
    link = [a for a in page.main.find_all("a") if a.text == "Uitleg over tarieven en bandbreedtes"]
    assert query_of(link[0].attrs["href"]) == {"regio": ["testregio"]}


def test_a_subcontractor_names_its_main_contractor(client: FlaskClient) -> None:
    page = get_page(client, f"/zoeken?postcode=1011&profiel=P01&{PRO}")
    role = pro_table(page)[1]["Het Opvoedhuis"][3]
    assert role == "Onderaannemer Werkt onder: Rustpunt Jeugd"


def test_several_tariffs_each_carry_their_codes_and_units(client: FlaskClient) -> None:
    rows = pro_table(get_page(client, f"/zoeken?postcode=1011&profiel=P01&{PRO}"))[1]
    assert rows["Kompas Jeugdhulp"][5] == (
        "P01/I1 € 2.700,00 per traject bandbreedte: mediaan "
        "P01/I2 € 1.200,00 per jaar bandbreedte: enige tarief"
    )


def test_without_a_chosen_profile_the_table_asks_for_one(client: FlaskClient) -> None:
    rows = pro_table(get_page(client, f"/zoeken?postcode=1011&{PRO}"))[1]
    assert {cells[5] for cells in rows.values()} == {"Kies een soort hulp om het tarief te zien."}


def test_the_wait_is_the_chosen_profile_s_with_its_date(client: FlaskClient) -> None:
    rows = pro_table(get_page(client, f"/zoeken?postcode=1011&profiel=P02&{PRO}"))[1]
    assert rows["Het Opvoedhuis"][4] == (
        "Wachttijd voor Opvoeden: 8 weken (nagekeken op 1 oktober 2026)"
    )


def test_column_headers_sort_the_table(client: FlaskClient) -> None:
    page = get_page(client, f"/zoeken?postcode=1011&profiel=P01&sortering=name&pagina=1&{PRO}")
    heads = results_table(page).find("thead").find_all("th")
    links = {th.text: th.find("a").attrs["href"] for th in heads if th.find_all("a")}
    assert {name: query_of(url)["sortering"] for name, url in links.items()} == {
        "Aanbieder": ["name"],
        "Wachttijd": ["wait"],
        "Afstand": ["distance"],
        "Doelen bereikt": ["goal_attainment"],
    }
    assert query_of(links["Wachttijd"]) == {
        "postcode": ["1011"],
        "profiel": ["P01"],
        "sortering": ["wait"],
        "weergave": ["professioneel"],
    }
    assert [(th.text, th.attrs["aria-sort"]) for th in heads if "aria-sort" in th.attrs] == [
        ("Aanbieder", "ascending")
    ]
    assert list(pro_table(page)[1]) == ["Het Opvoedhuis", "Kompas Jeugdhulp", "Rustpunt Jeugd"]
    by_goals = get_page(client, links["Doelen bereikt"])
    sorted_on = by_goals.main.find("th", **{"aria-sort": "descending"})
    assert sorted_on.text == "Doelen bereikt"
    first, *_without_figures = pro_table(by_goals)[1]
    assert first == "Rustpunt Jeugd"


def test_without_a_postcode_there_is_no_distance_column(client: FlaskClient) -> None:
    heads = pro_table(get_page(client, f"/zoeken?q=angst&{PRO}"))[0]
    assert "Afstand" not in heads


# --- Provider page and compare ---------------------------------------------------------------


def codes_table(page: Page) -> list[list[str]]:
    section = page.main.find("section", **{"aria-labelledby": "codes-title"})
    body = section.find("table").find("tbody")
    return [
        [text(cell) for cell in tr.children if isinstance(cell, Node)] for tr in body.find_all("tr")
    ]


def test_provider_page_shows_each_contract_against_the_region_s_bandwidth(
    client: FlaskClient,
) -> None:
    rows = codes_table(get_page(client, f"/aanbieders/opvoedhuis?{PRO}"))
    assert rows == [
        [
            "P01 Angst en somberheid",
            "I1 Kort",
            "C",
            "Onderaannemer Werkt onder: Rustpunt Jeugd",
            "€ 3.000,00 per traject",
            "€ 2.450,00 – € 2.700,00 – € 3.000,00 per traject 3 aanbieders",
            "hoogste",
        ],
        [
            "P02 Opvoeden",
            "I1 Kort",
            "B",
            "Onderaannemer",
            "€ 1.800,00 per traject",
            "€ 1.800,00 per traject één tarief voor iedereen 1 aanbieder",
            "enige tarief",
        ],
    ]


def test_provider_page_shows_a_uniform_tariff_as_one_figure(client: FlaskClient) -> None:
    rows = codes_table(get_page(client, f"/aanbieders/rustpunt?{PRO}"))
    assert rows[1][1:] == [
        "I2 Lang",
        "B",
        "Hoofdaannemer",
        "€ 6.900,00 per traject",
        "€ 6.900,00 per traject één tarief voor iedereen 1 aanbieder",
        "enige tarief",
    ]


def test_compare_adds_codes_roles_and_tariffs_for_the_chosen_profile(
    client: FlaskClient,
) -> None:
    page = get_page(client, f"/vergelijken?id={RUSTPUNT}&id={KOMPAS}&profiel=P01&{PRO}")
    rows: dict[str, list[str]] = {}
    for row in page.main.with_class("compare-card__row"):
        rows.setdefault(text(row.find("dt")), []).append(text(row.find("dd")))
    assert rows["Segment"] == ["B", "C"]
    assert rows["Rol"] == ["Hoofdaannemer", "Hoofdaannemer"]
    assert rows["Tarief voor de gekozen hulp"] == [
        "P01/I1 € 2.450,00 per traject P01/I2 € 6.900,00 per traject",
        "P01/I1 € 2.700,00 per traject P01/I2 € 1.200,00 per jaar",
    ]
    position = "Plaats in de bandbreedte Uitleg over tarieven en bandbreedtes"
    assert rows[position] == [
        "P01/I1 laagste P01/I2 enige tarief",
        "P01/I1 mediaan P01/I2 enige tarief",
    ]
    family = get_page(client, f"/vergelijken?id={RUSTPUNT}&id={KOMPAS}&weergave=gezin")
    assert "Segment" not in family.main.text


# --- The explainer ---------------------------------------------------------------------------


def test_the_explainer_lists_each_bandwidth_of_one_unit(client: FlaskClient) -> None:
    page = get_page(client, "/voor-verwijzers/tarieven?regio=testregio")
    assert page.status == 200
    assert page.title == "Tarieven en bandbreedtes – Jeugdhulpgids"
    body = page.main.find("table", class_="pro-table").find("tbody")
    rows = [
        [text(cell) for cell in tr.children if isinstance(cell, Node)] for tr in body.find_all("tr")
    ]
    assert rows == [
        [
            "P01 Angst en somberheid",
            "I1 Kort",
            "per traject",
            "€ 2.450,00",
            "€ 2.700,00",
            "€ 3.000,00",
            "3",
        ],
        # Two units for one profile × intensity: two rows, never one figure.
        [
            "P01 Angst en somberheid",
            "I2 Lang",
            "per traject",
            "€ 6.900,00 één tarief voor iedereen",
            "1",
        ],
        [
            "P01 Angst en somberheid",
            "I2 Lang",
            "per jaar",
            "€ 1.200,00 één tarief voor iedereen",
            "1",
        ],
        ["P02 Opvoeden", "I1 Kort", "per traject", "€ 1.800,00 één tarief voor iedereen", "1"],
    ]


def test_the_explainer_of_an_unknown_region_is_not_found(client: FlaskClient) -> None:
    page = get_page(client, "/voor-verwijzers/tarieven?regio=bestaat-niet")
    assert page.status == 404
    assert "Deze regio staat niet in de gids." in page.main.text
