# Two commands for everyone: `make lab` (open the course) and `make test` (prove it all works).
# Both create .venv on first use and reuse it after that (fast, and offline once installed).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
# The course's own Jupyter settings (no news pop-up, no kernel dialog, 127.0.0.1 only).
export JUPYTER_CONFIG_PATH := $(CURDIR)/jupyter
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

.PHONY: help setup lab test present bench data notebooks guides strings lesson reset clean

help:
	@echo "make lab      set up (first time) and open the course in JupyterLab"
	@echo "make test     set up (first time) and run every test"
	@echo "make present  serve the simulators without code, for a projector (Voila)"
	@echo "make bench    measure model and slider-to-chart speed; writes bench/results.md"
	@echo "make data     rebuild data/ from its generator (the result must not change)"
	@echo "make notebooks build notebooks/*.ipynb from their text sources in notebooks/src/"
	@echo "make guides   build the trainer guides and handouts in docs/guides/ (HTML, and PDF via Chromium)"
	@echo "make strings  extract the learner-facing strings of helpers/ for translators"
	@echo "make lesson NAME=06_topic   start a new lesson from the template"
	@echo "make reset    put the notebooks back to their starting state (edited ones kept in my_copies/)"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed; this is " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt -e .
	@touch $(STAMP)

setup: $(STAMP)

# Serve the repository's top folder (data/, docs/ and the guides are in Lab's file browser) and
# open notebook 00, both in the browser Jupyter opens and at the URL it prints.
START_NOTEBOOK := notebooks/00_start_here.ipynb
lab: setup
	$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/$(START_NOTEBOOK)

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

present: setup
	$(BIN)/python -m helpers.present

bench: setup
	$(BIN)/python -m tools.bench

data: setup
	$(BIN)/python -m helpers.town

notebooks: setup
	$(BIN)/python tools/notebooks.py build

# HTML always; PDF only where the HTML changed (python -m tools.guides html: no browser needed).
guides: setup
	$(BIN)/python -m tools.guides

strings: setup
	$(BIN)/python tools/strings.py

lesson: setup
	$(BIN)/python tools/new_lesson.py $(NAME)

# Each notebook as the repository holds it; any edited one is first kept in my_copies/.
reset: setup
	$(BIN)/python -m helpers.reset

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
