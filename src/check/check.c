/* The checks' driver: the rule families in order, the order of the
 * findings, and the document-level findings (PB401, PB601).  Findings are
 * added through finding.c.
 * The rules live one family per file (schedule.c, money.c, values.c,
 * structure.c, identity.c); each rule's explanation lives in the catalogue
 * (rules.c).  Messages quote the document's own words in 「」 and say how to
 * fix the finding.  No XML here. */
#include "check/check.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* One table's rules, in the order of the form. */
static void check_project(pbi_checker *k, const pb_project *p)
{
    pbi_check_complete(k, p);
    pbi_check_schedule(k, p);
    pbi_check_money(k, p);
    for (size_t j = 0; j < p->indicator_count; j++)
        pbi_check_indicator(k, p, &p->indicators[j]);
    pbi_check_effects(k, p);
    pbi_check_framework(k, p);
    pbi_check_targets(k, p);
    if (p->indicator_count > 0)
        pbi_check_wording(k, p);
}

/* A 部门整体 table: the rules on each indicator's value, wording and
 * direction, never those of a complete project table (PB402-PB407), of its
 * spending schedule or of its budget. */
static void check_department(pbi_checker *k, const pb_project *p)
{
    for (size_t j = 0; j < p->indicator_count; j++)
        pbi_check_indicator(k, p, &p->indicators[j]);
    pbi_check_effects(k, p);
    pbi_check_targets(k, p);
    if (p->indicator_count > 0)
        pbi_check_wording(k, p);
}

/* ---- order of the findings */

static int cmp_loc(pb_loc a, pb_loc b)
{
    if (a.table != b.table) return a.table < b.table ? -1 : 1;
    if (a.row != b.row) return a.row < b.row ? -1 : 1;
    if (a.col != b.col) return a.col < b.col ? -1 : 1;
    if (a.table < 0 && a.paragraph != b.paragraph) return a.paragraph < b.paragraph ? -1 : 1;
    return 0;
}

static int cmp_finding(const void *x, const void *y)
{
    const pb_finding *a = x, *b = y;
    int pa = a->project ? a->project->number : 0, pb = b->project ? b->project->number : 0;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    int c = cmp_loc(a->loc, b->loc);
    if (c)
        return c;
    c = strcmp(a->rule->id, b->rule->id);
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

bool pbi_check_begin(pbi_checker *k, pb_document *d, const pb_config *c)
{
    *k = (pbi_checker){.d = d, .c = c, .scratch = d->arena};
    if (d->finding_count) {
        /* findings of an earlier call stay first */
        if (!(k->buf = malloc(d->finding_count * sizeof *k->buf)))
            return false;
        memcpy(k->buf, d->findings, d->finding_count * sizeof *k->buf);
        k->cap = d->finding_count;
        d->findings = k->buf;
    }
    if (!(k->keep = pb_arena_new())) {
        free(k->buf);
        return false;
    }
    k->code_default = c->code_pattern && strcmp(c->code_pattern, PB_DEFAULT_CODE_PATTERN) == 0;
    k->code_re_ok = c->code_pattern && !k->code_default &&
                    regcomp(&k->code_re, c->code_pattern, REG_EXTENDED | REG_NOSUB) == 0;
    return true;
}

static void repoint(pbi_checker *k, size_t from, const pb_project *was, const pb_project *now)
{
    for (size_t i = from; i < k->d->finding_count; i++)
        if (k->d->findings[i].project == was)
            k->d->findings[i].project = now;
}

typedef struct pbi_view_subject {
    pb_loc at[2];
    const char *text[2]; /* NULL: the project is whole */
} pbi_view_subject;

static void add_view(pbi_checker *k, const pb_project *view)
{
    if (!pbi_grow(k->keep, (void **)&k->views, &k->view_cap, k->view_count, sizeof *k->views) ||
        !pbi_grow(k->keep, (void **)&k->view_subjects, &k->view_subject_cap, k->view_count,
                  sizeof *k->view_subjects)) {
        k->oom = true;
        return;
    }
    k->view_subjects[k->view_count] = (pbi_view_subject){{PB_NOLOC, PB_NOLOC}, {NULL, NULL}};
    k->views[k->view_count++] = view;
}

/* What pb_finding_subject says of the code and name cells of p, kept in
 * the document's arena for the findings to come. */
static void keep_view_subjects(pbi_checker *k, const pb_project *p, pbi_view_subject *vs)
{
    const pb_field *f[2] = {&p->code, &p->name};
    for (int i = 0; i < 2 && !k->oom; i++) {
        char subject[1024];
        pb_finding at = {.project = p, .loc = pbi_field_or(f[i], p->loc)};
        const char *s = pb_finding_subject(&at, subject, sizeof subject);
        vs->at[i] = at.loc;
        vs->text[i] = *s ? pb_arena_strdup(k->d->arena, s) : "";
        k->oom = !vs->text[i];
    }
}

/* A finding of the rules across projects on a view whose project is gone:
 * its subject, as its project whole gave it. */
static void view_subject(const pbi_checker *k, size_t view, pb_finding *f)
{
    const pbi_view_subject *vs = &k->view_subjects[view];
    for (int i = 0; i < 2 && !f->subject; i++)
        if (vs->text[i] && memcmp(&vs->at[i], &f->loc, sizeof f->loc) == 0)
            f->subject = vs->text[i];
}

void pbi_check_table(pbi_checker *k, const pb_project *p)
{
    if (k->oom)
        return;
    size_t from = k->d->finding_count;
    /* PB323 on the texts as printed; every other rule on them without
     * their placeholders */
    const pb_project *q = pbi_check_placeholders(k, p) ? pbi_placeholders_cut(k, p) : p;
    if (!q)
        return;
    if (!pbi_classify(k, q)) {
        k->oom = true;
        return;
    }
    if (p->whole_department) {
        check_department(k, q);
    } else {
        check_project(k, q);
        pbi_check_title(k, q);
        pbi_copied_add(k, q);
        add_view(k, q);
    }
    /* q may be freed once checked, and its addresses taken again */
    pbi_unclassify(k);
    repoint(k, from, q, p);
}

void pbi_check_retire(pbi_checker *k, const pb_project *p, const pb_project *stub, size_t from)
{
    pb_document *d = k->d;
    pbi_subject_index ix;
    if (!pbi_subject_index_build(k->scratch, p, &ix)) {
        k->oom = true;
        return;
    }
    for (size_t i = from; i < d->finding_count && !k->oom; i++) {
        pb_finding *f = &d->findings[i];
        if (f->project != p)
            continue;
        char subject[1024];
        if (!f->subject && !(f->subject = pb_arena_strdup(d->arena, pbi_subject_indexed(f, &ix, subject, sizeof subject))))
            k->oom = true;
        f->project = stub;
    }
    if (p->whole_department || !k->view_count)
        return;
    /* p's view is the last one added */
    const pb_project **view = &k->views[k->view_count - 1];
    keep_view_subjects(k, p, &k->view_subjects[k->view_count - 1]);
    *view = *view == p ? stub : pbi_project_identity(k->keep, *view);
    k->oom = k->oom || !*view;
}

/* What the checker holds beside the document. */
static void release(pbi_checker *k)
{
    if (k->code_re_ok)
        regfree(&k->code_re);
    k->code_re_ok = false;
    pb_arena_free(k->keep);
    k->keep = NULL;
    free(k->buf);
    k->buf = NULL;
}

bool pbi_check_end(pbi_checker *k)
{
    pb_document *d = k->d;
    if (!k->oom && d->project_count == 0 && d->department_count == 0) /* a 部门整体 table is a target table */
        pbi_add(k, RULE_NO_TARGET_TABLE, NULL, PB_NOLOC,
            _("no project target table (项目支出绩效目标表) was found among the document's %d tables"),
            d->tables_seen);
    for (size_t i = 0; i < d->skipped_count; i++) {
        const pb_skipped_table *sk = &d->skipped[i];
        if (sk->title)
            pbi_add(k, RULE_SELF_EVALUATION_SKIPPED, NULL, sk->loc,
                _("「%s」 is a self-evaluation table (绩效自评表), not a target table; it was not checked"), sk->title);
        else
            pbi_add(k, RULE_SELF_EVALUATION_SKIPPED, NULL, sk->loc, "%s",
                _("a table with the columns of a self-evaluation (实际完成值, 分值, 得分 …) is not a target table; "
                  "it was not checked"));
    }
    if (!k->oom) {
        size_t from = d->finding_count;
        pbi_check_copied(k);
        pbi_check_identity(k);
        pbi_check_summary(k);
        /* the findings on a view are its project's (view i is project i) */
        for (size_t i = from; i < d->finding_count; i++) {
            const pb_project *p = d->findings[i].project;
            size_t at = p ? (size_t)p->number - 1 : 0;
            if (p && p->number >= 1 && at < k->view_count && at < d->project_count && k->views[at] == p) {
                view_subject(k, at, &d->findings[i]);
                d->findings[i].project = d->projects[at];
            }
        }
    }
    /* No finding leaves d->findings NULL, which qsort must not be given. */
    if (!k->oom && d->finding_count > 1)
        qsort(d->findings, d->finding_count, sizeof *d->findings, cmp_finding);
    d->findings = NULL;
    if (!k->oom && d->finding_count &&
        (d->findings = pb_arena_alloc(d->arena, d->finding_count * sizeof *d->findings)))
        memcpy(d->findings, k->buf, d->finding_count * sizeof *d->findings);
    if (d->finding_count && !d->findings) {
        d->finding_count = 0;
        k->oom = true;
    }
    bool ok = !k->oom;
    release(k);
    return ok;
}

void pbi_check_abandon(pbi_checker *k)
{
    release(k);
    if (k->d) {
        k->d->findings = NULL;
        k->d->finding_count = 0;
    }
    *k = (pbi_checker){0};
}

bool pb_check(pb_document *d, const pb_config *c)
{
    pb_config dflt;
    if (!c) {
        pb_config_default(&dflt);
        c = &dflt;
    }
    if (d->error.status != PB_OK)
        return true;
    pbi_checker k;
    if (!pbi_check_begin(&k, d, c))
        return false;
    for (size_t i = 0; i < d->project_count; i++)
        pbi_check_table(&k, d->projects[i]);
    for (size_t i = 0; i < d->department_count; i++)
        pbi_check_table(&k, d->departments[i]);
    return pbi_check_end(&k);
}
