/* pbi_annotate_xlsx(): the findings of a workbook as cell comments, as Excel
 * writes them: per worksheet with findings a comments part (one comment per
 * cell: Excel has one, so the findings of a cell are joined) and the legacy
 * VML drawing that shows them, both named by the sheet's relationships, a
 * <legacyDrawing> in the sheet, and their content types.  The table index
 * of a finding is the sheet's (pbi_xlsx_sheet_parts: the reader's order)
 * and its row and column are the sheet's, counted from 0.  The verdict is
 * on A1 of the first sheet; a finding without a cell, on its sheet's A1. */
#include "read/annotate.h"
#include "read/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CT_COMMENTS "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
#define CT_VML "application/vnd.openxmlformats-officedocument.vmlDrawing"
#define REL_BASE_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_BASE_S "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define AUTHOR "pbcheck"

typedef struct note {
    int table, row, col, order;
    const char *heading, *body;
} note;

static int cmp_note(const void *x, const void *y)
{
    const note *a = x, *b = y;
    if (a->table != b->table)
        return a->table < b->table ? -1 : 1;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static bool oom(pb_error *e)
{
    pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return false;
}

static bool put(pb_buf *b, const char *s) { return pbi_buf_append(b, s, strlen(s)); }

/* Column 0 → "A", 26 → "AA". */
static void cell_ref(int row, int col, char *buf, size_t cap)
{
    char letters[8];
    int n = 0;
    for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char rev[8];
    for (int i = 0; i < n; i++)
        rev[i] = letters[n - 1 - i];
    rev[n] = 0;
    snprintf(buf, cap, "%s%d", rev, row + 1);
}

/* The root element's prefix with its colon ("x:" or ""), and whether its
 * namespace is Strict's. */
static bool root_prefix(const char *xml, char *out, size_t cap, bool *strict)
{
    const char *local;
    size_t len;
    const char *p = pbi_annotate_root_prefix(xml, out, cap, &local, &len);
    if (!p)
        return false;
    const char *gt = strchr(local, '>');
    *strict = gt && strstr(p, "purl.oclc.org/ooxml/spreadsheetml/main") &&
              strstr(p, "purl.oclc.org/ooxml/spreadsheetml/main") < gt;
    return true;
}

/* Where <legacyDrawing> goes in a worksheet: before the first child of
 * the root that follows it in CT_Worksheet's sequence, else before the
 * root's end tag; NULL when the sheet has a legacyDrawing already (*has) or
 * no end tag.  One pass over the tags, by depth (quoted attribute values,
 * comments, CDATA and processing instructions stepped over). */
static const char *legacy_drawing_at(const char *xml, const char *pfx, bool *has)
{
    static const char *const after[] = {"legacyDrawingHF", "drawingHF", "picture", "oleObjects",
                                        "controls", "webPublishItems", "tableParts", "extLst"};
    size_t pl = strlen(pfx);
    int depth = 0;
    *has = false;
    for (const char *p = xml; (p = strchr(p, '<'));) {
        if (strncmp(p, "<!--", 4) == 0 || strncmp(p, "<![CDATA[", 9) == 0 || p[1] == '?') {
            const char *close = p[1] == '?' ? "?>" : p[2] == '-' ? "-->" : "]]>";
            const char *e = strstr(p, close);
            if (!e)
                return NULL;
            p = e + strlen(close);
            continue;
        }
        if (p[1] == '!') { /* a doctype: not in a worksheet */
            p++;
            continue;
        }
        bool closing = p[1] == '/';
        const char *name = p + (closing ? 2 : 1);
        const char *q = name;
        char quote = 0;
        for (; *q && (quote || *q != '>'); q++)
            if (quote ? *q == quote : (*q == '"' || *q == '\''))
                quote = quote ? 0 : *q;
        if (!*q)
            return NULL;
        bool empty = !closing && q[-1] == '/';
        if (closing) {
            if (--depth == 0)
                return p; /* the root's end tag */
        } else {
            if (depth == 1 && strncmp(name, pfx, pl) == 0) {
                const char *local = name + pl;
                size_t n = strcspn(local, " \t\r\n/>");
                if (n == 13 && strncmp(local, "legacyDrawing", 13) == 0) {
                    *has = true;
                    return NULL;
                }
                for (size_t i = 0; i < sizeof after / sizeof *after; i++)
                    if (strlen(after[i]) == n && strncmp(local, after[i], n) == 0)
                        return p;
            }
            if (!empty)
                depth++;
        }
        p = q + 1;
    }
    return NULL;
}

/* The package's parts that change, owned (malloc'd data) or added. */
typedef struct changes {
    pbi_part_data *items;
    size_t count, cap;
} changes;

static bool add_change(pb_arena *a, changes *c, const char *name, char *data, size_t len, pb_error *e)
{
    if (!data)
        return oom(e);
    if (!pbi_grow(a, (void **)&c->items, &c->cap, c->count, sizeof *c->items)) {
        free(data);
        return oom(e);
    }
    c->items[c->count++] = (pbi_part_data){name, data, len};
    return true;
}

/* The comments and the drawing of one sheet, for notes[0..n) (sorted, one
 * sheet).  ordinal numbers the drawing (o:idmap, shape ids). */
static bool sheet_parts(const note *notes, size_t n, int ordinal, bool strict, pb_buf *comments, pb_buf *vml,
                        size_t *written)
{
    bool ok = put(comments, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<comments xmlns=\"") &&
              put(comments, strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main"
                                   : "http://schemas.openxmlformats.org/spreadsheetml/2006/main") &&
              put(comments, "\"><authors><author>" AUTHOR "</author></authors><commentList>");
    char buf[1024];
    snprintf(buf, sizeof buf,
             "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
             "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" "
             "data=\"%d\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
             "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" "
             "o:connecttype=\"rect\"/></v:shapetype>",
             ordinal);
    ok = ok && put(vml, buf);
    int shape = 0;
    for (size_t i = 0; ok && i < n;) {
        size_t j = i;
        while (j < n && notes[j].row == notes[i].row && notes[j].col == notes[i].col)
            j++;
        char ref[32];
        cell_ref(notes[i].row, notes[i].col, ref, sizeof ref);
        snprintf(buf, sizeof buf, "<comment ref=\"%s\" authorId=\"0\"><text><r><t xml:space=\"preserve\">", ref);
        ok = put(comments, buf);
        for (size_t k = i; ok && k < j; k++) {
            ok = (k == i || put(comments, "\n\n")) && pbi_annotate_escape(comments, notes[k].heading) &&
                 (!notes[k].body || (put(comments, "\n") && pbi_annotate_escape(comments, notes[k].body)));
            (*written)++;
        }
        ok = ok && put(comments, "</t></r></text></comment>");
        snprintf(buf, sizeof buf,
                 "<v:shape id=\"_x0000_s%d\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;"
                 "margin-top:2pt;width:240pt;height:120pt;z-index:%d;visibility:hidden\" fillcolor=\"#ffffe1\" "
                 "o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>"
                 "<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div "
                 "style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\"><x:MoveWithCells/>"
                 "<x:SizeWithCells/><x:Anchor>%d, 15, %d, 2, %d, 15, %d, 16</x:Anchor><x:AutoFill>False</x:AutoFill>"
                 "<x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>",
                 ordinal * 1024 + shape + 1, shape + 1, notes[i].col + 1, notes[i].row, notes[i].col + 5,
                 notes[i].row + 7, notes[i].row, notes[i].col);
        ok = ok && put(vml, buf);
        shape++;
        i = j;
    }
    return ok && put(comments, "</commentList></comments>") && put(vml, "</xml>");
}

/* One worksheet: its new parts, its rels, its <legacyDrawing>. */
static bool annotate_sheet(pb_zip *z, pb_arena *a, const char *sheet, const note *notes, size_t n, int *ordinal,
                           changes *ch, pb_buf *types_add, size_t *written, pb_error *e)
{
    pb_limits lim;
    pb_limits_default(&lim);
    size_t len = 0;
    char *xml = pbi_zip_read_small(z, sheet, lim.max_part_size, &len, e);
    if (!xml)
        return false;
    char pfx[40];
    bool strict = false;
    if (!root_prefix(xml, pfx, sizeof pfx, &strict)) {
        free(xml);
        pbi_error_set(e, PB_ERR_XML_MALFORMED, _("worksheet %s has no root element"), sheet);
        return false;
    }
    const char *slash = strrchr(sheet, '/');
    size_t dir = slash ? (size_t)(slash - sheet + 1) : 0;
    size_t rn = strlen(sheet) + 16;
    char *rels_name = pb_arena_alloc(a, rn);
    if (!rels_name) {
        free(xml);
        return oom(e);
    }
    snprintf(rels_name, rn, "%.*s_rels/%s.rels", (int)dir, sheet, sheet + dir);
    pb_error ignored = {0};
    size_t rels_len = 0;
    char *rels = pbi_zip_read_small(z, rels_name, lim.max_part_size, &rels_len, &ignored);
    bool has_drawing = false;
    const char *at = legacy_drawing_at(xml, pfx, &has_drawing);
    if (has_drawing || (rels && (strstr(rels, "/comments\"") || strstr(rels, "/vmlDrawing\"")))) {
        free(xml);
        free(rels);
        pbi_error_set(e, PB_ERR_NO_MAIN_PART,
                      _("worksheet %s already has comments or form controls, which annotate does not support yet"),
                      sheet);
        return false;
    }
    /* Names nothing in the package has. */
    char *cname = NULL, *vname = NULL;
    do {
        (*ordinal)++;
        char b1[64], b2[64];
        snprintf(b1, sizeof b1, "xl/comments%d.xml", *ordinal);
        snprintf(b2, sizeof b2, "xl/drawings/vmlDrawing%d.vml", *ordinal);
        if (!pbi_zip_has(z, b1) && !pbi_zip_has(z, b2)) {
            cname = pb_arena_strdup(a, b1);
            vname = pb_arena_strdup(a, b2);
        }
    } while (!cname && *ordinal < 100000);
    if (!cname || !vname) {
        free(xml);
        free(rels);
        return oom(e);
    }
    pb_buf comments = {0}, vml = {0};
    if (!sheet_parts(notes, n, *ordinal, strict, &comments, &vml, written)) {
        pbi_buf_free(&comments);
        pbi_buf_free(&vml);
        free(xml);
        free(rels);
        return oom(e);
    }
    bool ok = add_change(a, ch, cname, comments.data, comments.len, e);
    if (ok)
        ok = add_change(a, ch, vname, vml.data, vml.len, e);
    else
        pbi_buf_free(&vml);
    /* The relationships: ours need ids the part does not use. */
    const char *base = strict ? REL_BASE_S : REL_BASE_T;
    char rel[1024];
    snprintf(rel, sizeof rel,
             "<Relationship Id=\"rIdPbcheckComments\" Type=\"%s/comments\" Target=\"/%s\"/>"
             "<Relationship Id=\"rIdPbcheckVml\" Type=\"%s/vmlDrawing\" Target=\"/%s\"/>",
             base, cname, base, vname);
    size_t new_len = 0;
    char *new_rels = NULL;
    if (rels && strstr(rels, "rIdPbcheck")) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, _("worksheet %s was annotated by pbcheck already"), sheet);
        ok = false;
    } else if (rels) {
        new_rels = pbi_annotate_insert_before_last(rels, rels_len, "</Relationships>", rel, &new_len);
        if (!new_rels && ok) {
            pbi_error_set(e, PB_ERR_XML_MALFORMED, _("the relationships of worksheet %s cannot be extended"), sheet);
            ok = false;
        }
    } else {
        pb_buf r = {0};
        if (put(&r, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") &&
            put(&r, rel) && put(&r, "</Relationships>")) {
            new_rels = r.data;
            new_len = r.len;
        } else
            pbi_buf_free(&r);
    }
    if (ok)
        ok = add_change(a, ch, rels_name, new_rels, new_len, e); /* owns new_rels */
    else
        free(new_rels);
    free(rels);
    /* <legacyDrawing> in its place in the sheet. */
    if (ok && !at) {
        pbi_error_set(e, PB_ERR_XML_MALFORMED, _("worksheet %s has no end tag"), sheet);
        ok = false;
    }
    if (ok) {
        char el[256];
        snprintf(el, sizeof el, "<%slegacyDrawing xmlns:r=\"%s\" r:id=\"rIdPbcheckVml\"/>", pfx, base);
        size_t sl = 0;
        char *data = pbi_annotate_insert_at(xml, len, at, el, &sl);
        ok = add_change(a, ch, sheet, data, sl, e);
    }
    free(xml);
    char ct[256];
    snprintf(ct, sizeof ct, "<Override PartName=\"/%s\" ContentType=\"" CT_COMMENTS "\"/>", cname);
    return ok && (put(types_add, ct) || oom(e));
}

bool pbi_annotate_xlsx(const pb_document *d, FILE *out, pb_severity fail_on, pb_severity min_severity,
                       size_t *comments, pb_arena *a, pb_error *e)
{
    pb_limits lim;
    pb_limits_default(&lim);
    pb_zip *z = pbi_zip_open_file(d->path, &lim, e);
    if (!z)
        return false;
    changes ch = {0};
    pb_buf types_add = {0};
    char *types = NULL;
    size_t written = 0;
    const char **sheets = NULL;
    size_t sheet_count = 0;
    char *wb = pbi_zip_main_part(z, a, e);
    bool ok = wb && pbi_xlsx_sheet_parts(z, wb, &lim, a, &sheets, &sheet_count, e);
    if (ok && sheet_count == 0) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, "%s", _("the workbook has no worksheet to put a comment on"));
        ok = false;
    }
    /* The notes: the verdict first, then the findings in their order. */
    note *notes = ok ? pb_arena_alloc(a, (d->finding_count + 1) * sizeof *notes) : NULL;
    size_t n = 0;
    if (ok && !notes)
        ok = oom(e);
    if (ok) {
        char *h = pb_arena_alloc(a, 512), *b = pb_arena_alloc(a, 1024);
        if (!h || !b)
            ok = oom(e);
        else {
            pbi_annotate_verdict(d, fail_on, h, 512, b, 1024);
            notes[n++] = (note){0, 0, 0, 0, h, b};
        }
    }
    for (size_t i = 0; ok && i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        if (f->severity < min_severity)
            continue;
        char *h = pb_arena_alloc(a, 512);
        if (!h) {
            ok = oom(e);
            break;
        }
        pbi_annotate_heading(f, h, 512);
        note nt = {f->loc.table, f->loc.row, f->loc.col, (int)i + 1, h, f->message};
        if (nt.table < 0 || (size_t)nt.table >= sheet_count)
            nt.table = nt.row = nt.col = 0; /* no sheet: the first one's A1 */
        if (nt.row < 0)
            nt.row = nt.col = 0;
        if (nt.col < 0)
            nt.col = 0;
        notes[n++] = nt;
    }
    if (ok)
        qsort(notes, n, sizeof *notes, cmp_note);
    int ordinal = 0;
    for (size_t i = 0; ok && i < n;) {
        size_t j = i;
        while (j < n && notes[j].table == notes[i].table)
            j++;
        ok = annotate_sheet(z, a, sheets[notes[i].table], notes + i, j - i, &ordinal, &ch, &types_add, &written, e);
        i = j;
    }
    /* [Content_Types].xml: the comments parts, and vml by extension. */
    size_t types_len = 0;
    if (ok && !(types = pbi_zip_read_small(z, "[Content_Types].xml", lim.max_part_size, &types_len, e)))
        ok = false;
    if (ok && !strstr(types, "Extension=\"vml\"") && !strstr(types, "Extension='vml'") &&
        !put(&types_add, "<Default Extension=\"vml\" ContentType=\"" CT_VML "\"/>"))
        ok = oom(e);
    if (ok) {
        size_t nl = 0;
        char *nt = pbi_annotate_insert_before_last(types, types_len, "</Types>", types_add.data ? types_add.data : "", &nl);
        if (!nt) {
            pbi_error_set(e, PB_ERR_XML_MALFORMED, "%s", _("the package's content types cannot be extended"));
            ok = false;
        } else
            ok = add_change(a, &ch, "[Content_Types].xml", nt, nl, e);
    }
    pbi_zip_close(z);
    ok = ok && pbi_package_write(d->path, out, ch.items, ch.count, e);
    for (size_t i = 0; i < ch.count; i++)
        free((char *)ch.items[i].data);
    free(types);
    pbi_buf_free(&types_add);
    if (ok && comments)
        *comments = written;
    return ok;
}
