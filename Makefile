# Two entry points, both self-contained on a fresh machine:
#   make book  - create .venv with the pinned packages and build the book into _build/html
#   make test  - same set-up, then run every test (units, validator, notebooks, book, browser)
# Everything else here is a step of those two.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
# This machine's pip config prints one harmless line per local index; keep logs readable.
PIP_FILTER := grep -v -e "is ignored" -e "^\s*$$" || true

export NO_ALBUMENTATIONS_UPDATE := 1
export PYTHONHASHSEED := 0

.PHONY: book test venv lint validate bench clean browser

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U "pip>=25" 2>&1 | $(PIP_FILTER)
	$(PY) -m pip install -q -c constraints.txt -e ".[book,demos,test]" 2>&1 | $(PIP_FILTER)
	$(PY) -m pip check
	touch $(STAMP)

# Generated inputs (vega bundle, study bibliography), cache records of notebooks whose
# data/ or lib/ inputs changed, then jupyter-book with warnings as errors.
book: $(STAMP)
	$(PY) -m rdaug.book build

# The browser tests drive Debian's headless Chromium; install it once when missing.
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

validate: $(STAMP)
	$(BIN)/rdaug validate

lint: $(STAMP)
	$(BIN)/ruff check lib tests scripts
	$(BIN)/ruff format --check lib tests scripts

test: $(STAMP) browser lint
	$(BIN)/pytest

bench: $(STAMP)
	$(PY) scripts/bench_validate.py
	$(PY) scripts/bench_build.py

clean:
	rm -rf _build .jupyter_cache
