#!/bin/sh
# Runs the test binaries given, prints their output, and ends with one line
# "N passed, N failed" over all of them (cmocka's own lines stay above).
passed=0 failed=0 status=0
for t in "$@"; do
    out=$("$t" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    if [ "$rc" -ne 0 ]; then
        status=1
        [ -z "$f" ] && failed=$((failed + 1)) && echo "$t: exited with status $rc"
    fi
done
echo "tests: $passed passed, $failed failed"
exit $status
