"""The switch between the family view and the professional view (DESIGN.md §11).

A switch, not an account: `?weergave=professioneel` turns it on and `?weergave=gezin` off,
on the results, provider and compare pages. The choice is remembered in a cookie holding
only that word, so a GP who switched once keeps the dense view on the next search. Kept
apart from what the view shows (codes, prices) because the family pages' blueprints need
only this: `register` gives them the switch, `active` says which view to render.
"""

from typing import NamedTuple

from flask import Blueprint, Request, Response, request, url_for

from portal import links

ARG = COOKIE = "weergave"
PROFESSIONAL = "professioneel"
FAMILY = "gezin"
COOKIE_DAYS = 365


def register(blueprint: Blueprint) -> None:
    """Give `blueprint`'s pages the switch (`view_switch` in their templates) and remember
    the choice made with it."""
    blueprint.context_processor(lambda: {"view_switch": _switch()})
    blueprint.after_request(_remember)


def active() -> bool:
    """The URL's choice, else the remembered one; the family view by default."""
    return _professional(request._get_current_object())


def _professional(page: Request) -> bool:
    asked = page.args.get(ARG)
    if asked in (PROFESSIONAL, FAMILY):
        return asked == PROFESSIONAL
    return page.cookies.get(COOKIE) == PROFESSIONAL


class Switch(NamedTuple):
    professional: bool
    url: str  # this page in the other view, every other parameter kept


def _switch() -> Switch:
    page = request._get_current_object()  # one look-up through the proxy, not ten
    on = _professional(page)
    other = FAMILY if on else PROFESSIONAL
    # Every other parameter kept in its place; the choice where it was, else at the end.
    query = [
        (key, value)
        for key, values in page.args.lists()
        for value in ([other] if key == ARG else values)
    ]
    if ARG not in page.args:
        query.append((ARG, other))
    if page.view_args:  # a page with URL variables (a provider's): its own path
        path = url_for(page.endpoint, **page.view_args)
    else:
        path = links.page_url(page.endpoint)
    return Switch(on, links.with_query(path, query))


def _remember(response: Response) -> Response:
    """The family view is the default, so switching back removes the cookie."""
    asked, kept = request.args.get(ARG), request.cookies.get(COOKIE)
    if asked == PROFESSIONAL and kept != PROFESSIONAL:
        response.set_cookie(
            COOKIE,
            PROFESSIONAL,
            max_age=COOKIE_DAYS * 86400,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure,
        )
    elif asked == FAMILY and kept is not None:
        response.delete_cookie(COOKIE, httponly=True, samesite="Lax", secure=request.is_secure)
    return response
