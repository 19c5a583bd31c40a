"""Plain Dutch (B1) where families read (issue 11): words a parent did not know are gone from
the pages where they stood, and the explainer says in words what segments B and C mean.

Fixture facts used here: Rustpunt Jeugd offers segment B help and published figures over 64
finished trajectories; Het Opvoedhuis has a figure over too few (tests/fixtures/minimal).
"""

import pytest
from flask.testing import FlaskClient

from tests.utils.html import get_page

# Jargon that stood on the provider page; what replaced it is asserted elsewhere
# (test_provider_page.py, test_intensity_outcomes.py).
PROVIDER_JARGON = ("afgesloten traject", "Specialistische hulp", "(B)", "(C)", "segment")


@pytest.mark.parametrize("provider", ["rustpunt", "opvoedhuis"])
def test_a_provider_page_speaks_plain_dutch(client: FlaskClient, provider: str) -> None:
    text = get_page(client, f"/aanbieders/{provider}").main.text
    assert [word for word in PROVIDER_JARGON if word in text] == []


def test_a_provider_page_says_it_has_a_contract_in_plain_words(client: FlaskClient) -> None:
    text = get_page(client, "/aanbieders/rustpunt").main.text
    assert "Gecontracteerd" not in text
    assert "Heeft een contract met de regio Testregio" in text
    assert "norm van de regio" not in text and "Cijfers over" not in text


def test_the_explainer_says_what_b_and_c_mean(client: FlaskClient) -> None:
    text = get_page(client, "/uitleg/intensiteiten").main.text
    assert "Hulp bij één duidelijk probleem" in text
    assert "In brieven heet dit specialistische hulp, of segment B." in text
    assert "Hulp bij veel zware problemen tegelijk" in text
    assert "In brieven heet dit hoog-specialistische hulp, of segment C." in text


def test_the_privacy_page_says_what_the_authority_does(client: FlaskClient) -> None:
    text = get_page(client, "/privacy").main.text
    assert "toezichthouder" not in text
    assert "let erop dat iedereen in Nederland zich aan de regels voor privacy houdt" in text
