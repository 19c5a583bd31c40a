"""Search relevance on the demo data: the bar is on the aggregate, per part and per language.

One test runs the whole set, so a single hard query never blocks work, while a change that
makes one language's families worse off fails. Run with `-s` to see the tables and the misses.
The embedded engine always runs; Meilisearch too when MEILI_URL names a server.
"""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relevance.harness import (
    LANGUAGES,
    MIN_PER_PART,
    check_cases,
    format_report,
    load_all,
    relevance_run,
    summarise,
)
from tests.utils.meili import SKIP_REASON, live_url

# MRR per language and part, the same for both engines (issue 12's aim of 0.92 in every
# language; the old part held at its level). On 2026-12-05 the lowest were 0.956 (old part),
# 0.938 (new part) and 0.900 (held-out part, English) on both, Meilisearch v1.50.
MIN_MRR = {"old": 0.95, "new": 0.92, "held-out": 0.90}


@pytest.fixture(scope="module", params=["embedded", "meilisearch"])
def runner(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """The demo data stored and indexed once per engine for the whole module."""
    if request.param == "meilisearch" and not live_url():
        pytest.skip(SKIP_REASON)
    workdir: Path = tmp_path_factory.mktemp("relevance")
    with relevance_run(workdir, engine=request.param) as run:
        yield request.param, run


def test_the_relevance_set_is_true_to_the_demo_data() -> None:
    cases = load_all()
    assert check_cases(cases) == []
    for part, (least, total) in MIN_PER_PART.items():
        per_language = Counter(case.lang for case in cases if case.part == part)
        assert set(per_language) == set(LANGUAGES)
        assert all(per_language[lang] >= least[lang] for lang in LANGUAGES)
        assert sum(per_language.values()) >= total


def test_search_finds_the_expected_providers_in_every_language(runner: tuple) -> None:
    engine, run = runner
    scored = run.run_all(load_all())
    print()
    print(format_report(scored, engine))
    below = {}
    for part, bar in MIN_MRR.items():
        figures = summarise([item for item in scored if item.case.part == part])
        below |= {
            f"{part} {lang}": round(f.mrr, 3)
            for lang, f in figures.items()
            if lang != "all" and f.mrr < bar
        }
    assert not below, f"MRR below {MIN_MRR} for {below}"
    assert [item.case.id for item in scored if not item.total] == [], "found nothing at all"
