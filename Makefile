# Two commands do all the set-up:  `make lab` opens the course, `make test` runs every test.
# Both create or refresh the local virtual environment .venv from the pinned requirements.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --quiet --disable-pip-version-check
RUNTIME := $(VENV)/.runtime-installed
TESTENV := $(VENV)/.test-installed
NB ?=
FEEDBACK ?= on
REPO_URL ?= https://github.com/OWNER/REPO
HUB ?= https://YOUR-HUB
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# nbgrader runs alembic as a subprocess: the venv's bin must be on PATH.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: lab test test-fast nbval notebooks execute exercises release nbgrader site bench newest clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt pyproject.toml | $(PY)
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	$(PY) -m utils.hints --install
	touch $@

$(TESTENV): $(RUNTIME) requirements-test.txt
	$(PIP) install -r requirements-test.txt
	touch $@

lab: $(RUNTIME)  ## open the course (the learner edition) in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb

test: $(TESTENV)  ## every test: utils, data, editions, exercises, nbgrader, strict nbval, site, browser
	$(PY) -m pytest tests notebooks teacher/notebooks $(PYTEST_NBVAL) -p no:cacheprovider -q -rs

test-fast: $(TESTENV)  ## unit and data tests only (no notebooks run, no classroom tools, no browser)
	$(PY) -m pytest tests -q -m "not browser and not slow"

nbval: $(TESTENV)  ## strict nbval over both editions of the notebooks
	$(PY) -m pytest notebooks teacher/notebooks $(PYTEST_NBVAL) -p no:cacheprovider -q

notebooks: $(TESTENV)  ## regenerate the course map parts, re-execute the teacher edition, rebuild the learner edition (NB=03_nazi_soviet_pact.ipynb for one)
	$(PY) tools/course_map.py
	$(PY) tools/execute_notebooks.py $(NB)
	$(PY) tools/editions.py $(NB)

execute: notebooks  ## the same as `make notebooks`

exercises: $(RUNTIME)  ## rebuild the sealed exercise bank from teacher/exercises/*.toml
	$(PY) tools/build_exercises.py

release: $(TESTENV)  ## build or update the student release in release/ (REPO_URL=… HUB=… for its links)
	$(PY) tools/make_release.py --repo-url $(REPO_URL) --hub $(HUB)

nbgrader: $(TESTENV)  ## write the nbgrader course into nbgrader/ (FEEDBACK=off for graded work)
	$(PY) tools/nbgrader_course.py --feedback $(FEEDBACK)

site: $(TESTENV)  ## build the course website (learner edition) into site/_build/html (REPO_URL=… for Binder links)
	$(PY) tools/build_site.py --repo-url $(REPO_URL)

bench: $(TESTENV)  ## benchmark: course validation vs its floor, widget response, claim engine, import cost, footprint
	$(PY) benchmarks/run.py

newest:  ## unit tests against the newest releases of the stack (a separate venv)
	$(PYTHON) -m venv .venv-newest
	.venv-newest/bin/python -m pip install --quiet --upgrade jupyterlab ipykernel ipywidgets pandas matplotlib pytest hypothesis nbformat nbclient
	.venv-newest/bin/python -m pip install --quiet --no-deps -e .
	.venv-newest/bin/python -m pytest tests -q -m "not browser and not slow"

clean:
	rm -rf $(VENV) .venv-newest release nbgrader build site/_build site/node_modules *.egg-info
