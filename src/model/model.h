/* The model's helpers: copies of tables, amounts and money units, percentages. */
#ifndef PB_MODEL_H
#define PB_MODEL_H

#include "util/util.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

/* ---- tables */
pb_table *pbi_table_copy(pb_arena *a, const pb_table *t);

/* A copy of p's identity in a (project.c): number, heading, code, name,
 * amounts, header fields and locations; no indicators, goals, funds,
 * schedule or 资金用途 (NULL, count 0).  NULL when out of memory. */
pb_project *pbi_project_identity(pb_arena *a, const pb_project *p);

/* ---- money */
/* Converts an amount in unit `from` (power-of-ten exponent in 元) to `to`. */
bool pbi_money_convert(pb_decimal v, int from_exp, int to_exp, pb_decimal *out);
/* Parses an amount cell: "242.59", "2,425,900元", "242.59万", "１２３．４".
 * *unit_exp is set to the unit suffix's exponent or -1 when there is none. */
bool pbi_amount_parse(const char *raw, pb_decimal *out, int *unit_exp);
/* Parses a percentage cell "50%", "50", "５０％". */
bool pbi_percent_parse(const char *raw, pb_decimal *out);

/* ---- the indicator framework's classes (category.c) */
typedef enum { CAT_NONE, CAT_OUTPUT, CAT_EFFECT, CAT_SATISFACTION, CAT_COST, CAT_COUNT } pbi_category;
typedef enum {
    SUB_NONE, SUB_QUANTITY, SUB_QUALITY, SUB_TIME, SUB_COST, SUB_ECONOMIC, SUB_SOCIAL, SUB_ECOLOGICAL,
    SUB_SUSTAINABLE, SUB_SATISFACTION, SUB_COUNT
} pbi_subcategory;
/* The class a printed 一级 / 二级 names (产出指标, 效果指标 …; CAT_NONE / SUB_NONE). */
pbi_category pbi_category_of(const char *l1);
pbi_subcategory pbi_subcategory_of(const char *l2);
/* The recognised category of an indicator as JSON writes it: "产出/数量",
 * "效益/社会效益", "满意度/服务对象满意度", "成本/经济成本", or the 一级 alone
 * ("产出") where no 二级 is recognised; the 一级 is inferred from the 二级
 * when its cell names none, and 满意度 is its own class wherever the template
 * puts it.  Written to buf; NULL when nothing is recognised. */
#define PBI_CATEGORY_MAX 64
/* The same as classes: the 一级 and 二级 an indicator belongs to by meaning. */
void pbi_indicator_class(const pb_indicator *ind, pbi_category *cat, pbi_subcategory *sub);
const char *pbi_indicator_category(const pb_indicator *ind, char *buf, size_t cap);

#pragma GCC visibility pop

#endif
