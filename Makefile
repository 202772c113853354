# Two commands set everything up on a fresh machine: `make book` and `make test` (see README.md).
PYTHON ?= python3
# Python caches compiled modules, and pytest its rewritten tests, under __pycache__ (which git ignores); a shell that
# sets PYTHONDONTWRITEBYTECODE makes every run compile them again: about 3 s a test worker.
unexport PYTHONDONTWRITEBYTECODE
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PAPER ?= a4

.PHONY: book html pdf test test-fast lint format cases node node_modules java linkcheck serve clean browser bench

# Create the virtualenv and install the project with its pinned dependencies; redone when they change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## book: the HTML site in _build/html and the PDFs in _build/pdf (PAPER=a4 or PAPER=letter)
book: html pdf

## node_modules: PurgeCSS for the build, exactly as package-lock.json pins it
node_modules: node_modules/.installed
node_modules/.installed: package.json package-lock.json | node
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## html: every page rebuilt strictly (only the CSS the pages use is shipped); notebooks come from the cache
html: $(STAMP) node_modules/.installed
	$(BIN)/python -m leadership_handbook.build --clean

## pdf: handbook, participant workbook and facilitator guide, printed from the built site by Chromium, and put
## beside the site's pages (_build/html/pdf/), which link to them
pdf: html browser
	$(BIN)/python -m leadership_handbook.print_pdf --paper $(PAPER)
	mkdir -p _build/html/pdf && cp _build/pdf/*.pdf _build/html/pdf/

## browser: make sure headless Chromium is on the machine (Debian's chromium-headless-shell and chromium, else
## Playwright's headless shell)
browser: $(STAMP)
	$(BIN)/python -m leadership_handbook.browser --install

## node: make sure Node.js is on the machine (Debian's nodejs), for the JavaScript rules' shared cases
node:
	@{ command -v node && command -v npm; } >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; } || \
	  { echo "Node.js and npm are needed: install Debian's nodejs and npm packages"; exit 1; }

## java: make sure Java is on the machine (Debian's default-jre-headless), for the W3C HTML checker
java:
	@command -v java >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless; } || \
	  { echo "Java is needed for the HTML checker: install Debian's default-jre-headless package"; exit 1; }

## test: the whole test suite (strict build, notebooks, links, self-contained site, exercises)
test: $(STAMP) browser node java node_modules/.installed
	$(BIN)/python -m pytest

## test-fast: rules, instruments, templates and the shared cases in Python and Node; no build, no browser
test-fast: $(STAMP) node java
	$(BIN)/python -m pytest -m "not build and not browser" -q

## lint: ruff over the package, tests and bench (the same check pre-commit runs)
lint: $(STAMP)
	$(BIN)/ruff check leadership_handbook tests bench

## format: ruff's formatter over the package, tests and bench
format: $(STAMP)
	$(BIN)/ruff format leadership_handbook tests bench

## cases: rewrite every kind's cases.json from the Python rules (after changing a rule or an instrument)
cases: $(STAMP)
	$(BIN)/python -m leadership_handbook.core.cases

## linkcheck: check external links (needs the network); report in _build/linkcheck/, never part of `make test`
linkcheck: $(STAMP)
	$(BIN)/python -m leadership_handbook.build --builder linkcheck

## serve: a live preview at http://127.0.0.1:8000 that rebuilds on save and reloads the browser (sphinx-autobuild)
serve: $(STAMP) node_modules/.installed
	$(BIN)/python -m leadership_handbook.preview

clean:
	rm -rf _build

## bench: build, PDF and test times, page weights and Lighthouse scores (prints numbers; not a test)
bench: $(STAMP) browser node_modules/.installed
	$(BIN)/python bench/run.py
