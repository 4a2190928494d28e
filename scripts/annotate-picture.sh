#!/bin/sh
# Makes docs/annotate.png: data/reference.docx annotated by pbcheck (--lang zh),
# rendered by LibreOffice to PDF with the comments in the margin, page 2 turned
# into PNG by pdftoppm.  Not part of the test suite.
#
# Debian 12's LibreOffice (7.4) exports comments only as PDF annotations (icons);
# the margin export (ExportNotesInMargin) came with 7.5.  bookworm-backports has
# 25.2: this script downloads its packages with apt-get (its own package lists,
# the system's sources plus bookworm-backports), unpacks them under $LO_ROOT
# with dpkg -x and runs that soffice with its own profile, so the installed
# LibreOffice, its profile and the system's apt state are left alone.
# Usage: scripts/annotate-picture.sh [OUT.png]   (run from the repository; needs ./pbcheck)
set -eu
out=${1:-docs/annotate.png}
root=${LO_ROOT:-/tmp/pbcheck-lo25}
lo=$root/tree/usr/lib/libreoffice/program
mkdir -p "$root/lists/partial" "$root/debs" "$root/tree" "$root/work"

if [ ! -x "$lo/soffice" ]; then
    # The system's own mirror, with the backports suite.
    mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
    echo "deb $mirror bookworm-backports main" > "$root/backports.list"
    apt_opts="-o Dir::Etc::sourcelist=$root/backports.list -o Dir::State::Lists=$root/lists"
    # shellcheck disable=SC2086
    apt-get $apt_opts update -qq
    bp="libuno-sal3 libuno-salhelpergcc3-3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-purpenvhelpergcc3-3
        ure uno-libs-private libreoffice-core-nogui libreoffice-common libreoffice-base-core
        libreoffice-writer-nogui libreoffice-uiconfig-common libreoffice-uiconfig-writer
        libreoffice-style-colibre fonts-opensymbol"
    pkgs="libzxcvbn0"
    for p in $bp; do pkgs="$pkgs $p/bookworm-backports"; done
    # shellcheck disable=SC2086
    (cd "$root/debs" && apt-get $apt_opts download $pkgs)
    for d in "$root"/debs/*.deb; do dpkg -x "$d" "$root/tree"; done
    # Absolute links and paths into the unpacked tree; the configuration that
    # libreoffice-common's postinst would put in /etc.
    find "$root/tree" -type l -lname '/*' | while read -r l; do ln -sfn "$root/tree$(readlink "$l")" "$l"; done
    cp "$root/tree/usr/lib/libreoffice/share/.registry/main.xcd" "$root/tree/etc/libreoffice/registry/main.xcd"
    sed -i "s#file:///usr/lib/libreoffice#file://$root/tree/usr/lib/libreoffice#" "$lo/fundamentalrc"
fi

# A profile of its own, with a comment column that fits in the margin
# (Writer's Notes/DisplayWidthFactor: 3 by default, wider than the page leaves).
mkdir -p "$root/profile/user"
cat > "$root/profile/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Notes"><prop oor:name="DisplayWidthFactor" oor:op="fuse"><value>2</value></prop></item>
</oor:items>
EOF

./pbcheck annotate -q --lang zh -o "$root/work/reference.pbcheck.docx" data/reference.docx || [ $? -eq 1 ]
LD_LIBRARY_PATH="$lo:$root/tree/usr/lib/x86_64-linux-gnu" "$lo/soffice" \
    "-env:UserInstallation=file://$root/profile" --headless --convert-to \
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}' \
    --outdir "$root/work" "$root/work/reference.pbcheck.docx" >/dev/null
pdftoppm -r 100 -f 2 -l 2 -singlefile -png "$root/work/reference.pbcheck.pdf" "${out%.png}"
echo "$out: page 2 of the annotated reference filing" >&2
