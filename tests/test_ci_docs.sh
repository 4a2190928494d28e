#!/bin/sh
# docs/ci.md: the pbcheck commands of each CI snippet (the lines between
# "# pbcheck:begin" and "# pbcheck:end") run on a sample folder, exit as the
# snippet expects, and write the reports its next steps upload, well-formed.
# Prints cmocka's summary lines so tests/run.sh counts the cases.
cd "$(dirname "$0")/.." || exit 1
pb=${PBCHECK:-$PWD/pbcheck}
case $pb in /*) ;; *) pb=$PWD/$pb ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "[       OK ] ci docs: $1"; }
bad() { failed=$((failed + 1)); echo "[  FAILED  ] ci docs: $1"; }
echo "[==========] Running ci docs tests."

# `pbcheck` on PATH, as the snippets install it.
mkdir -p "$tmp/bin"
ln -s "$pb" "$tmp/bin/pbcheck"
# The snippets' commands, one file per snippet, in the order of the page.
awk -v dir="$tmp" '
    /^[ \t]*# pbcheck:begin[ \t]*$/ { n++; on = 1; next }
    /^[ \t]*# pbcheck:end[ \t]*$/ { on = 0; next }
    on { sub(/^[ \t]*(- )?/, ""); print > (dir "/snippet" n ".sh") }
' docs/ci.md
count=$(ls "$tmp"/snippet*.sh 2>/dev/null | wc -l)
if [ "$count" -eq 3 ]; then ok "three snippets (GitHub Actions, GitLab CI, Jenkins)"; else bad "three snippets, found $count"; fi

wellformed() { # kind file
    case $1 in
    json) python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$2" 2>/dev/null ;;
    xml) xmllint --noout "$2" 2>/dev/null ;;
    sarif) python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); assert l["version"]=="2.1.0" and len(l["runs"])==1' "$2" 2>/dev/null ;;
    html) grep -q '</html>' "$2" ;;
    esac
}

# name, expected exit statuses, then kind:file pairs the snippet must write.
check() {
    name=$1 want=$2 n=$3
    shift 3
    d=$tmp/run$n
    mkdir -p "$d/filings"
    cp data/reference.docx "$d/filings/"
    cp data/reference.docx "$d/filings/copy.docx"
    (cd "$d" && PATH="$tmp/bin:$PATH" sh -e "$tmp/snippet$n.sh" >"$d/stdout" 2>"$d/stderr")
    st=$?
    case " $want " in *" $st "*) ok "$name: exit $st" ;; *) bad "$name: exit $st, expected one of $want"; sed 's/^/    /' "$d/stderr" ;; esac
    for kf in "$@"; do
        kind=${kf%%:*} f=${kf#*:}
        if [ -s "$d/$f" ] && wellformed "$kind" "$d/$f"; then ok "$name: $f is well-formed $kind"; else bad "$name: $f missing or not $kind"; fi
    done
}

# The sample has warnings and no error: exit 0 with the default --fail-on.
check "GitHub Actions" "0 1" 1 sarif:pbcheck.sarif
grep -q '^::warning file=filings/reference.docx' "$tmp/run1/stdout" && ok "GitHub Actions: annotations on stdout" ||
    bad "GitHub Actions: no annotations on stdout"
check "GitLab CI" "0 1" 2 json:gl-code-quality.json xml:pbcheck-junit.xml
check "Jenkins" "0" 3 xml:pbcheck-junit.xml html:pbcheck-html/index.html
# The artifact people open: the index links a page per file, each with its findings.
pages=0
for page in $(sed -n 's/.*<a href="\(f[0-9a-f]*\.html\)">.*/\1/p' "$tmp/run3/pbcheck-html/index.html" 2>/dev/null); do
    grep -q '<section class="file"' "$tmp/run3/pbcheck-html/$page" && pages=$((pages + 1))
done
[ "$pages" -eq 2 ] && ok "Jenkins: the HTML index links a page per file" || bad "Jenkins: $pages linked pages with findings, expected 2"
grep -q '<testcase name="project 1 ' "$tmp/run3/pbcheck-junit.xml" && ok "Jenkins: one testcase per project" ||
    bad "Jenkins: no project testcase"

echo "[==========] $((passed + failed)) ci docs test(s) ran."
echo "[  PASSED  ] $passed test(s)."
[ "$failed" -eq 0 ] || { echo "[  FAILED  ] $failed test(s)."; exit 1; }
