/* styles.xml (cell formats → number formats) and sharedStrings.xml. */
#include "read/xlsx.h"

#include <stdlib.h>
#include <string.h>

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

/* ---- styles.xml */

typedef struct styles_reader {
    workbook *wb;
    int level, xfs_level, fmts_level; /* -1: not open */
} styles_reader;

static bool attr(const pbi_xml_attr *a, int n, const char *name, char *buf, size_t cap)
{
    return pbi_xml_attr_copy(a, n, name, NULL, NULL, buf, cap);
}

static bool styles_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                         const pbi_xml_ns *d, int nd)
{
    (void)d;
    (void)nd;
    styles_reader *s = ctx;
    workbook *wb = s->wb;
    int depth = s->level++;
    if (!pbi_xlsx_is_sml(ns))
        return true;
    char v[FMT_CODE_MAX + 8];
    if (strcmp(local, "cellXfs") == 0)
        s->xfs_level = depth;
    else if (strcmp(local, "numFmts") == 0)
        s->fmts_level = depth;
    else if (s->xfs_level >= 0 && depth == s->xfs_level + 1 && strcmp(local, "xf") == 0 && wb->xf_count < MAX_XFS) {
        if (!pbi_grow(wb->a, (void **)&wb->xf_fmt, &wb->xf_cap, wb->xf_count, sizeof *wb->xf_fmt))
            return oom(wb->err);
        wb->xf_fmt[wb->xf_count++] = attr(a, n, "numFmtId", v, sizeof v) ? atoi(v) : 0;
    } else if (s->fmts_level >= 0 && depth == s->fmts_level + 1 && strcmp(local, "numFmt") == 0 &&
               wb->fmt_count < MAX_NUMFMTS && attr(a, n, "numFmtId", v, sizeof v)) {
        int id = atoi(v);
        size_t len;
        const char *code = pbi_xml_attr_find(a, n, "formatCode", NULL, NULL, &len);
        if (!code || len > FMT_CODE_MAX)
            return true;
        memcpy(v, code, len);
        v[len] = '\0';
        if (!pbi_grow(wb->a, (void **)&wb->fmts, &wb->fmt_cap, wb->fmt_count, sizeof *wb->fmts))
            return oom(wb->err);
        wb->fmts[wb->fmt_count].id = id;
        pbi_xlsx_parse_format(v, &wb->fmts[wb->fmt_count].fmt);
        wb->fmt_count++;
    }
    return true;
}

static bool styles_end(void *ctx, const char *ns, const char *local)
{
    (void)ns;
    (void)local;
    styles_reader *s = ctx;
    s->level--;
    if (s->level == s->xfs_level)
        s->xfs_level = -1;
    if (s->level == s->fmts_level)
        s->fmts_level = -1;
    return true;
}

bool pbi_xlsx_read_styles(workbook *wb, const char *part)
{
    styles_reader s = {wb, 0, -1, -1};
    pbi_xml_handler h = {&s, styles_start, styles_end, NULL, NULL};
    return pbi_xlsx_parse(wb, part, &h);
}

/* ---- sharedStrings.xml */

/* Appends one string.  A workbook uses no more distinct strings than it
 * has cells, so their number is bounded like cells are (four sheets' worth
 * of the cell limit); the index grows by realloc, without leaving copies
 * behind.  False with the error set. */
static bool add_string(workbook *wb, const char *part, const char *s)
{
    uint64_t max = wb->lim->max_cells > UINT64_MAX / 4 ? UINT64_MAX : wb->lim->max_cells * 4;
    if (wb->string_count >= max) {
        pbi_error_set(wb->err, PB_ERR_PART_TOO_LARGE, _("the part \"%s\" holds more than %llu strings"), part,
                     (unsigned long long)max);
        return false;
    }
    if (wb->string_count == wb->string_cap) {
        size_t cap = wb->string_cap ? wb->string_cap * 2 : 256;
        const char **n = cap < SIZE_MAX / sizeof *n ? realloc(wb->strings, cap * sizeof *n) : NULL;
        if (!n)
            return oom(wb->err);
        wb->strings = n;
        wb->string_cap = cap;
    }
    wb->strings[wb->string_count++] = s;
    return true;
}

typedef struct strings_reader {
    workbook *wb;
    const char *part;
    pb_buf b;
    int level, skip_from; /* level of a phonetic run stepped over; 0: none */
    bool in_si, in_t;
} strings_reader;

static bool strings_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                          const pbi_xml_ns *d, int nd)
{
    (void)a;
    (void)n;
    (void)d;
    (void)nd;
    strings_reader *s = ctx;
    s->level++;
    if (s->skip_from || !pbi_xlsx_is_sml(ns))
        return true;
    if (strcmp(local, "si") == 0) {
        s->in_si = true;
        pbi_buf_reset(&s->b);
    } else if (s->in_si && strcmp(local, "rPh") == 0)
        s->skip_from = s->level; /* phonetic guide: not the text */
    else if (s->in_si && strcmp(local, "t") == 0)
        s->in_t = true;
    return true;
}

static bool strings_end(void *ctx, const char *ns, const char *local)
{
    strings_reader *s = ctx;
    int level = s->level--;
    if (s->skip_from) {
        if (level == s->skip_from)
            s->skip_from = 0;
        return true;
    }
    if (!pbi_xlsx_is_sml(ns))
        return true;
    if (strcmp(local, "t") == 0)
        s->in_t = false;
    else if (strcmp(local, "si") == 0 && s->in_si) {
        s->in_si = false;
        char *str = pb_arena_strndup(s->wb->a, s->b.data ? s->b.data : "", s->b.len);
        if (str)
            pbi_xlsx_unescape_x(str);
        return str ? add_string(s->wb, s->part, str) : oom(s->wb->err);
    }
    return true;
}

static bool strings_text(void *ctx, const char *t, size_t n)
{
    strings_reader *s = ctx;
    if (!s->in_t || s->skip_from)
        return true;
    return pbi_xlsx_append_text(s->wb, s->part, &s->b, t, n);
}

static bool strings_skipping(void *ctx) { return ((strings_reader *)ctx)->skip_from != 0; }

bool pbi_xlsx_read_shared_strings(workbook *wb, const char *part)
{
    strings_reader s = {.wb = wb, .part = part};
    pbi_xml_handler h = {&s, strings_start, strings_end, strings_text, strings_skipping};
    bool ok = pbi_xlsx_parse(wb, part, &h);
    pbi_buf_free(&s.b);
    return ok;
}
