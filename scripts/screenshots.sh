#!/bin/sh
# Makes the HTML report's screenshots in docs/screenshots/ anew from the
# current ./pbcheck (docs/screenshots/README.md says what each shows):
# headless Chromium at 1400 and 400 px, --lang zh.  Needs chromium,
# fonts-noto-cjk and python3; the batch index reads ../shared.
#   scripts/screenshots.sh [OUTDIR]     (default docs/screenshots)
set -eu
cd "$(dirname "$0")/.."
repo=$PWD
out=${1:-docs/screenshots}
case $out in /*) ;; *) out=$repo/$out ;; esac
pb=${PBCHECK:-$repo/pbcheck}
browser=${CHROMIUM:-chromium}
third=../shared/data/real-filings/HB_qingshan_2020_bobo.docx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/batch"
cp data/reference.docx "$tmp/batch/reference.docx"
cp "$third" "$tmp/batch/"
# The defect file: the reference with 财政资金 240.59 (the second 242.59 of
# the main part: PB201) and 12月底 90% (the first 100%: PB104).
python3 - "$tmp/batch/reference.docx" "$tmp/batch/defect.docx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for item in zi.infolist():
        data = zi.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode("utf-8")
            i = s.index("242.59", s.index("242.59") + 1)
            s = s[:i] + "240.59" + s[i + 6:]
            i = s.index("100%")
            s = s[:i] + "90%" + s[i + 4:]
            data = s.encode("utf-8")
        zo.writestr(item, data)
PY
cd "$tmp"
"$pb" -q --lang zh -f html -o reference.html batch/reference.docx || true
"$pb" -q --lang zh -f html -o defect.html batch/defect.docx || true
"$pb" -q --lang zh --report html:pages/ batch/reference.docx batch/defect.docx "batch/${third##*/}" >/dev/null || true
shot() { # page width height png
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$tmp/profile" --window-size="$2,$3" --screenshot="$out/$4" "file://$tmp/$1" \
        >/dev/null 2>&1
    [ -s "$out/$4" ] || { echo "screenshots.sh: $4 was not written" >&2; exit 1; }
}
for w in 1400 400; do
    shot reference.html "$w" 1800 "reference-$w.png"
    shot defect.html "$w" 1800 "defect-$w.png"
    shot pages/index.html "$w" 900 "batch-index-$w.png"
done
echo "screenshots.sh: 6 screenshots in $out"
