/* The template families as data: which keys identify each and which a
 * complete table of it has.  A new family is one entry; the first entry
 * whose keys a table has names it, so the more specific come first. */
#include "extract/labels.h"

#define F KEY_FIELD
#define C KEY_COLUMN
#define INDICATORS (C(COL_L2) | C(COL_VALUE))
#define NAME PB_TF_NAME
#define TOTAL PB_TF_TOTAL
#define GOALS PB_TF_GOALS

const uint64_t pbi_base_keys = F(L_CODE) | F(L_NAME) | C(COL_L1) | C(COL_L2) | C(COL_VALUE);

static const family families[] = {
    /* 部门整体绩效目标表: 部门名称 or 部门编码, the department's goals and
     * indicators (a department, not a project: the completeness rules skip it) */
    {{"department", "部门整体绩效目标表", GOALS | PB_TF_INDICATORS}, 0, F(L_DEPT_NAME) | F(L_DEPT_CODE),
     F(L_GOALS) | INDICATORS},
    /* 一体化 list export: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 … in one
     * header, one row per indicator, the project's cells spanning its rows */
    {{"list", "预算管理一体化项目绩效目标清单（多项目）", NAME | TOTAL | GOALS | PB_TF_INDICATORS},
     F(L_LIST) | F(L_NAME) | INDICATORS, 0, F(L_NAME) | F(L_TOTAL) | F(L_GOALS) | INDICATORS},
    /* 财预〔2015〕88号式 申报表: 中期 and 年度 goals (and indicators) side by side */
    {{"midterm", "项目支出绩效目标申报表（中期与年度）", NAME | TOTAL | GOALS | PB_TF_LONG_GOALS | PB_TF_INDICATORS},
     F(L_LONG_GOALS) | F(L_GOALS), 0,
     F(L_NAME) | F(L_TOTAL) | F(L_GOALS) | F(L_LONG_GOALS) | C(COL_L1) | INDICATORS},
    /* county and municipal 申报表 / 目标表: 项目属性, 主管部门, 实施单位 */
    {{"declaration", "项目绩效目标申报表（市县）", NAME | TOTAL | GOALS | PB_TF_INDICATORS},
     0, F(L_ATTRIBUTE) | F(L_DEPARTMENT) | F(L_IMPLEMENTER) | F(L_FUNDS_GROUP),
     F(L_NAME) | F(L_TOTAL) | F(L_GOALS) | INDICATORS},
    /* 预算管理一体化 project table: 项目编码, 资金支出计划 */
    {{"yitihua", "预算管理一体化项目支出绩效目标表",
      PB_TF_CODE | NAME | TOTAL | PB_TF_SCHEDULE | GOALS | PB_TF_INDICATORS},
     0, F(L_CODE) | F(L_SCHEDULE) | F(L_PURPOSE) | F(L_BUDGET_GROUP),
     F(L_CODE) | F(L_NAME) | F(L_TOTAL) | F(L_SCHEDULE) | F(L_GOALS) | C(COL_L1) | INDICATORS},
    /* an indicator part under a header the lexicon does not place */
    {{"indicators", "绩效目标表（未识别的表头）", PB_TF_INDICATORS}, INDICATORS, C(COL_L1) | C(COL_L3), INDICATORS},
};

uint64_t pbi_whole_unit_keys(uint64_t keys, const char *title)
{
    if (!(keys & (F(L_UNIT_NAME) | F(L_UNIT_CODE))))
        return keys;
    bool whole = title && (pbi_contains(title, "单位整体") || pbi_contains(title, "部门整体"));
    return whole || !(keys & F(L_NAME)) ? keys | F(L_DEPT_NAME) : keys;
}

const family *pbi_family_of(uint64_t keys)
{
    for (size_t i = 0; i < sizeof families / sizeof *families; i++) {
        const family *f = &families[i];
        if ((keys & f->all) == f->all && (!f->any || (keys & f->any)))
            return f;
    }
    return NULL;
}
