#!/usr/bin/python3
"""Checks that the peer really does the peer's job before it is timed: runs
pbcheck (--format json) and bench/peer_docx.py (--json) on the same files
and compares what they found.

  agree.py PBCHECK FILE...

The projects must match one for one (number, 项目编码, 项目名称, 预算数) and
the findings of the rules the peer implements (PB101-PB105, PB201-PB203)
must be the same set of (file, project, rule, table, row, column).  Prints
one line of totals per run, or the differences; exit 0 when they agree.
"""
import collections
import json
import os
import subprocess
import sys
from decimal import Decimal

PEER_RULES = {"PB101", "PB102", "PB103", "PB104", "PB105", "PB201", "PB202", "PB203"}
PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer_docx.py")


def run_json(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    return json.loads(out, parse_float=Decimal)


def same_amount(a, b):
    if a is None or b in (None, ""):
        return a is None and b in (None, "")
    try:
        return Decimal(str(a)) == Decimal(b.replace(",", ""))
    except Exception:
        return False


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pbcheck, files = argv[0], argv[1:]
    ours = run_json([pbcheck, "--format", "json", *files])["files"]
    theirs = run_json(["/usr/bin/python3", PEER, "--json", *files])["files"]
    problems = []
    projects = 0
    rules_seen = collections.Counter()
    for mine, peer in zip(ours, theirs):
        path = mine["path"]
        a = [(p["number"], p["code"], p["name"]) for p in mine["projects"]]
        b = [(p["number"], p["code"], p["name"]) for p in peer["projects"]]
        if a != b:
            problems.append(f"{path}: projects differ: pbcheck {len(a)}, peer {len(b)}; "
                            f"first difference {next((x, y) for x, y in zip(a + [None], b + [None]) if x != y)}")
        for p, q in zip(mine["projects"], peer["projects"]):
            total = (p.get("budget") or {}).get("total")
            if not same_amount(total, q["total"]) and total is not None:
                problems.append(f"{path}: project {p['number']}: 预算数 {total} vs peer {q['total']!r}")
        projects += len(a)

        def key(f):
            loc = f.get("location") or {}
            return (f["project_number"], f["rule"], loc.get("table"), loc.get("row"), loc.get("column"))

        fa = collections.Counter(key(f) for f in mine["findings"] if f["rule"] in PEER_RULES)
        fb = collections.Counter(key(f) for f in peer["findings"])
        for k in sorted(set(fa) | set(fb), key=str):
            if fa[k] != fb[k]:
                problems.append(f"{path}: finding {k}: pbcheck {fa[k]}, peer {fb[k]}")
        rules_seen.update(k[1] for k in fa.elements())
    if len(ours) != len(theirs):
        problems.append(f"pbcheck reported {len(ours)} files, the peer {len(theirs)}")
    if problems:
        for p in problems[:20]:
            print("DISAGREE " + p)
        if len(problems) > 20:
            print(f"DISAGREE … and {len(problems) - 20} more")
        return 1
    by_rule = " ".join(f"{r}×{n}" for r, n in sorted(rules_seen.items()))
    print(f"agree: {len(ours)} file(s), {projects} project(s), "
          f"{sum(rules_seen.values())} schedule/money finding(s): {by_rule or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
