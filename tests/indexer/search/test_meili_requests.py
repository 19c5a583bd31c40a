"""The Meilisearch adapter's requests, checked without a server: exact request bodies
through an HTTP mock (`responses`), and the ways a server fails (task failed, task never
finishing, server down, no answer, wrong key)."""

import hashlib
import json
import re
import socket
from base64 import urlsafe_b64decode
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import responses
from responses import matchers

from indexer.search.contract import FACETS, SearchQuery, Segment, Sort
from indexer.search.engine import SearchUnavailable
from indexer.search.filters import clauses
from indexer.search.meili import MeiliEngine
from indexer.search.meili.primary_key import document_key
from indexer.search.meili.render import HIGHLIGHT_POST, HIGHLIGHT_PRE, render_filter
from indexer.search.vocabulary import Concept, Vocabulary, keyword_token

URL = "http://meili.test"
TODAY = date(2026, 11, 22)
BUILT = datetime(2026, 11, 22, 9, 30, 0, 123456, tzinfo=UTC)
BUILD = "providers_20261122093000123456"
ENQUEUED = "2026-11-22T09:30:00.123456789Z"  # nanoseconds, as Meilisearch writes them
VOCABULARY = Vocabulary(
    concepts=(Concept("anxiety", ("angst",), {"en": ("anxiety",), "tr": ("kaygı",)}),),
    stop_words={"nl": frozenset({"de", "het"}), "en": frozenset({"the"})},
)
ANXIETY = keyword_token(("angst",))  # the word Meilisearch expands to the concept's keywords
LANGS = ("nl", "en", "tr", "ar", "pl", "uk")
EXPECTED_SETTINGS = {
    "searchableAttributes": [
        "name",
        "focus_named",
        "focus",
        "focus_also",
        *(f"description_{lang}" for lang in LANGS),
        *(f"profile_names_{lang}" for lang in LANGS),
        "profiles",
        *(f"intensity_names_{lang}" for lang in LANGS),
    ],
    "filterableAttributes": [
        "_geo",
        "age_from",
        "age_groups",
        "age_to",
        "available_until",
        "care_forms",
        "has_outcomes",
        "id",
        "intensities",
        "languages",
        "offers",
        "profile_waits",
        "profiles",
        "provider_id",
        "region_id",
        "segments",
        "wait_band",
        "wait_fresh_until",
        "wait_weeks",
    ],
    "sortableAttributes": ["_geo", "goal_attainment_pct", "name_sort", "wait_weeks"],
    "rankingRules": ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    "typoTolerance": {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}},
    "synonyms": {keyword_token(("angst",)): ["angst"]},
    "stopWords": [],
    "localizedAttributes": [
        {
            "attributePatterns": [
                "name",
                "description_nl",
                "profile_names_nl",
                "intensity_names_nl",
            ],
            "locales": ["nld"],
        },
        *(
            {
                "attributePatterns": [
                    f"description_{lang}",
                    f"profile_names_{lang}",
                    f"intensity_names_{lang}",
                ],
                "locales": [code],
            }
            for lang, code in (
                ("en", "eng"),
                ("tr", "tur"),
                ("ar", "ara"),
                ("pl", "pol"),
                ("uk", "ukr"),
            )
        ),
    ],
    "faceting": {"maxValuesPerFacet": 200},
    "pagination": {"maxTotalHits": 100000},
}


def engine(**options) -> MeiliEngine:
    options = {"vocabulary": VOCABULARY, "clock": lambda: BUILT, "task_timeout_s": 2.0} | options
    return MeiliEngine(URL, "admin-key", **options)


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        yield rsps


_uids = iter(range(1, 10_000))


def task(
    mock: responses.RequestsMock,
    method: str,
    path: str,
    kind: str,
    *,
    body: object = None,
    status: str = "succeeded",
    error: dict | None = None,
) -> int:
    """Register a write that enqueues a task, and the task's state when polled."""
    uid = next(_uids)
    match = [matchers.json_params_matcher(body, strict_match=True)] if body is not None else []
    info = {"taskUid": uid, "indexUid": None, "status": "enqueued", "type": kind}
    info["enqueuedAt"] = ENQUEUED
    mock.add(method, f"{URL}/{path}", json=info, status=202, match=match)
    state = {"uid": uid, "status": status, "type": kind, "enqueuedAt": ENQUEUED}
    state["error"] = error
    mock.get(f"{URL}/tasks/{uid}", json=state)
    return uid


def missing_index(mock: responses.RequestsMock, uid: str) -> None:
    message = {"message": f"Index `{uid}` not found.", "code": "index_not_found"}
    mock.get(f"{URL}/indexes/{uid}", json=message | {"type": "invalid_request"}, status=404)


def built(mock: responses.RequestsMock) -> None:
    """The build aside as the swap reads it first (its creation time, see MeiliEngine._swap_in)."""
    mock.get(f"{URL}/indexes/{BUILD}", json={"uid": BUILD, "createdAt": ENQUEUED})


def requests_made(mock: responses.RequestsMock) -> list[str]:
    return [
        f"{call.request.method} {call.request.url.removeprefix(URL)}"
        for call in mock.calls
        if "/tasks/" not in call.request.url
    ]


def doc(number: int, provider: str = "p1") -> dict:
    return {"id": f"r{number}__{provider}", "provider_id": provider, "name": f"Aanbieder {number}"}


# The keys Meilisearch files doc(1), doc(2), doc(3) under: base64url of "r1__p1" and so on.
KEYS = {"r1__p1": "cjFfX3Ax", "r2__p1": "cjJfX3Ax", "r3__p1": "cjNfX3Ax"}


def sent(documents: list[dict]) -> list[dict]:
    """`documents` as the adapter sends them: each with its key."""
    return [document | {"key": KEYS[document["id"]]} for document in documents]


# -- settings ----------------------------------------------------------------------------


def test_settings_payload_is_complete_and_hashed_canonically_with_the_primary_key():
    """The primary key is hashed with the settings: the build that first files documents
    under `key` records a new hash, as a new index was needed."""
    meili = engine()
    assert meili.settings == EXPECTED_SETTINGS
    canonical = json.dumps(
        EXPECTED_SETTINGS | {"primaryKey": "key"},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert meili.settings_hash == hashlib.sha256(canonical.encode()).hexdigest()[:16]


def test_settings_hash_changes_with_the_vocabulary():
    """A new keyword changes what Meilisearch expands to: the index needs a rebuild."""
    more = Vocabulary(
        (Concept("anxiety", ("angst", "paniek"), {"en": ("anxiety",)}),), VOCABULARY.stop_words
    )
    assert engine(vocabulary=more).settings_hash != engine().settings_hash


def test_every_filter_and_facet_field_is_filterable():
    widest = SearchQuery(
        region_id="r",
        profiles=("P01",),
        intensities=("I1",),
        segment="B",
        care_forms=("ambulant",),
        languages=("tr",),
        age=4,
        max_wait_weeks=4,
        with_outcomes=True,
    )
    narrow = SearchQuery(profiles=("P01",)), SearchQuery(intensities=("I1",))
    fields = {c.field for q in (widest, *narrow) for c in clauses(q, TODAY)}
    filterable = set(engine().settings["filterableAttributes"])
    assert fields | set(FACETS) <= filterable


# -- rebuild -----------------------------------------------------------------------------


def test_rebuild_applies_settings_first_adds_batches_and_swaps(mock):
    documents = [doc(1), doc(2), doc(3)]
    task(mock, "POST", "indexes", "indexCreation", body={"uid": BUILD, "primaryKey": "key"})
    task(mock, "PATCH", f"indexes/{BUILD}/settings", "settingsUpdate", body=EXPECTED_SETTINGS)
    adds = f"indexes/{BUILD}/documents?primaryKey=key"
    task(mock, "POST", adds, "documentAdditionOrUpdate", body=sent(documents[:2]))
    task(mock, "POST", adds, "documentAdditionOrUpdate", body=sent(documents[2:]))
    missing_index(mock, "providers")
    task(mock, "POST", "indexes", "indexCreation", body={"uid": "providers", "primaryKey": "key"})
    built(mock)
    task(mock, "POST", "swap-indexes", "indexSwap", body=[{"indexes": ["providers", BUILD]}])
    record = {
        "id": "build",
        "last_build": "2026-11-22T09:30:00+00:00",
        "settings_hash": engine().settings_hash,
        "documents": 3,
    }
    meta = "indexes/providers_meta/documents?primaryKey=id"  # its one id is "build"
    task(mock, "POST", meta, "documentAdditionOrUpdate", body=[record])
    task(mock, "DELETE", f"indexes/{BUILD}", "indexDeletion")
    progress: list[int] = []

    assert engine(batch_size=2).rebuild(iter(documents), progress.append) == 3

    assert progress == [2, 1]  # per batch, as click's progressbar.update wants
    assert documents == [doc(1), doc(2), doc(3)]  # the caller's documents are left alone
    assert requests_made(mock) == [
        "POST /indexes",
        f"PATCH /indexes/{BUILD}/settings",
        f"POST /{adds}",
        f"POST /{adds}",
        "GET /indexes/providers",
        "POST /indexes",
        f"GET /indexes/{BUILD}",
        "POST /swap-indexes",
        f"POST /{meta}",
        f"DELETE /indexes/{BUILD}",
    ]
    assert all(c.request.headers["Authorization"] == "Bearer admin-key" for c in mock.calls)


def test_rebuild_swaps_with_an_existing_live_index_without_recreating_it(mock):
    task(mock, "POST", "indexes", "indexCreation", body={"uid": BUILD, "primaryKey": "key"})
    task(mock, "PATCH", f"indexes/{BUILD}/settings", "settingsUpdate")
    task(mock, "POST", f"indexes/{BUILD}/documents?primaryKey=key", "documentAdditionOrUpdate")
    mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "primaryKey": "id"})
    built(mock)
    task(mock, "POST", "swap-indexes", "indexSwap", body=[{"indexes": ["providers", BUILD]}])
    task(mock, "POST", "indexes/providers_meta/documents?primaryKey=id", "documentAdditionOrUpdate")
    task(mock, "DELETE", f"indexes/{BUILD}", "indexDeletion")

    assert engine().rebuild([doc(1)]) == 1
    assert "POST /indexes" not in requests_made(mock)[1:]  # the swap brings the new key


def test_document_keys_are_in_meilisearchs_alphabet_and_never_shared():
    """A dot (allowed in codes) is refused by Meilisearch; replacing it by an allowed
    character would file `a.b` and `a-b` under one key, and one would overwrite the other."""
    ids = ["noord__rustpunt.nl", "noord__rustpunt-nl", "noord__rustpunt_nl", "noord__rüstpunt"]
    keys = [document_key(i) for i in ids]
    assert len(set(keys)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", key) for key in keys)
    assert [urlsafe_b64decode(key + "==").decode() for key in keys] == ids
    assert keys[0] == "bm9vcmRfX3J1c3RwdW50Lm5s"


def test_a_failed_task_raises_with_the_servers_message_and_discards_the_new_index(mock):
    task(mock, "POST", "indexes", "indexCreation")
    error = {
        "message": "Attribute `_geo` is reserved and cannot be used as a searchable field.",
        "code": "invalid_settings_searchable_attributes",
        "type": "invalid_request",
    }
    task(mock, "PATCH", f"indexes/{BUILD}/settings", "settingsUpdate", status="failed", error=error)
    task(mock, "DELETE", f"indexes/{BUILD}", "indexDeletion")

    with pytest.raises(SearchUnavailable) as raised:
        engine().rebuild([doc(1)])

    message = str(raised.value)
    assert "failed" in message
    assert "cannot be used as a searchable field" in message
    assert "invalid_settings_searchable_attributes" in message
    assert "POST /swap-indexes" not in requests_made(mock)  # the live index is untouched


def test_a_task_that_never_finishes_times_out(mock):
    info = {"taskUid": 7, "indexUid": "providers", "status": "enqueued", "type": "indexCreation"}
    mock.post(f"{URL}/indexes", json=info | {"enqueuedAt": ENQUEUED}, status=202)
    stuck = {"uid": 7, "status": "processing", "type": "indexCreation"}
    mock.get(f"{URL}/tasks/7", json=stuck | {"enqueuedAt": ENQUEUED})
    mock.delete(f"{URL}/indexes/{BUILD}", json=info | {"enqueuedAt": ENQUEUED})

    with pytest.raises(SearchUnavailable, match=r"task 7 \(indexCreation\) did not finish within"):
        engine(task_timeout_s=0.1).rebuild([doc(1)])


# -- replace_provider --------------------------------------------------------------------


def test_replace_provider_adds_then_deletes_only_stale_documents(mock):
    documents = [doc(1), doc(2)]
    mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "primaryKey": "key"})
    adds = "indexes/providers/documents?primaryKey=key"
    task(mock, "POST", adds, "documentAdditionOrUpdate", body=sent(documents))
    stale = 'provider_id IN ["p1"] AND id NOT IN ["r1__p1", "r2__p1"]'
    delete = "indexes/providers/documents/delete"
    task(mock, "POST", delete, "documentDeletion", body={"filter": stale})

    engine().replace_provider("p1", documents)

    assert requests_made(mock) == ["GET /indexes/providers", f"POST /{adds}", f"POST /{delete}"]


def test_replace_provider_without_documents_deletes_by_escaped_provider_filter(mock):
    mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "primaryKey": "key"})
    body = {"filter": 'provider_id IN ["odd \\" OR id EXISTS \\\\"]'}
    task(mock, "POST", "indexes/providers/documents/delete", "documentDeletion", body=body)

    engine().replace_provider('odd " OR id EXISTS \\', [])


def test_replace_provider_refuses_to_create_an_index_without_settings(mock):
    missing_index(mock, "providers")
    with pytest.raises(SearchUnavailable, match="run a full rebuild first"):
        engine().replace_provider("p1", [doc(1)])
    assert requests_made(mock) == ["GET /indexes/providers"]


def test_replace_provider_in_an_index_from_before_the_key_asks_for_one_build(mock):
    """Its primary key is `id` and cannot change; without this, Meilisearch would refuse
    every document with a message that does not say the remedy."""
    mock.get(f"{URL}/indexes/providers", json={"uid": "providers", "primaryKey": "id"})
    with pytest.raises(SearchUnavailable) as raised:
        engine().replace_provider("p1", [doc(1)])
    assert str(raised.value) == (
        "Meilisearch index 'providers' files documents under 'id', this version under 'key': "
        "run `indexer build` once to make it anew"
    )
    assert requests_made(mock) == ["GET /indexes/providers"]


def test_replace_provider_refuses_documents_of_another_provider():
    with pytest.raises(ValueError, match="r1__p2"):
        engine().replace_provider("p1", [doc(1, "p2")])


# -- search ------------------------------------------------------------------------------


def search_bodies(query: SearchQuery) -> list[dict]:
    """The request bodies MeiliEngine sends for `query` (each answered with no hits)."""
    with responses.RequestsMock() as mock:
        mock.post(f"{URL}/indexes/providers/search", json={"hits": [], "totalHits": 0})
        engine().search(query, TODAY)
        return [json.loads(call.request.body) for call in mock.calls]


def search_body(query: SearchQuery) -> dict:
    """The search for the results page (not the count of names holding the words)."""
    return next(b for b in search_bodies(query) if "attributesToSearchOn" not in b)


def test_compound_query_renders_one_filter_in_clause_order():
    query = SearchQuery(
        text="angst",
        region_id="amsterdam-amstelland",
        profiles=("P01", "P06"),
        intensities=("I2",),
        care_forms=("ambulant",),
        languages=("tr",),
        age=12,
        max_wait_weeks=8,
        with_outcomes=True,
        locale="tr",
    )
    assert search_body(query) == {
        "q": ANXIETY,
        "matchingStrategy": "all",
        "filter": (
            "available_until >= 20261122"
            ' AND region_id IN ["amsterdam-amstelland"]'
            ' AND offers IN ["P01/I2", "P06/I2"]'
            ' AND care_forms IN ["ambulant"]'
            ' AND languages IN ["tr"]'
            " AND age_from <= 12 AND age_to >= 12"
            " AND ((profile_waits.p503031.weeks <= 8"  # P01 in hex
            " AND profile_waits.p503031.fresh_until >= 20261122)"
            " OR (profile_waits.p503036.weeks <= 8"
            " AND profile_waits.p503036.fresh_until >= 20261122))"
            " AND has_outcomes = true"
        ),
        "facets": list(FACETS),
        "page": 1,
        "hitsPerPage": 20,
        "attributesToCrop": ["description_tr", "description_nl"],
        "cropLength": 30,
        "cropMarker": "…",
        "attributesToHighlight": ["description_tr", "description_nl"],
        "highlightPreTag": "\ue000",
        "highlightPostTag": "\ue001",
        "locales": ["tur"],
    }


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (Sort.RELEVANCE, ["name_sort:asc"]),  # without text: alphabetical, as embedded
        (Sort.NAME, ["name_sort:asc"]),
        (Sort.DISTANCE, ["_geoPoint(52.3731, 4.8922):asc", "name_sort:asc"]),
        (Sort.GOAL_ATTAINMENT, ["goal_attainment_pct:desc", "name_sort:asc"]),
        (Sort.WAIT, ["wait_weeks:asc", "name_sort:asc"]),
    ],
)
def test_each_sort_renders_its_rule(sort, expected):
    body = search_body(SearchQuery(sort=sort, origin=(52.3731, 4.8922)))
    assert body.get("sort") == expected


def test_relevance_with_text_leaves_the_order_to_meilisearch():
    assert "sort" not in search_body(SearchQuery(text="angst"))


def test_a_known_word_is_sent_as_the_one_word_synonyms_expand_to_its_keywords():
    """Meilisearch expands synonyms only in runs of up to 3 words, so the phrase recognised
    is sent as one made-up word, whatever the language or form it was typed in."""
    for typed, locale in (("Kaygı", "tr"), ("kaygi", "tr"), ("anxiety", "en"), ("ANGST", "nl")):
        assert search_body(SearchQuery(text=typed, locale=locale))["q"] == ANXIETY


def test_words_the_vocabulary_does_not_know_are_sent_folded():
    assert search_body(SearchQuery(text="ÇOCUK Ödev", locale="tr"))["q"] == "cocuk odev"


def test_a_sentence_sends_only_the_vocabulary_phrases_it_holds():
    """The words around a recognised phrase are not sent (indexer.search.relaxing), and an
    inflected form is recognised as the embedded engine recognises it."""
    sentence = SearchQuery(text="Mijn kind heeft de hele dag ANGSTEN.", locale="nl")
    assert search_body(sentence)["q"] == ANXIETY
    sentence = SearchQuery(text="My son has had anxieties for years", locale="en")
    assert search_body(sentence)["q"] == ANXIETY


def test_known_words_beside_others_are_first_looked_for_in_the_names_only():
    """ "Hoofdzaak Online" may be a provider's name: one count on `name`, no hits fetched."""
    count, *_ = search_bodies(SearchQuery(text="hoofdzaak angst", locale="nl"))
    assert count["q"] == "hoofdzaak angst"
    assert (count["attributesToSearchOn"], count["hitsPerPage"]) == (["name"], 0)
    assert len(search_bodies(SearchQuery(text="angst", locale="nl"))) == 1  # a lone known word


def test_page_facets_and_dutch_locale():
    body = search_body(SearchQuery(page=3, page_size=10, facets=("profiles", "languages")))
    assert (body["page"], body["hitsPerPage"]) == (3, 10)
    assert body["facets"] == ["profiles", "languages"]
    assert body["attributesToCrop"] == body["attributesToHighlight"] == ["description_nl"]
    assert body["locales"] == ["nld"]
    assert "offset" not in body and "limit" not in body  # they give estimates only


def test_a_quote_in_a_filter_value_stays_inside_the_string():
    hostile = 'P01" OR region_id EXISTS OR x = "\\'
    rendered = render_filter(clauses(SearchQuery(profiles=(hostile,)), TODAY))
    assert rendered == (
        'available_until >= 20261122 AND profiles IN ["P01\\" OR region_id EXISTS OR x = \\"\\\\"]'
    )
    assert search_body(SearchQuery(profiles=(hostile,)))["filter"] == rendered


def test_response_maps_to_search_result():
    query = SearchQuery(
        text="angst", origin=(52.37, 4.89), facets=("profiles", "has_outcomes"), locale="en"
    )
    pre, post = HIGHLIGHT_PRE, HIGHLIGHT_POST
    formatted = f"…helps with {pre}anxiety{post} and {pre}worry{post}"
    hits = [
        {
            "id": "r1__p1",
            "key": "cjFfX3Ax",
            "name": "Een",
            "_geo": {"lat": 52.37, "lng": 4.89},
            "_geoDistance": 2345,
            "_formatted": {"id": "r1__p1", "description_en": formatted, "description_nl": "x"},
        },
        {
            "id": "r1__p2",
            "name": "Twee",
            "_geo": {"lat": 52.46, "lng": 4.89},
            "_formatted": {"description_en": "", "description_nl": "Hulp bij angst"},
        },
        {"id": "r1__p3", "name": "Drie", "_geo": None, "_formatted": {}},
    ]
    answer = {
        "hits": hits,
        "totalHits": 41,
        "totalPages": 3,
        "facetDistribution": {"profiles": {"P01": 30, "P06": 2}},
    }
    with responses.RequestsMock() as mock:
        mock.post(f"{URL}/indexes/providers/search", json=answer)
        result = engine().search(query, TODAY)

    assert result.total == 41
    assert result.query is query
    assert result.facets == {"profiles": {"P01": 30, "P06": 2}, "has_outcomes": {}}
    first, second, third = result.hits
    assert first.id == "r1__p1"
    assert first.document == {"id": "r1__p1", "name": "Een", "_geo": {"lat": 52.37, "lng": 4.89}}
    assert first.snippet == [
        Segment("…helps with "),
        Segment("anxiety", match=True),
        Segment(" and "),
        Segment("worry", match=True),
    ]
    assert first.distance_km == 0.0  # from _geo as in every engine, not from _geoDistance
    assert second.snippet == [Segment("Hulp bij angst")]  # no English text: Dutch
    assert second.distance_km == 10.0  # computed from _geo
    assert (third.snippet, third.distance_km) == ([], None)


# -- failures ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
def test_a_rejected_key_explains_which_key_is_needed(mock, status):
    refusal = {
        "message": "The provided API key is invalid.",
        "code": "invalid_api_key",
        "type": "auth",
        "link": "https://docs.meilisearch.com/errors#invalid_api_key",
    }
    mock.post(f"{URL}/indexes", json=refusal, status=status)
    mock.delete(f"{URL}/indexes/{BUILD}", json=refusal, status=status)
    with pytest.raises(SearchUnavailable) as raised:
        MeiliEngine(URL, "search-key", vocabulary=VOCABULARY, clock=lambda: BUILT).rebuild([])
    message = str(raised.value)
    assert f"HTTP {status} invalid_api_key" in message
    assert "The provided API key is invalid." in message
    assert "admin key" in message


def test_a_missing_index_surfaces_on_search(mock):
    mock.post(
        f"{URL}/indexes/providers/search",
        json={"message": "Index `providers` not found.", "code": "index_not_found"},
        status=404,
    )
    with pytest.raises(SearchUnavailable, match="index_not_found"):
        engine().search(SearchQuery(), TODAY)


def test_server_down_is_reported_with_its_address():
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = MeiliEngine(f"http://127.0.0.1:{port}", "k", vocabulary=VOCABULARY, timeout_s=2)
    with pytest.raises(
        SearchUnavailable, match=f"cannot reach Meilisearch at http://127.0.0.1:{port}"
    ):
        down.search(SearchQuery(), TODAY)
    with pytest.raises(SearchUnavailable, match="is the server running"):
        down.replace_provider("p1", [])


def test_a_server_that_does_not_answer_times_out():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        slow = MeiliEngine(f"http://127.0.0.1:{port}", "k", vocabulary=VOCABULARY, timeout_s=0.2)
        with pytest.raises(SearchUnavailable, match=r"did not answer within 0\.2 s"):
            slow.search(SearchQuery(), TODAY)


# -- status ------------------------------------------------------------------------------


def test_status_reads_document_count_and_build_record(mock):
    mock.get(f"{URL}/indexes/providers/stats", json={"numberOfDocuments": 165, "isIndexing": False})
    record = {"id": "build", "last_build": "2026-11-22T09:30:00+00:00", "settings_hash": "abc"}
    mock.get(f"{URL}/indexes/providers_meta/documents/build", json=record)
    status = engine().status()
    assert (status.engine, status.documents) == ("meilisearch", 165)
    assert (status.last_build, status.settings_hash) == ("2026-11-22T09:30:00+00:00", "abc")


def test_status_before_any_build(mock):
    mock.get(
        f"{URL}/indexes/providers/stats",
        json={"message": "Index `providers` not found.", "code": "index_not_found"},
        status=404,
    )
    missing_index(mock, "providers_meta/documents/build")
    meili = engine()
    status = meili.status()
    assert (status.documents, status.last_build) == (0, None)
    assert status.settings_hash == meili.settings_hash
