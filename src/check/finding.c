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

static const char *or_empty(const char *s) { return s ? s : ""; }

const char *pbi_indicator_subject(const pb_indicator *ind, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s/%s", or_empty(ind->level1.text), or_empty(ind->level2.text), or_empty(ind->level3.text));
    return buf;
}

const char *pb_finding_subject(const pb_finding *f, char *buf, size_t cap)
{
    const pb_project *p = f->project;
    snprintf(buf, cap, "%s", f->subject ? f->subject : "");
    if (f->subject)
        return buf;
    if (!p || f->loc.table < 0)
        return buf;
    for (size_t i = 0; i < p->schedule.count; i++)
        if (same_loc(p->schedule.items[i].loc, f->loc)) {
            snprintf(buf, cap, "资金支出计划/%s", or_empty(p->schedule.items[i].label));
            return buf;
        }
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (same_loc(ind->value_cell.loc, f->loc) ||
            (ind->loc.table == f->loc.table && ind->loc.row == f->loc.row))
            return pbi_indicator_subject(ind, buf, cap);
    }
    const pb_amount *amounts[3] = {&p->total, &p->fiscal, &p->other};
    static const char *const names[3] = {"预算数", "财政资金", "其他资金"};
    for (int i = 0; i < 3; i++)
        if (same_loc(amounts[i]->loc, f->loc)) {
            snprintf(buf, cap, "%s", names[i]);
            return buf;
        }
    return buf;
}
