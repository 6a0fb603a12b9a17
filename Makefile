# Follow-up Assistant — `make run` starts the product, `make test` proves it.
# Every target sets up what it needs on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := e2e/node_modules/.installed
# A system Chromium when there is one (Debian's package), else Playwright's own download.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || true)
export FOLLOWUP_CHROMIUM := $(CHROMIUM)

.PHONY: install uninstall run pair tokens test lint test-js test-deps test-firefox-oldest test-backend test-e2e lint-extension eval bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@if [ -z "$(CHROMIUM)" ]; then $(PY) -m playwright install chromium; fi
	touch $@

$(NODE_STAMP): e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP)  ## once: the browsers start the backend and pair the extension by themselves
	$(PY) -m backend install

uninstall: $(STAMP)  ## undo `make install` (your data stays)
	$(PY) -m backend uninstall

run: $(STAMP)  ## start the backend on 127.0.0.1:8642 by hand
	$(PY) -m backend

pair: $(STAMP)  ## print a pairing code for the extension
	$(PY) -m backend pair

tokens: $(STAMP)  ## list the paired browsers (revoke one: .venv/bin/followup-assistant tokens --revoke N)
	$(PY) -m backend tokens

test: $(TEST_STAMP) $(NODE_STAMP)  ## every test: linters, extension unit tests, backend, browser
	@start=$$(date +%s); status=0; \
	{ $(MAKE) --no-print-directory lint test-js \
	  && (cd e2e && npx --no-install web-ext lint --source-dir ../extension --self-hosted --output text) \
	  && $(PY) -m pytest -q; } || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s in all (the budget is 15 minutes)"; \
	exit $$status

lint: $(TEST_STAMP) $(NODE_STAMP)  ## ruff over the Python, eslint over the extension
	$(PY) -m ruff check .
	e2e/node_modules/.bin/eslint extension

test-js: $(NODE_STAMP)  ## node --test: the extension's pure scripts, adapters on static HTML
	node --import ./tests/js/register.mjs --test tests/js/

test-deps:  ## as root: the browsers, Roundcube, PHP and dovecot the browser suites need (Debian)
	e2e/system-deps.sh

# The Firefox suite on the oldest firefox-esr apt offers (140 on Debian 12): the manifest's
# strict_min_version is the oldest version this passes on. Not part of `make test` (a 76 MB download).
FIREFOX_OLDEST := .cache/firefox-oldest
test-firefox-oldest: $(TEST_STAMP) $(NODE_STAMP)
	e2e/firefox-oldest.sh $(FIREFOX_OLDEST)
	FOLLOWUP_FIREFOX=$(FIREFOX_OLDEST)/usr/lib/firefox-esr/firefox-esr $(PY) -m pytest -q e2e/test_firefox.py

test-backend: $(TEST_STAMP)
	$(PY) -m pytest -q tests

test-e2e: $(TEST_STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q e2e

lint-extension: $(NODE_STAMP)
	cd e2e && npx --no-install web-ext lint --source-dir ../extension --self-hosted --output text

eval: $(TEST_STAMP)  ## precision and recall: the checker's, then the mail detector's
	@status=0; $(PY) -m backend.checker.eval || status=1; echo; \
	$(PY) -m backend.inbox.eval || status=1; exit $$status

bench: $(TEST_STAMP) $(NODE_STAMP)  ## every benchmark, figures as ratios from one run
	@set -e; for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script; done

clean:
	rm -rf $(VENV) e2e/node_modules .pytest_cache .hypothesis
