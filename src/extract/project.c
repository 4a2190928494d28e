/* Projects as the extractor builds them: a new project, its fields and
 * fund parts, and its amounts once the unit is known. */
#include "extract/extractor.h"
#include "model/model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *pbi_keep(pb_extractor *x, const char *s)
{
    return pb_arena_strdup(x->a, s ? s : "");
}

static void no_field(pb_field *f) { f->loc = PB_NOLOC; }

void pbi_set_title(pb_extractor *x, const char *s, pb_loc loc)
{
    snprintf(x->title_buf, sizeof x->title_buf, "%s", s);
    x->title = x->title_buf;
    x->title_loc = loc;
}

static bool scratch_grow(void **buf, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 8;
    if (ncap > SIZE_MAX / size)
        return false;
    void *n = realloc(*buf, ncap * size);
    if (!n)
        return false;
    *buf = n;
    *cap = ncap;
    return true;
}

bool pbi_grow_indicators(pb_extractor *x)
{
    pb_project *p = x->cur;
    if (!scratch_grow((void **)&x->ind_buf, &x->ind_buf_cap, p->indicator_count, sizeof *x->ind_buf))
        return false;
    p->indicators = x->ind_buf;
    return true;
}

bool pbi_grow_funds(pb_extractor *x)
{
    pb_project *p = x->cur;
    if (!scratch_grow((void **)&x->fund_buf, &x->fund_buf_cap, p->fund_count, sizeof *x->fund_buf))
        return false;
    p->funds = x->fund_buf;
    return true;
}

/* items (in a scratch buffer) copied to the arena at their size. */
static bool settle(pb_extractor *x, void **items, size_t count, size_t size)
{
    if (!count) {
        *items = NULL;
        return true;
    }
    void *n = pb_arena_alloc(x->a, count * size);
    if (!n)
        return false;
    memcpy(n, *items, count * size);
    *items = n;
    return true;
}

void pbi_extractor_free(pb_extractor *x)
{
    if (!x)
        return;
    if (x->a != x->sa) {
        x->cur = NULL; /* it was in x->a */
        pb_arena_free(x->a);
        x->a = x->sa;
    }
    /* a project left open by a failed read points at nothing freed */
    if (x->cur && x->cur->indicators == x->ind_buf) {
        x->cur->indicators = NULL;
        x->cur->indicator_count = 0;
    }
    if (x->cur && x->cur->funds == x->fund_buf) {
        x->cur->funds = NULL;
        x->cur->fund_count = 0;
    }
    free(x->ind_buf);
    free(x->fund_buf);
    free(x->rc_slots);
    x->ind_buf = NULL;
    x->fund_buf = NULL;
    x->rc_slots = NULL;
    x->rc_count = 0;
}

bool pbi_new_project(pb_extractor *x, const pb_table *t, pb_loc loc)
{
    if (!pbi_close_project(x))
        return false;
    pb_project *p = pb_arena_alloc(x->a, sizeof *p);
    if (!p)
        return false;
    p->title = x->title ? pb_arena_strdup(x->a, x->title) : NULL;
    if (x->title && !p->title)
        return false;
    p->title_loc = p->title ? x->title_loc : PB_NOLOC;
    x->title = NULL;
    p->unit = x->para_unit;
    p->org = x->pend_org;
    p->org_loc = p->org ? x->pend_org_loc : PB_NOLOC;
    p->loc = loc;
    p->first_table = p->last_table = t->index;
    x->cur_parent = t->parent_table;
    pb_field *fields[] = {&p->code, &p->name, &p->purpose, &p->goals_cell, &p->unit_text, &p->attribute,
                          &p->department, &p->implementer, &p->manager, &p->phone, &p->period,
                          &p->long_goals_cell};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        no_field(fields[i]);
    if (x->pend_unit != PB_UNIT_UNKNOWN) {
        p->unit = x->pend_unit;
        p->unit_text = x->pend_unit_text;
    }
    x->pend_unit = PB_UNIT_UNKNOWN;
    x->pend_org = NULL;
    p->total.loc = p->fiscal.loc = p->other.loc = p->schedule.loc = PB_NOLOC;
    x->cur = p;
    x->ind_mode = false;
    x->sched = SCHED_NONE;
    x->fund_n = 0;
    x->terms_seen = 0;
    x->total_year = false;
    p->long_total.loc = p->long_fiscal.loc = p->long_other.loc = PB_NOLOC;
    return true;
}

bool pbi_set_field(pb_extractor *x, pb_field *f, const pb_table *t, const pb_cell *c)
{
    f->text = pbi_keep(x, c ? c->text : "");
    f->loc = c ? pbi_cell_loc(t, c) : PB_NOLOC;
    return f->text != NULL;
}

bool pbi_set_amount_raw(pb_extractor *x, pb_amount *m, const char *raw, pb_loc loc)
{
    m->raw = pbi_keep(x, raw);
    m->loc = loc;
    return m->raw != NULL;
}

bool pbi_set_amount(pb_extractor *x, pb_amount *m, const pb_table *t, const pb_cell *c)
{
    m->raw = pbi_keep(x, c ? c->text : "");
    m->loc = c ? pbi_cell_loc(t, c) : PB_NOLOC;
    return m->raw != NULL;
}

bool pbi_set_total(pb_extractor *x, const char *label, const char *raw, pb_loc loc)
{
    pb_project *p = x->cur;
    /* The year's amount goes in total, the whole project's beside it in
     * long_total, in whichever order the table gives them. */
    bool year = pbi_label_is_year(label);
    pb_amount *m = &p->total;
    if (year && p->total.raw && !x->total_year)
        p->long_total = p->total;
    else if (!year && x->total_year)
        m = &p->long_total;
    x->total_year = x->total_year || year;
    return pbi_set_amount_raw(x, m, raw, loc);
}

/* A part of the funds; a label met again (the same form filled twice)
 * replaces the part rather than counting it twice. */
bool pbi_add_fund(pb_extractor *x, const char *label, bool fiscal, const pb_table *t, const pb_cell *c)
{
    return pbi_add_fund_raw(x, label, fiscal, c ? c->text : "", c ? pbi_cell_loc(t, c) : PB_NOLOC);
}

bool pbi_add_fund_raw(pb_extractor *x, const char *label, bool fiscal, const char *raw, pb_loc loc)
{
    pb_project *p = x->cur;
    pb_fund *f = NULL;
    for (size_t i = 0; i < p->fund_count && !f; i++)
        if (strcmp(p->funds[i].label, label) == 0)
            f = &p->funds[i];
    if (!f) {
        if (!pbi_grow_funds(x))
            return false;
        f = &p->funds[p->fund_count++];
        memset(f, 0, sizeof *f);
        f->label = pb_arena_strdup(x->a, label);
        if (!f->label)
            return false;
    }
    f->fiscal = fiscal;
    return pbi_set_amount_raw(x, &f->amount, raw, loc);
}

bool pbi_note_nested(pb_extractor *x, const pb_table *t)
{
    size_t len = 1;
    for (int r = 0; r < t->row_count; r++)
        for (int i = 0; i < t->rows[r].count; i++)
            len += strlen(t->rows[r].cells[i].text ? t->rows[r].cells[i].text : "") + 1;
    char *text = pb_arena_alloc(x->sa, len), *w = text;
    if (!text)
        return false;
    /* A row is a line, its cells joined by a space. */
    for (int r = 0; r < t->row_count; r++) {
        for (int i = 0; i < t->rows[r].count; i++) {
            const char *s = t->rows[r].cells[i].text ? t->rows[r].cells[i].text : "";
            size_t n = strlen(s);
            memcpy(w, s, n);
            w += n;
            *w++ = i + 1 < t->rows[r].count ? ' ' : '\n';
        }
    }
    *w = '\0';
    x->nested[x->nested_n++ % MAX_NESTED] = (nested_text){t->parent_table, t->parent_row, t->parent_col, text};
    return true;
}

bool pbi_set_goals(pb_extractor *x, pb_field *f, const char ***lines, size_t *count, const pb_table *t,
                   const pb_cell *c)
{
    if (!pbi_set_field(x, f, t, c))
        return false;
    const char *text = f->text;
    if (c && pbi_is_blank(text)) {
        unsigned n = x->nested_n < MAX_NESTED ? x->nested_n : MAX_NESTED;
        for (unsigned i = 0; i < n; i++) {
            const nested_text *nt = &x->nested[i];
            if (nt->table == t->index && nt->col == c->col && nt->row >= c->row && nt->row < c->row + c->row_span) {
                text = nt->text;
                break;
            }
        }
        f->text = text;
    }
    return pbi_split_goals(x, text, lines, count);
}

/* Where the next item of «1.…；2.…；3.…» begins: at a ';' (「；」 folded)
 * followed by a list number; NULL when none does. */
static const char *next_item(const char *s, const char **item)
{
    for (const char *c = strchr(s, ';'); c; c = strchr(c + 1, ';')) {
        const char *i = c + 1;
        while (*i == ' ')
            i++;
        if (pbi_after_list_number(i) != i) {
            *item = i;
            return c;
        }
    }
    return NULL;
}

/* The items of one numbered line, each a goal; a line not numbered is
 * one goal whatever its 「；」 (sentences of one goal). */
static bool split_items(pb_extractor *x, const char *line, const char ***out, size_t *n, size_t *cap)
{
    bool numbered = pbi_after_list_number(line) != line;
    for (const char *s = line;;) {
        const char *item = NULL, *end = numbered ? next_item(s, &item) : NULL;
        char *part = pb_arena_strndup(x->a, s, end ? (size_t)(end - s) : strlen(s));
        if (!part || !pbi_grow(x->a, (void **)out, cap, *n, sizeof **out))
            return false;
        (*out)[(*n)++] = part;
        if (!end)
            return true;
        s = item;
    }
}

bool pbi_split_goals(pb_extractor *x, const char *s, const char ***lines, size_t *count)
{
    const char **raw;
    size_t n, cap = 0;
    if (!pbi_split_lines(x, s, &raw, &n))
        return false;
    *lines = NULL;
    *count = 0;
    for (size_t i = 0; i < n; i++)
        if (!split_items(x, raw[i], lines, count, &cap))
            return false;
    return true;
}

bool pbi_split_lines(pb_extractor *x, const char *s, const char ***lines, size_t *count)
{
    size_t cap = 0;
    *lines = NULL;
    *count = 0;
    while (s && *s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *line = pb_arena_strndup(x->a, s, n);
        if (!line)
            return false;
        char *norm = pbi_normalize(x->a, line, false);
        if (!norm)
            return false;
        if (*norm) {
            if (!pbi_grow(x->a, (void **)lines, &cap, *count, sizeof **lines))
                return false;
            (*lines)[(*count)++] = norm;
        }
        s = e ? e + 1 : s + n;
    }
    return true;
}


/* ---- amounts, once the unit is known */

static void finish_amount(pb_project *p, pb_amount *m)
{
    if (!m->raw || pbi_is_blank(m->raw)) {
        m->present = false;
        m->valid = true;
        return;
    }
    int exp;
    pb_decimal v;
    m->present = true;
    m->valid = pbi_amount_parse(m->raw, &v, &exp);
    if (!m->valid)
        return;
    if (exp >= 0 && p->unit == PB_UNIT_UNKNOWN)
        p->unit = exp == 8 ? PB_UNIT_YIYUAN : exp == 4 ? PB_UNIT_WANYUAN : exp == 0 ? PB_UNIT_YUAN : PB_UNIT_UNKNOWN;
    if (exp >= 0 && p->unit != PB_UNIT_UNKNOWN)
        m->valid = pbi_money_convert(v, exp, pb_money_unit_exp(p->unit), &v);
    m->value = v;
}

/* fiscal and other from the parts: one part is copied as it is (its raw
 * text and cell); several are added up, an unreadable one standing for
 * all. */
static bool sum_funds(pb_extractor *x, pb_project *p, bool fiscal, bool long_term, pb_amount *out)
{
    size_t parts = 0, present = 0;
    const pb_amount *one = NULL, *bad = NULL;
    pb_decimal sum = {0, 0};
    bool overflow = false;
    pb_buf raw = {0};
    for (size_t i = 0; i < p->fund_count; i++) {
        const pb_amount *m = &p->funds[i].amount;
        if (p->funds[i].fiscal != fiscal || p->funds[i].long_term != long_term)
            continue;
        parts++;
        one = one ? one : m;
        if (!m->valid && !bad)
            bad = m;
        if (!m->present || !m->valid)
            continue;
        if (present++ == 0)
            one = m;
        overflow = overflow || !pb_decimal_add(sum, m->value, &sum);
        if ((raw.len && !pbi_buf_append(&raw, "+", 1)) || !pbi_buf_append(&raw, m->raw, strlen(m->raw))) {
            pbi_buf_free(&raw);
            return false;
        }
    }
    bool ok = true;
    if (parts == 1 || bad || present <= 1) {
        if (bad || one)
            *out = bad ? *bad : *one;
    } else {
        *out = *one;
        out->value = sum;
        out->valid = !overflow;
        out->raw = pb_arena_strndup(x->a, raw.data, raw.len);
        ok = out->raw != NULL;
    }
    pbi_buf_free(&raw);
    return ok;
}

/* A table without a 项目名称 field (the 转移支付 tables) is named by its
 * heading: "1、邯财社…预算指标绩效目标表" → "邯财社…预算指标".  A heading
 * that names no project ("项目绩效目标表") names none. */
static bool name_from_title(pb_extractor *x, pb_project *p)
{
    static const char *const suffixes[] = {"项目支出绩效目标申报表", "项目支出绩效目标表", "绩效目标申报表",
                                           "绩效目标表", "申报表", "目标表"};
    if (p->name.text || !p->title)
        return true;
    const char *s = p->title;
    /* "1、", "1.", "一、", "(一)" */
    const char *q = s;
    while ((*q >= '0' && *q <= '9'))
        q++;
    if (q > s && (*q == '.' || pbi_has_prefix(q, "、")))
        s = q + (*q == '.' ? 1 : strlen("、"));
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (pbi_label_has_suffix(s, suffixes[i])) {
            n -= strlen(suffixes[i]);
            break;
        }
    if (n == strlen(s) || n < 3 * 4) /* no table's name, or too short to name a project */
        return true;
    char *name = pb_arena_strndup(x->a, s, n);
    if (!name)
        return false;
    if (pbi_contains(name, "部门预算") || pbi_contains(name, "年度") || strcmp(name, "项目") == 0)
        return true;
    p->name.text = name;
    p->name.loc = PB_NOLOC;
    return true;
}

/* A project once all its tables are read: its amounts in its unit, its
 * name from its heading where the table has none. */
static bool finish_project(pb_extractor *x, pb_project *p)
{
    if (!name_from_title(x, p))
        return false;
    finish_amount(p, &p->total);
    finish_amount(p, &p->long_total);
    /* Beside the year's parts (当年财政拨款), the others are the whole
     * project's. */
    bool year_parts = false;
    for (size_t j = 0; j < p->fund_count; j++) {
        finish_amount(p, &p->funds[j].amount);
        year_parts = year_parts || pbi_label_is_year(p->funds[j].label);
    }
    for (size_t j = 0; j < p->fund_count && year_parts; j++)
        p->funds[j].long_term = !pbi_label_is_year(p->funds[j].label);
    finish_amount(p, &p->fiscal);
    finish_amount(p, &p->other);
    if (!sum_funds(x, p, true, false, &p->fiscal) || !sum_funds(x, p, false, false, &p->other) ||
        !sum_funds(x, p, true, true, &p->long_fiscal) || !sum_funds(x, p, false, true, &p->long_other))
        return false;
    /* An amount whose label names 财政 and no other part (「财政拨款 50」
     * with no 资金总额) is both the total and the fiscal part. */
    bool only_fiscal = p->fund_count > 0;
    for (size_t j = 0; j < p->fund_count; j++)
        only_fiscal = only_fiscal && p->funds[j].fiscal && !p->funds[j].long_term;
    if (!p->total.raw && only_fiscal && p->fiscal.present)
        p->total = p->fiscal;
    return true;
}

/* A project goes to the document's projects, a 部门整体 table to its
 * departments, each numbered in its own list. */
static bool place(pb_extractor *x, pb_project *p)
{
    pb_document *d = x->doc;
    pb_project ***list = p->whole_department ? &d->departments : &d->projects;
    size_t *count = p->whole_department ? &d->department_count : &d->project_count;
    size_t *cap = p->whole_department ? &x->department_cap : &x->project_cap;
    if (!pbi_grow(x->sa, (void **)list, cap, *count, sizeof **list))
        return false;
    p->number = (int)*count + 1;
    (*list)[(*count)++] = p;
    return true;
}

/* A 单位整体 table is named by its 单位名称 and 单位编码 as a 部门整体 one by
 * its 部门名称 and 部门编码; a project keeps its own name and code. */
static void whole_unit_fields(pb_extractor *x, pb_project *p)
{
    if (p->whole_department && !p->name.text && x->unit_name.text)
        p->name = x->unit_name;
    if (p->whole_department && !p->code.text && x->unit_code.text)
        p->code = x->unit_code;
    x->unit_name = x->unit_code = (pb_field){NULL, PB_NOLOC};
}

bool pbi_close_project(pb_extractor *x)
{
    pb_project *p = x->cur;
    uint64_t keys = x->keys;
    x->keys = 0;
    if (!p)
        return true;
    x->cur = NULL;
    keys = pbi_whole_unit_keys(keys, p->title);
    if (keys & (KEY_FIELD(L_DEPT_NAME) | KEY_FIELD(L_DEPT_CODE)))
        p->whole_department = true;
    whole_unit_fields(x, p);
    if (!p->template_family) {
        const family *f = pbi_family_of(keys);
        p->template_family = f ? &f->t : NULL;
    }
    bool ok = true;
    if (p->indicators == x->ind_buf)
        ok = settle(x, (void **)&p->indicators, p->indicator_count, sizeof *p->indicators);
    if (p->funds == x->fund_buf)
        ok = ok && settle(x, (void **)&p->funds, p->fund_count, sizeof *p->funds);
    if (!ok || !finish_project(x, p) || !place(x, p))
        return false;
    if (!x->done)
        return true;
    ok = x->done(x->done_ctx, p);
    /* nothing of the project is needed any more */
    pbi_arena_reset(x->a);
    return ok;
}

bool pbi_extractor_stream(pb_extractor *x, pbi_project_done fn, void *ctx)
{
    if (!(x->a = pb_arena_new()))
        return false;
    x->done = fn;
    x->done_ctx = ctx;
    return true;
}

bool pbi_extract_finish(pb_extractor *x) { return pbi_close_project(x); }
