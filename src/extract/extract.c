/* The extractor: recognises project target tables by their labels (never by
 * fixed positions) and turns them into pb_project structs.
 *
 * Tables arrive one at a time (a Word table, or a whole worksheet) and are
 * read row by row.  A row is one of:
 *   - a title ("2.…绩效目标表", "…申报表"): the next project's heading;
 *   - a unit line ("单位：万元"), often beside the unit's own name;
 *   - key/value labels (项目编码 | … | 项目名称 | …, 资金总额 | 120 …);
 *   - a row of labels whose values are in the row below (资金支出计划 |
 *     3月底 | 6月底 …, or 资金总额 | 财政拨款 | 自有资金 …);
 *   - an indicator header (一级指标 | 二级指标 | 三级指标/指标内容 | 指标值 …)
 *     and the indicator rows under it, optionally named 年度/长期 blocks;
 *   - anything else, which is ignored.
 * A worksheet may hold several projects one below the other; a Word table
 * may hold the key/value part, the indicator part or both.  Self-evaluation
 * tables (绩效自评表) are recognised first and skipped whole. */
#include "extract/extractor.h"
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pb_extractor *pbi_extractor_new(pb_document *d, const pb_options *o)
{
    pb_extractor *x = pb_arena_alloc(d->arena, sizeof *x);
    if (!x)
        return NULL;
    x->doc = d;
    x->opt = o;
    pbi_lexicon_init(&x->lex);
    x->a = x->sa = d->arena;
    x->last_table = -1;
    x->lines_table = -1;
    x->term_col = -1;
    x->long_goals_first = -1;
    return x;
}


label_kind pbi_slot_kind(const pb_extractor *x, slot *s, bool funds)
{
    if (s->kind[funds] < 0) {
        label_kind k = pbi_label_of(&x->lex, s->label, funds);
        if (k == L_NONE && funds)
            k = pbi_fund_item_label(&x->lex, s->label);
        s->kind[funds] = (signed char)k;
    }
    return (label_kind)s->kind[funds];
}

/* The distinct cells of a row in grid order, merged cells included once. */
static int row_slots(const pb_table *t, int row, slot *out, int max)
{
    int n = 0;
    const pb_cell *prev = NULL;
    for (int c = 0; c < t->width && n < max; c++) {
        const pb_cell *cell = pb_table_at(t, row, c);
        if (!cell || cell == prev)
            continue;
        prev = cell;
        out[n].cell = cell;
        out[n].kind[0] = out[n].kind[1] = -1;
        pbi_label_fold(cell->text, out[n].label, LABEL_MAX);
        n++;
    }
    return n;
}

int pbi_non_blank_slots(const slot *s, int n, int *only)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!pbi_is_blank(s[i].cell->text)) {
            *only = i;
            k++;
        }
    return k;
}

/* A row holding a table's heading and nothing else. */
static bool title_row(const pb_extractor *x, slot *s, int n, int *which)
{
    if (pbi_non_blank_slots(s, n, which) != 1)
        return false;
    const char *l = s[*which].label;
    if (!*l || pbi_slot_kind(x, &s[*which], false) != L_NONE || pbi_unit_in(l) != PB_UNIT_UNKNOWN)
        return false;
    return pbi_label_has_suffix(l, "表") || pbi_contains(l, "绩效目标表") || pbi_contains(l, "申报表") ||
           pbi_contains(l, "自评表") || pbi_contains(l, "评价表");
}

/* ---- projects */
/* ---- self-evaluation tables */

/* Rows [from, *end) are one table: up to the next title row.  True when
 * they are a self-evaluation table, by their title or their column heads.
 * The rows folded on the way are kept for table_rows (the first RC_ROWS,
 * as far as RC_SLOTS holds them). */
static bool self_evaluation(pb_extractor *x, const pb_table *t, int from, const char *title, int *end)
{
    slot local[MAX_SLOTS];
    bool found = title && pbi_self_evaluation_title(title);
    int r = from + (title ? 1 : 0);
    if (!x->rc_slots)
        x->rc_slots = malloc(RC_SLOTS * sizeof *x->rc_slots); /* none: nothing kept */
    x->rc_from = r;
    x->rc_count = 0;
    x->rc_start[0] = 0;
    for (; r < t->row_count; r++) {
        int used = x->rc_start[x->rc_count];
        bool keep = x->rc_slots && x->rc_count < RC_ROWS && used + MAX_SLOTS <= RC_SLOTS;
        slot *s = keep ? x->rc_slots + used : local;
        int n = row_slots(t, r, s, MAX_SLOTS), which;
        if (keep)
            x->rc_start[++x->rc_count] = used + n;
        if (r > from && title_row(x, s, n, &which))
            break;
        for (int i = 0; i < n && !found; i++)
            found = pbi_self_evaluation_label(s[i].label);
    }
    *end = r;
    return found;
}

/* Row r's slots into out: a copy of the look-ahead's, or folded now. */
static int take_row(pb_extractor *x, const pb_table *t, int r, slot *out)
{
    int k = r - x->rc_from;
    if (k < 0 || k >= x->rc_count)
        return row_slots(t, r, out, MAX_SLOTS);
    int n = x->rc_start[k + 1] - x->rc_start[k];
    memcpy(out, x->rc_slots + x->rc_start[k], (size_t)n * sizeof *out);
    return n;
}

static bool skip_table(pb_extractor *x, const pb_table *t, int row, const char *title)
{
    pb_document *d = x->doc;
    if (!pbi_grow(x->sa, (void **)&d->skipped, &x->skipped_cap, d->skipped_count, sizeof *d->skipped))
        return false;
    pb_skipped_table *sk = &d->skipped[d->skipped_count++];
    sk->kind = PB_TABLE_SELF_EVALUATION;
    sk->title = title ? pb_arena_strdup(x->sa, title) : NULL;
    sk->loc = (pb_loc){t->index, row, 0, -1};
    x->ind_mode = false;
    x->sched = SCHED_NONE;
    x->fund_n = 0;
    x->title = NULL;
    return !title || sk->title;
}

/* ---- tables */

static bool keep_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    if (d->table_count && d->tables[d->table_count - 1]->index == t->index)
        return true;
    pb_table *copy = pbi_table_copy(x->sa, t);
    if (!copy || !pbi_grow(x->sa, (void **)&d->tables, &x->table_cap, d->table_count, sizeof *d->tables))
        return false;
    d->tables[d->table_count++] = copy;
    return true;
}

/* A label or a unit line ends the indicator part: the next project's
 * table may follow without anything between. */
static bool row_starts_project(const pb_extractor *x, slot *s, int n, int row)
{
    for (int i = 0; i < n; i++)
        if (s[i].cell->row == row &&
            (pbi_slot_kind(x, &s[i], false) != L_NONE || pbi_unit_in(s[i].label) != PB_UNIT_UNKNOWN))
            return true;
    return false;
}

static bool term_row(const slot *s, int n, pb_term *term)
{
    int which;
    return pbi_non_blank_slots(s, n, &which) == 1 && pbi_term_marker(s[which].label, term);
}

/* The upper row of a two-row indicator header (单位名称 | 项目名称 | 预算数 |
 * 年度目标 merged down beside 「绩效指标」 over 一级 | 二级 | …): the heads it
 * merges down are read with the header row below, so it is no key/value
 * row (its 项目名称 would start a project of no name).  A label that ends
 * in this row is a field, and the row is not one. */
static bool upper_header_row(const pb_extractor *x, const pb_table *t, int r, slot *s, int n)
{
    bool spans = false;
    for (int i = 0; i < n; i++) {
        const pb_cell *c = s[i].cell;
        if (c->row != r || pbi_is_blank(c->text))
            continue;
        if (c->row + c->row_span > r + 1)
            spans = true;
        else if (pbi_slot_kind(x, &s[i], false) != L_NONE)
            return false;
    }
    if (!spans || r + 1 >= t->row_count)
        return false;
    slot below[MAX_SLOTS];
    int m = row_slots(t, r + 1, below, MAX_SLOTS);
    return pbi_is_indicator_header(x, t, r + 1, below, m);
}

/* One row of a target table (not a title row). */
static bool content_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *used)
{
    bool done = false;
    if (!pbi_pending_values_row(x, t, r, s, n, &done) || (!done && !pbi_indicator_header_row(x, t, r, s, n, &done)))
        return false;
    if (done) {
        *used = true;
        return true;
    }
    pb_term term;
    if (term_row(s, n, &term)) {
        /* A block's name on a row of its own, before its header or, under
         * a shared header, before its rows. */
        x->pending_term = term;
        x->has_pending_term = true;
        if (x->ind_mode && term != x->block_term) {
            x->block_term = term;
            x->terms_seen |= 1u << term;
            x->carry_l1 = x->carry_l2 = NULL;
        }
        return true;
    }
    if (x->ind_mode && !row_starts_project(x, s, n, r) && !pbi_section_row(x, t, r)) {
        *used = true;
        return pbi_indicator_row(x, t, r);
    }
    x->ind_mode = false;
    if (upper_header_row(x, t, r, s, n)) {
        *used = true;
        return true;
    }
    return pbi_key_value_row(x, t, r, s, n, used);
}

static bool table_rows(pb_extractor *x, const pb_table *t, bool *used)
{
    slot s[MAX_SLOTS];
    x->rc_count = 0; /* the look-ahead of the last table is not this one's */
    for (int r = 0; r < t->row_count; r++) {
        int n = take_row(x, t, r, s), which;
        bool is_title = title_row(x, s, n, &which);
        const char *title = is_title ? s[which].label : NULL;
        if (r == 0 || is_title) {
            /* A table's heading is its title row, else the paragraph before
             * it, else the worksheet's name. */
            const char *context = title ? title : x->title;
            if (!context && t->name && pbi_self_evaluation_title(t->name))
                context = t->name;
            int end;
            bool self = self_evaluation(x, t, r, title, &end);
            if (self || (context && pbi_self_evaluation_title(context))) {
                if (!skip_table(x, t, r, context))
                    return false;
                r = end - 1;
                continue;
            }
        }
        if (is_title) {
            pbi_set_title(x, title, pbi_cell_loc(t, s[which].cell));
            x->ind_mode = false;
            x->sched = SCHED_NONE;
            x->fund_n = 0;
            continue;
        }
        if (!content_row(x, t, r, s, n, used))
            return false;
    }
    return true;
}

bool pbi_extract_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    d->tables_seen++;
    bool used = false;
    if (x->opt->keep_tables && !keep_table(x, t))
        return false;
    if (t->parent_table >= 0 && !pbi_note_nested(x, t))
        return false;
    /* The indicator part continues into this table only when it follows
     * the last one directly, at the same level, with no heading between (a
     * page break). A table nested in the indicator table's cell, or in the
     * table after it (a signature block, a note), is not its rows. */
    if (x->cur && (x->cur->last_table != t->index - 1 || t->parent_table != x->cur_parent || x->title))
        x->ind_mode = false;
    if (!table_rows(x, t, &used))
        return false;
    if (used && x->cur) {
        x->cur->last_table = t->index;
        x->cur_parent = t->parent_table;
        if (!x->opt->keep_tables && x->opt->keep_project_tables && !keep_table(x, t))
            return false;
    }
    /* 一级/二级 may carry into the next table (a page break); the cells
     * they point into go with this table's scratch memory. */
    if ((x->carry_l1 && !(x->carry_l1 = pb_arena_strdup(x->sa, x->carry_l1))) ||
        (x->carry_l2 && !(x->carry_l2 = pb_arena_strdup(x->sa, x->carry_l2))))
        return false;
    x->title = NULL;
    x->last_table = t->index;
    return true;
}

/* ---- paragraphs: titles, the unit line and part 1's project list */

static bool summary_item(pb_extractor *x, const char *norm, int index)
{
    /* "(一)街道专项工作经费" after width folding. */
    if (norm[0] != '(')
        return true;
    const char *close = strchr(norm, ')');
    if (!close || close - norm > 12 || !close[1])
        return true;
    pb_document *d = x->doc;
    /* Each item names a project with a table of its own: a longer list is
     * not one, and is not kept without bound. */
    if (d->summary_count >= x->opt->limits.max_tables)
        return true;
    if (!pbi_grow(x->sa, (void **)&d->summary, &x->summary_cap, d->summary_count, sizeof *d->summary))
        return false;
    d->summary[d->summary_count].text = pb_arena_strdup(x->sa, close + 1);
    d->summary[d->summary_count].paragraph = index;
    if (!d->summary[d->summary_count].text)
        return false;
    d->summary_count++;
    return true;
}

bool pbi_extract_paragraph(pb_extractor *x, const char *text, int index)
{
    if (pbi_is_blank(text))
        return true;
    char norm[LABEL_MAX];
    if (!pbi_normalize_buf(text, false, norm, sizeof norm))
        return true; /* a long paragraph is prose: no title, no label */
    pb_money_unit u = pbi_unit_in(norm);
    if (u != PB_UNIT_UNKNOWN)
        x->para_unit = u;
    if (pbi_contains(norm, "分项绩效目标"))
        x->in_summary = true;
    else if (x->in_summary && (pbi_has_prefix(norm, "三、") || pbi_has_prefix(norm, "第二部分")))
        x->in_summary = false;
    else if (x->in_summary && !summary_item(x, norm, index))
        return false;
    if (u == PB_UNIT_UNKNOWN)
        pbi_set_title(x, norm, PB_PARAGRAPH_LOC(index));
    return true;
}

