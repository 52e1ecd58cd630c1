# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check-flows chromium deploy-tools bench clean

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

# The browser tests drive Debian's Chromium (Playwright downloads no browser): installed here
# where it is missing; where it cannot be, one line says so and those tests are skipped.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing Debian's chromium for the browser tests"; \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	      -o DPkg::Lock::Timeout=300 chromium) >/dev/null \
	    || echo "make: apt-get could not install chromium: the browser tests will be skipped" >&2; \
	  else \
	    echo "make: no $(CHROMIUM) and no apt-get as root to install it (sudo apt-get install chromium): the browser tests will be skipped" >&2; \
	  fi; \
	fi

# tests/test_deploy_files.py and test_monitoring_files.py run each deploy file through the tool that reads it (command:package
# below): installed here where missing; where they cannot be, one line says so and those tests
# are skipped. hadolint and kubernetes-validate come with the dev extra.
DEPLOY_TOOLS := nginx:nginx-light caddy:caddy shellcheck:shellcheck systemd-analyze:systemd openssl:openssl promtool:prometheus

deploy-tools:
	@missing=; for tool in $(DEPLOY_TOOLS); do \
	  PATH="$$PATH:/usr/sbin:/sbin" command -v $${tool%%:*} >/dev/null 2>&1 || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing for the deploy files' tests"; \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	      -o DPkg::Lock::Timeout=300 $$missing) >/dev/null 2>&1 \
	    || echo "make: apt-get could not install$$missing: those deploy tests will be skipped" >&2; \
	  else \
	    echo "make: no$$missing and no apt-get as root to install it (sudo apt-get install$$missing): those deploy tests will be skipped" >&2; \
	  fi; \
	fi

test: lint typecheck check-flows chromium deploy-tools
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
