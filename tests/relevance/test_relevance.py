"""Search relevance on the demo data: the bar is on the aggregate, overall and per language.

One test runs the whole set, so a single hard query never blocks work, while a change that
makes one language's families worse off fails. Run with `-s` to see the table and the misses.
"""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relevance.harness import (
    LANGUAGES,
    MIN_PER_LANGUAGE,
    MIN_TOTAL,
    Runner,
    check_cases,
    format_report,
    load_cases,
    relevance_run,
    summarise,
)

MIN_MRR = 0.8


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    """The demo data stored and indexed once for the whole module."""
    workdir: Path = tmp_path_factory.mktemp("relevance")
    with relevance_run(workdir) as run:
        yield run


def test_the_relevance_set_is_true_to_the_demo_data() -> None:
    cases = load_cases()
    assert check_cases(cases) == []
    per_language = Counter(case.lang for case in cases)
    assert set(per_language) == set(LANGUAGES)
    assert all(per_language[lang] >= MIN_PER_LANGUAGE[lang] for lang in LANGUAGES)
    assert len(cases) >= MIN_TOTAL


def test_search_finds_the_expected_providers_in_every_language(runner: Runner) -> None:
    scored = runner.run_all(load_cases())
    print()
    print(format_report(scored))
    figures = summarise(scored)
    below = {
        lang: round(f.mrr, 3) for lang, f in figures.items() if lang != "all" and f.mrr < MIN_MRR
    }
    assert figures["all"].mrr >= MIN_MRR, f"overall MRR {figures['all'].mrr:.3f} < {MIN_MRR}"
    assert not below, f"MRR below {MIN_MRR} for {below}"
