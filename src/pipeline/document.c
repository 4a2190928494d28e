/* The pipeline of one file: package → main part → tables → projects, and,
 * streamed, each project checked as soon as it is read. */
#include "pipeline/handoff.h"
#include "read/read.h"
#include "extract/extract.h"
#include "check/check.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

void pb_limits_default(pb_limits *l)
{
    l->max_file_size = 256ull << 20;
    l->max_part_size = 256ull << 20;
    l->max_total_size = 512ull << 20;
    l->max_entries = 1000;
    l->max_ratio = 200;
    l->ratio_grace = 1ull << 20;
    l->max_depth = 200;
    l->max_table_depth = 32;
    l->max_tables = 100000;
    l->max_columns = 256;
    l->max_rows = 100000;
    l->max_cells = 500000;
    l->max_cell_text = 1ull << 20;
    l->max_millis = 0;
}

void pb_options_default(pb_options *o)
{
    memset(o, 0, sizeof *o);
    pb_limits_default(&o->limits);
    o->keep_project_tables = true;
}

static pb_document *doc_new(const char *name)
{
    pb_arena *a = pb_arena_new();
    if (!a)
        return NULL;
    pb_document *d = pb_arena_alloc(a, sizeof *d);
    if (!d) {
        pb_arena_free(a);
        return NULL;
    }
    d->arena = a;
    d->path = pb_arena_strdup(a, name ? name : "-");
    if (!d->path || !(d->display_path = pbi_path_shown(a, d->path))) {
        pb_arena_free(a);
        return NULL;
    }
    return d;
}

/* The extractor and what the document keeps of every table it sees. */
typedef struct sink_ctx {
    pb_extractor *x;
    pb_document *d;
    size_t name_cap;
} sink_ctx;

static bool sink_paragraph(void *ctx, const char *text, int index)
{
    return pbi_extract_paragraph(((sink_ctx *)ctx)->x, text, index);
}

/* A worksheet's name is kept whether or not its table is, so that a
 * finding can say 「Sheet1」 B7 (the table index is the sheet's). */
static bool keep_sheet_name(sink_ctx *c, const pb_table *t)
{
    pb_document *d = c->d;
    if (!t->name || t->index < 0 || t->parent_table >= 0)
        return true;
    size_t want = (size_t)t->index + 1;
    while (d->sheet_name_count < want) {
        if (!pbi_grow(d->arena, (void **)&d->sheet_names, &c->name_cap, d->sheet_name_count, sizeof *d->sheet_names))
            return false;
        d->sheet_names[d->sheet_name_count++] = NULL;
    }
    return (d->sheet_names[t->index] = pb_arena_strdup(d->arena, t->name)) != NULL;
}

static bool sink_table(void *ctx, const pb_table *t)
{
    sink_ctx *c = ctx;
    return keep_sheet_name(c, t) && pbi_extract_table(c->x, t);
}

/* A streamed read: the checker, and the caller's view of each project. */
typedef struct stream {
    pbi_checker k;
    pb_document *d;
    pb_project_fn fn;
    void *ctx;
    bool stopped; /* fn said stop */
} stream;

/* Each project as it closes: checked, shown to the caller, then replaced
 * in its list by its identity, the rest of it freed by the extractor. */
static bool project_done(void *ctx, pb_project *p)
{
    stream *s = ctx;
    pb_document *d = s->d;
    size_t from = d->finding_count;
    pbi_check_table(&s->k, p);
    if (s->k.oom)
        return false;
    if (s->fn && !s->fn(s->ctx, d, p)) {
        s->stopped = true;
        return false;
    }
    pb_project *stub = pbi_project_identity(d->arena, p);
    if (!stub)
        return false;
    pbi_check_retire(&s->k, p, stub, from);
    (p->whole_department ? d->departments : d->projects)[p->number - 1] = stub;
    pbi_arena_reset(s->k.scratch);
    return !s->k.oom;
}

static void read_package(pb_document *d, pb_zip *z, const pb_options *o, stream *s)
{
    pb_extractor *x = pbi_extractor_new(d, o);
    if (!x || (s && !pbi_extractor_stream(x, project_done, s))) {
        pbi_error_set(&d->error, PB_ERR_NOMEM, "%s", _("out of memory"));
        pbi_extractor_free(x);
        return;
    }
    sink_ctx ctx = {x, d, 0};
    pb_docx_sink sink = {&ctx, sink_paragraph, sink_table};
    bool read = o->read_on_own_thread ? pbi_read_beside(z, d->arena, &o->limits, &sink, &d->format, &d->error)
                                      : pbi_read_package(z, d->arena, &o->limits, &sink, &d->format, &d->error);
    if (read && !pbi_extract_finish(x))
        pbi_error_set(&d->error, PB_ERR_NOMEM, "%s", _("out of memory"));
    pbi_extractor_free(x);
}

static pb_document *finish(pb_document *d, pb_zip *z, const pb_options *o, stream *s)
{
    if (z)
        read_package(d, z, o, s);
    pbi_zip_close(z);
    if (s && s->stopped) {
        /* the reader took the stop for want of memory */
        d->error.status = PB_OK;
        pbi_error_set(&d->error, PB_ERR_INTERNAL, "%s", _("the report of a project could not be written"));
    }
    if (d->error.status != PB_OK) {
        /* Half a document is not a document: checks see nothing of it. */
        d->project_count = 0;
        d->summary_count = 0;
        d->table_count = 0;
    }
    return d;
}

static const pb_options *options_or(const pb_options *o, pb_options *dflt)
{
    if (o)
        return o;
    pb_options_default(dflt);
    return dflt;
}

/* The document and its package, from the file called name, or from memory
 * when in_memory. */
static pb_document *open_package(const char *name, bool in_memory, const void *data, size_t len,
                                 const pb_options *opt, pb_zip **z)
{
    pb_document *d = doc_new(name);
    if (d)
        *z = in_memory ? pbi_zip_open_memory(data, len, &opt->limits, &d->error)
                       : pbi_zip_open_file(name, &opt->limits, &d->error);
    return d;
}

pb_document *pb_read_file(const char *path, const pb_options *opt)
{
    pb_options dflt;
    opt = options_or(opt, &dflt);
    pb_zip *z = NULL;
    pb_document *d = open_package(path, false, NULL, 0, opt, &z);
    return d ? finish(d, z, opt, NULL) : NULL;
}

pb_document *pb_read_memory(const void *data, size_t len, const char *name, const pb_options *opt)
{
    pb_options dflt;
    opt = options_or(opt, &dflt);
    pb_zip *z = NULL;
    pb_document *d = open_package(name, true, data, len, opt, &z);
    return d ? finish(d, z, opt, NULL) : NULL;
}

void pb_document_free(pb_document *d)
{
    if (d)
        pb_arena_free(d->arena);
}

/* ---- streamed: read and checked a project at a time */

static pb_document *stream_finish(pb_document *d, pb_zip *z, const pb_options *opt, const pb_config *c,
                                  pb_project_fn fn, void *ctx)
{
    stream s = {.d = d, .fn = fn, .ctx = ctx};
    pb_arena *scratch = pb_arena_new();
    if (!scratch || !pbi_check_begin(&s.k, d, c)) {
        pb_arena_free(scratch);
        pbi_zip_close(z);
        pbi_error_set(&d->error, PB_ERR_NOMEM, "%s", _("out of memory"));
        return d;
    }
    s.k.scratch = scratch;
    pb_options o = *opt;
    o.keep_tables = o.keep_project_tables = false; /* the point of streaming */
    finish(d, z, &o, &s);
    if (d->error.status != PB_OK) {
        pbi_check_abandon(&s.k);
    } else if (!pbi_check_end(&s.k)) {
        pbi_error_set(&d->error, PB_ERR_NOMEM, "%s", _("out of memory"));
        d->project_count = d->department_count = 0;
        d->finding_count = 0;
    }
    pb_arena_free(scratch);
    d->streamed = true;
    return d;
}

static const pb_config *config_or(const pb_config *c, pb_config *dflt)
{
    if (c)
        return c;
    pb_config_default(dflt);
    return dflt;
}

pb_document *pb_check_file(const char *path, const pb_options *opt, const pb_config *c, pb_project_fn fn, void *ctx)
{
    pb_options dflt;
    pb_config cdflt;
    opt = options_or(opt, &dflt);
    pb_zip *z = NULL;
    pb_document *d = open_package(path, false, NULL, 0, opt, &z);
    return d ? stream_finish(d, z, opt, config_or(c, &cdflt), fn, ctx) : NULL;
}

pb_document *pb_check_memory(const void *data, size_t len, const char *name, const pb_options *opt,
                             const pb_config *c, pb_project_fn fn, void *ctx)
{
    pb_options dflt;
    pb_config cdflt;
    opt = options_or(opt, &dflt);
    pb_zip *z = NULL;
    pb_document *d = open_package(name, true, data, len, opt, &z);
    return d ? stream_finish(d, z, opt, config_or(c, &cdflt), fn, ctx) : NULL;
}
