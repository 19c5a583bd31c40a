"""GET /api/v1/search: the families' search for other systems, in English names.

The parameters are the results page's, renamed (`profile` is the page's `profiel`), and
go through the page's own form (portal/public/search_form.py): the same checks and
messages, a place or a child's age said among the words, the crisis lines when the words
signal danger. On top: `page_size` up to 100, codes checked against the query's region,
and a hit is a stable shape rather than the index's document.
"""

from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from flask import g, request, url_for
from pydantic import Field, StringConstraints
from werkzeug.datastructures import MultiDict

from indexer import schemes
from indexer.schemes import localized
from indexer.search import Hit, SearchQuery, SearchResult, Sort
from indexer.search.contract import MAX_PAGE_SIZE, MAX_TEXT_LENGTH
from indexer.search.documents import OPEN_END
from indexer.sources.specs import CARE_FORMS, LOCALES
from portal import labels
from portal.api import checks
from portal.api.models import (
    Address,
    Coded,
    Contact,
    HelpNow,
    Outcomes,
    Place,
    ProviderRef,
    Shape,
    Text,
    Wait,
)
from portal.api.problems import help_now_shape, invalid
from portal.api.registry import Parameters, get, read_query
from portal.database import get_session
from portal.links import ProviderLink
from portal.localize import get_locale, ngettext
from portal.public import help_now
from portal.public.search_form import MAX_PAGE, PAGE_SIZE, WORDS_ONLY, SearchForm, parse_search
from portal.public.waits_view import document_wait
from portal.services import search_engine, today

# The form's own rules (search_form.CODE, CARE_FORMS), so the document says what it checks.
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]{1,40}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}$")]
CareForm = Literal[CARE_FORMS]
POSTCODE = r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$"
# API parameter → the results page's parameter, whose checks and messages apply.
FORM_NAMES = {
    "q": "q",
    "postcode": "postcode",
    "region": "regio",
    "profile": "profiel",
    "intensity": "intensiteit",
    "care_form": "zorgvorm",
    "language": "taal",
    "age": "leeftijd",
    "max_wait_weeks": "wachttijd",
    "sort": "sortering",
    "page": "pagina",
}
FLAGS = {"all_regions": "alle_regios", "with_outcomes": "resultaten", "words_only": WORDS_ONLY}
API_NAMES = {form: api for api, form in (FORM_NAMES | FLAGS).items()}


class SearchParameters(Parameters):
    q: str = Field(
        "",
        max_length=MAX_TEXT_LENGTH,
        description=(
            "Words, as a family types them, in any of the six languages. A place or a "
            "child's age among them is used as the postcode or age (see `place_in_words`, "
            "`age_in_words`) unless `words_only` is true."
        ),
    )
    postcode: str | None = Field(
        None,
        pattern=POSTCODE,
        description="1011 or 1011 AB: limits results to its region, nearest first.",
    )
    region: Code | None = Field(None, description="A region id (/regions).")
    all_regions: bool = Field(False, description="Also outside the postcode's region.")
    profile: list[Code] = Field(
        [],
        description="Profile codes of the region (OR-ed); unknown in the region: 400.",
    )
    intensity: list[Code] = Field(
        [],
        description="Intensity codes of the region (OR-ed); unknown in the region: 400.",
    )
    care_form: list[CareForm] = Field(
        [],
        description="Forms of care (OR-ed).",
    )
    language: list[LanguageCode] = Field(
        [],
        description="Languages spoken, ISO 639-1 or 639-3 (OR-ed).",
    )
    age: int | None = Field(None, ge=0, le=27, description="The child's age in years.")
    max_wait_weeks: int | None = Field(None, ge=0, le=52, description="Longest wait.")
    with_outcomes: bool = Field(False, description="Only providers with published outcomes.")
    sort: Sort | None = Field(
        None,
        description="relevance (the default; nearest first without words), distance (needs "
        "a postcode), goal_attainment, wait or name.",
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    words_only: bool = Field(False, description="Search every word; take no place or age.")


class Segment(Shape):
    text: str
    match: bool


class SearchHit(Shape):
    """A provider's offer in one region, as a result list shows it."""

    id: str = Field(description="region__provider, as the compare page takes it (?id=).")
    provider_id: str
    region: Coded
    name: str
    url: str = Field(description="This provider in this region in the API.")
    page_url: str = Field(description="The provider's page for families.")
    description: Text
    snippet: list[Segment] = Field(description="Where the words matched, as plain text.")
    distance_km: float | None = Field(description="From the postcode's centre; null without.")
    profiles: list[Coded]
    intensities: list[Coded]
    segments: list[str]
    roles: list[str] = Field(description="hoofdaannemer and/or onderaannemer.")
    main_contractors: list[ProviderRef] = Field(description="Whom it works under here.")
    care_forms: list[str]
    languages: list[str]
    min_age: int | None
    max_age: int | None
    contact: Contact
    locations: list[Address]
    wait: Wait
    outcomes: Outcomes | None
    contract_end: date | None = Field(description="Last day of its contracts; null: open.")


class FacetValue(Shape):
    value: str
    count: int
    label: str | None = Field(description="In the language asked for, where there is one.")


class Facets(Shape):
    """How many results have each value (the filters as applied)."""

    profiles: list[FacetValue]
    intensities: list[FacetValue]
    segments: list[FacetValue]
    care_forms: list[FacetValue]
    languages: list[FacetValue]
    age_groups: list[FacetValue]
    wait_band: list[FacetValue]
    has_outcomes: list[FacetValue]


class AppliedQuery(Shape):
    """The search as run: the words left after a place or age was taken from them."""

    q: str
    region: str | None
    postcode: str | None
    profile: list[str]
    intensity: list[str]
    care_form: list[str]
    language: list[str]
    age: int | None
    max_wait_weeks: int | None
    with_outcomes: bool
    sort: Sort
    page: int
    page_size: int


class PlaceInWords(Shape):
    name: str
    rest: str = Field(description="The other words, searched.")


class AgeInWords(Shape):
    age: int
    said: str


class PageLinks(Shape):
    next: str | None
    previous: str | None


class SearchResults(Shape):
    total: int
    page: int
    page_size: int
    pages: int
    query: AppliedQuery
    hits: list[SearchHit]
    facets: Facets
    place: Place | None
    place_in_words: PlaceInWords | None
    age_in_words: AgeInWords | None
    dropped_words: list[str] = Field(description="Typed words left out: nothing matched them.")
    widened_words: list[str] = Field(description="Words also searched with related words.")
    set_aside_words: list[str] = Field(description="Words waiting while help with danger leads.")
    help_now: HelpNow | None
    links: PageLinks


@get(
    "/search",
    SearchResults,
    summary="Search providers as families do",
    tag="search",
    query=SearchParameters,
    errors=(503,),
    reads_query=False,
    description=(
        "The same search as the results page. Filters within one parameter are OR-ed, "
        "parameters are AND-ed. An unknown postcode, region or code, or a page after the "
        "last, is a 400 naming the parameter. When the words signal acute danger, "
        "`help_now` holds crisis lines, also next to errors."
    ),
)
def search() -> SearchResults:
    session, locale = get_session(), str(get_locale())
    params, problems = read_query(SearchParameters)
    form = parse_search(_form_args(params), session=session, locale=locale)
    # Kept for the 503 too, should the search engine be down (portal/errors.py).
    urgent = g.help_now = help_now.for_search(form, session=session)
    problems |= {API_NAMES[name]: message for name, message in form.errors.items()}
    problems |= checks.unknown_region(params.region if params else None, session=session)
    if form.query and not problems:
        problems = _unknown_codes(form.query, session)
    if problems:
        raise invalid(problems, urgent)
    query = replace(form.query, page_size=params.page_size)
    result = search_engine().search(query, today())
    if result.total and query.page > result.pages:
        message = ngettext(
            "Deze pagina bestaat niet. Er is %(num)d pagina.",
            "Deze pagina bestaat niet. Er zijn %(num)d pagina's.",
            result.pages,
        )
        raise invalid({"page": message}, urgent)
    return _results(form, result, urgent, locale)


def _form_args(params: SearchParameters | None) -> MultiDict:
    """The request as the results page's form reads it: values as they were sent, so the
    page's checks and messages apply; flags only once read as true."""
    args = MultiDict()
    for api, form in FORM_NAMES.items():
        for value in request.args.getlist(api):
            args.add(form, value)
    for api, form in FLAGS.items():
        if params is not None and getattr(params, api):
            args.add(form, "1")
    return args


def _unknown_codes(query: SearchQuery, session) -> dict[str, str]:
    chosen = {"profile": query.profiles, "intensity": query.intensities}
    return checks.unknown_codes(query.region_id, chosen, session=session) | (
        checks.unknown_languages(query.languages)
    )


def _results(
    form: SearchForm, result: SearchResult, urgent: help_now.HelpNow | None, locale: str
) -> SearchResults:
    query = result.query
    place = form.place
    links = (
        ProviderLink("api.provider", "provider_id", "region"),
        ProviderLink("providers.detail", "provider_id", "regio"),
    )
    return SearchResults(
        total=result.total,
        page=query.page,
        page_size=query.page_size,
        pages=result.pages,
        query=AppliedQuery(
            q=query.text,
            region=query.region_id,
            postcode=form.postcode,
            profile=list(query.profiles),
            intensity=list(query.intensities),
            care_form=list(query.care_forms),
            language=list(query.languages),
            age=query.age,
            max_wait_weeks=query.max_wait_weeks,
            with_outcomes=query.with_outcomes,
            sort=query.sort,
            page=query.page,
            page_size=query.page_size,
        ),
        hits=[_hit(hit, query, locale, links) for hit in result.hits],
        facets=_facets(result, locale),
        place=Place.model_validate(place, from_attributes=True) if place else None,
        place_in_words=PlaceInWords(name=form.place_in_words.name, rest=form.place_in_words.rest)
        if form.place_in_words
        else None,
        age_in_words=AgeInWords(age=form.age_in_words.age, said=form.age_in_words.said)
        if form.age_in_words
        else None,
        dropped_words=list(result.dropped_words),
        widened_words=list(result.widened_words),
        set_aside_words=list(result.set_aside_words),
        help_now=help_now_shape(urgent),
        links=PageLinks(
            next=_page_url(query.page + 1) if query.page < result.pages else None,
            previous=_page_url(query.page - 1) if query.page > 1 else None,
        ),
    )


def _hit(
    hit: Hit, query: SearchQuery, locale: str, links: tuple[ProviderLink, ProviderLink]
) -> SearchHit:
    document = hit.document
    region_id, provider_id = document["region_id"], document["provider_id"]
    wait = document_wait(document, query.profiles, locale, today())
    description, lang = localized(
        {code: document[f"description_{code}"] for code in LOCALES}, locale
    )
    return SearchHit(
        id=hit.id,
        provider_id=provider_id,
        region=Coded(code=region_id, name=document["region_name"], lang="nl"),
        name=document["name"],
        url=links[0](provider_id, region_id),
        page_url=links[1](provider_id, region_id),
        description=Text(text=description, lang=lang),
        snippet=[Segment(text=part.text, match=part.match) for part in hit.snippet],
        distance_km=hit.distance_km,
        profiles=_named(document, "profiles", "profile_names", locale),
        intensities=_named(document, "intensities", "intensity_names", locale),
        segments=document["segments"],
        roles=document["roles"],
        main_contractors=[ProviderRef(**main) for main in document["main_contractors"]],
        care_forms=document["care_forms"],
        languages=document["languages"],
        min_age=document["min_age"],
        max_age=document["max_age"],
        contact=Contact(
            website=document["website"], email=document["email"], phone=document["phone"]
        ),
        locations=[_address(found) for found in document["locations"]],
        wait=Wait(
            weeks=wait.weeks,
            profile_code=wait.profile_code or None,
            label=wait.label,
            confirmed_on=wait.confirmed_on,
            out_of_date=wait.stale,
        ),
        outcomes=_outcomes(document),
        contract_end=_day(document["available_until"]),
    )


def _address(found: dict) -> Address:
    """A location of the index, with its coordinates named as everywhere in the API."""
    fields = {key: value for key, value in found.items() if key not in {"lat", "lng"}}
    return Address(latitude=found["lat"], longitude=found["lng"], **fields)


def _named(document: dict, codes: str, names: str, locale: str) -> list[Coded]:
    """Codes with their names in `locale`, else in Dutch, else the code itself."""
    for lang in (locale, "nl"):
        shown = document[f"{names}_{lang}"]
        if shown:
            return [
                Coded(code=code, name=name or code, lang=lang)
                for code, name in zip(document[codes], shown, strict=True)
            ]
    return [Coded(code=code, name=code, lang="nl") for code in document[codes]]


def _outcomes(document: dict) -> Outcomes | None:
    if document["outcome_period"] is None:
        return None
    fields = {name: document[name] for name in Outcomes.model_fields if name != "period"}
    return Outcomes(period=document["outcome_period"], **fields)


def _day(number: int) -> date | None:
    """yyyymmdd of the index (indexer.search.documents.day_number) as a date."""
    if number == OPEN_END:
        return None
    return date(number // 10000, number // 100 % 100, number % 100)


def _facets(result: SearchResult, locale: str) -> Facets:
    names = _scheme_names(result.query.region_id, locale)
    names["care_forms"] = {code: str(label) for code, label in labels.CARE_FORMS.items()}
    names["segments"] = {code: str(label) for code, label in labels.SEGMENTS.items()}
    counts = {
        facet: [
            FacetValue(value=value, count=count, label=_label(names, facet, value))
            for value, count in sorted(result.facets.get(facet, {}).items())
        ]
        for facet in Facets.model_fields
    }
    return Facets(**counts)


def _label(names: dict[str, dict[str, str]], facet: str, value: str) -> str | None:
    if facet == "languages":
        return labels.language_name(value, capital=True)
    return names.get(facet, {}).get(value)


def _scheme_names(region_id: str | None, locale: str) -> dict[str, dict[str, str]]:
    """Profile and intensity names of the query's region; codes of no region have none."""
    if region_id is None:
        return {}
    both = schemes.names(region_id, session=get_session())
    return {
        facet: {code: localized(texts, locale)[0] for code, texts in scheme.items()}
        for facet, scheme in zip(("profiles", "intensities"), both, strict=True)
    }


def _page_url(page: int) -> str:
    args = MultiDict(request.args)
    args["page"] = str(page)
    return url_for("api.search", **args.to_dict(flat=False))
