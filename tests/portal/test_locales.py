"""Every page type in every language: the right lang and dir, and no Dutch interface text
left over (provider content aside, which falls back to Dutch marked lang="nl")."""

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

TRANSLATIONS = Path(__file__).parents[2] / "translations"
LOCALES = {"en": "ltr", "tr": "ltr", "ar": "rtl", "pl": "ltr", "uk": "ltr"}
PAGES = [
    "/",
    "/zoeken?q=angst&postcode=1011",
    "/zoeken?q=xyzzyq&postcode=1011",
    "/zoeken?postcode=abcd",
    "/aanbieders/rustpunt?regio=testregio",
    "/vergelijken?id=testregio__rustpunt&id=testregio__opvoedhuis",
    "/bewaarlijst?id=testregio__rustpunt",
    "/uitleg/profielen",
    "/uitleg/intensiteiten",
    "/uitleg/resultaten",
    "/toegankelijkheid",
    "/privacy",
    "/bestaat-niet",
]


def dutch_sentences(locale: str) -> list[str]:
    """Dutch source strings long enough to be unmistakable, whose translation differs."""
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale=locale)
    found = []
    for message in catalogue:
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        translated = message.string[0] if isinstance(message.string, tuple) else message.string
        text = re.split(r"%\(\w+\)[sd]", source)[0].strip()
        if message.id and len(text) >= 16 and translated and text not in translated:
            found.append(text)
    return found


def visible_text(page: str) -> str:
    """Text a reader sees, without passages marked as Dutch provider or region content."""
    page = re.sub(r"<(\w+)[^>]*\blang=\"nl\"[^>]*>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("path", PAGES)
def test_page_in_every_language(client: FlaskClient, path: str, locale: str) -> None:
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}lang={locale}")
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400, 404)
    assert f'<html lang="{locale}" dir="{LOCALES[locale]}">' in page
    text = " ".join(visible_text(page).split())
    leaked = [dutch for dutch in dutch_sentences(locale) if dutch in text]
    assert leaked == []


def test_spoken_languages_are_in_the_readers_alphabetical_order(client: FlaskClient) -> None:
    """Turkish sorts "İngilizce" among the I's, not after "Türkçe" as code points would."""
    page = client.get("/zoeken?postcode=1011&lang=tr").get_data(as_text=True)
    filters = re.findall(r'name="taal"\s+value="(\w+)"', page)
    assert filters == ["nl", "en", "tr"]  # Felemenkçe, İngilizce, Türkçe


@pytest.mark.parametrize("path", ["/", "/zoeken?postcode=1011", "/bestaat-niet"])
def test_a_page_says_it_differs_by_language_for_shared_caches(
    client: FlaskClient, path: str
) -> None:
    """The same URL is Dutch for one family and Arabic for another (their cookie or their
    browser's languages): a cache in between must keep them apart."""
    english = client.get(path, headers={"Accept-Language": "en"})
    assert '<html lang="en"' in english.get_data(as_text=True)
    assert {"Accept-Language", "Cookie"} <= set(english.vary)


def test_a_stylesheet_does_not_differ_by_language(client: FlaskClient) -> None:
    response = client.get("/static/css/site.css")
    response.close()
    assert response.status_code == 200
    assert "Accept-Language" not in response.vary
