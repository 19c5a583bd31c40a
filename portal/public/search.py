"""The results page: a plain GET form that works without JavaScript."""

from dataclasses import replace

from flask import Blueprint, g, render_template, request
from flask.typing import ResponseReturnValue

from indexer.search import SearchQuery, Sort
from indexer.search.vocabulary import load_vocabulary
from indexer.teams import teams_for_postcode
from portal import labels
from portal.database import get_session
from portal.localize import get_locale, ngettext
from portal.public import help_now, results_view
from portal.public.search_form import WORDS_ONLY, parse_search
from portal.public.suggestions import did_you_mean
from portal.public.teams_view import team_views
from portal.public.waits_view import document_wait
from portal.referrers import exports, view
from portal.referrers.results_table import result_table
from portal.services import search_engine, today

blueprint = Blueprint("search", __name__)
view.register(blueprint)


@blueprint.get("/zoeken")
def results() -> ResponseReturnValue:
    session = get_session()
    locale = str(get_locale())
    form = parse_search(request.args, session=session, locale=locale)
    file_format, format_error = exports.requested_format(request.args)
    if format_error:
        form.errors["formaat"] = format_error
    elif file_format and form.query:  # a valid form: every page as a file
        return exports.results_download(form.query, file_format, session=session, locale=locale)
    context = {"form": form, "result": None, "teams": [], "labels": labels}
    # Before any result, and kept for the error page should the search engine be down.
    context["help_now"] = g.help_now = help_now.for_search(form, session=session)
    if form.place and not form.town_only:
        context["teams"] = team_views(teams_for_postcode(form.place.pc4, session=session))
    status = 200
    if form.query:
        query = replace(form.query, facets=results_view.SHOWN_FACETS)
        result = search_engine().search(query, today())
        if result.total and form.query.page > result.pages:
            form.errors["pagina"] = ngettext(
                "Deze pagina bestaat niet. Er is %(num)d pagina.",
                "Deze pagina bestaat niet. Er zijn %(num)d pagina's.",
                result.pages,
            )
        else:
            context |= _result_context(form, result, session, locale)
    if form.errors:
        status = 400
    return render_template("public/search/results.html", **context), status


def _result_context(form, result, session, locale) -> dict:
    _count_each_group_without_its_own_filter(result)
    facets = results_view.facets(form, result, session=session, locale=locale)
    day = today()
    waits = {
        hit.id: document_wait(hit.document, result.query.profiles, locale, day)
        for hit in result.hits
    }
    context = {
        "result": result,
        "facets": facets,
        "wait_options": results_view.wait_options(form, _wait_counts(result)),
        "waits": waits,
        "outcomes_count": result.facets.get("has_outcomes", {}).get("true", 0),
        "active_filters": results_view.active_filters(form, facets),
        "pages": results_view.pages(form, result),
        # Links made only for the notices that show them: no results, words read as a place.
        "everywhere_url": None
        if result.total
        else results_view.results_url(form.args, alle_regios="1", regio=None),
        "words_only_url": results_view.results_url(form.args, **{WORDS_ONLY: "1"})
        if form.place_in_words or form.age_in_words
        else None,
        "downloads": exports.download_links("search.results", form.args),
        "download_cap": exports.CAP,
        "suggestions": [],
    }
    if view.active():
        context["table"] = result_table(form, result, session=session, locale=locale)
    else:
        context["cards"] = results_view.cards(form, result, waits, locale)
    if not result.total and form.text:
        context["suggestions"] = [
            (word, results_view.results_url(form.args, q=word))
            for word in did_you_mean(form.text, load_vocabulary())
        ]
    return context


def _count_each_group_without_its_own_filter(result) -> None:
    """Options within a group are OR-ed, so a group's counts must not shrink to the options
    already ticked: each group with a choice is counted again without its own filter."""
    query = result.query
    for facet in ("profiles", "intensities", "care_forms", "languages"):
        if getattr(query, facet):
            wider = _counting(query, facets=(facet,), **{facet: ()})
            result.facets[facet] = search_engine().search(wider, today()).facets[facet]


def _wait_counts(result) -> dict[int, int]:
    """Providers within each maximum wait. Without a chosen profile the index's wait
    bands count them in the same search (bands are exclusive, so they add up); with one,
    the wait is that profile's (indexer.waits), which only a search per maximum counts."""
    query = result.query
    if not query.profiles:
        bands = result.facets.get("wait_band", {})
        counts, running = {}, 0
        for limit in labels.WAIT_LIMITS:
            running += bands.get(f"within_{limit}_weeks", 0)
            counts[limit] = running
        return counts
    return {
        limit: search_engine()
        .search(_counting(query, max_wait_weeks=limit, facets=()), today())
        .total
        for limit in labels.WAIT_LIMITS
    }


def _counting(query: SearchQuery, **changes) -> SearchQuery:
    """`query` with `changes` for a search whose counts alone are read: one hit, in the
    engine's cheapest order (a distance or wait order would sort every match for nothing)."""
    return replace(query, page=1, page_size=1, sort=Sort.RELEVANCE, **changes)
