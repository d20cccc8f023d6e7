# Task runner. The README's two commands are `make serve` and `make test`;
# each installs everything it needs first, so a fresh Debian machine needs
# nothing else.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NPM_BIN := tests/node_modules/.bin
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_BIN := $(PROPERDOCS_VENV)/bin
ENGINE_PARITY_DIR := engine-parity
# What must hold in both positions of extra.strict_csp.speed (strict CSP, no other host,
# offline copy, sub-path, blocked storage): `make test` runs these twice.
SPEED_SWITCH_TESTS := tests/test_hosting.py tests/test_browser_site.py tests/test_palette_browser.py
JS_SOURCES := overrides/assets/javascripts overrides/strict-csp/assets/javascripts tests/js
CSS_SOURCES := "overrides/assets/stylesheets/**/*.css"
export NO_MKDOCS_2_WARNING := 1
# Builds are dated by the last commit, so that two builds of one commit match to the
# byte (README, "Reproducible builds"); a date already set wins; no Git, no date.
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
COMMIT_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_EPOCH),)
export SOURCE_DATE_EPOCH := $(COMMIT_EPOCH)
endif
endif

.PHONY: serve build offline check test goldens install install-test install-npm install-bench install-mutation mutation install-properdocs engine-parity parity links-report links-external review-due system-deps lint bench clean

## serve: install, build the site to site/, then serve it on 127.0.0.1:8000
serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: install, then build the site to site/ (strict: any warning fails)
build: install
	$(BIN)/mkdocs build --strict --clean --site-dir site

## offline: a copy that works opened from disk (file://), zipped in dist/ (DIST=... elsewhere)
DIST ?= dist
offline: install
	$(BIN)/python hooks/offline_copy.py --dist "$(DIST)"

## check: the quick loop while editing: every test that needs no browser and no server
## (the rest of the suite, marked `browser` by tests/conftest.py, runs in `make test`).
## --dist load: test by test, not file by file (tests/test_checklist.py alone is a third of the time)
check: lint
	$(BIN)/python -m pytest -m "not browser" --numprocesses 2 --dist load

## goldens: write tests/golden/ files again from the current code, and take the installed Material's
## originals of our overridden templates into tests/fixtures/material-originals/; review the diff, then commit
goldens: install-test
	$(BIN)/python -m pytest -m golden --update-goldens -q
	git status --short tests/golden tests/fixtures/material-originals

## lint: every code linter: ruff (lint and format) and mypy for the Python (pyproject.toml),
## ESLint for the site's scripts and their tests, Stylelint for its stylesheets (their
## configurations in tests/, their versions in tests/package-lock.json); the editorial
## linters (spelling, Markdown, workflows) run in `make check` and `make test`
lint: install-test install-npm
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy
	$(NPM_BIN)/eslint --config tests/eslint.config.mjs $(JS_SOURCES)
	$(NPM_BIN)/stylelint --config tests/stylelint.config.mjs $(CSS_SOURCES)

## test: install everything (Python, npm checkers, system Chromium, Firefox ESR and Java), then run the whole suite
test: install-test system-deps install-npm
	$(BIN)/python -m pytest
	@echo "== Again with the strict CSP unit's speed switch off (extra.strict_csp.speed: false)"
	STRICT_CSP_SPEED=false $(BIN)/python -m pytest -q $(SPEED_SWITCH_TESTS)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 cannot create a virtual environment; installing Debian's python3-venv"; \
	  .ci/system-deps python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@ $(VENV)/.installed

## install-npm: the checkers from the npm registry (validator, spelling, Markdown and workflow lint),
## exactly as tests/package-lock.json pins them; skipped when node_modules is up to date.
## --ignore-scripts: vnu-jar's install script would download a Java; Debian's is used instead.
install-npm: tests/node_modules/.installed

tests/node_modules/.installed: tests/package.json tests/package-lock.json | system-deps
	cd tests && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## engine-parity: build the site with MkDocs and with ProperDocs (the maintained fork of
## MkDocs 1.6, in .venv-properdocs from requirements-properdocs.txt), then compare them
## file by file: only the engine's name in the generator tag may differ; exit 1 on any
## other difference, with a diff excerpt (README, "Checks on every pull request").
## Its own CI job runs it; not part of `make test`.
engine-parity: install install-properdocs
	$(BIN)/mkdocs build --strict --clean --site-dir $(ENGINE_PARITY_DIR)/mkdocs
	$(PROPERDOCS_BIN)/properdocs build --strict --clean --config-file mkdocs.yml --site-dir $(ENGINE_PARITY_DIR)/properdocs
	PYTHONPATH=tests $(BIN)/python -m checks.engine_parity $(ENGINE_PARITY_DIR)/mkdocs $(ENGINE_PARITY_DIR)/properdocs

install-properdocs: $(PROPERDOCS_VENV)/.installed

# After .venv: its rule installs python3-venv when python3 cannot make one.
$(PROPERDOCS_VENV)/bin/python: | $(VENV)/bin/python
	$(PYTHON) -m venv $(PROPERDOCS_VENV)

# --no-deps: every package is pinned in the file, and mkdocs, which Material and the
# plugins declare, is left out on purpose (requirements-properdocs.txt says why).
$(PROPERDOCS_VENV)/.installed: requirements-properdocs.txt | $(PROPERDOCS_VENV)/bin/python
	$(PROPERDOCS_BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	@touch $@

## links-report: build, check every link of the built site, list external links in external-links.txt
links-report: build
	PYTHONPATH=tests $(BIN)/python -m checks.links site --external external-links.txt

## links-external: build, then ask every site the guide links to whether the page is still
## there (needs the network, so not part of `make test`): one line per link with its status
## and the file and line to fix; exit 1 when a link is broken (README, "Checking sources")
links-external: build
	PYTHONPATH=tests $(BIN)/python -m checks.external_links site

## review-due: list the pages (front matter review_due:) and facts (docs/data/facts.yml
## review_by:) whose review date has come, with file and line; exit 1 when something is due.
## TODAY=YYYY-MM-DD checks another day (README, "Checking sources")
review-due: install
	PYTHONPATH=tests:hooks $(BIN)/python -m checks.review_due $(if $(TODAY),--today "$(TODAY)")

## parity: list pages changed in one language only on this branch (BASE=main by default)
parity: install
	PYTHONPATH=tests $(BIN)/python -m checks.parity --base $(or $(BASE),main)

## bench: every benchmark script in tests/bench/ (Lighthouse, bytes transferred, build time,
## HTTP Observatory, save-to-preview in `make serve`); they print the figures that README's
## "Performance" section records.
## Their npm packages (tests/bench/package-lock.json) are installed here only, not by `make test`
## (--ignore-scripts: an Observatory dependency would download certificates at install time).
## Each script runs even when one before it finds a budget missed; then the exit status is 1.
bench: install-test system-deps install-bench
	@status=0; for script in tests/bench/bench_*.py; do echo "== $$script"; $(BIN)/python "$$script" || status=1; done; exit $$status

install-bench: tests/bench/node_modules/.installed

tests/bench/node_modules/.installed: tests/bench/package.json tests/bench/package-lock.json | system-deps
	cd tests/bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## mutation: mutation testing (README, "Mutation testing"; not part of `make test`): mutmut
## over the pure modules of hooks/ (tests/mutation/run.py), StrykerJS over the checklist's
## logic under `node --test`; the score per module, then every survivor in reports/mutation/;
## fails when a module scores under the minimum (MINIMUM_SCORE in run.py). MODULES="checklist
## glossary" mutates those hooks only; MODULES=checklist.js the JavaScript only (a minute).
mutation: install-mutation
	$(BIN)/python tests/mutation/run.py $(MODULES)

## install-mutation: mutmut (requirements-mutation.txt) and StrykerJS (tests/mutation/package-lock.json)
install-mutation: $(VENV)/.installed-mutation tests/mutation/node_modules/.installed

$(VENV)/.installed-mutation: requirements.txt requirements-test.txt requirements-mutation.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	@touch $@ $(VENV)/.installed-test $(VENV)/.installed

# npm (and Node with it) only: no browser is needed here.
tests/mutation/node_modules/.installed: tests/mutation/package.json tests/mutation/package-lock.json
	@.ci/system-deps npm
	cd tests/mutation && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## system-deps: Debian packages the browser tests need (never a downloaded browser)
system-deps:
	@.ci/system-deps

clean:
	rm -rf site $(VENV) $(PROPERDOCS_VENV) $(ENGINE_PARITY_DIR)
