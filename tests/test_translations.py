"""The catalogues stay complete (DESIGN.md §6): every string in the code is in every
catalogue, translated, not fuzzy, with the same placeholders as the Dutch source."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).parent.parent
TRANSLATIONS = ROOT / "translations"
LOCALES = ("en", "tr", "ar", "pl", "uk")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


def catalogue(locale: str):
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def source_forms(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Every msgid in the code now, extracted as `make translations` does."""
    target = tmp_path_factory.mktemp("extract") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-F",
            str(TRANSLATIONS / "babel.cfg"),
            "-o",
            str(target),
            "portal",
            "indexer",
            "templates",
        ],
        cwd=ROOT,
        check=True,
    )
    with target.open("rb") as handle:
        return {str(source_forms(m)[0]) for m in read_po(handle) if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_in_the_code_is_in_the_catalogue(locale: str, extracted: set[str]) -> None:
    ids = {str(source_forms(m)[0]) for m in catalogue(locale) if m.id}
    assert sorted(extracted - ids) == [], "run `make translations` and translate the new strings"
    assert sorted(ids - extracted) == [], "obsolete strings: run `make translations`"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated_and_none_is_fuzzy(locale: str) -> None:
    messages = [m for m in catalogue(locale) if m.id]
    assert [m.id for m in messages if not all(forms(m))] == []
    assert [m.id for m in messages if m.fuzzy] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_the_placeholders(locale: str) -> None:
    wrong = []
    for message in (m for m in catalogue(locale) if m.id):
        wanted = sorted(set(PLACEHOLDER.findall(source_forms(message)[-1])))
        for form in forms(message):
            found = sorted(set(PLACEHOLDER.findall(form)))
            # A singular form may name the number in words instead of %(num)d.
            if found != wanted and not (set(found) <= set(wanted) and "%(num)d" in wanted):
                wrong.append((message.id, form))
    assert wrong == []
