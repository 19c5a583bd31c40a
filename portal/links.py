"""Links to many providers on one page, resolved once per page.

A results page or an API response links every hit to its provider; url_for works through
werkzeug's URL map each time (about 10 µs). Provider and region ids are URL-safe by the
import's rule (`indexer.sources.fields.code`: letters, digits, ".", "_", "-", starting with
a letter or digit), so the link url_for gives for two markers, with the ids put in their
place, is exactly the link url_for would give for the ids. An id outside that rule (none
can be imported) still gets url_for's own link.
"""

from flask import url_for

from indexer.sources.fields import FieldError, code

# Never an id (an id starts with a letter or digit) and left as is by URL quoting.
PROVIDER, REGION = "-provider-", "-region-"


class ProviderLink:
    """`link(provider_id, region_id)` for `endpoint`, whose URL variables for the two are
    named `provider` and `region`; `fixed` are the same for every link."""

    def __init__(self, endpoint: str, provider: str, region: str, **fixed: object) -> None:
        self._endpoint, self._names, self._fixed = endpoint, (provider, region), fixed
        self._pattern = url_for(endpoint, **{provider: PROVIDER, region: REGION}, **fixed)

    def __call__(self, provider_id: str, region_id: str) -> str:
        try:
            return self._pattern.replace(PROVIDER, code(provider_id)).replace(
                REGION, code(region_id)
            )
        except FieldError:
            values = dict(zip(self._names, (provider_id, region_id), strict=True))
            return url_for(self._endpoint, **values, **self._fixed)
