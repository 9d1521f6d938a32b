# Wegweiser: every routine task is a target here. Python 3.11 is the only prerequisite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint layers format check-migrations messages bench bench-hsds bench-search reindex superuser demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its development tools.
	$(MANAGE) compile_translations

run: install ## Migrate, load the demo content and serve on http://127.0.0.1:8000 (SQLite).
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

serve: install ## Production server: collect static files, then gunicorn (production settings) on 127.0.0.1:8000.
	DJANGO_SETTINGS_MODULE=wegweiser.settings.production $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=wegweiser.settings.production $(BIN)/gunicorn wegweiser.wsgi \
		--bind 127.0.0.1:8000 --access-logfile - --timeout 30 --graceful-timeout 30

demo: install ## Load (or refresh) the demo content.
	$(MANAGE) load_demo

lint: $(STAMP) ## Ruff lint and format check.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

layers: $(STAMP) ## Check the import contracts between the apps (pyproject.toml, README "What is where").
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: $(STAMP)
	DJANGO_SETTINGS_MODULE=wegweiser.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=wegweiser.settings.test $(MANAGE) makemigrations --check --dry-run

test: install ## Lint, import layers, Django checks, migration check, then the whole pytest suite; prints its wall time.
	@start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory lint layers check-migrations && $(BIN)/pytest $(PYTEST_ARGS) || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s wall time, installs excluded (exit $$status)"; \
	exit $$status

messages: install ## Refresh locale/*/LC_MESSAGES/django.po from the code and compile them.
	$(MANAGE) makemessages --all --no-obsolete --ignore='.venv/*' --ignore='node_modules/*'
	$(MANAGE) compile_translations

bench: install ## Measure server time and SQL queries per request; writes bench/results.md.
	$(BIN)/python bench/run.py
	$(MAKE) bench-search
	$(MAKE) bench-hsds

bench-hsds: install ## HSDS import throughput (3,000 services) and API p95; writes bench/results-hsds.md.
	$(BIN)/python bench/hsds.py

bench-search: install ## Search p50/p95, SQL queries, memory and indexing speed at 300, 3,000 and 30,000 listings.
	$(BIN)/python bench/search.py --sizes 300,3000,30000

reindex: install ## Rebuild the search index (database and, if configured, Elasticsearch).
	$(MANAGE) update_index

superuser: install ## Create an administrator account interactively.
	$(MANAGE) createsuperuser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
