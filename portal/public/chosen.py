"""The providers a visitor chose by id (`?id=region__provider&id=…`), read from the store
for compare, the shortlist and the referrers' family handout.

Apart from the compare blueprint because the handout (portal/referrers) reads them too:
the compare blueprint imports portal.referrers, so portal.referrers imports this module,
never the blueprint.
"""

from indexer.listing import provider_listing
from portal.database import get_session
from portal.services import today

MAX_SHORTLIST = 20


def chosen_listings(ids: list[str]) -> list:
    """The listing of each id, once, in the order given; an id that names no provider
    listed in that region is left out."""
    session = get_session()
    found = []
    for document_id in dict.fromkeys(ids):
        region_id, _sep, provider_id = document_id.partition("__")
        listing = provider_listing(provider_id, region_id, session=session, today=today())
        if listing is not None and listing.region.id == region_id:
            found.append(listing)
    return found
