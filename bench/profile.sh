#!/bin/sh
# Where pbcheck's time goes, in instruction counts (callgrind: independent of
# the machine's load).  Runs pbcheck and the floor under callgrind on the
# 1000-table report and prints the totals, their ratio, pbcheck's top
# functions (self and inclusive) and the functions that cost pbcheck more
# than the floor.  `make bench-profile`; takes about a minute.
set -eu
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-bench/out}
FILE=${1:-$OUT/report-1000.docx}
TOP=${BENCH_TOP:-15}

command -v valgrind >/dev/null || { echo "bench: valgrind is missing: apt-get install -y valgrind" >&2; exit 1; }
# A copy: others may rebuild ./pbcheck while valgrind reads its symbols.
cp "${BENCH_PBCHECK:-./pbcheck}" "$OUT/pbcheck.profiled"
PB=$OUT/pbcheck.profiled
extra=""
# Under valgrind a file takes ~50 times longer: no per-file time limit.
if "$PB" --help 2>/dev/null | grep -q -- --file-timeout; then
    extra="$extra --file-timeout 0"
fi
if "$PB" --help 2>/dev/null | grep -q -- --jobs; then
    extra="$extra -j 1"
fi
# shellcheck disable=SC2086
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.pbcheck" \
    "$PB" $extra --format json "$FILE" >/dev/null 2>"$OUT/callgrind.pbcheck.log" || true
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.floor" \
    "$OUT/floor" --sax "$FILE" >/dev/null 2>"$OUT/callgrind.floor.log"

/usr/bin/python3 - "$OUT/callgrind.pbcheck" "$OUT/callgrind.floor" "$TOP" <<'EOF'
import re
import subprocess
import sys

def profile(path, inclusive=False):
    args = ["callgrind_annotate", "--auto=no", "--threshold=100"]
    if inclusive:
        args.append("--inclusive=yes")
    text = subprocess.run(args + [path], capture_output=True, text=True, check=True).stdout
    total, funcs = 0, {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        if "PROGRAM TOTALS" in line:
            total = n
        else:
            # callgrind_annotate may list a function twice, once with the
            # absolute and once with the relative file name: same figures.
            name = re.sub(r"\s+\[.*\]$", "", m.group(2))
            name = re.sub(r"^/.*?/(src|bench)/", r"\1/", name)
            funcs[name] = max(funcs.get(name, 0), n)
    return total, funcs

pb, floor, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
tp, sp = profile(pb)
tf, sf = profile(floor)
_, ip = profile(pb, inclusive=True)
print(f"instructions: pbcheck {tp:,}  floor {tf:,}  ratio {tp / tf:.2f}")
print(f"\npbcheck, self (top {top}):")
for name, n in sorted(sp.items(), key=lambda kv: -kv[1])[:top]:
    print(f"  {n:>14,} {100 * n / tp:5.1f}%  {name}")
print(f"\npbcheck, inclusive, its own functions (top {top}):")
own = [(n, k) for k, n in ip.items() if "src/" in k and "main.c:main" not in k]
for n, name in sorted(own, reverse=True)[:top]:
    print(f"  {n:>14,} {100 * n / tp:5.1f}%  {name}")
print(f"\ncost over the floor, self (top {top}; {tp - tf:,} instructions in all):")
rows = sorted(((sp.get(k, 0) - sf.get(k, 0), k) for k in set(sp) | set(sf)), reverse=True)
for d, name in rows[:top]:
    print(f"  {d:>14,} {100 * d / (tp - tf) if tp > tf else 0:5.1f}%  {name}")
EOF
