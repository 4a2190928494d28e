/* The key/value part of a target table: label | value pairs, unit lines,
 * and rows of labels whose values are in the row below (the spending
 * schedule, the parts of the funds). */
#include "extract/extractor.h"
#include "model/model.h"

#include <string.h>

static bool is_amount_label(label_kind k) { return k == L_TOTAL || k == L_FISCAL || k == L_OTHER; }

/* Fields of which a project has one: a second one starts the next project,
 * and so does one met after the project's indicator part. */
static bool is_header_field(label_kind k)
{
    switch (k) {
    case L_CODE: case L_NAME: case L_TOTAL: case L_ATTRIBUTE: case L_DEPARTMENT: case L_IMPLEMENTER:
    case L_DEPT_NAME: case L_DEPT_CODE: case L_UNIT_NAME: case L_UNIT_CODE:
    case L_MANAGER: case L_PHONE: case L_PERIOD: case L_FUNDS_GROUP: case L_BUDGET_GROUP:
        return true;
    default:
        return false;
    }
}


/* ---- rows of labels with their values below */

static bool schedule_labels(pb_extractor *x, const pb_table *t, int row, const slot *s, int n, int from)
{
    x->sched_n = 0;
    for (int j = from; j < n && x->sched_n < MAX_CHECKPOINTS; j++) {
        if (pbi_is_blank(s[j].cell->text) || s[j].cell->row != row)
            continue;
        x->sched_cols[x->sched_n] = s[j].cell->col;
        x->sched_labels[x->sched_n] = pbi_normalize(x->sa, s[j].cell->text, true);
        if (!x->sched_labels[x->sched_n])
            return false;
        x->sched_n++;
    }
    x->sched_table = t->index;
    x->sched_row = row;
    /* The checkpoints may sit in a row of their own under the label. */
    x->sched = x->sched_n ? SCHED_VALUES_NEXT : x->sched == SCHED_NONE ? SCHED_LABELS_NEXT : SCHED_NONE;
    return true;
}

static bool schedule_header(pb_extractor *x, const pb_table *t, int row, const slot *s, int n, int i)
{
    x->sched = SCHED_NONE;
    x->cur->schedule.loc = pbi_cell_loc(t, s[i].cell);
    return schedule_labels(x, t, row, s, n, i + 1);
}

/* 一季度 25 | 二季度 25 | 三季度 25 | 四季度 25: each quarter's share, adding
 * up to 100, not cumulative percentages; read as their running sums (25,
 * 50, 75, 100), the cells' texts kept as written. */
static void per_quarter(pb_schedule *sc)
{
    pb_decimal sum = {0, 0}, hundred;
    if (sc->count < 2 || !pb_decimal_parse("100", 3, &hundred))
        return;
    for (size_t k = 0; k < sc->count; k++) {
        const pb_checkpoint *cp = &sc->items[k];
        if (!pbi_contains(cp->label, "季度") || !cp->present || !pb_decimal_add(sum, cp->percent, &sum))
            return;
    }
    if (pb_decimal_cmp(sum, hundred) != 0 || pb_decimal_cmp(sc->items[sc->count - 1].percent, hundred) == 0)
        return;
    pb_decimal run = {0, 0};
    for (size_t k = 0; k < sc->count; k++) {
        if (!pb_decimal_add(run, sc->items[k].percent, &run))
            return;
        sc->items[k].percent = run;
    }
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
        cp->raw = pbi_keep(x, c ? c->text : "");
        cp->loc = c ? pbi_cell_loc(t, c) : (pb_loc){t->index, row, x->sched_cols[k], -1};
        if (!cp->raw)
            return false;
        cp->valid = true;
        if (!pbi_is_blank(cp->raw)) {
            cp->present = pbi_percent_parse(cp->raw, &cp->percent);
            cp->valid = cp->present;
        }
    }
    per_quarter(sc);
    x->sched = SCHED_NONE;
    x->sched_n = 0;
    return true;
}

static bool schedule_next_row(pb_extractor *x, const pb_table *t, int row, const slot *s, int n)
{
    if (x->sched == SCHED_LABELS_NEXT)
        return schedule_labels(x, t, row, s, n, 0);
    return schedule_values(x, t, row);
}

static bool fund_values(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    for (int k = 0; k < x->fund_n; k++) {
        const pb_cell *c = pb_table_at(t, row, x->fund_cols[k]);
        if (c && c->row != row)
            c = NULL;
        bool ok = x->fund_kinds[k] == L_TOTAL ? pbi_set_amount(x, &p->total, t, c)
                                               : pbi_add_fund(x, x->fund_labels[k], x->fund_kinds[k] == L_FISCAL, t, c);
        if (!ok)
            return false;
        if (!c && x->fund_kinds[k] == L_TOTAL)
            p->total.loc = (pb_loc){t->index, row, x->fund_cols[k], -1};
    }
    x->fund_n = 0;
    return true;
}

/* Whether slot j starts in the grid column right after slot i.  A
 * worksheet leaves a blank cell out: a gap between two labels is the first
 * one's value, left blank. */
static bool adjacent(const slot *s, int i, int j)
{
    return s[j].cell->col == s[i].cell->col + s[i].cell->col_span;
}

/* Label i has no value beside it: the next cell is another label, or
 * every cell after it is blank — its value is in the row below. */
static bool value_below(const slot *s, const label_kind *kind, int n, int i)
{
    bool rest_blank = true;
    for (int j = i + 1; j < n && rest_blank; j++)
        rest_blank = pbi_is_blank(s[j].cell->text);
    return rest_blank || (kind[i + 1] != L_NONE && adjacent(s, i, i + 1));
}

/* 资金总额 | 财政拨款 | 自有资金 | …: labels side by side, values in the row
 * below.  Told from label | value pairs by each amount label being followed
 * by another label (or by nothing).  A label merged down from above (资金总额
 * spanning the lines 年度资金总额 | 其中:财政拨款 | 其他资金 beside it) heads
 * those lines, not a row of values below. */
static bool horizontal_amounts(const slot *s, const label_kind *kind, int n, int row)
{
    int amounts = 0;
    for (int i = 0; i < n; i++) {
        if (!is_amount_label(kind[i]) || s[i].cell->row != row)
            continue;
        amounts++;
        if (!value_below(s, kind, n, i))
            return false;
    }
    return amounts >= 2;
}

/* ---- the key/value part */

/* "单位：万元" (often beside the unit's own name, "816001曹妃甸区…本级"):
 * it belongs to the project to come unless the current one is still being
 * read (this table started it and its indicators have not begun).  Only a
 * bare unit line stands beside the organisation: a field label that names
 * its unit ("资金情况（万元）" | "年度资金总额:16 …") has its value there. */
static bool unit_row(pb_extractor *x, const pb_table *t, slot *s, int n, int i, pb_money_unit u, bool bare)
{
    bool pending = !x->cur || x->cur->first_table != t->index || x->cur->has_indicator_table;
    /* the next project's, maybe: kept beyond the current one */
    pb_field f = {pb_arena_strdup(x->sa, s[i].cell->text ? s[i].cell->text : ""), pbi_cell_loc(t, s[i].cell)};
    if (!f.text)
        return false;
    const char *org = NULL;
    pb_loc org_loc = PB_NOLOC;
    if (bare && n == 2 && pbi_slot_kind(x, &s[1 - i], false) == L_NONE && !pbi_is_blank(s[1 - i].cell->text)) {
        org = pbi_normalize(x->sa, s[1 - i].cell->text, false);
        org_loc = pbi_cell_loc(t, s[1 - i].cell);
    }
    if (pending) {
        /* a line of its own, as a document's paragraph is (a worksheet's
         * rows hold those): it holds for the projects below without one */
        if (bare && n == 1)
            x->para_unit = u;
        x->pend_unit = u;
        x->pend_unit_text = f;
        x->pend_org = org;
        x->pend_org_loc = org_loc;
    } else if (x->cur->unit_text.text == NULL) {
        x->cur->unit = u;
        x->cur->unit_text = f;
        if (org && !x->cur->org) {
            x->cur->org = org;
            x->cur->org_loc = org_loc;
        }
    }
    return true;
}

static pb_field *header_field(pb_project *p, label_kind k)
{
    switch (k) {
    case L_CODE: case L_DEPT_CODE: return &p->code;
    case L_NAME: case L_DEPT_NAME: return &p->name;
    case L_PURPOSE: return &p->purpose;
    case L_ATTRIBUTE: return &p->attribute;
    case L_DEPARTMENT: return &p->department;
    case L_IMPLEMENTER: return &p->implementer;
    case L_MANAGER: return &p->manager;
    case L_PHONE: return &p->phone;
    case L_PERIOD: return &p->period;
    default: return NULL;
    }
}

static bool field_taken(const pb_project *p, label_kind k)
{
    pb_field *f = header_field((pb_project *)p, k);
    if (f)
        return f->text != NULL;
    return k == L_TOTAL && p->total.raw != NULL;
}

/* A second amount label of the other kind (当年资金总额 beside 资金总额) has
 * room beside the first. */
static bool total_has_room(const pb_extractor *x, const char *label)
{
    const pb_project *p = x->cur;
    return p->total.raw && pbi_label_is_year(label) != x->total_year && !p->long_total.raw;
}

/* A contact line after the indicators (负责人 | 联系电话, 单位名称（盖章） in
 * the table's foot, in a table nested there or in the table right after
 * it, with no heading between) signs the project above; it starts no
 * project of its own. */
static bool contact_footer(const pb_extractor *x, const pb_table *t, label_kind k)
{
    if (k != L_MANAGER && k != L_PHONE && k != L_UNIT_NAME && k != L_UNIT_CODE)
        return false;
    const pb_project *p = x->cur;
    return t->index == p->last_table || (t->index == p->last_table + 1 && !x->title) ||
           (t->parent_table >= p->first_table && t->parent_table <= p->last_table + 1);
}

static bool starts_next_project(const pb_extractor *x, const pb_table *t, label_kind k, const char *label)
{
    if (!x->cur)
        return true;
    if (!is_header_field(k))
        return false;
    if (x->cur->has_indicator_table)
        return !contact_footer(x, t, k);
    return field_taken(x->cur, k) && !(k == L_TOTAL && total_has_room(x, label));
}

/* A row where a bare 其他 or 合计 names a part of the funds: beside a fund
 * label, or under 资金总额及构成 merged down over lines of label | amount. */
static bool funds_context(const pb_extractor *x, slot *s, int n)
{
    for (int i = 0; i < n; i++) {
        label_kind k = pbi_slot_kind(x, &s[i], false);
        if (k == L_FUNDS_GROUP || k == L_FUNDS_TEXT || k == L_FISCAL || k == L_TOTAL)
            return true;
    }
    return false;
}

static bool fund_header(pb_extractor *x, const pb_table *t, int row, const slot *s, const label_kind *kind, int n)
{
    x->fund_n = 0;
    for (int i = 0; i < n && x->fund_n < MAX_FUND_COLS; i++) {
        if (!is_amount_label(kind[i]) || s[i].cell->row != row)
            continue;
        if (starts_next_project(x, t, kind[i], s[i].label) && !pbi_new_project(x, t, pbi_cell_loc(t, s[i].cell)))
            return false;
        x->keys |= KEY_FIELD(kind[i]);
        if (kind[i] == L_TOTAL && x->cur->unit == PB_UNIT_UNKNOWN)
            x->cur->unit = pbi_unit_in(s[i].label);
        x->fund_cols[x->fund_n] = s[i].cell->col;
        x->fund_kinds[x->fund_n] = kind[i];
        x->fund_labels[x->fund_n] = pb_arena_strdup(x->sa, s[i].label);
        if (!x->fund_labels[x->fund_n])
            return false;
        x->fund_n++;
    }
    x->fund_table = t->index;
    x->fund_row = row;
    return true;
}

/* A label whose lines may go on in the rows below (资金总额及构成, 年度目标),
 * beside it merged down or with its cell left blank there: the row just read. */
static void label_lines(pb_extractor *x, const pb_table *t, int row, int label_col, label_kind k)
{
    x->lines_table = t->index;
    x->lines_row = row;
    x->lines_col = label_col;
    x->lines_kind = k;
}

static bool is_goal_label(label_kind k) { return k == L_GOALS || k == L_LONG_GOALS; }

/* 年度目标 over several rows, a goal in each («目标1:…» | «目标2:…»): each
 * row's text adds its lines to the goals (the first row's is the cell).
 * Each row copies the lines so far: past MAX_GOAL_LINES (no filing comes
 * near) the rows below add nothing, so that a label merged down 100,000
 * rows costs neither quadratic time nor memory. */
#define MAX_GOAL_LINES 256
static bool more_goal_lines(pb_extractor *x, label_kind k, const pb_table *t, const pb_cell *c)
{
    pb_project *p = x->cur;
    pb_field *cell = k == L_GOALS ? &p->goals_cell : &p->long_goals_cell;
    const char ***lines = k == L_GOALS ? &p->goals : &p->long_goals;
    size_t *count = k == L_GOALS ? &p->goal_count : &p->long_goal_count;
    if (pbi_is_blank(cell->text))
        return pbi_set_goals(x, cell, lines, count, t, c);
    if (*count >= MAX_GOAL_LINES)
        return true;
    const char **more;
    size_t n;
    if (!pbi_split_goals(x, c->text, &more, &n))
        return false;
    if (!n)
        return true;
    const char **all = pb_arena_alloc(x->a, (*count + n) * sizeof *all);
    if (!all)
        return false;
    if (*count)
        memcpy(all, *lines, *count * sizeof *all);
    memcpy(all + *count, more, n * sizeof *all);
    *lines = all;
    *count += n;
    return true;
}

static bool more_lines(pb_extractor *x, const pb_table *t, const pb_cell *c)
{
    return x->lines_kind == L_FUNDS_TEXT ? pbi_amounts_in_text(x, c->text, pbi_cell_loc(t, c))
                                         : more_goal_lines(x, x->lines_kind, t, c);
}

/* 资金总额及构成 or 年度目标 with its label cell left blank (or, in a
 * worksheet, absent) on the lines below instead of merged down: a row of
 * one text right of the label's column, right after it.  The text's index
 * in s, or -1. */
static int text_below(const pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool funds)
{
    int i;
    if (!x->cur || x->lines_table != t->index || x->lines_row != row - 1 || pbi_non_blank_slots(s, n, &i) != 1)
        return -1;
    for (int k = 0; k < n; k++)
        if (s[k].cell->col <= x->lines_col && s[k].cell->row != row)
            return -1; /* a label merged down from above is no blank one */
    return s[i].cell->row == row && s[i].cell->col > x->lines_col && pbi_slot_kind(x, &s[i], funds) == L_NONE
               ? i
               : -1;
}

static bool key_value(pb_extractor *x, const pb_table *t, const slot *s, int i, label_kind k, const pb_cell *v)
{
    pb_project *p = x->cur;
    pb_field *f = header_field(p, k);
    if (f)
        return pbi_set_field(x, f, t, v);
    switch (k) {
    case L_UNIT_NAME:
        return pbi_set_field(x, &x->unit_name, t, v);
    case L_UNIT_CODE:
        return pbi_set_field(x, &x->unit_code, t, v);
    case L_TOTAL:
        if (p->unit == PB_UNIT_UNKNOWN)
            p->unit = pbi_unit_in(s[i].label);
        return pbi_set_total(x, s[i].label, v ? v->text : "", v ? pbi_cell_loc(t, v) : PB_NOLOC);
    case L_FUNDS_TEXT:
        if (p->unit == PB_UNIT_UNKNOWN)
            p->unit = pbi_unit_in(s[i].label);
        label_lines(x, t, s[i].cell->row + s[i].cell->row_span - 1, s[i].cell->col, k);
        return !v || pbi_amounts_in_text(x, v->text, pbi_cell_loc(t, v));
    case L_FISCAL:
    case L_OTHER:
        return pbi_add_fund(x, s[i].label, k == L_FISCAL, t, v);
    case L_GOALS:
    case L_LONG_GOALS:
        if (v)
            label_lines(x, t, s[i].cell->row + s[i].cell->row_span - 1, s[i].cell->col, k);
        return k == L_GOALS ? pbi_set_goals(x, &p->goals_cell, &p->goals, &p->goal_count, t, v)
                            : pbi_set_goals(x, &p->long_goals_cell, &p->long_goals, &p->long_goal_count, t, v);
    default:
        return true;
    }
}

/* 总体目标 (or 项目绩效目标) | 中期目标 | 年度目标: the first goal label,
 * followed in its row by goal labels of both terms, names the group they
 * make and is neither term (HB_qingshan_jyxt_2020, HN_ningxiang_batang_2021).
 * Its index, or -1. */
static int row_head_goal(const label_kind *kind, int n)
{
    int first = -1;
    bool year = false, long_term = false;
    for (int i = 0; i < n; i++) {
        if (!is_goal_label(kind[i]))
            continue;
        if (first < 0)
            first = i;
        else if (kind[i] == L_GOALS)
            year = true;
        else
            long_term = true;
    }
    return year && long_term ? first : -1;
}

/* 总体目标 | 中期目标 | 年度目标 with the texts in the row below (the 2015
 * 申报表): two goal labels or more, none with a text beside it. */
static bool goal_header(pb_extractor *x, const pb_table *t, int row, const slot *s, const label_kind *kind, int n)
{
    int goals = 0;
    for (int i = 0; i < n; i++) {
        if (!is_goal_label(kind[i]))
            continue;
        goals++;
        if (i + 1 < n && kind[i + 1] == L_NONE && !pbi_is_blank(s[i + 1].cell->text))
            return false;
    }
    if (goals < 2 || !x->cur)
        return false;
    x->goal_n = 0;
    int head = row_head_goal(kind, n);
    /* 中期目标 after 年度目标 puts the year's first */
    for (int i = 0, seen_goals = 0; i < n; i++) {
        if (i == head)
            continue;
        if (kind[i] == L_GOALS && !seen_goals)
            seen_goals = 1, x->long_goals_first = 1;
        else if (kind[i] == L_LONG_GOALS && seen_goals)
            x->long_goals_first = 0;
    }
    for (int i = 0; i < n && x->goal_n < 4; i++)
        if (is_goal_label(kind[i]) && s[i].cell->row == row && i != head) {
            x->keys |= KEY_FIELD(kind[i]);
            x->goal_cols[x->goal_n] = s[i].cell->col;
            x->goal_kinds[x->goal_n++] = kind[i];
        }
    x->goal_table = t->index;
    x->goal_row = row;
    return true;
}

static bool goal_values(pb_extractor *x, const pb_table *t, int row)
{
    pb_project *p = x->cur;
    for (int k = 0; k < x->goal_n; k++) {
        const pb_cell *c = pb_table_at(t, row, x->goal_cols[k]);
        if (!c || c->row != row)
            continue;
        bool ok = x->goal_kinds[k] == L_GOALS
                      ? pbi_set_goals(x, &p->goals_cell, &p->goals, &p->goal_count, t, c)
                      : pbi_set_goals(x, &p->long_goals_cell, &p->long_goals, &p->long_goal_count, t, c);
        if (!ok)
            return false;
    }
    x->goal_n = 0;
    return true;
}

/* Fields of the key/value part that may head a column of their own. */
static bool is_text_field(label_kind k)
{
    return k == L_CODE || k == L_NAME || k == L_DEPARTMENT || k == L_IMPLEMENTER || k == L_ATTRIBUTE ||
           k == L_PERIOD;
}

/* 项目名称 | 主管部门 | 实施单位 with the values in the row below (as
 * horizontal_amounts): two such labels or more, each followed right beside
 * it by another label, or by nothing. */
static bool field_header(pb_extractor *x, const pb_table *t, int row, const slot *s, const label_kind *kind, int n)
{
    int fields = 0;
    for (int i = 0; i < n; i++) {
        if (kind[i] == L_NONE || s[i].cell->row != row)
            continue;
        if (!is_text_field(kind[i]))
            return false;
        fields++;
        if (!value_below(s, kind, n, i))
            return false;
    }
    if (fields < 2)
        return false;
    x->field_n = 0;
    for (int i = 0; i < n && x->field_n < MAX_FUND_COLS; i++) {
        if (kind[i] == L_NONE || s[i].cell->row != row)
            continue;
        if (starts_next_project(x, t, kind[i], s[i].label) && !pbi_new_project(x, t, pbi_cell_loc(t, s[i].cell)))
            return false;
        x->keys |= KEY_FIELD(kind[i]);
        if (kind[i] != L_CODE && kind[i] != L_NAME)
            x->cur->layout = PB_LAYOUT_DECLARATION;
        x->field_cols[x->field_n] = s[i].cell->col;
        x->field_kinds[x->field_n++] = kind[i];
    }
    x->field_table = t->index;
    x->field_row = row;
    return true;
}

/* The row below a row of field labels: its values, unless it holds labels
 * of its own (the labels above were left without values). */
static bool field_values(pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool *done)
{
    for (int i = 0; i < n; i++)
        if (s[i].cell->row == row && pbi_slot_kind(x, &s[i], false) != L_NONE) {
            x->field_n = 0;
            return true;
        }
    *done = true;
    for (int k = 0; k < x->field_n; k++) {
        const pb_cell *c = pb_table_at(t, row, x->field_cols[k]);
        if (c && c->row == row && !pbi_set_field(x, header_field(x->cur, x->field_kinds[k]), t, c))
            return false;
    }
    x->field_n = 0;
    return true;
}

/* 「项目名称：某项目」: the slot then holds the label, and *v a cell of the
 * arena with the text after the colon (at the cell's place). */
static bool label_inside(pb_extractor *x, slot *sl, bool funds, label_kind *k, const pb_cell **v)
{
    char head[LABEL_MAX];
    const char *rest;
    label_kind kk = pbi_label_inside(&x->lex, sl->cell->text, funds, head, sizeof head, &rest);
    if (kk == L_NONE)
        return false;
    pb_cell *c = pb_arena_alloc(x->sa, sizeof *c);
    if (!c)
        return false;
    *c = *sl->cell;
    c->text = pb_arena_strdup(x->sa, rest);
    if (!c->text)
        return false;
    memcpy(sl->label, head, sizeof head);
    sl->kind[funds] = (signed char)kk;
    *k = kk;
    *v = c;
    return true;
}

/* «1.项目名称» | «一、主管部门»: the slot then holds the label without its
 * number.  Only with a text beside it: «二、绩效目标» alone across a row
 * heads a part of the form, it is no field. */
static label_kind numbered_label(pb_extractor *x, slot *sl, bool funds)
{
    const char *rest;
    label_kind k = pbi_numbered_label(&x->lex, sl->label, funds, &rest);
    if (k == L_NONE)
        return L_NONE;
    memmove(sl->label, rest, strlen(rest) + 1);
    sl->kind[0] = sl->kind[1] = -1;
    sl->kind[funds] = (signed char)k;
    return k;
}

bool pbi_key_value_row(pb_extractor *x, const pb_table *t, int row, slot *s, int n, bool *used)
{
    label_kind kind[MAX_SLOTS + 1];
    const pb_cell *inside[MAX_SLOTS] = {NULL};
    bool funds = funds_context(x, s, n), any_inside = false;
    int line = text_below(x, t, row, s, n, funds);
    if (line >= 0) {
        *used = true;
        label_lines(x, t, row, x->lines_col, x->lines_kind);
        return more_lines(x, t, s[line].cell);
    }
    for (int i = 0; i < n; i++) {
        kind[i] = pbi_slot_kind(x, &s[i], funds);
        /* not the value of the label before it («年度资金总额:16 其中:上级资金16» beside 资金情况) */
        if (kind[i] == L_NONE && s[i].cell->row == row && (i == 0 || kind[i - 1] == L_NONE || inside[i - 1])) {
            any_inside |= label_inside(x, &s[i], funds, &kind[i], &inside[i]);
            if (kind[i] == L_NONE && i + 1 < n && !pbi_is_blank(s[i + 1].cell->text))
                kind[i] = numbered_label(x, &s[i], funds);
        }
    }
    kind[n] = L_NONE;
    for (int i = 0; i < n; i++) {
        pb_money_unit u = pbi_unit_in(s[i].label);
        if (u != PB_UNIT_UNKNOWN && kind[i] != L_TOTAL && s[i].cell->row == row) {
            if (!unit_row(x, t, s, n, i, u, kind[i] == L_NONE))
                return false;
            *used = true;
        }
    }
    /* labels with their values inside are no header of a row of values */
    if (!any_inside && horizontal_amounts(s, kind, n, row)) {
        *used = true;
        return fund_header(x, t, row, s, kind, n);
    }
    if (!any_inside && goal_header(x, t, row, s, kind, n)) {
        *used = true;
        return true;
    }
    if (!any_inside && field_header(x, t, row, s, kind, n)) {
        *used = true;
        return true;
    }
    for (int i = 0; i < n; i++) {
        label_kind k = kind[i];
        if (k == L_NONE)
            continue;
        if ((k == L_FUNDS_TEXT || is_goal_label(k)) && s[i].cell->row != row) {
            /* 资金总额及构成 or 年度目标 merged down: one more line beside it */
            if (x->cur && i + 1 < n && kind[i + 1] == L_NONE && s[i + 1].cell->row == row) {
                *used = true;
                label_lines(x, t, row, s[i].cell->col, k);
                if (!more_lines(x, t, s[i + 1].cell))
                    return false;
                i++;
            }
            continue;
        }
        if (s[i].cell->row != row && k != L_BUDGET_GROUP)
            continue; /* a label merged down from above */
        *used = true;
        if (starts_next_project(x, t, k, s[i].label) && (s[i].cell->row == row || !x->cur) &&
            !pbi_new_project(x, t, pbi_cell_loc(t, s[i].cell)))
            return false;
        x->keys |= KEY_FIELD(k);
        if (k == L_FUNDS_GROUP || k == L_ATTRIBUTE || k == L_DEPARTMENT || k == L_IMPLEMENTER)
            x->cur->layout = PB_LAYOUT_DECLARATION;
        if (k == L_SCHEDULE)
            return schedule_header(x, t, row, s, n, i);
        if (k == L_BUDGET_GROUP) {
            /* The purpose row: the group label merged down, one text beside it. */
            pb_project *p = x->cur;
            if (s[i].cell->row != row && n == 2 && s[1].cell->row == row && kind[1] == L_NONE &&
                !p->purpose.text && !pbi_set_field(x, &p->purpose, t, s[1].cell))
                return false;
            continue;
        }
        if (k == L_FUNDS_GROUP)
            continue;
        /* a worksheet leaves a blank value out: the text after the gap is
         * the next field's label (项目编码 | | 项目分类 | …), not this value */
        const pb_cell *v = inside[i]                                                   ? inside[i]
                           : i + 1 < n && kind[i + 1] == L_NONE && adjacent(s, i, i + 1) ? s[i + 1].cell
                                                                                          : NULL;
        if (!key_value(x, t, s, i, k, v))
            return false;
        if (v && !inside[i])
            i++;
    }
    return true;
}

bool pbi_pending_values_row(pb_extractor *x, const pb_table *t, int r, slot *s, int n, bool *done)
{
    *done = false;
    if (x->sched != SCHED_NONE && x->cur && x->sched_table == t->index && x->sched_row == r - 1) {
        *done = true;
        return schedule_next_row(x, t, r, s, n);
    }
    if (x->fund_n && x->cur && x->fund_table == t->index && x->fund_row == r - 1) {
        *done = true;
        return fund_values(x, t, r);
    }
    if (x->goal_n && x->cur && x->goal_table == t->index && x->goal_row == r - 1) {
        *done = true;
        return goal_values(x, t, r);
    }
    if (x->field_n && x->cur && x->field_table == t->index && x->field_row == r - 1)
        return field_values(x, t, r, s, n, done);
    return true;
}
