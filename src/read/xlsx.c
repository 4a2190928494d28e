/* The SpreadsheetML reader: workbook → worksheets, each streamed through
 * SAX2 (xml.c) and handed to the sink as one pb_table (cells at their
 * sheet row and column, merged ranges resolved).  The shared strings and
 * the number formats are read first; beyond them memory holds one sheet's
 * non-empty cells.  Every part goes through the zip layer's limits.
 *
 * Cell text is what a reader of the sheet sees, within reason: shared and
 * inline strings (phonetic runs dropped), and numbers written from their
 * stored decimal text (never through a double) with the cell's number
 * format applied: percent formats scale by 100 and add "%", fixed decimals
 * pad with zeros, quoted literals ("万元") are kept, dates print as
 * YYYY-MM-DD.  A stored value is never rounded to the format's decimals: a
 * sum checked is the sum stored.  Formulas are read by their cached value. */
#include "read/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

bool pbi_xlsx_is_sml(const char *ns) { return ns && (strcmp(ns, SML_NS) == 0 || strcmp(ns, SML_NS_S) == 0); }

bool pbi_xlsx_parse(workbook *wb, const char *part, const pbi_xml_handler *h)
{
    pb_part *p = pbi_part_open(wb->z, part, wb->err);
    if (!p)
        return false;
    bool ok = pbi_xml_parse(p, part, wb->lim, h, wb->err);
    pbi_part_close(p);
    return ok;
}

bool pbi_xlsx_append_text(workbook *wb, const char *part, pb_buf *b, const char *s, size_t n)
{
    if (b->len + n > wb->lim->max_cell_text) {
        pbi_error_set(wb->err, PB_ERR_CELL_TOO_LARGE, _("a cell or string of \"%s\" holds more than %llu bytes of text"),
                     part, (unsigned long long)wb->lim->max_cell_text);
        return false;
    }
    return !n || pbi_buf_append(b, s, n) || oom(wb->err);
}

/* ---- [Content_Types].xml */

static bool workbook_type(const char *t)
{
    return strstr(t, "spreadsheetml.sheet.main") || strstr(t, "spreadsheetml.template.main") ||
           strstr(t, "ms-excel.sheet.macroEnabled.main") || strstr(t, "ms-excel.template.macroEnabled.main") ||
           strstr(t, "ms-excel.sheet.binary.macroEnabled.main");
}

static bool has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

bool pbi_xlsx_is_workbook(pb_zip *z, const char *main_part)
{
    char type[NAME_MAX_LEN];
    if (pbi_opc_content_type(z, main_part, type, sizeof type))
        return workbook_type(type) != 0;
    return has_suffix_ci(main_part, "workbook.xml");
}

/* ---- workbook.xml */

typedef struct sheet_ref {
    char *name, *rid;
} sheet_ref;

typedef struct workbook_reader {
    workbook *wb;
    sheet_ref *sheets;
    size_t count, cap;
    int level, skip_from;
    bool seen_root;
} workbook_reader;

static bool wb_start(void *ctx, const char *ns, const char *local, const pbi_xml_attr *a, int n,
                     const pbi_xml_ns *d, int nd)
{
    (void)d;
    (void)nd;
    workbook_reader *r = ctx;
    workbook *wb = r->wb;
    int depth = r->level++;
    if (r->skip_from)
        return true;
    bool sml = pbi_xlsx_is_sml(ns);
    char v[NAME_MAX_LEN], rid[NAME_MAX_LEN];
    if (!r->seen_root) {
        r->seen_root = true;
        if (sml && strcmp(local, "workbook") == 0)
            return true;
        pbi_error_set(wb->err, PB_ERR_NO_MAIN_PART, "%s", _("the main part is not a SpreadsheetML workbook"));
        return false;
    }
    if (sml && strcmp(local, "workbookPr") == 0) {
        wb->date1904 = pbi_xml_attr_copy(a, n, "date1904", NULL, NULL, v, sizeof v) &&
                       (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (sml && strcmp(local, "sheet") == 0 && pbi_xml_attr_copy(a, n, "name", NULL, NULL, v, sizeof v) &&
               pbi_xml_attr_copy(a, n, "id", REL_NS, REL_NS_S, rid, sizeof rid)) {
        if (r->count >= wb->lim->max_tables) {
            pbi_error_set(wb->err, PB_ERR_TOO_MANY_TABLES, _("the workbook has more than %u sheets"),
                         wb->lim->max_tables);
            return false;
        }
        if (!pbi_grow(wb->a, (void **)&r->sheets, &r->cap, r->count, sizeof *r->sheets))
            return oom(wb->err);
        sheet_ref *s = &r->sheets[r->count];
        s->name = pb_arena_strdup(wb->a, v);
        s->rid = pb_arena_strdup(wb->a, rid);
        if (!s->name || !s->rid)
            return oom(wb->err);
        r->count++;
    } else if (depth == 1 && !(sml && strcmp(local, "sheets") == 0)) {
        r->skip_from = r->level; /* defined names, views, extensions */
    }
    return true;
}

static bool wb_end(void *ctx, const char *ns, const char *local)
{
    (void)ns;
    (void)local;
    workbook_reader *r = ctx;
    if (r->skip_from && r->level == r->skip_from)
        r->skip_from = 0;
    r->level--;
    return true;
}

static bool wb_skipping(void *ctx) { return ((workbook_reader *)ctx)->skip_from != 0; }

static bool read_workbook(workbook *wb, const char *part, workbook_reader *r)
{
    r->wb = wb;
    pbi_xml_handler h = {r, wb_start, wb_end, NULL, wb_skipping};
    if (!pbi_xlsx_parse(wb, part, &h))
        return false;
    if (!r->seen_root)
        pbi_error_set(wb->err, PB_ERR_XML_MALFORMED, "%s", _("the workbook part is empty"));
    return r->seen_root;
}

/* Each worksheet part is read once, however many sheet entries name it
 * (through one relationship or several): the first entry's name stands.
 * fn gets each worksheet part with its table index. */
typedef bool (*sheet_fn)(workbook *wb, const char *part, const char *name, int index, void *ctx);

static bool each_sheet(workbook *wb, pbi_opc_rels *r, const sheet_ref *sheets, size_t count, sheet_fn fn, void *ctx)
{
    for (size_t i = 0; i < count; i++) {
        pbi_opc_rel *target = (pbi_opc_rel *)pbi_opc_rel_by_id(r, sheets[i].rid);
        if (!target) {
            pbi_error_set(wb->err, PB_ERR_NO_MAIN_PART, _("the workbook names sheet \"%s\", whose part is missing"),
                         sheets[i].name);
            return false;
        }
        if (!pbi_opc_type_is(target->type, "worksheet") || target->read)
            continue; /* chart sheets and dialog sheets hold no cells */
        for (size_t k = 0; k < r->count; k++)
            if (strcmp(r->items[k].target, target->target) == 0)
                r->items[k].read = true;
        if (!fn(wb, target->target, sheets[i].name, wb->sheets_read++, ctx))
            return false;
    }
    return true;
}

static bool read_one(workbook *wb, const char *part, const char *name, int index, void *ctx)
{
    (void)ctx;
    return pbi_xlsx_read_sheet(wb, part, name, index);
}

typedef struct part_list {
    pb_arena *a;
    const char **parts;
    size_t count, cap;
} part_list;

static bool list_one(workbook *wb, const char *part, const char *name, int index, void *ctx)
{
    (void)name;
    (void)index;
    part_list *l = ctx;
    char *copy = pb_arena_strdup(l->a, part);
    if (!copy || !pbi_grow(l->a, (void **)&l->parts, &l->cap, l->count, sizeof *l->parts))
        return oom(wb->err);
    l->parts[l->count++] = copy;
    return true;
}

bool pbi_xlsx_sheet_parts(pb_zip *z, const char *workbook_part, const pb_limits *l, pb_arena *a, const char ***parts,
                          size_t *count, pb_error *e)
{
    workbook wb;
    memset(&wb, 0, sizeof wb);
    wb.z = z;
    wb.lim = l;
    wb.err = e;
    wb.a = pb_arena_new();
    if (!wb.a)
        return oom(e);
    pbi_opc_rels r = {0};
    workbook_reader wr = {0};
    part_list list = {a, NULL, 0, 0};
    bool ok = pbi_opc_read_rels(z, wb.a, workbook_part, l, &r, e) && read_workbook(&wb, workbook_part, &wr) &&
              each_sheet(&wb, &r, wr.sheets, wr.count, list_one, &list);
    pb_arena_free(wb.a);
    *parts = list.parts;
    *count = list.count;
    return ok && e->status == PB_OK;
}

bool pbi_xlsx_read(pb_zip *z, const char *workbook_part, const pb_limits *l, const pb_docx_sink *sink, pb_error *e)
{
    if (has_suffix_ci(workbook_part, ".bin")) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s",
                     _("this is a binary workbook (.xlsb), which is not supported; save it as .xlsx"));
        return false;
    }
    workbook wb;
    memset(&wb, 0, sizeof wb);
    wb.z = z;
    wb.lim = l;
    wb.err = e;
    wb.sink = sink;
    wb.a = pb_arena_new();
    if (!wb.a)
        return oom(e);
    pbi_opc_rels r = {0};
    workbook_reader wr = {0};
    bool ok = pbi_opc_read_rels(z, wb.a, workbook_part, l, &r, e);
    const pbi_opc_rel *styles = ok ? pbi_opc_rel_by_type(&r, "styles") : NULL;
    const pbi_opc_rel *strings = ok ? pbi_opc_rel_by_type(&r, "sharedStrings") : NULL;
    ok = ok && (!styles || pbi_xlsx_read_styles(&wb, styles->target));
    ok = ok && (!strings || pbi_xlsx_read_shared_strings(&wb, strings->target));
    ok = ok && read_workbook(&wb, workbook_part, &wr);
    ok = ok && each_sheet(&wb, &r, wr.sheets, wr.count, read_one, NULL);
    free(wb.strings);
    pb_arena_free(wb.a);
    return ok && e->status == PB_OK;
}
