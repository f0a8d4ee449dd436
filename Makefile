# The two commands of the README: `make serve` and `make test`. Both install what they need first.
# Everything is pinned: requirements*.txt for Python, package-lock.json for npm, Debian's stable for apt.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# ProperDocs, the alternative builder (README, "Building with ProperDocs"), lives in its own venv.
PD_VENV := .venv-properdocs
APT_PACKAGES := chromium default-jre-headless

.PHONY: serve test check build validate benchmark setup setup-test clean issue-form mutation messages fuzz check-edited

# The validator first: it names a bad SITE_URL that MkDocs refuses in its own words before any hook runs.
# `make serve lang=ar` gives the messages in Arabic, as `make validate lang=ar` does (EXPLAINER_LANG, README).
serve: setup  ## build and serve at http://127.0.0.1:8000/astana-2017/ with live reload
	$(if $(lang),EXPLAINER_LANG=$(lang)) $(BIN)/python -m explainer.tools.validate
	$(if $(lang),EXPLAINER_LANG=$(lang)) NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup-test  ## validate, build strictly, link-check and run every test (unit, build, browser), then the quick tier on an edited copy (check-edited)
	$(BIN)/python -m explainer.tools.validate
	$(BIN)/python -m explainer.tools.schemas --check
	$(BIN)/python -m explainer.tools.catalogue --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory check-edited

# The quick tier's tests are spread over every core (pytest-xdist); the validator and the change report run inside
# the test process (tests/conftest.py, run_main), not as a fresh interpreter each. Each worker builds its own shared
# site (about 4 s of CPU): sharing one would leave the other core waiting for it, for about the same time.
check: setup-test  ## the quick tier: validator, unit tests, one build and its output guard; no browser (about a minute)
	$(BIN)/python -m explainer.tools.validate
	$(BIN)/python -m explainer.tools.schemas --check
	$(BIN)/python -m explainer.tools.catalogue --check
	TEST_TIER=check $(BIN)/python -m pytest -m "not browser" -q -n auto

# The quick tier again, on a copy of the project where tests/editor_changes.py made the changes an editor typically
# makes (a correction, a menu label, a faction moved to the other camp, a quote, an alias, an event, a rename): a
# test whose setup depends on today's text or counts of data/ fails here, though the data is valid.
check-edited: setup-test  ## the quick tier on a copy of the project with typical editor changes to data/ (a few minutes)
	@copy=$$(mktemp -d)/project; \
	$(BIN)/python -m tests.editor_changes $$copy && cd $$copy && \
	$(CURDIR)/$(BIN)/python -m explainer.tools.validate && \
	TEST_TIER=check $(CURDIR)/$(BIN)/python -m pytest -m "not browser" -q -n auto -p no:cacheprovider; \
	status=$$?; rm -rf $$(dirname $$copy); exit $$status

build: setup
	$(BIN)/python -m explainer.tools.validate
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

.PHONY: build-properdocs
build-properdocs: $(PD_VENV)/bin/.installed node_modules/.installed  ## the same build with ProperDocs instead of MkDocs
	$(PD_VENV)/bin/properdocs build --strict

# Too slow for CI. The site is built once and shared by the mutants' tests (tests/conftest.py, `site`); mutants/ is
# mutmut's copy of the project, made afresh so that no earlier result stands for changed code or tests.
# It links the environments, which some tests run as the CI script does (.venv/bin/python, node_modules).
MUTATION_SITE := test-output/mutation-site
MUTATION_URL := http://127.0.0.1:8000/astana-2017/
# What is mutated: pyproject.toml's [tool.mutmut] only_mutate names the modules; of the loader (its schema messages
# are exercised by the tests of each message) the cross-checks, of the renderers the escaping and the quote.
MUTANTS := 'explainer.data.schema.*' 'explainer.data.settings.*' 'explainer.data.loader.x__cross_check*' \
	'explainer.data.loader.x__known_ids*' 'explainer.data.loader.x__ids*' 'explainer.data.loader.x__entries*' \
	'explainer.render.html.x_esc*' 'explainer.render.html.x_text_in*' 'explainer.render.html.x_say*' \
	'explainer.render.html.x_other_script*' 'explainer.render.html.x_ui*' 'explainer.render.html.x_quote*' \
	'explainer.pages.pages_check.*' 'explainer.publish.output_guard.*' 'explainer.publish.csp.*'
mutation: setup-test  ## mutation testing (mutmut) of the data checks, the escaping, the page check, the output guard, the CSP
	rm -rf mutants $(MUTATION_SITE)
	NO_MKDOCS_2_WARNING=1 SITE_URL=$(MUTATION_URL) $(BIN)/mkdocs build --strict -d $(MUTATION_SITE)/astana-2017
	mkdir -p mutants && ln -s ../node_modules mutants/node_modules && ln -s ../$(VENV) mutants/$(VENV)
	TEST_TIER=check MUTATION_SITE=$(CURDIR)/$(MUTATION_SITE)/astana-2017 MUTATION_URL=$(MUTATION_URL) $(BIN)/mutmut run $(MUTANTS)
	$(BIN)/python -m explainer.tools.mutation_summary

# The fuzz at the "full" profile (500 cases a kind, each a real build: hours, so not in `make test`, whose "ci"
# profile runs 30). No browser is needed, so no apt: .github/workflows/fuzz.yml runs it weekly.
fuzz: setup $(BIN)/.installed-test  ## the data fuzz with 500 cases of each kind of mutation (hours)
	HYPOTHESIS_PROFILE=$(or $(profile),full) $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider -q

validate: setup  ## check data/ and the pages; `make validate lang=ar` for the messages in Arabic
	$(BIN)/python -m explainer.tools.validate $(if $(lang),--lang $(lang))

# The message catalogues (explainer/tools/catalogue.py): the .pot from the code, each .po updated from it, then every
# entry still to translate (empty or fuzzy) named at its line.
messages: setup  ## extract the editors' messages into explainer/locale/messages.pot and update each language's .po
	$(BIN)/python -m explainer.tools.catalogue

issue-form: setup  ## rewrite the issue form's page list from data/pages.yml
	$(BIN)/python -m explainer.pages.issue_form --write

benchmark: setup
	$(BIN)/python -m explainer.tools.benchmark

setup: $(BIN)/.installed node_modules/.installed

setup-test: setup $(BIN)/.installed-test apt $(PD_VENV)/bin/.installed

$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-test: requirements-test.txt $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(PD_VENV)/bin/.installed: requirements-properdocs.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PD_VENV)/bin/python -m pip install --quiet -r requirements-properdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

apt:  ## Debian's Chromium for the browser tests and Java for the Nu HTML Checker
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) fonts-noto-core >/dev/null; \
	fi

clean:
	rm -rf site test-output
