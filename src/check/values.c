/* PB3: indicator values and wording, row by row (PB312 across projects is identity.c). */
#include "check/check.h"
#include <string.h>

static const char *const rate_words[] = {"率", "比例", "占比", "比重", "百分比", "满意", "覆盖", "合格",
                                         "达标", "增长", "增幅", "下降", "降低", "降幅", "进度"};

static bool is_time_unit(const char *u)
{
    static const char *const t[] = {"年", "月", "个月", "天", "日", "工作日", "小时", "周", "季度", "分钟", "年内", "周年"};
    return pbi_in_list(u, t, PBI_COUNT(t));
}

static bool is_satisfaction(const pb_indicator *ind)
{
    return pbi_contains(ind->level1.text, "满意") || pbi_contains(ind->level2.text, "满意") ||
           pbi_contains(ind->level3.text, "满意");
}

static void check_direction(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op == PB_OP_NONE || v->op == PB_OP_EQ)
        return;
    bool ge = v->op == PB_OP_GE || v->op == PB_OP_GT;
    const char *l1 = ind->level1.text, *l2 = ind->level2.text, *l3 = ind->level3.text;
    const char *why = NULL;
    if (pbi_is_cost(ind) && ge)
        why = _("a cost indicator is a ceiling and should use 「≤」");
    else if ((pbi_contains(l1, "满意度") || pbi_contains(l2, "满意度")) && !ge)
        why = _("a satisfaction target is a floor and should use 「≥」");
    else if (pbi_contains(l2, "质量") && !ge && strcmp(v->unit, "%") == 0)
        why = _("a quality target is a floor and should use 「≥」");
    else if ((pbi_contains(l2, "时效") || pbi_contains(l2, "进度")) && ge &&
             (is_time_unit(v->unit) || pbi_contains(l3, "时间") || pbi_contains(l3, "时限") || pbi_contains(l3, "周期")) &&
             strcmp(v->unit, "%") != 0)
        why = _("a completion time is a deadline and should normally use 「≤」");
    if (why)
        pbi_add(k, RULE_INDICATOR_DIRECTION, p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 uses 「%s」; %s"), l2, l3, v->raw,
            pb_op_symbol(v->op), why);
}

static void check_operator(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op != PB_OP_NONE)
        return;
    char a[PB_DECIMAL_BUFSIZE];
    pbi_add(k, RULE_INDICATOR_NO_OPERATOR, p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 has no comparison; write the one meant, e.g. 「≥%s%s」 or 「=%s%s」"),
        ind->level2.text, ind->level3.text, v->raw, pb_decimal_format(v->number, a), v->unit, a, v->unit);
}

static void check_satisfaction(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (!is_satisfaction(ind) || v->kind == PB_VALUE_EMPTY || v->kind == PB_VALUE_UNPARSED)
        return;
    char a[PB_DECIMAL_BUFSIZE], f[PB_DECIMAL_BUFSIZE];
    pb_decimal_format(k->c->satisfaction_floor, f);
    if (v->kind == PB_VALUE_QUALITATIVE || strcmp(v->unit, "%") != 0)
        pbi_add(k, RULE_INDICATOR_SATISFACTION_FLOOR, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is not a percentage; give the share of people satisfied, e.g. 「≥%s%%」"),
            ind->level2.text, ind->level3.text, v->raw, f);
    else if (v->op != PB_OP_LE && v->op != PB_OP_LT && pb_decimal_cmp(v->number, k->c->satisfaction_floor) < 0)
        pbi_add(k, RULE_INDICATOR_SATISFACTION_FLOOR, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is below the satisfaction floor of %s%%; set at least 「≥%s%%」"), ind->level2.text,
            ind->level3.text, pb_decimal_format(v->number, a), f, f);
}

static void check_percent_rate(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || (strcmp(v->unit, "%") != 0 && strcmp(v->unit, "‰") != 0) || !pbi_named(ind))
        return;
    if (pbi_contains_any(n3, rate_words, PBI_COUNT(rate_words)))
        return;
    pbi_add(k, RULE_INDICATOR_PERCENT_NOT_RATE, p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 is a percentage, but 「%s」 is not a rate (率, 比例, 占比 …): name what is counted, "
          "or give a number with its unit"),
        ind->level2.text, ind->level3.text, v->raw, ind->level3.text);
}

typedef enum { NAME_OTHER, NAME_RATE, NAME_TIME, NAME_PERSONS, NAME_TIMES, NAME_MONEY } name_kind;

static name_kind kind_of_name(const char *name)
{
    static const char *const time_words[] = {"时间", "时限", "周期", "天数", "工期", "时长"};
    static const char *const money_words[] = {"金额", "成本", "费用", "经费", "资金", "补助标准", "补贴标准", "单价"};
    if (pbi_contains_any(name, rate_words, PBI_COUNT(rate_words))) return NAME_RATE;
    if (pbi_contains_any(name, time_words, PBI_COUNT(time_words))) return NAME_TIME;
    if (pbi_contains(name, "人数") || pbi_contains(name, "人次")) return NAME_PERSONS;
    if (pbi_contains(name, "次数") || pbi_contains(name, "场次") || pbi_contains(name, "频次")) return NAME_TIMES;
    if (pbi_contains_any(name, money_words, PBI_COUNT(money_words))) return NAME_MONEY;
    return NAME_OTHER;
}

static void check_unit_suits_name(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    static const char *const persons[] = {"人", "人次", "万人", "万人次", "名", "人/次"};
    static const char *const times[] = {"次", "人次", "场", "场次", "期", "批", "批次", "轮", "回", "万人次", "所次"};
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || !*v->unit || strcmp(v->unit, "%") == 0 || strcmp(v->unit, "‰") == 0 ||
        !pbi_named(ind))
        return;
    const char *expected = NULL;
    switch (kind_of_name(n3)) {
    case NAME_RATE: expected = "%"; break;
    case NAME_TIME: if (!is_time_unit(v->unit)) expected = _("天, 月 or 年"); break;
    case NAME_PERSONS: if (!pbi_in_list(v->unit, persons, PBI_COUNT(persons))) expected = "人"; break;
    case NAME_TIMES: if (!pbi_in_list(v->unit, times, PBI_COUNT(times))) expected = "次"; break;
    case NAME_MONEY: if (!pbi_contains(v->unit, "元")) expected = _("元 or 万元"); break;
    default: break;
    }
    if (expected)
        pbi_add(k, RULE_INDICATOR_UNIT_MISMATCH, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is in 「%s」, which does not suit 「%s」 (expected %s); correct the unit or the name"),
            ind->level2.text, ind->level3.text, v->raw, v->unit, ind->level3.text, expected);
}

/* A duration of a year or more, in any time unit. */
static bool a_year_or_more(const pb_value *v)
{
    int64_t n = v->number.micro, s = PB_DECIMAL_SCALE;
    if (strcmp(v->unit, "年") == 0 || strcmp(v->unit, "年内") == 0 || strcmp(v->unit, "周年") == 0)
        return n >= s;
    if (strcmp(v->unit, "月") == 0 || strcmp(v->unit, "个月") == 0)
        return n >= 12 * s;
    if (strcmp(v->unit, "天") == 0 || strcmp(v->unit, "日") == 0)
        return n >= 365 * s;
    return false;
}

static void check_timeliness(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || pbi_subcategory_of(ind->level2.text) != SUB_TIME || !a_year_or_more(v))
        return;
    pbi_add(k, RULE_INDICATOR_TIMELINESS_VAGUE, p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 is a year or more on a one-year budget and measures nothing; give a date (e.g. "
          "「12月31日前」), a shorter duration or a rate such as 及时率"),
        ind->level2.text, ind->level3.text, v->raw);
}

static void check_description(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    char d[PBI_NORM_MAX];
    pbi_norm(ind->description.text, d);
    if (!*d || !*n3 || !pbi_contains(n3, d))
        return;
    pbi_add(k, RULE_INDICATOR_DESCRIPTION_REPEATS_NAME, p, ind->description.loc,
        _("%s/%s: 绩效指标描述 「%s」 only repeats the name 「%s」; say how the value is counted or calculated"),
        ind->level2.text, ind->level3.text, ind->description.text, ind->level3.text);
}

static void check_vague_name(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    if (!pbi_named(ind) || !pbi_in_list(n3, k->c->vague_names, k->c->vague_name_count))
        return;
    pbi_add(k, RULE_INDICATOR_VAGUE_NAME, p, ind->level3.loc,
        _("%s/%s: 「%s」 is a boilerplate name that fits any project; name what is counted or assessed, and for "
          "whom"),
        ind->level2.text, ind->level3.text, ind->level3.text);
}

static void check_basis(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    if (!ind->basis.text || !pbi_named(ind))
        return; /* a layout without the column, or a 二级 row without indicator */
    char b[PBI_NORM_MAX];
    if (pbi_is_blank(ind->basis.text))
        pbi_add(k, RULE_INDICATOR_BASIS_MISSING, p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 is empty; name the standard or document the target comes from"),
            ind->level2.text, ind->level3.text);
    else if (k->c->basis_vocabulary_count > 0 &&
             !pbi_contains_any(pbi_norm(ind->basis.text, b), k->c->basis_vocabulary, k->c->basis_vocabulary_count))
        pbi_add(k, RULE_INDICATOR_BASIS_MISSING, p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 「%s」 names no recognised basis (计划标准, 行业标准, 历史标准, 预算支出标准 or a "
              "named document); say where the target comes from"),
            ind->level2.text, ind->level3.text, ind->basis.text);
}

void pbi_check_basis_uniform(pbi_checker *k, const pb_project *p)
{
    const pb_indicator *first = NULL;
    size_t rows = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (!pbi_named(ind) || !ind->basis.text)
            continue;
        if (pbi_is_blank(ind->basis.text) || (first && !pbi_same_text(first->basis.text, ind->basis.text)))
            return;
        if (!first)
            first = ind;
        rows++;
    }
    if (rows >= 2)
        pbi_add(k, RULE_INDICATOR_BASIS_UNIFORM, p, first->basis.loc,
            _("all %zu rows give the same 指标值确定依据 「%s」; give each target its own basis"), rows,
            first->basis.text);
}

void pbi_check_indicator(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    const char *l2 = ind->level2.text, *l3 = ind->level3.text;
    char n3[PBI_NORM_MAX]; /* 三级指标 as the rules compare it, for all of them */
    pbi_norm(l3, n3);
    check_description(k, p, ind, n3);
    check_vague_name(k, p, ind, n3);
    check_basis(k, p, ind);
    switch (v->kind) {
    case PB_VALUE_EMPTY:
        /* A 二级 row without any 三级 indicator is indicator-level-empty. */
        if (!l3 || pbi_named(ind))
            pbi_add(k, RULE_INDICATOR_VALUE_MISSING, p, ind->value_cell.loc, _("%s/%s has no 指标值"), l2, l3 ? l3 : "");
        return;
    case PB_VALUE_UNPARSED:
        pbi_add(k, RULE_INDICATOR_VALUE_UNPARSED, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 cannot be read as operator, number and unit"), l2, l3, v->raw);
        return;
    case PB_VALUE_QUALITATIVE:
        check_satisfaction(k, p, ind);
        return;
    case PB_VALUE_NUMBER:
        break;
    }
    if (strcmp(v->unit, "%") == 0 && (v->number.micro > 100 * PB_DECIMAL_SCALE || v->number.micro < 0)) {
        char a[PB_DECIMAL_BUFSIZE];
        pbi_add(k, RULE_INDICATOR_PERCENT_RANGE, p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 is %s%%, outside 0-100%%"), l2,
            l3, v->raw, pb_decimal_format(v->number, a));
    }
    check_direction(k, p, ind);
    pbi_check_cost(k, p, ind);
    check_operator(k, p, ind);
    check_satisfaction(k, p, ind);
    check_percent_rate(k, p, ind, n3);
    check_unit_suits_name(k, p, ind, n3);
    check_timeliness(k, p, ind);
}
