# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check-flows bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hotline serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

check-flows: $(STAMP)
	$(BIN)/hotline flows check
	$(BIN)/hotline campaigns check

test: lint typecheck check-flows
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/voice.py
	$(BIN)/python bench/chat.py
	$(BIN)/python bench/spool.py
	$(BIN)/python bench/audio.py
	$(BIN)/python bench/plan.py
	$(BIN)/python bench/directory.py

clean:
	rm -rf $(VENV) build *.egg-info
