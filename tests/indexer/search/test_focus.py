"""What a provider centres on, read from its name and descriptions with the real vocabulary:
the anxiety practice before the organisation that lists anxiety among many problems."""

from indexer.search.focus import focus_of
from indexer.search.vocabulary import load_vocabulary


def focus(name: str, description: str):
    return focus_of(name, [description], load_vocabulary())


def test_a_problem_named_often_is_the_main_focus() -> None:
    found = focus("Praktijk Zeewind", "Voor tieners met paniek, sociale angst of piekeren.")
    assert "angst" in found.main
    assert found.also == []


def test_a_problem_in_the_name_is_the_main_focus_also_as_the_start_of_a_compound() -> None:
    found = focus("Autismepraktijk Spectrumlijn", "Onderzoek en begeleiding, ook voor ouders.")
    assert "autisme" in found.main
    assert "autisme" in found.named


def test_the_problem_in_the_name_leads_and_the_heaviest_problem_comes_first() -> None:
    """Four trauma providers tie on the words alone; the one named for trauma ranks first
    (Meilisearch ranks by the best field, then by how early the word is in it)."""
    found = focus(
        "Traumacentrum De Vuurtoren",
        "Traumabehandeling voor kinderen die oorlog en vlucht hebben meegemaakt. PTSS en trauma.",
    )
    assert found.named[0] == "trauma"
    assert found.main.index("trauma") < found.main.index("vluchtelingen")
    assert focus("Praktijk De Vuurtoren", "Traumabehandeling en PTSS.").named == []


def test_a_generalist_listing_many_problems_once_centres_on_none() -> None:
    found = focus(
        "Jeugd-GGZ Zuidwal",
        "Voor angst, somberheid, autisme, ADHD, trauma, eetproblemen en zelfbeschadiging.",
    )
    assert (found.main, found.also) == ([], [])


def test_the_few_problems_a_small_practice_names_once_are_a_weaker_focus() -> None:
    found = focus("Kinderpraktijk Tuinzicht", "Voor kinderen met ADHD of angst, en hun ouders.")
    assert found.main == []
    assert {"adhd", "angst"} <= set(found.also)


def test_forms_of_help_are_no_focus() -> None:
    """Words such as "online" and "dagbehandeling" say how help is given, not what for."""
    found = focus("Online Dagbehandeling", "Online hulp en dagbehandeling voor jongeren.")
    assert (found.main, found.also) == ([], [])
