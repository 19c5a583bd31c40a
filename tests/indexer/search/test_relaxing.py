"""Which words a search requires: the rule both engines follow (indexer.search.relaxing),
checked against a table of which documents each word finds."""

from collections.abc import Sequence

from indexer.search.query_words import TermGroup
from indexer.search.relaxing import plan_text

# Documents each group finds in a small region: violence help, anxiety help, online help.
VIOLENCE = TermGroup(("slaat", "mij"), ("huiselijk geweld",), about="danger")
AFRAID = TermGroup(("bang",), ("angst",), about="problem")
DRINKS = TermGroup(("drinkt",), ("verslaafde ouder",), about="problem")
ONLINE = TermGroup(("online",), ("online",), about="help")
FINDS = {
    VIOLENCE: {"veilig-thuis", "traumacentrum", "online-trauma"},
    AFRAID: {"angstpraktijk", "traumacentrum"},
    DRINKS: {"kopp-groep"},
    ONLINE: {"online-trauma", "angstpraktijk"},
}


NAMES = {"traumacentrum": "Traumacentrum Online", "angstpraktijk": "Angstpraktijk Noord"}


def count(groups: Sequence[TermGroup]) -> int:
    return len(set.intersection(*(FINDS.get(g, set()) for g in groups)))


def in_name(groups: Sequence[TermGroup]) -> int:
    words = [set(name.lower().split()) for name in NAMES.values()]
    return sum(1 for name in words if all(set(g.words) <= name for g in groups))


def planned(groups: list[TermGroup]):
    return plan_text(groups, count, in_name)


def test_a_danger_leads_and_the_other_problems_wait_named() -> None:
    """ "My husband hits me, the children are scared": help after violence, not anxiety
    practices that also mention violence."""
    plan, total = planned([VIOLENCE, AFRAID])
    assert (plan.required, plan.set_aside_words, total) == ((VIOLENCE,), ("bang",), 3)
    assert plan.dropped == ()


def test_a_form_of_help_stays_beside_a_danger() -> None:
    plan, total = planned([ONLINE, VIOLENCE, DRINKS])
    assert (plan.required, plan.set_aside_words, total) == ((ONLINE, VIOLENCE), ("drinkt",), 1)


def test_without_a_danger_every_problem_is_required() -> None:
    plan, total = planned([AFRAID, ONLINE])
    assert (plan.required, plan.set_aside, total) == ((AFRAID, ONLINE), (), 1)


def test_words_that_are_together_a_providers_name_are_searched_as_typed() -> None:
    """ "traumacentrum online": "online" is known, but together they are a name."""
    typed = [TermGroup(("traumacentrum",)), ONLINE]
    plan_, _ = planned(typed)
    assert [(g.words, g.keywords, g.prefix) for g in plan_.required] == [
        (("traumacentrum",), (), False),
        (("online",), (), True),
    ]
    # Not a name: only the known word is searched, as before.
    assert planned([TermGroup(("zwemles",)), ONLINE])[0].required == (ONLINE,)
    # A known word alone is never a name, even when a name holds it.
    assert planned([ONLINE])[0].required == (ONLINE,)
