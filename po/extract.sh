#!/bin/sh
# Extracts the messages of the sources into a .pot: `make po-update` and
# tests/test_po.sh both run this, so they see the same messages.
# Usage: po/extract.sh OUTPUT.pot [VERSION]
# Keywords _ and N_.  The rule catalogue (src/rules.c) and the configuration
# descriptions (src/cli_rules.c) hold prose such as "0 % or", which xgettext
# would take for printf formats; their N_ strings are never formats, so they
# are extracted with no-c-format.
set -eu
out=$1
version=${2:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prose="src/rules.c src/cli_rules.c"
common="--language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: --add-location=file
        --sort-by-file --package-name=pbcheck --package-version=$version"
others=""
for f in $(printf '%s\n' src/*.c src/*.h man/rules_man.c | sort); do
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
