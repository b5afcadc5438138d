# Two commands do all the set-up on a fresh machine (Python 3.11+):
#   make demo   builds a ledger from the sample articles shipped in the package and prints its timeline
#   make test   lints and runs the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo extract test lint bench clean

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

# The browser tests drive Debian's chromium (Playwright for Python never downloads a browser of its own): installed
# here when missing and we may (root with apt-get); otherwise a note says how.
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq chromium; \
		else \
			echo "note: the browser tests need Debian's chromium: sudo apt-get install chromium" >&2; \
		fi; \
	fi

test: lint system-deps
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
