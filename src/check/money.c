/* PB2: the amounts of a table (预算数 and its parts) and cost indicators against them. */
#include "check/check.h"
#include <string.h>

static void check_amounts(pbi_checker *k, const pb_project *p)
{
    const pb_amount *m[3] = {&p->total, &p->fiscal, &p->other};
    const char *names[3] = {"预算数", "财政资金", "其他资金"};
    bool ok = true;
    for (int i = 0; i < 3; i++)
        if (m[i]->present && !m[i]->valid) {
            const char *error = pbi_spreadsheet_error(m[i]->raw);
            if (error)
                pbi_add(k, RULE_SPREADSHEET_ERROR, p, m[i]->loc,
                    _("%s 「%s」 is what a spreadsheet shows for a formula it cannot compute (%s): write the amount itself"),
                    names[i], m[i]->raw, error);
            else
                pbi_add(k, RULE_BUDGET_AMOUNT_UNPARSED, p, m[i]->loc, _("%s 「%s」 is not an amount"), names[i], m[i]->raw);
            ok = false;
        }
    if (!ok || !p->total.present || (!p->fiscal.present && !p->other.present))
        return;
    pb_decimal sum = {0, 0};
    if (p->fiscal.present)
        sum = p->fiscal.value;
    if (p->other.present && !pb_decimal_add(sum, p->other.value, &sum))
        return;
    if (pb_decimal_cmp(sum, p->total.value) != 0 && p->fund_count > 2) {
        /* A 申报表's parts, each named as its table names it. */
        char parts[512] = "", c[PB_DECIMAL_BUFSIZE], t[PB_DECIMAL_BUFSIZE];
        size_t n = 0;
        for (size_t i = 0; i < p->fund_count; i++) {
            const pb_amount *f = &p->funds[i].amount;
            char v[PB_DECIMAL_BUFSIZE];
            int w = snprintf(parts + n, sizeof parts - n, "%s%s %s", i ? " + " : "", p->funds[i].label,
                             f->present ? pb_decimal_format(f->value, v) : "0");
            if (w < 0 || (size_t)w >= sizeof parts - n)
                break;
            n += (size_t)w;
        }
        pbi_add(k, RULE_BUDGET_SUM_MISMATCH, p, p->total.loc, _("预算数 %s is not %s = %s"), pb_decimal_format(p->total.value, t),
            parts, pb_decimal_format(sum, c));
    } else if (pb_decimal_cmp(sum, p->total.value) != 0) {
        char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE], c[PB_DECIMAL_BUFSIZE], t[PB_DECIMAL_BUFSIZE];
        pbi_add(k, RULE_BUDGET_SUM_MISMATCH, p, p->total.loc,
            _("预算数 %s is not 财政资金 %s + 其他资金 %s = %s"), pb_decimal_format(p->total.value, t),
            p->fiscal.present ? pb_decimal_format(p->fiscal.value, a) : "0", p->other.present ? pb_decimal_format(p->other.value, b) : "0",
            pb_decimal_format(sum, c));
    }
}

static void check_unit(pbi_checker *k, const pb_project *p)
{
    if (p->unit == PB_UNIT_UNKNOWN && p->total.present)
        pbi_add(k, RULE_BUDGET_UNIT_MISSING, p, p->loc,
            _("the table gives no unit for its amounts (预算数 「%s」); add the line 「单位：万元」 or 「单位：元」"),
            p->total.raw);
}

static void check_magnitude(pbi_checker *k, const pb_project *p)
{
    const pb_amount *t = &p->total;
    if (!t->present || !t->valid || t->value.micro <= 0)
        return;
    const char *unit = pb_money_unit_name(p->unit), *meant = NULL;
    int64_t v = t->value.micro, scale = PB_DECIMAL_SCALE;
    switch (p->unit) {
    case PB_UNIT_YUAN:
        if (v < 1000 * scale)
            meant = "万元";
        break;
    case PB_UNIT_WANYUAN:
        if (v >= 1000000 * scale)
            meant = "元";
        else if (v < scale / 100)
            meant = "元";
        break;
    case PB_UNIT_YIYUAN:
        if (v >= 10000 * scale)
            meant = "万元";
        break;
    default:
        return;
    }
    if (!meant)
        return;
    char a[PB_DECIMAL_BUFSIZE];
    pbi_add(k, RULE_BUDGET_MAGNITUDE, p, t->loc,
        _("预算数 %s %s is implausible for one project; were the amounts written in %s? Check 「单位」 against the "
          "amounts"),
        pb_decimal_format(t->value, a), unit, meant);
}

int pbi_money_exp(const char *unit)
{
    if (strcmp(unit, "元") == 0) return 0;
    if (strcmp(unit, "千元") == 0) return 3;
    /* 「250万」: tables write 万 for 万元 (and 亿 for 亿元) */
    if (strcmp(unit, "万元") == 0 || strcmp(unit, "万") == 0) return 4;
    if (strcmp(unit, "亿元") == 0 || strcmp(unit, "亿") == 0) return 8;
    return -1;
}

/* a (unit 10^ea 元) against b (10^eb 元), exactly: both in the smaller
 * unit.  One too large to scale is beyond any budget, so an overflow
 * decides the comparison instead of hiding it. */
static int cmp_money(pb_decimal a, int ea, pb_decimal b, int eb)
{
    pb_decimal s;
    if (ea >= eb) {
        if (!pb_decimal_scale10(a, ea - eb, &s))
            return a.micro > 0 ? 1 : -1;
        return pb_decimal_cmp(s, b);
    }
    if (!pb_decimal_scale10(b, eb - ea, &s))
        return b.micro > 0 ? -1 : 1;
    return pb_decimal_cmp(a, s);
}

bool pbi_cost_names_total(const pb_indicator *ind)
{
    static const char *const total[] = {"总成本", "总额", "总投资", "总费用", "总金额", "成本总"};
    char n3[PBI_NORM_MAX];
    return pbi_contains_any(pbi_norm(ind->level3.text, n3), total, PBI_COUNT(total));
}

void pbi_check_cost(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    int exp = pbi_money_exp(v->unit);
    /* A 长期 (multi-year) cost is not bounded by the year's budget, nor is
     * the cost of a project that runs several years (起止时间). */
    if (!pbi_is_cost(ind) || !pbi_is_spending_cost(ind) || ind->term == PB_TERM_LONG || v->kind != PB_VALUE_NUMBER ||
        exp < 0 || p->unit == PB_UNIT_UNKNOWN || !p->total.present || !p->total.valid || pbi_project_years(p) > 1)
        return;
    int pexp = pb_money_unit_exp(p->unit);
    const char *unit = pb_money_unit_name(p->unit);
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    int cmp = cmp_money(v->number, exp, p->total.value, pexp);
    pb_decimal in_unit;
    bool converted = exp != pexp && pbi_money_convert(v->number, exp, pexp, &in_unit);
    /* The implied unit cost (PB209) says the same more precisely. */
    bool implied = pbi_rule_on(k, RULE_IMPLIED_UNIT_COST) && pbi_implied_cost_quantity(k, p);
    if (cmp == 0 && !implied && !pbi_cost_names_total(ind))
        pbi_add(k, RULE_COST_EQUALS_BUDGET, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is the project's whole budget (预算数 %s%s); give a unit or standard cost "
              "instead, such as the cost per person or per square metre"),
            pbi_group_of(ind), ind->level3.text, v->raw, pb_decimal_format(p->total.value, b), unit);
    else if (cmp > 0 && v->op != PB_OP_GE && v->op != PB_OP_GT && converted)
        pbi_add(k, RULE_COST_EXCEEDS_BUDGET, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 (%s%s) is above the project's budget 预算数 %s%s"), pbi_group_of(ind),
            ind->level3.text, v->raw, pb_decimal_format(in_unit, a), unit, pb_decimal_format(p->total.value, b), unit);
    else if (cmp > 0 && v->op != PB_OP_GE && v->op != PB_OP_GT)
        pbi_add(k, RULE_COST_EXCEEDS_BUDGET, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is above the project's budget 预算数 %s%s; a cost ceiling cannot exceed what the "
              "project spends: correct the amount or its unit"),
            pbi_group_of(ind), ind->level3.text, v->raw, pb_decimal_format(p->total.value, b), unit);
}

void pbi_check_money(pbi_checker *k, const pb_project *p)
{
    check_amounts(k, p);
    check_unit(k, p);
    check_magnitude(k, p);
}
