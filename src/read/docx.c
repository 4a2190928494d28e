/* The WordprocessingML reader: the main part streamed through the SAX2
 * push parser (xml.c) into the walker (walker.c), whose events are built
 * here into tables (rows on the grid, merges resolved) and body
 * paragraphs for a sink.  No DOM: memory is one top-level table at a time. */
#include "read/walker.h"

#include <stdlib.h>
#include <string.h>

#define BODY_PARA_KEEP 4096 /* a body paragraph is kept up to this prefix */

typedef struct raw_cell {
    int col, span;
    pbi_vmerge vm;
    char *text;
} raw_cell;

typedef struct raw_row {
    raw_cell *cells;
    size_t count, cap;
    int before, after;
    bool header;
} raw_row;

typedef struct tframe {
    pbi_walk_table t;
    raw_row *rows;
    size_t row_count, row_cap;
    pb_buf text; /* the open cell's */
} tframe;

typedef struct builder {
    const pb_limits *lim;
    const pb_docx_sink *sink;
    pb_error *err;
    pb_arena *scratch; /* tables of the current top-level table */
    tframe *tables;
    size_t depth, cap;
    pb_buf body; /* the open body paragraph */
} builder;

static bool oom(builder *b)
{
    pbi_error_set(b->err, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

static tframe *frame_of(builder *b, const pbi_walk_table *t) { return &b->tables[t->depth - 1]; }

static bool on_table_start(void *ctx, const pbi_walk_table *t)
{
    builder *b = ctx;
    if (!b->scratch && !(b->scratch = pb_arena_new()))
        return oom(b);
    if ((size_t)t->depth > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 4;
        tframe *n = realloc(b->tables, ncap * sizeof *n);
        if (!n)
            return oom(b);
        b->tables = n;
        b->cap = ncap;
    }
    b->depth = (size_t)t->depth;
    tframe *f = frame_of(b, t);
    memset(f, 0, sizeof *f);
    f->t = *t;
    return true;
}

static bool on_row_start(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r)
{
    builder *b = ctx;
    tframe *f = frame_of(b, t);
    f->row_count = (size_t)r->index;
    if (!pbi_grow(b->scratch, (void **)&f->rows, &f->row_cap, f->row_count, sizeof *f->rows))
        return oom(b);
    memset(&f->rows[f->row_count++], 0, sizeof *f->rows);
    return true;
}

static bool on_row_end(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r)
{
    builder *b = ctx;
    tframe *f = frame_of(b, t);
    raw_row *row = &f->rows[r->index];
    row->before = r->before;
    row->after = r->after;
    row->header = r->header;
    if (r->deleted)
        f->row_count = (size_t)r->index;
    return true;
}

static bool on_cell_start(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    (void)r;
    (void)c;
    pbi_buf_reset(&frame_of(ctx, t)->text);
    return true;
}

static bool on_cell_end(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    builder *b = ctx;
    tframe *f = frame_of(b, t);
    raw_row *row = &f->rows[r->index];
    if (c->merged_left) {
        row->cells[row->count - 1].span += c->span;
        return true;
    }
    char *text = pb_arena_strndup(b->scratch, f->text.data ? f->text.data : "", f->text.len);
    if (!text || !pbi_grow(b->scratch, (void **)&row->cells, &row->cap, row->count, sizeof *row->cells))
        return oom(b);
    row->cells[row->count++] = (raw_cell){c->col, c->span, c->vmerge, text};
    return true;
}

static bool on_text(void *ctx, int depth, const char *s, size_t n)
{
    builder *b = ctx;
    if (depth > 0) {
        tframe *f = &b->tables[depth - 1];
        if (f->text.len + n > b->lim->max_cell_text) {
            pbi_error_set(b->err, PB_ERR_CELL_TOO_LARGE, _("a cell of table %d holds more than %llu bytes of text"),
                         f->t.index + 1, (unsigned long long)b->lim->max_cell_text);
            return false;
        }
        return pbi_buf_append(&f->text, s, n) || oom(b);
    }
    if (b->body.len >= BODY_PARA_KEEP)
        return true;
    if (b->body.len + n > BODY_PARA_KEEP)
        n = BODY_PARA_KEEP - b->body.len;
    return pbi_buf_append(&b->body, s, n) || oom(b);
}

static bool on_paragraph(void *ctx, int index)
{
    builder *b = ctx;
    bool ok = !b->sink->paragraph || b->sink->paragraph(b->sink->ctx, b->body.data ? b->body.data : "", index);
    pbi_buf_reset(&b->body);
    return ok || oom(b);
}

/* Lays the raw rows on the grid: spans, vertical merges, before/after. */
static pb_table *build_table(builder *r, tframe *f)
{
    pb_arena *a = r->scratch;
    pb_table *t = pb_arena_alloc(a, sizeof *t);
    if (!t)
        return NULL;
    t->index = f->t.index;
    t->parent_table = f->t.parent_table;
    t->parent_row = f->t.parent_row;
    t->parent_col = f->t.parent_col;
    t->row_count = (int)f->row_count;
    int width = 0;
    for (size_t i = 0; i < f->row_count; i++) {
        raw_row *row = &f->rows[i];
        int end = row->count ? row->cells[row->count - 1].col + row->cells[row->count - 1].span : row->before;
        if (end + row->after > width)
            width = end + row->after;
    }
    t->width = width;
    if (width > 0 && (uint64_t)width * f->row_count > r->lim->max_cells) {
        pbi_error_set(r->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %llu grid cells"), f->t.index + 1,
                     (unsigned long long)r->lim->max_cells);
        return NULL;
    }
    t->rows = pb_arena_alloc(a, (f->row_count ? f->row_count : 1) * sizeof *t->rows);
    t->grid = pb_arena_alloc(a, ((size_t)width * f->row_count + 1) * sizeof *t->grid);
    if (!t->rows || !t->grid)
        return NULL;
    for (size_t i = 0; i < f->row_count; i++) {
        raw_row *row = &f->rows[i];
        pb_row *out = &t->rows[i];
        out->header = row->header;
        out->cells = pb_arena_alloc(a, (row->count ? row->count : 1) * sizeof *out->cells);
        if (!out->cells)
            return NULL;
        for (size_t j = 0; j < row->count; j++) {
            raw_cell *rc = &row->cells[j];
            pb_cell **slot = &t->grid[i * (size_t)width + (size_t)rc->col];
            if (rc->vm == PBI_VMERGE_CONTINUE && i > 0) {
                pb_cell *above = t->grid[(i - 1) * (size_t)width + (size_t)rc->col];
                if (above && above->col == rc->col && above->col_span == rc->span) {
                    above->row_span++;
                    for (int k = 0; k < rc->span; k++)
                        slot[k] = above;
                    continue;
                }
            }
            pb_cell *c = &out->cells[out->count++];
            c->text = rc->text;
            c->row = (int)i;
            c->col = rc->col;
            c->row_span = 1;
            c->col_span = rc->span;
            for (int k = 0; k < rc->span; k++)
                slot[k] = c;
        }
    }
    return t;
}

static bool on_table_end(void *ctx, const pbi_walk_table *wt)
{
    builder *b = ctx;
    tframe *f = frame_of(b, wt);
    pb_table *t = build_table(b, f);
    pbi_buf_free(&f->text);
    if (!t)
        return b->err->status != PB_OK ? false : oom(b);
    bool ok = !b->sink->table || b->sink->table(b->sink->ctx, t);
    b->depth = (size_t)wt->depth - 1;
    if (b->depth == 0)
        pbi_arena_reset(b->scratch);
    return ok || oom(b);
}

bool pbi_docx_read(pb_part *part, const pb_limits *l, const pb_docx_sink *sink, pb_error *e)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.lim = l;
    b.sink = sink;
    b.err = e;
    pbi_walker_client client = {&b,          on_table_start, on_table_end, on_row_start, on_row_end,
                                on_cell_start, on_cell_end,  on_text,      on_paragraph};
    pbi_walker *w = pbi_walker_new(&client, l, e);
    if (!w)
        return false;
    pbi_xml_handler h = pbi_walker_handler(w);
    if (pbi_xml_parse(part, NULL, l, &h, e) && !pbi_walker_saw_root(w))
        pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the main part is empty"));
    pbi_walker_free(w);
    for (size_t i = 0; i < b.depth; i++)
        pbi_buf_free(&b.tables[i].text);
    free(b.tables);
    pb_arena_free(b.scratch);
    pbi_buf_free(&b.body);
    return e->status == PB_OK;
}

const pb_cell *pb_table_at(const pb_table *t, int row, int col)
{
    if (!t || row < 0 || col < 0 || row >= t->row_count || col >= t->width)
        return NULL;
    return t->grid[(size_t)row * (size_t)t->width + (size_t)col];
}
