# libigo: one entry point. `make demo` runs the example region, `make test` runs every test.
# Both install what a fresh Debian machine lacks (apt-get as root, pip into .venv).

PYTHON  ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip
BUILD   := build/c
SUDO    := $(if $(filter 0,$(shell id -u)),,sudo)
APT_PACKAGES := gcc make valgrind libreoffice-calc-nogui libxlsxwriter-dev libminizip-dev zlib1g-dev
PY_PACKAGES  := "numpy>=1.23" "pandas>=1.5" "cffi>=1.15" "pytest>=7" "hypothesis>=6" mypy openpyxl matplotlib nbclient nbformat ipykernel \
                "setuptools>=64" wheel

CORE_SRC   := $(wildcard libigo/src/*.c libigo/src/workbook/*.c libigo/src/scenario/*.c)
CTEST_SRC  := $(wildcard libigo/tests/*.c)
CFLAGS     := -std=c11 -D_DEFAULT_SOURCE -g -Wall -Wextra -Werror -ffp-contract=off -Ilibigo/include \
              -DIGO_GOLDEN_DIR='"libigo/tests/golden"'
SANITIZE   := -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LIBS       := -lxlsxwriter -lminizip -lz -lm
# The C tests fail each of the core's allocations in turn (libigo/tests/test_alloc.c).
WRAP       := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

.PHONY: demo test ctest pytest bench templates deps apt-deps install clean

# The example region: its distribution printed, its filled-in model workbook in out/.
demo: install
	mkdir -p out
	$(VENV)/bin/igo voorbeeld --xlsx out/voorbeeldregio.xlsx

# The workbooks users start from, written by the library itself.
templates: install
	$(VENV)/bin/igo sjabloon excel-templates/invoermodel-leeg.xlsx
	$(VENV)/bin/igo sjabloon excel-templates/input-model-blank-en.xlsx --lang en
	$(VENV)/bin/igo voorbeeld --xlsx excel-templates/voorbeeldregio.xlsx > /dev/null
	@echo "Written: excel-templates/voorbeeldregio.xlsx"

test: ctest pytest

# ---- dependencies ----

deps: apt-deps $(VENV)/.deps-stamp

apt-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.deps-stamp: Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q $(PY_PACKAGES)
	touch $@

# Builds both backends from scratch (setuptools would keep objects built with other flags) and
# installs the package and the `igo` command into .venv.
install: deps
	rm -rf build/lib.* build/temp.*
	$(PIP) install -q --no-build-isolation --no-deps .

# ---- tests ----

# The C core's own tests, all under AddressSanitizer + UndefinedBehaviorSanitizer, then those that
# allocate under valgrind too (the long pure-arithmetic loops would take minutes there).
ctest: apt-deps
	mkdir -p $(BUILD)
	gcc $(CFLAGS) $(SANITIZE) $(CORE_SRC) $(CTEST_SRC) $(LIBS) $(WRAP) -o $(BUILD)/tests-asan
	$(BUILD)/tests-asan
	gcc $(CFLAGS) -O2 $(CORE_SRC) $(CTEST_SRC) $(LIBS) $(WRAP) -o $(BUILD)/tests
	valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=3 $(BUILD)/tests \
	  round_known_values split_hand_computed model_setter_errors model_unchanged_after_error \
	  distribute_hand_computed distribute_history_keys distribute_normalised_keys \
	  distribute_errors distribute_random_regions_conserve batch_equals_single batch_errors \
	  workbook_written_and_checked workbook_failures_leave_nothing scenario_published_figures \
	  scenario_linear_in_volumes scenario_refusals percentiles_match_sorting scenario_monte_carlo \
	  text_refused_where_it_enters text_lengths_as_a_spreadsheet_counts text_in_scenario_sets \
	  workbook_targets_and_limits allocation_failures_are_errors

# The pytest suite, once per backend.
pytest: install
	LIBIGO_BACKEND=cext $(VENV)/bin/pytest -q tests
	LIBIGO_BACKEND=cffi $(VENV)/bin/pytest -q tests

bench: install
	$(PIP) install -q XlsxWriter
	$(PY) bench/bench_batch.py
	$(PY) bench/bench_workbook.py
	$(PY) bench/bench_montecarlo.py

clean:
	rm -rf build dist python/*.egg-info $(VENV)
