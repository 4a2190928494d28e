/* pb_annotate_write(): the findings written back into a copy of the .docx
 * as Word comments (批注), one per finding on the cell it points at, and one
 * with the verdict on the first table.  The main part changes only by the
 * inserted anchors; its relationships and [Content_Types].xml gain the
 * comments part when they lack it; every other part is copied unchanged. */
#include "read/annotate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
#define REL_S "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
#define W_NS_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define COMMENTS_CT "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
#define AUTHOR "pbcheck"

/* One piece of text inserted at (or replacing del bytes at) an offset. */
typedef struct insertion {
    size_t at, del;
    int order; /* ties: starts before ends, in id order */
    char *text;
} insertion;

typedef struct annot {
    pb_arena *a;
    pb_error *e;
    const char *pfx; /* the main part's "w:" (or "") */
    const char *cpfx; /* the same in the comments part */
    insertion *ins;
    size_t ins_count, ins_cap;
    pb_buf comments; /* the w:comment elements */
    long next_id;
    size_t written;
} annot;

static bool oom(annot *an)
{
    pbi_error_set(an->e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

static bool put(pb_buf *b, const char *s) { return pbi_buf_append(b, s, strlen(s)); }

bool pbi_annotate_escape(pb_buf *b, const char *s)
{
    bool ok = true;
    for (const char *p = s; ok && *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '&') ok = put(b, "&amp;");
        else if (c == '<') ok = put(b, "&lt;");
        else if (c == '>') ok = put(b, "&gt;");
        else if (c == '"') ok = put(b, "&quot;");
        else if (c < 0x20 && c != '\t') ok = put(b, " "); /* not allowed in XML 1.0 text */
        else ok = pbi_buf_append(b, p, 1);
    }
    return ok;
}

static bool add_insertion(annot *an, size_t at, size_t del, int order, const char *text)
{
    if (!pbi_grow(an->a, (void **)&an->ins, &an->ins_cap, an->ins_count, sizeof *an->ins))
        return oom(an);
    char *t = pb_arena_strdup(an->a, text);
    if (!t)
        return oom(an);
    an->ins[an->ins_count++] = (insertion){at, del, order, t};
    return true;
}

/* A paragraph of a comment: the text split on '\n' into w:br-separated runs. */
static bool comment_para(annot *an, const char *text, bool first)
{
    const char *w = an->cpfx;
    pb_buf *b = &an->comments;
    char tag[160];
    snprintf(tag, sizeof tag, "<%sp>", w);
    bool ok = put(b, tag);
    if (first) {
        snprintf(tag, sizeof tag, "<%sr><%sannotationRef/></%sr>", w, w, w);
        ok = ok && put(b, tag);
    }
    snprintf(tag, sizeof tag, "<%sr><%st xml:space=\"preserve\">", w, w);
    ok = ok && put(b, tag);
    for (const char *p = text; ok && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = pb_arena_strndup(an->a, p, n);
        ok = line && pbi_annotate_escape(b, line);
        if (nl) {
            snprintf(tag, sizeof tag, "</%st><%sbr/><%st xml:space=\"preserve\">", w, w, w);
            ok = ok && put(b, tag);
            p = nl + 1;
        } else
            p += n;
    }
    snprintf(tag, sizeof tag, "</%st></%sr></%sp>", w, w, w);
    return (ok && put(b, tag)) || oom(an);
}

/* An empty paragraph <w:p/> whose "/>" sits at at becomes <w:p>…</w:p>,
 * once, whatever the number of comments anchored in it: each comment adds
 * the same two insertions, and splice() keeps one of each (no scan of the
 * insertions per comment). */
static bool expand(annot *an, size_t at)
{
    char close[64];
    snprintf(close, sizeof close, "</%sp>", an->pfx);
    return add_insertion(an, at, 2, 0, ">") && add_insertion(an, at + 2, 0, 0x7fffffff, close);
}

/* A comment with its heading paragraph and body, anchored on c. */
static bool add_comment(annot *an, const pbi_cell_anchor *c, const char *heading, const char *body)
{
    long id = an->next_id++;
    const char *w = an->cpfx;
    char buf[256];
    snprintf(buf, sizeof buf, "<%scomment %sid=\"%ld\" %sauthor=\"%s\" %sinitials=\"pb\">", w, w, id, w,
             AUTHOR, w);
    if (!put(&an->comments, buf) || !comment_para(an, heading, true) || (body && !comment_para(an, body, false)))
        return oom(an);
    snprintf(buf, sizeof buf, "</%scomment>", w);
    if (!put(&an->comments, buf))
        return oom(an);
    w = an->pfx;
    int order = (int)(id & 0x3fffffff);
    char start[128], end[256];
    snprintf(start, sizeof start, "<%scommentRangeStart %sid=\"%ld\"/>", w, w, id);
    snprintf(end, sizeof end, "<%scommentRangeEnd %sid=\"%ld\"/><%sr><%scommentReference %sid=\"%ld\"/></%sr>", w,
             w, id, w, w, w, id, w);
    an->written++;
    size_t start_at = c->start, end_at = c->end;
    if (c->start_empty) {
        if (!expand(an, c->start))
            return false;
        start_at = c->start + 2;
    }
    if (c->end_empty) {
        if (!expand(an, c->end))
            return false;
        end_at = c->end + 2;
    }
    if (start_at == end_at) {
        /* Nothing to span (a cell whose one paragraph is <w:p/> or has no
         * run): each comment is a point, start, end and reference together,
         * one after the other.  Overlapping empty ranges (start, start, end,
         * end) make LibreOffice 7.4 fail to open the document. */
        char both[384];
        snprintf(both, sizeof both, "%s%s", start, end);
        return add_insertion(an, start_at, 0, 1 + order, both);
    }
    return add_insertion(an, start_at, 0, 1 + order, start) && add_insertion(an, end_at, 0, 0x40000000 + order, end);
}

static int cmp_ins(const void *x, const void *y)
{
    const insertion *a = x, *b = y;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The cells by (table, row), built once in time linear in the document,
 * so that each finding's look-up reads one row, not the whole part:
 * cells[tstart[t] .. tstart[t + 1]) are table t's in (row, col) order,
 * rstart[rbase[t] + r] the first of its row r (rows[t] rows);
 * owner[i] is the cell a vMerge continuation continues (itself for the
 * others); first[t] is table t's first cell with a paragraph. */
typedef struct cell_index {
    const pbi_cell_anchor **cells, **owner, **first;
    size_t *tstart, *rstart, *rbase;
    int *rows;
    int tables;
    const pbi_cell_anchor *top; /* the first table's first cell with a paragraph */
} cell_index;

static int cmp_cell(const void *x, const void *y)
{
    const pbi_cell_anchor *a = *(const pbi_cell_anchor *const *)x, *b = *(const pbi_cell_anchor *const *)y;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

/* The cell of table t that starts in row and covers grid column col. */
static size_t row_find(const cell_index *ix, int t, int row, int col, bool exact)
{
    if (t < 0 || t >= ix->tables || row < 0 || row >= ix->rows[t])
        return (size_t)-1;
    size_t *rs = ix->rstart + ix->rbase[t];
    for (size_t i = rs[row]; i < rs[row + 1]; i++) {
        const pbi_cell_anchor *c = ix->cells[i];
        if (exact ? c->col == col : (col >= c->col && col < c->col + c->span))
            return i;
    }
    return (size_t)-1;
}

static bool index_build(pb_arena *a, const pbi_anchor_map *m, cell_index *ix)
{
    memset(ix, 0, sizeof *ix);
    int tables = 0;
    for (size_t i = 0; i < m->count; i++)
        if (m->cells[i].table >= tables)
            tables = m->cells[i].table + 1;
    ix->tables = tables;
    size_t n = m->count, nt = (size_t)tables;
    ix->cells = pb_arena_alloc(a, (n + 1) * sizeof *ix->cells);
    ix->owner = pb_arena_alloc(a, (n + 1) * sizeof *ix->owner);
    ix->first = pb_arena_alloc(a, (nt + 1) * sizeof *ix->first);
    ix->tstart = pb_arena_alloc(a, (nt + 2) * sizeof *ix->tstart);
    ix->rbase = pb_arena_alloc(a, (nt + 1) * sizeof *ix->rbase);
    ix->rows = pb_arena_alloc(a, (nt + 1) * sizeof *ix->rows);
    if (!ix->cells || !ix->owner || !ix->first || !ix->tstart || !ix->rbase || !ix->rows)
        return false;
    /* A stable counting sort by table: the walker ends a table's cells in
     * row and column order (a nested table's are another table's). */
    memset(ix->tstart, 0, (nt + 2) * sizeof *ix->tstart);
    for (size_t i = 0; i < n; i++)
        ix->tstart[m->cells[i].table + 1]++;
    for (size_t t = 0; t < nt; t++)
        ix->tstart[t + 1] += ix->tstart[t];
    size_t *fill = pb_arena_alloc(a, (nt + 1) * sizeof *fill);
    if (!fill)
        return false;
    memcpy(fill, ix->tstart, nt * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        ix->cells[fill[m->cells[i].table]++] = &m->cells[i];
    size_t row_slots = 0;
    for (size_t t = 0; t < nt; t++) {
        const pbi_cell_anchor **b = ix->cells + ix->tstart[t];
        size_t k = ix->tstart[t + 1] - ix->tstart[t];
        for (size_t i = 1; i < k; i++)
            if (cmp_cell(&b[i - 1], &b[i]) > 0) {
                qsort(b, k, sizeof *b, cmp_cell); /* not expected: kept correct anyway */
                break;
            }
        ix->rows[t] = k ? b[k - 1]->row + 1 : 0;
        ix->rbase[t] = row_slots;
        row_slots += (size_t)ix->rows[t] + 1;
    }
    ix->rstart = pb_arena_alloc(a, (row_slots + 1) * sizeof *ix->rstart);
    if (!ix->rstart)
        return false;
    for (size_t t = 0; t < nt; t++) {
        size_t *rs = ix->rstart + ix->rbase[t], i = ix->tstart[t];
        for (int r = 0; r <= ix->rows[t]; r++) {
            while (i < ix->tstart[t + 1] && ix->cells[i]->row < r)
                i++;
            rs[r] = i;
        }
        ix->first[t] = NULL;
        for (size_t k = ix->tstart[t]; k < ix->tstart[t + 1] && !ix->first[t]; k++)
            if (ix->cells[k]->has_para)
                ix->first[t] = ix->cells[k];
        if (!ix->top && ix->first[t])
            ix->top = ix->first[t];
        /* Rows in order, so the cell above is resolved already. */
        for (size_t k = ix->tstart[t]; k < ix->tstart[t + 1]; k++) {
            const pbi_cell_anchor *c = ix->cells[k];
            size_t up = c->vmerge_continue && c->row > 0 ? row_find(ix, (int)t, c->row - 1, c->col, true) : (size_t)-1;
            ix->owner[k] = up != (size_t)-1 ? ix->owner[up] : c;
        }
    }
    return true;
}

/* The cell covering (row, col) of table t: a vMerge continuation gives the
 * cell it continues. */
static const pbi_cell_anchor *cell_at(const cell_index *ix, int t, int row, int col)
{
    size_t i = row_find(ix, t, row, col, false);
    const pbi_cell_anchor *hit = i != (size_t)-1 ? ix->owner[i] : NULL;
    return hit && hit->has_para ? hit : NULL;
}

/* The first cell of table t with a paragraph (the table's anchor). */
static const pbi_cell_anchor *first_cell(const cell_index *ix, int t)
{
    return t >= 0 && t < ix->tables ? ix->first[t] : NULL;
}

static const pbi_cell_anchor *anchor_of(const pbi_anchor_map *m, const cell_index *ix, pb_loc loc)
{
    const pbi_cell_anchor *c = NULL;
    /* A body paragraph (PB505's entry of part 1, a title read from the
     * paragraph before a table): that paragraph. */
    if (loc.table < 0 && loc.paragraph >= 0 && (size_t)loc.paragraph < m->para_count &&
        m->paras[loc.paragraph].has_para)
        return &m->paras[loc.paragraph];
    if (loc.table >= 0 && loc.row >= 0 && loc.col >= 0)
        c = cell_at(ix, loc.table, loc.row, loc.col);
    if (!c && loc.table >= 0 && loc.row >= 0)
        c = cell_at(ix, loc.table, loc.row, 0);
    if (!c && loc.table >= 0)
        c = first_cell(ix, loc.table);
    if (!c)
        c = ix->top;
    if (!c && m->has_body_para)
        c = &m->body;
    return c;
}

static const char *severity_label(pb_severity s)
{
    return s == PB_SEV_ERROR ? _("error") : s == PB_SEV_WARNING ? _("warning") : _("info");
}

void pbi_annotate_verdict(const pb_document *d, pb_severity fail_on, char *heading, size_t hcap, char *body,
                          size_t bcap)
{
    size_t count[4] = {0};
    bool fails = false;
    for (size_t i = 0; i < d->finding_count; i++) {
        count[d->findings[i].severity & 3]++;
        fails = fails || d->findings[i].severity >= fail_on;
    }
    snprintf(heading, hcap, "%s", fails ? _("pbcheck verdict: not passed (不通过)") : _("pbcheck verdict: passed (通过)"));
    snprintf(body, bcap, _("%zu projects checked: %zu errors, %zu warnings, %zu notes."), d->project_count,
             count[PB_SEV_ERROR], count[PB_SEV_WARNING], count[PB_SEV_INFO]);
}

void pbi_annotate_heading(const pb_finding *f, char *buf, size_t cap)
{
    snprintf(buf, cap, "[%s] %s %s", severity_label(f->severity), f->rule->id, _(f->rule->summary));
}

static bool add_findings(annot *an, const pb_document *d, const pbi_anchor_map *m, pb_severity fail_on,
                         pb_severity min_severity)
{
    cell_index ix;
    if (!index_build(an->a, m, &ix))
        return oom(an);
    const pbi_cell_anchor *top = ix.top;
    if (!top && m->has_body_para)
        top = &m->body;
    if (!top) {
        pbi_error_set(an->e, PB_ERR_NO_MAIN_PART, "%s", _("the document has no paragraph to put a comment on"));
        return false;
    }
    char heading[512], body[1024];
    pbi_annotate_verdict(d, fail_on, heading, sizeof heading, body, sizeof body);
    if (!add_comment(an, top, heading, body))
        return false;
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        if (f->severity < min_severity)
            continue; /* -S: counted in the verdict, not commented */
        const pbi_cell_anchor *c = anchor_of(m, &ix, f->loc);
        pbi_annotate_heading(f, heading, sizeof heading);
        if (!add_comment(an, c ? c : top, heading, f->message))
            return false;
    }
    return true;
}

/* The main part with the insertions spliced in (malloc'd). */
static char *splice(annot *an, const char *xml, size_t len, size_t *out_len)
{
    qsort(an->ins, an->ins_count, sizeof *an->ins, cmp_ins);
    pb_buf b = {0};
    size_t pos = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < an->ins_count; i++) {
        insertion *in = &an->ins[i];
        const insertion *prev = i > 0 ? &an->ins[i - 1] : NULL;
        if (prev && prev->at == in->at && prev->del == in->del && prev->order == in->order &&
            strcmp(prev->text, in->text) == 0)
            continue; /* an empty paragraph's expansion, once */
        if (in->at < pos || in->at > len) {
            pbi_buf_free(&b);
            pbi_error_set(an->e, PB_ERR_INTERNAL, "%s", _("the comment anchors overlap"));
            return NULL;
        }
        ok = pbi_buf_append(&b, xml + pos, in->at - pos) && put(&b, in->text);
        pos = in->at + in->del;
    }
    ok = ok && pbi_buf_append(&b, xml + pos, len - pos);
    if (!ok) {
        pbi_buf_free(&b);
        oom(an);
        return NULL;
    }
    *out_len = b.len;
    return b.data;
}

/* name's folder with a slash ("word/"), or "". */
static char *folder_of(pb_arena *a, const char *name)
{
    const char *slash = strrchr(name, '/');
    return pb_arena_strndup(a, name, slash ? (size_t)(slash - name + 1) : 0);
}

static char *join(pb_arena *a, const char *x, const char *y)
{
    size_t n = strlen(x) + strlen(y) + 1;
    char *s = pb_arena_alloc(a, n);
    if (s)
        snprintf(s, n, "%s%s", x, y);
    return s;
}

/* The comments part a relationships part names (resolved against the main
 * part's folder), or NULL. */
static char *comments_target(pb_arena *a, const char *rels, const char *dir)
{
    for (const char *p = rels; p && (p = strstr(p, "<Relationship")); p++) {
        const char *end = strchr(p, '>');
        if (!end)
            break;
        char *el = pb_arena_strndup(a, p, (size_t)(end - p));
        if (!el)
            return NULL;
        if (!strstr(el, "\"" REL_T "\"") && !strstr(el, "\"" REL_S "\"") && !strstr(el, "'" REL_T "'"))
            continue;
        const char *t = strstr(el, "Target=");
        if (!t || !t[7])
            continue;
        char q = t[7];
        const char *v = t + 8, *ve = strchr(v, q);
        if (!ve)
            continue;
        char *target = pb_arena_strndup(a, v, (size_t)(ve - v));
        if (!target)
            return NULL;
        return target[0] == '/' ? pb_arena_strdup(a, target + 1) : join(a, dir, target);
    }
    return NULL;
}

char *pbi_annotate_insert_at(const char *src, size_t len, const char *at, const char *text, size_t *out_len)
{
    size_t head = (size_t)(at - src), n = strlen(text);
    char *out = malloc(len + n + 1);
    if (!out)
        return NULL;
    memcpy(out, src, head);
    memcpy(out + head, text, n);
    memcpy(out + head + n, src + head, len - head);
    out[len + n] = 0;
    *out_len = len + n;
    return out;
}

char *pbi_annotate_insert_before_last(const char *src, size_t len, const char *closing, const char *text,
                                      size_t *out_len)
{
    const char *at = NULL;
    for (const char *p = src; (p = strstr(p, closing)); p++)
        at = p;
    return at ? pbi_annotate_insert_at(src, len, at, text, out_len) : NULL;
}

/* Scans a comments part for its largest id="N" (any attribute named id:
 * too high a guess only skips numbers). */
static long max_comment_id(const char *xml)
{
    long max = -1;
    for (const char *p = xml; p && (p = strstr(p, "id=\"")); p++) {
        if (p > xml && p[-1] != ':' && p[-1] != ' ')
            continue;
        char *end;
        long v = strtol(p + 4, &end, 10);
        if (end != p + 4 && *end == '"' && v > max)
            max = v;
    }
    return max;
}

const char *pbi_annotate_root_prefix(const char *xml, char *out, size_t cap, const char **local, size_t *local_len)
{
    for (const char *p = xml; (p = strchr(p, '<')); p++) {
        if (p[1] == '?' || p[1] == '!')
            continue;
        const char *name = p + 1, *end = name;
        while (*end && !strchr(" \t\r\n/>", *end))
            end++;
        const char *colon = memchr(name, ':', (size_t)(end - name));
        size_t n = colon ? (size_t)(colon - name + 1) : 0;
        if (n >= cap)
            return NULL;
        memcpy(out, name, n);
        out[n] = 0;
        *local = colon ? colon + 1 : name;
        *local_len = (size_t)(end - *local);
        return p;
    }
    return NULL;
}

/* The prefix of an existing comments part's root ("w:"), written to out. */
static bool comments_prefix(const char *xml, char *out, size_t cap)
{
    const char *local;
    size_t len;
    return pbi_annotate_root_prefix(xml, out, cap, &local, &len) && len == 8 && memcmp(local, "comments", 8) == 0;
}

/* Our comments into an existing comments part: before its end tag, or in
 * place of the "/>" of an empty root (malloc'd). */
static char *extend_comments(const char *xml, size_t len, const char *cpfx, const char *ours, size_t *out_len)
{
    char closing[64];
    snprintf(closing, sizeof closing, "</%scomments>", cpfx);
    char *r = pbi_annotate_insert_before_last(xml, len, closing, ours, out_len);
    if (r)
        return r;
    size_t end = len;
    while (end > 0 && strchr(" \t\r\n", xml[end - 1]))
        end--;
    if (end < 2 || xml[end - 1] != '>' || xml[end - 2] != '/')
        return NULL;
    size_t n = strlen(ours);
    r = malloc(len + n + strlen(closing) + 2);
    if (!r)
        return NULL;
    memcpy(r, xml, end - 2);
    size_t k = end - 2;
    r[k++] = '>';
    memcpy(r + k, ours, n);
    k += n;
    memcpy(r + k, closing, strlen(closing));
    k += strlen(closing);
    memcpy(r + k, xml + end, len - end);
    k += len - end;
    r[k] = 0;
    *out_len = k;
    return r;
}

typedef struct parts {
    pb_zip *z;
    char *main_xml, *rels, *types, *comments;
    size_t main_len, rels_len, types_len, comments_len;
    char *new_main, *new_rels, *new_types, *new_comments;
} parts;

static void parts_free(parts *p)
{
    pbi_zip_close(p->z);
    free(p->main_xml);
    free(p->rels);
    free(p->types);
    free(p->comments);
    free(p->new_main);
    free(p->new_rels);
    free(p->new_types);
    free(p->new_comments);
}

static bool annotate(const pb_document *d, FILE *out_file, pb_severity fail_on, pb_severity min_severity,
                     size_t *written,
                     pb_arena *a, parts *p, pb_error *e)
{
    pb_limits lim;
    pb_limits_default(&lim);
    if (!(p->z = pbi_zip_open_file(d->path, &lim, e)))
        return false;
    char *main_name = pbi_zip_main_part(p->z, a, e);
    if (!main_name)
        return false;
    if (!(p->main_xml = pbi_zip_read_small(p->z, main_name, lim.max_part_size, &p->main_len, e)))
        return false;
    char *dir = folder_of(a, main_name);
    const char *base = main_name + strlen(dir);
    char *rels_name = dir ? join(a, dir, "_rels/") : NULL;
    rels_name = rels_name ? join(a, rels_name, base) : NULL;
    rels_name = rels_name ? join(a, rels_name, ".rels") : NULL;
    if (!rels_name)
        return oom(&(annot){.e = e});
    pb_error ignored = {0};
    p->rels = pbi_zip_read_small(p->z, rels_name, lim.max_part_size, &p->rels_len, &ignored);
    if (!(p->types = pbi_zip_read_small(p->z, "[Content_Types].xml", lim.max_part_size, &p->types_len, e)))
        return false;

    pbi_anchor_map m;
    if (!pbi_anchor_map_build(p->main_xml, p->main_len, a, &m, e))
        return false;
    char *comments_name = p->rels ? comments_target(a, p->rels, dir) : NULL;
    if (comments_name) {
        ignored.status = PB_OK;
        p->comments = pbi_zip_read_small(p->z, comments_name, lim.max_part_size, &p->comments_len, &ignored);
    }
    annot an = {.a = a, .e = e};
    char pfx[40];
    snprintf(pfx, sizeof pfx, "%s%s", m.prefix, m.prefix[0] ? ":" : "");
    an.pfx = pfx;
    char cpfx[40];
    snprintf(cpfx, sizeof cpfx, "%s", pfx);
    if (p->comments && !comments_prefix(p->comments, cpfx, sizeof cpfx)) {
        pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the document's comments part cannot be extended"));
        return false;
    }
    an.cpfx = cpfx;
    long max = m.max_id;
    if (p->comments && max_comment_id(p->comments) > max)
        max = max_comment_id(p->comments);
    an.next_id = max + 1;
    if (!add_findings(&an, d, &m, fail_on, min_severity))
        return false;
    if (!(p->new_main = splice(&an, p->main_xml, p->main_len, &p->main_len)))
        return false;

    /* The comments part: ours appended to the existing one, or a new one
     * that binds the main namespace to the main part's prefix. */
    size_t comments_len = 0;
    if (an.comments.len == 0 && !put(&an.comments, ""))
        return oom(&an);
    if (p->comments) {
        p->new_comments = extend_comments(p->comments, p->comments_len, cpfx, an.comments.data, &comments_len);
        if (!p->new_comments) {
            pbi_buf_free(&an.comments);
            pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the document's comments part cannot be extended"));
            return false;
        }
    } else {
        pb_buf b = {0};
        char head[512];
        snprintf(head, sizeof head,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<%scomments xmlns%s%s=\"%s\">",
                 pfx, m.prefix[0] ? ":" : "", m.prefix, m.strict ? W_NS_S : W_NS_T);
        char tail[64];
        snprintf(tail, sizeof tail, "</%scomments>", pfx);
        if (!put(&b, head) || !pbi_buf_append(&b, an.comments.data, an.comments.len) || !put(&b, tail)) {
            pbi_buf_free(&b);
            pbi_buf_free(&an.comments);
            return oom(&an);
        }
        p->new_comments = b.data;
        comments_len = b.len;
        comments_name = join(a, dir, "comments.xml");
        if (!comments_name)
            return oom(&an);
        /* The relationship and the content type of the new part. */
        char rel[512];
        snprintf(rel, sizeof rel, "<Relationship Id=\"rIdPbcheckComments\" Type=\"%s\" Target=\"comments.xml\"/>",
                 m.strict ? REL_S : REL_T);
        if (p->rels) {
            p->new_rels = pbi_annotate_insert_before_last(p->rels, p->rels_len, "</Relationships>", rel, &p->rels_len);
        } else {
            pb_buf r = {0};
            if (put(&r, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") &&
                put(&r, rel) && put(&r, "</Relationships>")) {
                p->new_rels = r.data;
                p->rels_len = r.len;
            } else
                pbi_buf_free(&r);
        }
        char ct[512];
        snprintf(ct, sizeof ct, "<Override PartName=\"/%s\" ContentType=\"" COMMENTS_CT "\"/>", comments_name);
        if (!strstr(p->types, ct + 10))
            p->new_types = pbi_annotate_insert_before_last(p->types, p->types_len, "</Types>", ct, &p->types_len);
        if (!p->new_rels || (!p->new_types && !strstr(p->types, ct + 10))) {
            pbi_buf_free(&an.comments);
            pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s",
                          _("the package's relationships or content types cannot be extended"));
            return false;
        }
    }
    pbi_buf_free(&an.comments);
    pbi_part_data out[4];
    size_t n = 0;
    out[n++] = (pbi_part_data){main_name, p->new_main, p->main_len};
    out[n++] = (pbi_part_data){comments_name, p->new_comments, comments_len};
    if (p->new_rels)
        out[n++] = (pbi_part_data){rels_name, p->new_rels, p->rels_len};
    if (p->new_types)
        out[n++] = (pbi_part_data){"[Content_Types].xml", p->new_types, p->types_len};
    if (!pbi_package_write(d->path, out_file, out, n, e))
        return false;
    if (written)
        *written = an.written;
    return true;
}

bool pb_annotate_write(const pb_document *d, FILE *out, pb_severity fail_on, pb_severity min_severity,
                       size_t *comments, pb_error *e)
{
    memset(e, 0, sizeof *e);
    if (d->error.status != PB_OK) {
        *e = d->error;
        return false;
    }
    pb_arena *a = pb_arena_new();
    if (!a) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    bool ok;
    if (d->format == PB_FORMAT_XLSX) {
        ok = pbi_annotate_xlsx(d, out, fail_on, min_severity, comments, a, e);
    } else {
        parts p;
        memset(&p, 0, sizeof p);
        ok = annotate(d, out, fail_on, min_severity, comments, a, &p, e);
        parts_free(&p);
    }
    pb_arena_free(a);
    return ok;
}
