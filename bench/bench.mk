# Benchmarks of issues 6 and 18 (not part of `make check`): `make bench` builds the
# helpers and the workloads under bench/out/ and runs bench/run.sh.  See
# bench/README.md.  Included from the Makefile.
BENCH_OUT   ?= bench/out
BENCH_CC     = $(CC) $(WARN) $(CFLAGS)
BENCH_TOOLS  = $(BENCH_OUT)/gen $(BENCH_OUT)/floor $(BENCH_OUT)/measure
BENCH_DATA   = $(BENCH_OUT)/report-0.docx $(BENCH_OUT)/report-100.docx $(BENCH_OUT)/report-1000.docx $(BENCH_OUT)/report-2000.docx \
               $(BENCH_OUT)/report-10000.docx $(BENCH_OUT)/lo-report-1000.docx $(BENCH_OUT)/folder/.done

.PHONY: bench bench-deps bench-tools bench-data bench-clean bench-profile

bench: bench-deps pbcheck bench-tools bench-data
	bench/run.sh

bench-deps:
	@scripts/deps.sh bench

bench-tools: $(BENCH_TOOLS)

bench-data: $(BENCH_DATA)

$(BENCH_OUT)/.dir:
	mkdir -p $(BENCH_OUT) && touch $@

$(BENCH_OUT)/gen: bench/gen.c | $(BENCH_OUT)/.dir
	$(BENCH_CC) $(shell pkg-config --cflags libzip) $< -o $@ $(shell pkg-config --libs libzip)

$(BENCH_OUT)/floor: bench/floor.c | $(BENCH_OUT)/.dir
	$(BENCH_CC) $(shell pkg-config --cflags libzip libxml-2.0) $< -o $@ $(shell pkg-config --libs libzip libxml-2.0)

$(BENCH_OUT)/measure: bench/measure.c | $(BENCH_OUT)/.dir
	$(BENCH_CC) $< -o $@

# N tables = N/2 projects of two tables (key/value and indicators) each.
$(BENCH_OUT)/report-%.docx: $(BENCH_OUT)/gen
	$(BENCH_OUT)/gen report $* $@

$(BENCH_OUT)/lo-report-1000.docx: $(BENCH_OUT)/gen
	$(BENCH_OUT)/gen report 1000 $@ --markup lo

$(BENCH_OUT)/folder/.done: $(BENCH_OUT)/gen
	rm -rf $(BENCH_OUT)/folder
	$(BENCH_OUT)/gen folder 500 $(BENCH_OUT)/folder
	touch $@

bench-clean:
	rm -rf $(BENCH_OUT)

# Instruction counts of pbcheck and the floor on the 1000-table report.
bench-profile: bench-deps pbcheck bench-tools $(BENCH_OUT)/report-1000.docx
	bench/profile.sh
