/* The WordprocessingML reader: streams the main part through xmlTextReader
 * and hands each finished table (rows on the grid, merges resolved) and
 * each body paragraph to a sink.  No DOM: memory is one table at a time. */
#include "read/read.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#define W_NS_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define BODY_PARA_KEEP 4096 /* a body paragraph is kept up to this prefix */
#define MAX_AC_DEPTH 64

typedef enum { VM_NONE, VM_RESTART, VM_CONTINUE } vmerge;

/* The WordprocessingML elements the reader acts on.  Their names are
 * interned in the parser's dictionary once, so an element is identified by
 * comparing pointers, not strings: this is the reader's inner loop. */
typedef enum {
    E_OTHER, E_P, E_T, E_TAB, E_BR, E_NOBREAKHYPHEN, E_FLDCHAR, E_TBL, E_TR, E_TC, E_TRPR, E_TCPR, E_DEL,
    E_GRIDSPAN, E_VMERGE, E_HMERGE, E_GRIDBEFORE, E_GRIDAFTER, E_TBLHEADER, E_DOCUMENT, E_SKIP
} elem;

static const struct {
    const char *name;
    elem id;
} elem_names[] = {
    {"p", E_P}, {"r", E_OTHER}, {"t", E_T}, {"rPr", E_SKIP}, {"pPr", E_SKIP}, {"tc", E_TC}, {"tr", E_TR},
    {"tcPr", E_TCPR}, {"trPr", E_TRPR}, {"tbl", E_TBL}, {"tab", E_TAB}, {"ptab", E_TAB}, {"br", E_BR},
    {"cr", E_BR}, {"noBreakHyphen", E_NOBREAKHYPHEN}, {"fldChar", E_FLDCHAR}, {"del", E_DEL},
    {"gridSpan", E_GRIDSPAN}, {"vMerge", E_VMERGE}, {"hMerge", E_HMERGE}, {"gridBefore", E_GRIDBEFORE},
    {"gridAfter", E_GRIDAFTER}, {"tblHeader", E_TBLHEADER}, {"document", E_DOCUMENT},
    /* subtrees that hold no text of the current view */
    {"sectPr", E_SKIP}, {"tblPr", E_SKIP}, {"tblGrid", E_SKIP}, {"sdtPr", E_SKIP}, {"sdtEndPr", E_SKIP},
    {"tblPrEx", E_SKIP}, {"delText", E_SKIP}, {"instrText", E_SKIP}, {"delInstrText", E_SKIP},
    {"moveFrom", E_SKIP}, {"commentReference", E_SKIP}, {"footnoteReference", E_SKIP},
    {"endnoteReference", E_SKIP}, {"rt", E_SKIP}, {"annotationRef", E_SKIP}, {"object", E_SKIP},
};

#define ELEM_COUNT (sizeof elem_names / sizeof *elem_names)

typedef struct raw_cell {
    int col, span;
    vmerge vm;
    bool hmerge_continue;
    char *text;
} raw_cell;

typedef struct raw_row {
    raw_cell *cells;
    size_t count, cap;
    int before, after;
    bool header, deleted;
} raw_row;

typedef struct table_frame {
    int index;
    int parent_table, parent_row, parent_col;
    raw_row *rows;
    size_t row_count, row_cap;
    bool in_row, in_cell;
    int cursor;     /* next grid column in the current row */
    raw_cell cell;  /* the open cell */
    pb_buf text;    /* its text */
    int cell_paras; /* paragraphs seen in the open cell */
    uint64_t cells; /* w:tc seen, for the cells limit */
} table_frame;

typedef struct reader {
    xmlTextReaderPtr xr;
    pb_part *part;
    const pb_limits *lim;
    const pb_docx_sink *sink;
    pb_error *err;
    pb_error xml_err;
    const xmlChar *w_ns; /* interned namespace pointers seen so far */
    const xmlChar *w_ns2;
    pb_arena *scratch; /* tables of the current top-level table */
    table_frame *tables;
    size_t depth, cap; /* open tables */
    int table_count;
    pb_buf body;        /* the open body paragraph */
    int body_paras;     /* body paragraphs emitted */
    int para_depth;     /* open w:p (text boxes nest them) */
    bool in_t, in_trPr, in_tcPr;
    int fld_depth;      /* open complex fields */
    uint64_t fld_code;  /* bit i: field i is before its separate */
    bool ac_chosen[MAX_AC_DEPTH];
    int ac_depth;
    bool seen_root;
    /* elem_names by their interned pointers: open addressing, a power of
     * two over twice ELEM_COUNT slots */
    struct {
        const xmlChar *name;
        elem id;
    } by_name[128];
} reader;

/* ---- element names */

static bool is_w_new(reader *r, const xmlChar *ns)
{
    if (!ns)
        return false;
    if (xmlStrEqual(ns, BAD_CAST W_NS_T) || xmlStrEqual(ns, BAD_CAST W_NS_S)) {
        if (!r->w_ns)
            r->w_ns = ns;
        else
            r->w_ns2 = ns;
        return true;
    }
    return false;
}

/* Whether ns is the main namespace; the URI pointers met are remembered, as
 * this is asked of every element. */
static inline bool is_w(reader *r, const xmlChar *ns)
{
    if (ns && (ns == r->w_ns || ns == r->w_ns2))
        return true;
    return is_w_new(r, ns);
}

static bool name_is(const xmlChar *local, const char *name)
{
    return xmlStrEqual(local, BAD_CAST name);
}

#define NAME_SLOTS (sizeof ((reader *)0)->by_name / sizeof *((reader *)0)->by_name)

static size_t name_slot(const xmlChar *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u; /* Fibonacci hashing */
    return (size_t)(h >> 57) & (NAME_SLOTS - 1);
}

static void intern_names(reader *r)
{
    _Static_assert(NAME_SLOTS >= 2 * ELEM_COUNT && (NAME_SLOTS & (NAME_SLOTS - 1)) == 0, "slots");
    for (size_t i = 0; i < ELEM_COUNT; i++) {
        const xmlChar *p = xmlTextReaderConstString(r->xr, BAD_CAST elem_names[i].name);
        if (!p)
            continue; /* out of memory: the element reads as unknown */
        size_t k = name_slot(p);
        while (r->by_name[k].name && r->by_name[k].name != p)
            k = (k + 1) & (NAME_SLOTS - 1);
        r->by_name[k].name = p;
        r->by_name[k].id = elem_names[i].id;
    }
}

static elem elem_of(const reader *r, const xmlChar *local)
{
    for (size_t k = name_slot(local);; k = (k + 1) & (NAME_SLOTS - 1)) {
        if (r->by_name[k].name == local)
            return r->by_name[k].id;
        if (!r->by_name[k].name)
            return E_OTHER;
    }
}

static xmlChar *w_attr(reader *r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(r->xr, BAD_CAST name, BAD_CAST W_NS_T);
    if (!v)
        v = xmlTextReaderGetAttributeNs(r->xr, BAD_CAST name, BAD_CAST W_NS_S);
    return v;
}

static bool fail(reader *r, pb_status s, const char *msg)
{
    pbi_error_set(r->err, s, "%s", msg);
    return false;
}

static bool oom(reader *r) { return fail(r, PB_ERR_NOMEM, _("out of memory")); }

/* ---- text */

/* Text is shown only when every open field is past its code: a field
 * nested in another field's code is code too. */
static bool text_visible(reader *r)
{
    if (r->fld_depth == 0)
        return true;
    uint64_t open = r->fld_depth >= 64 ? ~0ull : (1ull << r->fld_depth) - 1;
    return (r->fld_code & open) == 0;
}

static bool append_text(reader *r, const char *s, size_t n)
{
    if (!text_visible(r))
        return true;
    if (r->depth > 0 && r->tables[r->depth - 1].in_cell) {
        table_frame *f = &r->tables[r->depth - 1];
        if (f->text.len + n > r->lim->max_cell_text) {
            pbi_error_set(r->err, PB_ERR_CELL_TOO_LARGE,
                         _("a cell of table %d holds more than %llu bytes of text"), f->index + 1,
                         (unsigned long long)r->lim->max_cell_text);
            return false;
        }
        return pbi_buf_append(&f->text, s, n) || oom(r);
    }
    if (r->body.len >= BODY_PARA_KEEP)
        return true;
    if (r->body.len + n > BODY_PARA_KEEP)
        n = BODY_PARA_KEEP - r->body.len;
    return pbi_buf_append(&r->body, s, n) || oom(r);
}

static bool para_start(reader *r)
{
    bool nested = r->para_depth++ > 0;
    if (r->depth > 0 && r->tables[r->depth - 1].in_cell) {
        table_frame *f = &r->tables[r->depth - 1];
        if (f->cell_paras++ > 0 && !pbi_buf_append(&f->text, "\n", 1))
            return oom(r);
        return true;
    }
    if (nested && !pbi_buf_append(&r->body, "\n", 1))
        return oom(r);
    return true;
}

static bool para_end(reader *r)
{
    if (r->para_depth > 0)
        r->para_depth--;
    if (r->para_depth > 0 || (r->depth > 0 && r->tables[r->depth - 1].in_cell))
        return true;
    if (r->depth > 0)
        return true; /* a paragraph between rows: malformed, ignored */
    bool ok = !r->sink->paragraph ||
              r->sink->paragraph(r->sink->ctx, r->body.data ? r->body.data : "", r->body_paras);
    r->body_paras++;
    pbi_buf_reset(&r->body);
    return ok || oom(r);
}

/* ---- tables */

static int parse_count(reader *r, const char *attr, int dflt)
{
    xmlChar *v = w_attr(r, attr);
    if (!v)
        return dflt;
    char *end;
    long n = strtol((const char *)v, &end, 10);
    bool bad = end == (char *)v;
    xmlFree(v);
    if (bad || n < 0)
        return dflt;
    return n > 0x7fffffffL ? 0x7fffffff : (int)n;
}

static bool table_start(reader *r)
{
    if (r->depth >= r->lim->max_table_depth) {
        pbi_error_set(r->err, PB_ERR_TABLES_TOO_DEEP, _("tables are nested more than %u deep"),
                     r->lim->max_table_depth);
        return false;
    }
    if ((uint32_t)r->table_count >= r->lim->max_tables) {
        pbi_error_set(r->err, PB_ERR_TOO_MANY_TABLES, _("the document has more than %u tables"),
                     r->lim->max_tables);
        return false;
    }
    if (r->depth == 0 && !r->scratch && !(r->scratch = pb_arena_new()))
        return oom(r);
    if (r->depth == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 4;
        table_frame *n = realloc(r->tables, ncap * sizeof *n);
        if (!n)
            return oom(r);
        r->tables = n;
        r->cap = ncap;
    }
    table_frame *f = &r->tables[r->depth];
    memset(f, 0, sizeof *f);
    f->index = r->table_count++;
    f->parent_table = f->parent_row = f->parent_col = -1;
    if (r->depth > 0) {
        table_frame *p = &r->tables[r->depth - 1];
        f->parent_table = p->index;
        f->parent_row = (int)p->row_count - 1;
        f->parent_col = p->cell.col;
    }
    r->depth++;
    return true;
}

static bool row_start(reader *r)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (f->row_count >= r->lim->max_rows) {
        pbi_error_set(r->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %u rows"), f->index + 1,
                     r->lim->max_rows);
        return false;
    }
    if (!pbi_grow(r->scratch, (void **)&f->rows, &f->row_cap, f->row_count, sizeof *f->rows))
        return oom(r);
    memset(&f->rows[f->row_count++], 0, sizeof *f->rows);
    f->in_row = true;
    f->cursor = 0;
    return true;
}

static raw_row *cur_row(table_frame *f) { return &f->rows[f->row_count - 1]; }

static bool cell_start(reader *r)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (!f->in_row && !row_start(r))
        return false;
    if (++f->cells > r->lim->max_cells) {
        pbi_error_set(r->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %llu cells"), f->index + 1,
                     (unsigned long long)r->lim->max_cells);
        return false;
    }
    raw_row *row = cur_row(f);
    if (row->count == 0)
        f->cursor = row->before;
    memset(&f->cell, 0, sizeof f->cell);
    f->cell.col = f->cursor;
    f->cell.span = 1;
    f->in_cell = true;
    f->cell_paras = 0;
    pbi_buf_reset(&f->text);
    return true;
}

static bool cell_end(reader *r)
{
    table_frame *f = &r->tables[r->depth - 1];
    raw_row *row = cur_row(f);
    f->in_cell = false;
    if (f->cell.hmerge_continue && row->count > 0) {
        /* Legacy hMerge: the cell widens the one before it. */
        row->cells[row->count - 1].span += f->cell.span;
        f->cursor += f->cell.span;
        return true;
    }
    if ((uint64_t)f->cell.col + (uint64_t)f->cell.span > r->lim->max_columns) {
        pbi_error_set(r->err, PB_ERR_GRID_TOO_WIDE, _("a row of table %d is wider than %u grid columns"),
                     f->index + 1, r->lim->max_columns);
        return false;
    }
    f->cell.text = pb_arena_strndup(r->scratch, f->text.data ? f->text.data : "", f->text.len);
    if (!f->cell.text || !pbi_grow(r->scratch, (void **)&row->cells, &row->cap, row->count, sizeof *row->cells))
        return oom(r);
    row->cells[row->count++] = f->cell;
    f->cursor = f->cell.col + f->cell.span;
    return true;
}

static bool tcpr_child(reader *r, elem local)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (local == E_GRIDSPAN) {
        int n = parse_count(r, "val", 1);
        if ((uint64_t)n > r->lim->max_columns) {
            pbi_error_set(r->err, PB_ERR_GRID_TOO_WIDE, _("a cell of table %d spans %d grid columns, more than %u"),
                         f->index + 1, n, r->lim->max_columns);
            return false;
        }
        f->cell.span = n < 1 ? 1 : n;
    } else if (local == E_VMERGE) {
        xmlChar *v = w_attr(r, "val");
        f->cell.vm = v && xmlStrEqual(v, BAD_CAST "restart") ? VM_RESTART : VM_CONTINUE;
        xmlFree(v);
    } else if (local == E_HMERGE) {
        xmlChar *v = w_attr(r, "val");
        f->cell.hmerge_continue = !(v && xmlStrEqual(v, BAD_CAST "restart"));
        xmlFree(v);
    }
    return true;
}

static bool trpr_child(reader *r, elem local)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (!f->in_row)
        return true;
    raw_row *row = cur_row(f);
    if (local == E_GRIDBEFORE || local == E_GRIDAFTER) {
        int n = parse_count(r, "val", 0);
        if ((uint64_t)n > r->lim->max_columns) {
            pbi_error_set(r->err, PB_ERR_GRID_TOO_WIDE, _("a row of table %d is wider than %u grid columns"),
                         f->index + 1, r->lim->max_columns);
            return false;
        }
        if (local == E_GRIDBEFORE) {
            row->before = n;
            if (row->count == 0)
                f->cursor = n;
        } else
            row->after = n;
    } else if (local == E_TBLHEADER) {
        xmlChar *v = w_attr(r, "val");
        row->header = !(v && (xmlStrEqual(v, BAD_CAST "0") || xmlStrEqual(v, BAD_CAST "false")));
        xmlFree(v);
    } else if (local == E_DEL) {
        row->deleted = true;
    }
    return true;
}

static bool row_end(reader *r)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (!f->in_row)
        return true;
    f->in_row = false;
    if (cur_row(f)->deleted)
        f->row_count--; /* a deleted row is not in the current view */
    return true;
}

/* Lays the raw rows on the grid: spans, vertical merges, before/after. */
static pb_table *build_table(reader *r, table_frame *f)
{
    pb_arena *a = r->scratch;
    pb_table *t = pb_arena_alloc(a, sizeof *t);
    if (!t)
        return NULL;
    t->index = f->index;
    t->parent_table = f->parent_table;
    t->parent_row = f->parent_row;
    t->parent_col = f->parent_col;
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
        pbi_error_set(r->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %llu grid cells"), f->index + 1,
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
            if (rc->vm == VM_CONTINUE && i > 0) {
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

static bool table_end(reader *r)
{
    table_frame *f = &r->tables[r->depth - 1];
    if (f->in_cell && !cell_end(r))
        return false;
    if (f->in_row)
        row_end(r);
    pb_table *t = build_table(r, f);
    pbi_buf_free(&f->text);
    if (!t)
        return r->err->status != PB_OK ? false : oom(r);
    bool ok = !r->sink->table || r->sink->table(r->sink->ctx, t);
    r->depth--;
    if (r->depth == 0)
        pbi_arena_reset(r->scratch);
    return ok || oom(r);
}

/* ---- markup compatibility */

static bool ns_understood(const xmlChar *uri)
{
    static const char *const known[] = {
        W_NS_T, W_NS_S, "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "urn:schemas-microsoft-com:vml"};
    for (size_t i = 0; uri && i < sizeof known / sizeof *known; i++)
        if (xmlStrEqual(uri, BAD_CAST known[i]))
            return true;
    return false;
}

/* A Choice is taken when every prefix it requires names a namespace we read. */
static bool choice_ok(reader *r)
{
    xmlChar *req = xmlTextReaderGetAttribute(r->xr, BAD_CAST "Requires");
    if (!req)
        return false;
    bool ok = true;
    char *save = NULL;
    for (char *p = strtok_r((char *)req, " \t\r\n", &save); p && ok; p = strtok_r(NULL, " \t\r\n", &save)) {
        xmlChar *uri = xmlTextReaderLookupNamespace(r->xr, BAD_CAST p);
        ok = ns_understood(uri);
        xmlFree(uri);
    }
    xmlFree(req);
    return ok;
}

/* Returns 1 to descend, 0 to skip the subtree. */
static int mc_start(reader *r, const xmlChar *local, bool empty)
{
    if (name_is(local, "AlternateContent")) {
        if (r->ac_depth >= MAX_AC_DEPTH)
            return 0;
        if (!empty)
            r->ac_chosen[r->ac_depth++] = false;
        return 1;
    }
    if (r->ac_depth == 0)
        return 1;
    bool *chosen = &r->ac_chosen[r->ac_depth - 1];
    if (*chosen)
        return 0;
    if (name_is(local, "Choice") && !choice_ok(r))
        return 0;
    *chosen = true;
    return 1;
}

/* ---- dispatch */

static bool fld_char(reader *r)
{
    xmlChar *v = w_attr(r, "fldCharType");
    if (v && xmlStrEqual(v, BAD_CAST "begin")) {
        r->fld_code |= 1ull << (r->fld_depth & 63);
        r->fld_depth++;
    } else if (v && xmlStrEqual(v, BAD_CAST "separate")) {
        if (r->fld_depth > 0)
            r->fld_code &= ~(1ull << ((r->fld_depth - 1) & 63));
    } else if (v && xmlStrEqual(v, BAD_CAST "end")) {
        if (r->fld_depth > 0)
            r->fld_depth--;
    }
    xmlFree(v);
    return true;
}

static bool run_child(reader *r, elem l, int *descend)
{
    if (l == E_T) {
        r->in_t = true;
    } else if (l == E_TAB) {
        return append_text(r, "\t", 1);
    } else if (l == E_BR) {
        xmlChar *type = w_attr(r, "type");
        bool line = !type || xmlStrEqual(type, BAD_CAST "textWrapping");
        xmlFree(type);
        return line ? append_text(r, "\n", 1) : true;
    } else if (l == E_NOBREAKHYPHEN) {
        return append_text(r, "-", 1);
    } else if (l == E_FLDCHAR) {
        return fld_char(r);
    } else
        *descend = 1;
    return true;
}

/* Start of an element in the main namespace. */
static bool w_start(reader *r, elem l, bool empty, int *descend)
{
    *descend = 1;
    table_frame *f = r->depth ? &r->tables[r->depth - 1] : NULL;
    if (r->in_tcPr && f)
        return tcpr_child(r, l);
    if (r->in_trPr && f)
        return trpr_child(r, l);
    if (l == E_DEL || l == E_SKIP) {
        *descend = 0;
        return true;
    }
    if (l == E_P) {
        if (!para_start(r))
            return false;
        return !empty || para_end(r);
    }
    if (l == E_TBL)
        return table_start(r) && (!empty || table_end(r));
    if (f && l == E_TR) {
        if (f->in_cell || !row_start(r))
            return !f->in_cell ? false : true;
        return !empty || row_end(r);
    }
    if (f && l == E_TC) {
        if (!cell_start(r))
            return false;
        return !empty || cell_end(r);
    }
    if (f && l == E_TRPR) {
        r->in_trPr = !empty;
        return true;
    }
    if (f && l == E_TCPR) {
        r->in_tcPr = !empty && f->in_cell;
        return true;
    }
    if (empty || l == E_T || l == E_FLDCHAR)
        return run_child(r, l, descend);
    return true;
}

static bool w_end(reader *r, elem l)
{
    if (l == E_T)
        r->in_t = false;
    else if (l == E_P)
        return para_end(r);
    else if (l == E_TCPR)
        r->in_tcPr = false;
    else if (l == E_TRPR)
        r->in_trPr = false;
    else if (r->depth) {
        table_frame *f = &r->tables[r->depth - 1];
        if (l == E_TC && f->in_cell)
            return cell_end(r);
        if (l == E_TR)
            return row_end(r);
        if (l == E_TBL)
            return table_end(r);
    }
    return true;
}

static bool check_root(reader *r, const xmlChar *ns, const xmlChar *local)
{
    r->seen_root = true;
    if (is_w(r, ns) && name_is(local, "document"))
        return true;
    return fail(r, PB_ERR_NO_MAIN_PART, _("the main part is not a WordprocessingML document"));
}


/* One reader node; *skip asks the caller to step over the subtree. */
static bool on_node(reader *r, bool *skip)
{
    int type = xmlTextReaderNodeType(r->xr);
    *skip = false;
    switch (type) {
    case XML_READER_TYPE_DOCUMENT_TYPE:
        return fail(r, PB_ERR_XML_DOCTYPE,
                    _("the XML declares a DOCTYPE (entities or a DTD), which a Word document never needs; refused"));
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
    case XML_READER_TYPE_WHITESPACE:
        if (r->in_t) {
            const xmlChar *v = xmlTextReaderConstValue(r->xr);
            return !v || append_text(r, (const char *)v, (size_t)xmlStrlen(v));
        }
        return true;
    case XML_READER_TYPE_ENTITY_REFERENCE:
        return fail(r, PB_ERR_XML_DOCTYPE, _("the XML uses entity references; refused"));
    case XML_READER_TYPE_ELEMENT:
    case XML_READER_TYPE_END_ELEMENT:
        break;
    default:
        return true;
    }
    /* The element's name and namespace URI straight from the node (for an
     * element, the local name is node->name): the reader's namespace
     * accessor interns the URI in the dictionary on every call, which cost
     * more than the rest of the dispatch. */
    xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
    const xmlChar *ns = node && node->ns ? node->ns->href : NULL;
    const xmlChar *local = node ? node->name : NULL;
    if (type == XML_READER_TYPE_ELEMENT) {
        if ((uint32_t)xmlTextReaderDepth(r->xr) >= r->lim->max_depth) {
            pbi_error_set(r->err, PB_ERR_XML_TOO_DEEP, _("XML elements are nested more than %u deep"),
                         r->lim->max_depth);
            return false;
        }
        if (!r->seen_root)
            return check_root(r, ns, local);
        bool empty = xmlTextReaderIsEmptyElement(r->xr) == 1;
        int descend = 1;
        if (is_w(r, ns)) {
            if (!w_start(r, elem_of(r, local), empty, &descend))
                return false;
        } else if (ns && xmlStrEqual(ns, BAD_CAST MC_NS)) {
            descend = mc_start(r, local, empty);
        }
        *skip = !descend && !empty;
        return true;
    }
    if (is_w(r, ns))
        return w_end(r, elem_of(r, local));
    if (ns && xmlStrEqual(ns, BAD_CAST MC_NS) && name_is(local, "AlternateContent") && r->ac_depth > 0)
        r->ac_depth--;
    return true;
}

/* ---- libxml2 glue */

static int io_read(void *ctx, char *buf, int len)
{
    reader *r = ctx;
    long n = pbi_part_read(r->part, buf, (size_t)len);
    return n < 0 ? -1 : (int)n;
}

static int io_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* libxml2 may stumble on a DTD's entities (a reference loop, an undeclared
 * entity) before the reader reaches the DOCTYPE node we refuse. */
static bool is_entity_error(const xmlError *e)
{
    switch (e->code) {
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_NOT_STARTED:
    case XML_ERR_ENTITY_NOT_FINISHED:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_DOCTYPE_NOT_FINISHED:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_PEREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_INT_SUBSET:
    case XML_ERR_PEREF_NO_NAME:
    case XML_ERR_PEREF_SEMICOL_MISSING:
        return true;
    default:
        return e->message && (strstr(e->message, "ntity") || strstr(e->message, "DOCTYPE"));
    }
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    reader *r = ctx;
    if (!e || e->level < XML_ERR_ERROR || r->xml_err.status != PB_OK)
        return;
    pb_status s = PB_ERR_XML_MALFORMED;
    if (e->message && strstr(e->message, "Excessive depth"))
        s = PB_ERR_XML_TOO_DEEP;
    else if (is_entity_error(e))
        s = PB_ERR_XML_DOCTYPE;
    else if (e->domain == XML_FROM_IO || e->code == XML_ERR_UNSUPPORTED_ENCODING ||
             e->code == XML_ERR_INVALID_ENCODING)
        s = e->domain == XML_FROM_IO ? PB_ERR_XML_MALFORMED : PB_ERR_XML_ENCODING;
    pbi_error_set(&r->xml_err, s, _("the main part is not well-formed XML (line %d: %s)"), e->line,
                 e->message ? e->message : "?");
}

static void reader_free(reader *r)
{
    for (size_t i = 0; i < r->depth; i++)
        pbi_buf_free(&r->tables[i].text);
    free(r->tables);
    pb_arena_free(r->scratch);
    pbi_buf_free(&r->body);
    if (r->xr)
        xmlFreeTextReader(r->xr);
}

/* The run loop; the first error (ours, the zip's, then libxml2's) wins. */
static void run(reader *r)
{
    int ret;
    bool skip = false;
    while ((ret = skip ? xmlTextReaderNext(r->xr) : xmlTextReaderRead(r->xr)) == 1) {
        if (!on_node(r, &skip))
            return;
    }
    if (ret == 0 && !r->seen_root)
        pbi_error_set(r->err, PB_ERR_XML_MALFORMED, "%s", _("the main part is empty"));
    if (ret == 0)
        return;
    if (pbi_part_error(r->part)->status != PB_OK)
        *r->err = *pbi_part_error(r->part);
    else if (r->xml_err.status != PB_OK)
        *r->err = r->xml_err;
    else
        pbi_error_set(r->err, PB_ERR_XML_MALFORMED, "%s", _("the main part is not well-formed XML"));
}

bool pbi_docx_read(pb_part *part, const pb_limits *l, const pb_docx_sink *sink, pb_error *e)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.part = part;
    r.lim = l;
    r.sink = sink;
    r.err = e;
    /* A URL with a slash: for a bare name libxml2 asks getcwd() for the
     * folder of relative references, which are refused anyway. */
    r.xr = xmlReaderForIO(io_read, io_close, &r, "/document.xml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r.xr) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    xmlTextReaderSetStructuredErrorHandler(r.xr, on_xml_error, &r);
    intern_names(&r);
    run(&r);
    reader_free(&r);
    return e->status == PB_OK;
}

const pb_cell *pb_table_at(const pb_table *t, int row, int col)
{
    if (!t || row < 0 || col < 0 || row >= t->row_count || col >= t->width)
        return NULL;
    return t->grid[(size_t)row * (size_t)t->width + (size_t)col];
}
