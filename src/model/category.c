/* The indicator framework's classes: which 一级 category and 二级 class a row's
 * printed texts name, and their names (JSON "category"; the checks' PB403/PB404). */
#include "model/model.h"
#include <stdio.h>

pbi_category pbi_category_of(const char *l1)
{
    if (pbi_contains(l1, "满意")) return CAT_SATISFACTION;
    if (pbi_contains(l1, "效益") || pbi_contains(l1, "效果")) return CAT_EFFECT; /* 效果指标: 转移支付 tables */
    if (pbi_contains(l1, "产出")) return CAT_OUTPUT;
    if (pbi_contains(l1, "成本")) return CAT_COST;
    return CAT_NONE;
}

/* By key words, most telling first: "经济成本指标" is a cost, "社会公众或服务
 * 对象满意度指标" a satisfaction indicator; 进度 = 时效, 环境 = 生态. */
pbi_subcategory pbi_subcategory_of(const char *l2)
{
    if (pbi_contains(l2, "满意")) return SUB_SATISFACTION;
    if (pbi_contains(l2, "成本")) return SUB_COST;
    if (pbi_contains(l2, "数量")) return SUB_QUANTITY;
    if (pbi_contains(l2, "质量")) return SUB_QUALITY;
    if (pbi_contains(l2, "时效") || pbi_contains(l2, "进度")) return SUB_TIME;
    if (pbi_contains(l2, "可持续")) return SUB_SUSTAINABLE;
    if (pbi_contains(l2, "生态") || pbi_contains(l2, "环境")) return SUB_ECOLOGICAL;
    if (pbi_contains(l2, "经济")) return SUB_ECONOMIC;
    if (pbi_contains(l2, "社会效益")) return SUB_SOCIAL;
    return SUB_NONE;
}

/* The 一级 a 二级 class belongs to where the 一级 cell names none. */
static pbi_category home(pbi_subcategory s)
{
    switch (s) {
    case SUB_NONE: return CAT_NONE;
    case SUB_QUANTITY: case SUB_QUALITY: case SUB_TIME: case SUB_COST: return CAT_OUTPUT;
    case SUB_SATISFACTION: return CAT_SATISFACTION;
    default: return CAT_EFFECT;
    }
}

void pbi_indicator_class(const pb_indicator *ind, pbi_category *cat, pbi_subcategory *sub)
{
    pbi_subcategory s = pbi_subcategory_of(ind->level2.text);
    pbi_category c = pbi_category_of(ind->level1.text);
    if (c == CAT_NONE)
        c = home(s);
    /* 满意度 is its own class wherever the template puts it (under 效益指标
     * in the Ministry's 2015 template, beside the 三级 of a two-level table) */
    if (s == SUB_SATISFACTION || (s == SUB_NONE && c != CAT_COST && pbi_contains(ind->level3.text, "满意")))
        c = CAT_SATISFACTION, s = SUB_SATISFACTION;
    *cat = c;
    *sub = s;
}

const char *pbi_indicator_category(const pb_indicator *ind, char *buf, size_t cap)
{
    static const char *const cats[CAT_COUNT] = {NULL, "产出", "效益", "满意度", "成本"};
    static const char *const subs[SUB_COUNT] = {NULL,       "数量",     "质量",       "时效",
                                                "成本",     "经济效益", "社会效益",   "生态效益",
                                                "可持续影响", "服务对象满意度"};
    pbi_category c;
    pbi_subcategory s;
    pbi_indicator_class(ind, &c, &s);
    if (c == CAT_NONE || !cap)
        return NULL;
    const char *sub = subs[s];
    if (s == SUB_COST && c == CAT_COST) /* 财预〔2021〕101号: 经济 / 社会 / 生态环境成本 */
        sub = pbi_contains(ind->level2.text, "社会")                                           ? "社会成本"
              : pbi_contains(ind->level2.text, "生态") || pbi_contains(ind->level2.text, "环境") ? "生态环境成本"
                                                                                                : "经济成本";
    const char *parts[2] = {cats[c], sub};
    pbi_join(buf, cap, "/", parts, sub ? 2 : 1);
    return buf;
}
