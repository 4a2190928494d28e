#!/bin/sh
# The translations: po/zh_CN.po compiles with format checks, and every message
# of the current sources has a (non-fuzzy) Chinese translation.  Messages are
# extracted afresh, so a message added without `make po-update` fails here.
# Prints cmocka's summary lines so tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "[       OK ] po: $1"; }
bad() { failed=$((failed + 1)); echo "[  FAILED  ] po: $1"; }

echo "[==========] Running po tests."

for po in po/*.po; do
    if msgfmt --check -o /dev/null "$po" 2>"$tmp/err"; then
        ok "$po compiles (msgfmt --check: formats, header)"
    else
        sed 's/^/    /' "$tmp/err"
        bad "$po compiles (msgfmt --check: formats, header)"
    fi
done

# The sources as `make po-update` extracts them.
if po/extract.sh "$tmp/now.pot" 2>"$tmp/err"; then
    ok "po/extract.sh extracts the messages of the sources"
else
    sed 's/^/    /' "$tmp/err"
    bad "po/extract.sh extracts the messages of the sources"
fi

for po in po/*.po; do
    lang=$(basename "$po" .po)
    msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/now.pot" 2>/dev/null
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" >"$tmp/untranslated" 2>/dev/null
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" >"$tmp/fuzzy" 2>/dev/null
    # Each file holds a header entry (msgid "") when it holds anything.
    entries=$(cat "$tmp/untranslated" "$tmp/fuzzy" | grep -c '^msgid ' || true)
    headers=$(cat "$tmp/untranslated" "$tmp/fuzzy" | grep -c '^msgid ""$' || true)
    real=$((entries - headers))
    if [ "$real" -eq 0 ]; then
        ok "$lang: every message of the sources is translated"
    else
        echo "    $real message(s) lack a $lang translation (make po-update, then translate $po):"
        cat "$tmp/untranslated" "$tmp/fuzzy" | grep -A1 '^msgid ' | grep -v '^msgid ""$' | sed -n 's/^\(msgid\|"\)/    &/p' | head -40
        bad "$lang: every message of the sources is translated"
    fi
done

# Rule IDs and slugs are never translated: no msgstr may carry an ID where
# its msgid has none, and the catalogue must not translate a slug.
if grep -q '^msgid "PB[0-9][0-9][0-9]"' po/*.po || grep -q '^msgid "[a-z]*-[a-z-]*"$' po/*.po; then
    bad "no rule ID or slug is a message"
else
    ok "no rule ID or slug is a message"
fi

if [ "$failed" -eq 0 ]; then
    echo "[  PASSED  ] $passed test(s)."
else
    echo "[  PASSED  ] $passed test(s)."
    echo "[  FAILED  ] $failed test(s)."
    exit 1
fi
