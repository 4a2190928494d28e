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
