# Task runner. The README's two commands are `make serve` and `make test`;
# each installs everything it needs first, so a fresh Debian machine needs
# nothing else.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test install install-test install-npm parity system-deps lint bench clean

## serve: install, build the site to site/, then serve it on 127.0.0.1:8000
serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: install, then build the site to site/ (strict: any warning fails)
build: install
	$(BIN)/mkdocs build --strict --clean --site-dir site

## test: install everything (Python, npm checkers, system Chromium and Java), then run the whole suite
test: install-test system-deps install-npm
	$(BIN)/python -m pytest

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
## exactly as package-lock.json pins them; skipped when node_modules is up to date.
## --ignore-scripts: vnu-jar's install script would download a Java; Debian's is used instead.
install-npm: node_modules/.installed

node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## parity: list pages changed in one language only on this branch (BASE=main by default)
parity: install
	$(BIN)/python -m checks.parity --base $(or $(BASE),main)

## system-deps: Debian packages the browser tests need (never a downloaded browser)
system-deps:
	@.ci/system-deps

clean:
	rm -rf site $(VENV)
