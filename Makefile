# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := data/demo
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)

.PHONY: install browser-deps run test demo translations compile-translations static lint benchmark-load benchmark-search benchmark-portal

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# axe-core for the browser tests (package.json, exact version in package-lock.json), again
# whenever the lock file changes. Without npm the browser tests skip (and fail under CI=true).
browser-deps: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund && touch $@; \
	else \
		echo "npm not found: the browser tests will be skipped (apt-get install nodejs npm)"; \
	fi

# Compile the catalogues as committed: all that `make run` and `make test` need. It writes
# only the ignored .mo files, so a fresh clone stays clean (tests/test_translations.py
# checks that every string in the code is in every catalogue).
compile-translations: install
	$(BIN)/pybabel compile --statistics -d translations

# For developers after changing strings: extract every gettext string, merge it into each
# catalogue and compile them (this rewrites the catalogues' headers: commit the result).
translations: install
	$(BIN)/pybabel -q extract -F translations/babel.cfg -o translations/messages.pot \
		-k _l -k lazy_gettext --no-location --sort-output --omit-header portal indexer templates
	$(if $(CATALOGUES),$(BIN)/pybabel -q update -i translations/messages.pot -d translations \
		--no-fuzzy-matching --ignore-obsolete)
	$(if $(CATALOGUES),$(BIN)/pybabel compile --statistics -d translations)

# Fingerprinted copies of static files (site-<md5>.css) that pages link and browsers may
# keep for a year (portal/delivery.py); old copies are cleaned first.
static: install
	$(BIN)/flask --app portal:create_app digest clean
	$(BIN)/flask --app portal:create_app digest compile

demo: install
	$(BIN)/indexer load $(DEMO)
	$(BIN)/indexer build
	$(BIN)/indexer accounts demo

# gunicorn reads gunicorn.conf.py: threaded workers, and logs without client addresses,
# query strings or exception messages (docs/operations.md). PUBLIC_URL defaults to the
# address served, so share links and the family handout's QR code are whole links; set it
# to an address a phone can reach to scan the code from another device.
run: compile-translations static demo
	PUBLIC_URL="$${PUBLIC_URL:-http://127.0.0.1:5000}" $(BIN)/gunicorn --config gunicorn.conf.py

test: compile-translations static browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

benchmark-load: install
	$(BIN)/python benchmarks/load.py

benchmark-search: install
	$(BIN)/python benchmarks/search.py $(ARGS)

benchmark-portal: install
	$(BIN)/python benchmarks/portal.py $(ARGS)
