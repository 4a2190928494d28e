#!/bin/sh
# Runs the test binaries given, prints their output, and ends with one line
# "N passed, N failed, N skipped" over all of them (cmocka's own lines stay
# above), naming each skipped test and why.  A test gives its reason with a
# line "[  SKIPPED ] NAME: why" before it skips (cmocka's own line has only
# the name); a skipped test without one is listed as "no reason given".
passed=0 failed=0 status=0
skips=$(mktemp) || exit 1
trap 'rm -f "$skips"' EXIT
for t in "$@"; do
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    printf '%s\n' "$out" | sed -n 's/^\[  SKIPPED \] //p' | grep -v '^[0-9][0-9]* test(s)' >>"$skips"
    if [ "$rc" -ne 0 ]; then
        status=1
        [ -z "$f" ] && failed=$((failed + 1)) && echo "$t: exited with status $rc"
    fi
done
# One entry per name: "name: why" wins over cmocka's bare "name".
why=$(awk '{ i = index($0, ": "); n = i ? substr($0, 1, i - 1) : $0;
             if (i) r[n] = substr($0, i + 2); else if (!(n in r)) r[n] = "";
             if (!(n in seen)) { seen[n] = 1; order[++k] = n } }
           END { for (j = 1; j <= k; j++) { n = order[j];
                 printf "%s%s (%s)", (j > 1 ? "; " : ""), n, (r[n] != "" ? r[n] : "no reason given") } }' "$skips")
count=$(awk '{ i = index($0, ": "); n = i ? substr($0, 1, i - 1) : $0; if (!(n in s)) { s[n] = 1; c++ } }
             END { print c + 0 }' "$skips")
if [ "$count" -gt 0 ]; then
    echo "tests: $passed passed, $failed failed, $count skipped: $why"
else
    echo "tests: $passed passed, $failed failed, none skipped"
fi
exit $status
