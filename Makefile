# libigo: one entry point. `make demo` runs the example region, `make test` runs every test.
# Both install what a fresh Debian machine lacks (apt-get as root, pip into .venv).
# The C library: `make lib`, then `make install PREFIX=/usr/local DESTDIR=` (see README, "C library").

PYTHON  ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip
BUILD   := build/c
SUDO    := $(if $(filter 0,$(shell id -u)),,sudo)
LIB_APT_PACKAGES := gcc make pkgconf libxlsxwriter-dev libminizip-dev libexpat1-dev zlib1g-dev
APT_PACKAGES := $(LIB_APT_PACKAGES) g++ valgrind doxygen libreoffice-calc-nogui gnumeric clang
PY_PACKAGES  := "numpy>=1.23" "pandas>=1.5" "cffi>=1.15" "tqdm>=4" "pytest>=7" "hypothesis>=6" mypy openpyxl pypdf matplotlib nbclient nbformat ipykernel \
                "setuptools>=64" wheel

# The version, read from the one place it is written: the umbrella header.
version_part = $(shell sed -n 's/^\#define IGO_VERSION_$(1) *\([0-9]*\)$$/\1/p' libigo/include/igo/igo.h)
MAJOR   := $(call version_part,MAJOR)
VERSION := $(MAJOR).$(call version_part,MINOR).$(call version_part,PATCH)
# The soname's version: the major one, and while that is 0 the minor too (a 0.x release may
# change the ABI, e.g. grow a struct a caller allocates).
ABI     := $(if $(filter 0,$(MAJOR)),$(MAJOR).$(call version_part,MINOR),$(MAJOR))

# Installation, as GNU and libxlsxwriter do it: `make install PREFIX=/usr/local DESTDIR=/staging`.
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
DESTDIR ?=

CORE_SRC   := $(wildcard libigo/src/*.c libigo/src/workbook/*.c libigo/src/scenario/*.c \
                          libigo/src/xlsx/*.c libigo/src/claims/*.c libigo/src/transition/*.c)
CORE_OBJ   := $(CORE_SRC:libigo/src/%.c=build/obj/%.o)
ASAN_OBJ   := $(CORE_SRC:libigo/src/%.c=build/asan/obj/%.o)
HEADERS    := $(wildcard libigo/include/igo/*.h)
CTEST_SRC  := $(wildcard libigo/tests/*.c)
EXAMPLES   := $(patsubst examples/%.c,build/examples/%,$(wildcard examples/*.c))
WARN       := -Wall -Wextra -Werror
# -ffp-contract=off: no fused multiply-add, so every product rounds exactly as a spreadsheet's.
# -fvisibility=hidden: the shared library exports the IGO_API declarations and nothing else.
LIB_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -pthread -g -O2 -fPIC -fvisibility=hidden $(WARN) -ffp-contract=off \
              -Ilibigo/include
CFLAGS     := -std=c11 -D_DEFAULT_SOURCE -pthread -g $(WARN) -ffp-contract=off -Ilibigo/include \
              -DIGO_GOLDEN_DIR='"libigo/tests/golden"' -DIGO_HOSTILE_DIR='"libigo/tests/hostile"'
SANITIZE   := -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LIBS       := -lxlsxwriter -lminizip -lexpat -lz -lm -pthread
# The C tests fail each of the core's allocations in turn (libigo/tests/test_alloc.c).
WRAP       := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

.PHONY: demo test ctest ctest-tsan default-indeling libtest pytest bench templates deps apt-deps lib-deps python lib examples docs \
        install uninstall clean fuzz fuzz-one fuzz-short fuzz-deps

# The example region: its distribution printed, its filled-in model workbook in out/, and the
# transition read back from that workbook.
demo: python
	mkdir -p out
	$(VENV)/bin/igo voorbeeld --xlsx out/voorbeeldregio.xlsx
	$(VENV)/bin/igo overgang out/voorbeeldregio.xlsx

# The workbooks users start from, written by the library itself.
templates: python
	$(VENV)/bin/igo sjabloon excel-templates/invoermodel-leeg.xlsx
	$(VENV)/bin/igo sjabloon excel-templates/input-model-blank-en.xlsx --lang en
	$(VENV)/bin/igo voorbeeld --xlsx excel-templates/voorbeeldregio.xlsx > /dev/null
	@echo "Written: excel-templates/voorbeeldregio.xlsx"

test: ctest ctest-tsan fuzz-short libtest pytest

# ---- the C library ----

# One build of the core: the static library and the versioned shared library from the same
# position-independent objects. The C tests, the Python extension and the CFFI backend link it
# (setup.py makes the two files directly: a pip build installs no Debian packages).
lib: lib-deps build/libigo.a build/libigo.so.$(VERSION)

build/obj/%.o: libigo/src/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) -MMD -MP -c $< -o $@

# The same library instrumented for the sanitizer run of the C tests.
build/asan/obj/%.o: libigo/src/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) $(SANITIZE) -MMD -MP -c $< -o $@

-include $(CORE_OBJ:.o=.d) $(ASAN_OBJ:.o=.d)

build/libigo.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

build/asan/libigo.a: $(ASAN_OBJ)
	rm -f $@
	ar rcs $@ $^

build/libigo.so.$(VERSION): $(CORE_OBJ) libigo/libigo.map
	$(CC) -shared -Wl,-soname,libigo.so.$(ABI) -Wl,--no-undefined \
	    -Wl,--version-script=libigo/libigo.map -o $@ $(CORE_OBJ) $(LIBS)
	ln -sf libigo.so.$(VERSION) build/libigo.so.$(ABI)
	ln -sf libigo.so.$(ABI) build/libigo.so

# One small program per feature, linked against the static library built here.
examples: $(EXAMPLES)

build/examples/%: examples/%.c build/libigo.a
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -Ilibigo/include $< build/libigo.a $(LIBS) -o $@

# The pkg-config file is made here, for this PREFIX (DESTDIR only stages the files).
install: lib
	install -d $(DESTDIR)$(INCDIR)/igo $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 $(HEADERS) $(DESTDIR)$(INCDIR)/igo/
	install -m 644 build/libigo.a $(DESTDIR)$(LIBDIR)/
	install -m 755 build/libigo.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libigo.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libigo.so.$(ABI)
	ln -sf libigo.so.$(ABI) $(DESTDIR)$(LIBDIR)/libigo.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' libigo/libigo.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/libigo.pc
	@if [ -z "$(DESTDIR)" ] && command -v ldconfig >/dev/null && [ "$$(id -u)" = 0 ]; then ldconfig; fi

uninstall:
	rm -f $(addprefix $(DESTDIR)$(INCDIR)/igo/,$(notdir $(HEADERS)))
	-rmdir $(DESTDIR)$(INCDIR)/igo
	rm -f $(DESTDIR)$(LIBDIR)/libigo.a $(DESTDIR)$(LIBDIR)/libigo.so.$(VERSION) \
	      $(DESTDIR)$(LIBDIR)/libigo.so.$(ABI) $(DESTDIR)$(LIBDIR)/libigo.so \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/libigo.pc

# The C reference, from the public headers; a warning (an undocumented symbol) fails the build.
docs: lib-deps
	$(call apt_install,doxygen)
	mkdir -p build/docs
	( cat docs/Doxyfile; echo "PROJECT_NUMBER = $(VERSION)" ) | doxygen -

# ---- dependencies ----

deps: apt-deps $(VENV)/.deps-stamp

# Installs the Debian packages of $(1) that are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "apt-get install:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

apt-deps:
	$(call apt_install,$(APT_PACKAGES))

# What building the C library needs, and no more (no LibreOffice for a C user).
lib-deps:
	$(call apt_install,$(LIB_APT_PACKAGES))

$(VENV)/.deps-stamp: Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q $(PY_PACKAGES)
	touch $@

# Builds both backends against build/libigo.a (setup.py runs `make lib`) and installs the package
# and the `igo` command into .venv. Old extension objects are removed so no stale build is kept.
python: deps
	rm -rf build/lib.* build/temp.*
	$(PIP) install -q --no-build-isolation --no-deps .

# The default classification table compiled into the library, from its one source (the CSV).
default-indeling:
	python3 libigo/src/claims/make_default_indeling.py

# ---- tests ----

# The C core's own tests, linked against the library: all under AddressSanitizer +
# UndefinedBehaviorSanitizer (the instrumented build of the library), then those that allocate
# under valgrind against build/libigo.a itself (the long arithmetic loops would take minutes there).
ctest: apt-deps build/libigo.a build/asan/libigo.a
	mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(SANITIZE) $(CTEST_SRC) build/asan/libigo.a $(LIBS) $(WRAP) -o $(BUILD)/tests-asan
	$(BUILD)/tests-asan
	$(CC) $(CFLAGS) -O2 $(CTEST_SRC) build/libigo.a $(LIBS) $(WRAP) -o $(BUILD)/tests
	IGO_TEST_IN_PROCESS=1 valgrind -q --leak-check=full --errors-for-leak-kinds=all \
	  --error-exitcode=3 $(BUILD)/tests \
	  round_known_values split_hand_computed model_setter_errors model_unchanged_after_error \
	  model_read_back model_read_empty \
	  distribute_hand_computed distribute_costs_per_prestatie distribute_history_keys \
	  distribute_normalised_keys distribute_fixed_parts distribute_fixed_parts_edges distribute_bonuses \
	  bonus_setter_errors bonus_random_regions workbook_bonus_round_trip workbook_whatif_baseline workbook_fixed_round_trip \
	  distribute_errors distribute_random_regions_conserve batch_equals_single batch_errors \
	  workbook_written_and_checked workbook_failures_leave_nothing workbook_numbers_shortest \
	  workbook_numbers_rewrite workbook_numbers_failures scenario_published_figures \
	  scenario_linear_in_volumes scenario_refusals percentiles_match_sorting scenario_monte_carlo \
	  transition_hand_worked transition_properties transition_refusals \
	  workbook_transition_round_trip workbook_transition_refusals \
	  batch_shape uncertainty_shape round_cents_checked \
	  text_refused_where_it_enters text_lengths_as_a_spreadsheet_counts text_in_scenario_sets \
	  workbook_targets_and_limits allocation_failures_are_errors \
	  xlsx_cell_names xlsx_written_and_read xlsx_hand_built_parts xlsx_hostile_xml \
	  xlsx_hostile_cells xlsx_hostile_containers xlsx_zip_bomb xlsx_table_columns \
	  workbook_read_refusals hostile_corpus hostile_fuzz_finds \
	  claims_hand_worked claims_conventions claims_windows_1252 claims_set_aside \
	  claims_ambiguous_amounts claims_file_errors claims_hostile claims_table claims_options \
	  claims_generate_repeatable claims_generate_dutch claims_generate_english \
	  claims_generate_care_mix claims_generate_refusals claims_generate_stops_when_asked \
	  claims_xlsx claims_generated_reconcile claims_review_cases claims_many_providers_in_a_phase

# The reader's threads (a member inflates on a thread of its own beside the parse) under
# ThreadSanitizer: the tests that read workbooks, core and tests compiled again with clang. A
# reported race fails the run.
TSAN_TESTS := xlsx_written_and_read xlsx_hand_built_parts xlsx_hostile_xml xlsx_hostile_cells \
              xlsx_hostile_containers xlsx_zip_bomb xlsx_stops_when_asked xlsx_table_columns \
              hostile_corpus workbook_read_round_trip workbook_read_refusals claims_hand_worked \
              claims_conventions claims_set_aside claims_ambiguous_amounts claims_file_errors \
              claims_hostile claims_xlsx claims_generated_reconcile allocation_failures_are_errors
ctest-tsan: fuzz-deps
	mkdir -p $(BUILD)
	clang $(CFLAGS) -O1 -fsanitize=thread $(CTEST_SRC) $(CORE_SRC) $(LIBS) $(WRAP) \
	  -o $(BUILD)/tests-tsan
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)/tests-tsan $(TSAN_TESTS)

# The library as others use it: exported symbols, the headers in C11 and C++, the examples, an
# install into a temporary prefix used through pkg-config, the version everywhere, the reference.
libtest: python lib examples
	$(VENV)/bin/pytest -q libigo/tests/library

# The pytest suite, once per backend.
pytest: python
	LIBIGO_BACKEND=cext $(VENV)/bin/pytest -q --durations=12 tests
	LIBIGO_BACKEND=cffi $(VENV)/bin/pytest -q --durations=12 tests

# ---- fuzzing ----

# libFuzzer on the two readers of untrusted workbooks: the sheet reader (igo_xlsx_*) and the
# model reader (igo_workbook_read). The core is compiled again with clang and the same
# sanitizers as the harness. `make fuzz FUZZ_SECONDS=N` runs the harnesses side by side for N
# seconds each; new inputs go to build/fuzz/corpus_*, crashes to build/fuzz/crashes/. The seeds
# (libigo/tests/fuzz/seeds_*) are written by libigo/tests/fuzz/make_seeds.py.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_CFLAGS  := -std=c11 -D_DEFAULT_SOURCE -pthread -g -O1 $(WARN) -ffp-contract=off -Ilibigo/include \
                -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJ     := $(CORE_SRC:libigo/src/%.c=build/fuzz/obj/%.o)
FUZZ_RUN     := -max_len=200000 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
                $(if $(FUZZ_SEED),-seed=$(FUZZ_SEED))
FUZZ_DICT_sheet    := xlsx.dict
FUZZ_DICT_workbook := xlsx.dict
FUZZ_DICT_claims   := claims.dict

fuzz-deps:
	$(call apt_install,$(LIB_APT_PACKAGES) clang)

build/fuzz/obj/%.o: libigo/src/%.c Makefile
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

-include $(FUZZ_OBJ:.o=.d)
# Kept: the pattern rule below would otherwise delete them as intermediate files.
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/fuzz_%: libigo/tests/fuzz/fuzz_%.c libigo/tests/fuzz/fuzz_input.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(FUZZ_OBJ) $(LIBS) -o $@

# Runs one harness ($(1): sheet, workbook or claims) for $(2) seconds; its log is build/fuzz/$(1).log.
define fuzz_run
mkdir -p build/fuzz/corpus_$(1) build/fuzz/crashes; \
build/fuzz/fuzz_$(1) $(FUZZ_RUN) -dict=libigo/tests/fuzz/$(FUZZ_DICT_$(1)) -max_total_time=$(2) \
  -artifact_prefix=build/fuzz/crashes/$(1)- build/fuzz/corpus_$(1) \
  libigo/tests/fuzz/seeds_$(1) > build/fuzz/$(1).log 2>&1
endef

# The three harnesses at once (the two cores shared); fails when any found a crash, leak or
# timeout.
FUZZ_HARNESSES := sheet workbook claims
fuzz: fuzz-deps $(FUZZ_HARNESSES:%=build/fuzz/fuzz_%)
	@pids=""; for h in $(FUZZ_HARNESSES); do \
	  ( $(MAKE) -s fuzz-one FUZZ_HARNESS=$$h ) & pids="$$pids $$!"; done; \
	status=0; for p in $$pids; do wait $$p || status=1; done; \
	for h in $(FUZZ_HARNESSES); do echo "== fuzz_$$h"; grep -E '^(stat::|Done|==.*ERROR|SUMMARY)' \
	  build/fuzz/$$h.log | tail -8; done; \
	if [ $$status != 0 ]; then echo "a fuzzer failed: see build/fuzz/*.log"; fi; exit $$status

# One harness (FUZZ_HARNESS) for FUZZ_SECONDS.
fuzz-one:
	$(call fuzz_run,$(FUZZ_HARNESS),$(FUZZ_SECONDS))

# The run inside `make test`: short, and with a fixed seed so that two runs try the same inputs.
fuzz-short:
	$(MAKE) fuzz FUZZ_SECONDS=30 FUZZ_SEED=1

bench: python
	$(PIP) install -q XlsxWriter python-calamine
	$(PY) bench/bench_batch.py
	$(PY) bench/bench_workbook.py
	$(PY) bench/bench_montecarlo.py
	$(PY) bench/bench_read_excel.py
	$(PIP) install -q duckdb polars pyarrow
	$(PY) bench/bench_claims.py

clean:
	rm -rf build dist python/*.egg-info $(VENV)
