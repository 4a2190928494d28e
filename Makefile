# pbcheck — see README.md and docs/architecture.md.
#   make          builds ./pbcheck and libpbcheck.a (installs nothing)
#   make run      the README's first command: packages, build, the bundled sample
#   make check    the README's second command: packages, then every test
CC      ?= cc
CFLAGS  ?= -O3 -g
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wshadow -Wvla

# The layering is a build rule: only src/read/ is compiled with libxml2's and
# libzip's include flags, so XML and zip cannot leak out of the reader
# (tests/layering.sh checks the includes themselves).
XML_CFLAGS  = $(shell pkg-config --cflags libxml-2.0 libzip 2>/dev/null)
JSON_CFLAGS = $(shell pkg-config --cflags libcjson 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs libxml-2.0 libzip libcjson 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc $(JSON_CFLAGS)
LDLIBS   += $(PKG_LIBS) -lpthread
# Link-time optimisation of the program: its stages call each other's small
# functions per cell, which only the linker can inline across files
# (bench/README.md, seventh pass: about 2 % on the folder).  Fat objects keep
# libpbcheck.a and the test programs linkable without it; the sanitized
# builds (clang) get none.
ifeq ($(origin LTO),undefined)
LTO := $(if $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1)),,-flto=auto -ffat-lto-objects)
endif
# Headers are tracked by the compiler: a change to a CLI header rebuilds the CLI only.
DEPFLAGS  = -MMD -MP

B       ?= build
LIB_DIRS = util read model extract check report pipeline
LIB_SRC  = $(sort $(foreach d,$(LIB_DIRS),$(wildcard src/$(d)/*.c)))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(B)/%.o)
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
CLI_OBJ  = $(CLI_SRC:src/%.c=$(B)/%.o)

.PHONY: all deps run check test unit asan tsan tsan-unit clean

all: pbcheck

deps:
	@scripts/deps.sh build

$(B)/read/%.o: CPPFLAGS += $(XML_CFLAGS)

$(B)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(LTO) $(CPPFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/libpbcheck.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

libpbcheck.a: $(B)/libpbcheck.a
	cp $< $@

$(B)/pbcheck: $(CLI_OBJ) $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LTO) $(LDFLAGS) -o $@ $^ $(LDLIBS)

pbcheck: $(B)/pbcheck libpbcheck.a
	cp $(B)/pbcheck $@

# The rule catalogue's documentation, generated from the table in
# src/check/rules.c (tests/test_rules.c fails when the committed file differs).
# docs/rules-review.md (severities, presets, the findings on the sample
# filings) is written by hand and appended.
docs/rules.md: $(B)/pbcheck docs/rules-review.md
	mkdir -p docs && $(B)/pbcheck --lang en rules --format markdown > $@.tmp && cat docs/rules-review.md >> $@.tmp && mv $@.tmp $@

# The README's first command: packages, build, then check the bundled sample.
run: deps
	$(MAKE) --no-print-directory all
	./pbcheck data/reference.docx

include tests/tests.mk tests/fuzz/fuzz.mk
include po/po.mk man/man.mk install.mk

clean:
	rm -rf build build-asan build-tsan pbcheck libpbcheck.a

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# Benchmarks (not part of the test suite): see bench/README.md.
-include bench/bench.mk
