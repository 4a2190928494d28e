/* The indicator framework the rules share: which 一级 and 二级 a row names, and where each 二级 belongs. */
#include "check/check.h"
#include <string.h>

bool pbi_is_effect(pbi_subcategory s)
{
    return s == SUB_ECONOMIC || s == SUB_SOCIAL || s == SUB_ECOLOGICAL || s == SUB_SUSTAINABLE;
}

bool pbi_belongs(pbi_subcategory s, pbi_category c)
{
    switch (s) {
    case SUB_QUANTITY: case SUB_QUALITY: case SUB_TIME: return c == CAT_OUTPUT;
    case SUB_COST: return c == CAT_OUTPUT || c == CAT_COST;
    /* Under 效益指标 in the Ministry's 2015 template. */
    case SUB_SATISFACTION: return c == CAT_SATISFACTION || c == CAT_EFFECT;
    case SUB_NONE: return true;
    default: return c == CAT_EFFECT;
    }
}

const char *pbi_home_of(pbi_subcategory s)
{
    switch (s) {
    case SUB_QUANTITY: case SUB_QUALITY: case SUB_TIME: return "产出指标";
    case SUB_COST: return "产出指标 / 成本指标";
    case SUB_SATISFACTION: return "满意度指标";
    default: return "效益指标";
    }
}

bool pbi_sets_target(const pb_indicator *ind)
{
    if (ind->value.kind == PB_VALUE_EMPTY)
        return false;
    return !ind->level3.text || !pbi_is_blank(ind->level3.text);
}

bool pbi_named(const pb_indicator *ind) { return ind->level3.text && !pbi_is_blank(ind->level3.text); }


bool pbi_is_cost(const pb_indicator *ind)
{
    return pbi_contains(ind->level2.text, "成本") || pbi_contains(ind->level1.text, "成本");
}

int pbi_project_years(const pb_project *p)
{
    const char *s = p->period.text;
    int lo = 0, hi = 0;
    for (; s && *s; s++) {
        /* a year 19xx or 20xx not inside a longer number */
        if (((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) && s[2] >= '0' && s[2] <= '9' &&
            s[3] >= '0' && s[3] <= '9' && !(s[4] >= '0' && s[4] <= '9') &&
            (s == p->period.text || !(s[-1] >= '0' && s[-1] <= '9'))) {
            int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
            if (!lo || y < lo) lo = y;
            if (y > hi) hi = y;
            s += 3;
        }
    }
    return lo && hi - lo < 100 ? hi - lo + 1 : 1;
}

/* 社会成本 and 生态环境成本 are costs borne by society or the environment,
 * not the project's spending (财预〔2021〕101号). */
bool pbi_is_spending_cost(const pb_indicator *ind)
{
    const char *l2 = ind->level2.text;
    return !pbi_contains(l2, "社会成本") && !pbi_contains(l2, "生态") && !pbi_contains(l2, "环境");
}
