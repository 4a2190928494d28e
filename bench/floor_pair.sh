#!/bin/sh
# The floor of -j 2: two floor processes at once, each over every other file
# of the list (bench/out/floor --sax FILE...).  What two independent readers
# gain on this machine is the most pbcheck -j 2 could gain over -j 1: two
# processes share no lock, no allocator and no output.
#   bench/floor_pair.sh FLOOR FILE...   exit status: 0 when both exit 0
set -eu
floor=$1
shift
odd="" even="" i=0
for f in "$@"; do
    if [ $((i % 2)) -eq 0 ]; then odd="$odd $f"; else even="$even $f"; fi
    i=$((i + 1))
done
# shellcheck disable=SC2086
"$floor" --sax $odd &
first=$!
# shellcheck disable=SC2086
"$floor" --sax $even
wait "$first"
