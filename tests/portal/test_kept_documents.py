"""The embedded engine keeps the documents it has read for every page after (see
`EmbeddedEngine._documents_for`). That is only right while no page changes one: a change
made for one family's page would show on every page after it."""

import orjson
import tantivy
from flask import Flask
from flask.testing import FlaskClient

from indexer.search.embedded import EmbeddedEngine

PAGES = [
    "/zoeken?postcode=1011",
    "/zoeken?q=angst&postcode=1011&sortering=distance&lang=ar",
    "/zoeken?postcode=1011&profiel=P01&sortering=wait&weergave=professioneel",
    "/zoeken?postcode=1011&formaat=xlsx",
    "/zoeken?postcode=1011&formaat=csv",
    "/api/v1/search?postcode=1011&lang=en",
    "/api/v1/search?q=school&postcode=1011&sort=wait&profile=P01",
]


def test_no_page_changes_a_kept_document(app: Flask, client: FlaskClient) -> None:
    engine = app.extensions["search"]
    assert isinstance(engine, EmbeddedEngine)  # the app fixture's engine, which keeps them
    for _ in range(2):  # the second time, every page reads the kept documents
        for path in PAGES:
            response = client.get(path)
            assert response.status_code == 200, (path, response.get_data(as_text=True)[:300])
    searcher = engine._searcher_now()
    kept = engine._documents_for(searcher)
    stored = {
        (address.segment_ord, address.doc): orjson.loads(searcher.doc(address)["source"][0])
        for _, address in searcher.search(tantivy.Query.all_query(), searcher.num_docs).hits
    }
    assert len(kept) >= 2  # the region's providers
    assert kept == {key: stored[key] for key in kept}
