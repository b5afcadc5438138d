# Two commands do all the set-up on a fresh machine (Python 3.11+):
#   make demo   builds a ledger from the sample articles shipped in the package and prints its timeline
#   make test   lints and runs the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo extract test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/kronika demo

extract: $(STAMP)
	$(VENV)/bin/kronika extract --format table src/kronika/samples

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools

test: lint
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/make_corpus.py
	$(PY) bench/bench_extract.py
	$(PY) bench/bench_geocode.py
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_long.py
	$(PY) bench/bench_serve.py
	$(PY) bench/bench_watch.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build src/*.egg-info
