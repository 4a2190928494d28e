# Translations through GNU gettext (Debian's gettext package).
#
# The build compiles each po/LANG.po into $(B)/locale/LANG/LC_MESSAGES/pbcheck.mo,
# where the uninstalled ./pbcheck finds it.  `make po-update` re-extracts the
# messages of src/ (keywords _ and N_) into po/pbcheck.pot and merges them into
# every .po; `make po-stats` says how many are still untranslated.
LINGUAS       = $(shell cat po/LINGUAS)
MO_FILES      = $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/pbcheck.mo)
POT_SOURCES   = $(sort $(wildcard src/*.c src/*.h)) man/rules_man.c
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
                 --add-comments=TRANSLATORS: --add-location=file --sort-by-file \
                 --package-name=pbcheck --package-version=$(shell sed -n 's/^\#define PB_VERSION "\(.*\)"/\1/p' include/pbcheck/pbcheck.h)

.PHONY: mo po-update po-stats

all: mo
tests-build: mo
mo: $(MO_FILES)

$(B)/locale/%/LC_MESSAGES/pbcheck.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

po-update:
	printf '%s\n' $(POT_SOURCES) > po/POTFILES
	xgettext $(XGETTEXT_FLAGS) --files-from=po/POTFILES -o po/pbcheck.pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none po/$$l.po po/pbcheck.pot || exit 1; done
	@$(MAKE) --no-print-directory po-stats

po-stats:
	@for l in $(LINGUAS); do printf '%s: ' $$l; msgfmt --statistics -o /dev/null po/$$l.po; done
