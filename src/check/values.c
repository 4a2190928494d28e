/* PB301-PB309: an indicator's 指标值 against its name and category, row by row (the
 * wording rules are wording.c, PB312 across projects identity.c). */
#include "check/check.h"
#include <string.h>


static bool is_satisfaction(const pb_indicator *ind)
{
    return pbi_contains(ind->level1.text, "满意") || pbi_contains(ind->level2.text, "满意") ||
           pbi_contains(ind->level3.text, "满意");
}

/* The direction comes from the name's meaning as well as its 二级: a rate
 * of harmful events is a ceiling even under 质量指标 (差错率 ≤1%), savings
 * and growth are floors even under 成本指标 (采购节约率 ≥5%). */
static void check_direction(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op == PB_OP_NONE || v->op == PB_OP_EQ)
        return;
    bool ge = v->op == PB_OP_GE || v->op == PB_OP_GT;
    const char *l1 = ind->level1.text, *l2 = ind->level2.text, *l3 = ind->level3.text;
    const char *why = NULL;
    char f[PB_DECIMAL_BUFSIZE];
    bool percent = pbi_is_percent_unit(v->unit), harmful = pbi_is_harmful_name(n3);
    if ((pbi_contains(l1, "满意度") || pbi_contains(l2, "满意度")) && !ge) {
        /* 「≤95%」 satisfied contradicts itself: an error, not a style. */
        pbi_add_sev(k, RULE_INDICATOR_DIRECTION, PB_SEV_ERROR, p, ind->value_cell.loc,
                    _("%s/%s: 指标值 「%s」 uses 「%s」; a satisfaction target is a floor (正向指标): write 「≥」, "
                      "e.g. 「≥%s%%」"),
                    l2, l3, v->raw, pb_op_symbol(v->op), pb_decimal_format(k->c->satisfaction_floor, f));
        return;
    }
    if (pbi_is_cost(ind) && ge && !pbi_is_positive_name(n3) && !percent)
        why = _("a cost indicator is a ceiling and should use 「≤」");
    else if (harmful && ge && percent)
        why = _("a rate of harmful events is a reverse indicator (反向指标), the lower the better: write 「≤」");
    else if (pbi_contains(l2, "质量") && !ge && percent && !harmful)
        why = _("a quality target is a floor and should use 「≥」");
    else if ((pbi_contains(l2, "时效") || pbi_contains(l2, "进度")) && ge &&
             (pbi_is_time_unit(v->unit) || pbi_contains(l3, "时间") || pbi_contains(l3, "时限") || pbi_contains(l3, "周期")) &&
             !percent)
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
        pbi_group_of(ind), ind->level3.text, v->raw, pb_decimal_format(v->number, a), v->unit, a, v->unit);
}

static void check_satisfaction(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (!is_satisfaction(ind) || v->kind == PB_VALUE_EMPTY || v->kind == PB_VALUE_UNPARSED)
        return;
    char a[PB_DECIMAL_BUFSIZE], f[PB_DECIMAL_BUFSIZE];
    pb_decimal_format(k->c->satisfaction_floor, f);
    if (v->kind == PB_VALUE_QUALITATIVE || !pbi_is_percent_unit(v->unit))
        pbi_add(k, RULE_INDICATOR_SATISFACTION_FLOOR, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is not a percentage; give the share of people satisfied, e.g. 「≥%s%%」"),
            pbi_group_of(ind), ind->level3.text, v->raw, f);
    else if (v->op != PB_OP_LE && v->op != PB_OP_LT && pb_decimal_cmp(v->number, k->c->satisfaction_floor) < 0)
        pbi_add(k, RULE_INDICATOR_SATISFACTION_FLOOR, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is below the satisfaction floor of %s%%; set at least 「≥%s%%」"), pbi_group_of(ind),
            ind->level3.text, pb_decimal_format(v->number, a), f, f);
}

static void check_percent_rate(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || (!pbi_is_percent_unit(v->unit) && strcmp(v->unit, "‰") != 0) ||
        !pbi_named(ind))
        return;
    if (pbi_is_rate_name(n3))
        return;
    pbi_add(k, RULE_INDICATOR_PERCENT_NOT_RATE, p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 is a percentage, but 「%s」 is not a rate (率, 比例, 占比 …): name what is counted, "
          "or give a number with its unit"),
        pbi_group_of(ind), ind->level3.text, v->raw, ind->level3.text);
}

typedef enum { NAME_OTHER, NAME_RATE, NAME_TIME, NAME_PERSONS, NAME_TIMES, NAME_MONEY } name_kind;

static name_kind kind_of_name(const char *name)
{
    static const char *const time_words[] = {"时间", "时限", "周期", "天数", "工期", "时长"};
    static const char *const money_words[] = {"金额", "成本", "费用", "经费", "资金", "补助标准", "补贴标准", "单价"};
    if (pbi_is_rate_name(name)) return NAME_RATE;
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
    if (v->kind != PB_VALUE_NUMBER || !*v->unit || pbi_is_percent_unit(v->unit) || strcmp(v->unit, "‰") == 0 ||
        !pbi_named(ind))
        return;
    const char *expected = NULL;
    switch (kind_of_name(n3)) {
    case NAME_RATE: expected = "%"; break;
    case NAME_TIME: if (!pbi_is_time_unit(v->unit)) expected = _("天, 月 or 年"); break;
    case NAME_PERSONS: if (!pbi_in_list(v->unit, persons, PBI_COUNT(persons))) expected = "人"; break;
    case NAME_TIMES: if (!pbi_in_list(v->unit, times, PBI_COUNT(times))) expected = "次"; break;
    case NAME_MONEY: if (!pbi_is_money_unit(v->unit) && pbi_money_exp(v->unit) < 0) expected = _("元 or 万元"); break;
    default: break;
    }
    if (expected)
        pbi_add(k, RULE_INDICATOR_UNIT_MISMATCH, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is in 「%s」, which does not suit 「%s」 (expected %s); correct the unit or the name"),
            pbi_group_of(ind), ind->level3.text, v->raw, v->unit, ind->level3.text, expected);
}

/* A duration of a year or more, in any time unit. */
static bool a_year_or_more(const pb_value *v)
{
    int64_t n = v->number.micro, s = PB_DECIMAL_SCALE;
    if (strcmp(v->unit, "年") == 0 || strcmp(v->unit, "年内") == 0 || strcmp(v->unit, "周年") == 0)
        return n >= s;
    if (strcmp(v->unit, "月") == 0 || strcmp(v->unit, "个月") == 0)
        return n >= 12 * s;
    if (strcmp(v->unit, "天") == 0 || strcmp(v->unit, "日") == 0 || strcmp(v->unit, "自然日") == 0)
        return n >= 365 * s;
    return false;
}

/* The budget year in words: 「全年」, 「年内」, 「本年度」 (zj_linhai_2024). */
static bool whole_year_words(const char *raw)
{
    static const char *const words[] = {"全年", "全年度", "全年内", "年内", "年度内", "本年", "本年度",
                                        "本年内", "当年", "当年度", "一年", "一年内", "一个年度"};
    char n[PBI_NORM_MAX];
    return pbi_in_list(pbi_norm(raw, n), words, PBI_COUNT(words));
}

/* 「≥1年」 or 「全年」 under 时效 on a one-year budget, which PB309
 * reports; a multi-year project (项目期, 起止时间) or its 中期 block may
 * say it. */
static bool timeliness_vague(const pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (pbi_sub_of(k, ind) != SUB_TIME || ind->term == PB_TERM_LONG || pbi_project_years(p) > 1)
        return false;
    if (v->kind == PB_VALUE_NUMBER)
        return a_year_or_more(v);
    return v->kind == PB_VALUE_QUALITATIVE && whole_year_words(v->raw);
}

/* What PB309 asks for instead, by what the value says: 「≤1年」 is no more
 * than the budget year every one-year project has, 「1年」 is the year
 * itself, 「≥1年」 no deadline at all. */
static void check_timeliness(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (!timeliness_vague(k, p, ind))
        return;
    if (v->op == PB_OP_LE || v->op == PB_OP_LT)
        pbi_add(k, RULE_INDICATOR_TIMELINESS_VAGUE, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 only says the work is done within the budget year, which holds for every one-year "
              "project; give the date it is due (e.g. 「10月31日前」) or a time limit shorter than the year (e.g. "
              "「申请受理后≤30天」)"),
            pbi_group_of(ind), ind->level3.text, v->raw);
    else if (v->op == PB_OP_GE || v->op == PB_OP_GT)
        pbi_add(k, RULE_INDICATOR_TIMELINESS_VAGUE, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 sets no deadline (a year or more) on a one-year budget; give the date it is due "
              "(e.g. 「12月31日前」) or a time limit, written with ≤"),
            pbi_group_of(ind), ind->level3.text, v->raw);
    else
        pbi_add(k, RULE_INDICATOR_TIMELINESS_VAGUE, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is the budget year itself and measures nothing; give the date it is due (e.g. "
              "「12月31日前」), a time limit shorter than the year, or a rate such as 及时率"),
            pbi_group_of(ind), ind->level3.text, v->raw);
}

/* 「2023.07-2024.01」, 「2023年7月至2024年1月」: dates (a year 19xx/20xx among
 * them), separators and nothing else. */
static bool is_date_period(const char *raw)
{
    static const char *const words[] = {"年", "月", "日", "至", "—", "～", "－", "．"};
    bool year = false;
    for (const char *s = raw; *s;) {
        if (*s >= '0' && *s <= '9') {
            const char *e = s;
            while (*e >= '0' && *e <= '9')
                e++;
            year = year || (e - s == 4 && (s[0] == '1' || s[0] == '2') && (s[1] == '9' || s[1] == '0'));
            s = e;
            continue;
        }
        if (strchr(".-/~ ", *s)) {
            s++;
            continue;
        }
        size_t i = 0;
        while (i < PBI_COUNT(words) && strncmp(s, words[i], strlen(words[i])) != 0)
            i++;
        if (i == PBI_COUNT(words))
            return false;
        s += strlen(words[i]);
    }
    return year;
}

void pbi_check_indicator(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    const char *l2 = ind->level2.text, *l3 = ind->level3.text;
    char n3[PBI_NORM_MAX]; /* 三级指标 as the rules compare it, for all of them */
    pbi_norm(l3, n3);
    pbi_check_basis(k, p, ind);
    const char *error = pbi_spreadsheet_error(v->raw);
    if (error) {
        pbi_add(k, RULE_SPREADSHEET_ERROR, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is what a spreadsheet shows for a formula it cannot compute (%s): write the value itself"),
            l2, l3 ? l3 : "", v->raw, error);
        return;
    }
    if (pbi_placeholder_value(ind)) /* PB323's */
        return;
    switch (v->kind) {
    case PB_VALUE_EMPTY:
        /* A 二级 row without any 三级 indicator is indicator-level-empty. */
        if (!l3 || pbi_named(ind))
            pbi_add(k, RULE_INDICATOR_VALUE_MISSING, p, ind->value_cell.loc, _("%s/%s has no 指标值"), l2, l3 ? l3 : "");
        return;
    case PB_VALUE_UNPARSED:
        if (pbi_subcategory_of(l2) == SUB_TIME && is_date_period(v->raw))
            return; /* a service period such as 「2023.07-2024.01」 is a time target */
        pbi_add(k, RULE_INDICATOR_VALUE_UNPARSED, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 cannot be read as operator, number and unit"), l2, l3, v->raw);
        return;
    case PB_VALUE_QUALITATIVE:
        check_satisfaction(k, p, ind);
        check_timeliness(k, p, ind);
        pbi_check_kinds(k, p, ind, n3);
        return;
    case PB_VALUE_NUMBER:
        break;
    }
    /* Only shares of a whole are bounded: occupancy, growth and completion
     * rates may pass 100 %. */
    if (pbi_is_percent_unit(v->unit) && (v->number.micro > 100 * PB_DECIMAL_SCALE || v->number.micro < 0) &&
        (pbi_is_bounded_share(n3) || is_satisfaction(ind))) {
        char a[PB_DECIMAL_BUFSIZE];
        pbi_add(k, RULE_INDICATOR_PERCENT_RANGE, p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 is %s%%, outside 0-100%%"), l2,
            l3, v->raw, pb_decimal_format(v->number, a));
    }
    /* One problem, one finding: a boilerplate name (PB311) is the problem of
     * its row, and 「≥1年」 under 时效 (PB309) that of its cell. */
    bool vague = (pbi_is_vague(k, ind, n3) && pbi_rule_on(k, RULE_INDICATOR_VAGUE_NAME)) ||
                 (pbi_rule_on(k, RULE_INDICATOR_NAME_IS_CATEGORY) && pbi_name_is_category(ind));
    bool vague_time = timeliness_vague(k, p, ind) && pbi_rule_on(k, RULE_INDICATOR_TIMELINESS_VAGUE);
    if (!vague_time)
        check_direction(k, p, ind, n3);
    pbi_check_cost(k, p, ind);
    if (!vague_time)
        check_operator(k, p, ind);
    check_satisfaction(k, p, ind);
    /* Under 数量指标 a percentage is PB319's: not a quantity. */
    bool not_count = pbi_quantity_not_count(k, ind) && pbi_rule_on(k, RULE_INDICATOR_QUANTITY_NOT_COUNT);
    if (!vague && !not_count)
        check_percent_rate(k, p, ind, n3);
    if (!vague)
        check_unit_suits_name(k, p, ind, n3);
    check_timeliness(k, p, ind);
    pbi_check_kinds(k, p, ind, n3);
}
