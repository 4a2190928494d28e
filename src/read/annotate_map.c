/* Where each cell's content sits in the main part's bytes, for annotate:
 * a SAX2 pass over the part in memory that follows the reader's rules for
 * what a table, a row and a grid column are (src/read/docx.c) and records,
 * for every cell, the offsets a comment range can start and end at.
 *
 * Stand-in: the reader's SAX2 walker (branch `read`, src/read/walker.h) is to
 * drive this mapping once it is merged, so that the two can never disagree;
 * until then the rules below mirror docx.c's (tables numbered at their start,
 * deleted rows left out, gridBefore/gridSpan/hMerge, the markup-
 * compatibility choice, skipped subtrees), and tests/test_annotate.c checks
 * that pbcheck reads the same findings back from the annotated copy. */
#include "read/annotate.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#define W_NS_T "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_S "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define MAX_AC 64

typedef struct tframe {
    int index;
    int row;        /* rows kept so far (the open one included) */
    bool in_row, row_deleted, in_cell;
    int cursor;     /* next grid column */
    int before;     /* gridBefore of the open row */
    int row_cells;  /* cells of the open row */
    pbi_cell_anchor cell;
    bool hmerge_continue;
    size_t row_first; /* m->count when the row opened */
} tframe;

typedef struct mapper {
    xmlParserCtxtPtr ctxt;
    pb_arena *a;
    pbi_anchor_map *m;
    pb_error *e;
    size_t cap;
    tframe *tables;
    size_t depth, tcap;
    int table_count;
    int skip;          /* depth inside a skipped subtree (0: none) */
    int para_depth;
    bool in_trpr, in_tcpr;
    bool para_first;   /* the open top-level paragraph has had no child yet */
    bool para_in_cell; /* ... and belongs to the innermost open cell */
    bool para_body;    /* ... and is a body paragraph */
    bool para_sets_start; /* ... and is its anchor's first paragraph */
    const char *xml;
    size_t len;
    bool ac_chosen[MAX_AC];
    int ac_depth;
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

static const xmlChar *attr(const xmlChar **attrs, int n, const char *name, bool *found)
{
    /* SAX2 attributes: localname, prefix, URI, value, end; five per attribute. */
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        if (xmlStrEqual(at[0], BAD_CAST name) && at[2] &&
            (xmlStrEqual(at[2], BAD_CAST W_NS_T) || xmlStrEqual(at[2], BAD_CAST W_NS_S))) {
            *found = true;
            return at[3];
        }
    }
    *found = false;
    return NULL;
}

/* The attribute's value as an int (values are not NUL-terminated). */
static int attr_int(const xmlChar **attrs, int n, const char *name, int dflt)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        if (xmlStrEqual(at[0], BAD_CAST name) && at[2] &&
            (xmlStrEqual(at[2], BAD_CAST W_NS_T) || xmlStrEqual(at[2], BAD_CAST W_NS_S))) {
            char buf[24];
            size_t len = (size_t)(at[4] - at[3]);
            if (len >= sizeof buf)
                len = sizeof buf - 1;
            memcpy(buf, at[3], len);
            buf[len] = 0;
            char *end;
            long v = strtol(buf, &end, 10);
            if (end == buf || v < 0)
                return dflt;
            return v > 0x7fffffffL ? 0x7fffffff : (int)v;
        }
    }
    return dflt;
}

static bool attr_is(const xmlChar **attrs, int n, const char *name, const char *value)
{
    bool found;
    const xmlChar *v = attr(attrs, n, name, &found);
    if (!found)
        return false;
    size_t len = strlen(value);
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        if (at[3] == v)
            return (size_t)(at[4] - at[3]) == len && memcmp(v, value, len) == 0;
    }
    return false;
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

/* The subtrees the reader steps over (docx.c's E_SKIP and E_DEL). */
static bool skipped(const xmlChar *l)
{
    static const char *const names[] = {"del", "rPr", "pPr", "sectPr", "tblPr", "tblGrid", "sdtPr",
                                        "sdtEndPr", "tblPrEx", "delText", "instrText", "delInstrText",
                                        "moveFrom", "commentReference", "footnoteReference",
                                        "endnoteReference", "rt", "annotationRef", "object"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (xmlStrEqual(l, BAD_CAST names[i]))
            return true;
    return false;
}

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

static bool choice_ok(mapper *mp, const xmlChar **attrs, int n)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        if (!xmlStrEqual(at[0], BAD_CAST "Requires") || at[2])
            continue;
        char buf[512];
        size_t len = (size_t)(at[4] - at[3]);
        if (len >= sizeof buf)
            return false;
        memcpy(buf, at[3], len);
        buf[len] = 0;
        char *save = NULL;
        for (char *p = strtok_r(buf, " \t\r\n", &save); p; p = strtok_r(NULL, " \t\r\n", &save)) {
            xmlNsPtr ns = NULL;
            /* The prefix is resolved against the namespaces in scope. */
            for (int k = mp->ctxt->nsNr - 2; k >= 0; k -= 2)
                if (mp->ctxt->nsTab[k] && xmlStrEqual(mp->ctxt->nsTab[k], BAD_CAST p)) {
                    if (!ns_understood(mp->ctxt->nsTab[k + 1]))
                        return false;
                    ns = (xmlNsPtr)1;
                    break;
                }
            if (!ns)
                return false;
        }
        return true;
    }
    return false;
}

/* Returns whether to descend into an mc: element. */
static bool mc_start(mapper *mp, const xmlChar *l, const xmlChar **attrs, int n)
{
    if (xmlStrEqual(l, BAD_CAST "AlternateContent")) {
        if (mp->ac_depth >= MAX_AC)
            return false;
        mp->ac_chosen[mp->ac_depth++] = false;
        return true;
    }
    if (mp->ac_depth == 0)
        return true;
    bool *chosen = &mp->ac_chosen[mp->ac_depth - 1];
    if (*chosen)
        return false;
    if (xmlStrEqual(l, BAD_CAST "Choice") && !choice_ok(mp, attrs, n))
        return false;
    *chosen = true;
    return true;
}

static pbi_cell_anchor *push_cell(mapper *mp)
{
    if (!pbi_grow(mp->a, (void **)&mp->m->cells, &mp->cap, mp->m->count, sizeof *mp->m->cells)) {
        fail(mp, PB_ERR_NOMEM, _("out of memory"));
        return NULL;
    }
    return &mp->m->cells[mp->m->count++];
}

static void table_start(mapper *mp)
{
    if (mp->depth == mp->tcap) {
        size_t ncap = mp->tcap ? mp->tcap * 2 : 8;
        tframe *t = realloc(mp->tables, ncap * sizeof *t);
        if (!t) {
            fail(mp, PB_ERR_NOMEM, _("out of memory"));
            return;
        }
        mp->tables = t;
        mp->tcap = ncap;
    }
    tframe *f = &mp->tables[mp->depth++];
    memset(f, 0, sizeof *f);
    f->index = mp->table_count++;
}

static void row_start(mapper *mp, tframe *f)
{
    f->in_row = true;
    f->row_deleted = false;
    f->cursor = 0;
    f->before = 0;
    f->row_cells = 0;
    f->row++;
    f->row_first = mp->m->count;
}

static void row_end(mapper *mp, tframe *f)
{
    if (!f->in_row)
        return;
    f->in_row = false;
    if (f->row_deleted) {
        /* A deleted row is not in the current view: its cells go too. */
        f->row--;
        mp->m->count = f->row_first;
    }
}

static void cell_start(mapper *mp, tframe *f)
{
    if (!f->in_row)
        row_start(mp, f);
    if (f->row_cells == 0)
        f->cursor = f->before;
    memset(&f->cell, 0, sizeof f->cell);
    f->cell.table = f->index;
    f->cell.row = f->row - 1;
    f->cell.col = f->cursor;
    f->cell.span = 1;
    f->hmerge_continue = false;
    f->in_cell = true;
}

static void cell_end(mapper *mp, tframe *f)
{
    f->in_cell = false;
    if (f->hmerge_continue && f->row_cells > 0) {
        /* Legacy hMerge: the cell widens the one before it (the anchor stays
         * on that one). */
        pbi_cell_anchor *prev = &mp->m->cells[mp->m->count - 1];
        prev->span += f->cell.span;
        f->cursor += f->cell.span;
        return;
    }
    pbi_cell_anchor *c = push_cell(mp);
    if (!c)
        return;
    *c = f->cell;
    f->row_cells++;
    f->cursor = f->cell.col + f->cell.span;
}

static tframe *top(mapper *mp) { return mp->depth ? &mp->tables[mp->depth - 1] : NULL; }

/* The anchor the open top-level paragraph belongs to, or NULL. */
static pbi_cell_anchor *para_anchor(mapper *mp)
{
    tframe *f = top(mp);
    if (mp->para_in_cell && f)
        return &f->cell;
    return mp->para_body ? &mp->m->body : NULL;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs)
{
    (void)nb_ns;
    (void)ns;
    (void)nb_defaulted;
    mapper *mp = ctx;
    if (mp->failed)
        return;
    if (is_w(uri))
        track_ids(mp, attrs, nb_attrs);
    if (mp->skip) {
        mp->skip++;
        return;
    }
    /* The first child of an open paragraph, other than its w:pPr, decides
     * where a range starts: right after the paragraph's start tag. */
    if (mp->para_depth == 1 && mp->para_first && !(is_w(uri) && xmlStrEqual(local, BAD_CAST "pPr")))
        mp->para_first = false;
    if (uri && xmlStrEqual(uri, BAD_CAST MC_NS)) {
        if (!mc_start(mp, local, attrs, nb_attrs))
            mp->skip = 1;
        return;
    }
    if (!is_w(uri))
        return;
    tframe *f = top(mp);
    if (mp->in_tcpr && f) {
        if (xmlStrEqual(local, BAD_CAST "gridSpan")) {
            int n = attr_int(attrs, nb_attrs, "val", 1);
            f->cell.span = n < 1 ? 1 : n;
        } else if (xmlStrEqual(local, BAD_CAST "vMerge")) {
            f->cell.vmerge_continue = !attr_is(attrs, nb_attrs, "val", "restart");
        } else if (xmlStrEqual(local, BAD_CAST "hMerge")) {
            f->hmerge_continue = !attr_is(attrs, nb_attrs, "val", "restart");
        }
        return;
    }
    if (mp->in_trpr && f) {
        if (!f->in_row)
            return;
        if (xmlStrEqual(local, BAD_CAST "gridBefore")) {
            f->before = attr_int(attrs, nb_attrs, "val", 0);
            if (f->row_cells == 0)
                f->cursor = f->before;
        } else if (xmlStrEqual(local, BAD_CAST "del")) {
            f->row_deleted = true;
        }
        return;
    }
    if (!mp->m->prefix[0] && xmlStrEqual(local, BAD_CAST "document")) {
        snprintf(mp->m->prefix, sizeof mp->m->prefix, "%s", prefix ? (const char *)prefix : "");
        mp->m->strict = xmlStrEqual(uri, BAD_CAST W_NS_S);
        return;
    }
    if (xmlStrEqual(local, BAD_CAST "tcPr")) {
        mp->in_tcpr = f && f->in_cell;
        return;
    }
    if (xmlStrEqual(local, BAD_CAST "trPr")) {
        mp->in_trpr = f != NULL;
        return;
    }
    if (skipped(local)) {
        mp->skip = 1;
        return;
    }
    if (xmlStrEqual(local, BAD_CAST "p")) {
        if (mp->para_depth++ > 0)
            return;
        mp->para_first = true;
        mp->para_in_cell = f && f->in_cell;
        mp->para_body = !f && !mp->m->has_body_para;
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
        if (mp->para_body)
            mp->m->has_body_para = true;
    } else if (xmlStrEqual(local, BAD_CAST "tbl")) {
        table_start(mp);
    } else if (f && xmlStrEqual(local, BAD_CAST "tr")) {
        if (!f->in_cell)
            row_start(mp, f);
    } else if (f && xmlStrEqual(local, BAD_CAST "tc")) {
        cell_start(mp, f);
    }
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    (void)prefix;
    mapper *mp = ctx;
    if (mp->failed)
        return;
    if (mp->skip) {
        mp->skip--;
        /* A w:pPr first in the cell's first paragraph moves the range start
         * past it. */
        if (mp->skip == 0 && mp->para_depth == 1 && mp->para_first && mp->para_sets_start && is_w(uri) &&
            xmlStrEqual(local, BAD_CAST "pPr")) {
            pbi_cell_anchor *c = para_anchor(mp);
            if (c)
                c->start = offset(mp);
        }
        return;
    }
    if (uri && xmlStrEqual(uri, BAD_CAST MC_NS)) {
        if (xmlStrEqual(local, BAD_CAST "AlternateContent") && mp->ac_depth > 0)
            mp->ac_depth--;
        return;
    }
    if (!is_w(uri))
        return;
    tframe *f = top(mp);
    if (xmlStrEqual(local, BAD_CAST "tcPr")) {
        mp->in_tcpr = false;
    } else if (xmlStrEqual(local, BAD_CAST "trPr")) {
        mp->in_trpr = false;
    } else if (xmlStrEqual(local, BAD_CAST "p")) {
        if (mp->para_depth > 0 && --mp->para_depth == 0) {
            pbi_cell_anchor *c = para_anchor(mp);
            if (c && !c->end_empty) {
                /* Back from past the end tag to its "<" (an end tag holds
                 * no other). */
                size_t at = offset(mp);
                while (at > 0 && mp->xml[at - 1] != '<')
                    at--;
                c->end = at > 0 ? at - 1 : 0;
            }
            mp->para_in_cell = mp->para_body = false;
        }
    } else if (f && xmlStrEqual(local, BAD_CAST "tc")) {
        if (f->in_cell)
            cell_end(mp, f);
    } else if (f && xmlStrEqual(local, BAD_CAST "tr")) {
        row_end(mp, f);
    } else if (f && xmlStrEqual(local, BAD_CAST "tbl")) {
        if (f->in_cell)
            cell_end(mp, f);
        row_end(mp, f);
        mp->depth--;
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
    pbi_read_init();
    mapper mp;
    memset(&mp, 0, sizeof mp);
    mp.a = a;
    mp.m = m;
    mp.e = e;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml, (int)len);
    if (!ctxt) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    xmlSAXHandlerPtr old = ctxt->sax;
    ctxt->sax = &sax;
    ctxt->userData = &mp;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    ctxt->sax = &sax; /* xmlCtxtUseOptions may reset handlers */
    mp.ctxt = ctxt;
    mp.xml = xml;
    mp.len = len;
    int rc = xmlParseDocument(ctxt);
    bool ok = !mp.failed;
    if (ok && (rc != 0 || !ctxt->wellFormed)) {
        pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the main part is not well-formed XML"));
        ok = false;
    }
    if (ok && ctxt->input && ctxt->input->buf && ctxt->input->buf->encoder) {
        /* Offsets are in the part's bytes and the anchors are UTF-8. */
        pbi_error_set(e, PB_ERR_XML_ENCODING, "%s", _("annotate needs a main part in UTF-8"));
        ok = false;
    }
    ctxt->sax = old;
    xmlFreeParserCtxt(ctxt);
    free(mp.tables);
    return ok;
}
