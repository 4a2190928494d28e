#!/bin/sh
# The closing line of `make check` (tests/run.sh) names each skipped test
# and why (issue 16 point 7): the browser tests of test_html without a
# browser, the end-to-end tests of test_report without $PBCHECK, and a
# test that gives no reason.  Prints cmocka's summary lines so that
# tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
b=${B:-build}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "[       OK ] run.sh: $1"; }
bad() { failed=$((failed + 1)); echo "[  FAILED  ] run.sh: $1"; }
echo "[==========] Running run.sh tests."
has() { # what, line, text
    case $2 in *"$3"*) ok "$1" ;; *) bad "$1: no \"$3\" in: $2" ;; esac
}

# No browser: the four browser tests are skipped, each with the reason.
last=$(PBCHECK_CHROMIUM=/nonexistent/chromium tests/run.sh "$b/tests/test_html" 2>&1 | tail -n 1)
has "html: the four browser tests skipped" "$last" ", 4 skipped: "
for t in test_browser_draws_chinese test_browser_phone_width test_browser_index_phone_width test_browser_renders_report; do
    has "html: $t says why" "$last" "$t (/nonexistent/chromium is not installed; apt-get install chromium fonts-noto-cjk"
done
case $last in *"no reason given"*) bad "html: a skip without its reason: $last" ;; *) ok "html: no skip without a reason" ;; esac

# No $PBCHECK: test_report's end-to-end tests say so.
last=$(env -u PBCHECK tests/run.sh "$b/tests/test_report" 2>&1 | tail -n 1)
has "report: the end-to-end tests say why" "$last" "test_sarif_cli_limit (PBCHECK is not set"

# A test that skips without a reason is listed as such, not dropped.
printf '#!/bin/sh\necho "[  PASSED  ] 1 test(s)."\necho "[  SKIPPED ] mute"\n' > "$tmp/mute"
printf '#!/bin/sh\necho "[  PASSED  ] 2 test(s)."\necho "[  SKIPPED ] told: no network"\necho "[  SKIPPED ] told"\n' > "$tmp/told"
chmod +x "$tmp/mute" "$tmp/told"
last=$(tests/run.sh "$tmp/mute" "$tmp/told" 2>&1 | tail -n 1)
has "fake: counts and reasons" "$last" "tests: 3 passed, 0 failed, 2 skipped: mute (no reason given); told (no network)"

echo "[==========] $((passed + failed)) run.sh test(s) ran."
echo "[  PASSED  ] $passed test(s)."
[ "$failed" -eq 0 ] || { echo "[  FAILED  ] $failed test(s)."; exit 1; }
