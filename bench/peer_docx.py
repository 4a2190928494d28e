#!/usr/bin/python3
"""The peer of the benchmark: the script a user would write instead of
pbcheck, with python-docx (Debian package python3-docx; run it with Debian's
/usr/bin/python3, where that package lives).

It reads the project target tables (项目支出绩效目标表) of each .docx through
python-docx's public API — Document(), the body's paragraphs and tables in
order (the iter_block_items recipe of the python-docx documentation),
table.rows, row.cells, cell.text — and runs the schedule and money checks
pbcheck runs, with pbcheck's rule IDs and locations so the two can be
compared:

  PB101 a schedule checkpoint is blank      PB201 财政资金 + 其他资金 ≠ 预算数
  PB102 a checkpoint outside 0-100 %        PB202 a cost ceiling above the budget
  PB103 a checkpoint below an earlier one   PB203 an amount that is not a number
  PB104 the last checkpoint is not 100 %
  PB105 a checkpoint that is not a percentage

  peer_docx.py [--json] FILE...

Text output by default; --json prints one object with the projects and
findings of every file (used by bench/agree.py).  Exit status 0, or 1 when
any finding was made, 3 when a file could not be read.  Amounts are exact
(decimal.Decimal).  Limits of the peer: top-level tables only (python-docx
does not list nested tables in document order), no indicator checks beyond
the cost ceiling.
"""
import json
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


# ---------------------------------------------------------------- text

def norm(text, drop_space=True):
    """Full-width forms folded (NFKC), white space dropped."""
    s = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", s) if drop_space else s.strip()


def blank(text):
    return not (text or "").strip()


NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\Z")


def parse_decimal(s):
    """[+-]digits[.digits], thousands commas allowed, at most 6 decimals."""
    if not s or not NUMBER.match(s) or not re.search(r"\d", s):
        return None
    if "." in s and len(s.split(".", 1)[1]) > 6:
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def exact_scale(value, exp):
    """value × 10^exp, or None when it would need more than 6 decimals."""
    v = value.scaleb(exp)
    return v if -v.normalize().as_tuple().exponent <= 6 else None


# -------------------------------------------------------------- labels

UNIT_EXP = {"元": 0, "万元": 4, "亿元": 8}
MONEY_SUFFIXES = [("亿元", 8), ("万元", 4), ("千元", 3), ("元", 0), ("亿", 8), ("万", 4)]

LABELS = [("项目编码", "code", False), ("项目代码", "code", False),
          ("项目名称", "name", False), ("预算数", "total", True),
          ("预算金额", "total", True), ("其中:财政资金", "fiscal", False),
          ("财政资金", "fiscal", False), ("其中:财政拨款", "fiscal", False),
          ("其他资金", "other", False), ("绩效目标", "goals", False),
          ("年度绩效目标", "goals", False), ("资金支出计划", "schedule", True),
          ("资金用途", "purpose", False), ("预算规模及资金用途", "budget_group", False)]


def label_of(label):
    for text, kind, prefix in LABELS:
        if (label.startswith(text) if prefix else label == text):
            return kind
    return None


def unit_in(label):
    if "单位:万元" in label or "(万元)" in label or "单位:万" in label:
        return "万元"
    if "单位:亿元" in label or "(亿元)" in label:
        return "亿元"
    if "单位:元" in label or "(元)" in label:
        return "元"
    return None


INDICATOR_HEADS = {"一级指标": "l1", "二级指标": "l2", "三级指标": "l3", "指标内容": "l3",
                   "指标名称": "l3", "三级指标名称": "l3", "指标值": "value", "目标值": "value"}

PREFIX_OPS = [(">=", "ge"), ("<=", "le"), ("=>", "ge"), ("=<", "le"), ("≥", "ge"), ("≤", "le"),
              ("≧", "ge"), ("≦", "le"), ("⩾", "ge"), ("⩽", "le"), (">", "gt"), ("<", "lt"),
              ("=", "eq"), ("大于等于", "ge"), ("大于或等于", "ge"), ("小于等于", "le"),
              ("小于或等于", "le"), ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"),
              ("至少", "ge"), ("不超过", "le"), ("不高于", "le"), ("不大于", "le"),
              ("不多于", "le"), ("至多", "le"), ("大于", "gt"), ("高于", "gt"), ("超过", "gt"),
              ("多于", "gt"), ("小于", "lt"), ("低于", "lt"), ("少于", "lt"), ("等于", "eq"),
              ("达到", "eq")]
SUFFIX_OPS = [("及以上", "ge"), ("以上", "ge"), ("及以下", "le"), ("以下", "le"),
              ("以内", "le"), ("之内", "le")]
COST_UNITS = {"元": 0, "千元": 3, "万元": 4, "亿元": 8}


def parse_value(raw):
    """A 指标值 as (op, number, unit), or None when it is not a number with a unit."""
    s = norm(raw)
    op = None
    for text, o in PREFIX_OPS:
        if s.startswith(text):
            op, s = o, s[len(text):]
            break
    for text, o in SUFFIX_OPS:
        if len(s) > len(text) and s.endswith(text):
            op, s = op or o, s[:-len(text)]
            break
    m = re.match(r"[+-]?[0-9.,]*", s)
    number = parse_decimal(m.group(0)) if m.group(0) else None
    unit = s[m.end():]
    if number is None or re.search(r"\d", unit) or "%" in unit or len(unit.encode()) > 12:
        return None
    return op, number, unit


# ------------------------------------------------------------ the model

class Project:
    def __init__(self, number, table, unit):
        self.number = number
        self.first_table = table
        self.unit = unit
        self.unit_text = None
        self.code = self.name = None
        self.amounts = {}      # kind → (raw, location)
        self.schedule = []     # (label, raw, location)
        self.indicators = []   # (level1, level2, level3, raw value, location)
        self.has_indicator_table = False


def block_items(document):
    """Paragraphs and tables of the body in document order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


class Extractor:
    def __init__(self):
        self.projects = []
        self.cur = None
        self.para_unit = None
        self.pending_unit = None
        self.ind_mode = False
        self.ind_cols = {}
        self.carry = {}
        self.sched = None  # (table, row, [(col, label, location)])

    def new_project(self, table):
        p = Project(len(self.projects) + 1, table, self.pending_unit or self.para_unit)
        if self.pending_unit:
            p.unit_text = self.pending_unit
        self.pending_unit = None
        self.projects.append(p)
        self.cur = p
        self.ind_mode = False
        self.sched = None
        return p

    def paragraph(self, text):
        label = norm(text)
        if label and unit_in(label):
            self.para_unit = unit_in(label)

    def table(self, ti, table):
        above = None
        for r, row in enumerate(table.rows):
            cells = row.cells
            slots = []  # distinct cells of the row: (col, cell, starts here, label)
            for c, cell in enumerate(cells):
                if c > 0 and cell._tc is cells[c - 1]._tc:
                    continue
                starts = above is None or c >= len(above) or above[c]._tc is not cell._tc
                slots.append((c, cell, starts, norm(cell.text)))
            self.row(ti, r, cells, above, slots)
            above = cells

    def row(self, ti, r, cells, above, slots):
        if self.sched and self.cur and self.sched[0] == ti and self.sched[1] == r - 1:
            self.schedule_values(ti, r, cells, above)
            return
        heads = {}
        for c, cell, starts, label in slots:
            if label in INDICATOR_HEADS and INDICATOR_HEADS[label] not in heads:
                heads[INDICATOR_HEADS[label]] = c
        if {"l1", "l2", "value"} <= heads.keys():
            if self.cur is None or self.cur.has_indicator_table:
                self.new_project(ti)
            self.cur.has_indicator_table = True
            self.ind_mode, self.ind_cols, self.carry = True, heads, {}
            return
        starts_project = any(starts and (label_of(label) or unit_in(label))
                             for c, cell, starts, label in slots)
        if self.ind_mode and not starts_project:
            self.indicator_row(ti, r, cells, above)
            return
        self.ind_mode = False
        self.key_value_row(ti, r, slots)

    def key_value_row(self, ti, r, slots):
        i = 0
        while i < len(slots):
            c, cell, starts, label = slots[i]
            kind = label_of(label)
            if not starts and kind != "budget_group":
                i += 1
                continue
            unit = unit_in(label)
            if unit and kind != "total":
                if self.cur and self.cur.first_table == ti:
                    if self.cur.unit_text is None:
                        self.cur.unit, self.cur.unit_text = unit, unit
                else:
                    self.pending_unit = unit
            if kind is None:
                i += 1
                continue
            p = self.cur
            if p is None or (kind == "code" and p.code is not None) or (kind == "name" and p.name is not None):
                p = self.new_project(ti)
            nxt = slots[i + 1] if i + 1 < len(slots) and label_of(slots[i + 1][3]) is None else None
            value = (nxt[1].text, (ti, r, nxt[0])) if nxt else ("", None)
            if kind == "code":
                p.code = value[0]
            elif kind == "name":
                p.name = value[0]
            elif kind in ("total", "fiscal", "other"):
                if kind == "total" and p.unit is None:
                    p.unit = unit_in(label)
                p.amounts[kind] = value
            elif kind == "schedule":
                self.sched = (ti, r, [(sc, norm(scell.text), (ti, r, sc))
                                      for sc, scell, _, _ in slots[i + 1:] if not blank(scell.text)])
                return
            elif kind == "budget_group":
                i += 1
                continue
            i += 2 if nxt else 1

    def schedule_values(self, ti, r, cells, above):
        for col, label, _ in self.sched[2]:
            cell = cells[col] if col < len(cells) else None
            if cell is not None and above is not None and col < len(above) and above[col]._tc is cell._tc:
                cell = None  # the header merged down is not a value
            if cell is None:
                self.cur.schedule.append((label, "", (ti, r, col)))
                continue
            start = next(c for c in range(len(cells)) if cells[c]._tc is cell._tc)
            self.cur.schedule.append((label, cell.text, (ti, r, start)))
        self.sched = None

    def indicator_row(self, ti, r, cells, above):
        def at(key):
            col = self.ind_cols.get(key)
            if col is None or col >= len(cells):
                return None, False
            cell = cells[col]
            starts = above is None or above[col]._tc is not cell._tc
            return cell, starts

        for key in ("l1", "l2"):
            cell, _ = at(key)
            if cell is not None and not blank(cell.text):
                self.carry[key] = cell.text
        l3, l3_starts = at("l3")
        value, value_starts = at("value")
        if value is None or not value_starts or blank(value.text):
            return  # nothing to compare with the budget
        start = next(c for c in range(len(cells)) if cells[c]._tc is value._tc)
        self.cur.indicators.append((self.carry.get("l1", ""), self.carry.get("l2", ""),
                                    l3.text if l3 is not None else "", value.text, (ti, r, start)))


def parse_amount(raw, unit):
    """An amount in the project's unit: (present, valid, value, unit)."""
    if blank(raw):
        return False, True, None, unit
    s = norm(raw)
    exp = None
    for suffix, e in MONEY_SUFFIXES:
        if len(s) > len(suffix) and s.endswith(suffix):
            exp, s = e, s[:-len(suffix)]
            break
    value = parse_decimal(s)
    if value is None:
        return True, False, None, unit
    if exp is not None and unit is None:
        unit = {8: "亿元", 4: "万元", 0: "元"}.get(exp)
    if exp is not None and unit is not None:
        value = exact_scale(value, exp - UNIT_EXP[unit])
        if value is None:
            return True, False, None, unit
    return True, True, value, unit


def parse_percent(raw):
    s = norm(raw)
    return parse_decimal(s[:-1] if s.endswith("%") else s)


# --------------------------------------------------------------- checks

def check_project(p, add):
    prev = None
    for label, raw, loc in p.schedule:
        if blank(raw):
            add("PB101", p, loc, f"资金支出计划 「{label}」 is empty")
            continue
        pct = parse_percent(raw)
        if pct is None:
            add("PB105", p, loc, f"资金支出计划 「{label}」: 「{raw}」 is not a percentage")
            continue
        if pct < 0 or pct > 100:
            add("PB102", p, loc, f"资金支出计划 「{label}」 is {pct}%, outside 0-100%")
        if prev is not None and pct < prev[1]:
            add("PB103", p, loc, f"资金支出计划 「{label}」 is {pct}%, below 「{prev[0]}」 {prev[1]}%")
        prev = (label, pct)
    if p.schedule:
        label, raw, loc = p.schedule[-1]
        pct = None if blank(raw) else parse_percent(raw)
        if pct is not None and pct != 100:
            add("PB104", p, loc, f"资金支出计划 「{label}」, the last checkpoint, is {pct}%")

    amounts = {}
    for kind in ("total", "fiscal", "other"):
        raw, loc = p.amounts.get(kind, ("", None))
        present, valid, value, p.unit = parse_amount(raw, p.unit)
        amounts[kind] = (present, valid, value, raw, loc)
    names = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}
    ok = True
    for kind, (present, valid, value, raw, loc) in amounts.items():
        if present and not valid:
            add("PB203", p, loc, f"{names[kind]} 「{raw}」 is not an amount")
            ok = False
    total, fiscal, other = amounts["total"], amounts["fiscal"], amounts["other"]
    if ok and total[0] and (fiscal[0] or other[0]):
        parts = (fiscal[2] if fiscal[0] else Decimal(0)) + (other[2] if other[0] else Decimal(0))
        if parts != total[2]:
            add("PB201", p, total[4], f"预算数 {total[3]} is not 财政资金 + 其他资金 = {parts}")

    if p.unit is None or not total[0] or not total[1]:
        return
    for l1, l2, l3, raw, loc in p.indicators:
        if "成本" not in l1 and "成本" not in l2:
            continue
        value = parse_value(raw)
        if value is None or value[0] in ("ge", "gt") or value[2] not in COST_UNITS:
            continue
        in_unit = exact_scale(value[1], COST_UNITS[value[2]] - UNIT_EXP[p.unit])
        if in_unit is not None and in_unit > total[2]:
            add("PB202", p, loc, f"{l2}/{l3}: 指标值 「{raw}」 is above the budget 预算数 {total[3]}{p.unit}")


# ----------------------------------------------------------------- main

def check_file(path):
    document = docx.Document(path)
    x = Extractor()
    ti = 0
    for block in block_items(document):
        if isinstance(block, Paragraph):
            x.paragraph(block.text)
        else:
            x.table(ti, block)
            ti += 1
    findings = []

    def add(rule, p, loc, message):
        findings.append({"rule": rule, "project_number": p.number, "project": p.code,
                         "location": None if loc is None else
                         {"table": loc[0], "row": loc[1], "column": loc[2]},
                         "message": message})

    for p in x.projects:
        check_project(p, add)
    projects = [{"number": p.number, "code": p.code, "name": p.name, "unit": p.unit,
                 "total": p.amounts.get("total", ("", None))[0]} for p in x.projects]
    return {"path": path, "status": "ok", "projects": projects, "findings": findings}


def main(argv):
    as_json = "--json" in argv
    paths = [a for a in argv if a != "--json"]
    if not paths:
        print("usage: peer_docx.py [--json] FILE...", file=sys.stderr)
        return 2
    files, status = [], 0
    for path in paths:
        try:
            result = check_file(path)
        except Exception as e:  # a user's script reports and goes on
            result = {"path": path, "status": "error", "error": str(e), "projects": [], "findings": []}
            status = 3
        if result["findings"] and status == 0:
            status = 1
        files.append(result)
        if not as_json:
            print(f"{path}: {len(result['projects'])} project(s), {len(result['findings'])} finding(s)")
            for f in result["findings"]:
                loc = f["location"]
                where = f"table {loc['table'] + 1}, row {loc['row'] + 1}, column {loc['column'] + 1}" if loc else "-"
                print(f"  {f['rule']} project {f['project_number']} {where}: {f['message']}")
    if as_json:
        json.dump({"files": files}, sys.stdout, ensure_ascii=False)
        print()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
