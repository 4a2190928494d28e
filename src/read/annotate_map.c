/* Where each cell's content sits in the main part's bytes, for annotate.
 * The reader's walker (walker.h) decides what a table, a row, a cell and a
 * grid column are — the same code that built the pb_tables the findings
 * point into — fed with the events of this file's own SAX2 pass over the
 * part in memory, whose byte position at each callback is the position of
 * that element.  This file only adds where a cell's first paragraph starts
 * (past its w:pPr) and where its last one ends. */
#include "read/annotate.h"
#include "read/walker.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#define W_NS_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MAX_ATTRS 512

/* A cell the walker has open, innermost last. */
typedef struct open_cell {
    int depth;            /* its table's depth */
    bool recorded;        /* not in a deleted row */
    pbi_cell_anchor cell;
} open_cell;

typedef struct mapper {
    xmlParserCtxtPtr ctxt;
    pbi_walker *walker;
    pb_arena *a;
    pbi_anchor_map *m;
    pb_error *e;
    size_t cap, para_cap;
    pbi_cell_anchor para; /* the open body paragraph's anchor */
    int para_index;       /* the walker's number of the body paragraph that just ended, else -1 */
    open_cell *cells;
    size_t cell_depth, cell_cap;
    int table_depth;   /* open tables */
    int para_depth;
    bool para_first;   /* the open top-level paragraph has had no child yet */
    bool para_in_cell; /* ... and belongs to the innermost open cell */
    bool para_body;    /* ... and is outside every table */
    bool para_sets_start; /* ... and is its anchor's first paragraph */
    int ppr_depth;     /* inside that paragraph's leading w:pPr */
    bool last_merged_left; /* the last recorded cell ended as an hMerge continuation */
    const char *xml;
    size_t len;
    pbi_xml_attr attrs[MAX_ATTRS];
    pbi_xml_ns decls[MAX_ATTRS];
    bool failed;
} mapper;

static size_t offset(mapper *mp)
{
    long n = xmlByteConsumed(mp->ctxt);
    return n < 0 ? 0 : (size_t)n;
}

static void fail(mapper *mp, pb_status s, const char *msg)
{
    if (!mp->failed)
        pbi_error_set(mp->e, s, "%s", msg);
    mp->failed = true;
    xmlStopParser(mp->ctxt);
}

static void track_ids(mapper *mp, const xmlChar **attrs, int n)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        if (!xmlStrEqual(at[0], BAD_CAST "id"))
            continue;
        long v = 0;
        const xmlChar *p = at[3];
        bool digits = p < at[4];
        for (; p < at[4] && v < 0x3fffffff; p++) {
            if (*p < '0' || *p > '9') {
                digits = false;
                break;
            }
            v = v * 10 + (*p - '0');
        }
        if (digits && v > mp->m->max_id)
            mp->m->max_id = v;
    }
}

static bool is_w(const xmlChar *uri)
{
    return uri && (xmlStrEqual(uri, BAD_CAST W_NS_T) || xmlStrEqual(uri, BAD_CAST W_NS_S));
}

/* ---- the walker's callbacks */

static bool w_cell_start(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    mapper *mp = ctx;
    if (mp->cell_depth == mp->cell_cap) {
        size_t ncap = mp->cell_cap ? mp->cell_cap * 2 : 8;
        open_cell *n = realloc(mp->cells, ncap * sizeof *n);
        if (!n) {
            pbi_error_set(mp->e, PB_ERR_NOMEM, "%s", _("out of memory"));
            return false;
        }
        mp->cells = n;
        mp->cell_cap = ncap;
    }
    open_cell *oc = &mp->cells[mp->cell_depth++];
    memset(oc, 0, sizeof *oc);
    oc->depth = t->depth;
    oc->recorded = !r->deleted;
    oc->cell.table = t->index;
    oc->cell.row = r->index;
    oc->cell.col = c->col;
    oc->cell.span = 1;
    return true;
}

static bool w_cell_end(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    (void)t;
    (void)r;
    mapper *mp = ctx;
    if (mp->cell_depth == 0)
        return true;
    open_cell *oc = &mp->cells[--mp->cell_depth];
    if (!oc->recorded)
        return true;
    if (c->merged_left) {
        /* hMerge continuation: it only widens the cell before it, which
         * keeps the anchor (the walker moved its cursor on already). */
        if (mp->m->count > 0 && mp->m->cells[mp->m->count - 1].table == oc->cell.table)
            mp->m->cells[mp->m->count - 1].span += c->span;
        return true;
    }
    if (!pbi_grow(mp->a, (void **)&mp->m->cells, &mp->cap, mp->m->count, sizeof *mp->m->cells)) {
        pbi_error_set(mp->e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    oc->cell.span = c->span;
    oc->cell.vmerge_continue = c->vmerge == PBI_VMERGE_CONTINUE;
    mp->m->cells[mp->m->count++] = oc->cell;
    return true;
}

static bool w_table_start(void *ctx, const pbi_walk_table *t)
{
    mapper *mp = ctx;
    mp->table_depth = t->depth;
    return true;
}

static bool w_table_end(void *ctx, const pbi_walk_table *t)
{
    mapper *mp = ctx;
    mp->table_depth = t->depth - 1;
    return true;
}

/* The cell a paragraph starting now belongs to: the innermost open cell,
 * when its table is the innermost open table. */
static open_cell *current_cell(mapper *mp)
{
    if (mp->cell_depth == 0)
        return NULL;
    open_cell *oc = &mp->cells[mp->cell_depth - 1];
    return oc->depth == mp->table_depth ? oc : NULL;
}

/* The anchor the open top-level paragraph belongs to, or NULL. */
static pbi_cell_anchor *para_anchor(mapper *mp)
{
    if (mp->para_in_cell) {
        open_cell *oc = current_cell(mp);
        return oc && oc->recorded ? &oc->cell : NULL;
    }
    return mp->para_body ? &mp->para : NULL;
}

/* The walker numbered the body paragraph that is ending (its end tag is
 * the event being handled): para_end records it under that number. */
static bool w_paragraph(void *ctx, int index)
{
    mapper *mp = ctx;
    mp->para_index = index;
    return true;
}

/* ---- SAX2 */

static void para_start(mapper *mp)
{
    if (mp->para_depth++ > 0)
        return;
    mp->para_first = true;
    mp->para_in_cell = current_cell(mp) != NULL;
    mp->para_body = mp->table_depth == 0;
    if (mp->para_body)
        mp->para = (pbi_cell_anchor){.table = -1, .row = -1, .col = -1, .span = 1};
    size_t at = offset(mp);
    bool empty = at < mp->len && mp->xml[at] == '/';
    pbi_cell_anchor *c = para_anchor(mp);
    mp->para_sets_start = c && !c->has_para;
    if (c && !c->has_para) {
        c->has_para = true;
        c->start = empty ? at : at + 1;
        c->start_empty = empty;
    }
    if (c) {
        c->end = at; /* fixed at the end tag */
        c->end_empty = empty;
    }
}

static bool para_end(mapper *mp)
{
    if (mp->para_depth == 0 || --mp->para_depth > 0)
        return true;
    pbi_cell_anchor *c = para_anchor(mp);
    if (c && !c->end_empty) {
        /* Back from past the end tag to its "<" (an end tag holds no other). */
        size_t at = offset(mp);
        while (at > 0 && mp->xml[at - 1] != '<')
            at--;
        c->end = at > 0 ? at - 1 : 0;
    }
    pbi_anchor_map *m = mp->m;
    if (mp->para_body && mp->para_index >= 0 && (size_t)mp->para_index == m->para_count) {
        if (!pbi_grow(mp->a, (void **)&m->paras, &mp->para_cap, m->para_count, sizeof *m->paras)) {
            pbi_error_set(mp->e, PB_ERR_NOMEM, "%s", _("out of memory"));
            return false;
        }
        m->paras[m->para_count++] = mp->para;
        if (!m->has_body_para) {
            m->has_body_para = true;
            m->body = mp->para;
        }
    }
    mp->para_index = -1;
    mp->para_in_cell = mp->para_body = false;
    return true;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs)
{
    (void)nb_defaulted;
    mapper *mp = ctx;
    if (mp->failed)
        return;
    if (nb_attrs > MAX_ATTRS || nb_ns > MAX_ATTRS) {
        fail(mp, PB_ERR_XML_TOO_MANY_ATTRIBUTES, _("an element of the main part has too many attributes"));
        return;
    }
    for (int i = 0; i < nb_attrs; i++) {
        const xmlChar **at = attrs + 5 * i;
        mp->attrs[i] = (pbi_xml_attr){(const char *)at[2], (const char *)at[0], (const char *)at[3],
                                      (size_t)(at[4] - at[3])};
    }
    for (int i = 0; i < nb_ns; i++)
        mp->decls[i] = (pbi_xml_ns){(const char *)ns[2 * i], (const char *)ns[2 * i + 1]};
    bool w = is_w(uri);
    if (w)
        track_ids(mp, attrs, nb_attrs);
    if (w && !mp->m->prefix[0] && !mp->m->root_seen && xmlStrEqual(local, BAD_CAST "document")) {
        snprintf(mp->m->prefix, sizeof mp->m->prefix, "%s", prefix ? (const char *)prefix : "");
        mp->m->strict = xmlStrEqual(uri, BAD_CAST W_NS_S);
    }
    mp->m->root_seen = true;
    /* Paragraph bookkeeping before the walker hears of the element, so that
     * a w:p is placed with the cells open around it. */
    if (mp->ppr_depth > 0)
        mp->ppr_depth++;
    else if (mp->para_depth == 1 && mp->para_first) {
        mp->para_first = false;
        if (w && xmlStrEqual(local, BAD_CAST "pPr"))
            mp->ppr_depth = 1;
    }
    if (w && xmlStrEqual(local, BAD_CAST "p"))
        para_start(mp);
    if (!pbi_walker_start(mp->walker, (const char *)uri, (const char *)local, mp->attrs, nb_attrs, mp->decls, nb_ns)) {
        mp->failed = true;
        xmlStopParser(mp->ctxt);
    }
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix;
    mapper *mp = ctx;
    if (mp->failed)
        return;
    if (!pbi_walker_end(mp->walker, (const char *)uri, (const char *)local)) {
        mp->failed = true;
        xmlStopParser(mp->ctxt);
        return;
    }
    if (mp->ppr_depth > 0 && --mp->ppr_depth == 0 && mp->para_sets_start) {
        /* The leading w:pPr of the cell's first paragraph: the range starts
         * after it. */
        pbi_cell_anchor *c = para_anchor(mp);
        if (c)
            c->start = offset(mp);
    }
    if (is_w(uri) && xmlStrEqual(local, BAD_CAST "p") && !para_end(mp)) {
        mp->failed = true;
        xmlStopParser(mp->ctxt);
    }
}

static void on_text(void *ctx, const xmlChar *s, int n)
{
    mapper *mp = ctx;
    if (mp->failed)
        return;
    if (!pbi_walker_text(mp->walker, (const char *)s, (size_t)n)) {
        mp->failed = true;
        xmlStopParser(mp->ctxt);
    }
}

bool pbi_anchor_map_build(const char *xml, size_t len, pb_arena *a, pbi_anchor_map *m, pb_error *e)
{
    memset(m, 0, sizeof *m);
    m->max_id = -1;
    if (len > 0x7fffffff) {
        pbi_error_set(e, PB_ERR_PART_TOO_LARGE, "%s", _("the main part is too large to annotate"));
        return false;
    }
    if (len >= 2 && ((unsigned char)xml[0] == 0xFF || (unsigned char)xml[0] == 0xFE)) {
        /* Offsets are in the part's bytes and the anchors are UTF-8. */
        pbi_error_set(e, PB_ERR_XML_ENCODING, "%s", _("annotate needs a main part in UTF-8"));
        return false;
    }
    pbi_read_init();
    pb_limits lim;
    pb_limits_default(&lim);
    mapper *mp = calloc(1, sizeof *mp);
    if (!mp) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    mp->a = a;
    mp->m = m;
    mp->e = e;
    mp->xml = xml;
    mp->len = len;
    mp->para_index = -1;
    pbi_walker_client client = {.ctx = mp,
                                .table_start = w_table_start,
                                .table_end = w_table_end,
                                .cell_start = w_cell_start,
                                .cell_end = w_cell_end,
                                .paragraph = w_paragraph};
    if (!(mp->walker = pbi_walker_new(&client, &lim, e))) {
        free(mp);
        return false;
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml, (int)len);
    bool ok = ctxt != NULL;
    if (!ok)
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    if (ok) {
        xmlSAXHandlerPtr old = ctxt->sax;
        ctxt->sax = &sax;
        ctxt->userData = mp;
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
        ctxt->sax = &sax;
        mp->ctxt = ctxt;
        int rc = xmlParseDocument(ctxt);
        ok = !mp->failed && e->status == PB_OK;
        if (ok && (rc != 0 || !ctxt->wellFormed)) {
            pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the main part is not well-formed XML"));
            ok = false;
        }
        if (ok && ctxt->input && ctxt->input->buf && ctxt->input->buf->encoder) {
            pbi_error_set(e, PB_ERR_XML_ENCODING, "%s", _("annotate needs a main part in UTF-8"));
            ok = false;
        }
        ctxt->sax = old;
        xmlFreeParserCtxt(ctxt);
    }
    pbi_walker_free(mp->walker);
    free(mp->cells);
    free(mp);
    return ok;
}
