#!/bin/sh
# Extracts the messages of the sources into a .pot: `make po-update` and
# tests/test_po.sh both run this, so they see the same messages.
# Usage: po/extract.sh OUTPUT.pot [VERSION]
# Keywords _ and N_.  Files that hold prose such as "0 % or" (the rule
# catalogue, the configuration's descriptions), which xgettext would take for
# printf formats, say so with the line "/* po: prose */"; their N_ strings
# are never formats, so they are extracted with no-c-format.
set -eu
out=$1
version=${2:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sources=$(find src man/rules_man.c -name '*.[ch]' | LC_ALL=C sort)
# shellcheck disable=SC2086
prose=$(grep -l '^/\* po: prose \*/$' $sources | tr '\n' ' ' || true)
common="--language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: --add-location=file
        --sort-by-file --package-name=pbcheck --package-version=$version"
others=""
for f in $sources; do
    case " $prose " in *" $f "*) ;; *) others="$others $f" ;; esac
done
present=""
for f in $prose; do [ -f "$f" ] && present="$present $f"; done
# shellcheck disable=SC2086
xgettext $common -o "$tmp/code.pot" $others
if [ -n "$present" ]; then
    # shellcheck disable=SC2086
    xgettext $common --flag=N_:1:no-c-format -o "$tmp/prose.pot" $present
    msgcat --sort-by-file --use-first -o "$out" "$tmp/code.pot" "$tmp/prose.pot"
else
    cp "$tmp/code.pot" "$out"
fi
