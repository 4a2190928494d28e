# The test suite: cmocka unit/reader/extraction tests and end-to-end runs of
# the binary.  `make check` runs it plain and again under ASan+UBSan.
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)
# Every tests/test_*.c is a test binary.
TEST_NAMES  = $(sort $(basename $(notdir $(wildcard tests/test_*.c))))
TEST_BINS   = $(TEST_NAMES:%=$(B)/tests/%)
TEST_COMMON = $(B)/tests/fixture.o
# Shell tests print cmocka's summary lines, so run.sh counts them too.
TEST_SCRIPTS = tests/test_po.sh tests/test_install.sh tests/golden.sh tests/layering.sh
TEST_SCRIPTS += tests/test_ci_docs.sh tests/test_run_sh.sh
# test_i18n drives the CLI's language code; test_html decodes Chromium's PNG.
$(B)/tests/test_i18n: $(B)/cli/i18n.o
$(B)/tests/test_i18n.o: CPPFLAGS += -DTEST_LOCALEDIR='"$(CURDIR)/$(B)/locale"'
$(B)/tests/test_html: LDLIBS += -lz
# test_layouts writes every layout as .docx and as .xlsx (fixture_layouts.c).
$(B)/tests/test_layouts $(B)/tests/test_stream: $(B)/tests/fixture_layouts.o
$(B)/tests/test_layouts.o $(B)/tests/test_stream.o $(B)/tests/fixture_layouts.o: tests/fixture_layouts.h

$(B)/tests:
	mkdir -p $@

# Tests may look inside every stage, the reader's libraries included.
$(B)/tests/%.o: tests/%.c | $(B)/tests
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(XML_CFLAGS) $(DEPFLAGS) -Itests -c $< -o $@

$(B)/tests/test_%: $(B)/tests/test_%.o $(TEST_COMMON) $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LDLIBS)

test-deps:
	@scripts/deps.sh test

# The hostile-file generator is a test tool, not code under test: always
# built plain, so that it stays fast under `make asan`.
$(B)/tests/hostile_gen: tests/hostile_gen.c | $(B)/tests
	$(CC) $(WARN) -O2 $< -o $@ $(shell pkg-config --cflags --libs libzip) -lz

tests-build: $(TEST_BINS) $(B)/pbcheck $(B)/tests/hostile_gen

# Runs every test binary; PBCHECK names the binary the end-to-end tests run.
unit: test-deps tests-build
	@PBCHECK=$(CURDIR)/$(B)/pbcheck B=$(B) tests/run.sh $(TEST_BINS) $(TEST_SCRIPTS)

# It also takes the reader's portable byte scanner (src/read/xml.c), so that
# the suite tests it as well as the SSE2 one of the plain build.
asan:
	$(MAKE) --no-print-directory B=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DPBI_PORTABLE_SCAN" \
	  LDFLAGS="-fsanitize=address,undefined" unit

# The tests that run threads — a file read beside its checks (test_stream),
# files checked in parallel and written in order (test_batch) — under
# ThreadSanitizer; a race makes pbcheck exit 66, which fails its test.
TSAN_TESTS = $(B)/tests/test_stream $(B)/tests/test_batch
tsan:
	$(MAKE) --no-print-directory B=build-tsan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" LDFLAGS="-fsanitize=thread" tsan-unit
tsan-unit: test-deps $(TSAN_TESTS) $(B)/pbcheck $(B)/tests/hostile_gen mo
	@TSAN_OPTIONS="halt_on_error=1 exitcode=66" PBCHECK=$(CURDIR)/$(B)/pbcheck B=$(B) tests/run.sh $(TSAN_TESTS)

# The README's second command.
check: deps test-deps
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory tsan

test: check
.SECONDARY:
