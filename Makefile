# The two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
PY := $(BIN)/python
STAMP := $(VENV)/.installed

DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test bench fonts dist check-dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m app

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,dist]"
	@touch $(DIST_STAMP)

# The frozen program (PyInstaller onedir) in dist/CunZhiBuTaiZhang, built from scratch.
# tools/build.py does the work, so that Windows can build from a plain cmd without make.
dist: $(DIST_STAMP)
	$(PY) tools/build.py dist

# Run the frozen program headless and read its PDF back.
check-dist: $(DIST_STAMP)
	$(PY) tools/build.py check-dist

fonts: $(STAMP)
	$(PY) -m pip install --quiet -e ".[tools]"
	$(PY) tools/convert_fonts.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
