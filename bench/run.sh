#!/bin/sh
# The benchmark of issues 6 and 18 (see bench/README.md).  Run it with `make bench`,
# which builds ./pbcheck, the helpers and the workloads first.
#
# Three programs, measured in the same run and interleaved (A B C A B C …):
#   pbcheck  ./pbcheck --format json FILE... > /dev/null   (exit 0 or 1)
#   floor    bench/out/floor --sax FILE...   inflate + SAX2 push parse with empty
#            callbacks: the floor of issue 18's targets (the xmlTextReader walk,
#            bench/out/floor FILE..., issue 6's floor, is printed beside it)
#   peer     /usr/bin/python3 bench/peer_docx.py FILE...   (python-docx)
# Each run goes through bench/out/measure (fork, exec, wait4): wall time,
# CPU time (user + system) and peak RSS.  Medians are printed, then the
# targets of issue 18 with PASS/FAIL.
#
# Environment: BENCH_REPS (11) runs of pbcheck and floor, BENCH_PEER_REPS (3)
# runs of the peer, BENCH_RSS_REPS (1) runs per output format of the
# 10,000-table report for peak RSS, BENCH_LIN_REPS (7) runs per size of the linearity series
# (N = 0 and 100 get nine times as many: N = 100 adds only a few tens of
# milliseconds, which the wall clock of a shared machine blurs),
# BENCH_AGREE_ALL=1 checks the peer on all 500 folder files (else 50),
# BENCH_STRICT=1 exits 1 when a target fails, BENCH_PBCHECK names the binary
# to time (default ./pbcheck; a copy is timed, as others may rebuild it).  Exit 1 also when the peer and
# pbcheck disagree or a program fails: the figures would mean nothing.
set -eu
cd "$(dirname "$0")/.."

OUT=${BENCH_OUT:-bench/out}
REPS=${BENCH_REPS:-11}
PEER_REPS=${BENCH_PEER_REPS:-3}
LIN_REPS=${BENCH_LIN_REPS:-7}
RSS_REPS=${BENCH_RSS_REPS:-1}
PBCHECK=$OUT/pbcheck.tested # a copy of ./pbcheck, made below
FLOOR=$OUT/floor
MEASURE=$OUT/measure
PYTHON=/usr/bin/python3
PEER=bench/peer_docx.py
BIG=$OUT/report-1000.docx
HUGE=$OUT/report-2000.docx # 1,000 projects
VERBOSE=$OUT/lo-report-1000.docx
T=$OUT/times
RESULTS=$OUT/results.txt

SOURCE=${BENCH_PBCHECK:-./pbcheck}
for f in "$SOURCE" "$FLOOR" "$MEASURE" "$BIG" "$HUGE" "$VERBOSE" "$OUT/folder/.done" \
         "$OUT/report-0.docx" "$OUT/report-100.docx" "$OUT/report-10000.docx"; do
    [ -e "$f" ] || { echo "bench: $f is missing; run \`make bench\`" >&2; exit 1; }
done
"$PYTHON" -c 'import docx' 2>/dev/null || { echo "bench: python3-docx is missing: scripts/deps.sh bench" >&2; exit 1; }

rm -rf "$T"
mkdir -p "$T"
# The binary under test is a copy: ./pbcheck may be rebuilt during the run.
cp "$SOURCE" "$PBCHECK"
FOLDER=$(ls "$OUT"/folder/*.docx)
# shellcheck disable=SC2086
set -- $FOLDER
FOLDER_COUNT=$#

JOBS=no
if "$PBCHECK" --help 2>/dev/null | grep -q -- --jobs; then
    JOBS=yes
fi

progress() { printf '%s' "$1" >&2; }

# run SERIES "OK STATUSES" CMD...: one measured run, appended to $T/SERIES.
run() {
    series=$1 ok=$2
    shift 2
    line=$("$MEASURE" "$@" 2>>"$T/stderr.log")
    status=${line##* }
    case " $ok " in
    *" $status "*) ;;
    *) echo "bench: $series: \`$*\` exited with status $status" >&2; exit 1 ;;
    esac
    echo "$line" >>"$T/$series"
    progress .
}

# med SERIES COLUMN: the median of a column (1 wall, 2 cpu, 3 RSS KiB).
med() {
    sort -g -k"$2,$2" "$T/$1" | awk -v c="$2" '{ v[NR] = $c }
        END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# pmed A B COLUMN: the median of the paired ratios A_i / B_i.  The runs are
# interleaved (A B A B …), so each pair met the same load; on a shared
# machine whose speed drifts, this is steadier than a ratio of medians.
pmed() {
    paste -d' ' "$T/$1" "$T/$2" | awk -v c="$3" '{ n = NF / 2; if ($(n + c) > 0) print $c / $(n + c) }' | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ------------------------------------------------------------------ header

xml_size() { unzip -l "$1" word/document.xml 2>/dev/null | awk 'NR == 4 { print $1 }'; }
folder_xml() {
    total=0
    for f in "$@"; do total=$((total + $(xml_size "$f"))); done
    echo "$total"
}

{
    echo "pbcheck benchmark (issues 6 and 18) — $(date '+%Y-%m-%d %H:%M %Z')"
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -m | awk '/^Mem:/ { print $2 }') MiB;" \
        "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "pbcheck: $($PBCHECK --version 2>/dev/null | head -1) built $(date -r "$SOURCE" '+%H:%M'), tree at" \
        "$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- src include 2>/dev/null || echo ' + uncommitted changes');" \
        "-j: $JOBS;" \
        "python-docx $($PYTHON -c 'import docx; print(docx.__version__)' 2>/dev/null || echo '?')," \
        "$($PYTHON --version 2>&1)"
    echo "workloads: $BIG: 1000 tables (500 projects), $(xml_size "$BIG") bytes of document.xml"
    echo "           $HUGE: 2000 tables (1000 projects), $(xml_size "$HUGE") bytes of document.xml"
    echo "           $OUT/folder: $FOLDER_COUNT reports, $(folder_xml "$@") bytes of document.xml in all"
    echo "           $VERBOSE: the same 1000 tables in LibreOffice's verbose markup, $(xml_size "$VERBOSE") bytes"
} | tee "$RESULTS"

# -------------------------------------------------- the peer does the job

echo "checking that the peer finds what pbcheck finds (projects, PB1xx/PB2xx findings and their cells):" | tee -a "$RESULTS"
if [ "${BENCH_AGREE_ALL:-0}" = 1 ]; then
    SAMPLE=$FOLDER
else
    SAMPLE=$(echo "$FOLDER" | awk 'NR % 10 == 1')
fi
# shellcheck disable=SC2086
for files in "data/reference.docx" "$BIG" "$SAMPLE"; do
    if ! line=$("$PYTHON" bench/agree.py "$PBCHECK" $files); then
        echo "$line" | tee -a "$RESULTS"
        echo "bench: the peer does not find what pbcheck finds; figures not taken" >&2
        exit 1
    fi
    echo "  $line" | tee -a "$RESULTS"
done

# ------------------------------------------------------------ the timings

progress "1000-table report "
i=0
while [ $i -lt "$REPS" ]; do
    i=$((i + 1))
    run big.pbcheck "0 1" "$PBCHECK" --format json "$BIG"
    run big.floor "0" "$FLOOR" "$BIG"
    run big.sax "0" "$FLOOR" --sax "$BIG"
    run huge.pbcheck "0 1" "$PBCHECK" --format json "$HUGE"
    run huge.floor "0" "$FLOOR" "$HUGE"
    run huge.sax "0" "$FLOOR" --sax "$HUGE"
    if [ $i -le "$PEER_REPS" ]; then
        run big.peer "0 1" "$PYTHON" "$PEER" "$BIG"
        run huge.peer "0 1" "$PYTHON" "$PEER" "$HUGE"
    fi
done

progress " folder "
i=0
while [ $i -lt "$REPS" ]; do
    i=$((i + 1))
    if [ $JOBS = yes ]; then
        run folder.pbcheck "0 1" "$PBCHECK" -j 1 --format json "$@"
        run folder.pbcheck2 "0 1" "$PBCHECK" -j 2 --format json "$@"
    else
        run folder.pbcheck "0 1" "$PBCHECK" --format json "$@"
    fi
    run folder.floor "0" "$FLOOR" "$@"
    run folder.sax "0" "$FLOOR" --sax "$@"
    run folder.sax2 "0" bench/floor_pair.sh "$FLOOR" "$@"
    if [ $i -le "$PEER_REPS" ]; then
        run folder.peer "0 1" "$PYTHON" "$PEER" "$@"
    fi
done

progress " peak RSS "
i=0
while [ $i -lt "$RSS_REPS" ]; do
    i=$((i + 1))
    for f in text json jsonl sarif; do
        run "rss.$f" "0 1" "$PBCHECK" --format "$f" "$OUT/report-10000.docx"
    done
done

progress " verbose markup "
i=0
while [ $i -lt "$REPS" ]; do
    i=$((i + 1))
    run lo.pbcheck "0 1" "$PBCHECK" --format json "$VERBOSE"
    run lo.floor "0" "$FLOOR" "$VERBOSE"
done

progress " linearity "
i=0
while [ $i -lt $((9 * LIN_REPS)) ]; do
    i=$((i + 1))
    for n in 0 100 1000 10000; do
        # the large sizes every ninth round, so that all sizes are sampled
        # over the same stretch of time (the machine's speed drifts)
        if [ $n -ge 1000 ] && [ $(((i - 1) % 9)) -ne 0 ]; then
            continue
        fi
        run "lin.$n" "0 1" "$PBCHECK" --format json "$OUT/report-$n.docx"
        run "lin.floor.$n" "0" "$FLOOR" "$OUT/report-$n.docx"
    done
done
echo >&2

# ---------------------------------------------------------------- figures

# min SERIES COLUMN / max SERIES COLUMN: the spread of the runs.
min() { sort -g -k"$2,$2" "$T/$1" | awk -v c="$2" 'NR == 1 { print $c }'; }
max() { sort -g -k"$2,$2" "$T/$1" | awk -v c="$2" 'END { print $c }'; }

row() { # LABEL SERIES
    if [ -s "$T/$2" ]; then
        printf '  %-26s %9.3f %9.3f %9.3f %9.3f %8.1f %5d\n' "$1" "$(med "$2" 1)" "$(min "$2" 1)" "$(max "$2" 1)" \
            "$(med "$2" 2)" "$(calc '%.1f' "$(med "$2" 3) / 1024")" "$(wc -l <"$T/$2")"
    else
        printf '  %-26s %9s %9s %9s %9s %8s %5s\n' "$1" - - - - - 0
    fi
}

{
    echo
    printf '  %-26s %9s %9s %9s %9s %8s %5s\n' "" "wall s" "min" "max" "cpu s" "RSS MiB" "runs"
    echo "  (wall s, cpu s and RSS are medians; min and max are those of the wall times)"
    echo "1000-table report"
    row "pbcheck" big.pbcheck
    row "floor --sax (the floor)" big.sax
    row "floor (xmlTextReader)" big.floor
    row "python-docx peer" big.peer
    echo "2000-table report (1000 projects)"
    row "pbcheck" huge.pbcheck
    row "floor --sax (the floor)" huge.sax
    row "floor (xmlTextReader)" huge.floor
    row "python-docx peer" huge.peer
    echo "folder ($FOLDER_COUNT reports)"
    if [ $JOBS = yes ]; then
        row "pbcheck -j 1" folder.pbcheck
        row "pbcheck -j 2" folder.pbcheck2
    else
        row "pbcheck (no -j yet)" folder.pbcheck
    fi
    row "floor --sax (the floor)" folder.sax
    row "floor --sax, 2 processes" folder.sax2
    row "floor (xmlTextReader)" folder.floor
    row "python-docx peer" folder.peer
    echo "10000-table report, peak RSS by output format"
    for f in text json jsonl sarif; do
        row "pbcheck --format $f" "rss.$f"
    done
    echo "1000 tables, verbose (LibreOffice) markup"
    row "pbcheck" lo.pbcheck
    row "floor" lo.floor
    echo "linearity: pbcheck and floor on N tables"
    for n in 0 100 1000 10000; do
        row "pbcheck N=$n" "lin.$n"
        row "floor   N=$n" "lin.floor.$n"
    done
} | tee -a "$RESULTS"

# ---------------------------------------------------------------- targets

verdict() { # VALUE OP LIMIT → PASS/FAIL
    if awk "BEGIN { exit !($1 $2 $3) }"; then echo PASS; else echo FAIL; fi
}
target() { # TEXT VALUE OP LIMIT UNIT
    printf '  %-50s %9s   target %s %s%s   %s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$2" "$3" "$4")"
}

big_pb=$(med big.pbcheck 1)
big_fl=$(med big.floor 1)
big_peer=$(med big.peer 1)
fo_pb=$(med folder.pbcheck 1)
fo_fl=$(med folder.floor 1)
rss_big=$(med big.pbcheck 3)
rss_1000=$(med lin.1000 3)
rss_10000=$(med lin.10000 3)
lo_ratio=$(calc '%.2f' "$(med lo.pbcheck 1) / $(med lo.floor 1)")

# Linearity: seconds per table above the N = 0 run (start-up and the zip
# taken out), CPU (judged) and wall: for each run of N tables, the run of
# N = 0 of the same round is subtracted, and the median of these paired
# differences is taken; rounds are a few seconds apart, so each difference
# meets one state of the machine.
# slope SERIES0 SERIES N STRIDE COLUMN: µs per table (run j of SERIES is in
# round STRIDE × (j - 1) + 1).
slope() {
    awk -v n="$3" -v st="$4" -v c="$5" 'NR == FNR { z[NR] = $c; next }
        { k = st * (FNR - 1) + 1; if (k in z) printf "%.6f\n", ($c - z[k]) / n * 1e6 }' "$T/$1" "$T/$2" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
stride() { if [ "$1" -ge 1000 ]; then echo 9; else echo 1; fi; }
slopes=""
{
    echo
    echo "time per table above N=0 (pbcheck; medians of differences paired by round)"
    for n in 100 1000 10000; do
        st=$(stride "$n")
        printf '  N=%-6s cpu %8s µs/table   wall %8s µs/table   (floor cpu %s µs/table)\n' "$n" \
            "$(slope lin.0 "lin.$n" "$n" "$st" 2)" "$(slope lin.0 "lin.$n" "$n" "$st" 1)" \
            "$(slope lin.floor.0 "lin.floor.$n" "$n" "$st" 2)"
    done
} | tee -a "$RESULTS"
# shellcheck disable=SC2086
spread=$(echo $(for n in 100 1000 10000; do slope lin.0 "lin.$n" "$n" "$(stride "$n")" 2; echo; done) |
    awk '{ lo = $1; hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i }
           printf "%.2f", (lo > 0) ? hi / lo : 99 }')
per_table_kib=$(calc '%.1f' "($rss_10000 - $rss_1000) / 9000")

{
    echo
    echo "targets of issue 18 (floor: floor --sax; medians of ratios paired run by run)"
    target "pbcheck / floor, 1000-table report (wall)" "$(calc '%.2f' "$(pmed big.pbcheck big.sax 1)")" "<=" 1.5 "×"
    target "pbcheck / floor, 2000-table report (wall)" "$(calc '%.2f' "$(pmed huge.pbcheck huge.sax 1)")" "<=" 1.5 "×"
    if [ $JOBS = yes ]; then
        target "pbcheck -j 1 / floor, folder (wall)" "$(calc '%.2f' "$(pmed folder.pbcheck folder.sax 1)")" "<=" 1.6 "×"
    else
        target "pbcheck / floor, folder (wall; no -j yet)" "$(calc '%.2f' "$fo_pb / $(med folder.sax 1)")" "<=" 1.6 "×"
    fi
    target "python-docx / pbcheck, 1000-table report (wall)" "$(calc '%.1f' "$big_peer / $big_pb")" ">=" 100 "×"
    target "python-docx / pbcheck, 2000-table report (wall)" \
        "$(calc '%.1f' "$(med huge.peer 1) / $(med huge.pbcheck 1)")" ">=" 100 "×"
    for f in text json jsonl sarif; do
        target "peak RSS, 10000-table report, $f (MiB)" "$(calc '%.1f' "$(med "rss.$f" 3) / 1024")" "<" 32 " MiB"
    done
    if [ $JOBS = yes ]; then
        target "folder: -j 1 / -j 2 (wall)" "$(calc '%.2f' "$fo_pb / $(med folder.pbcheck2 1)")" ">=" 1.85 "×"
        printf '  %-50s %9s   (two floor processes, each over half the files: the most -j 2 could gain here)\n' \
            "folder: floor / 2 floors at once (wall)" "$(calc '%.2f' "$(pmed folder.sax folder.sax2 1)")"
    else
        printf '  %-50s %9s   target >= 1.85×   SKIP (pbcheck has no --jobs yet)\n' "folder: -j 1 / -j 2 (wall)" "-"
    fi
    target "linearity: largest / smallest slope (cpu)" "$spread" "<=" 1.15 "×"
    printf '  %-50s %9s   (RSS slope N=1000 → 10000)\n' "memory per project table (KiB)" "$per_table_kib"
    printf '  %-50s %9s   (1000-table report, folder)\n' "pbcheck / xmlTextReader floor (wall; issue 6)" \
        "$(calc '%.2f' "$(pmed big.pbcheck big.floor 1)") $(calc '%.2f' "$(pmed folder.pbcheck folder.floor 1)")"
    printf '  %-50s %9s   (median of paired ratios: 1000-table report, folder)\n' "pbcheck / floor in CPU time" \
        "$(calc '%.2f' "$(pmed big.pbcheck big.sax 2)") $(calc '%.2f' "$(pmed folder.pbcheck folder.sax 2)")"
    printf '  %-50s %9s   (no target; markup 1.9× as verbose; xmlTextReader floor)\n' "pbcheck / floor, verbose markup (wall)" "$lo_ratio"
    printf '  %-50s %9s   (the most any reader at the floor could reach)\n' "python-docx / floor, 1000-table report (wall)" \
        "$(calc '%.1f' "$big_peer / $(med big.sax 1)")"
    printf '  %-50s %9s   (SAX2 instead of xmlTextReader)\n' "floor --sax / floor, 1000-table report (wall)" \
        "$(calc '%.2f' "$(med big.sax 1) / $big_fl")"
    echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); results in $RESULTS"
} | tee -a "$RESULTS"

if [ "${BENCH_STRICT:-0}" = 1 ] && grep -q ' FAIL$' "$RESULTS"; then
    exit 1
fi
exit 0
