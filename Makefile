# Hemifacial spasm decision aid: developer and CI entry points.
# Every target is safe to run twice and works from a fresh clone (it creates
# .venv itself). `make` alone lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# A recipe that fails half-way must not leave a stamp behind.
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Stamps live inside .venv so that deleting the venv also forgets them.
RUNTIME_STAMP := $(VENV)/.stamp-runtime
DEV_STAMP     := $(VENV)/.stamp-dev
PIP    := $(BIN)/python -m pip --disable-pip-version-check
# Port for `make run` (e.g. `make run PORT=8600` or `PORT=8600 make run`).
PORT   ?= 8501
# System packages needed by the browser tests and the PDF checks.
CHROMIUM      := /usr/bin/chromium
DEJAVU_FONT   := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
# The PDF prints a patient's note in any script with these as fallback fonts (SIL Open Font
# Licence; decision_aid/report/fonts.py finds them here). Without them such characters print as a box.
# One file from each package, so a missing one is installed too.
NOTO_FONTS    := /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
                 /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
                 /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
HAVE_NOTO     := $(foreach f,$(NOTO_FONTS),[ -f $(f) ] &&) true
FONT_PACKAGES := fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
APT_PACKAGES  := chromium fonts-dejavu-core poppler-utils strace $(FONT_PACKAGES)
# Debian's nginx, for the proxy in front of several app servers (deploy/, make test-deploy).
NGINX         := /usr/sbin/nginx

.PHONY: help venv dev browser fonts nginx run lint messages test test-deploy bench check clean distclean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# --- Python environments -----------------------------------------------------

# The interpreter exists once the venv has been created. A failed creation
# removes the half-made directory so the next run starts clean.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# Installs come from the lock files (exact versions, with hashes), so a fresh clone gets the
# versions CI tested; requirements*.txt hold the human-readable bounds they are locked from
# (`make lock`). The project itself is installed editable and without dependencies, so
# `decision_aid` and `devkit` import from anywhere and nothing edits sys.path.
RUNTIME_LOCK := requirements.lock
DEV_LOCK     := requirements-dev.lock
# uv resolves the locks; used by `make lock` only (installed into .venv on demand). It keeps
# the pinned versions that still fit the bounds; `make lock LOCK_ARGS=--upgrade` takes the newest.
UV_VERSION   := 0.13.9
LOCK_FLAGS   := --universal --python-version 3.11 --generate-hashes --quiet $(LOCK_ARGS)

# Runtime packages, then the project; redone whenever the lock or pyproject.toml changes.
$(RUNTIME_STAMP): $(RUNTIME_LOCK) pyproject.toml | $(BIN)/python
	$(PIP) install -q --require-hashes -r $(RUNTIME_LOCK)
	$(PIP) install -q --no-deps -e .
	@touch $@

# Dev packages (the dev lock holds the runtime ones too, at the same versions).
$(DEV_STAMP): $(DEV_LOCK) $(RUNTIME_STAMP)
	$(PIP) install -q --require-hashes -r $(DEV_LOCK)
	@touch $@

venv: $(RUNTIME_STAMP) ## Create .venv with the locked runtime packages and the project (editable)

dev: $(DEV_STAMP) ## Install the locked test/lint packages too

# The dev lock is constrained by the runtime lock, so both agree on every shared package.
.PHONY: lock
lock: | $(BIN)/python ## Re-pin requirements*.lock from the bounds in requirements*.txt (uv, PyPI)
	$(PIP) install -q uv==$(UV_VERSION)
	$(BIN)/uv pip compile $(LOCK_FLAGS) requirements.txt -o $(RUNTIME_LOCK)
	$(BIN)/uv pip compile $(LOCK_FLAGS) requirements-dev.txt -c $(RUNTIME_LOCK) -o $(DEV_LOCK)

# --- System packages ---------------------------------------------------------

# Debian's Chromium is what Playwright drives (never `playwright install`: it
# downloads a browser build, which is not possible here). DejaVu is the Unicode
# font for the PDF; poppler-utils (pdftoppm) renders PDFs in checks; strace watches the server
# in the privacy test.
browser: ## Make sure Chromium, DejaVu and Noto fonts, poppler-utils and strace are installed (apt)
	@if [ -x $(CHROMIUM) ] && [ -f $(DEJAVU_FONT) ] && $(HAVE_NOTO) && command -v pdftoppm >/dev/null \
	    && command -v strace >/dev/null; then \
	  echo "browser: $(CHROMIUM), DejaVu and Noto fonts, pdftoppm and strace present"; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get -o DPkg::Lock::Timeout=600 update -q && \
	  apt-get -o DPkg::Lock::Timeout=600 install -y -q $(APT_PACKAGES); \
	else \
	  echo "browser: $(CHROMIUM) (or DejaVu/Noto fonts / pdftoppm / strace) is missing and this is not root." >&2; \
	  echo "         Run: sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES)" >&2; \
	  exit 1; \
	fi

# The proxy of deploy/nginx.conf. Installing the package does not leave an nginx running
# that matters here: the tests start their own, on loopback, with their own prefix.
nginx: ## Make sure Debian's nginx is installed (apt), for make test-deploy
	@if [ -x $(NGINX) ]; then \
	  echo "nginx: $(NGINX) present"; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get -o DPkg::Lock::Timeout=600 update -q && \
	  apt-get -o DPkg::Lock::Timeout=600 install -y -q nginx; \
	else \
	  echo "nginx: $(NGINX) is missing and this is not root." >&2; \
	  echo "       Run: sudo apt-get update && sudo apt-get install -y nginx" >&2; \
	  exit 1; \
	fi

# The Noto fonts for a note in any script. Optional for `make run`: without them (and not
# root) it says so and goes on; the PDF then prints such characters as a box and says so.
fonts: ## Install the Noto fonts the PDF prints notes in other scripts with (apt)
	@if $(HAVE_NOTO); then \
	  echo "fonts: Noto fonts present"; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get -o DPkg::Lock::Timeout=600 update -q && \
	  apt-get -o DPkg::Lock::Timeout=600 install -y -q $(FONT_PACKAGES); \
	else \
	  echo "fonts: the Noto fonts are missing: a note in Chinese, Thai, Hindi, ... prints as boxes." >&2; \
	  echo "       Run: sudo apt-get update && sudo apt-get install -y $(FONT_PACKAGES)" >&2; \
	fi

# --- Running -----------------------------------------------------------------

# Settings come from .streamlit/config.toml (headless, 127.0.0.1, no telemetry).
run: venv fonts ## Start the app on http://127.0.0.1:$(PORT) (PORT=... to change)
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT)

check: venv ## Validate the shipped data/content (python -m decision_aid check)
	$(BIN)/python -m decision_aid check

# --- Quality -----------------------------------------------------------------

lint: dev ## ruff check . and ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Every word a reader sees is written in decision_aid/words/ inside _(); this extracts them into the
# catalogue template a translator starts from (decision_aid/i18n.py says how a language is added).
POT := decision_aid/locale/decision_aid.pot
messages: dev ## Refresh the gettext catalogue template from decision_aid/words/ (Babel)
	$(BIN)/pybabel extract --no-default-keywords -k _ -k ngettext:1,2 --add-comments=TRANSLATORS: \
		--add-location=file --sort-by-file --no-wrap --project=hfs-decision-aid --omit-header \
		-o $(POT) decision_aid/words

# Extra pytest arguments: make test PYTEST_ARGS="-k smoke -x"
PYTEST_ARGS ?=
test: dev browser lint ## Lint, then run the whole pytest suite (unit + browser)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# nginx with deploy/nginx.conf in front of three app servers on loopback; 20 browser sessions
# through it while servers stop and restart (tests/deploy/; 8.5 minutes on a heavily loaded
# 2-core machine, where 4 sessions took under 2 minutes).
test-deploy: dev browser nginx ## The deployment behind nginx: 3 app servers, 20 sessions, restarts
	HFS_TEST_DEPLOY=1 $(BIN)/python -m pytest tests/deploy $(PYTEST_ARGS)

bench: dev browser ## Run the benchmark script (bench/run.py)
	$(BIN)/python bench/run.py

# --- Cleaning ----------------------------------------------------------------

clean: ## Remove caches and test artefacts (keeps .venv)
	rm -rf .pytest_cache .ruff_cache .hypothesis test-results screenshots
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## Also remove .venv (next target rebuilds it)
	rm -rf $(VENV)
