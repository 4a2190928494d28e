/* The checker's one way in: a finding of a rule, at the severity the
 * configuration gives it, appended to the document (every rule family
 * calls this file; it calls none of them). */
#include "check/check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void vadd(pbi_checker *k, pbi_rule_id rule, int dflt, const pb_project *p, pb_loc loc, const char *fmt,
                 va_list ap) __attribute__((format(printf, 6, 0)));

/* dflt < 0: the rule's own default severity. */
static void vadd(pbi_checker *k, pbi_rule_id rule, int dflt, const pb_project *p, pb_loc loc, const char *fmt,
                 va_list ap)
{
    const pb_rule *r = pbi_rule(rule);
    pb_severity sev = pbi_config_severity_or(k->c, r, dflt < 0 ? r->severity : (pb_severity)dflt);
    if (sev == PB_SEV_OFF || k->oom)
        return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    pb_document *d = k->d;
    if (d->finding_count == k->cap) {
        size_t ncap = k->cap ? k->cap * 2 : 16;
        pb_finding *n = ncap < SIZE_MAX / sizeof *n ? realloc(k->buf, ncap * sizeof *n) : NULL;
        if (!n) {
            k->oom = true;
            return;
        }
        k->buf = d->findings = n;
        k->cap = ncap;
    }
    pb_finding *f = &d->findings[d->finding_count];
    f->rule = r;
    f->severity = sev;
    f->project = p;
    f->loc = loc;
    f->subject = NULL;
    f->message = pb_arena_strdup(d->arena, msg);
    if (!f->message) {
        k->oom = true;
        return;
    }
    d->finding_count++;
}

bool pbi_rule_on(const pbi_checker *k, pbi_rule_id rule)
{
    const pb_rule *r = pbi_rule(rule);
    return pbi_config_severity_or(k->c, r, r->severity) != PB_SEV_OFF;
}

void pbi_add(pbi_checker *k, pbi_rule_id rule, const pb_project *p, pb_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(k, rule, -1, p, loc, fmt, ap);
    va_end(ap);
}

void pbi_add_sev(pbi_checker *k, pbi_rule_id rule, pb_severity dflt, const pb_project *p, pb_loc loc,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(k, rule, (int)dflt, p, loc, fmt, ap);
    va_end(ap);
}

void pbi_list_add(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    if (*len + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= cap - *len) {
        buf[*len] = '\0';
        snprintf(buf + *len, cap - *len, "%s", _(" …"));
        *len = cap;
    } else
        *len += (size_t)w;
}

/* ---- what a finding is about (fingerprints, baselines) */

static bool same_loc(pb_loc a, pb_loc b)
{
    /* paragraph means something only outside the tables */
    return a.table == b.table && a.row == b.row && a.col == b.col && (a.table >= 0 || a.paragraph == b.paragraph);
}

const char *pbi_indicator_subject(const pb_indicator *ind, char *buf, size_t cap)
{
    const char *parts[3] = {ind->level1.text, ind->level2.text, ind->level3.text};
    pbi_join(buf, cap, "/", parts, 3);
    return buf;
}

/* The first indicator, in order, whose value cell is at loc or whose row
 * is loc's: the one a finding at loc is about. */
static bool indicator_at(const pb_indicator *ind, pb_loc loc)
{
    return same_loc(ind->value_cell.loc, loc) || (ind->loc.table == loc.table && ind->loc.row == loc.row);
}

static const pb_indicator *first_indicator_at(const pb_project *p, pb_loc loc)
{
    for (size_t i = 0; i < p->indicator_count; i++)
        if (indicator_at(&p->indicators[i], loc))
            return &p->indicators[i];
    return NULL;
}

/* The same through a pbi_subject_index: the indicators of loc's row and
 * of loc's value cell found by binary search, the first in order of both. */
static int cmp_row_key(const void *x, const void *y)
{
    const pbi_row_key *a = x, *b = y;
    if (a->table != b->table)
        return a->table < b->table ? -1 : 1;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static size_t first_key(const pbi_row_key *keys, size_t n, pbi_row_key want)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_row_key(&keys[mid], &want) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && keys[lo].table == want.table && keys[lo].row == want.row && keys[lo].col == want.col ? lo : n;
}

bool pbi_subject_index_build(pb_arena *a, const pb_project *p, pbi_subject_index *ix)
{
    size_t n = p->indicator_count;
    *ix = (pbi_subject_index){p, NULL, NULL};
    if (!n)
        return true;
    ix->rows = pb_arena_alloc(a, n * sizeof *ix->rows);
    ix->cells = pb_arena_alloc(a, n * sizeof *ix->cells);
    if (!ix->rows || !ix->cells)
        return false;
    for (size_t i = 0; i < n; i++) {
        const pb_indicator *ind = &p->indicators[i];
        ix->rows[i] = (pbi_row_key){ind->loc.table, ind->loc.row, 0, i};
        ix->cells[i] = (pbi_row_key){ind->value_cell.loc.table, ind->value_cell.loc.row, ind->value_cell.loc.col, i};
    }
    qsort(ix->rows, n, sizeof *ix->rows, cmp_row_key);
    qsort(ix->cells, n, sizeof *ix->cells, cmp_row_key);
    return true;
}

static const pb_indicator *indexed_indicator_at(const pbi_subject_index *ix, pb_loc loc)
{
    size_t n = ix->project->indicator_count, best = n;
    size_t r = first_key(ix->rows, n, (pbi_row_key){loc.table, loc.row, 0, 0});
    if (r < n)
        best = ix->rows[r].index;
    /* (loc is in a table: same_loc is the cell's table, row and column) */
    size_t c = first_key(ix->cells, n, (pbi_row_key){loc.table, loc.row, loc.col, 0});
    if (c < n && ix->cells[c].index < best)
        best = ix->cells[c].index;
    return best < n ? &ix->project->indicators[best] : NULL;
}

static const char *subject_of(const pb_finding *f, const pbi_subject_index *ix, char *buf, size_t cap)
{
    const pb_project *p = f->project;
    pbi_join(buf, cap, "", &f->subject, 1);
    if (f->subject)
        return buf;
    if (!p || f->loc.table < 0)
        return buf;
    for (size_t i = 0; i < p->schedule.count; i++)
        if (same_loc(p->schedule.items[i].loc, f->loc)) {
            const char *parts[2] = {"资金支出计划", p->schedule.items[i].label};
            pbi_join(buf, cap, "/", parts, 2);
            return buf;
        }
    const pb_indicator *ind = ix ? indexed_indicator_at(ix, f->loc) : first_indicator_at(p, f->loc);
    if (ind)
        return pbi_indicator_subject(ind, buf, cap);
    const pb_amount *amounts[3] = {&p->total, &p->fiscal, &p->other};
    static const char *const names[3] = {"预算数", "财政资金", "其他资金"};
    for (int i = 0; i < 3; i++)
        if (same_loc(amounts[i]->loc, f->loc)) {
            pbi_join(buf, cap, "", &names[i], 1);
            return buf;
        }
    return buf;
}

const char *pb_finding_subject(const pb_finding *f, char *buf, size_t cap) { return subject_of(f, NULL, buf, cap); }

const char *pbi_subject_indexed(const pb_finding *f, const pbi_subject_index *ix, char *buf, size_t cap)
{
    return subject_of(f, ix && ix->project == f->project ? ix : NULL, buf, cap);
}
