# Doorbraak. Quick start: `make run` (demo on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

# Optional local settings (see .env.example); real environment variables win.
-include .env
export

.PHONY: run test install install-test assets migrate demo lint format schema messages bench bench-data clean sbom licence-check

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	@echo "Anonymiser (deduce): opzoektabellen bouwen, eenmalig ruim een minuut..."
	$(PY) -c "from doorbraak.privacy.anonymiser import Anonymiser; Anonymiser()"
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PIP) install -q -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.base assets
install-test: $(VENV)/.test assets
assets: node_modules/.installed

## run: set up, migrate the embedded SQLite database, load demo data, serve on :8000
run: install
	@mkdir -p var
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) -m doorbraak.manage migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) -m doorbraak.manage load_demo
	@echo "Doorbraak draait op http://$(HOST):$(PORT)/  (demo-accounts: zie README, wachtwoord 'doorbraak')"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) -m doorbraak.manage runserver $(HOST):$(PORT)

## test: install test dependencies and run lint and the whole test suite
test: install-test
	@scripts/run-tests.sh

SCALE ?= city
BENCH_DB = $$(scripts/local-postgres.sh | sed 's|/[^/]*$$|/doorbraak_bench_$(SCALE)|')

## bench-data: fill the local PostgreSQL database doorbraak_bench_$(SCALE) with synthetic data (SCALE=tiny|city|national)
bench-data: install-test
	@psql "$$(scripts/local-postgres.sh | sed 's|/[^/]*$$|/postgres|')" -qtc "SELECT 1 FROM pg_database WHERE datname='doorbraak_bench_$(SCALE)'" | grep -q 1 || psql "$$(scripts/local-postgres.sh | sed 's|/[^/]*$$|/postgres|')" -qc "CREATE DATABASE doorbraak_bench_$(SCALE)"
	DATABASE_URL=$(BENCH_DB) DJANGO_DEBUG=1 $(PY) -m bench.generate --scale $(SCALE)

## bench: run the benchmarks and write bench/results/latest.json and docs/benchmarks.md
bench: install-test
	@command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
	SCALE=$(SCALE) $(PY) -m bench.run --database-url $(BENCH_DB)

## scale-test: 1, 2 and 4 gunicorn instances behind nginx and PgBouncer; kill one under load; check (bench/scale.py)
scale-test: install-test
	@scripts/scale-test.sh $(SCALE_ARGS)
.PHONY: scale-test

lint: $(VENV)/.test
	$(VENV)/bin/ruff check src tests scripts bench
	$(VENV)/bin/ruff format --check src tests scripts bench

format: $(VENV)/.test
	$(VENV)/bin/ruff format src tests scripts
	$(VENV)/bin/ruff check --fix src tests scripts

## schema: regenerate the committed OpenAPI schema after an API change
schema: $(VENV)/.base
	DJANGO_SETTINGS_MODULE=doorbraak.settings_test $(PY) -m doorbraak.manage spectacular --file docs/api/openapi.yaml --validate

## messages: extract Dutch/English UI strings and compile them (needs GNU gettext)
messages: $(VENV)/.base
	cd src/doorbraak && DJANGO_DEBUG=1 ../../$(PY) -m doorbraak.manage makemessages -l nl -l en --no-obsolete --no-location
	cd src/doorbraak && DJANGO_DEBUG=1 ../../$(PY) -m doorbraak.manage compilemessages

## sbom: CycloneDX SBOMs of the Python (installed in .venv) and npm (package-lock.json) dependencies in sbom/
SBOM_VENV := .venv-sbom
sbom: install
	@test -x $(SBOM_VENV)/bin/cyclonedx-py || { $(PYTHON) -m venv $(SBOM_VENV) && $(SBOM_VENV)/bin/pip install -q "cyclonedx-bom>=5,<8"; }
	@mkdir -p sbom
	$(SBOM_VENV)/bin/cyclonedx-py environment --output-reproducible --of JSON -o sbom/python.cdx.json $(VENV)/bin/python
	$(PY) scripts/npm-sbom.py package-lock.json sbom/npm.cdx.json
	@echo "SBOM: sbom/python.cdx.json en sbom/npm.cdx.json (CycloneDX)"

## licence-check: every dependency's licence on licences/allowed.txt (EUPL-compatible); runs in CI
licence-check: $(VENV)/.base
	$(PY) scripts/licence-check.py

clean:
	rm -rf $(VENV) $(SBOM_VENV) $(DEPLOY_VENV) sbom node_modules var .pytest_cache .ruff_cache .hypothesis

## validate-deploy: check Dockerfile, docker-compose.yml and the Helm chart (rendered with Helm's Go SDK, validated against the Kubernetes schema; docs/operations.md)
DEPLOY_VENV := .venv-deploy
$(DEPLOY_VENV)/.installed:
	$(PYTHON) -m venv $(DEPLOY_VENV)
	$(DEPLOY_VENV)/bin/pip install -q helm-python-sdk==0.2.2 kubernetes-validate==1.37.0 check-jsonschema==0.39.0 yamllint==1.38.0 pyyaml
	touch $@

validate-deploy: $(DEPLOY_VENV)/.installed
	$(DEPLOY_VENV)/bin/python scripts/validate-deploy.py
.PHONY: validate-deploy
