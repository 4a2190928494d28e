# pbcheck — see README.md.  `make` builds ./pbcheck; `make check` runs every test.
CC      ?= cc
PKGS     = libxml-2.0 libzip libcjson
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wshadow -Wvla
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS   += $(PKG_LIBS) -lpthread

B       ?= build
LIB_SRC  = src/arena.c src/decimal.c src/text.c src/value.c src/zipread.c src/docx.c \
           src/extract.c src/rules.c src/check.c src/config.c src/document.c src/report_json.c src/report_text.c \
           src/report_html.c
# Batch and CI reports (issue 5).
REPORT_SRC = src/report_common.c src/report_sarif.c src/report_junit.c src/report_github.c \
             src/report_gitlab.c src/report_csv.c src/report_export.c
LIB_SRC += $(REPORT_SRC)
LIB_SRC += src/xlsx.c
LIB_OBJ  = $(LIB_SRC:src/%.c=$(B)/%.o)

.PHONY: all deps run check test unit e2e asan clean

all: deps pbcheck

deps:
	@scripts/deps.sh build

$(B)/%.o: src/%.c src/internal.h src/cli.h include/pbcheck/pbcheck.h | $(B)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(B):
	mkdir -p $(B)

$(B)/libpbcheck.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

libpbcheck.a: $(B)/libpbcheck.a
	cp $< $@

CLI_SRC  = src/main.c src/cli_check.c src/cli_tables.c src/cli_i18n.c
CLI_SRC += src/cli_batch.c src/cli_export.c src/cli_rules.c src/cli_config.c
CLI_OBJ  = $(CLI_SRC:src/%.c=$(B)/%.o)
$(B)/cli_batch.o $(B)/cli_export.o $(B)/cli_check.o $(B)/main.o: src/cli_batch.h
$(REPORT_SRC:src/%.c=$(B)/%.o): src/report_util.h

$(B)/pbcheck: $(CLI_OBJ) $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

pbcheck: $(B)/pbcheck libpbcheck.a
	cp $(B)/pbcheck $@

# The rule catalogue's documentation, generated from the table in src/rules.c
# (tests/test_rules.c fails when the committed file differs).
docs/rules.md: $(B)/pbcheck
	mkdir -p docs && $(B)/pbcheck --lang en rules --format markdown > $@.tmp && mv $@.tmp $@

# The README's first command: build, then check the bundled sample.
run: all
	./pbcheck data/reference.docx

include tests/tests.mk tests/fuzz/fuzz.mk
include po/po.mk man/man.mk install.mk

clean:
	rm -rf build build-asan pbcheck libpbcheck.a

# Benchmarks (not part of the test suite): see bench/README.md.
-include bench/bench.mk
