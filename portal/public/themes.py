"""Plain-language ways into the kinds of help, for families who do not know the words.

A theme is a tile on the home page that submits the home form (so the postcode typed there
goes along) with `thema=<value>`; the results page then searches the theme's words in the
reader's language and shows them in the words box, where the parent can change them. The
words come from the search vocabulary (indexer/vocabulary): the first word of each concept in
the reader's language, which the vocabulary lists as its everyday word, so a Turkish page
searches `okula gitmiyor` rather than the Dutch `schoolweigering`.
"""

from dataclasses import dataclass

from indexer.search.vocabulary import load_vocabulary
from portal.localize import lazy_gettext as _l


@dataclass(frozen=True)
class Theme:
    value: str  # the `thema` URL parameter
    label: str  # lazy: in the reader's language when shown
    concepts: tuple[str, ...]  # vocabulary concepts whose words are searched


THEMES = (
    Theme("angst", _l("Mijn kind is vaak bang of piekert veel"), ("anxiety",)),
    Theme("somberheid", _l("Mijn kind is somber of heeft nergens zin in"), ("depression",)),
    Theme("autisme-adhd", _l("Mijn kind heeft (misschien) autisme of ADHD"), ("autism", "adhd")),
    Theme("trauma", _l("Er is iets ergs gebeurd"), ("trauma",)),
    Theme("school", _l("Mijn kind gaat niet meer naar school"), ("school_refusal",)),
    Theme("eten", _l("Eten is een probleem"), ("eating_disorders",)),
    Theme("verslaving", _l("Gamen, drugs of alcohol"), ("addiction",)),
    Theme("opvoeden", _l("Opvoeden gaat moeilijk"), ("parenting_support",)),
    Theme("scheiding", _l("Wij gaan scheiden en er is veel ruzie"), ("complex_divorce",)),
    Theme("zelfbeschadiging", _l("Mijn kind doet zichzelf pijn"), ("self_harm",)),
    Theme("wonen", _l("Mijn kind kan niet thuis wonen"), ("out_of_home_care",)),
    Theme("crisis", _l("Het is nu heel erg: crisis"), ("crisis",)),
)
_BY_VALUE = {theme.value: theme for theme in THEMES}


def theme_words(value: str, locale: str) -> str | None:
    """The search words of theme `value` in `locale` (Dutch keywords where the vocabulary has
    no words in that language); None for a theme that does not exist."""
    theme = _BY_VALUE.get(value)
    if theme is None:
        return None
    concepts = {concept.id: concept for concept in load_vocabulary().concepts}
    return " ".join(
        (concepts[name].words.get(locale) or concepts[name].keywords)[0] for name in theme.concepts
    )
