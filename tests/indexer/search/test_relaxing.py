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


def count(groups: Sequence[TermGroup]) -> int:
    return len(set.intersection(*(FINDS[g] for g in groups)))


def test_a_danger_leads_and_the_other_problems_wait_named() -> None:
    """ "My husband hits me, the children are scared": help after violence, not anxiety
    practices that also mention violence."""
    plan, total = plan_text([VIOLENCE, AFRAID], count)
    assert (plan.required, plan.set_aside_words, total) == ((VIOLENCE,), ("bang",), 3)
    assert plan.dropped == ()


def test_a_form_of_help_stays_beside_a_danger() -> None:
    plan, total = plan_text([ONLINE, VIOLENCE, DRINKS], count)
    assert (plan.required, plan.set_aside_words, total) == ((ONLINE, VIOLENCE), ("drinkt",), 1)


def test_without_a_danger_every_problem_is_required() -> None:
    plan, total = plan_text([AFRAID, ONLINE], count)
    assert (plan.required, plan.set_aside, total) == ((AFRAID, ONLINE), (), 1)
