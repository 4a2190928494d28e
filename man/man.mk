# Manual pages: man/pbcheck.1 is written by hand; pbcheck-rules(7) is
# generated from the rule catalogue by a small program linked to libpbcheck,
# so it cannot drift from the rules the checks run.
MAN_PAGES = man/pbcheck.1 $(B)/man/pbcheck-rules.7

.PHONY: man
all: man
man: $(MAN_PAGES)

$(B)/man:
	mkdir -p $@

$(B)/man/rules_man.o: man/rules_man.c include/pbcheck/pbcheck.h | $(B)/man
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(B)/man/rules-man: $(B)/man/rules_man.o $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/man/pbcheck-rules.7: $(B)/man/rules-man
	$< > $@.tmp && mv $@.tmp $@
