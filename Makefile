# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := data/demo
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)

.PHONY: install run test demo translations lint benchmark-load benchmark-search

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Extract every gettext string, merge it into each catalogue and compile them, so the
# compiled catalogues are always built from the current sources, never stale.
translations: install
	$(BIN)/pybabel -q extract -F translations/babel.cfg -o translations/messages.pot \
		--no-location --sort-output --omit-header portal indexer templates
	$(if $(CATALOGUES),$(BIN)/pybabel -q update -i translations/messages.pot -d translations \
		--no-fuzzy-matching --ignore-obsolete)
	$(if $(CATALOGUES),$(BIN)/pybabel compile --statistics -d translations)

demo: install
	$(BIN)/indexer load $(DEMO)
	$(BIN)/indexer build

run: translations demo
	$(BIN)/gunicorn --workers 2 --bind 127.0.0.1:5000 "portal:create_app()"

test: translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

benchmark-load: install
	$(BIN)/python benchmarks/load.py

benchmark-search: install
	$(BIN)/python benchmarks/search.py
