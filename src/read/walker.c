/* The WordprocessingML walker (see walker.h): elements in, tables, rows,
 * grid columns, cells and visible text out. */
#include "read/walker.h"

#include <stdlib.h>
#include <string.h>

#define W_NS_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define MAX_AC_DEPTH 64
/* Open elements whose kind is remembered from start to end; deeper ones
 * (past pbcheck's default depth limit) are looked up again at their end. */
#define OPEN_MAX 256

/* Kept out of the functions of the inner loop (see "dispatch" below), so
 * that their common path saves no registers: GCC would inline it there. */
#if defined(__GNUC__)
#define OUT_OF_LINE __attribute__((noinline))
#else
#define OUT_OF_LINE
#endif

/* The WordprocessingML elements the walker acts on, then the kinds of the
 * elements of other namespaces (E_FOREIGN and after). */
typedef enum {
    E_OTHER, E_P, E_T, E_TAB, E_BR, E_NOBREAKHYPHEN, E_FLDCHAR, E_TBL, E_TR, E_TC, E_TRPR, E_TCPR, E_DEL,
    E_GRIDSPAN, E_VMERGE, E_HMERGE, E_GRIDBEFORE, E_GRIDAFTER, E_TBLHEADER, E_DOCUMENT, E_SKIP,
    E_FOREIGN,  /* neither the main namespace nor markup compatibility */
    E_MC,       /* mc:, but not mc:AlternateContent */
    E_MC_AC     /* mc:AlternateContent */
} elem;

/* Sorted by name (strcmp), for bsearch. */
static const struct elem_name {
    const char *name;
    elem id;
} elem_names[] = {
    {"annotationRef", E_SKIP}, {"br", E_BR}, {"commentReference", E_SKIP}, {"cr", E_BR}, {"del", E_DEL},
    {"delInstrText", E_SKIP}, {"delText", E_SKIP}, {"document", E_DOCUMENT},
    {"endnoteReference", E_SKIP}, {"fldChar", E_FLDCHAR}, {"footnoteReference", E_SKIP},
    {"gridAfter", E_GRIDAFTER}, {"gridBefore", E_GRIDBEFORE}, {"gridSpan", E_GRIDSPAN}, {"hMerge", E_HMERGE},
    {"instrText", E_SKIP}, {"moveFrom", E_SKIP}, {"noBreakHyphen", E_NOBREAKHYPHEN}, {"object", E_SKIP},
    {"p", E_P}, {"pPr", E_SKIP}, {"ptab", E_TAB}, {"r", E_OTHER}, {"rPr", E_SKIP}, {"rt", E_SKIP},
    {"sdtEndPr", E_SKIP}, {"sdtPr", E_SKIP}, {"sectPr", E_SKIP}, {"t", E_T}, {"tab", E_TAB},
    {"tbl", E_TBL}, {"tblGrid", E_SKIP}, {"tblHeader", E_TBLHEADER}, {"tblPr", E_SKIP},
    {"tblPrEx", E_SKIP}, {"tc", E_TC}, {"tcPr", E_TCPR}, {"tr", E_TR}, {"trPr", E_TRPR},
    {"vMerge", E_VMERGE},
};

static int cmp_name(const void *key, const void *item)
{
    return strcmp(key, ((const struct elem_name *)item)->name);
}

static elem elem_of(const char *local)
{
    const struct elem_name *n =
        bsearch(local, elem_names, sizeof elem_names / sizeof *elem_names, sizeof *elem_names, cmp_name);
    return n ? n->id : E_OTHER;
}

typedef struct frame {
    pbi_walk_table t;
    pbi_walk_row row;
    pbi_walk_cell cell;
    int row_count;  /* rows in the view so far, the open one included */
    int row_cells;  /* cells of the open row kept (hMerge continuations not) */
    bool in_row, in_cell;
    int cursor;     /* next grid column in the open row */
    int cell_paras; /* paragraphs seen in the open cell */
    uint64_t cells; /* w:tc seen, for the cells limit */
} frame;

typedef struct ns_decl {
    size_t depth, prefix, uri; /* offsets in ns_text; prefix (size_t)-1: default */
} ns_decl;

struct pbi_walker {
    pbi_walker_client c;
    const pb_limits *lim;
    pb_error *err;
    size_t level;     /* open elements */
    size_t skip_from; /* level of a subtree stepped over; 0: none */
    frame *tables;
    size_t depth, cap; /* open tables */
    int table_count;
    int body_paras;
    int para_depth;
    bool in_t, in_trPr, in_tcPr, seen_root;
    int fld_depth;     /* open complex fields */
    uint64_t fld_code; /* bit i: field i is before its separate */
    bool ac_chosen[MAX_AC_DEPTH];
    int ac_depth;
    ns_decl *ns;
    size_t ns_count, ns_cap;
    size_t ns_top; /* depth of the innermost declaration, 0: none (an end's quick test) */
    pb_buf ns_text;
    /* Events from pbi_walker_handler() carry libxml2's interned names,
     * which stay put for the parse: then an element's kind is looked up
     * by the pointers of its namespace and name (the walker's inner loop),
     * else by their text. */
    bool interned;
    struct {
        const char *local, *ns;
        unsigned char kind;
    } by_ptr[256];
    int by_ptr_count;
    /* The kind of each open element, by level, so that its end needs no
     * look-up; only read at the end of an element whose start set it. */
    unsigned char open[OPEN_MAX];
};

static bool is_w_text(const char *ns) { return ns && (strcmp(ns, W_NS_T) == 0 || strcmp(ns, W_NS_S) == 0); }
static bool is_mc(const char *ns) { return ns && strcmp(ns, MC_NS) == 0; }

static elem kind_of_text(const char *ns, const char *local)
{
    if (is_w_text(ns))
        return elem_of(local);
    if (is_mc(ns))
        return strcmp(local, "AlternateContent") == 0 ? E_MC_AC : E_MC;
    return E_FOREIGN;
}

#define BY_PTR_SLOTS (sizeof ((pbi_walker *)0)->by_ptr / sizeof *((pbi_walker *)0)->by_ptr)

static size_t kind_slot(const char *ns, const char *local)
{
    /* Fibonacci hashing of both pointers: the same name in two namespaces
     * (w:p, a:p) is two entries */
    uint64_t h = ((uint64_t)(uintptr_t)local + (uint64_t)(uintptr_t)ns) * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 56) & (BY_PTR_SLOTS - 1);
}

/* A name not in the table yet (or names not interned): by its text. */
OUT_OF_LINE static elem kind_miss(pbi_walker *w, const char *ns, const char *local)
{
    elem id = kind_of_text(ns, local);
    if (!w->interned || (size_t)w->by_ptr_count >= BY_PTR_SLOTS / 2) /* half full at most: probes stay short */
        return id;
    size_t k = kind_slot(ns, local);
    while (w->by_ptr[k].local)
        k = (k + 1) & (BY_PTR_SLOTS - 1);
    w->by_ptr[k].local = local;
    w->by_ptr[k].ns = ns;
    w->by_ptr[k].kind = (unsigned char)id;
    w->by_ptr_count++;
    return id;
}

/* The kind of an interned name already seen, or NULL (always, for names
 * not interned, which kind_miss() keeps out of the table). */
static inline const unsigned char *kind_find(const pbi_walker *w, const char *ns, const char *local)
{
    for (size_t k = kind_slot(ns, local); w->by_ptr[k].local; k = (k + 1) & (BY_PTR_SLOTS - 1))
        if (w->by_ptr[k].local == local && w->by_ptr[k].ns == ns)
            return &w->by_ptr[k].kind;
    return NULL;
}

static bool oom(pbi_walker *w)
{
    pbi_error_set(w->err, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

/* A client said stop: its error, or out of memory when it set none. */
static bool client_ok(pbi_walker *w, bool ok) { return ok || (w->err->status != PB_OK ? false : oom(w)); }

static frame *top(pbi_walker *w) { return w->depth ? &w->tables[w->depth - 1] : NULL; }

/* ---- text */

/* Text is shown only when every open field is past its code: a field
 * nested in another field's code is code too. */
static bool text_visible(const pbi_walker *w)
{
    if (w->fld_depth == 0)
        return true;
    uint64_t open = w->fld_depth >= 64 ? ~0ull : (1ull << w->fld_depth) - 1;
    return (w->fld_code & open) == 0;
}

static int text_target(pbi_walker *w)
{
    frame *f = top(w);
    return f && f->in_cell ? (int)w->depth : 0;
}

OUT_OF_LINE static bool emit(pbi_walker *w, int target, const char *s, size_t n)
{
    return !w->c.text || client_ok(w, w->c.text(w->c.ctx, target, s, n));
}

static bool append_text(pbi_walker *w, const char *s, size_t n)
{
    return !text_visible(w) || emit(w, text_target(w), s, n);
}

static bool para_start(pbi_walker *w)
{
    bool nested = w->para_depth++ > 0;
    frame *f = top(w);
    if (f && f->in_cell)
        return f->cell_paras++ == 0 || emit(w, (int)w->depth, "\n", 1);
    return !nested || emit(w, 0, "\n", 1);
}

OUT_OF_LINE static bool para_end(pbi_walker *w)
{
    if (w->para_depth > 0)
        w->para_depth--;
    if (w->para_depth > 0 || w->depth > 0)
        return true; /* in a cell, or between rows (malformed, ignored) */
    int index = w->body_paras++;
    return !w->c.paragraph || client_ok(w, w->c.paragraph(w->c.ctx, index));
}

/* ---- attributes */

static const char *w_attr(const pbi_xml_attr *a, int n, const char *name, size_t *len)
{
    return pbi_xml_attr_find(a, n, name, W_NS_T, W_NS_S, len);
}

static bool w_attr_is(const pbi_xml_attr *a, int n, const char *name, const char *value)
{
    size_t len;
    const char *v = w_attr(a, n, name, &len);
    return pbi_xml_value_is(v, len, value);
}

static int parse_count(const pbi_xml_attr *a, int n, const char *name, int dflt)
{
    char buf[32];
    if (!pbi_xml_attr_copy(a, n, name, W_NS_T, W_NS_S, buf, sizeof buf)) {
        /* the Strict namespace's attributes are looked up the same way */
        return dflt;
    }
    char *end;
    long v = strtol(buf, &end, 10);
    if (end == buf || v < 0)
        return dflt;
    return v > 0x7fffffffL ? 0x7fffffff : (int)v;
}

/* ---- tables */

OUT_OF_LINE static bool table_start(pbi_walker *w)
{
    if (w->depth >= w->lim->max_table_depth) {
        pbi_error_set(w->err, PB_ERR_TABLES_TOO_DEEP, _("tables are nested more than %u deep"),
                     w->lim->max_table_depth);
        return false;
    }
    if ((uint32_t)w->table_count >= w->lim->max_tables) {
        pbi_error_set(w->err, PB_ERR_TOO_MANY_TABLES, _("the document has more than %u tables"),
                     w->lim->max_tables);
        return false;
    }
    if (w->depth == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 4;
        frame *n = realloc(w->tables, ncap * sizeof *n);
        if (!n)
            return oom(w);
        w->tables = n;
        w->cap = ncap;
    }
    frame *f = &w->tables[w->depth];
    memset(f, 0, sizeof *f);
    f->t.index = w->table_count++;
    f->t.depth = (int)w->depth + 1;
    f->t.parent_table = f->t.parent_row = f->t.parent_col = -1;
    if (w->depth > 0) {
        frame *p = &w->tables[w->depth - 1];
        f->t.parent_table = p->t.index;
        f->t.parent_row = p->row_count - 1;
        f->t.parent_col = p->cell.col;
    }
    w->depth++;
    return !w->c.table_start || client_ok(w, w->c.table_start(w->c.ctx, &f->t));
}

OUT_OF_LINE static bool row_start(pbi_walker *w)
{
    frame *f = top(w);
    if ((uint32_t)f->row_count >= w->lim->max_rows) {
        pbi_error_set(w->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %u rows"), f->t.index + 1,
                     w->lim->max_rows);
        return false;
    }
    memset(&f->row, 0, sizeof f->row);
    f->row.index = f->row_count++;
    f->row_cells = 0;
    f->in_row = true;
    f->cursor = 0;
    return !w->c.row_start || client_ok(w, w->c.row_start(w->c.ctx, &f->t, &f->row));
}

OUT_OF_LINE static bool row_end(pbi_walker *w)
{
    frame *f = top(w);
    if (!f->in_row)
        return true;
    f->in_row = false;
    if (f->row.deleted)
        f->row_count--; /* a deleted row is not in the current view */
    return !w->c.row_end || client_ok(w, w->c.row_end(w->c.ctx, &f->t, &f->row));
}

OUT_OF_LINE static bool cell_start(pbi_walker *w)
{
    frame *f = top(w);
    if (!f->in_row && !row_start(w))
        return false;
    if (++f->cells > w->lim->max_cells) {
        pbi_error_set(w->err, PB_ERR_TABLE_TOO_LARGE, _("table %d has more than %llu cells"), f->t.index + 1,
                     (unsigned long long)w->lim->max_cells);
        return false;
    }
    if (f->row_cells == 0)
        f->cursor = f->row.before;
    memset(&f->cell, 0, sizeof f->cell);
    f->cell.col = f->cursor;
    f->cell.span = 1;
    f->in_cell = true;
    f->cell_paras = 0;
    return !w->c.cell_start || client_ok(w, w->c.cell_start(w->c.ctx, &f->t, &f->row, &f->cell));
}

OUT_OF_LINE static bool cell_end(pbi_walker *w)
{
    frame *f = top(w);
    f->in_cell = false;
    if (f->cell.merged_left && f->row_cells > 0) {
        f->cursor += f->cell.span; /* legacy hMerge: widens the cell before */
    } else {
        f->cell.merged_left = false;
        if ((uint64_t)f->cell.col + (uint64_t)f->cell.span > w->lim->max_columns) {
            pbi_error_set(w->err, PB_ERR_GRID_TOO_WIDE, _("a row of table %d is wider than %u grid columns"),
                         f->t.index + 1, w->lim->max_columns);
            return false;
        }
        f->row_cells++;
        f->cursor = f->cell.col + f->cell.span;
    }
    return !w->c.cell_end || client_ok(w, w->c.cell_end(w->c.ctx, &f->t, &f->row, &f->cell));
}

OUT_OF_LINE static bool table_end(pbi_walker *w)
{
    frame *f = top(w);
    if (f->in_cell && !cell_end(w))
        return false;
    if (f->in_row && !row_end(w))
        return false;
    bool ok = !w->c.table_end || client_ok(w, w->c.table_end(w->c.ctx, &f->t));
    w->depth--;
    return ok;
}

OUT_OF_LINE static bool tcpr_child(pbi_walker *w, elem l, const pbi_xml_attr *a, int n)
{
    frame *f = top(w);
    if (l == E_GRIDSPAN) {
        int span = parse_count(a, n, "val", 1);
        if ((uint64_t)span > w->lim->max_columns) {
            pbi_error_set(w->err, PB_ERR_GRID_TOO_WIDE, _("a cell of table %d spans %d grid columns, more than %u"),
                         f->t.index + 1, span, w->lim->max_columns);
            return false;
        }
        f->cell.span = span < 1 ? 1 : span;
    } else if (l == E_VMERGE) {
        f->cell.vmerge = w_attr_is(a, n, "val", "restart") ? PBI_VMERGE_RESTART : PBI_VMERGE_CONTINUE;
    } else if (l == E_HMERGE) {
        f->cell.merged_left = !w_attr_is(a, n, "val", "restart");
    }
    return true;
}

OUT_OF_LINE static bool trpr_child(pbi_walker *w, elem l, const pbi_xml_attr *a, int n)
{
    frame *f = top(w);
    if (!f->in_row)
        return true;
    if (l == E_GRIDBEFORE || l == E_GRIDAFTER) {
        int v = parse_count(a, n, "val", 0);
        if ((uint64_t)v > w->lim->max_columns) {
            pbi_error_set(w->err, PB_ERR_GRID_TOO_WIDE, _("a row of table %d is wider than %u grid columns"),
                         f->t.index + 1, w->lim->max_columns);
            return false;
        }
        if (l == E_GRIDBEFORE) {
            f->row.before = v;
            if (f->row_cells == 0)
                f->cursor = v;
        } else
            f->row.after = v;
    } else if (l == E_TBLHEADER) {
        f->row.header = !(w_attr_is(a, n, "val", "0") || w_attr_is(a, n, "val", "false"));
    } else if (l == E_DEL) {
        f->row.deleted = true;
    }
    return true;
}

/* ---- namespaces in scope, for mc:Choice's Requires */

static bool push_decls(pbi_walker *w, const pbi_xml_ns *d, int nd)
{
    for (int i = 0; i < nd; i++) {
        if (w->ns_count == w->ns_cap) {
            size_t ncap = w->ns_cap ? w->ns_cap * 2 : 64;
            ns_decl *grown = realloc(w->ns, ncap * sizeof *grown);
            if (!grown)
                return oom(w);
            w->ns = grown;
            w->ns_cap = ncap;
        }
        ns_decl *x = &w->ns[w->ns_count++];
        x->depth = w->level;
        w->ns_top = w->level;
        x->prefix = (size_t)-1;
        if (d[i].prefix) {
            x->prefix = w->ns_text.len;
            if (!pbi_buf_append(&w->ns_text, d[i].prefix, strlen(d[i].prefix) + 1))
                return oom(w);
        }
        x->uri = w->ns_text.len;
        const char *uri = d[i].uri ? d[i].uri : "";
        if (!pbi_buf_append(&w->ns_text, uri, strlen(uri) + 1))
            return oom(w);
    }
    return true;
}

static void pop_decls_at(pbi_walker *w, size_t level)
{
    while (w->ns_count > 0 && w->ns[w->ns_count - 1].depth == level) {
        ns_decl *x = &w->ns[--w->ns_count];
        w->ns_text.len = x->prefix != (size_t)-1 ? x->prefix : x->uri;
    }
    w->ns_top = w->ns_count ? w->ns[w->ns_count - 1].depth : 0;
}

static const char *lookup_ns(const pbi_walker *w, const char *prefix, size_t len)
{
    for (size_t i = w->ns_count; i-- > 0;) {
        const ns_decl *x = &w->ns[i];
        if (x->prefix == (size_t)-1)
            continue;
        const char *p = w->ns_text.data + x->prefix;
        if (strlen(p) == len && memcmp(p, prefix, len) == 0)
            return w->ns_text.data + x->uri;
    }
    return NULL;
}

/* ---- markup compatibility */

static bool ns_understood(const char *uri)
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
        if (strcmp(uri, known[i]) == 0)
            return true;
    return false;
}

/* A Choice is taken when every prefix it requires names a namespace read. */
static bool choice_ok(const pbi_walker *w, const pbi_xml_attr *a, int n)
{
    size_t len;
    const char *req = pbi_xml_attr_find(a, n, "Requires", NULL, NULL, &len);
    if (!req)
        return false;
    bool any = false;
    for (size_t i = 0; i < len;) {
        while (i < len && strchr(" \t\r\n", req[i]))
            i++;
        size_t j = i;
        while (j < len && !strchr(" \t\r\n", req[j]))
            j++;
        if (j > i) {
            any = true;
            if (!ns_understood(lookup_ns(w, req + i, j - i)))
                return false;
        }
        i = j;
    }
    return any;
}

/* Returns whether to descend. */
static bool mc_start(pbi_walker *w, elem kind, const char *local, const pbi_xml_attr *a, int n)
{
    if (kind == E_MC_AC) {
        if (w->ac_depth >= MAX_AC_DEPTH)
            return false;
        w->ac_chosen[w->ac_depth++] = false;
        return true;
    }
    if (w->ac_depth == 0)
        return true;
    bool *chosen = &w->ac_chosen[w->ac_depth - 1];
    if (*chosen)
        return false;
    if (strcmp(local, "Choice") == 0 && !choice_ok(w, a, n))
        return false;
    *chosen = true;
    return true;
}

/* ---- dispatch
 *
 * The starts and ends are the walker's inner loop (a few thousand a
 * document, most of them w:r, w:t, w:p, w:tc and the property elements
 * stepped over): their common path does no call that must come back, so
 * that it saves no registers; the rest is in the functions it jumps to. */

OUT_OF_LINE static bool fld_char(pbi_walker *w, const pbi_xml_attr *a, int n)
{
    if (w_attr_is(a, n, "fldCharType", "begin")) {
        w->fld_code |= 1ull << (w->fld_depth & 63);
        w->fld_depth++;
    } else if (w_attr_is(a, n, "fldCharType", "separate")) {
        if (w->fld_depth > 0)
            w->fld_code &= ~(1ull << ((w->fld_depth - 1) & 63));
    } else if (w_attr_is(a, n, "fldCharType", "end")) {
        if (w->fld_depth > 0)
            w->fld_depth--;
    }
    return true;
}

static bool skip_subtree(pbi_walker *w)
{
    w->skip_from = w->level;
    return true;
}

OUT_OF_LINE static bool br_start(pbi_walker *w, const pbi_xml_attr *a, int n)
{
    if (w_attr(a, n, "type", &(size_t){0}) && !w_attr_is(a, n, "type", "textWrapping"))
        return true;
    return append_text(w, "\n", 1);
}

/* Start of an element in the main namespace. */
static bool w_start(pbi_walker *w, elem l, const pbi_xml_attr *a, int n)
{
    if ((w->in_tcPr || w->in_trPr) && w->depth > 0) /* most properties (tcW, vAlign) are no concern */
        return l == E_OTHER || (w->in_tcPr ? tcpr_child(w, l, a, n) : trpr_child(w, l, a, n));
    switch (l) {
    case E_DEL:
    case E_SKIP:
        return skip_subtree(w);
    case E_P:
        return para_start(w);
    case E_TBL:
        return table_start(w);
    case E_TR:
        return w->depth == 0 || top(w)->in_cell || row_start(w);
    case E_TC:
        return w->depth == 0 || cell_start(w);
    case E_TRPR:
        w->in_trPr = w->depth > 0;
        return true;
    case E_TCPR:
        w->in_tcPr = w->depth > 0 && top(w)->in_cell;
        return true;
    case E_T:
        w->in_t = true;
        return true;
    case E_TAB:
        return append_text(w, "\t", 1);
    case E_BR:
        return br_start(w, a, n);
    case E_NOBREAKHYPHEN:
        return append_text(w, "-", 1);
    case E_FLDCHAR:
        return fld_char(w, a, n);
    default:
        return true;
    }
}

/* The end of an element of any kind. */
static bool kind_end(pbi_walker *w, elem l)
{
    switch (l) {
    case E_T:
        w->in_t = false;
        return true;
    case E_P:
        return para_end(w);
    case E_TCPR:
        w->in_tcPr = false;
        return true;
    case E_TRPR:
        w->in_trPr = false;
        return true;
    case E_TC:
        return w->depth == 0 || !top(w)->in_cell || cell_end(w);
    case E_TR:
        return w->depth == 0 || top(w)->in_cell || row_end(w); /* a w:tr in a cell was not started */
    case E_TBL:
        return w->depth == 0 || table_end(w);
    case E_MC_AC:
        if (w->ac_depth > 0)
            w->ac_depth--;
        return true;
    default:
        return true;
    }
}

OUT_OF_LINE static bool root_start(pbi_walker *w, elem kind)
{
    w->seen_root = true;
    if (kind == E_DOCUMENT)
        return true;
    pbi_error_set(w->err, PB_ERR_NO_MAIN_PART, "%s", _("the main part is not a WordprocessingML document"));
    return false;
}

OUT_OF_LINE static bool mc_step(pbi_walker *w, elem kind, const char *local, const pbi_xml_attr *a, int n)
{
    return mc_start(w, kind, local, a, n) || skip_subtree(w);
}

static bool kind_start(pbi_walker *w, elem kind, const char *local, const pbi_xml_attr *attrs, int nattrs)
{
    if (w->level <= OPEN_MAX)
        w->open[w->level - 1] = (unsigned char)kind;
    if (!w->seen_root)
        return root_start(w, kind);
    if (kind < E_FOREIGN)
        return w_start(w, kind, attrs, nattrs);
    return kind == E_FOREIGN || mc_step(w, kind, local, attrs, nattrs);
}

OUT_OF_LINE static bool miss_start(pbi_walker *w, const char *ns, const char *local, const pbi_xml_attr *attrs,
                                   int nattrs)
{
    return kind_start(w, kind_miss(w, ns, local), local, attrs, nattrs);
}

/* An element's start once its namespace declarations are in. */
static bool elem_start(pbi_walker *w, const char *ns, const char *local, const pbi_xml_attr *attrs, int nattrs)
{
    const unsigned char *k = kind_find(w, ns, local);
    return k ? kind_start(w, (elem)*k, local, attrs, nattrs) : miss_start(w, ns, local, attrs, nattrs);
}

OUT_OF_LINE static bool decls_start(pbi_walker *w, const char *ns, const char *local, const pbi_xml_attr *attrs,
                                    int nattrs, const pbi_xml_ns *decls, int ndecls)
{
    return push_decls(w, decls, ndecls) && elem_start(w, ns, local, attrs, nattrs);
}

bool pbi_walker_start(pbi_walker *w, const char *ns, const char *local, const pbi_xml_attr *attrs, int nattrs,
                      const pbi_xml_ns *decls, int ndecls)
{
    w->level++;
    if (w->skip_from)
        return true;
    if (ndecls > 0)
        return decls_start(w, ns, local, attrs, nattrs, decls, ndecls);
    return elem_start(w, ns, local, attrs, nattrs);
}

OUT_OF_LINE static bool unrecorded_end(pbi_walker *w, const char *ns, const char *local)
{
    const unsigned char *k = kind_find(w, ns, local);
    return kind_end(w, k ? (elem)*k : kind_miss(w, ns, local));
}

static bool skipped_end(pbi_walker *w, size_t level)
{
    if (level > w->skip_from)
        return true;
    w->skip_from = 0; /* the end of the subtree stepped over */
    if (level == w->ns_top)
        pop_decls_at(w, level); /* a skipped AlternateContent pushed no branch */
    return true;
}

bool pbi_walker_end(pbi_walker *w, const char *ns, const char *local)
{
    size_t level = w->level;
    if (level > 0)
        w->level = level - 1;
    if (w->skip_from)
        return skipped_end(w, level);
    if (level == w->ns_top)
        pop_decls_at(w, level);
    if (level - 1 < OPEN_MAX)
        return kind_end(w, (elem)w->open[level - 1]);
    /* deep, or level 0: an end with no start, from a client feeding events itself */
    return unrecorded_end(w, ns, local);
}

bool pbi_walker_text(pbi_walker *w, const char *s, size_t n)
{
    if (w->skip_from || !w->in_t)
        return true;
    return append_text(w, s, n);
}

static bool h_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                    const pbi_xml_ns *d, int nd)
{
    return pbi_walker_start(ctx, ns, local, a, n, d, nd);
}

static bool h_end(void *ctx, const char *ns, const char *local) { return pbi_walker_end(ctx, ns, local); }
static bool h_text(void *ctx, const char *s, size_t n) { return pbi_walker_text(ctx, s, n); }

static bool h_skipping(void *ctx) { return ((pbi_walker *)ctx)->skip_from != 0; }

pbi_xml_handler pbi_walker_handler(pbi_walker *w)
{
    w->interned = true; /* the names libxml2's SAX2 parser reports are in its dictionary */
    return (pbi_xml_handler){w, h_start, h_end, h_text, h_skipping};
}

bool pbi_walker_saw_root(const pbi_walker *w) { return w->seen_root; }

pbi_walker *pbi_walker_new(const pbi_walker_client *client, const pb_limits *l, pb_error *e)
{
    pbi_walker *w = calloc(1, sizeof *w);
    if (!w) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    w->c = *client;
    w->lim = l;
    w->err = e;
    return w;
}

void pbi_walker_free(pbi_walker *w)
{
    if (!w)
        return;
    free(w->tables);
    free(w->ns);
    pbi_buf_free(&w->ns_text);
    free(w);
}
