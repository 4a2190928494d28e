#!/bin/sh
# Golden outputs: what pbcheck prints for the bundled sample, the shared
# filings and the rule catalogue, in every format, so that a refactoring that
# changes a byte of output fails.  A change of output on purpose is
# recorded with `tests/golden.sh --update` and reviewed in the diff.
#   tests/golden.sh [--update]      (PBCHECK names the binary; default ./pbcheck)
# Prints cmocka's summary lines so tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
pb=${PBCHECK:-./pbcheck}
want=tests/golden
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
got=$tmp/got
mkdir -p "$got"
shared=../shared/data

# name, then the command line; stdout and the exit status are recorded.
run() {
    name=$1
    shift
    "$pb" "$@" >"$got/$name" 2>/dev/null
    echo "exit $?" >>"$got/$name"
    # JUnit's time attributes are measured seconds: recorded as a shape.
    case $name in *.junit) sed -i -E 's/ time="[0-9]+\.[0-9]{3}"/ time="S.SSS"/g' "$got/$name" ;; esac
}

ref=data/reference.docx
for lang in en zh; do
    for f in text json jsonl sarif junit github gitlab csv html; do
        run "ref.$lang.$f" --lang "$lang" --color never -q -j 1 -f "$f" "$ref"
    done
    run "export.$lang.csv" export --lang "$lang" -f csv "$ref"
    run "export.$lang.json" export --lang "$lang" -f json "$ref"
    run "tables.$lang.text" tables --lang "$lang" "$ref"
    run "tables.$lang.json" tables --lang "$lang" -f json "$ref"
    run "rules.$lang.text" rules --lang "$lang"
    run "rules.$lang.md" rules --lang "$lang" --format markdown
    run "explain.$lang" explain --lang "$lang" PB101 PB202 PB304 PB401 PB505
    run "config.$lang" config --lang "$lang" --print "$ref"
done
run "help" --help
skipped=""
if [ -d "$shared" ]; then
    for d in "$shared" "$shared/real-filings" "$shared/word-samples" "$shared/wps-samples"; do
        n=$(basename "$d")
        run "shared.$n.json" --lang en -q -j 1 -f json "$d"
        run "shared.$n.text" --lang zh --color never -q -j 1 "$d"
    done
    for f in "$shared"/real-filings/*.docx "$shared"/real-filings/*.xlsx; do
        run "tables.$(basename "$f").json" tables --lang en -f json "$f"
    done
else
    skipped="../shared is absent: its golden outputs were not compared"
fi

if [ "${1:-}" = --update ]; then
    rm -rf "$want"
    mkdir -p "$want"
    cp "$got"/* "$want"/
    echo "golden: $(ls "$want" | wc -l) outputs recorded in $want"
    exit 0
fi

passed=0 failed=0
echo "[==========] Running golden output tests."
for f in "$got"/*; do
    n=$(basename "$f")
    if [ ! -f "$want/$n" ]; then
        failed=$((failed + 1))
        echo "[  FAILED  ] golden: $n has no recorded output (tests/golden.sh --update)"
    elif cmp -s "$f" "$want/$n"; then
        passed=$((passed + 1))
        echo "[       OK ] golden: $n"
    else
        failed=$((failed + 1))
        echo "[  FAILED  ] golden: $n differs:"
        diff "$want/$n" "$f" | head -20 | sed 's/^/    /'
    fi
done
[ -n "$skipped" ] && echo "[  SKIPPED ] golden: $skipped"
echo "[==========] $((passed + failed)) golden test(s) ran."
echo "[  PASSED  ] $passed test(s)."
[ "$failed" -gt 0 ] && echo "[  FAILED  ] $failed test(s), listed above." && exit 1
exit 0
