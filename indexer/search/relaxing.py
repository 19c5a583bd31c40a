"""Which word groups a search requires, and which it leaves out so that a family never gets
an empty page while the data has an answer. One rule for both engines; each engine only
counts.

- Words the vocabulary knows carry the meaning ("bang" in "mijn kind is heel bang"); when
  there are any, only they are searched: the words around them ("mijn", "kind", "heel")
  would rank texts by chance. Measured on the relevance set, searching them as optional
  words ranks worse (MRR 0.948 against 0.953), and Meilisearch cannot make some words
  optional, so both engines do the same.
- Otherwise every word is required.
- When nothing matches all required groups, groups that match nothing on their own are left
  out, then the most common remaining group, one at a time, until something matches. The
  results page names what was left out.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from indexer.search.query_words import TermGroup

Count = Callable[[Sequence[TermGroup]], int]  # documents matching all these groups


@dataclass(frozen=True)
class TextPlan:
    required: tuple[TermGroup, ...] = ()
    dropped: tuple[TermGroup, ...] = ()  # left out, so that something is found
    widened: tuple[TermGroup, ...] = ()  # searched with related concepts, as nothing else was
    set_aside: tuple[TermGroup, ...] = ()  # other problems, as the words speak of danger

    @property
    def dropped_words(self) -> tuple[str, ...]:
        return _words(self.dropped)

    @property
    def set_aside_words(self) -> tuple[str, ...]:
        return _words(self.set_aside)

    @property
    def widened_words(self) -> tuple[str, ...]:
        return _words(self.widened)


def _words(groups: tuple[TermGroup, ...]) -> tuple[str, ...]:
    return tuple(word for group in groups for word in group.words)


def plan_text(
    groups: Sequence[TermGroup], count: Count, count_in_name: Count
) -> tuple[TextPlan, int]:
    """The plan, and how many documents it finds (with the engine's filters).
    `count_in_name` counts the documents whose name holds all the groups' words."""
    if named := _a_name(groups, count_in_name):
        return TextPlan(named), count(named)
    set_aside = _set_aside(groups)
    groups = [g for g in groups if g not in set_aside]
    plan, total = _relaxed(groups, count)
    widened = [replace(g, keywords=g.wider, wider=()) if g.wider else g for g in groups]
    if not total and widened != list(groups):
        wider, total = _relaxed(widened, count)
        if total:
            plan = replace(wider, widened=tuple(g for g in wider.required if g not in groups))
    return replace(plan, set_aside=set_aside), total


def _a_name(groups: Sequence[TermGroup], count_in_name: Count) -> tuple[TermGroup, ...]:
    """Known words beside others that together are a provider's name ("Hoofdzaak Online",
    "Gamebalans Online") are that name, searched word for word as typed: else only the
    known word ("online") would be searched and the provider asked for lost among the rest.
    A lone known word ("angst") is never a name: its synonyms must keep working."""
    if all(g.is_concept for g in groups) or not any(g.is_concept for g in groups):
        return ()
    words = [word for group in groups for word in group.words]
    plain = tuple(TermGroup((w,), prefix=i == len(words) - 1) for i, w in enumerate(words))
    return plain if count_in_name(plain) else ()


def _set_aside(groups: Sequence[TermGroup]) -> tuple[TermGroup, ...]:
    """When the words speak of a danger ("mijn man slaat mij", "ріже себе"), the other
    problems in them ("de kinderen zijn bang", "he drinks") are what the danger does, and
    requiring them too finds anxiety practices instead of help after violence: they wait.
    Forms of help ("online") stay."""
    if not any(g.about == "danger" for g in groups):
        return ()
    return tuple(g for g in groups if g.about == "problem")


def _relaxed(groups: Sequence[TermGroup], count: Count) -> tuple[TextPlan, int]:
    concepts = tuple(g for g in groups if g.is_concept)
    required = concepts or tuple(groups)
    total = count(required)
    if total or len(required) < 2:
        return TextPlan(required), total
    counts = {group: count([group]) for group in required}
    kept = [group for group in required if counts[group]]
    while kept:
        total = count(kept)
        if total:
            break
        kept.remove(max(kept, key=counts.__getitem__))
    if not kept:  # no word on its own finds anything: the empty state, for all the words
        return TextPlan(required), 0
    dropped = tuple(group for group in required if group not in kept)
    return TextPlan(tuple(kept), dropped), total
