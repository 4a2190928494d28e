/* The indicator framework the rules share: which 一级 and 二级 a row names, and where each 二级 belongs. */
#include "check/check.h"
#include <string.h>

bool pbi_is_effect(pbi_subcategory s)
{
    return s == SUB_ECONOMIC || s == SUB_SOCIAL || s == SUB_ECOLOGICAL || s == SUB_SUSTAINABLE;
}

bool pbi_classify(pbi_checker *k, const pb_project *p)
{
    k->classed = p->indicators;
    k->classed_count = 0;
    if (!p->indicator_count)
        return true;
    if (!(k->sub_of = pb_arena_alloc(k->scratch, p->indicator_count)))
        return false;
    for (size_t i = 0; i < p->indicator_count; i++)
        k->sub_of[i] = (unsigned char)pbi_subcategory_of(p->indicators[i].level2.text);
    k->classed_count = p->indicator_count;
    return true;
}

void pbi_unclassify(pbi_checker *k)
{
    k->classed = NULL;
    k->classed_count = 0;
}

pbi_subcategory pbi_sub_of(const pbi_checker *k, const pb_indicator *ind)
{
    /* addresses as integers: ind may be another project's (the rules across
     * projects), and pointers into different arrays do not compare in C */
    uintptr_t at = (uintptr_t)ind, base = (uintptr_t)k->classed;
    if (at >= base && (at - base) / sizeof *ind < k->classed_count && (at - base) % sizeof *ind == 0)
        return (pbi_subcategory)k->sub_of[(at - base) / sizeof *ind];
    return pbi_subcategory_of(ind->level2.text);
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

const char *pbi_group_of(const pb_indicator *ind)
{
    if (ind->level2.text && !pbi_is_blank(ind->level2.text))
        return ind->level2.text;
    return ind->level1.text ? ind->level1.text : "";
}


bool pbi_is_cost(const pb_indicator *ind)
{
    return pbi_contains(ind->level2.text, "成本") || pbi_contains(ind->level1.text, "成本");
}

/* 「3年」, 「三年」 in a 项目期 that names no calendar year: the years it
 * lasts; 0 for none. */
static int duration_years(const char *s)
{
    static const char *const numerals[] = {"一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (const char *y = s ? strstr(s, "年") : NULL; y; y = strstr(y + 1, "年")) {
        int n = 0, scale = 1;
        const char *d = y;
        while (d > s && d[-1] >= '0' && d[-1] <= '9' && scale <= 100) {
            n += (d[-1] - '0') * scale;
            scale *= 10;
            d--;
        }
        if (d == y)
            for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++) {
                size_t len = strlen(numerals[i]);
                if ((size_t)(y - s) >= len && memcmp(y - len, numerals[i], len) == 0)
                    n = i == 1 ? 2 : (int)i + 1;
            }
        if (n > 0 && n < 100)
            return n;
    }
    return 0;
}

int pbi_project_years(const pb_project *p)
{
    const char *s = p->period.text;
    int lo = 0, hi = 0, lo_month = 0, hi_month = 0;
    for (; s && *s; s++) {
        /* a year 19xx or 20xx not inside a longer number */
        if (((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) && s[2] >= '0' && s[2] <= '9' &&
            s[3] >= '0' && s[3] <= '9' && !(s[4] >= '0' && s[4] <= '9') &&
            (s == p->period.text || !(s[-1] >= '0' && s[-1] <= '9'))) {
            int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
            s += 4;
            /* its month: 2023.07, 2023-07, 2023/7, 2023年7月 */
            int m = 0;
            size_t sep = strncmp(s, "年", strlen("年")) == 0 ? strlen("年") : strchr(".-/", *s) && *s ? 1 : 0;
            if (sep && s[sep] >= '0' && s[sep] <= '9') {
                m = s[sep] - '0';
                if (s[sep + 1] >= '0' && s[sep + 1] <= '9')
                    m = m * 10 + s[sep + 1] - '0';
                if (m > 12)
                    m = 0;
            }
            if (!lo || y < lo || (y == lo && m && m < lo_month)) lo = y, lo_month = m;
            if (y > hi || (y == hi && m > hi_month)) hi = y, hi_month = m;
            s--;
        }
    }
    /* 2023.07-2024.01 is seven months, one budget year's worth */
    if (lo && hi - lo < 100 && lo_month && hi_month)
        return ((hi - lo) * 12 + hi_month - lo_month + 12) / 12;
    if (lo)
        return hi - lo < 100 ? hi - lo + 1 : 1;
    int n = duration_years(p->period.text);
    return n ? n : 1;
}

/* 社会成本 and 生态环境成本 are costs borne by society or the environment,
 * not the project's spending (财预〔2021〕101号). */
bool pbi_is_spending_cost(const pb_indicator *ind)
{
    const char *l2 = ind->level2.text;
    return !pbi_contains(l2, "社会成本") && !pbi_contains(l2, "生态") && !pbi_contains(l2, "环境");
}
