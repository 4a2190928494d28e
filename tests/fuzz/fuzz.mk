# libFuzzer harnesses (issue 3), included from the Makefile.
#   make fuzz                    fuzz_docx, then fuzz_xml, FUZZ_SECONDS each
#   make fuzz FUZZ_SECONDS=900 FUZZ_TARGETS=docx
# Needs clang and libclang-rt-14-dev (scripts/deps.sh test installs them).
# Everything goes to build-fuzz/: the sanitized library and harnesses, the
# seed corpora (seeds/, regenerated from the fixtures on every run), the
# corpora the fuzzer grows (corpus/, kept between runs) and crash or leak
# inputs (artifacts/).  A finding stops the run with a non-zero status.
FUZZ_B        = build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= docx xml
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all -fsanitize=fuzzer-no-link
FUZZ_LDFLAGS  = -fsanitize=address,undefined
# -timeout: one input may take 10 s (the slowest hostile file takes 4 s);
# -rss_limit_mb: generous for ASan, far below what an unbounded read costs.
FUZZ_ARGS    ?= -timeout=10 -rss_limit_mb=1024 -max_len=262144 -print_final_stats=1

.PHONY: fuzz fuzz-build fuzz-seeds fuzz-clean

clean: fuzz-clean
fuzz-clean:
	rm -rf $(FUZZ_B)

$(B)/fuzz:
	mkdir -p $@

$(B)/fuzz/%.o: tests/fuzz/%.c | $(B)/fuzz
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(XML_CFLAGS) $(DEPFLAGS) -Itests -c $< -o $@

$(B)/fuzz/fuzz_%: $(B)/fuzz/fuzz_%.o $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS) -lz

$(B)/fuzz/make_seeds: $(B)/fuzz/make_seeds.o $(B)/tests/fixture.o $(B)/tests/fixture_layouts.o $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

fuzz-build:
	$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang CFLAGS="$(FUZZ_CFLAGS)" LDFLAGS="$(FUZZ_LDFLAGS)" \
	  $(FUZZ_B)/fuzz/fuzz_docx $(FUZZ_B)/fuzz/fuzz_xml $(FUZZ_B)/fuzz/make_seeds $(FUZZ_B)/tests/hostile_gen

# Word-made samples, read in place when the shared folder is there.
FUZZ_SAMPLES ?= ../shared/data/word-samples

# Seeds: the fixtures, the reference document, the Word samples, the
# regression inputs and the generated hostile files under 64 KiB (the large
# ones only cost time).  Every document.xml is also packed stored (zip -0):
# a mutation of stored XML still reaches the reader and the extractor, where
# one of deflated bytes mostly stops at the inflater.
fuzz-seeds: fuzz-build
	rm -rf $(FUZZ_B)/seeds $(FUZZ_B)/hostile $(FUZZ_B)/pack
	mkdir -p $(FUZZ_B)/seeds/docx $(FUZZ_B)/seeds/xml $(FUZZ_B)/hostile $(FUZZ_B)/pack/word
	$(FUZZ_B)/fuzz/make_seeds $(FUZZ_B)/seeds/docx $(FUZZ_B)/seeds/xml
	$(FUZZ_B)/tests/hostile_gen $(FUZZ_B)/hostile >/dev/null
	find $(FUZZ_B)/hostile -name '*.docx' -size -64k -exec cp {} $(FUZZ_B)/seeds/docx/ \;
	cp data/reference.docx $(FUZZ_B)/seeds/docx/
	find tests/fuzz/regress -name '*.docx' -exec cp {} $(FUZZ_B)/seeds/docx/ \;
	if [ -d "$(FUZZ_SAMPLES)" ]; then cp $(FUZZ_SAMPLES)/*.docx $(FUZZ_B)/seeds/docx/; fi
	for f in data/reference.docx $(wildcard $(FUZZ_SAMPLES)/*.docx) $(FUZZ_B)/seeds/docx/layout-*.docx; do \
	  unzip -p "$$f" word/document.xml >$(FUZZ_B)/seeds/xml/$$(basename "$$f" .docx).xml || exit 1; \
	done
	cd $(FUZZ_B)/pack && unzip -qo ../hostile/ok__minimal.docx '?Content_Types?.xml' _rels/.rels
	for x in $(FUZZ_B)/seeds/xml/*.xml; do \
	  cp "$$x" $(FUZZ_B)/pack/word/document.xml && \
	  (cd $(FUZZ_B)/pack && zip -q -0 -X ../seeds/docx/stored-$$(basename "$$x" .xml).docx \
	    '[Content_Types].xml' _rels/.rels word/document.xml) || exit 1; \
	done
	rm -rf $(FUZZ_B)/hostile $(FUZZ_B)/pack

fuzz: test-deps fuzz-seeds
	mkdir -p $(FUZZ_B)/artifacts
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/corpus/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  $(FUZZ_B)/fuzz/fuzz_$$t -dict=tests/fuzz/docx.dict -max_total_time=$(FUZZ_SECONDS) $(FUZZ_ARGS) \
	    -artifact_prefix=$(FUZZ_B)/artifacts/$$t- $(FUZZ_B)/corpus/$$t $(FUZZ_B)/seeds/$$t || exit 1; \
	done
