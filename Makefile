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
APT_PACKAGES  := chromium fonts-dejavu-core poppler-utils
# Debian's nginx, for the proxy in front of several app servers (deploy/, make test-deploy).
NGINX         := /usr/sbin/nginx

.PHONY: help venv dev browser nginx run lint test test-deploy bench check clean distclean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

# --- Python environments -----------------------------------------------------

# The interpreter exists once the venv has been created. A failed creation
# removes the half-made directory so the next run starts clean.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# Runtime packages; redone whenever requirements.txt is newer than the stamp.
$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(PIP) install -q -r requirements.txt
	@touch $@

# Dev packages (includes the runtime ones via -r requirements.txt).
$(DEV_STAMP): requirements-dev.txt requirements.txt $(RUNTIME_STAMP)
	$(PIP) install -q -r requirements-dev.txt
	@touch $@

venv: $(RUNTIME_STAMP) ## Create .venv with the runtime packages (requirements.txt)

dev: $(DEV_STAMP) ## Install the test/lint packages too (requirements-dev.txt)

# --- System packages ---------------------------------------------------------

# Debian's Chromium is what Playwright drives (never `playwright install`: it
# downloads a browser build, which is not possible here). DejaVu is the Unicode
# font for the PDF; poppler-utils (pdftoppm) renders PDFs in checks.
browser: ## Make sure Chromium, DejaVu fonts and poppler-utils are installed (apt)
	@if [ -x $(CHROMIUM) ] && [ -f $(DEJAVU_FONT) ] && command -v pdftoppm >/dev/null; then \
	  echo "browser: $(CHROMIUM), DejaVu fonts and pdftoppm present"; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get -o DPkg::Lock::Timeout=600 update -q && \
	  apt-get -o DPkg::Lock::Timeout=600 install -y -q $(APT_PACKAGES); \
	else \
	  echo "browser: $(CHROMIUM) (or DejaVu fonts / pdftoppm) is missing and this is not root." >&2; \
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

# --- Running -----------------------------------------------------------------

# Settings come from .streamlit/config.toml (headless, 127.0.0.1, no telemetry).
run: venv ## Start the app on http://127.0.0.1:$(PORT) (PORT=... to change)
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT)

check: venv ## Validate the shipped data/content (python -m decision_aid check)
	$(BIN)/python -m decision_aid check

# --- Quality -----------------------------------------------------------------

lint: dev ## ruff check .
	$(BIN)/ruff check .

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
