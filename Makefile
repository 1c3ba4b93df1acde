# Set-up and the two main jobs. Everything installs from the pinned,
# hash-checked requirements.lock into .venv; nothing is fetched at run time.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install benchmark lock clean

demo: $(STAMP)
	$(BIN)/newsgraph demo

test: $(STAMP)
	bash scripts/ensure-postgres.sh >/dev/null
	sh scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q

install: $(STAMP)

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

benchmark: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

# Re-pin after changing dependencies in pyproject.toml (needs pip-tools).
lock:
	$(BIN)/python -m pip install -q pip-tools
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--extra test --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) newsgraph-demo.db newsgraph-demo.db-wal newsgraph-demo.db-shm
