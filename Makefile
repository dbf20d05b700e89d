# Dateline. `make help` lists the targets.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/dateline
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

.DEFAULT_GOAL := help
.PHONY: help demo serve test test-postgres lint format bench bench-live bench-jobs bench-wordpress bootstrap browser clean messages

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.synced: pyproject.toml uv.lock scripts/bootstrap.sh
	@bash scripts/bootstrap.sh
	@touch $@

bootstrap: $(BIN)/.synced ## Create .venv from the lock file (only when it changed)

demo: bootstrap ## Run the demo newsroom at http://127.0.0.1:$(PORT) (PORT=8765 for another port)
	@$(BIN)/dateline demo --port $(PORT)

serve: bootstrap ## Serve the site without loading demo content
	@$(BIN)/dateline serve --port $(PORT)

browser: ## Install Debian's Chromium for the browser tests, if it is missing
	@bash scripts/ensure-chromium.sh

lint: bootstrap ## Check formatting and lint rules
	@$(BIN)/ruff format --check .
	@$(BIN)/ruff check .
	@$(BIN)/lint-imports --no-cache

format: bootstrap ## Format the code and apply safe lint fixes
	@$(BIN)/ruff format .
	@$(BIN)/ruff check --fix .

test: bootstrap browser lint ## Run the whole suite (DATABASE_URL/REDIS_URL select PostgreSQL and Redis)
	@$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: ## Run the whole suite on PostgreSQL and Redis
	@DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$(REDIS_TEST_URL) $(MAKE) --no-print-directory test

bench: bootstrap ## Measure page throughput and latency (prints figures)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	@$(BIN)/python bench/pages.py

bench-live: bootstrap ## Measure live delivery to thousands of SSE readers (prints figures)
	@$(BIN)/python bench/live.py

bench-jobs: bootstrap ## Compare background-job engines: enqueue cost, jobs/s, memory (prints figures)
	@$(BIN)/python bench/jobs.py

bench-wordpress: bootstrap ## Time importing a generated 100,000-post WordPress export (prints figures)
	@$(BIN)/python bench/wordpress.py

clean: ## Remove the virtual environment and local data (var/)
	rm -rf $(VENV) var

messages: bootstrap ## Update the Spanish catalogue and compile it (installs gettext if missing)
	@command -v msgmerge >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }
	@cd src/dateline && ../../$(BIN)/dateline makemessages -l es --ignore "demo/*" -v0
	@cd src/dateline && ../../$(BIN)/dateline compilemessages -v0
