#!/bin/sh
# `make install` into a temporary DESTDIR: the installed binary speaks Chinese
# on the sample under LANG=zh_CN.UTF-8 (whether or not that locale exists), a
# small program builds against the installed library with pkg-config, the man
# pages render with `man -l`, and `make uninstall` removes every file.
# Prints cmocka's summary lines so tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/stage prefix=/usr/local
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "[       OK ] install: $1"; }
bad() { failed=$((failed + 1)); echo "[  FAILED  ] install: $1"; [ -s "$tmp/log" ] && sed 's/^/    /' "$tmp/log" | tail -20; }
check() { # check NAME COMMAND...: one case
    name=$1
    shift
    if "$@" >"$tmp/log" 2>&1; then ok "$name"; else bad "$name"; fi
}

echo "[==========] Running install tests."

# The plain build is installed, whatever build (ASan, …) runs this test: a
# sanitizer-built libpbcheck.a cannot be linked by a plain program.  The
# outer make's variables (its command line is exported to recipes, and
# tests.mk passes B) must not leak into this one.
unset MAKEFLAGS MAKELEVEL MFLAGS MAKEOVERRIDES B CC CFLAGS CPPFLAGS LDFLAGS LDLIBS
do_install() { make -s --no-print-directory install PREFIX=$prefix DESTDIR="$dest"; }
check "make install PREFIX=$prefix DESTDIR=…" do_install

root=$dest$prefix
files_present() {
    for f in bin/pbcheck lib/libpbcheck.a include/pbcheck/pbcheck.h lib/pkgconfig/pbcheck.pc \
        share/locale/zh_CN/LC_MESSAGES/pbcheck.mo share/man/man1/pbcheck.1 share/man/man7/pbcheck-rules.7 \
        share/man/zh_CN/man7/pbcheck-rules.7; do
        [ -f "$root/$f" ] || { echo "missing: $root/$f"; return 1; }
    done
    [ -x "$root/bin/pbcheck" ] || { echo "not executable: bin/pbcheck"; return 1; }
    # Nothing lands outside DESTDIR$PREFIX.
    [ "$(find "$dest" -type f | grep -vc "^$root/")" -eq 0 ] || { find "$dest" -type f; return 1; }
}
check "every file installed under DESTDIR\$PREFIX" files_present

chinese_run() {
    locale -a 2>/dev/null | grep -qi '^zh_CN' && echo "(zh_CN locale generated here)" ||
        echo "(no zh_CN locale generated: the C.UTF-8 fallback is tested)"
    out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u PBCHECK_LOCALEDIR LANG=zh_CN.UTF-8 \
        "$root/bin/pbcheck" data/reference.docx)
    status=$?
    echo "$out"
    [ $status -eq 0 ] && echo "$out" | grep -q '指标值「≥1年」表示一年或一年以上' &&
        echo "$out" | grep -q '^共 1 个文件'
}
check "installed pbcheck prints Chinese under LANG=zh_CN.UTF-8" chinese_run

english_run() {
    out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$root/bin/pbcheck" data/reference.docx)
    echo "$out" | grep -q 'sets no deadline (a year or more) on a one-year budget' && ! echo "$out" | grep -q '表示一年或一年以上'
}
check "installed pbcheck prints English under LANG=C.UTF-8" english_run

cat >"$tmp/prog.c" <<'EOF'
/* Checks the sample through the installed library, messages in Chinese
 * from the installed catalogue (localedir from pbcheck.pc). */
#define _POSIX_C_SOURCE 200809L
#include <pbcheck/pbcheck.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    setlocale(LC_ALL, "");
    setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "zh_CN", 1);
    bindtextdomain("pbcheck", argv[2]);
    bind_textdomain_codeset("pbcheck", "UTF-8");
    pb_document *d = pb_read_file(argv[1], NULL);
    if (!d || d->error.status != PB_OK || !pb_check(d, NULL))
        return 1;
    printf("projects %zu findings %zu\n", d->project_count, d->finding_count);
    for (size_t i = 0; i < d->finding_count; i++)
        printf("%s %s\n", d->findings[i].rule->id, d->findings[i].message);
    pb_document_free(d);
    return 0;
}
EOF
pc() { PKG_CONFIG_PATH=$root/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest pkg-config "$@"; }
compile_prog() {
    pc --exists pbcheck && pc --modversion pbcheck &&
        # shellcheck disable=SC2046
        cc -std=c11 -Wall -Werror -o "$tmp/prog" "$tmp/prog.c" $(pc --cflags --libs pbcheck)
}
check "a program builds with pkg-config --cflags --libs pbcheck" compile_prog

run_prog() {
    localedir=$dest$(pc --variable=localedir pbcheck | sed "s|^$dest||")
    out=$("$tmp/prog" data/reference.docx "$localedir") || return 1
    echo "$out"
    echo "$out" | grep -q '^projects 3 findings [1-9]' && echo "$out" | grep -q '^PB309 .*表示一年或一年以上'
}
check "the program checks the sample, in Chinese, with the installed catalogue" run_prog

man_page() { # man_page FILE PATTERN...: renders without warnings and shows each pattern
    page=$1
    shift
    env -u LANGUAGE LANG=C.UTF-8 MANWIDTH=100 MANPAGER=cat PAGER=cat man --warnings -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err" || return 1
    if [ -s "$tmp/man.err" ]; then cat "$tmp/man.err"; return 1; fi
    for p in "$@"; do grep -q -- "$p" "$tmp/man.txt" || { echo "no '$p' in $page"; return 1; }; done
}
man1() { man_page "$root/share/man/man1/pbcheck.1" NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES \
    "--format" "--lang" "pbcheck-rules(7)"; }
check "man -l pbcheck.1" man1
rule_ids() { "$root/bin/pbcheck" rules 2>/dev/null | grep -o '^PB[0-9]*' | sort -u; }
man7() {
    ids=$(grep -o '^\.SS PB[0-9]*' "$root/share/man/man7/pbcheck-rules.7" | cut -c5- | sort -u)
    [ -n "$ids" ] || return 1
    # Every rule of the installed binary's catalogue has its section.
    rule_ids >"$tmp/ids"
    if [ -s "$tmp/ids" ]; then [ "$(cat "$tmp/ids")" = "$ids" ] || { echo "rules: $(cat "$tmp/ids")"; echo "man: $ids"; return 1; }; fi
    # shellcheck disable=SC2086
    man_page "$root/share/man/man7/pbcheck-rules.7" NAME RULES $ids
}
check "man -l pbcheck-rules.7 (one section per rule)" man7
man7zh() { man_page "$root/share/man/zh_CN/man7/pbcheck-rules.7" PB101 "资金支出计划"; }
check "man -l zh_CN/pbcheck-rules.7" man7zh

do_uninstall() {
    make -s --no-print-directory uninstall PREFIX=$prefix DESTDIR="$dest" || return 1
    left=$(find "$dest" -type f)
    [ -z "$left" ] || { echo "left behind: $left"; return 1; }
}
check "make uninstall removes every installed file" do_uninstall

echo "[  PASSED  ] $passed test(s)."
if [ "$failed" -ne 0 ]; then
    echo "[  FAILED  ] $failed test(s)."
    exit 1
fi
