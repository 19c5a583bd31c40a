"""The explainers (profiles, intensities, outcomes) and the two statements (public/pages.py)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.dates import format_date
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from indexer.models import OutcomeNorm, Profile, Region
from indexer.schemes import localized
from portal.public import pages

PAGES = [
    ("/uitleg/profielen", "Wat voor hulp is er?"),
    ("/uitleg/intensiteiten", "Hoeveel hulp is nodig?"),
    ("/uitleg/resultaten", "Wat zeggen de resultaten?"),
    ("/toegankelijkheid", "Toegankelijkheidsverklaring"),
    ("/privacy", "Privacyverklaring"),
]


@pytest.fixture
def app(app: Flask) -> Flask:
    """The conftest app, with this blueprint registered until create_app does it."""
    if "pages" not in app.blueprints:
        app.register_blueprint(pages.blueprint)
    return app


def change_profile(engine: Engine, code: str, **texts: dict[str, str]) -> None:
    with Session(engine) as session:
        profile = session.get(Profile, ("testregio", code))
        for attribute, value in texts.items():
            setattr(profile, attribute, value)
        session.add(profile)
        session.commit()


def main_html(client: FlaskClient, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_basics(client: FlaskClient, path: str, title: str) -> None:
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(rf"<title>{re.escape(title)} – Jeugdhulpgids</title>", html)
    assert html.count("<h1") == 1
    assert f"<h1>{title}</h1>" in html
    assert '<html lang="nl" dir="ltr">' in html
    assert 'href="#main"' in html
    # Strict CSP: nothing inline; and no untranslated template syntax left over.
    assert "<script" not in html
    assert "style=" not in html
    assert "{%" not in html
    assert "%(" not in html


def test_paragraphs_go_through_trans_blocks(client: FlaskClient) -> None:
    html = main_html(client, "/uitleg/intensiteiten")
    assert "Dit heet de intensiteit van de hulp." in html
    assert "Het probleem is duidelijk en gaat vooral over één ding." in html


def test_profiles_of_every_region_with_search_links(client: FlaskClient) -> None:
    html = main_html(client, "/uitleg/profielen")
    assert '<h2 id="regio-testregio">Testregio</h2>' in html
    assert '<h3 id="profiel-testregio-P01">Angst en somberheid</h3>' in html
    assert "<p>Hulp bij opvoeden</p>" in html
    links = re.findall(r'<a href="([^"]+)" aria-describedby="profiel-testregio-(P\d+)">', html)
    assert [code for _, code in links] == ["P01", "P02"]
    url = urlsplit(links[0][0].replace("&amp;", "&"))
    assert url.path == "/zoeken"
    assert parse_qs(url.query) == {"regio": ["testregio"], "profiel": ["P01"]}


def test_region_chooser_is_a_labelled_get_form(client: FlaskClient) -> None:
    html = main_html(client, "/uitleg/profielen?regio=testregio&lang=en")
    assert (
        '<form class="region-chooser" method="get" action="/uitleg/profielen" novalidate>' in html
    )
    assert '<label class="field__label" for="regio">' in html
    assert 'aria-describedby="regio-hint"' in html
    assert '<option value="testregio" selected>Testregio</option>' in html
    assert '<input type="hidden" name="lang" value="en">' in html
    # The other explainers keep the region and the language.
    assert 'href="/uitleg/intensiteiten?lang=en&amp;regio=testregio"' in html


def test_unknown_region_is_a_404_with_the_chooser(client: FlaskClient) -> None:
    response = client.get("/uitleg/profielen?regio=bestaat-niet")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Deze regio staat niet in de gids." in html
    assert '<select class="field__select" id="regio" name="regio"' in html


def test_many_regions_show_a_list_instead_of_every_scheme(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "ALL_REGIONS_LIMIT", 0)
    html = main_html(client, "/uitleg/profielen")
    assert "Angst en somberheid" not in html
    assert '<a href="/uitleg/profielen?regio=testregio">Testregio</a>' in html


def test_profile_names_are_escaped(client: FlaskClient, sqlite_engine: Engine) -> None:
    change_profile(sqlite_engine, "P01", names={"nl": "Angst <b>en</b> somberheid"})
    html = main_html(client, "/uitleg/profielen")
    assert "Angst &lt;b&gt;en&lt;/b&gt; somberheid" in html
    assert "<b>" not in html


def test_dutch_fallback_is_marked(client: FlaskClient, sqlite_engine: Engine) -> None:
    change_profile(
        sqlite_engine, "P02", names={"nl": "Opvoeden"}, descriptions={"nl": "Hulp bij opvoeden"}
    )
    html = main_html(client, "/uitleg/profielen?lang=en")
    assert '<h3 id="profiel-testregio-P01">Anxiety and low mood</h3>' in html
    assert '<h3 id="profiel-testregio-P02" lang="nl">Opvoeden</h3>' in html
    assert '<p lang="nl">Hulp bij opvoeden</p>' in html
    # Right-to-left pages also set the direction of a Dutch passage.
    html = main_html(client, "/uitleg/profielen?lang=ar")
    assert '<h3 id="profiel-testregio-P02" lang="nl" dir="ltr">Opvoeden</h3>' in html


def test_intensities_in_order(client: FlaskClient) -> None:
    html = main_html(client, "/uitleg/intensiteiten")
    assert re.findall(r"<h3>(\w+)</h3>", html) == ["Kort", "Lang"]
    assert "<p>Een paar weken</p>" in html


def norm_rows(html: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    return [
        re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row)
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_norms_table(client: FlaskClient) -> None:
    html = main_html(client, "/uitleg/resultaten?regio=testregio")
    assert "<caption>Normen in Testregio</caption>" in html
    assert norm_rows(html) == [["Kort", "70%", "15%", "7,0"], ["Lang", "65%", "20%", "7,0"]]
    assert "minstens 10 trajecten of antwoorden" in html
    english = main_html(client, "/uitleg/resultaten?regio=testregio&lang=en")
    assert norm_rows(english)[0] == ["Short", "70%", "15%", "7.0"]


def test_missing_norm_and_singular_minimum(client: FlaskClient, sqlite_engine: Engine) -> None:
    with Session(sqlite_engine) as session:
        session.delete(session.get(OutcomeNorm, ("testregio", "I2")))
        region = session.exec(select(Region)).one()
        region.min_outcome_count = 1
        session.add(region)
        session.commit()
    html = main_html(client, "/uitleg/resultaten")
    assert norm_rows(html)[1] == ["Lang", "geen norm", "geen norm", "geen norm"]
    assert "minstens 1 traject of antwoord gaat" in html


def test_statements_name_contact_and_date(client: FlaskClient) -> None:
    html = main_html(client, "/toegankelijkheid")
    assert "Status: eerste maatregelen genomen (C)" in html
    assert "axe-core" in html
    assert 'href="mailto:toegankelijkheid@jeugdhulpgids.example"' in html
    assert format_date(pages.STATEMENT_DATE, "long", locale="nl") in html  # 22 november 2026
    html = main_html(client, "/privacy")
    assert "Uw zoekwoorden en uw postcode staan niet in onze logboeken." in html
    assert 'href="mailto:privacy@jeugdhulpgids.example"' in html


@pytest.mark.parametrize(
    ("texts", "locale", "expected"),
    [
        ({"nl": "Opvoeden", "en": "Parenting"}, "en", ("Parenting", "en")),
        ({"nl": "Opvoeden", "en": "Parenting"}, "en_GB", ("Parenting", "en")),
        ({"nl": "Opvoeden", "en": ""}, "en", ("Opvoeden", "nl")),
        ({"nl": "Opvoeden"}, "ar", ("Opvoeden", "nl")),
        ({"en": "Parenting"}, "tr", ("Parenting", "en")),
        ({}, "en", ("", "nl")),
    ],
)
def test_localized_falls_back_to_dutch(texts: dict, locale: str, expected: tuple) -> None:
    assert localized(texts, locale) == expected
