/* What the reporters say about a finding besides its message: the
 * project's key, the location as a path or a phrase, the subject in the
 * document's own labels, and the fingerprint that recognises it across
 * runs. */
#include "report/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void pbi_loc_path(pb_loc l, char *buf, size_t cap)
{
    if (l.table < 0 && l.paragraph >= 0)
        snprintf(buf, cap, "paragraph %d", l.paragraph + 1);
    else if (l.table < 0)
        snprintf(buf, cap, "%s", "");
    else
        snprintf(buf, cap, "table %d/row %d/column %d", l.table + 1, l.row + 1, l.col + 1);
}

/* The counts that are not zero, in words, joined with join ("%s, %s"). */
static void counts_in_words(char *buf, size_t cap, const size_t *n, const char *const *words, size_t k,
                            const char *join)
{
    buf[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (n[i] == 0)
            continue;
        char one[64], joined[256];
        snprintf(one, sizeof one, _(words[i]), n[i]);
        if (buf[0])
            snprintf(joined, sizeof joined, join, buf, one);
        else
            snprintf(joined, sizeof joined, "%s", one);
        snprintf(buf, cap, "%s", joined);
    }
}

bool pbi_verdict(const pb_document *d, pb_severity fail_on, char *buf, size_t cap)
{
    static const char *const words[] = {N_("%zu error(s)"), N_("%zu warning(s)"), N_("%zu info")};
    size_t by[PB_SEV_ERROR + 1] = {0};
    for (size_t i = 0; i < d->finding_count; i++)
        if (d->findings[i].severity <= PB_SEV_ERROR)
            by[d->findings[i].severity]++;
    if (fail_on <= PB_SEV_OFF || fail_on > PB_SEV_ERROR)
        fail_on = PB_SEV_ERROR;
    bool fails = false;
    for (int sev = fail_on; sev <= PB_SEV_ERROR; sev++)
        fails = fails || by[sev] > 0;
    /* Only the counts that are not zero: "0 条提示" tells a reader nothing. */
    size_t n[3] = {by[PB_SEV_ERROR], by[PB_SEV_WARNING], by[PB_SEV_INFO]};
    char list[256];
    if (fails) {
        counts_in_words(list, sizeof list, n, words, 3, _("%s, %s"));
        snprintf(buf, cap, _("needs changes: %s"), list);
    } else if (n[1] + n[2]) {
        /* errors always fail: a passing file has warnings and info only */
        counts_in_words(list, sizeof list, n + 1, words + 1, 2, _("%s and %s"));
        snprintf(buf, cap, _("passed, with %s to consider"), list);
    } else
        snprintf(buf, cap, "%s", _("passed"));
    return fails;
}

const char *pbi_project_agency(const pb_project *p)
{
    if (!p)
        return "";
    const char *c[] = {p->org, p->implementer.text, p->department.text};
    for (size_t i = 0; i < sizeof c / sizeof *c; i++)
        if (c[i] && !pbi_is_blank(c[i]))
            return c[i];
    return "";
}

void pbi_project_rules(const pb_document *d, const pb_project *p, char *buf, size_t cap)
{
    size_t n, o = 0;
    const pb_rule *all = pb_rules(&n);
    if (cap)
        buf[0] = '\0';
    for (size_t r = 0; r < n; r++) {
        bool hit = false;
        for (size_t i = 0; i < d->finding_count && !hit; i++)
            hit = d->findings[i].project == p && d->findings[i].rule == &all[r];
        if (!hit)
            continue;
        int w = snprintf(buf + o, cap - o, "%s%s", o ? " " : "", all[r].id);
        if (w < 0 || (size_t)w >= cap - o)
            return; /* cut at a whole ID */
        o += (size_t)w;
    }
}

size_t pbi_owner_of(const pb_document *d, const pb_project *p)
{
    if (!p)
        return 0;
    pb_project *const *list = p->whole_department ? d->departments : d->projects;
    size_t n = p->whole_department ? d->department_count : d->project_count;
    size_t base = p->whole_department ? 1 + d->project_count : 1;
    /* the extractor numbers them in their list; a document built by hand
     * may not */
    if (p->number >= 1 && (size_t)p->number <= n && list[p->number - 1] == p)
        return base + (size_t)p->number - 1;
    for (size_t i = 0; i < n; i++)
        if (list[i] == p)
            return base + i;
    return 0;
}

bool pbi_owners_build(const pb_document *d, pbi_owners *o)
{
    size_t owners = 1 + d->project_count + d->department_count, n = d->finding_count;
    size_t *of = malloc((n ? n : 1) * sizeof *of);
    o->start = calloc(owners + 1, sizeof *o->start);
    o->order = malloc((n ? n : 1) * sizeof *o->order);
    if (!of || !o->start || !o->order) {
        free(of);
        pbi_owners_free(o);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        o->start[(of[i] = pbi_owner_of(d, d->findings[i].project)) + 1]++;
    for (size_t i = 0; i < owners; i++)
        o->start[i + 1] += o->start[i];
    size_t *next = malloc(owners * sizeof *next);
    if (!next) {
        free(of);
        pbi_owners_free(o);
        return false;
    }
    memcpy(next, o->start, owners * sizeof *next);
    for (size_t i = 0; i < n; i++)
        o->order[next[of[i]]++] = i;
    free(next);
    free(of);
    return true;
}

void pbi_owners_free(pbi_owners *o)
{
    free(o->start);
    free(o->order);
    o->start = o->order = NULL;
}

const char *pbi_doc_path(const pb_document *d)
{
    return d->display_path ? d->display_path : d->path ? d->path : "";
}

const char *pbi_project_key(const pb_project *p)
{
    if (!p)
        return "";
    if (p->code.text && !pbi_is_blank(p->code.text))
        return p->code.text;
    if (p->name.text && !pbi_is_blank(p->name.text))
        return p->name.text;
    return "";
}

void pbi_finding_where(const pb_finding *f, char *buf, size_t cap)
{
    const char *key = pbi_project_key(f->project);
    char proj[600] = "";
    if (f->project)
        snprintf(proj, sizeof proj, "project %s", *key ? key : "(no code)");
    if (f->loc.table < 0 && f->loc.paragraph >= 0)
        snprintf(buf, cap, "%s%sparagraph %d", proj, *proj ? ", " : "", f->loc.paragraph + 1);
    else if (f->loc.table < 0)
        snprintf(buf, cap, "%s", proj);
    else
        snprintf(buf, cap, "%s%stable %d, row %d, column %d", proj, *proj ? ", " : "", f->loc.table + 1,
                 f->loc.row + 1, f->loc.col + 1);
}


/* Fingerprints: two FNV-1a 64 hashes with different bases. */

typedef struct fp_state {
    uint64_t h[2];
    size_t index;
} fp_state;

static void fp_bytes(fp_state *st, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            st->h[k] ^= (unsigned char)s[i];
            st->h[k] *= 0x100000001b3ULL;
        }
}

static void fp_field(fp_state *st, const char *s)
{
    fp_bytes(st, s, strlen(s));
    fp_bytes(st, "\x1f", 1);
}

/* The path as given, without leading "./" and with "//" as "/", so that
 * `pbcheck dir` and `pbcheck ./dir/` key their files alike. */
static void fp_path(fp_state *st, const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        for (path += 2; *path == '/'; path++)
            ;
    char prev = 0;
    for (; *path; prev = *path++)
        if (!(*path == '/' && prev == '/'))
            fp_bytes(st, path, 1);
    fp_bytes(st, "\x1f", 1);
}

static int cmp_state(const void *x, const void *y)
{
    const fp_state *a = x, *b = y;
    for (int k = 0; k < 2; k++)
        if (a->h[k] != b->h[k])
            return a->h[k] < b->h[k] ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void fp_hex(const fp_state *st, pb_fingerprint *out)
{
    snprintf(out->hex, PB_FINGERPRINT_SIZE, "%016llx%016llx", (unsigned long long)st->h[0],
             (unsigned long long)st->h[1]);
}

void pbi_fingerprint_fields(const char *const *fields, size_t n, pb_fingerprint *out)
{
    fp_state st = {{0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}, 0};
    fp_field(&st, "pbcheck-fingerprint-1");
    for (size_t i = 0; i < n; i++)
        fp_field(&st, fields[i] ? fields[i] : "");
    fp_hex(&st, out);
}

pb_fingerprint *pb_fingerprints(const pb_document *d)
{
    size_t n = d->finding_count;
    pb_fingerprint *out = calloc(n ? n : 1, sizeof *out);
    fp_state *st = malloc((n ? n : 1) * sizeof *st);
    if (!out || !st) {
        free(out);
        free(st);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const pb_finding *f = &d->findings[i];
        char subject[1024];
        st[i] = (fp_state){{0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}, i};
        fp_field(&st[i], "pbcheck-fingerprint-1");
        fp_path(&st[i], d->path ? d->path : "");
        fp_field(&st[i], pbi_project_key(f->project));
        fp_field(&st[i], f->rule ? f->rule->id : "");
        fp_field(&st[i], pb_finding_subject(f, subject, sizeof subject));
    }
    /* Findings with the same key are told apart by their order among
     * themselves, which an inserted row does not change. */
    qsort(st, n, sizeof *st, cmp_state);
    size_t occurrence = 0;
    for (size_t i = 0; i < n; i++) {
        occurrence = i > 0 && st[i].h[0] == st[i - 1].h[0] && st[i].h[1] == st[i - 1].h[1] ? occurrence + 1 : 0;
        char num[32];
        int len = snprintf(num, sizeof num, "%zu", occurrence);
        fp_state fin = st[i];
        fp_bytes(&fin, num, (size_t)len);
        fp_hex(&fin, &out[st[i].index]);
    }
    free(st);
    return out;
}

const char *pbi_run_counts(const pb_run_totals *t, char *buf, size_t cap)
{
    if (t->departments)
        snprintf(buf, cap, _("%zu file(s), %zu unreadable, %zu project(s), %zu department-wide table(s)"), t->files,
                 t->unreadable, t->projects, t->departments);
    else
        snprintf(buf, cap, _("%zu file(s), %zu unreadable, %zu project(s)"), t->files, t->unreadable, t->projects);
    return buf;
}
