# Two commands do all the set-up:  `make lab` opens the course, `make test` runs every test.
# Both create or refresh the local virtual environment .venv from the pinned requirements.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
TESTENV := $(VENV)/.test-installed
NB ?= notebooks/*.ipynb
PYTEST_NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: lab test test-fast nbval execute exercises release bench newest clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . || \
	  $(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TESTENV): $(RUNTIME) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

lab: $(RUNTIME)  ## open the course in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb

test: $(TESTENV)  ## every test: utils, data, exercises, strict nbval, release, browser (when Chromium is present)
	$(PY) -m pytest tests notebooks $(PYTEST_NBVAL) -p no:cacheprovider -q -rs

test-fast: $(TESTENV)  ## unit and data tests only (no notebooks, no browser)
	$(PY) -m pytest tests -q -m "not browser" --deselect tests/test_release.py -k "not outbound"

nbval: $(TESTENV)  ## strict nbval over the notebooks only
	$(PY) -m pytest notebooks $(PYTEST_NBVAL) -p no:cacheprovider -q

execute: $(TESTENV)  ## re-execute notebooks in place, top to bottom (NB=notebooks/01_….ipynb for one)
	$(PY) tools/execute_notebooks.py $(NB)

exercises: $(RUNTIME)  ## rebuild the sealed exercise bank from teacher/exercises/*.toml
	$(PY) tools/build_exercises.py

release: $(TESTENV)  ## build the student release into release/
	$(PY) tools/make_release.py

bench: $(TESTENV)  ## benchmark: course validation vs its floor, widget response, import cost, footprint
	$(PY) benchmarks/run.py

newest:  ## unit tests against the newest releases of the stack (a separate venv)
	$(PYTHON) -m venv .venv-newest
	.venv-newest/bin/python -m pip install --quiet --upgrade jupyterlab ipykernel ipywidgets pandas matplotlib pytest hypothesis nbformat
	.venv-newest/bin/python -m pip install --quiet --no-deps -e .
	.venv-newest/bin/python -m pytest tests -q -m "not browser" --deselect tests/test_release.py -k "not outbound"

clean:
	rm -rf $(VENV) .venv-newest release build *.egg-info
