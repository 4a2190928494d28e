/* Layout fixtures: one description of a document (paragraphs and tables)
 * written either as a .docx or as a .xlsx, so every layout is tested in
 * both formats from the same text.
 *
 * A table is a grid in a small text language:
 *   rows are separated by '\n', cells by '|';
 *   "<"      the cell belongs to the cell on its left (a horizontal merge);
 *   "^"      the cell belongs to the cell above (a vertical merge);
 *   "@"      at the start of a row: a header row repeated at a page break
 *            (w:tblHeader; a .xlsx has no such flag and writes a plain row);
 *   "\\n"    (backslash, n) inside a cell: a line break;
 *   "shown{number;format}"  .docx shows "shown", .xlsx stores number as a
 *            number with the format: a format code ("0%", "0.00") or a
 *            built-in format id in digits; empty for General.
 * In a .xlsx, a paragraph is a row of its own (its text in column A; an
 * empty paragraph is an empty row) and a table's rows follow it. */
#ifndef PB_FIXTURE_LAYOUTS_H
#define PB_FIXTURE_LAYOUTS_H

#include "pbcheck/pbcheck.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum fl_format { FL_DOCX, FL_XLSX, FL_XLSX_INLINE } fl_format;

typedef struct fl_block {
    char *para;  /* a paragraph, or NULL */
    char *grid;  /* a table, or NULL */
    char *sheet; /* .xlsx: a new worksheet named so starts here */
} fl_block;

typedef struct fl_doc {
    fl_block *blocks;
    size_t count, cap;
} fl_doc;

void fl_para(fl_doc *d, const char *text);
void fl_grid(fl_doc *d, const char *grid);
void fl_gridf(fl_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fl_sheet(fl_doc *d, const char *name);
void fl_doc_free(fl_doc *d);

/* The package in memory (malloc'd). */
void *fl_docx(const fl_doc *d, size_t *len);
void *fl_xlsx(const fl_doc *d, bool inline_strings, size_t *len);
void *fl_write(const fl_doc *d, fl_format f, size_t *len);
/* Written and read back (never NULL; the read must succeed). */
pb_document *fl_read(const fl_doc *d, fl_format f, const pb_options *o);
const char *fl_format_name(fl_format f);

/* ---- the layouts */

typedef enum fl_layout {
    FL_REFERENCE,       /* key/value table, then the indicator table */
    FL_REFERENCE_ONE,   /* both parts in one table */
    FL_REFERENCE_SPLIT, /* the indicator table split at a page break, header repeated */
    FL_REFERENCE_SPLIT_NOFLAG, /* split, the header repeated without w:tblHeader */
    FL_DECLARATION,     /* 项目支出绩效目标申报表: funds side by side, 长期/年度 blocks */
    FL_DECLARATION_VERTICAL, /* funds one per row, blocks named on rows of their own */
    FL_VENDOR,          /* 计算符号 codes 1-6, 计量单位, 权重, 扣分标准; amounts in 元 */
    FL_HUNAN,           /* 指标值类型, *指标值, 计量单位, *指标解释, *评(扣)分标准, 备注 */
    FL_CENTRAL,         /* 101号: 指标性质, 度量单位, 成本指标 as 一级, 预算数（万元） */
    FL_LAYOUT_COUNT
} fl_layout;

const char *fl_layout_name(fl_layout l);

/* One project's values as written; NULL takes a clean default.  Indicator
 * values are written whole ("≤1年"); layouts with separate comparator and
 * unit columns split them. */
typedef struct fl_project {
    const char *title;
    const char *code, *name;
    const char *total, *fiscal;
    const char *other[3]; /* 其他资金, or 自有资金 / 事业收入 / 其他 */
    const char *sched[4];
    const char *time_value; /* 时效指标/完成时间 */
    const char *cost_value; /* 成本指标/资金成本 */
} fl_project;

/* The clean defaults: 120 = 100 + 20 (申报表: 100 + 10 + 5 + 5), schedule
 * 25/50/75/100, 完成时间 ≤12个月, 资金成本 ≤100万元. */
extern const fl_project fl_clean;

/* Appends the projects in the layout (a .xlsx puts them on one sheet,
 * or one sheet each with sheet_each). */
void fl_layout_doc(fl_doc *d, fl_layout l, const fl_project *p, size_t n, bool sheet_each);

/* ---- variants of other offices (issue 14), each one fixed document: the
 * project(s) it holds are listed with the variant in test_layouts.c */
typedef enum fl_variant {
    FLV_L1_EVERY_ROW,  /* 一级 and 二级 written again on every row, nothing merged */
    FLV_EFFECT,        /* 效果指标 for 效益指标, 满意度 a 二级 under it, 一级 merged down */
    FLV_DIRECTION,     /* 计算符号 | 指标值 | 计量单位 | 指标方向 (正向 / 反向) */
    FLV_STAR_LABELS,   /* 「＊项目（专项）名称」: a 「＊」 and full-width brackets on every label */
    FLV_LIST_SUBTOTAL, /* an 一体化 list export: a unit's subtotal row, two projects, a 合计 row */
    FLV_LABEL_INSIDE,  /* 「项目名称：…」, 「资金总额：20万元」: label and value in one cell */
    FLV_TWO_ROW_HEAD,  /* 「绩效指标」 over 一级 | 二级 | 三级, 「指标值（%）」 merged down: bare numbers in % */
    FLV_LIST_UNMERGED, /* a list export leaving the project's cells blank on its further rows; a 「小计」 row */
    FLV_LIST_REPEATED, /* a flat list export writing the project's cells again on each of its rows */
    FLV_FUNDS_BLANK,   /* 资金总额及构成 with its label cell left blank on the lines of amounts below */
    FLV_LIST_TWO_ROW_HEAD, /* a list export whose 项目名称 | 预算数 | 年度目标 are merged down beside 「绩效指标」 over 一级 | … */
    FLV_LIST_SPLIT,    /* a list export split in two tables at a page break, its header repeated; the unit line above the first */
    FLV_FUNDS_PAIRS,   /* 资金总额及构成 merged down over lines of label | amount, a bare 「其他」 among them */
    FLV_TOTAL_MERGED,  /* 资金总额 merged down beside 年度资金总额 | 其中：财政拨款 | 其他资金 (left blank) */
    FLV_FUND_ITEMS,    /* 资金情况 merged down over 「其中：1.中央资金」 | 「2.市级资金」 …: the parts numbered as a list */
    FLV_FUNDS_TWO_TERMS, /* 资金总额 | … | 当年资金总额 | … side by side under 项目资金, 其他资金 and 当年其他资金 left blank */
    FLV_GOAL_ROWS,     /* 年度目标 merged down over one goal a row; 中期目标 with its label cell left blank below */
    FLV_LIST_SAME_NAME, /* a list export merging each project's cells down: two units' projects of one name, amount and goals */
    FLV_VALUE_BLANK,   /* 主管部门 left blank beside 项目类型, a label the lexicon does not hold (a worksheet leaves the cell out) */
    FLV_SCORE_COLUMN,  /* 一级 | 二级 | 三级 | 指标值 | 分值: each indicator's 分值 (weight), no self-evaluation */
    FLV_FIELDS_BELOW,  /* 项目名称 | 主管部门 | 实施单位 side by side, their values in the row below */
    FLV_FUND_SOURCES,  /* the funds by source: 中央补助 | 县级配套 | 自筹 */
    FLV_NAME_UNIT,     /* 「救助人数（人）」 | 「500」: the unit noted in the 三级 name, no unit column */
    FLV_FUNDS_PARENS,  /* «年度资金总额16（其中：中央资金10，省级资金6）»: the total's parts in parentheses */
    FLV_FUNDS_COMMAS,  /* «年度资金总额：16，其中：财政拨款10，其他资金6»: commas between the amounts */
    FLV_LEVEL1_BANDS,  /* 「产出指标」 across the whole row over its 二级 rows, the 一级 column left blank */
    FLV_ONE_UNIT_LINE, /* one 「单位：万元」 line above two projects' tables (in a worksheet: a row of its own) */
    FLV_APPLIED_AMOUNT, /* 项目资金 merged down over 申报金额 | 其中：财政拨款 | 其他资金 */
    FLV_PROJECT_GOALS, /* 「项目绩效目标」 as the label of the year's goals */
    FLV_NUMBERED_LABELS, /* «1.项目名称», «一、主管部门», «（一）资金总额»: the field labels numbered as a list */
    FLV_NUMBERED_GOALS, /* «1.…；2.…；3.…»: the year's goals numbered in one paragraph */
    FLV_TRANSFER_REGION, /* 中央对地方转移支付区域绩效目标表: 转移支付名称, 中央 / 地方主管部门, 年度金额 / 中央补助 / 地方资金 */
    FL_VARIANT_COUNT
} fl_variant;

const char *fl_variant_name(fl_variant v);
void fl_variant_doc(fl_doc *d, fl_variant v);

/* The six indicators every layout writes, in order. */
#define FL_INDICATORS 6
extern const char *const fl_indicator_l3[FL_INDICATORS];

#endif
