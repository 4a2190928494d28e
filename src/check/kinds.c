/* PB317-PB321, PB324: a 指标值 against the kind of target its 二级 asks for: a
 * count under 数量指标, a date or time limit under 时效指标, money under
 * 成本指标, a unit for every number, a satisfaction a survey can show, an
 * effect that can be measured. */
#include "check/check.h"

#include <stdio.h>
#include <string.h>

static bool has_digit(const char *s)
{
    for (; s && *s; s++)
        if (*s >= '0' && *s <= '9')
            return true;
    return false;
}

static void check_satisfaction_full(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (!(pbi_contains(ind->level1.text, "满意") || pbi_contains(ind->level2.text, "满意") ||
          pbi_contains(ind->level3.text, "满意")) ||
        v->kind != PB_VALUE_NUMBER || !pbi_is_percent_unit(v->unit) ||
        v->number.micro != 100 * PB_DECIMAL_SCALE || v->op == PB_OP_LE || v->op == PB_OP_LT)
        return;
    pbi_add(k, RULE_INDICATOR_SATISFACTION_FULL, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 asks every respondent to be satisfied, which no survey shows; set a floor the "
              "project can reach, e.g. 「≥95%%」"),
            pbi_group_of(ind), ind->level3.text, v->raw);
}

/* 「按时完成」 under 时效指标: no date, time limit or rate to check. */
static void check_timeliness_date(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    static const char *const dated[] = {"年", "月", "日", "天", "前", "内", "底", "季度", "周", "小时", "%", "率"};
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_QUALITATIVE || pbi_sub_of(k, ind) != SUB_TIME || has_digit(v->raw) ||
        pbi_contains_any(v->raw, dated, PBI_COUNT(dated)))
        return;
    pbi_add(k, RULE_INDICATOR_TIMELINESS_NO_DATE, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 names no date, time limit or rate, so whether it was met cannot be checked; "
              "write a date (「2025年12月31日前」), a time limit (「≤5个工作日」) or a rate (及时率 「≥95%%」)"),
            pbi_group_of(ind), ind->level3.text, v->raw);
}

bool pbi_quantity_not_count(const pbi_checker *k, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    return pbi_named(ind) && pbi_sub_of(k, ind) == SUB_QUANTITY &&
           (v->kind == PB_VALUE_QUALITATIVE || (v->kind == PB_VALUE_NUMBER && pbi_is_percent_unit(v->unit)));
}

static void check_quantity(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    if (!pbi_quantity_not_count(k, ind))
        return;
    pbi_add(k, RULE_INDICATOR_QUANTITY_NOT_COUNT, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is not a quantity; a 数量指标 counts what the project delivers (人, 次, 个, "
              "平方米 …): give that number, and put a rate under 质量指标"),
            pbi_group_of(ind), ind->level3.text, ind->value.raw);
}

static void check_unit_given(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || *v->unit || !pbi_named(ind) ||
        (ind->unit_cell.text && !pbi_is_blank(ind->unit_cell.text)) || pbi_contains(n3, "指数"))
        return;
    if (ind->unit_cell.text) /* a 计量单位 / 度量单位 column, left blank on this row */
        pbi_add(k, RULE_INDICATOR_UNIT_MISSING, p, ind->unit_cell.loc,
                _("%s/%s: 指标值 「%s」 has no unit and its unit cell (计量单位 / 度量单位) is empty; fill in the "
                  "unit (人, 次, 个, 万元, %% …)"),
                pbi_group_of(ind), ind->level3.text, v->raw);
    else
        pbi_add(k, RULE_INDICATOR_UNIT_MISSING, p, ind->value_cell.loc,
                _("%s/%s: 指标值 「%s」 has no unit, and the table has no unit column; write the unit after the number "
                  "(人, 次, 个, 万元, %% …)"),
                pbi_group_of(ind), ind->level3.text, v->raw);
}

static void check_cost_money(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (!pbi_is_cost(ind) || !pbi_is_spending_cost(ind) || v->kind != PB_VALUE_NUMBER || !pbi_named(ind) ||
        pbi_is_money_unit(v->unit) || pbi_money_exp(v->unit) >= 0)
        return;
    /* A savings or cost-control rate is a legitimate cost indicator. */
    if (pbi_is_percent_unit(v->unit) && (pbi_is_positive_name(n3) || pbi_contains(n3, "控制")))
        return;
    pbi_add(k, RULE_INDICATOR_COST_NOT_MONEY, p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is not an amount of money (成本指标未细化); give the cost in 元 or 万元, such as "
              "the cost per person or per square metre"),
            pbi_group_of(ind), ind->level3.text, v->raw);
}

void pbi_check_kinds(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    check_satisfaction_full(k, p, ind);
    check_timeliness_date(k, p, ind);
    check_quantity(k, p, ind);
    check_unit_given(k, p, ind, n3);
    check_cost_money(k, p, ind, n3);
}

/* 「显著改善」, 「稳步提高」, 「持续保障」, 「是」: a 效益 target that is only a
 * word of degree or a yes, naming no state that could be observed.  A
 * qualitative target that names what changes (「群众出行条件明显改善」) is
 * not one of them: the rule matches the whole value, never a part. */
static bool degree_only(const char *raw)
{
    static const char *const whole[] = {"是", "有", "达到", "实现", "完成", "长远", "长期", "明显", "显著",
                                        "有效", "有所提升", "有所提高", "有所改善"};
    static const char *const adverbs[] = {"显著", "明显", "稳步", "持续", "有效", "逐步", "大幅", "进一步",
                                          "不断", "大大", "全面", "积极", "长期", "较大", "得到", "有所"};
    static const char *const verbs[] = {"改善", "提高", "提升", "保障", "增强", "增加", "加强", "促进",
                                        "推进", "好转", "增长", "降低", "减少", "下降", "发挥", "巩固",
                                        "优化", "改观", "加快", "保持"};
    char n[PBI_NORM_MAX];
    const char *s = pbi_norm(raw, n);
    if (!*s)
        return false;
    if (pbi_in_list(s, whole, PBI_COUNT(whole)))
        return true;
    bool any = false;
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < PBI_COUNT(adverbs); i++)
            if (strncmp(s, adverbs[i], strlen(adverbs[i])) == 0) {
                s += strlen(adverbs[i]);
                again = any = true;
                break;
            }
    }
    return any && pbi_in_list(s, verbs, PBI_COUNT(verbs));
}

void pbi_check_effects(pbi_checker *k, const pb_project *p)
{
    size_t n = 0, first = 0;
    char list[600];
    size_t len = 0;
    list[0] = '\0';
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (ind->value.kind != PB_VALUE_QUALITATIVE || !pbi_is_effect(pbi_sub_of(k, ind)) ||
            pbi_placeholder_value(ind) || !degree_only(ind->value.raw))
            continue;
        if (!n++)
            first = i;
        /* Several rows are listed by their 二级 (the 三级 names may be long). */
        pbi_list_add(list, sizeof list, &len, _("%s%s 「%s」"), len ? _(", ") : "", ind->level2.text,
                     ind->value.raw);
    }
    if (n == 0)
        return;
    const pb_indicator *f = &p->indicators[first];
    if (n == 1)
        pbi_add(k, RULE_INDICATOR_EFFECT_UNMEASURABLE, p, f->value_cell.loc,
                _("%s/%s: 指标值 「%s」 is only a word of degree and cannot be measured (指标值不可衡量); give a "
                  "figure with its unit (受益人数, 增收金额, 优良天数比例 …) or name the state to be reached"),
                pbi_group_of(f), f->level3.text ? f->level3.text : "", f->value.raw);
    else
        pbi_add(k, RULE_INDICATOR_EFFECT_UNMEASURABLE, p, p->indicators[first].value_cell.loc,
                _("%zu 效益 targets are only words of degree and cannot be measured (指标值不可衡量): %s; give "
                  "each a figure with its unit (受益人数, 增收金额, 优良天数比例 …) or name the state to be reached"),
                n, list);
}
