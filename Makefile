# Two commands are all a fresh clone needs: `make serve` and `make test`.
# Each creates .venv/ and installs the pinned tools (requirements.txt) on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-fresh runtime test lint check-translation outdated bench flaky flaky-load lock clean

$(READY): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

serve: $(READY)     ## both languages on http://127.0.0.1:8000/ (English under /en/), rebuilt on every save
	$(BIN)/python -m engine.serve --dev-addr 127.0.0.1:8000

build: $(READY)     ## both languages into site/ (FRESH=1 runs every example again)
	$(BIN)/python -m engine.build $(if $(FRESH),--fresh)

build-fresh: $(READY)
	$(BIN)/python -m engine.build --fresh

runtime: $(READY)   ## the pinned Pyodide runtime behind the Run buttons, fetched once with npm
	$(BIN)/python -m engine.pyodide

test: runtime       ## every test (the browser runs need the runtime)
	$(BIN)/python -m pytest

lint: $(READY)
	$(BIN)/ruff check engine snippets tests tools

check-translation: $(READY)
	$(BIN)/python tools/check_translation.py

outdated: $(READY)
	$(BIN)/python tools/outdated.py

bench: $(READY)     ## build speed against its lower bound (see README)
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_run.py

flaky: $(READY)     ## every example and its check, 20 times on each local CPython
	$(BIN)/python tools/flaky.py --rounds 20

flaky-load: $(READY) ## the same with every core kept busy by CPU-bound processes
	$(BIN)/python tools/flaky.py --rounds 20 --load

lock:               ## re-pin requirements.txt from requirements.in (needs pip-tools)
	pip-compile --generate-hashes --strip-extras --no-header --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in

clean:
	rm -rf site .cache
