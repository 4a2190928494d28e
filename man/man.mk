# Manual pages.  man/pbcheck.1 is written by hand; pbcheck-rules(7) is
# generated from the rule catalogue by a small program linked to libpbcheck,
# in English and, through the build's catalogue, in Simplified Chinese
# ($(B)/man/zh_CN/pbcheck-rules.7), so it cannot drift from the rules.
MAN_PAGES = man/pbcheck.1 $(B)/man/pbcheck-rules.7 $(B)/man/zh_CN/pbcheck-rules.7

.PHONY: man
all: man
tests-build: man
man: $(MAN_PAGES)

$(B)/man $(B)/man/zh_CN:
	mkdir -p $@

$(B)/man/rules_man.o: man/rules_man.c src/cli/i18n.h include/pbcheck/pbcheck.h | $(B)/man
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c $< -o $@

$(B)/man/rules-man: $(B)/man/rules_man.o $(B)/cli/i18n.o $(B)/libpbcheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/man/pbcheck-rules.7: $(B)/man/rules-man
	$< > $@.tmp && mv $@.tmp $@

$(B)/man/zh_CN/pbcheck-rules.7: $(B)/man/rules-man $(B)/locale/zh_CN/LC_MESSAGES/pbcheck.mo | $(B)/man/zh_CN
	$< $(CURDIR)/$(B)/locale > $@.tmp && mv $@.tmp $@
