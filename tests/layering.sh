#!/bin/sh
# The architecture as a test (docs/architecture.md): which folder of src/
# may include which, XML and zip only in the reader, no include cycle, and
# no source file past the size where it stops having one job.
# Prints cmocka's summary lines so tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "[       OK ] layering: $1"; }
bad() { failed=$((failed + 1)); echo "[  FAILED  ] layering: $1"; }
echo "[==========] Running layering tests."

# A stage may include the headers of the stages listed after it.
allowed() {
    case $1 in
    util) echo "util" ;;
    read) echo "util read" ;;
    model) echo "util model" ;;
    extract) echo "util model extract" ;;
    check) echo "util model check" ;;
    report) echo "util model report" ;;
    pipeline) echo "util read extract model check pipeline" ;;
    cli) echo "cli" ;;
    *) echo "" ;;
    esac
}

for dir in src/*/; do
    stage=$(basename "$dir")
    ok_stages=$(allowed "$stage")
    if [ -z "$ok_stages" ]; then
        bad "src/$stage/ is not a known stage (add it to tests/layering.sh and docs/architecture.md)"
        continue
    fi
    wrong=""
    for f in $(find "$dir" -name '*.[ch]' | sort); do
        for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
            case $inc in
            pbcheck/pbcheck.h) continue ;;
            */*) ;;
            *) wrong="$wrong $f:$inc(no-folder)"; continue ;;
            esac
            target=${inc%%/*}
            case " $ok_stages " in *" $target "*) ;; *) wrong="$wrong $f:$inc" ;; esac
        done
    done
    if [ -z "$wrong" ]; then
        ok "src/$stage/ includes only $ok_stages"
    else
        bad "src/$stage/ includes what it may not:$wrong"
    fi
done

# XML and zip stay in the reader.
libs=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(libxml/|zip\.h|zlib\.h)' src --include='*.[ch]' |
    grep -v '^src/read/' | tr '\n' ' ')
if [ -z "$libs" ]; then ok "libxml2, libzip and zlib headers only in src/read/"; else bad "XML or zip headers outside src/read/: $libs"; fi

# The public header says nothing of the internals.
if grep -q 'pbi_' include/pbcheck/pbcheck.h; then bad "include/pbcheck/pbcheck.h declares internal (pbi_) functions"
else ok "include/pbcheck/pbcheck.h declares no internal function"; fi

# No include cycle between files (a header that reaches itself).
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for f in $(find src -name '*.h' | sort); do
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
        [ -f "src/$inc" ] && echo "${f#src/} $inc"
    done
done >"$tmp"
cycle=$(awk '{ e[$1] = e[$1] " " $2; n[$1]; n[$2] }
    function reach(a, b, seen,   i, k, m) { if (seen[a]++) return 0
        k = split(e[a], m, " "); for (i = 1; i <= k; i++) if (m[i] == b || reach(m[i], b, seen)) return 1; return 0 }
    END { for (h in n) { delete s; if (reach(h, h, s)) print h } }' "$tmp" | sort | tr '\n' ' ')
if [ -z "$cycle" ]; then ok "no include cycle between headers"; else bad "headers in an include cycle: $cycle"; fi

# One job per file: none past about 700 lines.
limit=760
big=""
for f in $(find src -name '*.[ch]' | sort); do
    n=$(wc -l <"$f")
    [ "$n" -gt "$limit" ] && big="$big $f($n)"
done
if [ -z "$big" ]; then ok "no source file over $limit lines"; else bad "source files over $limit lines:$big"; fi

echo "[==========] $((passed + failed)) layering test(s) ran."
echo "[  PASSED  ] $passed test(s)."
[ "$failed" -gt 0 ] && echo "[  FAILED  ] $failed test(s), listed above." && exit 1
exit 0
