/* The checks: rules over the project model.  No XML here. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct checker {
    pb_document *d;
    const pb_config *c;
    size_t cap;
    bool oom;
} checker;

static void add(checker *k, const char *slug, const pb_project *p, pb_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add(checker *k, const char *slug, const pb_project *p, pb_loc loc, const char *fmt, ...)
{
    const pb_rule *r = pb_rule_find(slug);
    pb_severity sev = r ? pb_config_severity(k->c, r) : PB_SEV_OFF;
    if (sev == PB_SEV_OFF || k->oom)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pb_document *d = k->d;
    if (!pb_grow(d->arena, (void **)&d->findings, &k->cap, d->finding_count, sizeof *d->findings)) {
        k->oom = true;
        return;
    }
    pb_finding *f = &d->findings[d->finding_count];
    f->rule = r;
    f->severity = sev;
    f->project = p;
    f->loc = loc;
    f->message = pb_arena_strdup(d->arena, msg);
    if (!f->message) {
        k->oom = true;
        return;
    }
    d->finding_count++;
}

static const char *fmt_dec(pb_decimal v, char *buf) { return pb_decimal_format(v, buf); }

/* ---- schedule */

static void check_schedule(checker *k, const pb_project *p)
{
    const pb_schedule *s = &p->schedule;
    const pb_checkpoint *prev = NULL;
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        if (!cp->valid) {
            add(k, "schedule-value-unparsed", p, cp->loc, _("资金支出计划 「%s」: 「%s」 is not a percentage"),
                cp->label, cp->raw);
            continue;
        }
        if (!cp->present) {
            add(k, "schedule-checkpoint-blank", p, cp->loc,
                _("资金支出计划 「%s」 is empty; write the planned cumulative percentage (0%% if nothing is spent by then)"),
                cp->label);
            continue;
        }
        if (cp->percent.micro < 0 || cp->percent.micro > 100 * PB_DECIMAL_SCALE)
            add(k, "schedule-percent-range", p, cp->loc, _("资金支出计划 「%s」 is %s%%, outside 0-100%%"), cp->label,
                fmt_dec(cp->percent, a));
        if (prev && pb_decimal_cmp(cp->percent, prev->percent) < 0)
            add(k, "schedule-not-cumulative", p, cp->loc,
                _("资金支出计划 「%s」 is %s%%, below 「%s」 %s%%; the plan is cumulative and cannot go down"),
                cp->label, fmt_dec(cp->percent, a), prev->label, fmt_dec(prev->percent, b));
        prev = cp;
    }
    if (s->count > 0) {
        const pb_checkpoint *last = &s->items[s->count - 1];
        if (last->valid && last->present && last->percent.micro != 100 * PB_DECIMAL_SCALE)
            add(k, "schedule-final-not-100", p, last->loc,
                _("资金支出计划 「%s」, the last checkpoint, is %s%%; by then the whole budget should be spent (100%%)"),
                last->label, fmt_dec(last->percent, a));
    }
}

/* ---- money */

static void check_amounts(checker *k, const pb_project *p)
{
    const pb_amount *m[3] = {&p->total, &p->fiscal, &p->other};
    const char *names[3] = {"预算数", "财政资金", "其他资金"};
    bool ok = true;
    for (int i = 0; i < 3; i++)
        if (m[i]->present && !m[i]->valid) {
            add(k, "budget-amount-unparsed", p, m[i]->loc, _("%s 「%s」 is not an amount"), names[i], m[i]->raw);
            ok = false;
        }
    if (!ok || !p->total.present || (!p->fiscal.present && !p->other.present))
        return;
    pb_decimal sum = {0, 0};
    if (p->fiscal.present)
        sum = p->fiscal.value;
    if (p->other.present && !pb_decimal_add(sum, p->other.value, &sum))
        return;
    if (pb_decimal_cmp(sum, p->total.value) != 0) {
        char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE], c[PB_DECIMAL_BUFSIZE], t[PB_DECIMAL_BUFSIZE];
        add(k, "budget-sum-mismatch", p, p->total.loc,
            _("预算数 %s is not 财政资金 %s + 其他资金 %s = %s"), fmt_dec(p->total.value, t),
            p->fiscal.present ? fmt_dec(p->fiscal.value, a) : "0", p->other.present ? fmt_dec(p->other.value, b) : "0",
            fmt_dec(sum, c));
    }
}

static int money_exp(const char *unit)
{
    if (strcmp(unit, "元") == 0) return 0;
    if (strcmp(unit, "千元") == 0) return 3;
    if (strcmp(unit, "万元") == 0) return 4;
    if (strcmp(unit, "亿元") == 0) return 8;
    return -1;
}

static bool is_cost(const pb_indicator *ind)
{
    return pb_contains(ind->level2.text, "成本") || pb_contains(ind->level1.text, "成本");
}

static void check_cost(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    int exp = money_exp(v->unit);
    if (!is_cost(ind) || v->kind != PB_VALUE_NUMBER || exp < 0 || p->unit == PB_UNIT_UNKNOWN ||
        !p->total.present || !p->total.valid || v->op == PB_OP_GE || v->op == PB_OP_GT)
        return;
    pb_decimal in_unit;
    if (!pb_money_convert(v->number, exp, pb_money_unit_exp(p->unit), &in_unit)) {
        /* Too small to show in the table's unit: below any real budget. */
        return;
    }
    if (pb_decimal_cmp(in_unit, p->total.value) > 0) {
        char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
        add(k, "cost-exceeds-budget", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 (%s%s) is above the project's budget 预算数 %s%s"), ind->level2.text,
            ind->level3.text, v->raw, fmt_dec(in_unit, a), pb_money_unit_name(p->unit),
            fmt_dec(p->total.value, b), pb_money_unit_name(p->unit));
    }
}

/* ---- indicators */

static bool is_time_unit(const char *u)
{
    static const char *const t[] = {"年", "月", "个月", "天", "日", "工作日", "小时", "周", "季度", "分钟"};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(u, t[i]) == 0)
            return true;
    return false;
}

static void check_direction(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op == PB_OP_NONE || v->op == PB_OP_EQ)
        return;
    bool ge = v->op == PB_OP_GE || v->op == PB_OP_GT;
    const char *l1 = ind->level1.text, *l2 = ind->level2.text, *l3 = ind->level3.text;
    const char *why = NULL;
    if (is_cost(ind) && ge)
        why = _("a cost indicator is a ceiling and should use 「≤」");
    else if ((pb_contains(l1, "满意度") || pb_contains(l2, "满意度")) && !ge)
        why = _("a satisfaction target is a floor and should use 「≥」");
    else if (pb_contains(l2, "质量") && !ge && strcmp(v->unit, "%") == 0)
        why = _("a quality target is a floor and should use 「≥」");
    else if ((pb_contains(l2, "时效") || pb_contains(l2, "进度")) && ge &&
             (is_time_unit(v->unit) || pb_contains(l3, "时间") || pb_contains(l3, "时限") || pb_contains(l3, "周期")) &&
             strcmp(v->unit, "%") != 0)
        why = _("a completion time is a deadline and should normally use 「≤」");
    if (why)
        add(k, "indicator-direction", p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 uses 「%s」; %s"), l2, l3, v->raw,
            pb_op_symbol(v->op), why);
}

static void check_indicator(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    const char *l2 = ind->level2.text, *l3 = ind->level3.text;
    switch (v->kind) {
    case PB_VALUE_EMPTY:
        add(k, "indicator-value-missing", p, ind->value_cell.loc, _("%s/%s has no 指标值"), l2, l3);
        return;
    case PB_VALUE_UNPARSED:
        add(k, "indicator-value-unparsed", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 cannot be read as operator, number and unit"), l2, l3, v->raw);
        return;
    case PB_VALUE_QUALITATIVE:
        return;
    case PB_VALUE_NUMBER:
        break;
    }
    if (strcmp(v->unit, "%") == 0 && (v->number.micro > 100 * PB_DECIMAL_SCALE || v->number.micro < 0)) {
        char a[PB_DECIMAL_BUFSIZE];
        add(k, "indicator-percent-range", p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 is %s%%, outside 0-100%%"), l2,
            l3, v->raw, fmt_dec(v->number, a));
    }
    check_direction(k, p, ind);
    check_cost(k, p, ind);
}

static int cmp_loc(pb_loc a, pb_loc b)
{
    if (a.table != b.table) return a.table < b.table ? -1 : 1;
    if (a.row != b.row) return a.row < b.row ? -1 : 1;
    if (a.col != b.col) return a.col < b.col ? -1 : 1;
    return 0;
}

static int cmp_finding(const void *x, const void *y)
{
    const pb_finding *a = x, *b = y;
    int pa = a->project ? a->project->number : 0, pb = b->project ? b->project->number : 0;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    int c = cmp_loc(a->loc, b->loc);
    if (c)
        return c;
    c = strcmp(a->rule->id, b->rule->id);
    if (c)
        return c;
    return 0;
}

bool pb_check(pb_document *d, const pb_config *c)
{
    checker k = {d, c, d->finding_count, false};
    if (d->error.status != PB_OK)
        return true;
    if (d->project_count == 0)
        add(&k, "no-target-table", NULL, PB_NOLOC,
            _("no project target table (项目支出绩效目标表) was found among the document's %d tables"),
            d->tables_seen);
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        check_schedule(&k, p);
        check_amounts(&k, p);
        for (size_t j = 0; j < p->indicator_count; j++)
            check_indicator(&k, p, &p->indicators[j]);
    }
    /* No finding leaves d->findings NULL, which qsort must not be given. */
    if (d->finding_count > 1)
        qsort(d->findings, d->finding_count, sizeof *d->findings, cmp_finding);
    return !k.oom;
}
