/* The indicator part of a target table: its header row (which column holds
 * 一级, 二级, 三级, the value …), its blocks (年度 / 长期) and its rows. */
#include "extract/extractor.h"
#include "model/model.h"

#include <string.h>

enum { LIST_NAME, LIST_TOTAL, LIST_GOALS, LIST_CODE, LIST_COLS };

typedef struct ind_header {
    int grade_span; /* columns of a 评价标准 head over 优 良 中 差, else 0 */
    int list_col[LIST_COLS]; /* project columns in the header (a list export), else -1 */
    int col[COL_COUNT];
    int long_col[COL_COUNT]; /* the 长期 group of paired column groups, else -1 */
    int term_col;
    int term; /* pb_term named in the header row, or -1 */
    char value_unit[16]; /* the unit the 指标值 head notes ("指标值(%)"), or "" */
} ind_header;

/* f's text when it is s (NULL: ""), else NULL. */
static const char *same_text(const pb_field *f, const char *s)
{
    return f->text && strcmp(f->text, s ? s : "") == 0 ? f->text : NULL;
}

/* A value and two levels: 一级 + 二级, 二级 + 三级, or 一级 + 三级 (the
 * two-level 转移支付 tables: 绩效指标分类 | 绩效指标). */
static bool complete(const int *col)
{
    int levels = (col[COL_L1] >= 0) + (col[COL_L2] >= 0) + (col[COL_L3] >= 0);
    return col[COL_VALUE] >= 0 && levels >= 2;
}

/* 项目名称, 预算数, 年度目标, 项目编码 heading columns of an indicator
 * header: the project's cells of a list export. */
static int list_column(const pb_extractor *x, slot *s)
{
    switch (pbi_slot_kind(x, s, false)) {
    case L_NAME: return LIST_NAME;
    case L_TOTAL: return LIST_TOTAL;
    case L_GOALS: return LIST_GOALS;
    case L_CODE: return LIST_CODE;
    default: return -1;
    }
}

/* 一级指标 | 二级指标(长期) | 三级指标(长期) | 指标值(长期) | 二级指标(年度) | …:
 * the columns of each block told apart by their heads; the unqualified
 * ones (一级) are shared. */
/* The block a column head above col names (中期 / 长期 / 实施期 or 年度 /
 * 本年度 / 当年 at its start, 「中期绩效指标」 or a bare 「中期」); -1: none. */
static int term_above(const pb_table *t, int r, int col)
{
    for (int up = r - 1; up >= 0 && up >= r - 2; up--) {
        const pb_cell *c = pb_table_at(t, up, col);
        if (!c || !c->text)
            continue;
        char l[LABEL_MAX];
        pbi_label_fold(c->text, l, sizeof l);
        if (strlen(l) > 24)
            continue;
        if (pbi_has_prefix(l, "长期") || pbi_has_prefix(l, "中期") || pbi_has_prefix(l, "实施期"))
            return PB_TERM_LONG;
        if (pbi_has_prefix(l, "年度") || pbi_has_prefix(l, "本年度") || pbi_has_prefix(l, "当年"))
            return PB_TERM_ANNUAL;
    }
    return -1;
}

/* 二级指标 | 三级指标 | 指标值 twice, heads that do not say which block they
 * are: the 中期 / 年度 heads above them tell, else the order of the goal
 * labels (中期目标 before 年度目标: the 中期 group first), else the 2015
 * template's order (中期 first). */
static void split_repeated(const pb_table *t, int r, int long_first, const int *dup, int *col, int *annual,
                           int *long_col)
{
    if (dup[COL_VALUE] < 0)
        return;
    int first = term_above(t, r, col[COL_VALUE]), second = term_above(t, r, dup[COL_VALUE]);
    if (first < 0)
        first = second >= 0 ? (second == PB_TERM_LONG ? PB_TERM_ANNUAL : PB_TERM_LONG)
                            : (long_first != 0 ? PB_TERM_LONG : PB_TERM_ANNUAL);
    for (int k = 0; k < COL_COUNT; k++) {
        if (dup[k] < 0)
            continue;
        int *a = first == PB_TERM_LONG ? long_col : annual, *b = first == PB_TERM_LONG ? annual : long_col;
        a[k] = col[k];
        b[k] = dup[k];
        col[k] = -1;
    }
}

static bool indicator_header(const pb_extractor *x, const pb_table *t, int r, slot *s, int n, ind_header *h)
{
    /* A header names a value column (complete()): most rows are looked at
     * no further. */
    bool values = false;
    for (int i = 0; i < n && !values; i++)
        values = pbi_may_head_values(s[i].label);
    if (!values)
        return false;
    int annual[COL_COUNT], dup[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++)
        h->col[k] = h->long_col[k] = annual[k] = dup[k] = -1;
    for (int k = 0; k < LIST_COLS; k++)
        h->list_col[k] = -1;
    h->grade_span = 0;
    h->term_col = -1;
    h->term = -1;
    h->value_unit[0] = '\0';
    for (int i = 0; i < n; i++) {
        pb_term term;
        int k = pbi_indicator_column_term(&x->lex, s[i].label, &term);
        if (k >= 0) {
            int *group = term == PB_TERM_LONG ? h->long_col : annual;
            if (group[k] < 0)
                group[k] = s[i].cell->col;
        } else if ((k = pbi_indicator_column(&x->lex, s[i].label)) >= 0) {
            if (h->col[k] < 0)
                h->col[k] = s[i].cell->col;
            else if (dup[k] < 0 && h->col[k] != s[i].cell->col)
                dup[k] = s[i].cell->col;
            if (k == COL_VALUE && s[i].cell->col_span == 4 && pbi_contains(s[i].label, "评价标准"))
                h->grade_span = 4;
            if (k == COL_VALUE && h->col[k] == s[i].cell->col &&
                !pbi_label_unit_note(s[i].label, h->value_unit, sizeof h->value_unit))
                h->value_unit[0] = '\0';
        } else if ((k = list_column(x, &s[i])) >= 0) {
            if (h->list_col[k] < 0)
                h->list_col[k] = s[i].cell->col;
        } else if (h->term < 0 && pbi_term_marker(s[i].label, &term)) {
            h->term = (int)term;
            h->term_col = s[i].cell->col;
        }
    }
    for (int i = 0; i < n; i++) {
        int k = pbi_indicator_column_weak(s[i].label);
        if (k >= 0 && h->col[k] < 0 && annual[k] < 0 && h->long_col[k] < 0)
            h->col[k] = s[i].cell->col;
    }
    bool any_long = false, any_annual = false;
    for (int k = 0; k < COL_COUNT; k++) {
        any_long = any_long || h->long_col[k] >= 0;
        any_annual = any_annual || annual[k] >= 0;
    }
    if (!any_long && !any_annual && h->grade_span == 0) {
        split_repeated(t, r, x->long_goals_first, dup, h->col, annual, h->long_col);
        for (int k = 0; k < COL_COUNT; k++) {
            any_long = any_long || h->long_col[k] >= 0;
            any_annual = any_annual || annual[k] >= 0;
        }
    }
    if (any_annual || any_long) {
        /* the year's columns read as the block's, the long ones beside */
        int *main = any_annual ? annual : h->long_col;
        for (int k = 0; k < COL_COUNT; k++) {
            if (main[k] < 0)
                main[k] = h->col[k];
            if (any_annual && any_long && h->long_col[k] < 0)
                h->long_col[k] = h->col[k];
        }
        memcpy(h->col, main, sizeof h->col);
        if (!any_annual)
            h->term = PB_TERM_LONG;
        if (!(any_annual && any_long))
            for (int k = 0; k < COL_COUNT; k++)
                h->long_col[k] = -1;
    }
    if (!complete(h->long_col))
        for (int k = 0; k < COL_COUNT; k++)
            h->long_col[k] = -1;
    /* 指标类型 | 指标名称 | 指标值 (Zhejiang's 项目库): the type is the 一级 and
     * the name its 二级, with no 三级 column */
    if (h->col[COL_L1] < 0 && h->col[COL_L2] < 0 && h->col[COL_TYPE] >= 0 && h->col[COL_L3] >= 0 &&
        h->col[COL_VALUE] >= 0) {
        h->col[COL_L1] = h->col[COL_TYPE];
        h->col[COL_L2] = h->col[COL_L3];
        h->col[COL_TYPE] = h->col[COL_L3] = -1;
    }
    return complete(h->col);
}

static bool begin_block(pb_extractor *x, const pb_table *t, int r, const slot *s, const ind_header *h)
{
    pb_term term = h->term >= 0 ? (pb_term)h->term : x->has_pending_term ? x->pending_term : PB_TERM_ANNUAL;
    x->has_pending_term = false;
    /* The header row repeated where Word or a page break split the table. */
    bool repeated = x->cur && x->cur->has_indicator_table && x->ind_mode && term == x->block_term &&
                    (t->rows[r].header || memcmp(h->col, x->ind_col, sizeof h->col) == 0);
    memcpy(x->ind_col, h->col, sizeof h->col);
    memcpy(x->long_col, h->long_col, sizeof h->long_col);
    memcpy(x->value_unit, h->value_unit, sizeof x->value_unit);
    bool was_list = x->list_mode;
    x->list_mode = h->list_col[LIST_NAME] >= 0;
    if (x->list_mode) {
        /* the projects start with their rows; the header repeated after a
         * page break goes on under the unit line above it */
        if (!(repeated && was_list && memcmp(x->list_col, h->list_col, sizeof x->list_col) == 0))
            x->list_unit = PB_UNIT_UNKNOWN;
        memcpy(x->list_col, h->list_col, sizeof x->list_col);
        x->block_term = term;
        x->ind_mode = true;
        x->paired = false;
        return true;
    }
    x->paired = h->long_col[COL_VALUE] >= 0;
    x->grade_span = h->grade_span;
    x->term_col = h->term_col;
    if (repeated)
        return true;
    if (!x->cur || (x->cur->has_indicator_table && (x->terms_seen & (1u << term)))) {
        if (!pbi_new_project(x, t, pbi_cell_loc(t, s[0].cell)))
            return false;
    }
    x->cur->has_indicator_table = true;
    for (int k = 0; k < COL_COUNT; k++)
        if (h->col[k] >= 0)
            x->keys |= KEY_COLUMN(k);
    x->terms_seen |= 1u << term;
    x->block_term = term;
    x->ind_mode = true;
    x->carry_l1 = x->carry_l2 = x->long_carry_l2 = NULL;
    return true;
}

static const pb_cell *at_col(const pb_table *t, int row, int col)
{
    return col < 0 ? NULL : pb_table_at(t, row, col);
}

static bool blank_here(const pb_cell *c, int row)
{
    return !c || c->row != row || pbi_is_blank(c->text);
}

/* 指标值 with its comparator and unit in cells of their own: "≥" "95" "%"
 * read as "≥95%".  A value that carries its own comparator or unit keeps
 * it; qualitative values (定性, code 6) are read as written. */
static bool indicator_value(pb_extractor *x, pb_indicator *ind)
{
    if (!pb_value_parse(x->a, ind->value_cell.text, &ind->value))
        return false;
    if (ind->value.kind != PB_VALUE_NUMBER)
        return true;
    bool qualitative;
    /* 计算符号 first; a direction (正向 ≥, 反向 ≤) only where there is none */
    const char *op = pbi_comparator_symbol(ind->comparator.text, &qualitative);
    if (!op && !qualitative)
        op = pbi_comparator_symbol(ind->direction.text, &qualitative);
    if (qualitative || (ind->value_type.text && pbi_contains(ind->value_type.text, "定性")))
        return true;
    /* a 「-」 unit means none */
    const char *unit = ind->unit_cell.text && !pbi_is_blank(ind->unit_cell.text) &&
                               strcmp(ind->unit_cell.text, "-") != 0 && strcmp(ind->unit_cell.text, "—") != 0
                           ? ind->unit_cell.text
                       : !ind->unit_cell.text && x->value_unit[0] ? x->value_unit /* 「指标值（%）」 */
                                                                  : NULL;
    /* 「安置小区数量(个)」 | 「8」: with no unit column, the name notes the unit */
    char name[LABEL_MAX], note[16];
    if (!unit && !ind->unit_cell.text && ind->level3.text) {
        pbi_label_fold(ind->level3.text, name, sizeof name);
        if (pbi_label_unit_note(name, note, sizeof note))
            unit = note;
    }
    bool add_op = op && ind->value.op == PB_OP_NONE;
    bool add_unit = unit && !*ind->value.unit;
    for (int attempt = 0; attempt < 2 && (add_op || add_unit); attempt++, add_unit = false) {
        char *v = pbi_normalize(x->a, ind->value_cell.text, false);
        char *u = add_unit ? pbi_normalize(x->a, unit, true) : NULL;
        if (!v || (add_unit && !u))
            return false;
        size_t len = strlen(v) + (u ? strlen(u) : 0) + 8;
        char *joined = pb_arena_alloc(x->a, len);
        if (!joined)
            return false;
        snprintf(joined, len, "%s%s%s", add_op ? op : "", v, u ? u : "");
        pb_value parsed;
        if (!pb_value_parse(x->a, joined, &parsed))
            return false;
        if (parsed.kind == PB_VALUE_NUMBER) {
            ind->value = parsed;
            return true;
        }
    }
    return true;
}


/* 「产出指标」, 「一、效益指标」: a short text (six characters at most, after
 * its list number) that names a 一级. */
static bool level1_name(const char *text)
{
    char l[LABEL_MAX];
    pbi_label_fold(text, l, sizeof l);
    const char *s = pbi_after_list_number(l);
    return strlen(s) <= 18 && pbi_category_of(s) != CAT_NONE;
}

/* 「产出指标」 in one cell across the name and value columns: the 一级 of
 * the rows below it (a band), which goes on the part; NULL when the row is
 * none. */
static const pb_cell *level1_band(const pb_extractor *x, const pb_table *t, int row)
{
    const pb_cell *name = at_col(t, row, x->ind_col[COL_L3] >= 0 ? x->ind_col[COL_L3] : x->ind_col[COL_L2]);
    const pb_cell *value = at_col(t, row, x->ind_col[COL_VALUE]);
    return name && name == value && name->row == row && level1_name(name->text) ? name : NULL;
}

/* 「指标1:…」, 「1.…」, 「(1)…」: a line numbered as an item of a list. */
static bool numbered_line(const char *s)
{
    if (pbi_has_prefix(s, "指标"))
        s += strlen("指标");
    else if (*s == '(')
        s++;
    return *s >= '0' && *s <= '9';
}

/* 「指标1:安置小区数量\n指标2:巡逻次数」 | 「8个\n≥365次」: indicators written
 * in one row a line each, the names numbered and as many values as names;
 * the last indicator read is then one per line.  Real tables write a few
 * so; a cell of thousands of numbered lines stays one row, so that the
 * indicators (504 bytes each) stay bounded by the table's rows. */
#define MAX_LINES_SPLIT 32
static bool split_lines(pb_extractor *x)
{
    pb_project *p = x->cur;
    pb_indicator *ind = &p->indicators[p->indicator_count - 1];
    const char **names, **values;
    size_t nn, nv;
    if (!ind->level3.text || !ind->value_cell.text || !strchr(ind->level3.text, '\n') ||
        !strchr(ind->value_cell.text, '\n'))
        return indicator_value(x, ind);
    if (!pbi_split_lines(x, ind->level3.text, &names, &nn) || !pbi_split_lines(x, ind->value_cell.text, &values, &nv))
        return false;
    bool numbered = nn >= 2 && nn == nv && nn <= MAX_LINES_SPLIT;
    for (size_t i = 0; i < nn && numbered; i++)
        numbered = numbered_line(names[i]);
    if (!numbered)
        return indicator_value(x, ind);
    pb_indicator one = *ind;
    p->indicator_count--;
    for (size_t i = 0; i < nn; i++) {
        if (!pbi_grow_indicators(x))
            return false;
        pb_indicator *d = &p->indicators[p->indicator_count++];
        *d = one;
        d->level3.text = names[i];
        d->value_cell.text = values[i];
        if (!indicator_value(x, d))
            return false;
    }
    return true;
}

/* A row that ends the indicator part: one cell covering the name and the
 * value columns (项目实施进度计划) but a 一级 band, or a 一级 cell that names
 * no category (审核意见, 填报说明 below the indicators of a worksheet). */
bool pbi_section_row(const pb_extractor *x, const pb_table *t, int row)
{
    const pb_cell *name = at_col(t, row, x->ind_col[COL_L3] >= 0 ? x->ind_col[COL_L3] : x->ind_col[COL_L2]);
    const pb_cell *value = at_col(t, row, x->ind_col[COL_VALUE]);
    if (name && name == value && !pbi_is_blank(name->text))
        return !level1_band(x, t, row);
    const pb_cell *l1 = at_col(t, row, x->ind_col[COL_L1]);
    return l1 && !blank_here(l1, row) && !pbi_looks_like_level1(l1->text);
}

/* 「…」, 「......」, 「-」 or a bare number ("1", "2."): a placeholder. */
static bool remnant(const char *s)
{
    char buf[64];
    if (!pbi_normalize_buf(s, true, buf, sizeof buf))
        return false;
    for (const char *p = buf; *p;) {
        if ((*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
            p++;
        else if (pbi_has_prefix(p, "…") || pbi_has_prefix(p, "—"))
            p += strlen("…");
        else
            return false;
    }
    return true;
}

static bool group_row(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    const pb_cell *c[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++)
        c[k] = at_col(t, row, x->ind_col[k]);
    bool l3_blank = blank_here(c[COL_L3], row), v_blank = blank_here(c[COL_VALUE], row);
    /* 一级/二级 carry down through merges and through plain blank cells. */
    if (c[COL_L1] && !pbi_is_blank(c[COL_L1]->text)) {
        x->carry_l1 = c[COL_L1]->text;
        x->carry_l1_loc = pbi_cell_loc(t, c[COL_L1]);
    }
    if (c[COL_L2] && !pbi_is_blank(c[COL_L2]->text)) {
        x->carry_l2 = c[COL_L2]->text;
        x->carry_l2_loc = pbi_cell_loc(t, c[COL_L2]);
    }
    /* A 二级 with no 三级 and no value, a 「…」 row, a row holding only a
     * number: the template's rows left unfilled, not indicators (issue 14:
     * offices delete none of them, and a reviewer reads past them). */
    if (v_blank && (l3_blank || remnant(c[COL_L3]->text)))
        return true;
    /* 优 | 良 | 中 | 差 under 评价标准: the grades' heads, not an indicator */
    if (l3_blank && blank_here(c[COL_L2], row) && c[COL_VALUE] && strcmp(c[COL_VALUE]->text, "优") == 0)
        return true;
    if (!pbi_grow_indicators(x))
        return false;
    pb_indicator *ind = &p->indicators[p->indicator_count++];
    memset(ind, 0, sizeof *ind);
    ind->loc = (pb_loc){t->index, row, 0, -1};
    ind->term = x->block_term;
    pb_term term;
    const pb_cell *tc = at_col(t, row, x->term_col);
    if (tc && pbi_term_marker(tc->text, &term))
        ind->term = term;
    /* A text the indicator above has in the same field is shared, not
     * copied: 一级 and 二级 merged down, the same 依据 in every row. */
    const pb_indicator *prev = p->indicator_count > 1 ? &p->indicators[p->indicator_count - 2] : NULL;
    const char *same = prev ? same_text(&prev->level1, x->carry_l1) : NULL;
    if (!(ind->level1.text = same ? same : pbi_keep(x, x->carry_l1)))
        return false;
    ind->level1.loc = x->carry_l1 ? x->carry_l1_loc : PB_NOLOC;
    same = prev ? same_text(&prev->level2, x->carry_l2) : NULL;
    if (!(ind->level2.text = same ? same : pbi_keep(x, x->carry_l2)))
        return false;
    ind->level2.loc = x->carry_l2 ? x->carry_l2_loc : PB_NOLOC;
    pb_field *f[COL_COUNT] = {NULL, NULL, &ind->level3, &ind->description, &ind->value_cell, &ind->basis,
                              &ind->unit_cell, &ind->value_type, &ind->comparator, &ind->explanation,
                              &ind->scoring, &ind->remark, &ind->weight, &ind->direction};
    for (int k = COL_L3; k < COL_COUNT; k++) {
        /* A cell merged down over several rows (one 依据 for a group) holds
         * for each of them; a value never does. */
        const pb_cell *cc = c[k] && (c[k]->row == row || k != COL_VALUE) ? c[k] : NULL;
        if (x->ind_col[k] < 0) {
            /* No 三级 column (Zhejiang's 指标类型 | 指标名称): the 二级 cell is
             * the indicator's only name, and the rules read it as such. */
            if (k == COL_L3)
                *f[k] = ind->level2;
            else
                f[k]->loc = PB_NOLOC;
            continue;
        }
        /* the same field of the indicator above */
        const pb_field *pf = prev ? (const pb_field *)((const char *)prev + ((char *)f[k] - (char *)ind)) : NULL;
        if ((same = pf ? same_text(pf, cc ? cc->text : NULL) : NULL)) {
            f[k]->text = same;
            f[k]->loc = cc ? pbi_cell_loc(t, cc) : PB_NOLOC;
        } else if (!pbi_set_field(x, f[k], t, cc))
            return false;
        if (!cc)
            f[k]->loc = (pb_loc){t->index, row, x->ind_col[k], -1};
    }
    for (int g = 0; g < 4; g++) {
        const pb_cell *gc = x->grade_span ? at_col(t, row, x->ind_col[COL_VALUE] + g) : NULL;
        ind->grades[g].loc = gc ? pbi_cell_loc(t, gc) : PB_NOLOC;
        if (gc && gc->row == row && !(ind->grades[g].text = pbi_keep(x, gc->text)))
            return false;
    }
    if (x->ind_col[COL_DESC] < 0 && x->ind_col[COL_EXPLAIN] >= 0)
        ind->description = ind->explanation;
    if (!ind->level1.text || !ind->level2.text)
        return false;
    return split_lines(x);
}


static bool texts_equal(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

/* An export that repeats the project's cells on each of its rows instead
 * of merging them (a flat list, as a spreadsheet's data export writes it):
 * the row goes on with the project being read when its name, code, amount
 * and goals are the project's, as written. */
static bool repeats_project(const pb_extractor *x, const pb_table *t, int row, const pb_cell *name)
{
    const pb_project *p = x->cur;
    if (!p || !p->has_indicator_table || !texts_equal(name->text, p->name.text))
        return false;
    /* an export that merges the project's cells down merges each project's
     * own: a merged name below the project's, in its table, is the next
     * project of that name (another unit's 村组干部报酬, amount and goals alike) */
    if (name->row_span > 1 && p->name.loc.table == t->index)
        return false;
    const pb_cell *c;
    if (x->list_col[LIST_CODE] >= 0 && (c = at_col(t, row, x->list_col[LIST_CODE])) &&
        !texts_equal(c->text, p->code.text))
        return false;
    if (x->list_col[LIST_TOTAL] >= 0 && (c = at_col(t, row, x->list_col[LIST_TOTAL])) &&
        !texts_equal(c->text, p->total.raw))
        return false;
    if (x->list_col[LIST_GOALS] >= 0 && (c = at_col(t, row, x->list_col[LIST_GOALS])) &&
        !texts_equal(c->text, p->goals_cell.text))
        return false;
    return true;
}

/* A row of a list export: a name cell starting here starts a project, with
 * its amount and goals beside; a row whose name cell is blank (the unit's
 * subtotal line, 「820-马踏镇部门 | | 8,827,620.53」) is no project's. */
static bool list_row(pb_extractor *x, const pb_table *t, int row, bool *skip)
{
    const pb_cell *name = at_col(t, row, x->list_col[LIST_NAME]);
    *skip = false;
    if (name && name->row != row) {
        *skip = !x->cur;
        return true;
    }
    if (!name || pbi_is_blank(name->text)) {
        /* an export that leaves the project's cells blank on its further rows
         * instead of merging them: an indicator of the project above, where
         * the row has one and no amount of its own (a subtotal has) */
        const pb_cell *total = at_col(t, row, x->list_col[LIST_TOTAL]);
        const pb_cell *l3 = at_col(t, row, x->ind_col[COL_L3]), *v = at_col(t, row, x->ind_col[COL_VALUE]);
        bool indicator = (l3 && l3->row == row && !pbi_is_blank(l3->text)) || (v && v->row == row && !pbi_is_blank(v->text));
        *skip = !(x->cur && x->cur->has_indicator_table && indicator && (!total || pbi_is_blank(total->text)));
        return true;
    }
    char folded[LABEL_MAX];
    pbi_label_fold(name->text, folded, sizeof folded);
    if (strcmp(folded, "小计") == 0 || strcmp(folded, "合计") == 0 || strcmp(folded, "总计") == 0) {
        *skip = true; /* a subtotal line named so */
        return true;
    }
    if (repeats_project(x, t, row, name))
        return true;
    pb_money_unit unit = x->list_unit;
    pb_field unit_text = x->list_unit_text;
    if (!pbi_new_project(x, t, pbi_cell_loc(t, name)))
        return false;
    pb_project *p = x->cur;
    if (p->unit == PB_UNIT_UNKNOWN && unit != PB_UNIT_UNKNOWN) {
        p->unit = unit;
        p->unit_text = unit_text;
    } else {
        /* for the rows below, the next projects: kept beyond this one */
        x->list_unit = p->unit;
        x->list_unit_text = p->unit_text;
        if (p->unit_text.text && !(x->list_unit_text.text = pb_arena_strdup(x->sa, p->unit_text.text)))
            return false;
    }
    const pb_cell *c;
    if (!pbi_set_field(x, &p->name, t, name))
        return false;
    if ((c = at_col(t, row, x->list_col[LIST_CODE])) && c->row == row && !pbi_set_field(x, &p->code, t, c))
        return false;
    if ((c = at_col(t, row, x->list_col[LIST_TOTAL])) && c->row == row &&
        !pbi_set_total(x, "预算数", c->text, pbi_cell_loc(t, c)))
        return false;
    if ((c = at_col(t, row, x->list_col[LIST_GOALS])) && c->row == row &&
        !pbi_set_goals(x, &p->goals_cell, &p->goals, &p->goal_count, t, c))
        return false;
    p->has_indicator_table = true;
    x->ind_mode = true;
    x->terms_seen |= 1u << x->block_term;
    x->carry_l1 = x->carry_l2 = NULL;
    x->keys |= KEY_FIELD(L_LIST) | KEY_FIELD(L_NAME);
    if (x->list_col[LIST_TOTAL] >= 0)
        x->keys |= KEY_FIELD(L_TOTAL);
    if (x->list_col[LIST_GOALS] >= 0)
        x->keys |= KEY_FIELD(L_GOALS);
    for (int k = 0; k < COL_COUNT; k++)
        if (x->ind_col[k] >= 0)
            x->keys |= KEY_COLUMN(k);
    return true;
}

/* A row of paired column groups is read twice: the year's columns, then
 * the 长期 ones with their own 二级 carried down. */
bool pbi_indicator_row(pb_extractor *x, const pb_table *t, int row)
{
    const pb_cell *band = x->list_mode ? NULL : level1_band(x, t, row);
    if (band) {
        x->carry_l1 = band->text;
        x->carry_l1_loc = pbi_cell_loc(t, band);
        x->carry_l2 = NULL;
        return true;
    }
    if (x->list_mode) {
        bool skip;
        if (!list_row(x, t, row, &skip))
            return false;
        if (skip)
            return true;
    }
    if (!group_row(x, t, row))
        return false;
    if (!x->paired)
        return true;
    int cols[COL_COUNT];
    memcpy(cols, x->ind_col, sizeof cols);
    memcpy(x->ind_col, x->long_col, sizeof cols);
    const char *l2 = x->carry_l2;
    pb_loc l2_loc = x->carry_l2_loc;
    pb_term term = x->block_term;
    x->carry_l2 = x->long_carry_l2;
    x->carry_l2_loc = x->long_carry_l2_loc;
    x->block_term = PB_TERM_LONG;
    bool ok = group_row(x, t, row);
    x->long_carry_l2 = x->carry_l2;
    x->long_carry_l2_loc = x->carry_l2_loc;
    x->carry_l2 = l2;
    x->carry_l2_loc = l2_loc;
    x->block_term = term;
    memcpy(x->ind_col, cols, sizeof cols);
    return ok;
}

bool pbi_is_indicator_header(const pb_extractor *x, const pb_table *t, int r, slot *s, int n)
{
    ind_header h;
    return indicator_header(x, t, r, s, n, &h);
}

bool pbi_indicator_header_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *done)
{
    ind_header h;
    *done = indicator_header(x, t, r, s, n, &h);
    return !*done || begin_block(x, t, r, s, &h);
}
