# Wegweiser: every routine task is a target here. Python 3.11 is the only prerequisite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: install install-production backup restore run serve worker test lint layers format check-migrations messages bench bench-load bench-hsds bench-search bench-flyer reindex superuser demo site lock smoke lighthouse clean

# The pinned, hash-checked versions of requirements-dev.lock (runtime: requirements.lock),
# then the project itself without resolving anything again.
$(STAMP): pyproject.toml requirements-dev.lock
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its development tools.
	$(MANAGE) compile_translations

install-production: ## A server's .venv: the hash-checked runtime dependencies (requirements.lock) only, no development tools.
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps .
	$(MANAGE) compile_translations

# What a server runs (serve, backup, restore) uses the virtualenv as it is, from `make install`
# or `make install-production`, and installs one only when there is none.
$(BIN)/gunicorn:
	$(MAKE) --no-print-directory install

run: install ## Migrate, load the demo content and serve on http://127.0.0.1:8000 (SQLite).
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

serve: | $(BIN)/gunicorn ## Production server: collect static files, then gunicorn (production settings) on 127.0.0.1:8000.
	DJANGO_SETTINGS_MODULE=wegweiser.settings.production $(MANAGE) collectstatic --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=wegweiser.settings.production $(BIN)/gunicorn wegweiser.wsgi \
		--bind 127.0.0.1:8000 --access-logfile - --timeout 30 --graceful-timeout 30

backup: | $(BIN)/gunicorn ## Database and media folder into one dated archive (BACKUP_DIR/wegweiser-YYYYmmdd-HHMMSS.tar.gz).
	$(MANAGE) backup

restore: | $(BIN)/gunicorn ## Restore ARCHIVE=backups/wegweiser-....tar.gz into an empty database (FORCE=1 replaces a non-empty one).
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=backups/wegweiser-YYYYmmdd-HHMMSS.tar.gz [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(ARCHIVE)" $(if $(FORCE),--force)
worker: install ## Background worker (TASKS_BACKEND=database): mails, admin imports, index updates.
	$(MANAGE) db_worker --no-reload

demo: install ## Load (or refresh) the demo content.
	$(MANAGE) load_demo

site: install ## Migrate and create an empty site's skeleton (setup_site; name and contact from WEGWEISER_*).
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_site

LOCK_VENV := .venv-lock
PIP_COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe --no-emit-index-url
lock: ## Re-resolve requirements.lock and requirements-dev.lock (with hashes) after a change of pyproject.toml.
	test -x $(LOCK_VENV)/bin/pip-compile || ($(PYTHON) -m venv --clear $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet pip-tools)
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev --output-file requirements-dev.lock pyproject.toml

lighthouse: install ## Lighthouse (mobile) on the production setup with the demo: every category >= 95 on home, directory, listing, search (de, ar).
	npm ci --no-audit --no-fund --silent
	.ci/lighthouse

smoke: ## Install without the development extras into a clean venv and run a bare site (.ci/smoke-bare-install).
	.ci/smoke-bare-install

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
	$(MAKE) bench-flyer

bench-load: install ## Load test: gunicorn (4 workers, production settings) and 50 locust visitors for 60 s, on SQLite; writes bench/results-load.md.
	$(BIN)/python bench/load.py

bench-hsds: install ## HSDS import throughput (3,000 services) and API p95; writes bench/results-hsds.md.
	$(BIN)/python bench/hsds.py

bench-flyer: install ## Printable flyers: time to draw one (WeasyPrint) and to serve it from the cache; writes bench/results-flyer.md.
	$(BIN)/python bench/flyer.py

bench-search: install ## Search p50/p95, SQL queries, memory and indexing speed at 300, 3,000 and 30,000 listings.
	$(BIN)/python bench/search.py --sizes 300,3000,30000

reindex: install ## Rebuild the search index (database and, if configured, Elasticsearch).
	$(MANAGE) update_index

superuser: install ## Create an administrator account interactively.
	$(MANAGE) createsuperuser

clean:
	rm -rf $(VENV) $(LOCK_VENV) staticfiles .pytest_cache
