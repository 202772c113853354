# Two commands set everything up on a fresh machine: `make book` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PAPER ?= a4

.PHONY: book html pdf test test-fast lint format cases node java linkcheck serve clean browser bench

# Create the virtualenv and install the project with its pinned dependencies; redone when they change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## book: the HTML site in _build/html and the PDFs in _build/pdf (PAPER=a4 or PAPER=letter)
book: html pdf

## html: every page rebuilt strictly; executed notebooks come from the cache
html: $(STAMP)
	$(BIN)/python -m leadership_handbook.build --clean

## pdf: handbook, participant workbook and facilitator guide, printed from the built site by Chromium
pdf: html browser
	$(BIN)/python -m leadership_handbook.print_pdf --paper $(PAPER)

## browser: make sure headless Chromium is on the machine (Debian's package, else Playwright's)
browser: $(STAMP)
	$(BIN)/python -m leadership_handbook.browser --install

## node: make sure Node.js is on the machine (Debian's nodejs), for the JavaScript rules' shared cases
node:
	@command -v node >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs; } || \
	  { echo "Node.js is needed: install Debian's nodejs package"; exit 1; }

## java: make sure Java is on the machine (Debian's default-jre-headless), for the W3C HTML checker
java:
	@command -v java >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless; } || \
	  { echo "Java is needed for the HTML checker: install Debian's default-jre-headless package"; exit 1; }

## test: the whole test suite (strict build, notebooks, links, self-contained site, exercises)
test: $(STAMP) browser node java
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

## serve: preview the built site at http://127.0.0.1:8000
serve:
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

clean:
	rm -rf _build

## bench: build, PDF and test times, page weights and Lighthouse scores (prints numbers; not a test)
bench: $(STAMP) browser
	$(BIN)/python bench/run.py
