/* The extractor: recognises project target tables by their labels (never by
 * fixed positions) and turns them into pb_project structs. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_MAX 256
#define MAX_CHECKPOINTS 16

typedef enum {
    COL_L1, COL_L2, COL_L3, COL_DESC, COL_VALUE, COL_BASIS, COL_COUNT
} ind_col;

typedef struct slot {
    const pb_cell *cell;
    char label[LABEL_MAX]; /* normalised, white space dropped; "" if long */
} slot;

struct pb_extractor {
    pb_document *doc;
    const pb_options *opt;
    pb_arena *a;
    size_t project_cap, table_cap, summary_cap;
    pb_project *cur;
    size_t ind_cap; /* of cur->indicators */
    /* indicator part */
    bool ind_mode;
    int ind_col[COL_COUNT];
    const char *carry_l1, *carry_l2;
    pb_loc carry_l1_loc, carry_l2_loc;
    /* schedule header waiting for its values row */
    int sched_table, sched_row;
    int sched_cols[MAX_CHECKPOINTS];
    const char *sched_labels[MAX_CHECKPOINTS];
    pb_loc sched_label_locs[MAX_CHECKPOINTS];
    int sched_n;
    /* paragraphs */
    const char *title;   /* last non-empty paragraph since the last table */
    pb_money_unit para_unit;
    bool in_summary;
    int last_table;
    /* a unit line met in a table before its project's first label */
    pb_money_unit pend_unit;
    pb_field pend_unit_text;
    const char *pend_org;
};

static pb_loc cell_loc(const pb_table *t, const pb_cell *c)
{
    return (pb_loc){t->index, c->row, c->col};
}

pb_extractor *pb_extractor_new(pb_document *d, const pb_options *o)
{
    pb_extractor *x = pb_arena_alloc(d->arena, sizeof *x);
    if (!x)
        return NULL;
    x->doc = d;
    x->opt = o;
    x->a = d->arena;
    x->last_table = -1;
    return x;
}

/* ---- labels */

static pb_money_unit unit_in(const char *label)
{
    if (pb_contains(label, "单位:万元") || pb_contains(label, "(万元)") || pb_contains(label, "单位:万"))
        return PB_UNIT_WANYUAN;
    if (pb_contains(label, "单位:亿元") || pb_contains(label, "(亿元)"))
        return PB_UNIT_YIYUAN;
    if (pb_contains(label, "单位:元") || pb_contains(label, "(元)"))
        return PB_UNIT_YUAN;
    return PB_UNIT_UNKNOWN;
}

typedef enum {
    L_NONE, L_CODE, L_NAME, L_TOTAL, L_FISCAL, L_OTHER, L_GOALS, L_SCHEDULE, L_PURPOSE, L_BUDGET_GROUP
} label_kind;

static const struct {
    const char *text;
    label_kind kind;
    bool prefix;
} labels[] = {
    {"项目编码", L_CODE, false},        {"项目代码", L_CODE, false},
    {"项目名称", L_NAME, false},        {"预算数", L_TOTAL, true},
    {"预算金额", L_TOTAL, true},        {"其中:财政资金", L_FISCAL, false},
    {"财政资金", L_FISCAL, false},      {"其中:财政拨款", L_FISCAL, false},
    {"其他资金", L_OTHER, false},       {"绩效目标", L_GOALS, false},
    {"年度绩效目标", L_GOALS, false},   {"资金支出计划", L_SCHEDULE, true},
    {"资金用途", L_PURPOSE, false},     {"预算规模及资金用途", L_BUDGET_GROUP, false},
};

static label_kind label_of(const char *s)
{
    if (!*s)
        return L_NONE;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t n = strlen(labels[i].text);
        if (labels[i].prefix ? strncmp(s, labels[i].text, n) == 0 : strcmp(s, labels[i].text) == 0)
            return labels[i].kind;
    }
    return L_NONE;
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
        if (!pb_normalize_buf(cell->text, true, out[n].label, LABEL_MAX))
            out[n].label[0] = '\0';
        n++;
    }
    return n;
}

/* ---- projects */

static const char *keep(pb_extractor *x, const char *s)
{
    return pb_arena_strdup(x->a, s ? s : "");
}

static bool new_project(pb_extractor *x, const pb_table *t, pb_loc loc)
{
    pb_document *d = x->doc;
    if (!pb_grow(x->a, (void **)&d->projects, &x->project_cap, d->project_count, sizeof *d->projects))
        return false;
    pb_project *p = pb_arena_alloc(x->a, sizeof *p);
    if (!p)
        return false;
    p->number = (int)d->project_count + 1;
    p->title = x->title;
    x->title = NULL;
    p->unit = x->para_unit;
    p->org = x->pend_org;
    p->loc = loc;
    p->first_table = p->last_table = t->index;
    p->code.loc = p->name.loc = p->purpose.loc = p->goals_cell.loc = p->unit_text.loc = PB_NOLOC;
    if (x->pend_unit != PB_UNIT_UNKNOWN) {
        p->unit = x->pend_unit;
        p->unit_text = x->pend_unit_text;
    }
    x->pend_unit = PB_UNIT_UNKNOWN;
    x->pend_org = NULL;
    p->total.loc = p->fiscal.loc = p->other.loc = p->schedule.loc = PB_NOLOC;
    d->projects[d->project_count++] = p;
    x->cur = p;
    x->ind_cap = 0;
    x->ind_mode = false;
    x->sched_n = 0;
    return true;
}

static bool set_field(pb_extractor *x, pb_field *f, const pb_table *t, const pb_cell *c)
{
    f->text = keep(x, c ? c->text : "");
    f->loc = c ? cell_loc(t, c) : PB_NOLOC;
    return f->text != NULL;
}

static bool set_amount(pb_extractor *x, pb_amount *m, const pb_table *t, const pb_cell *c)
{
    m->raw = keep(x, c ? c->text : "");
    m->loc = c ? cell_loc(t, c) : PB_NOLOC;
    return m->raw != NULL;
}

static bool split_goals(pb_extractor *x, pb_project *p)
{
    const char *s = p->goals_cell.text;
    size_t cap = 0;
    while (s && *s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *line = pb_arena_strndup(x->a, s, n);
        if (!line)
            return false;
        char *norm = pb_normalize(x->a, line, false);
        if (!norm)
            return false;
        if (*norm) {
            if (!pb_grow(x->a, (void **)&p->goals, &cap, p->goal_count, sizeof *p->goals))
                return false;
            p->goals[p->goal_count++] = norm;
        }
        s = e ? e + 1 : s + n;
    }
    return true;
}

/* ---- the key/value part */

static bool schedule_header(pb_extractor *x, const pb_table *t, int row, slot *s, int n, int i)
{
    x->sched_n = 0;
    x->sched_table = t->index;
    x->sched_row = row;
    for (int j = i + 1; j < n && x->sched_n < MAX_CHECKPOINTS; j++) {
        if (pb_is_blank(s[j].cell->text))
            continue;
        x->sched_cols[x->sched_n] = s[j].cell->col;
        x->sched_labels[x->sched_n] = pb_normalize(x->a, s[j].cell->text, true);
        x->sched_label_locs[x->sched_n] = cell_loc(t, s[j].cell);
        if (!x->sched_labels[x->sched_n])
            return false;
        x->sched_n++;
    }
    x->cur->schedule.loc = cell_loc(t, s[i].cell);
    return true;
}

static bool schedule_values(pb_extractor *x, const pb_table *t, int row)
{
    pb_schedule *sc = &x->cur->schedule;
    sc->items = pb_arena_alloc(x->a, (size_t)x->sched_n * sizeof *sc->items + 1);
    if (!sc->items)
        return false;
    sc->count = (size_t)x->sched_n;
    for (int k = 0; k < x->sched_n; k++) {
        pb_checkpoint *cp = &sc->items[k];
        const pb_cell *c = pb_table_at(t, row, x->sched_cols[k]);
        if (c && c->row != row)
            c = NULL; /* the header cell merged down is not a value */
        cp->label = x->sched_labels[k];
        cp->raw = keep(x, c ? c->text : "");
        cp->loc = c ? cell_loc(t, c) : (pb_loc){t->index, row, x->sched_cols[k]};
        if (!cp->raw)
            return false;
        cp->valid = true;
        if (!pb_is_blank(cp->raw)) {
            cp->present = pb_percent_parse(cp->raw, &cp->percent);
            cp->valid = cp->present;
        }
    }
    x->sched_n = 0;
    return true;
}

/* "单位：万元" (often beside the unit's own name, "816001曹妃甸区…本级"):
 * before the first label of a table it belongs to the project to come. */
static bool unit_row(pb_extractor *x, const pb_table *t, slot *s, int n, int i, pb_money_unit u)
{
    bool pending = !(x->cur && x->cur->first_table == t->index);
    pb_field f;
    if (!set_field(x, &f, t, s[i].cell))
        return false;
    const char *org = NULL;
    if (n == 2 && label_of(s[1 - i].label) == L_NONE && !pb_is_blank(s[1 - i].cell->text))
        org = pb_normalize(x->a, s[1 - i].cell->text, false);
    if (pending) {
        x->pend_unit = u;
        x->pend_unit_text = f;
        x->pend_org = org;
    } else if (x->cur->unit_text.text == NULL) {
        x->cur->unit = u;
        x->cur->unit_text = f;
        if (org && !x->cur->org)
            x->cur->org = org;
    }
    return true;
}

static bool key_value_row(pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool *used)
{
    for (int i = 0; i < n; i++) {
        if (s[i].cell->row != row && label_of(s[i].label) != L_BUDGET_GROUP)
            continue; /* a label merged down from above */
        label_kind k = label_of(s[i].label);
        pb_money_unit u = unit_in(s[i].label);
        if (u != PB_UNIT_UNKNOWN && k != L_TOTAL) {
            if (!unit_row(x, t, s, n, i, u))
                return false;
            *used = true;
        }
        if (k == L_NONE)
            continue;
        *used = true;
        if ((k == L_CODE && (!x->cur || x->cur->code.text)) ||
            (k == L_NAME && (!x->cur || x->cur->name.text)) || !x->cur) {
            if (!new_project(x, t, cell_loc(t, s[i].cell)))
                return false;
        }
        const pb_cell *v = i + 1 < n && label_of(s[i + 1].label) == L_NONE ? s[i + 1].cell : NULL;
        pb_project *p = x->cur;
        switch (k) {
        case L_CODE: if (!set_field(x, &p->code, t, v)) return false; break;
        case L_NAME: if (!set_field(x, &p->name, t, v)) return false; break;
        case L_TOTAL:
            if (p->unit == PB_UNIT_UNKNOWN)
                p->unit = unit_in(s[i].label);
            if (!set_amount(x, &p->total, t, v)) return false;
            break;
        case L_FISCAL: if (!set_amount(x, &p->fiscal, t, v)) return false; break;
        case L_OTHER: if (!set_amount(x, &p->other, t, v)) return false; break;
        case L_GOALS:
            if (!set_field(x, &p->goals_cell, t, v) || !split_goals(x, p)) return false;
            break;
        case L_PURPOSE: if (!set_field(x, &p->purpose, t, v)) return false; break;
        case L_SCHEDULE: return schedule_header(x, t, row, s, n, i);
        case L_BUDGET_GROUP:
            /* The purpose row: the group label merged down, one text beside it. */
            if (s[i].cell->row != row && n == 2 && s[1].cell->row == row && label_of(s[1].label) == L_NONE &&
                !p->purpose.text && !set_field(x, &p->purpose, t, s[1].cell))
                return false;
            continue;
        default: break;
        }
        if (v)
            i++;
    }
    return true;
}

/* ---- the indicator part */

static bool indicator_header(pb_extractor *x, slot *s, int n)
{
    int col[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++)
        col[k] = -1;
    for (int i = 0; i < n; i++) {
        const char *l = s[i].label;
        int k = -1;
        if (strcmp(l, "一级指标") == 0) k = COL_L1;
        else if (strcmp(l, "二级指标") == 0) k = COL_L2;
        else if (strcmp(l, "三级指标") == 0 || strcmp(l, "指标内容") == 0 || strcmp(l, "指标名称") == 0 ||
                 strcmp(l, "三级指标名称") == 0) k = COL_L3;
        else if (strcmp(l, "绩效指标描述") == 0 || strcmp(l, "指标解释") == 0 || strcmp(l, "指标描述") == 0) k = COL_DESC;
        else if (strcmp(l, "指标值") == 0 || strcmp(l, "目标值") == 0) k = COL_VALUE;
        else if (strcmp(l, "指标值确定依据") == 0 || strcmp(l, "指标值设定依据") == 0) k = COL_BASIS;
        if (k >= 0 && col[k] < 0)
            col[k] = s[i].cell->col;
    }
    if (col[COL_L1] < 0 || col[COL_L2] < 0 || col[COL_VALUE] < 0)
        return false;
    memcpy(x->ind_col, col, sizeof col);
    return true;
}

static const pb_cell *at_col(const pb_table *t, int row, int col)
{
    return col < 0 ? NULL : pb_table_at(t, row, col);
}

static bool indicator_row(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    const pb_cell *c[COL_COUNT];
    for (int k = 0; k < COL_COUNT; k++)
        c[k] = at_col(t, row, x->ind_col[k]);
    bool l3_blank = !c[COL_L3] || pb_is_blank(c[COL_L3]->text) || c[COL_L3]->row != row;
    bool v_blank = !c[COL_VALUE] || pb_is_blank(c[COL_VALUE]->text) || c[COL_VALUE]->row != row;
    /* 一级/二级 carry down through merges and through plain blank cells. */
    if (c[COL_L1] && !pb_is_blank(c[COL_L1]->text)) {
        x->carry_l1 = c[COL_L1]->text;
        x->carry_l1_loc = cell_loc(t, c[COL_L1]);
    }
    if (c[COL_L2] && !pb_is_blank(c[COL_L2]->text)) {
        x->carry_l2 = c[COL_L2]->text;
        x->carry_l2_loc = cell_loc(t, c[COL_L2]);
    }
    /* A row naming a 二级 with nothing beside it is kept: the checks report
     * a 二级 without indicators (indicator-level-empty). */
    bool l2_here = c[COL_L2] && c[COL_L2]->row == row && !pb_is_blank(c[COL_L2]->text);
    if (l3_blank && v_blank && !l2_here)
        return true; /* a spare template row */
    if (!pb_grow(x->a, (void **)&p->indicators, &x->ind_cap, p->indicator_count, sizeof *p->indicators))
        return false;
    pb_indicator *ind = &p->indicators[p->indicator_count++];
    memset(ind, 0, sizeof *ind);
    ind->loc = (pb_loc){t->index, row, 0};
    ind->level1.text = keep(x, x->carry_l1);
    ind->level1.loc = x->carry_l1 ? x->carry_l1_loc : PB_NOLOC;
    ind->level2.text = keep(x, x->carry_l2);
    ind->level2.loc = x->carry_l2 ? x->carry_l2_loc : PB_NOLOC;
    pb_field *f[COL_COUNT] = {NULL, NULL, &ind->level3, &ind->description, &ind->value_cell, &ind->basis};
    for (int k = COL_L3; k < COL_COUNT; k++) {
        const pb_cell *cc = c[k] && c[k]->row == row ? c[k] : (c[k] && k != COL_VALUE ? c[k] : NULL);
        if (x->ind_col[k] < 0) {
            f[k]->loc = PB_NOLOC;
            continue;
        }
        if (!set_field(x, f[k], t, cc))
            return false;
        if (!cc)
            f[k]->loc = (pb_loc){t->index, row, x->ind_col[k]};
    }
    if (!ind->level1.text || !ind->level2.text)
        return false;
    return pb_value_parse(x->a, ind->value_cell.text, &ind->value);
}

/* ---- tables */

static bool keep_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    if (d->table_count && d->tables[d->table_count - 1]->index == t->index)
        return true;
    pb_table *copy = pb_table_copy(x->a, t);
    if (!copy || !pb_grow(x->a, (void **)&d->tables, &x->table_cap, d->table_count, sizeof *d->tables))
        return false;
    d->tables[d->table_count++] = copy;
    return true;
}

static bool table_rows(pb_extractor *x, const pb_table *t, bool *used)
{
    slot s[64];
    for (int r = 0; r < t->row_count; r++) {
        int n = row_slots(t, r, s, 64);
        if (x->sched_n && x->cur && x->sched_table == t->index && x->sched_row == r - 1) {
            if (!schedule_values(x, t, r))
                return false;
            continue;
        }
        if (indicator_header(x, s, n)) {
            if (!x->cur || (x->cur->has_indicator_table && !t->rows[r].header)) {
                if (!new_project(x, t, cell_loc(t, s[0].cell)))
                    return false;
            }
            x->cur->has_indicator_table = true;
            x->ind_mode = true;
            x->carry_l1 = x->carry_l2 = NULL;
            *used = true;
            continue;
        }
        bool kv = false;
        bool starts_project = false;
        /* A label or a unit line ends the indicator part: the next project's
         * table may follow without anything between. */
        for (int i = 0; i < n; i++)
            if (s[i].cell->row == r && (label_of(s[i].label) != L_NONE || unit_in(s[i].label) != PB_UNIT_UNKNOWN))
                starts_project = true;
        if (x->ind_mode && !starts_project) {
            if (!indicator_row(x, t, r))
                return false;
            *used = true;
            continue;
        }
        x->ind_mode = false;
        if (!key_value_row(x, t, r, s, n, &kv))
            return false;
        *used = *used || kv;
    }
    return true;
}

bool pb_extract_table(pb_extractor *x, const pb_table *t)
{
    pb_document *d = x->doc;
    d->tables_seen++;
    bool used = false;
    if (x->opt->keep_tables && !keep_table(x, t))
        return false;
    /* A table with no label of ours does not continue a project. */
    if (x->cur && x->cur->last_table != t->index - 1 && t->parent_table < 0)
        x->ind_mode = false;
    if (!table_rows(x, t, &used))
        return false;
    if (used && x->cur) {
        x->cur->last_table = t->index;
        if (!x->opt->keep_tables && !keep_table(x, t))
            return false;
    }
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
    if (!pb_grow(x->a, (void **)&d->summary, &x->summary_cap, d->summary_count, sizeof *d->summary))
        return false;
    d->summary[d->summary_count].text = pb_arena_strdup(x->a, close + 1);
    d->summary[d->summary_count].paragraph = index;
    if (!d->summary[d->summary_count].text)
        return false;
    d->summary_count++;
    return true;
}

bool pb_extract_paragraph(pb_extractor *x, const char *text, int index)
{
    if (pb_is_blank(text))
        return true;
    char norm[LABEL_MAX];
    if (!pb_normalize_buf(text, false, norm, sizeof norm))
        return true; /* a long paragraph is prose: no title, no label */
    pb_money_unit u = unit_in(norm);
    if (u != PB_UNIT_UNKNOWN)
        x->para_unit = u;
    if (strstr(norm, "分项绩效目标"))
        x->in_summary = true;
    else if (x->in_summary && (pb_has_prefix(norm, "三、") || pb_has_prefix(norm, "第二部分")))
        x->in_summary = false;
    else if (x->in_summary && !summary_item(x, norm, index))
        return false;
    if (u == PB_UNIT_UNKNOWN) {
        x->title = pb_arena_strdup(x->a, norm);
        if (!x->title)
            return false;
    }
    return true;
}

/* ---- amounts, once the unit is known */

static void finish_amount(pb_project *p, pb_amount *m)
{
    if (!m->raw || pb_is_blank(m->raw)) {
        m->present = false;
        m->valid = true;
        return;
    }
    int exp;
    pb_decimal v;
    m->present = true;
    m->valid = pb_amount_parse(m->raw, &v, &exp);
    if (!m->valid)
        return;
    if (exp >= 0 && p->unit == PB_UNIT_UNKNOWN)
        p->unit = exp == 8 ? PB_UNIT_YIYUAN : exp == 4 ? PB_UNIT_WANYUAN : exp == 0 ? PB_UNIT_YUAN : PB_UNIT_UNKNOWN;
    if (exp >= 0 && p->unit != PB_UNIT_UNKNOWN)
        m->valid = pb_money_convert(v, exp, pb_money_unit_exp(p->unit), &v);
    m->value = v;
}

bool pb_extract_finish(pb_extractor *x)
{
    pb_document *d = x->doc;
    for (size_t i = 0; i < d->project_count; i++) {
        pb_project *p = d->projects[i];
        finish_amount(p, &p->total);
        finish_amount(p, &p->fiscal);
        finish_amount(p, &p->other);
    }
    return true;
}

/* ---- table copies outlive the reader's scratch arena */

pb_table *pb_table_copy(pb_arena *a, const pb_table *t)
{
    pb_table *c = pb_arena_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *t;
    size_t slots = (size_t)t->width * (size_t)t->row_count;
    c->rows = pb_arena_alloc(a, ((size_t)t->row_count + 1) * sizeof *c->rows);
    c->grid = pb_arena_alloc(a, (slots + 1) * sizeof *c->grid);
    if (!c->rows || !c->grid)
        return NULL;
    for (int r = 0; r < t->row_count; r++) {
        const pb_row *src = &t->rows[r];
        pb_row *dst = &c->rows[r];
        *dst = *src;
        dst->cells = pb_arena_alloc(a, ((size_t)src->count + 1) * sizeof *dst->cells);
        if (!dst->cells)
            return NULL;
        for (int i = 0; i < src->count; i++) {
            dst->cells[i] = src->cells[i];
            dst->cells[i].text = pb_arena_strdup(a, src->cells[i].text);
            if (!dst->cells[i].text)
                return NULL;
        }
    }
    for (size_t i = 0; i < slots; i++) {
        const pb_cell *o = t->grid[i];
        if (!o)
            continue;
        c->grid[i] = &c->rows[o->row].cells[o - t->rows[o->row].cells];
    }
    return c;
}
