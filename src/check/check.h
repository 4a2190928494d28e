/* The checks' shared pieces: rule index, configuration look-ups, the default code pattern. */
#ifndef PB_CHECK_H
#define PB_CHECK_H

#include "util/util.h"
#include "model/model.h"

#include <regex.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)


/* ---- configuration (config.c) */
/* Like pb_config_severity(), with dflt for a rule left at its default (a
 * rule whose findings differ in default severity). */
pb_severity pbi_config_severity_or(const pb_config *c, const pb_rule *r, pb_severity dflt);
/* The month a checkpoint label names: "3月底" 3, "第二季度" 6, "上半年" 6;
 * 0 for none. */
int pbi_checkpoint_month(const char *label);
/* The configured minimum for a checkpoint label; false when it has none. */

/* The default project-code-pattern: 6-digit region, 2-digit year, a
 * capital letter, 11 digits, a digit or capital letter. */
#define PB_DEFAULT_CODE_PATTERN "^[0-9]{6}[0-9]{2}[A-Z][0-9]{11}[0-9A-Z]$"
/* Whether code matches PB_DEFAULT_CODE_PATTERN, without a regex engine
 * (check.c; compiling the pattern cost more than the rest of a small
 * file's checks). */
bool pbi_code_matches_default(const char *code);

/* ---- the rules, by the identifiers the checks use (the catalogue in rules.c
 * is indexed by them; their order is the order of the IDs) */
typedef enum pbi_rule_id {
    RULE_SCHEDULE_CHECKPOINT_BLANK, /* PB101 */
    RULE_SCHEDULE_PERCENT_RANGE, /* PB102 */
    RULE_SCHEDULE_NOT_CUMULATIVE, /* PB103 */
    RULE_SCHEDULE_FINAL_NOT_100, /* PB104 */
    RULE_SCHEDULE_VALUE_UNPARSED, /* PB105 */
    RULE_SCHEDULE_BACK_LOADED, /* PB106 */
    RULE_BUDGET_SUM_MISMATCH, /* PB201 */
    RULE_COST_EXCEEDS_BUDGET, /* PB202 */
    RULE_BUDGET_AMOUNT_UNPARSED, /* PB203 */
    RULE_COST_EQUALS_BUDGET, /* PB204 */
    RULE_BUDGET_UNIT_MISSING, /* PB205 */
    RULE_BUDGET_MAGNITUDE, /* PB206 */
    RULE_ANNUAL_ABOVE_MEDIUM_TERM, /* PB207 */
    RULE_BUDGET_OUTPUT_MISMATCH, /* PB208 */
    RULE_IMPLIED_UNIT_COST, /* PB209 */
    RULE_INDICATOR_VALUE_MISSING, /* PB301 */
    RULE_INDICATOR_VALUE_UNPARSED, /* PB302 */
    RULE_INDICATOR_PERCENT_RANGE, /* PB303 */
    RULE_INDICATOR_DIRECTION, /* PB304 */
    RULE_INDICATOR_NO_OPERATOR, /* PB305 */
    RULE_INDICATOR_SATISFACTION_FLOOR, /* PB306 */
    RULE_INDICATOR_PERCENT_NOT_RATE, /* PB307 */
    RULE_INDICATOR_UNIT_MISMATCH, /* PB308 */
    RULE_INDICATOR_TIMELINESS_VAGUE, /* PB309 */
    RULE_INDICATOR_DESCRIPTION_REPEATS_NAME, /* PB310 */
    RULE_INDICATOR_VAGUE_NAME, /* PB311 */
    RULE_INDICATOR_COPIED_ACROSS_PROJECTS, /* PB312 */
    RULE_INDICATOR_BASIS_MISSING, /* PB313 */
    RULE_INDICATOR_BASIS_UNIFORM, /* PB314 */
    RULE_INDICATOR_NAME_TWICE, /* PB315 */
    RULE_INDICATOR_NAME_IS_CATEGORY, /* PB316 */
    RULE_INDICATOR_SATISFACTION_FULL, /* PB317 */
    RULE_INDICATOR_TIMELINESS_NO_DATE, /* PB318 */
    RULE_INDICATOR_QUANTITY_NOT_COUNT, /* PB319 */
    RULE_INDICATOR_UNIT_MISSING, /* PB320 */
    RULE_INDICATOR_COST_NOT_MONEY, /* PB321 */
    RULE_INDICATOR_EFFECT_WORDING, /* PB322 */
    RULE_TEMPLATE_PLACEHOLDER, /* PB323 */
    RULE_INDICATOR_EFFECT_UNMEASURABLE, /* PB324 */
    RULE_ANNUAL_REPEATS_MEDIUM_TERM, /* PB325 */
    RULE_INDICATOR_GRADES_OVERLAP, /* PB326 */
    RULE_SPREADSHEET_ERROR, /* PB327 */
    RULE_NO_TARGET_TABLE, /* PB401 */
    RULE_TABLE_INCOMPLETE, /* PB402 */
    RULE_INDICATOR_CATEGORY_MISSING, /* PB403 */
    RULE_INDICATOR_LEVEL_MISMATCH, /* PB404 */
    RULE_INDICATOR_LEVEL_EMPTY, /* PB405 */
    RULE_INDICATOR_COUNT_LOW, /* PB406 */
    RULE_INDICATOR_WEIGHTS_SUM, /* PB407 */
    RULE_PROJECT_CODE_FORMAT, /* PB501 */
    RULE_PROJECT_CODE_DUPLICATE, /* PB502 */
    RULE_PROJECT_NAME_DUPLICATE, /* PB503 */
    RULE_PROJECT_TITLE_MISMATCH, /* PB504 */
    RULE_SUMMARY_PROJECT_MISMATCH, /* PB505 */
    RULE_SELF_EVALUATION_SKIPPED, /* PB601 */
    PBI_RULE_COUNT
} pbi_rule_id;
_Static_assert(PBI_RULE_COUNT <= PB_RULES_MAX, "pb_config holds PB_RULES_MAX rules");
/* The catalogue entry of a rule. */
const pb_rule *pbi_rule(pbi_rule_id id);

/* ---- the checker (finding.c): what every rule family adds findings to */
typedef struct pbi_checker {
    pb_document *d;
    const pb_config *c;
    /* d->findings while the rules run: grown here (malloc) and copied to
     * the arena at its size at the end, so that the arena keeps no
     * outgrown arrays */
    pb_finding *buf;
    size_t cap;
    bool oom;
    regex_t code_re;
    bool code_re_ok;
    bool code_default; /* the default pattern: pbi_code_matches_default */
    /* what one table's rules allocate: the document's arena, or the
     * streamed project's, freed once it is checked */
    pb_arena *scratch;
    /* What the rules across projects keep of each (identity.c): the
     * projects as they read them (placeholders cut; findings on a view are
     * moved to its project at the end), and PB312's keys — compact, so
     * that a streamed project can be freed. */
    pb_arena *keep;
    const pb_project **views;
    size_t view_count, view_cap;
    /* beside each view once its project is freed: the subjects of the
     * cells the rules across projects point at (its code and its name) */
    struct pbi_view_subject *view_subjects;
    size_t view_subject_cap;
    struct pbi_copied_key *copied; /* the first project's indicators by key */
    size_t copied_count, copied_projects;
    /* the 二级 class of each indicator of the project the rules are on,
     * worked out once (a dozen rules ask, 17 times per indicator) */
    const pb_indicator *classed;
    unsigned char *sub_of;
    size_t classed_count;
} pbi_checker;

/* ---- the driver (check.c): the rules of one table at a time, then the
 * document's.  pb_check runs them over a whole document; a streamed read
 * (pipeline) calls them as each project is read. */
bool pbi_check_begin(pbi_checker *k, pb_document *d, const pb_config *c);
/* The rules of one project or department, its findings pointing at p. */
void pbi_check_table(pbi_checker *k, const pb_project *p);
/* p is to be freed: its findings since finding from point at its identity
 * (stub, see pbi_project_identity), their subjects written out, and the
 * document-wide rules keep a stub of their view of it. */
void pbi_check_retire(pbi_checker *k, const pb_project *p, const pb_project *stub, size_t from);
/* The document's rules, the order of the findings; false when out of
 * memory at any point. */
bool pbi_check_end(pbi_checker *k);
/* Frees what the checker holds, the findings too (a read that failed). */
void pbi_check_abandon(pbi_checker *k);

/* A finding of rule at its default severity (as
 * configured), message from fmt. */
void pbi_add(pbi_checker *k, pbi_rule_id rule, const pb_project *p, pb_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Whether rule runs under the checker's configuration: a more specific
 * rule takes a problem over only when it will report it. */
bool pbi_rule_on(const pbi_checker *k, pbi_rule_id rule);
/* The same with dflt for a rule whose findings differ in default severity. */
void pbi_add_sev(pbi_checker *k, pbi_rule_id rule, pb_severity dflt, const pb_project *p, pb_loc loc,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Appends an item (fmt, with its separator) to the list a message names,
 * in buf of cap bytes holding *len; an item that does not fit ends the
 * list with " …" and *len becomes cap, so later items are left out. */
void pbi_list_add(char *buf, size_t cap, size_t *len, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- text as the rules compare it (words.c) */
#define PBI_NORM_MAX 512
#define PBI_COUNT(a) (sizeof(a) / sizeof *(a))
/* Width folded, white space dropped, in buf of PBI_NORM_MAX bytes; "" for
 * NULL and for text too long to compare. */
const char *pbi_norm(const char *s, char *buf);
bool pbi_same_text(const char *a, const char *b);
bool pbi_contains_any(const char *s, const char *const *words, size_t n);
bool pbi_in_list(const char *s, const char *const *words, size_t n);
/* f's location, or dflt where the table has no such cell. */
pb_loc pbi_field_or(const pb_field *f, pb_loc dflt);
/* What a finding on the indicator says it is about: 「一级/二级/三级」
 * (pb_finding_subject's words for a cell of the indicator's row). */
const char *pbi_indicator_subject(const pb_indicator *ind, char *buf, size_t cap);
/* The indicators of one project sorted by row and by value cell, so that
 * the subjects of its many findings cost a binary search each, not a
 * pass over the project (which made a project of many rows, each with a
 * finding, quadratic). */
typedef struct pbi_row_key {
    int table, row, col;
    size_t index;
} pbi_row_key;
typedef struct pbi_subject_index {
    const pb_project *project;
    pbi_row_key *rows, *cells;
} pbi_subject_index;
bool pbi_subject_index_build(pb_arena *a, const pb_project *p, pbi_subject_index *ix);
/* pb_finding_subject(f), through ix when f is on ix's project. */
const char *pbi_subject_indexed(const pb_finding *f, const pbi_subject_index *ix, char *buf, size_t cap);

/* ---- the indicator framework: 一级 categories and their 二级 (framework.c) */
/* pbi_category, pbi_subcategory and their classification: model/model.h */
bool pbi_is_effect(pbi_subcategory s);
/* The indicators of p classed for pbi_sub_of (false: out of memory). */
bool pbi_classify(pbi_checker *k, const pb_project *p);
void pbi_unclassify(pbi_checker *k);
/* pbi_subcategory_of(ind->level2.text), from pbi_classify's table when ind
 * is one of its project's. */
pbi_subcategory pbi_sub_of(const pbi_checker *k, const pb_indicator *ind);
bool pbi_belongs(pbi_subcategory s, pbi_category c);
const char *pbi_home_of(pbi_subcategory s);
/* A 三级 indicator that sets a target: a name (where the table has a 三级
 * column) and a value. */
bool pbi_sets_target(const pb_indicator *ind);
/* An indicator row with a 三级 name. */
bool pbi_named(const pb_indicator *ind);
/* What a message names before the 三级: its 二级, or in a two-level table
 * (no 二级) its 一级, so that no message starts 「/救助对象…」. */
const char *pbi_group_of(const pb_indicator *ind);
/* Under a 成本 一级 or 二级. */
bool pbi_is_cost(const pb_indicator *ind);
/* Not 社会成本 or 生态环境成本: the project's own spending. */
bool pbi_is_spending_cost(const pb_indicator *ind);
/* The years 起止时间 spans (2023-2025: 3); 1 when it names none. */
int pbi_project_years(const pb_project *p);

/* ---- the lexicons (lexicon.c): n3 is a 三级 name as pbi_norm() gives it */
/* Harmful events (差错, 事故, 投诉 …), not what was done about them: 反向. */
/* What a spreadsheet's error value in a cell (「#NAME?」, 「#REF!」 …) means,
 * or NULL when raw is none. */
const char *pbi_spreadsheet_error(const char *raw);
bool pbi_is_harmful_name(const char *n3);
/* Savings or growth (节约, 增长 …): positive even as a cost. */
bool pbi_is_positive_name(const char *n3);
/* A share of a whole (合格率, 覆盖率, 满意度, 占比 …): at most 100 %. */
bool pbi_is_bounded_share(const char *n3);
/* A rate or share by name (…率, …度, 比例 …): a percentage suits it. */
bool pbi_is_rate_name(const char *n3);
bool pbi_is_time_unit(const char *unit);
/* "%" and the systems' unit word 「百分比」. */
bool pbi_is_percent_unit(const char *unit);
/* A money unit: 元, 万元, 元/人 … */
bool pbi_is_money_unit(const char *unit);
/* Words of an economic / an ecological effect, for PB322. */
bool pbi_is_economic_name(const char *n3);
bool pbi_is_ecological_name(const char *n3);
/* Words of a social effect (公共服务, 群众, 稳定 …): where a misplaced
 * 经济效益 / 生态效益 row belongs. */
bool pbi_is_social_name(const char *n3);

/* ---- the rule families, each over one project or the whole document */
void pbi_check_schedule(pbi_checker *k, const pb_project *p);   /* PB1, schedule.c */
void pbi_check_money(pbi_checker *k, const pb_project *p);      /* PB201, PB203, PB205, PB206, money.c */
void pbi_check_cost(pbi_checker *k, const pb_project *p, const pb_indicator *ind); /* PB202, PB204 */
/* A 成本指标 the template asks to give the total (项目总成本): the whole
 * budget is its right value (PB204, PB209). */
bool pbi_cost_names_total(const pb_indicator *ind);
/* The power of ten of an amount's unit under 成本: 元 0, 千元 3, 万元 and its
 * shorthand 万 4, 亿元 and 亿 8; -1 for any other unit (money.c). */
int pbi_money_exp(const char *unit);
void pbi_check_indicator(pbi_checker *k, const pb_project *p, const pb_indicator *ind); /* PB3, values.c */
void pbi_check_kinds(pbi_checker *k, const pb_project *p, const pb_indicator *ind, const char *n3); /* PB317-PB321 */
/* 效益 targets that are only words of degree (显著改善, 是): once per project (PB324, kinds.c). */
void pbi_check_effects(pbi_checker *k, const pb_project *p);
/* A 三级 that only repeats its 二级 (PB316, targets.c). */
bool pbi_name_is_category(const pb_indicator *ind);
/* A 数量指标 whose value is a percentage or qualitative (PB319). */
bool pbi_quantity_not_count(const pbi_checker *k, const pb_indicator *ind);
void pbi_check_basis(pbi_checker *k, const pb_project *p, const pb_indicator *ind); /* PB313, wording.c */
void pbi_check_wording(pbi_checker *k, const pb_project *p); /* PB310, PB311, PB314, PB316, PB322 per table */
/* The row's 三级 is one of the configured boilerplate names (PB311). */
bool pbi_is_vague(const pbi_checker *k, const pb_indicator *ind, const char *n3);
void pbi_check_complete(pbi_checker *k, const pb_project *p);   /* PB402, structure.c */
void pbi_check_framework(pbi_checker *k, const pb_project *p);  /* PB403-PB407 */
void pbi_check_targets(pbi_checker *k, const pb_project *p);    /* PB207-PB209, PB315, PB325, PB326, targets.c */
/* The one 数量指标 of a one-year project whose 成本指标 price no unit: PB209
 * divides the budget by it (and takes PB204's cell over); NULL otherwise. */
const pb_indicator *pbi_implied_cost_quantity(const pbi_checker *k, const pb_project *p);
/* PB312 (identity.c): the indicators of each project in turn, then the finding. */
void pbi_copied_add(pbi_checker *k, const pb_project *p);
void pbi_check_copied(pbi_checker *k);
void pbi_check_identity(pbi_checker *k);                        /* PB501-PB503, on k->views */
void pbi_check_title(pbi_checker *k, const pb_project *p);      /* PB504 */
void pbi_check_summary(pbi_checker *k);                         /* PB505, on k->views */

/* ---- template placeholders (placeholder.c): PB323, and the copies the other checks read */
/* s holds a placeholder: «**», «＊＊», «XX», «××» (two or more fill characters). */
bool pbi_placeholder_in(const char *s);
/* The indicator's 指标值 is (or holds) a placeholder: its value is PB323's, not the value rules'. */
bool pbi_placeholder_value(const pb_indicator *ind);
/* PB323, once per project; whether p holds a placeholder */
bool pbi_check_placeholders(pbi_checker *k, const pb_project *p);
/* The project as the other rules read it: p itself, or, when it holds a
 * placeholder, a copy (in k->scratch) whose names, goals and 三级 have it
 * cut out (a parenthesised note «(≥**%)» whole); NULL when out of memory. */
const pb_project *pbi_placeholders_cut(pbi_checker *k, const pb_project *p);

#pragma GCC visibility pop

#endif
