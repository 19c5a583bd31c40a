"""How API responses travel: readable from any site (CORS), cached, and not sent twice.

- CORS: any web page may read the API with GET (open data, no credentials: the API has
  no cookies or sessions to protect), so every /api/v1 response to GET, HEAD and OPTIONS
  says `Access-Control-Allow-Origin: *` and lets scripts read the ETag and Retry-After.
- Caching: a 200 is public for five minutes and carries a strong ETag (a hash of the
  body); a request with that ETag in If-None-Match gets a 304 without a body. Errors are
  not stored. Flask-Compress, which runs after this, marks the ETag with its encoding and
  answers 304 for the compressed variant alike (portal/delivery.py).
- Texts follow ?lang=, the `taal` cookie and Accept-Language, so responses vary on them.
"""

from flask import Response, request

from portal import i18n
from portal.api.registry import PREFIX

MAX_AGE_S = 300
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
EXPOSED = "ETag, Retry-After, Content-Disposition"
ASKED_HEADERS = "Accept, Accept-Language, If-None-Match"


def is_api() -> bool:
    return request.path == PREFIX or request.path.startswith(PREFIX + "/")


def without_language_cookie() -> None:
    """A language asked for in an API call is for that answer only: no cookie is set (the
    same rule as the family handout's, portal/i18n.py)."""
    if is_api():
        i18n.for_someone_else()


def add(response: Response) -> Response:
    if not is_api():
        return response
    if request.method in READ_METHODS:
        _allow_any_origin(response)
    response.vary.update(("Accept-Language", "Cookie"))
    if response.status_code == 200 and request.method in {"GET", "HEAD"}:
        response.cache_control.public = True
        response.cache_control.max_age = MAX_AGE_S
        response.add_etag()
        response.make_conditional(request)
    elif response.status_code >= 400:
        response.cache_control.no_store = True
    return response


def _allow_any_origin(response: Response) -> None:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = ASKED_HEADERS
        response.headers["Access-Control-Max-Age"] = "86400"
