#!/bin/sh
# Makes sure the Debian packages pbcheck builds and tests with are present:
# installs them when run as root, otherwise prints the exact apt-get line.
# Usage: scripts/deps.sh [build|test|bench]
set -eu
need="gcc make pkg-config libxml2-dev libzip-dev libcjson-dev gettext"
case "${1:-build}" in
test) need="$need libcmocka-dev zip unzip libxml2-utils valgrind clang libclang-rt-14-dev zlib1g-dev python3-jsonschema parallel man-db chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui python3-docx poppler-utils" ;;
bench) need="$need python3 python3-docx time" ;;
esac
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "pbcheck: installing Debian packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
else
    echo "pbcheck: missing Debian packages:$missing" >&2
    echo "Install them with:  sudo apt-get install -y$missing" >&2
    exit 1
fi
