/* The label lexicon: which field each label names, and the template
 * families, as data (labels.c).  The extractor and `pbcheck tables` (by way
 * of pb_table_recognize) both ask here, so that a label has one home. */
#ifndef PB_EXTRACT_LABELS_H
#define PB_EXTRACT_LABELS_H

#include "util/util.h"

#include <stdint.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

#define LABEL_MAX 256

/* Fields of the key/value part. */
typedef enum {
    L_NONE, L_CODE, L_NAME, L_TOTAL, L_FISCAL, L_OTHER, L_GOALS, L_LONG_GOALS, L_SCHEDULE,
    L_PURPOSE, L_BUDGET_GROUP, L_FUNDS_GROUP, L_ATTRIBUTE, L_DEPARTMENT, L_IMPLEMENTER,
    L_MANAGER, L_PHONE, L_PERIOD,
    L_FUNDS_TEXT, /* 资金情况 / 资金总额及构成: the amounts written inside the text beside it */
    L_DEPT_NAME, L_DEPT_CODE, /* 部门名称, 部门编码: a 部门整体 table */
    L_UNIT_NAME, L_UNIT_CODE, /* 单位名称, 单位编码: a 单位整体 table, or a project's unit (pbi_whole_unit_keys) */
    L_LIST, /* no label: project columns in the indicator header (a list export) */
    L_KIND_COUNT
} label_kind;

/* Columns of the indicator part. */
typedef enum {
    COL_L1, COL_L2, COL_L3, COL_DESC, COL_VALUE, COL_BASIS, COL_UNIT, COL_TYPE, COL_OP,
    COL_EXPLAIN, COL_SCORING, COL_REMARK, COL_WEIGHT, COL_DIRECTION, COL_COUNT
} ind_col;

/* A cell's text as labels are compared: normalised (full width folded, white
 * space dropped), without a leading '*' (a required column) or a trailing
 * colon ("项目名称："); "" when longer than any label. */
void pbi_label_fold(const char *text, char *out, size_t cap);
/* "预算数(万元)" → "预算数": a short parenthesised note at the end dropped. */
void pbi_label_base(const char *s, char *out, size_t cap);
bool pbi_label_has_suffix(const char *s, const char *suffix);
/* The unit a column head notes at its end ("指标值(%)" → "%", "目标值(万元)"
 * → "万元"); false for a block qualifier ("(年度)") or none. */
bool pbi_label_unit_note(const char *label, char *out, size_t cap);

/* The exact labels and the indicator column heads hashed by their text,
 * for an extractor (or pb_table_recognize) to build once and ask for every
 * cell: scanned entry by entry, the lists were the extractor's largest
 * cost.  Slots hold an entry's index + 1, 0 when empty. */
#define PBI_LEXICON_EXACT_SLOTS 512
#define PBI_LEXICON_COLUMN_SLOTS 128
typedef struct pbi_lexicon {
    uint16_t exact[PBI_LEXICON_EXACT_SLOTS];
    uint16_t column[PBI_LEXICON_COLUMN_SLOTS];
} pbi_lexicon;
void pbi_lexicon_init(pbi_lexicon *lx);
/* The entries of the lists the look-ups do not find as a scan from the
 * top would (for test_unit: 0). */
size_t pbi_lexicon_misses(const pbi_lexicon *lx);

/* The field a folded label names; `funds` beside other fund labels, where
 * 其他 and 合计 mean parts of the funds. */
label_kind pbi_label_of(const pbi_lexicon *lx, const char *label, bool funds);
/* The end of a list number at the start of s ("1.", "2、", "(3)", "一、",
 * "(二)"), or s when there is none. */
const char *pbi_after_list_number(const char *s);
/* «1.项目名称», «一、主管部门», «(一)资金总额»: a field label numbered as an
 * item of a list; its kind and *rest the label after the number, else
 * L_NONE.  Asked only where the cell is no label's value: beside 年度目标,
 * «1.年度目标» is the goal. */
label_kind pbi_numbered_label(const pbi_lexicon *lx, const char *label, bool funds, const char **rest);
/* A part of the funds written as an item of a list («其中:1.中央资金»,
 * «2.市级资金», «其中:自有资金»): its amount kind, else L_NONE. */
label_kind pbi_fund_item_label(const pbi_lexicon *lx, const char *label);
/* The longest exact label and column head, in bytes, and the bounds the
 * look-ups assume (for test_unit: the first two must not pass the others). */
void pbi_label_longest(size_t *exact, size_t *column, size_t *exact_max, size_t *column_max);
/* A label and its value in one cell («项目名称：某项目»): the field, its
 * folded label in head and *rest the value's text; L_NONE when the cell is
 * no such pair. */
label_kind pbi_label_inside(const pbi_lexicon *lx, const char *text, bool funds, char *head, size_t cap, const char **rest);
/* An amount label naming the year's amount ("当年资金总额", "其中:当年财政拨款",
 * "年度资金总额"), not the whole project's. */
bool pbi_label_is_year(const char *label);
/* The indicator column a folded label heads, or -1. */
int pbi_indicator_column(const pbi_lexicon *lx, const char *label);
/* Whether a folded label may head the value column, alone, qualified
 * by its block or with a note: each such head holds a mark of every value
 * head, and a label without one is looked up no further. */
bool pbi_may_head_values(const char *label);
/* The value heads of the lexicon that hold no such mark (for test_unit: 0). */
size_t pbi_value_heads_unmarked(void);
/* A head that names a column only where no other head names it, or -1. */
int pbi_indicator_column_weak(const char *label);
/* The same for a head qualified by its block ("二级指标(长期)",
 * "指标值(年度)"): the column, and *term set; -1 when unqualified. */
int pbi_indicator_column_term(const pbi_lexicon *lx, const char *label, pb_term *term);
/* The unit a label or unit line names ("单位：万元", "预算数(万元)"). */
pb_money_unit pbi_unit_in(const char *label);
/* "长期绩效指标", "中期指标", "年度绩效指标": the name of an indicator block. */
bool pbi_term_marker(const char *label, pb_term *term);
/* Column heads and titles found only in self-evaluation tables. */
bool pbi_self_evaluation_label(const char *label);
bool pbi_self_evaluation_title(const char *s);
/* The comparator a 计算符号 / 指标性质 cell names, or NULL; *qualitative
 * for 定性 (code 6). */
const char *pbi_comparator_symbol(const char *raw, bool *qualitative);
/* A 一级 cell that names an indicator category (产出…, 效益…, 满意…). */
bool pbi_looks_like_level1(const char *s);

/* ---- keys: the fields and indicator columns a table is recognised by, one
 * bit each in a mask (KEY_FIELD(L_NAME), KEY_COLUMN(COL_VALUE)) */
#define KEY_FIELD(k) ((uint64_t)1 << (k))
#define KEY_COLUMN(c) ((uint64_t)1 << (L_KIND_COUNT + (c)))
/* True when some label of the key's field appears inside text (a longer
 * cell text, "项目名称：xxx"). */
bool pbi_key_inside(const char *text, int key);
/* The name the lexicon reports a key by ("项目名称", "指标值"). */
const char *pbi_key_name(int key);
#define KEY_COUNT (L_KIND_COUNT + COL_COUNT)

/* ---- template families (families.c) */
typedef struct family {
    pb_template t;     /* its id, name and the fields (PB_TF_*) it has */
    uint64_t all;      /* keys the family's tables all have */
    uint64_t any;      /* and at least one of these (0: none asked) */
    uint64_t requires; /* keys a complete table of the family has */
} family;
/* The keys of a 单位整体 table (单位名称 / 单位编码 under a 单位整体 title, or
 * with no 项目名称) with those of a 部门整体 one added; other keys as found:
 * in a project table 单位名称 names the project's unit. */
uint64_t pbi_whole_unit_keys(uint64_t keys, const char *title);
/* The family a set of keys found identifies, or NULL. */
const family *pbi_family_of(uint64_t keys);
/* The keys a project table needs at least: 项目编码 … 指标值, reported when a
 * table is recognised as no family. */
extern const uint64_t pbi_base_keys;

#pragma GCC visibility pop

#endif
