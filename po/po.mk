# Translations through GNU gettext (Debian's gettext package).
#
# The build compiles each po/LANG.po into $(B)/locale/LANG/LC_MESSAGES/pbcheck.mo,
# where the uninstalled ./pbcheck finds it.  `make po-update` re-extracts the
# messages of src/ (keywords _ and N_) into po/pbcheck.pot and merges them into
# every .po; `make po-stats` says how many are still untranslated and
# `make po-todo` lists them (untranslated and fuzzy entries).
LINGUAS       = $(shell cat po/LINGUAS)
MO_FILES      = $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/pbcheck.mo)
PB_VERSION_NUMBER = $(shell sed -n 's/^\#define PB_VERSION "\(.*\)"/\1/p' include/pbcheck/pbcheck.h)

.PHONY: mo po-update po-stats po-todo

all: mo
tests-build: mo
mo: $(MO_FILES)

$(B)/locale/%/LC_MESSAGES/pbcheck.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

po-update:
	po/extract.sh po/pbcheck.pot $(PB_VERSION_NUMBER)
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none po/$$l.po po/pbcheck.pot || exit 1; done
	@$(MAKE) --no-print-directory po-stats

po-stats:
	@for l in $(LINGUAS); do printf '%s: ' $$l; msgfmt --statistics -o /dev/null po/$$l.po; done

po-todo:
	@for l in $(LINGUAS); do \
	  echo "== po/$$l.po: untranslated"; msgattrib --untranslated --no-obsolete po/$$l.po | sed -n '/^#: /,$$p'; \
	  echo "== po/$$l.po: fuzzy"; msgattrib --only-fuzzy --no-obsolete po/$$l.po | sed -n '/^#: /,$$p'; \
	done
