# `make install` and `make uninstall`.  PREFIX (default /usr/local) and the
# directories below may be overridden; DESTDIR stages the whole tree (for
# packaging and for tests/test_install.sh).  Installs the binary, libpbcheck.a
# with its headers and pbcheck.pc, the compiled translations and the manual
# pages (pbcheck(1), pbcheck-rules(7), and pbcheck-rules(7) in Chinese).
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
DATADIR      ?= $(PREFIX)/share
LOCALEDIR    ?= $(DATADIR)/locale
MANDIR       ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL      ?= install

PB_HEADERS   = $(wildcard include/pbcheck/*.h)
PB_VERSION_STRING = $(shell sed -n 's/^\#define PB_VERSION "\(.*\)"/\1/p' include/pbcheck/pbcheck.h)

# The binary looks for its catalogue beside itself first (../share/locale),
# so a staged or moved tree works; LOCALEDIR is the last resort.
$(B)/cli/i18n.o: CPPFLAGS += -DPB_LOCALEDIR='"$(LOCALEDIR)"' -DPB_BUILD_LOCALEDIR='"$(B)/locale"'

.PHONY: install uninstall
all: $(B)/pbcheck.pc

$(B)/pbcheck.pc: install.mk include/pbcheck/pbcheck.h | $(B)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' 'localedir=$(LOCALEDIR)' '' \
	  'Name: pbcheck' \
	  'Description: checks project performance target tables (项目支出绩效目标表) in .docx files' \
	  'Version: $(PB_VERSION_STRING)' \
	  'Requires: libxml-2.0 libzip libcjson' \
	  'Libs: -L$${libdir} -lpbcheck -lpthread' \
	  'Cflags: -I$${includedir}' > $@

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/pbcheck $(DESTDIR)$(PKGCONFIGDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(MANDIR)/zh_CN/man7
	$(INSTALL) -m 755 $(B)/pbcheck $(DESTDIR)$(BINDIR)/pbcheck
	$(INSTALL) -m 644 $(B)/libpbcheck.a $(DESTDIR)$(LIBDIR)/libpbcheck.a
	$(INSTALL) -m 644 $(PB_HEADERS) $(DESTDIR)$(INCLUDEDIR)/pbcheck/
	$(INSTALL) -m 644 $(B)/pbcheck.pc $(DESTDIR)$(PKGCONFIGDIR)/pbcheck.pc
	for l in $(LINGUAS); do \
	  $(INSTALL) -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  $(INSTALL) -m 644 $(B)/locale/$$l/LC_MESSAGES/pbcheck.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/pbcheck.mo || exit 1; \
	done
	$(INSTALL) -m 644 man/pbcheck.1 $(DESTDIR)$(MANDIR)/man1/pbcheck.1
	$(INSTALL) -m 644 $(B)/man/pbcheck-rules.7 $(DESTDIR)$(MANDIR)/man7/pbcheck-rules.7
	$(INSTALL) -m 644 $(B)/man/zh_CN/pbcheck-rules.7 $(DESTDIR)$(MANDIR)/zh_CN/man7/pbcheck-rules.7

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pbcheck $(DESTDIR)$(LIBDIR)/libpbcheck.a $(DESTDIR)$(PKGCONFIGDIR)/pbcheck.pc \
	  $(addprefix $(DESTDIR)$(INCLUDEDIR)/pbcheck/,$(notdir $(PB_HEADERS))) \
	  $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/pbcheck.mo) \
	  $(DESTDIR)$(MANDIR)/man1/pbcheck.1 $(DESTDIR)$(MANDIR)/man7/pbcheck-rules.7 \
	  $(DESTDIR)$(MANDIR)/zh_CN/man7/pbcheck-rules.7
	rmdir $(DESTDIR)$(INCLUDEDIR)/pbcheck 2>/dev/null || true
