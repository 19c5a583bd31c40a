"""A place typed among the words, read against the demo data: a postcode, a municipality or
town (misspelt, in another language, with a Turkish case ending), and the words left to
search. Numbers and words that are no place stay words."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from indexer.models import Postcode
from indexer.search.place_words import place_in_words
from tests.relevance.harness import DEMO
from tests.utils.loading import fresh_engine, load


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The demo data, loaded once: these tests only read it."""
    engine = fresh_engine(tmp_path_factory.mktemp("places") / "store.db")
    assert load(engine, DEMO).ok
    yield engine
    engine.dispose()


@pytest.fixture
def session(demo_store: Engine) -> Iterator[Session]:
    with Session(demo_store) as session:
        yield session


@pytest.mark.parametrize(
    ("typed", "name", "rest", "region_id"),
    [
        ("1102", "1102", "", "amsterdam-amstelland"),
        ("2712 AB", "2712", "", "haaglanden"),
        ("2712ab angst", "2712", "angst", "haaglanden"),
        # "en" is the Dutch word "and" here, not the letters of the postcode.
        ("1102 en angst", "1102", "en angst", "amsterdam-amstelland"),
    ],
)
def test_a_postcode_among_the_words_is_the_place(
    session: Session, typed: str, name: str, rest: str, region_id: str
) -> None:
    found = place_in_words(session, typed)
    assert found is not None
    assert (found.name, found.rest, found.is_postcode) == (name, rest, True)
    assert (found.place.pc4, found.place.region_id) == (name, region_id)


@pytest.mark.parametrize(
    ("typed", "name", "rest", "region_id"),
    [
        ("Diemen", "Diemen", "", "amsterdam-amstelland"),
        ("angst dimen", "Diemen", "angst", "amsterdam-amstelland"),  # one letter missing
        ("Lahey'de otizm", "Den Haag", "otizm", "haaglanden"),  # Turkish: "in The Hague"
        ("Гаага тривога", "Den Haag", "тривога", "haaglanden"),  # Ukrainian
        ("zaandam", "Zaanstad", "", "zaanstreek-waterland"),  # a town of the municipality
        ("Leidschendam-Voorburg adhd", "Leidschendam-Voorburg", "adhd", "haaglanden"),
        ("Edam angst", "Edam-Volendam", "angst", "zaanstreek-waterland"),  # short, capital
    ],
)
def test_a_town_or_municipality_among_the_words_is_the_place(
    session: Session, typed: str, name: str, rest: str, region_id: str
) -> None:
    found = place_in_words(session, typed)
    assert found is not None
    assert (found.name, found.rest, found.is_postcode) == (name, rest, False)
    assert found.place.region_id == region_id
    assert found.place.municipality_name == name


@pytest.mark.parametrize(
    "typed",
    [
        "9999",  # a postcode, but not one the directory knows
        "mijn kind is bang",
        "edam",  # a short name counts only with a capital: short words are often words
        "angst edam",
    ],
)
def test_words_that_name_no_known_place_stay_words(session: Session, typed: str) -> None:
    assert place_in_words(session, typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "mijn dochter heeft angst voor dieren",  # not Diemen
        "bang voor monsters",  # not Monster (Westland)
        "hij is bang voor wormen",  # not Wormer
        "mijn zoon is een monster",  # the town Monster, typed as a word
    ],
)
def test_an_ordinary_word_close_to_a_town_name_is_no_place(session: Session, typed: str) -> None:
    assert place_in_words(session, typed) is None


def test_a_number_that_may_be_a_year_is_a_postcode_only_alone_or_with_its_letters(
    tmp_path: Path,
) -> None:
    """Nationally 2019 is a Haarlem postcode; "sinds 2019" is a year."""
    engine = fresh_engine(tmp_path / "store.db")
    assert load(engine, DEMO).ok
    with Session(engine) as session:
        session.add(Postcode(pc4="2019", municipality_code="GM0363", latitude=52.4, longitude=4.6))
        session.commit()
        assert place_in_words(session, "angst sinds 2019") is None
        assert place_in_words(session, "2019").name == "2019"
        assert place_in_words(session, "2019 AB angst").rest == "angst"
    engine.dispose()
