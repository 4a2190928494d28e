/* The extractor's state, shared by its parts: the driver (extract.c), the
 * projects and their amounts (project.c), the key/value part (keyvalue.c)
 * and the indicator part (indicators.c). */
#ifndef PB_EXTRACT_EXTRACTOR_H
#define PB_EXTRACT_EXTRACTOR_H

#include "extract/extract.h"
#include "extract/labels.h"

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

#define MAX_SLOTS 64
#define MAX_CHECKPOINTS 16
#define MAX_FUND_COLS 16

typedef struct slot {
    const pb_cell *cell;
    char label[LABEL_MAX]; /* pbi_label_fold() of the text */
    signed char kind[2];   /* pbi_label_of(label, funds) by funds, -1 until asked */
} slot;

typedef enum { SCHED_NONE, SCHED_LABELS_NEXT, SCHED_VALUES_NEXT } sched_state;

/* The text of a table nested in a cell (its rows' lines), met before the
 * table it is nested in: a cell whose lines are a table of their own. */
#define MAX_NESTED 8
typedef struct nested_text {
    int table, row, col; /* the cell it sits in */
    const char *text;
} nested_text;

#define RC_ROWS 64    /* rows the look-ahead keeps folded */
#define RC_SLOTS 2048 /* and their slots at most (272 bytes each) */

struct pb_extractor {
    pb_document *doc;
    const pb_options *opt;
    pbi_lexicon lex;
    /* a: what a project points to — the document's arena, or, when the
     * projects are streamed, one reset after each project is done; sa:
     * the document's arena, for what outlives the project being read
     * (state carried to the next row, table or project) */
    pb_arena *a, *sa;
    pbi_project_done done;
    void *done_ctx;
    size_t project_cap, department_cap, table_cap, summary_cap, skipped_cap;
    pb_project *cur;
    /* cur's indicators and fund parts while it is read: grown here (malloc)
     * and copied to the arena at their final size when cur is closed, so
     * that the arena keeps no outgrown arrays (an indicator is 504 bytes) */
    pb_indicator *ind_buf;
    pb_fund *fund_buf;
    size_t ind_buf_cap, fund_buf_cap;
    /* the rows [rc_from, rc_from + rc_count) of the table being read, as
     * the look-ahead for a self-evaluation table folded them, so that the
     * rows are not folded twice; rc_slots (malloc'd, RC_SLOTS) may be NULL */
    slot *rc_slots;
    int rc_from, rc_count;
    int rc_start[RC_ROWS + 1];
    /* indicator part */
    bool ind_mode;
    int ind_col[COL_COUNT];
    int term_col; /* a column naming the block (长期绩效指标 merged down), or -1 */
    int long_col[COL_COUNT]; /* the 长期 columns beside the year's (paired groups) */
    char value_unit[16]; /* the unit the 指标值 head notes ("指标值(%)"), or "" */
    /* a list export: the project's own columns in the indicator header */
    bool list_mode;
    int list_col[4]; /* LIST_NAME, LIST_TOTAL, LIST_GOALS, LIST_CODE */
    pb_money_unit list_unit;
    pb_field list_unit_text;
    bool paired;
    int grade_span; /* 优 良 中 差 under the value head, else 0 */
    const char *long_carry_l2;
    pb_loc long_carry_l2_loc;
    pb_term block_term, pending_term;
    bool has_pending_term;
    unsigned terms_seen; /* blocks of cur, one bit per pb_term */
    const char *carry_l1, *carry_l2;
    pb_loc carry_l1_loc, carry_l2_loc;
    /* a schedule header waiting for its labels or values row */
    sched_state sched;
    int sched_table, sched_row;
    int sched_cols[MAX_CHECKPOINTS];
    const char *sched_labels[MAX_CHECKPOINTS];
    int sched_n;
    /* a row of fund labels waiting for its values row */
    int fund_table, fund_row, fund_n;
    /* the last row of 资金总额及构成 or of 年度目标 (its label's or a line
     * beside it), for a next line whose label cell is left blank instead of
     * merged down; lines_kind: which of the two */
    int lines_table, lines_row, lines_col;
    label_kind lines_kind;
    int fund_cols[MAX_FUND_COLS];
    label_kind fund_kinds[MAX_FUND_COLS];
    const char *fund_labels[MAX_FUND_COLS];
    /* titles and units met before their project; the pending title is
     * copied into title_buf, not the arena, where one copy per paragraph
     * would pile up (a document of short paragraphs) */
    const char *title;
    char title_buf[LABEL_MAX];
    pb_loc title_loc;
    pb_money_unit para_unit;
    bool in_summary;
    int last_table;
    /* the parent (-1: none) of cur's last table: the indicator part continues
     * only into the next table at the same level */
    int cur_parent;
    pb_money_unit pend_unit;
    pb_field pend_unit_text;
    const char *pend_org;
    pb_loc pend_org_loc;
    uint64_t keys; /* KEY_FIELD / KEY_COLUMN bits met in cur's tables */
    /* 单位名称 / 单位编码 of cur: its name and code if it is a 单位整体 table */
    pb_field unit_name, unit_code;
    bool total_year; /* cur->total was given by a year's label (当年资金总额) */
    /* a row of goal labels (中期目标 | 年度目标) waiting for its texts below */
    int goal_table, goal_row, goal_n;
    int long_goals_first; /* a row of goal labels put 中期目标 before 年度目标: 1, after: 0, none seen: -1 */
    int goal_cols[4];
    label_kind goal_kinds[4];
    /* a row of field labels (项目名称 | 主管部门 | 实施单位) waiting for its values below */
    int field_table, field_row, field_n;
    int field_cols[MAX_FUND_COLS];
    label_kind field_kinds[MAX_FUND_COLS];
    /* the last MAX_NESTED nested tables, a ring */
    nested_text nested[MAX_NESTED];
    unsigned nested_n;
};

static inline pb_loc pbi_cell_loc(const pb_table *t, const pb_cell *c)
{
    return (pb_loc){t->index, c->row, c->col, -1};
}

/* ---- the driver (extract.c) */
label_kind pbi_slot_kind(const pb_extractor *x, slot *s, bool funds);
int pbi_non_blank_slots(const slot *s, int n, int *only);

/* ---- projects (project.c) */
const char *pbi_keep(pb_extractor *x, const char *s);
void pbi_set_title(pb_extractor *x, const char *s, pb_loc loc);
bool pbi_new_project(pb_extractor *x, const pb_table *t, pb_loc loc);
/* Names cur's template family from the keys met (before the next project). */
bool pbi_close_project(pb_extractor *x);
/* Room for one more indicator / fund part of cur (in ind_buf / fund_buf). */
bool pbi_grow_indicators(pb_extractor *x);
bool pbi_grow_funds(pb_extractor *x);
bool pbi_set_field(pb_extractor *x, pb_field *f, const pb_table *t, const pb_cell *c);
bool pbi_set_amount(pb_extractor *x, pb_amount *m, const pb_table *t, const pb_cell *c);
bool pbi_add_fund(pb_extractor *x, const char *label, bool fiscal, const pb_table *t, const pb_cell *c);
bool pbi_add_fund_raw(pb_extractor *x, const char *label, bool fiscal, const char *raw, pb_loc loc);
bool pbi_set_amount_raw(pb_extractor *x, pb_amount *m, const char *raw, pb_loc loc);
/* The total under an amount label: the year's in total, the whole
 * project's in long_total (当年资金总额 beside 资金总额). */
bool pbi_set_total(pb_extractor *x, const char *label, const char *raw, pb_loc loc);

/* ---- amounts written inside a text (amounts.c) */
/* «总额10606.7522万元», «年度资金总额:16 其中:上级资金16»: each label and
 * amount of the text as the project's total or a part of its funds. */
bool pbi_amounts_in_text(pb_extractor *x, const char *text, pb_loc loc);
bool pbi_split_lines(pb_extractor *x, const char *s, const char ***lines, size_t *count);
/* The goals of a text: its lines, and the items of a numbered line
 * («1.…；2.…；3.…» is three goals). */
bool pbi_split_goals(pb_extractor *x, const char *s, const char ***lines, size_t *count);
/* Keeps the lines of a nested table t for the cell it sits in. */
bool pbi_note_nested(pb_extractor *x, const pb_table *t);
/* 绩效目标 (or 中期目标) from cell c, and its lines: the lines of a table
 * nested in c when c's own text is blank. */
bool pbi_set_goals(pb_extractor *x, pb_field *f, const char ***lines, size_t *count, const pb_table *t,
                   const pb_cell *c);

/* ---- the key/value part (keyvalue.c) */
/* The row under a schedule or fund header, when it is one: *done. */
bool pbi_pending_values_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *done);
bool pbi_key_value_row(pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool *used);

/* ---- the indicator part (indicators.c) */
/* An indicator header row (一级指标 | 二级指标 | … | 指标值): *done. */
bool pbi_indicator_header_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *done);
/* Whether row r's slots are a complete indicator header (nothing is begun). */
bool pbi_is_indicator_header(const pb_extractor *x, const pb_table *t, int r, slot *s, int n);
bool pbi_section_row(const pb_extractor *x, const pb_table *t, int row);
bool pbi_indicator_row(pb_extractor *x, const pb_table *t, int row);

#pragma GCC visibility pop

#endif
