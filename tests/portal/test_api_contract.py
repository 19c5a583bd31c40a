"""The API keeps to the OpenAPI document it serves, as an outside developer would test it.

Schemathesis reads /api/v1/openapi.json from the app and sends generated requests to every
operation: values that fit the document (half of them with the ids of the minimal dataset,
so resources are found, not only missed) and values that break it. Every response must be
no 5xx, have a status, content type, headers and body the document declares, and a request
that breaks the document must be refused with a 4xx. The run is derandomized, so CI sends
the same requests every time; 2,000 requests take about half a minute. (Schemathesis
leaves out the document's own operation, /openapi.json; the first test checks it.)
"""

from collections import Counter
from math import ceil

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from indexer.hsds.ids import hsds_id, location_id, organization_id, service_id
from indexer.hsds.taxonomies import PROFILES, taxonomy_id, term_id
from portal.api.registry import PREFIX

REQUESTS = 2000  # in total, shared evenly by the operations and both kinds of values
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# The WSGI transport reads bodies as sent: compression (portal/delivery.py) is left out.
PLAIN = {"Accept-Encoding": "identity"}
# Values of the minimal dataset, fixed in a share of the valid requests (the rest generated),
# so resources are found and searches find providers, not only miss them.
REGION = ({"region_id": "testregio"}, {})
KNOWN = {
    "/providers/{provider_id}": ({"provider_id": "rustpunt"}, {"region": "testregio"}),
    "/regions/{region_id}": REGION,
    "/regions/{region_id}/bandwidths": REGION,
    "/regions/{region_id}/export.json": REGION,
    "/regions/{region_id}/export.zip": REGION,
    "/search": ({}, {"postcode": "1011", "page": 1}),
    "/teams": ({}, {"postcode": "1011 AB"}),
    # The HSDS records of Rustpunt Jeugd, so found objects are held to HSDS's own schemas.
    "/hsds/organizations/{id}": ({"id": organization_id("rustpunt")}, {}),
    "/hsds/services/{id}": ({"id": service_id("testregio", "rustpunt")}, {}),
    "/hsds/locations/{id}": ({"id": location_id("rustpunt", "loc-1")}, {}),
    "/hsds/service_at_locations/{id}": (
        {"id": hsds_id("service_at_location", "testregio", "rustpunt", "loc-1")},
        {},
    ),
    "/hsds/taxonomies/{id}": ({"id": taxonomy_id("testregio", PROFILES)}, {}),
    "/hsds/taxonomy_terms/{id}": ({"id": term_id("testregio", PROFILES, "P01")}, {}),
}


def load(app: Flask) -> schemathesis.BaseSchema:
    app.config["API_RATE_LIMIT"] = "100000 per minute"  # the generated requests, not the limit
    return schemathesis.openapi.from_wsgi(f"{PREFIX}/openapi.json", app)


def test_the_document_is_valid_openapi_3_1(app: Flask) -> None:
    schema = load(app)
    schema.validate()
    assert schema.raw_schema["openapi"] == "3.1.0"


def test_every_route_is_in_the_document(app: Flask) -> None:
    document = app.test_client().get(f"{PREFIX}/openapi.json").get_json()
    documented = {(PREFIX + path).replace("{", "<").replace("}", ">") for path in document["paths"]}
    routes = {rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith(PREFIX)}
    assert routes == documented


def test_generated_requests_get_documented_answers(
    app: Flask, capsys: pytest.CaptureFixture[str]
) -> None:
    operations = [result.ok() for result in load(app).get_all_operations()]
    per_run = ceil(REQUESTS / (2 * len(operations)))
    sent: Counter[str] = Counter()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run(operation, mode, per_run, sent)
    with capsys.disabled():
        print(f"\nSchemathesis: {sent.total()} requests to {len(operations)} operations")
    assert sent.total() >= 1000
    assert set(sent) == {operation.label for operation in operations}


def _run(operation, mode: GenerationMode, examples: int, sent: Counter) -> None:
    strategy = operation.as_strategy(generation_mode=mode)
    if operation.path in KNOWN and mode is GenerationMode.POSITIVE:
        path, query = KNOWN[operation.path]
        known = operation.as_strategy(path_parameters=path or None, query=query or None)
        strategy = st.one_of(known, strategy)

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def one_request(case) -> None:
        response = case.call(headers=PLAIN)
        case.validate_response(response, checks=CHECKS, headers=PLAIN)
        sent[operation.label] += 1

    one_request()
