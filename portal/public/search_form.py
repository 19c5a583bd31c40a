"""The search form: URL parameters in, a SearchQuery (or clear errors) out.

Shared by the results page and its JSON twin, so both accept exactly the same parameters.
Every bad value becomes an error that names the field and says what would be right; it
never reaches the engine and never becomes a 500.
"""

import re
from dataclasses import dataclass, field

from sqlmodel import Session
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from indexer import languages
from indexer.search import Place, SearchQuery, Sort, locate
from indexer.search.age_words import AgeInWords, age_in_words
from indexer.search.contract import MAX_TEXT_LENGTH
from indexer.search.place_words import PlaceInWords, place_in_words
from indexer.sources.specs import CARE_FORMS
from portal.localize import gettext as _
from portal.public.themes import theme_words

PAGE_SIZE = 10
MAX_PAGE = 1000
CODE = re.compile(r"[A-Za-z0-9._-]{1,40}")
# Only the digits 0-9 count: `str.isdigit()` also accepts "²", "①" and "፩", which int()
# refuses (a 500), and `\d` accepts "٣", which int() reads as a number no family typed.
# Nine digits are plenty for any field and keep int() clear of its 4,300-digit limit.
NUMBER = re.compile(r"[0-9]{1,9}")
POSTCODE = re.compile(r"[1-9][0-9]{3}([A-Z]{2})?")
PC4 = re.compile(r"[1-9][0-9]{3}")
WORDS_ONLY = "alleen_woorden"  # "no place or age meant": every typed word is searched


class Parameters(ImmutableMultiDict):
    """A search's URL parameters. `get` gives what MultiDict's gives, without the exception
    MultiDict raises and catches inside for a name not given (1 µs each): the form, its page
    and its links ask for some twenty names, most of them not given."""

    def get(self, key, default=None, type=None):
        if type is not None:
            return super().get(key, default, type)
        values = dict.get(self, key)
        return values[0] if values else default


@dataclass
class SearchForm:
    """What was asked, the place it resolved to, and the errors per field."""

    args: MultiDict
    query: SearchQuery | None = None
    place: Place | None = None
    errors: dict[str, str] = field(default_factory=dict)
    # The place typed among the words ("angst diemen"), when no postcode was given.
    place_in_words: PlaceInWords | None = None
    # The child's age typed among the words ("mijn zoon van 13"), when none was given.
    age_in_words: AgeInWords | None = None

    @property
    def text(self) -> str:
        return self.args.get("q", "")[:MAX_TEXT_LENGTH]

    @property
    def postcode(self) -> str | None:
        """The postcode links carry on to provider and compare pages: the one typed in its
        field, or the postcode of the place typed among the words."""
        if self.args.get("postcode"):
            return self.args["postcode"]
        return self.place_in_words.place.pc4 if self.place_in_words else None

    @property
    def town_only(self) -> bool:
        """The place is a town or municipality typed as a word: its local team is not known
        (a city has many), so the page asks for the postcode instead of naming one."""
        return bool(self.place_in_words and not self.place_in_words.is_postcode)

    def chosen(self, name: str) -> list[str]:
        return self.args.getlist(name)

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary: the field where it has one on every
        page state, else the form itself."""
        always = {"q", "postcode", "sortering"}
        return [
            (key if key in always else "zoekformulier", message)
            for key, message in self.errors.items()
        ]


def parse_search(args: MultiDict, *, session: Session, locale: str) -> SearchForm:
    theme = args.get("thema")
    words = theme_words(theme, locale) if theme else None
    if words:  # a home-page tile: its words replace `q`, in the box and in every link
        args = MultiDict(args)
        args.setlist("q", [words])
        args.poplist("thema")
    args = Parameters(args)
    form = SearchForm(args)
    if theme and not words:
        form.errors["thema"] = _("Deze keuze bestaat niet. Kies uit de lijst.")
    text = args.get("q", "").strip()
    if len(text) > MAX_TEXT_LENGTH:
        form.errors["q"] = _(
            "Uw zoekwoorden zijn te lang. Gebruik hoogstens %(max)d tekens.", max=MAX_TEXT_LENGTH
        )
    region_id = args.get("regio") or None
    postcode = args.get("postcode", "").strip().upper().replace(" ", "")
    if postcode:
        if not POSTCODE.fullmatch(postcode):
            form.errors["postcode"] = _("Vul een postcode in met 4 cijfers, zoals 1011.")
        else:
            form.place = locate(session, postcode)
            if form.place is None:
                form.errors["postcode"] = _(
                    "Postcode %(postcode)s ligt niet in een regio van deze gids.",
                    postcode=postcode[:4],
                )
    text = _said_in_words(form, session, text, postcode)
    if form.place and not region_id and not args.get("alle_regios"):
        region_id = form.place.region_id
    codes = {name: args.getlist(name) for name in ("profiel", "intensiteit", "taal")}
    for name, values in codes.items():
        if any(not CODE.fullmatch(value) for value in values):
            form.errors[name] = _("Deze keuze bestaat niet. Kies uit de lijst.")
    care_forms = args.getlist("zorgvorm")
    if any(value not in CARE_FORMS for value in care_forms):
        form.errors["zorgvorm"] = _("Deze keuze bestaat niet. Kies uit de lijst.")
    age = _whole_number(form, "leeftijd", 0, 27, _("Vul een leeftijd in van 0 tot en met 27 jaar."))
    if age is None and form.age_in_words:
        age = form.age_in_words.age
    wait = _whole_number(form, "wachttijd", 0, 52, _("Kies een wachttijd uit de lijst."))
    page = _whole_number(form, "pagina", 1, MAX_PAGE, _("Deze pagina bestaat niet.")) or 1
    sort = args.get("sortering", "")
    if sort and sort not in {s.value for s in Sort}:
        form.errors["sortering"] = _("Kies een volgorde uit de lijst.")
    if sort == Sort.DISTANCE and form.place is None:
        form.errors["sortering"] = _(
            "Vul uw postcode in. Dan ziet u de dichtstbijzijnde aanbieders eerst."
        )
    if form.errors:
        return form
    form.query = SearchQuery(
        text=text,
        region_id=region_id,
        origin=form.place.point if form.place else None,
        profiles=tuple(codes["profiel"]),
        intensities=tuple(codes["intensiteit"]),
        care_forms=tuple(care_forms),
        languages=tuple(languages.canonical(code) or code for code in codes["taal"]),
        age=age,
        max_wait_weeks=wait,
        with_outcomes=bool(args.get("resultaten")),
        sort=_order(Sort(sort) if sort else Sort.RELEVANCE, text, form.place),
        page=page,
        page_size=PAGE_SIZE,
        locale=locale,
    )
    return form


def _said_in_words(form: SearchForm, session: Session, text: str, postcode: str) -> str:
    """A place and a child's age typed among the words, when they have no value in their
    own field and the family did not ask to search on the words only; the rest is searched."""
    if not text or form.args.get(WORDS_ONLY) or form.errors:
        return text
    if not postcode:
        form.place_in_words = place_in_words(session, text)
        if form.place_in_words:
            form.place, text = form.place_in_words.place, form.place_in_words.rest
    if not form.args.get("leeftijd", "").strip():
        form.age_in_words = age_in_words(text)
        if form.age_in_words:
            text = form.age_in_words.rest
    return text


def _order(sort: Sort, text: str, place: Place | None) -> Sort:
    """Best fit (the default, and the form's first choice, so it arrives in the URL) is
    the best match with words; with only a postcode it is the nearest first, as the hint
    under the postcode promises."""
    if sort == Sort.RELEVANCE and not text and place is not None:
        return Sort.DISTANCE
    return sort


def postcode_digits(postcode: str) -> str | None:
    """The four digits a typed postcode starts with ("1011 AB" → "1011"), for pages that only
    look it up and show no error; None when it does not start with four digits 0-9."""
    digits = postcode.strip()[:4]
    return digits if PC4.fullmatch(digits) else None


def _whole_number(form: SearchForm, name: str, low: int, high: int, message: str) -> int | None:
    value = form.args.get(name, "").strip()
    if not value:
        return None
    if not NUMBER.fullmatch(value) or not low <= int(value) <= high:
        form.errors[name] = message
        return None
    return int(value)
