#include "fixture_layouts.h"

#include "fixture.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growable string (tests abort on out of memory) */

typedef struct str {
    char *s;
    size_t len, cap;
} str;

static void put_n(str *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put(str *b, const char *s) { put_n(b, s, strlen(s)); }

static void putf(str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(str *b, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        abort();
    put_n(b, buf, (size_t)n);
}

static char *dup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        abort();
    return d;
}

/* XML text: &, <, > and quotes escaped; "\\n" → a real line break. */
static void put_xml(str *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' && s[1] == 'n') {
            put(b, "\n");
            s++;
        } else if (*s == '&')
            put(b, "&amp;");
        else if (*s == '<')
            put(b, "&lt;");
        else if (*s == '>')
            put(b, "&gt;");
        else if (*s == '"')
            put(b, "&quot;");
        else
            put_n(b, s, 1);
    }
}

/* ---- documents */

static fl_block *new_block(fl_doc *d)
{
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->blocks = realloc(d->blocks, d->cap * sizeof *d->blocks);
        if (!d->blocks)
            abort();
    }
    fl_block *b = &d->blocks[d->count++];
    memset(b, 0, sizeof *b);
    return b;
}

void fl_para(fl_doc *d, const char *text) { new_block(d)->para = dup(text); }
void fl_grid(fl_doc *d, const char *grid) { new_block(d)->grid = dup(grid); }
void fl_sheet(fl_doc *d, const char *name) { new_block(d)->sheet = dup(name); }

void fl_gridf(fl_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = malloc((size_t)n + 1);
    if (n < 0 || !s)
        abort();
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    new_block(d)->grid = s;
}

void fl_doc_free(fl_doc *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->blocks[i].para);
        free(d->blocks[i].grid);
        free(d->blocks[i].sheet);
    }
    free(d->blocks);
    memset(d, 0, sizeof *d);
}

/* ---- grids */

typedef struct gcell {
    char *shown, *number, *format; /* number NULL: a string */
    int owner_r, owner_c;          /* the cell a merge belongs to */
} gcell;

typedef struct grid {
    gcell *cells; /* rows × cols */
    bool *header;
    int rows, cols;
} grid;

static gcell *at(grid *g, int r, int c) { return &g->cells[r * g->cols + c]; }

static int count_cells(const char *line, size_t n)
{
    int k = 1;
    for (size_t i = 0; i < n; i++)
        k += line[i] == '|';
    return k;
}

static void parse_cell(gcell *c, const char *s, size_t n)
{
    char *t = strndup(s, n);
    if (!t)
        abort();
    char *open = strchr(t, '{');
    if (n > 0 && t[n - 1] == '}' && open) {
        t[n - 1] = '\0';
        *open = '\0';
        char *semi = strchr(open + 1, ';');
        if (semi)
            *semi = '\0';
        c->number = dup(open + 1);
        c->format = dup(semi ? semi + 1 : "");
    }
    c->shown = t;
}

static void parse_grid(const char *text, grid *g)
{
    memset(g, 0, sizeof *g);
    for (const char *s = text; s;) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (*s == '@')
            s++, n--;
        int k = count_cells(s, n);
        if (k > g->cols)
            g->cols = k;
        g->rows++;
        s = e ? e + 1 : NULL;
    }
    g->cells = calloc((size_t)(g->rows * g->cols) + 1, sizeof *g->cells);
    g->header = calloc((size_t)g->rows + 1, sizeof *g->header);
    if (!g->cells || !g->header)
        abort();
    int r = 0;
    for (const char *s = text; s; r++) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (*s == '@') {
            g->header[r] = true;
            s++, n--;
        }
        int c = 0;
        for (size_t i = 0, start = 0; i <= n; i++) {
            if (i == n || s[i] == '|') {
                parse_cell(at(g, r, c++), s + start, i - start);
                start = i + 1;
            }
        }
        for (; c < g->cols; c++)
            parse_cell(at(g, r, c), "", 0);
        s = e ? e + 1 : NULL;
    }
    for (r = 0; r < g->rows; r++)
        for (int c = 0; c < g->cols; c++) {
            gcell *x = at(g, r, c);
            x->owner_r = r;
            x->owner_c = c;
            if (strcmp(x->shown, "<") == 0 && c > 0) {
                x->owner_r = at(g, r, c - 1)->owner_r;
                x->owner_c = at(g, r, c - 1)->owner_c;
            } else if (strcmp(x->shown, "^") == 0 && r > 0) {
                x->owner_r = at(g, r - 1, c)->owner_r;
                x->owner_c = at(g, r - 1, c)->owner_c;
            }
        }
}

static void free_grid(grid *g)
{
    for (int i = 0; i < g->rows * g->cols; i++) {
        free(g->cells[i].shown);
        free(g->cells[i].number);
        free(g->cells[i].format);
    }
    free(g->cells);
    free(g->header);
}

static bool owns(grid *g, int r, int c, int orr, int oc)
{
    return at(g, r, c)->owner_r == orr && at(g, r, c)->owner_c == oc;
}

/* The extent of the merge starting at (r, c). */
static void region(grid *g, int r, int c, int *rows, int *cols)
{
    *cols = 1;
    while (c + *cols < g->cols && owns(g, r, c + *cols, r, c))
        (*cols)++;
    *rows = 1;
    while (r + *rows < g->rows && owns(g, r + *rows, c, r, c))
        (*rows)++;
}

/* ---- .docx */

static void docx_para(str *b, const char *text)
{
    /* A line break is a new paragraph, as Word writes a cell's lines. */
    do {
        const char *e = strstr(text, "\\n");
        size_t n = e ? (size_t)(e - text) : strlen(text);
        char *line = strndup(text, n);
        if (!line)
            abort();
        put(b, "<w:p><w:r><w:t xml:space=\"preserve\">");
        put_xml(b, line);
        put(b, "</w:t></w:r></w:p>");
        free(line);
        text = e ? e + 2 : NULL;
    } while (text);
}

static void docx_grid(str *b, const char *text)
{
    grid g;
    parse_grid(text, &g);
    put(b, "<w:tbl><w:tblPr/><w:tblGrid>");
    for (int c = 0; c < g.cols; c++)
        put(b, "<w:gridCol w:w=\"1000\"/>");
    put(b, "</w:tblGrid>");
    for (int r = 0; r < g.rows; r++) {
        put(b, g.header[r] ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        for (int c = 0; c < g.cols; c++) {
            gcell *x = at(&g, r, c);
            if (c > 0 && owns(&g, r, c - 1, x->owner_r, x->owner_c))
                continue; /* inside the gridSpan of the cell on the left */
            int rows, cols;
            region(&g, x->owner_r, x->owner_c, &rows, &cols);
            bool first = r == x->owner_r;
            put(b, "<w:tc><w:tcPr>");
            if (cols > 1)
                putf(b, "<w:gridSpan w:val=\"%d\"/>", cols);
            if (rows > 1)
                put(b, first ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
            put(b, "</w:tcPr>");
            docx_para(b, first ? at(&g, x->owner_r, x->owner_c)->shown : "");
            put(b, "</w:tc>");
        }
        put(b, "</w:tr>");
    }
    put(b, "</w:tbl>");
    free_grid(&g);
}

void *fl_docx(const fl_doc *d, size_t *len)
{
    str b = {0};
    put(&b, "");
    for (size_t i = 0; i < d->count; i++) {
        if (d->blocks[i].para)
            docx_para(&b, d->blocks[i].para);
        if (d->blocks[i].grid)
            docx_grid(&b, d->blocks[i].grid);
    }
    void *z = fx_docx_mem(b.s, len);
    free(b.s);
    return z;
}

/* ---- .xlsx */

typedef struct xsheet {
    char *name;
    str rows;   /* <row> elements */
    str merges; /* <mergeCell> elements */
    int merge_count;
    int next_row; /* 1-based */
} xsheet;

typedef struct xbook {
    xsheet *sheets;
    size_t count;
    str strings; /* <si> elements */
    int string_count;
    char *formats[64];
    int format_count;
    bool inline_strings;
} xbook;

static void col_name(int c, char *out)
{
    char tmp[8];
    int n = 0;
    for (c++; c > 0; c = (c - 1) / 26)
        tmp[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

static xsheet *new_sheet(xbook *w, const char *name)
{
    w->sheets = realloc(w->sheets, (w->count + 1) * sizeof *w->sheets);
    if (!w->sheets)
        abort();
    xsheet *s = &w->sheets[w->count++];
    memset(s, 0, sizeof *s);
    s->name = dup(name);
    s->next_row = 1;
    return s;
}

static int style_of(xbook *w, const char *format)
{
    if (!*format)
        return 0;
    for (int i = 0; i < w->format_count; i++)
        if (strcmp(w->formats[i], format) == 0)
            return i + 1;
    if (w->format_count == 64)
        abort();
    w->formats[w->format_count++] = dup(format);
    return w->format_count;
}

static void xlsx_string_cell(xbook *w, str *row, const char *ref, const char *text)
{
    if (w->inline_strings) {
        putf(row, "<c r=\"%s\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref);
        put_xml(row, text);
        put(row, "</t></is></c>");
        return;
    }
    put(&w->strings, "<si><t xml:space=\"preserve\">");
    put_xml(&w->strings, text);
    put(&w->strings, "</t></si>");
    putf(row, "<c r=\"%s\" t=\"s\"><v>%d</v></c>", ref, w->string_count++);
}

static void xlsx_row_text(xbook *w, xsheet *s, const char *text)
{
    if (*text) {
        char ref[32];
        snprintf(ref, sizeof ref, "A%d", s->next_row);
        str row = {0};
        xlsx_string_cell(w, &row, ref, text);
        putf(&s->rows, "<row r=\"%d\">", s->next_row);
        put(&s->rows, row.s);
        put(&s->rows, "</row>");
        free(row.s);
    }
    s->next_row++;
}

static void xlsx_grid(xbook *w, xsheet *s, const char *text)
{
    grid g;
    parse_grid(text, &g);
    for (int r = 0; r < g.rows; r++) {
        int sheet_row = s->next_row + r;
        str row = {0};
        for (int c = 0; c < g.cols; c++) {
            gcell *x = at(&g, r, c);
            if (x->owner_r != r || x->owner_c != c)
                continue;
            char ref[32], end[32], col[8], col2[8];
            col_name(c, col);
            snprintf(ref, sizeof ref, "%s%d", col, sheet_row);
            int rows, cols;
            region(&g, r, c, &rows, &cols);
            if (rows > 1 || cols > 1) {
                col_name(c + cols - 1, col2);
                snprintf(end, sizeof end, "%s%d", col2, sheet_row + rows - 1);
                putf(&s->merges, "<mergeCell ref=\"%s:%s\"/>", ref, end);
                s->merge_count++;
            }
            if (x->number) {
                int st = style_of(w, x->format);
                if (st)
                    putf(&row, "<c r=\"%s\" s=\"%d\"><v>%s</v></c>", ref, st, x->number);
                else
                    putf(&row, "<c r=\"%s\"><v>%s</v></c>", ref, x->number);
            } else if (*x->shown)
                xlsx_string_cell(w, &row, ref, x->shown);
        }
        if (row.len) {
            putf(&s->rows, "<row r=\"%d\">", sheet_row);
            put(&s->rows, row.s);
            put(&s->rows, "</row>");
        }
        free(row.s);
    }
    s->next_row += g.rows;
    free_grid(&g);
}

static char *sheet_xml(const xsheet *s)
{
    str b = {0};
    put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>");
    put(&b, s->rows.s ? s->rows.s : "");
    put(&b, "</sheetData>");
    if (s->merge_count) {
        putf(&b, "<mergeCells count=\"%d\">", s->merge_count);
        put(&b, s->merges.s);
        put(&b, "</mergeCells>");
    }
    put(&b, "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            "</worksheet>");
    return b.s;
}

static char *styles_xml(const xbook *w)
{
    str b = {0};
    put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    int custom = 0;
    for (int i = 0; i < w->format_count; i++)
        custom += !(w->formats[i][0] >= '0' && w->formats[i][0] <= '9' && !strpbrk(w->formats[i], ".%#"));
    if (custom) {
        putf(&b, "<numFmts count=\"%d\">", custom);
        for (int i = 0, k = 0; i < w->format_count; i++) {
            const char *f = w->formats[i];
            if (f[0] >= '0' && f[0] <= '9' && !strpbrk(f, ".%#"))
                continue;
            putf(&b, "<numFmt numFmtId=\"%d\" formatCode=\"", 164 + k++);
            put_xml(&b, f);
            put(&b, "\"/>");
        }
        put(&b, "</numFmts>");
    }
    put(&b, "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
            "<borders count=\"1\"><border/></borders>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
    putf(&b, "<cellXfs count=\"%d\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
         w->format_count + 1);
    for (int i = 0, k = 0; i < w->format_count; i++) {
        const char *f = w->formats[i];
        bool builtin = f[0] >= '0' && f[0] <= '9' && !strpbrk(f, ".%#");
        putf(&b, "<xf numFmtId=\"%d\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\">"
                 "<alignment wrapText=\"1\"/></xf>",
             builtin ? atoi(f) : 164 + k++);
    }
    put(&b, "</cellXfs></styleSheet>");
    return b.s;
}

void *fl_xlsx(const fl_doc *d, bool inline_strings, size_t *len)
{
    xbook w;
    memset(&w, 0, sizeof w);
    w.inline_strings = inline_strings;
    xsheet *s = NULL;
    for (size_t i = 0; i < d->count; i++) {
        const fl_block *b = &d->blocks[i];
        if (b->sheet)
            s = new_sheet(&w, b->sheet);
        if (!s)
            s = new_sheet(&w, "Sheet1");
        if (b->para)
            xlsx_row_text(&w, s, b->para);
        if (b->grid)
            xlsx_grid(&w, s, b->grid);
    }
    if (!s)
        new_sheet(&w, "Sheet1");
    str ct = {0}, wb = {0}, rels = {0}, sst = {0};
    put(&ct, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/xl/workbook.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
             "<Override PartName=\"/xl/styles.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
             "<Override PartName=\"/xl/sharedStrings.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
    put(&wb, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
             "<workbookPr/><bookViews><workbookView/></bookViews><sheets>");
    put(&rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    fx_part *parts = calloc(w.count + 8, sizeof *parts);
    char **owned = calloc(w.count + 8, sizeof *owned);
    if (!parts || !owned)
        abort();
    size_t np = 0, no = 0;
    for (size_t i = 0; i < w.count; i++) {
        putf(&ct, "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" "
                  "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
             i + 1);
        put(&wb, "<sheet name=\"");
        put_xml(&wb, w.sheets[i].name);
        putf(&wb, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1, i + 1);
        putf(&rels, "<Relationship Id=\"rId%zu\" "
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    "Target=\"worksheets/sheet%zu.xml\"/>",
             i + 1, i + 1);
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", i + 1);
        owned[no] = sheet_xml(&w.sheets[i]);
        parts[np++] = (fx_part){dup(name), owned[no++], 0};
    }
    put(&ct, "</Types>");
    put(&wb, "</sheets></workbook>");
    putf(&rels, "<Relationship Id=\"rIdS\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                "Target=\"sharedStrings.xml\"/>"
                "<Relationship Id=\"rIdT\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                "Target=\"/xl/styles.xml\"/></Relationships>");
    putf(&sst, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
               "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"%d\" "
               "uniqueCount=\"%d\">",
         w.string_count, w.string_count);
    put(&sst, w.strings.s ? w.strings.s : "");
    put(&sst, "</sst>");
    static const char package_rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"xl/workbook.xml\"/></Relationships>";
    char *styles = styles_xml(&w);
    parts[np++] = (fx_part){dup("[Content_Types].xml"), ct.s, 0};
    parts[np++] = (fx_part){dup("_rels/.rels"), package_rels, 0};
    parts[np++] = (fx_part){dup("xl/workbook.xml"), wb.s, 0};
    parts[np++] = (fx_part){dup("xl/_rels/workbook.xml.rels"), rels.s, 0};
    parts[np++] = (fx_part){dup("xl/sharedStrings.xml"), sst.s, 0};
    parts[np++] = (fx_part){dup("xl/styles.xml"), styles, 0};
    void *z = fx_zip_mem(parts, np, len);
    for (size_t i = 0; i < np; i++)
        free((char *)parts[i].name);
    for (size_t i = 0; i < no; i++)
        free(owned[i]);
    free(parts);
    free(owned);
    free(ct.s);
    free(wb.s);
    free(rels.s);
    free(sst.s);
    free(styles);
    for (size_t i = 0; i < w.count; i++) {
        free(w.sheets[i].name);
        free(w.sheets[i].rows.s);
        free(w.sheets[i].merges.s);
    }
    free(w.sheets);
    free(w.strings.s);
    for (int i = 0; i < w.format_count; i++)
        free(w.formats[i]);
    return z;
}

void *fl_write(const fl_doc *d, fl_format f, size_t *len)
{
    return f == FL_DOCX ? fl_docx(d, len) : fl_xlsx(d, f == FL_XLSX_INLINE, len);
}

const char *fl_format_name(fl_format f)
{
    return f == FL_DOCX ? "docx" : f == FL_XLSX ? "xlsx" : "xlsx (inline strings)";
}

pb_document *fl_read(const fl_doc *d, fl_format f, const pb_options *o)
{
    size_t len = 0;
    void *z = fl_write(d, f, &len);
    if (!z)
        abort();
    pb_document *doc = pb_read_memory(z, len, f == FL_DOCX ? "layout.docx" : "layout.xlsx", o);
    free(z);
    if (!doc)
        abort();
    return doc;
}

/* ---- the layouts */

const fl_project fl_clean = {NULL, NULL, NULL, NULL, NULL, {NULL, NULL, NULL}, {NULL, NULL, NULL, NULL}, NULL, NULL};

const char *const fl_indicator_l3[FL_INDICATORS] = {"服务人数", "验收合格率", "完成时间",
                                                    "资金成本", "群众知晓率", "服务对象满意度"};

const char *fl_layout_name(fl_layout l)
{
    static const char *const names[FL_LAYOUT_COUNT] = {
        "reference", "reference-one-table", "reference-split", "reference-split-noflag", "declaration",
        "declaration-vertical", "vendor", "hunan", "central"};
    return l < FL_LAYOUT_COUNT ? names[l] : "?";
}

#define OR(a, b) ((a) ? (a) : (b))

/* An amount cell: a plain decimal is a number in a .xlsx ("0.00" kept
 * when written with two decimals), anything else a string. */
static void amount_cell(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s), i = 0, dot = 0;
    bool plain = n > 0;
    for (; i < n && plain; i++) {
        if (s[i] == '.' && !dot)
            dot = i + 1;
        else if (!(s[i] >= '0' && s[i] <= '9'))
            plain = false;
    }
    if (!plain)
        snprintf(out, cap, "%s", s);
    else
        snprintf(out, cap, "%s{%s;%s}", s, s, dot && n - dot == 2 ? "0.00" : "");
}

/* 元 written with thousands separators from an amount in 万元 ("120" →
 * "1,200,000"), a number with "#,##0" in a .xlsx. */
static void yuan_cell(char *out, size_t cap, const char *wan)
{
    char digits[64] = "";
    const char *dot = strchr(wan, '.');
    size_t int_len = dot ? (size_t)(dot - wan) : strlen(wan);
    bool plain = int_len > 0 && int_len < 20;
    for (const char *p = wan; *p && plain; p++)
        plain = (*p >= '0' && *p <= '9') || p == dot;
    if (!plain) {
        snprintf(out, cap, "%s", wan);
        return;
    }
    memcpy(digits, wan, int_len);
    const char *frac = dot ? dot + 1 : "";
    for (int i = 0; i < 4; i++)
        digits[int_len + (size_t)i] = frac[0] ? *frac++ : '0';
    digits[int_len + 4] = '\0';
    const char *d = digits;
    while (d[0] == '0' && d[1])
        d++;
    char grouped[96];
    size_t n = strlen(d), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = d[i];
    }
    grouped[k] = '\0';
    snprintf(out, cap, "%s{%s;#,##0}", grouped, d);
}

/* A percentage cell: "25%" is 0.25 with "0%" in a .xlsx. */
static void percent_cell(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 30 || s[n - 1] != '%' || strspn(s, "0123456789.") != n - 1) {
        snprintf(out, cap, "%s", s);
        return;
    }
    char digits[40] = "";
    size_t len = 0, decimals = 0;
    bool frac = false;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '.')
            frac = true;
        else {
            digits[len++] = s[i];
            decimals += frac;
        }
    }
    /* value = digits / 10^(decimals + 2), trailing zeros dropped as Excel
     * stores it. */
    size_t shift = decimals + 2;
    char value[80];
    if (len > shift)
        snprintf(value, sizeof value, "%.*s.%s", (int)(len - shift), digits, digits + len - shift);
    else
        snprintf(value, sizeof value, "0.%.*s%s", (int)(shift - len), "0000000000", digits);
    size_t vl = strlen(value);
    while (vl && value[vl - 1] == '0')
        value[--vl] = '\0';
    if (vl && value[vl - 1] == '.')
        value[--vl] = '\0';
    char format[16] = "0";
    if (decimals) {
        strcat(format, ".");
        for (size_t i = 0; i < decimals && i < 8; i++)
            strcat(format, "0");
    }
    strcat(format, "%");
    snprintf(out, cap, "%s{%s;%s}", s, value, format);
}

typedef struct split {
    char op[16], number[32], unit[32];
} split;

/* "≥1000人" → "≥", "1000", "人". */
static void split_value(const char *v, split *s)
{
    static const char *const ops[] = {"≥", "≤", ">", "<", "="};
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strncmp(v, ops[i], strlen(ops[i])) == 0) {
            snprintf(s->op, sizeof s->op, "%s", ops[i]);
            v += strlen(ops[i]);
            break;
        }
    size_t n = strspn(v, "0123456789.,");
    snprintf(s->number, sizeof s->number, "%.*s", (int)n, v);
    snprintf(s->unit, sizeof s->unit, "%s", v + n);
}

static const char *op_code(const char *op)
{
    static const char *const ops[] = {"≥", ">", "=", "<", "≤"};
    static const char *const codes[] = {"1", "2", "3", "4", "5"};
    for (size_t i = 0; i < 5; i++)
        if (strcmp(op, ops[i]) == 0)
            return codes[i];
    return "";
}

static const char *op_word(const char *op)
{
    static const char *const ops[] = {"≥", ">", "=", "<", "≤"};
    static const char *const words[] = {"≥", "大于", "等于", "<", "小于等于"};
    for (size_t i = 0; i < 5; i++)
        if (strcmp(op, ops[i]) == 0)
            return words[i];
    return "";
}

typedef struct ind_row {
    const char *l1, *l2, *l3, *value;
} ind_row;

static void indicators(const fl_project *p, bool central, ind_row *rows)
{
    const ind_row r[FL_INDICATORS] = {
        {"产出指标", "数量指标", fl_indicator_l3[0], "≥1000人"},
        {"", "质量指标", fl_indicator_l3[1], "≥95%"},
        {"", "时效指标", fl_indicator_l3[2], OR(p->time_value, "≤11个月")},
        {central ? "成本指标" : "", central ? "经济成本指标" : "成本指标", fl_indicator_l3[3], OR(p->cost_value, "≤100万元")},
        {"效益指标", "社会效益指标", fl_indicator_l3[4], "≥90%"},
        {"满意度指标", "服务对象满意度指标", fl_indicator_l3[5], "≥90%"},
    };
    memcpy(rows, r, sizeof r);
}

/* 一级 as a merged column: "^" under the first row of its group. */
static const char *l1_cell(const ind_row *rows, int i)
{
    return i > 0 && !*rows[i].l1 ? "^" : rows[i].l1;
}

typedef struct vals {
    char total[128], fiscal[128], other[3][128], sched[4][64];
} vals;

static void values(const fl_project *p, bool yuan, vals *v)
{
    static const char *const dsched[4] = {"25%", "50%", "75%", "100%"};
    if (yuan) {
        yuan_cell(v->total, sizeof v->total, OR(p->total, "120"));
        yuan_cell(v->fiscal, sizeof v->fiscal, OR(p->fiscal, "100"));
        yuan_cell(v->other[0], sizeof v->other[0], OR(p->other[0], "20"));
    } else {
        amount_cell(v->total, sizeof v->total, OR(p->total, "120"));
        amount_cell(v->fiscal, sizeof v->fiscal, OR(p->fiscal, "100"));
        amount_cell(v->other[0], sizeof v->other[0], OR(p->other[0], "20"));
    }
    for (int i = 1; i < 3; i++)
        amount_cell(v->other[i], sizeof v->other[i], OR(p->other[i], ""));
    for (int i = 0; i < 4; i++)
        percent_cell(v->sched[i], sizeof v->sched[i], OR(p->sched[i], dsched[i]));
}

/* The 申报表 splits the other 20 into 10 + 5 + 5 by default. */
static void declaration_values(const fl_project *p, vals *v)
{
    fl_project q = *p;
    q.other[0] = OR(p->other[0], "10");
    q.other[1] = OR(p->other[1], "5");
    q.other[2] = OR(p->other[2], "5");
    values(&q, false, v);
    for (int i = 1; i < 3; i++)
        amount_cell(v->other[i], sizeof v->other[i], q.other[i]);
}

static void reference_kv(str *g, const fl_project *p, const vals *v, const char *code, const char *name)
{
    putf(g, "816001测试单位本级|<|<|<|<|单位：万元|<\n"
            "项目编码|%s|<|项目名称|%s|<|<\n"
            "预算规模及资金用途|预算数|%s|其中：财政    资金|%s|其他资金|%s\n"
            "^|支付测试费用。|<|<|<|<|<\n"
            "资金支出计划（%%）|3月底|<|6月底|10月底|12月底|<\n"
            "^|%s|<|%s|%s|%s|<\n"
            "绩效目标|1.目标一\\n2.目标二|<|<|<|<|<",
         code, name, v->total, v->fiscal, v->other[0], v->sched[0], v->sched[1], v->sched[2], v->sched[3]);
    (void)p;
}

static void reference_indicators(str *g, const ind_row *rows, int from, int to, bool header, bool repeated_flag,
                                 bool basis_wide)
{
    const char *w = basis_wide ? "|<" : "";
    if (header)
        putf(g, "%s一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据%s", repeated_flag ? "@" : "", w);
    for (int i = from; i < to; i++) {
        /* The first row of a table never continues a merge from another. */
        const char *l1 = i == from ? rows[i].l1 : l1_cell(rows, i);
        putf(g, "%s%s|%s|%s|%s|%s|计划标准%s", g->len ? "\n" : "", l1, rows[i].l2, rows[i].l3, rows[i].l3,
             rows[i].value, w);
    }
}

static void layout_reference(fl_doc *d, fl_layout l, const fl_project *p, const char *code, const char *name)
{
    vals v;
    values(p, false, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, false, rows);
    str g = {0};
    reference_kv(&g, p, &v, code, name);
    if (l == FL_REFERENCE_ONE) {
        put(&g, "\n");
        reference_indicators(&g, rows, 0, FL_INDICATORS, true, false, true);
        fl_grid(d, g.s);
        free(g.s);
        fl_para(d, " ");
        return;
    }
    fl_grid(d, g.s);
    free(g.s);
    fl_para(d, " ");
    str a = {0}, b = {0};
    if (l == FL_REFERENCE) {
        reference_indicators(&a, rows, 0, FL_INDICATORS, true, false, false);
        fl_grid(d, a.s);
    } else {
        /* Word's split: the header row repeated on the next page. */
        bool flag = l == FL_REFERENCE_SPLIT;
        reference_indicators(&a, rows, 0, 3, true, flag, false);
        reference_indicators(&b, rows, 3, FL_INDICATORS, true, flag, false);
        fl_grid(d, a.s);
        fl_grid(d, b.s);
    }
    free(a.s);
    free(b.s);
    fl_para(d, " ");
}

static void layout_declaration(fl_doc *d, const fl_project *p, const char *name)
{
    vals v;
    declaration_values(p, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, false, rows);
    str g = {0};
    putf(&g, "项目名称|%s|<|<|项目属性|延续项目|<|<\n"
             "主管部门|某区民政局|<|<|实施单位|某街道办事处|<|<\n"
             "项目负责人|张三|<|<|联系电话|0315-1234567|<|<\n"
             "起止时间|2025年1月1日至2025年12月31日|<|<|<|<|<|<\n"
             "项目资金（万元）|资金总额|<|财政拨款|自有资金|事业收入|其他|<\n"
             "^|%s|<|%s|%s|%s|%s|<\n"
             "资金支出计划（%%）|一季度|<|二季度|三季度|四季度|<|<\n"
             "^|%s|<|%s|%s|%s|<|<\n"
             "长期目标|1.长期目标一\\n2.长期目标二|<|<|<|<|<|<\n"
             "年度目标|1.年度目标一\\n2.年度目标二|<|<|<|<|<|<\n"
             "长期绩效指标|一级指标|二级指标|指标内容|<|指标值|<|备注\n"
             "^|产出指标|数量指标|累计服务人数|<|≥3000人|<|\n"
             "^|^|成本指标|累计资金成本|<|≤300万元|<|三年合计\n"
             "^|效益指标|社会效益指标|群众知晓率|<|≥95%%|<|\n"
             "^|满意度指标|服务对象满意度指标|服务对象满意度|<|≥95%%|<|\n"
             "年度绩效指标|一级指标|二级指标|指标内容|<|指标值|<|备注",
         name, v.total, v.fiscal, v.other[0], v.other[1], v.other[2], v.sched[0], v.sched[1], v.sched[2],
         v.sched[3]);
    for (int i = 0; i < FL_INDICATORS; i++)
        putf(&g, "\n^|%s|%s|%s|<|%s|<|", l1_cell(rows, i), rows[i].l2, rows[i].l3, rows[i].value);
    /* Spare rows of the form, left empty. */
    put(&g, "\n^|^|^||<||<|\n^|^|^||<||<|");
    fl_grid(d, g.s);
    free(g.s);
}

static void layout_declaration_vertical(fl_doc *d, const fl_project *p, const char *name)
{
    vals v;
    declaration_values(p, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, false, rows);
    str g = {0};
    putf(&g, "项目名称|%s|<|<|<|<\n"
             "项目属性|新增|主管部门|某区教育局|实施单位|某中学\n"
             "项目负责人|李四|联系电话|0315-7654321|起止时间|2025年\n"
             "项目资金（万元）|资金总额|%s|<|<|<\n"
             "^|其中：财政拨款|%s|<|<|<\n"
             "^|自有资金|%s|<|<|<\n"
             "^|事业收入|%s|<|<|<\n"
             "^|其他|%s|<|<|<\n"
             "资金支出计划（%%）|<|<|<|<|<\n"
             "3月底|6月底|<|9月底|12月底|<\n"
             "%s|%s|<|%s|%s|<\n"
             "年度目标|1.年度目标|<|<|<|<\n"
             "长期目标|1.长期目标|<|<|<|<\n"
             "年度绩效指标|<|<|<|<|<\n"
             "一级指标|二级指标|指标内容|指标值|备注|<",
         name, v.total, v.fiscal, v.other[0], v.other[1], v.other[2], v.sched[0], v.sched[1], v.sched[2],
         v.sched[3]);
    for (int i = 0; i < FL_INDICATORS; i++)
        putf(&g, "\n%s|%s|%s|%s||<", l1_cell(rows, i), rows[i].l2, rows[i].l3, rows[i].value);
    put(&g, "\n长期绩效指标|<|<|<|<|<\n"
            "一级指标|二级指标|指标内容|指标值|备注|<\n"
            "产出指标|数量指标|累计服务人数|≥3000人||<\n"
            "满意度指标|服务对象满意度指标|服务对象满意度|≥95%||<");
    fl_grid(d, g.s);
    free(g.s);
}

static void layout_vendor(fl_doc *d, const fl_project *p, const char *code, const char *name)
{
    vals v;
    values(p, true, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, false, rows);
    str g = {0};
    putf(&g, "单位名称：测试单位|<|<|<|<|<|<|<|单位：元|<\n"
             "项目编码|%s|<|<|项目名称|%s|<|<|<|<\n"
             "预算数|%s|<|<|财政资金|%s|<|其他资金|%s|<\n"
             "资金支出计划（%%）|3月底|<|6月底|<|9月底|<|12月底|<|<\n"
             "^|%s|<|%s|<|%s|<|%s|<|<\n"
             "绩效目标|1.目标|<|<|<|<|<|<|<|<",
         code, name, v.total, v.fiscal, v.other[0], v.sched[0], v.sched[1], v.sched[2], v.sched[3]);
    fl_grid(d, g.s);
    free(g.s);
    str t = {0};
    put(&t, "一级指标|二级指标|三级指标|计算符号|指标值|计量单位|指标值设定依据|指标解释|权重|扣分标准");
    for (int i = 0; i < FL_INDICATORS; i++) {
        split s;
        split_value(rows[i].value, &s);
        putf(&t, "\n%s|%s|%s|%s|%s{%s;}|%s|计划标准|%s的解释|%d|未达到扣%d分", l1_cell(rows, i), rows[i].l2,
             rows[i].l3, op_code(s.op), s.number, s.number, s.unit, rows[i].l3, i < 4 ? 20 : 10, i < 4 ? 20 : 10);
    }
    fl_grid(d, t.s);
    free(t.s);
}

static void layout_hunan(fl_doc *d, const fl_project *p, const char *code, const char *name)
{
    vals v;
    values(p, false, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, false, rows);
    str g = {0};
    putf(&g, "项目名称|%s|<|<|项目编码|%s|<|<|<\n"
             "预算数（万元）|<|<|其中：财政资金|<|<|其他资金|<|<\n"
             "%s|<|<|%s|<|<|%s|<|<\n"
             "资金支出计划（%%）|一季度|<|二季度|<|三季度|<|四季度|<\n"
             "^|%s|<|%s|<|%s|<|%s|<\n"
             "绩效目标|1.目标|<|<|<|<|<|<|<",
         name, code, v.total, v.fiscal, v.other[0], v.sched[0], v.sched[1], v.sched[2], v.sched[3]);
    fl_grid(d, g.s);
    free(g.s);
    fl_para(d, " ");
    str t = {0};
    put(&t, "一级指标|二级指标|三级指标|指标值类型|*指标值|计量单位|*指标解释|*评(扣)分标准|备注");
    for (int i = 0; i < FL_INDICATORS; i++) {
        split s;
        split_value(rows[i].value, &s);
        putf(&t, "\n%s|%s|%s|定量|%s%s|%s|%s的解释|未达到不得分|", l1_cell(rows, i), rows[i].l2, rows[i].l3, s.op,
             s.number, s.unit, rows[i].l3);
    }
    /* A qualitative row and a spare row. */
    put(&t, "\n^|^|服务质量|定性|较好||服务质量的解释|未达到不得分|\n^|^||||||");
    fl_grid(d, t.s);
    free(t.s);
}

static void layout_central(fl_doc *d, const fl_project *p, const char *code, const char *name)
{
    vals v;
    values(p, false, &v);
    ind_row rows[FL_INDICATORS];
    indicators(p, true, rows);
    str g = {0};
    putf(&g, "项目名称|%s|<|<|项目代码|%s|<|<\n"
             "预算数（万元）|%s|其中：财政拨款|%s|其他资金|%s|<|<\n"
             "资金支出计划（%%）|3月底|6月底|9月底|12月底|<|<|<\n"
             "^|%s|%s|%s|%s|<|<|<\n"
             "年度绩效目标|1.目标|<|<|<|<|<|<\n"
             "一级指标|二级指标|三级指标|指标性质|指标值|度量单位|指标值设定依据|指标解释",
         name, code, v.total, v.fiscal, v.other[0], v.sched[0], v.sched[1], v.sched[2], v.sched[3]);
    for (int i = 0; i < FL_INDICATORS; i++) {
        split s;
        split_value(rows[i].value, &s);
        putf(&g, "\n%s|%s|%s|%s|%s|%s|%s|%s的解释", l1_cell(rows, i), rows[i].l2, rows[i].l3, op_word(s.op),
             s.number, s.unit, i == 3 ? "预算支出标准" : "计划标准", rows[i].l3);
    }
    fl_grid(d, g.s);
    free(g.s);
}

void fl_layout_doc(fl_doc *d, fl_layout l, const fl_project *projects, size_t n, bool sheet_each)
{
    for (size_t i = 0; i < n; i++) {
        const fl_project *p = &projects[i];
        char sheet[32], title[128], code[64], name[64];
        snprintf(sheet, sizeof sheet, "项目%zu", i + 1);
        snprintf(code, sizeof code, "13020925P0000000000%02zu", (i + 1) % 100);
        snprintf(name, sizeof name, "测试项目%zu", i + 1);
        if (l == FL_DECLARATION || l == FL_DECLARATION_VERTICAL)
            snprintf(title, sizeof title, "项目支出绩效目标申报表");
        else
            snprintf(title, sizeof title, "%zu.%s绩效目标表", i + 1, OR(p->name, name));
        if (sheet_each)
            fl_sheet(d, sheet);
        fl_para(d, OR(p->title, title));
        switch (l) {
        case FL_REFERENCE: case FL_REFERENCE_ONE: case FL_REFERENCE_SPLIT: case FL_REFERENCE_SPLIT_NOFLAG:
            layout_reference(d, l, p, OR(p->code, code), OR(p->name, name));
            break;
        case FL_DECLARATION:
            layout_declaration(d, p, OR(p->name, name));
            break;
        case FL_DECLARATION_VERTICAL:
            layout_declaration_vertical(d, p, OR(p->name, name));
            break;
        case FL_VENDOR:
            layout_vendor(d, p, OR(p->code, code), OR(p->name, name));
            break;
        case FL_HUNAN:
            layout_hunan(d, p, OR(p->code, code), OR(p->name, name));
            break;
        case FL_CENTRAL:
            layout_central(d, p, OR(p->code, code), OR(p->name, name));
            break;
        default:
            abort();
        }
        if (!sheet_each)
            fl_para(d, "");
    }
}

/* ---- variants of other offices */

static const char *const variant_names[FL_VARIANT_COUNT] = {
    "l1-every-row", "effect", "direction", "star-labels", "list-subtotal", "label-inside", "two-row-head", "list-unmerged",
    "list-repeated", "funds-blank", "list-two-row-head", "list-split", "funds-pairs", "total-merged", "fund-items", "funds-two-terms",
    "goal-rows", "list-same-name", "value-blank", "score-column", "fields-below", "fund-sources",
    "name-unit", "funds-parens", "funds-commas", "level1-bands", "one-unit-line",
    "applied-amount", "project-goals", "numbered-labels", "numbered-goals",
    "transfer-region"};

const char *fl_variant_name(fl_variant v) { return variant_names[v]; }

/* The indicator part the 安置小区物业 variants share, with its 成本指标. */
#define PROPERTY_INDICATORS(cost)                                                                              \
    "一级指标|二级指标|三级指标|指标值\n"                                                                     \
    "产出指标|数量指标|管理小区数|≥8个\n"                                                                     \
    "^|质量指标|巡查到位率|≥95%\n"                                                                            \
    "^|时效指标|完成时间|12月底前\n"                                                                          \
    "^|成本指标|物业管理成本|" cost "\n"                                                                      \
    "效益指标|社会效益指标|居住环境改善|明显改善\n"                                                           \
    "满意度指标|服务对象满意度指标|居民满意度|≥90%"

/* The goal and indicator part the two 学校 fund-text variants share. */
#define SCHOOL_GOAL_AND_INDICATORS                                                                             \
    "年度目标|改善薄弱学校办学条件|<|<\n"                                                                   \
    "一级指标|二级指标|三级指标|指标值\n"                                                                     \
    "产出指标|数量指标|改造校舍面积|≥800平方米\n"                                                             \
    "^|质量指标|验收合格率|100%\n"                                                                            \
    "^|时效指标|完成时间|8月底前\n"                                                                           \
    "^|成本指标|改造成本|≤16万元\n"                                                                           \
    "效益指标|社会效益指标|办学条件改善|明显改善\n"                                                           \
    "满意度指标|服务对象满意度指标|家长满意度|≥90%"

void fl_variant_doc(fl_doc *d, fl_variant v)
{
    switch (v) {
    case FLV_L1_EVERY_ROW:
        fl_para(d, "项目支出绩效目标表");
        fl_grid(d, "项目名称|一级重复项目|<|<|<\n"
                   "主管部门|某区文旅局|实施单位|某区文化馆|<\n"
                   "资金总额（万元）|50|其中：财政拨款|50|<\n"
                   "年度目标|开展群众文化活动|<|<|<\n"
                   "一级指标|二级指标|三级指标|指标值|备注\n"
                   "产出指标|数量指标|举办文化活动场次|≥20场|\n"
                   "产出指标|质量指标|活动验收合格率|≥95%|\n"
                   "产出指标|时效指标|活动完成时间|12月31日前|\n"
                   "产出指标|成本指标|活动经费成本|≤50万元|\n"
                   "效益指标|社会效益指标|参与群众人次|≥5000人次|\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥90%|");
        break;
    case FLV_EFFECT:
        fl_para(d, "转移支付项目绩效目标表");
        fl_grid(d, "项目名称|效果指标项目|项目属性|延续\n"
                   "资金总额|30万元|<|<\n"
                   "绩效目标|改善农村人居环境|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|改厕户数|≥300户\n"
                   "^|质量指标|改厕验收合格率|≥95%\n"
                   "^|时效指标|完工时间|11月30日前\n"
                   "^|成本指标|改厕补助资金|≤30万元\n"
                   "效果指标|生态效益指标|粪污无害化处理率|≥90%\n"
                   "^|满意度指标|农户满意度|≥90%");
        break;
    case FLV_DIRECTION:
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|方向列项目|<|项目属性|延续|<|<\n"
                   "资金总额（万元）|80|<|<|<|<|<\n"
                   "年度目标|保障道路养护|<|<|<|<|<\n"
                   "一级指标|二级指标|三级指标|计算符号|指标值|计量单位|指标方向\n"
                   "产出指标|数量指标|养护道路里程|≥|120|公里|正向\n"
                   "产出指标|质量指标|道路完好率|≥|95|%|正向\n"
                   "产出指标|时效指标|养护完成时间|≤|12|个月|反向\n"
                   "产出指标|成本指标|养护总成本|≤|80|万元|反向\n"
                   "效益指标|社会效益指标|交通事故发生率|≤|2|%|反向\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥|90|%|正向");
        break;
    case FLV_STAR_LABELS:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "＊项目（专项）名称|星号标签项目|<|<\n"
                   "＊主管部门|某县农业农村局|＊实施单位|某县农技站\n"
                   "＊资金总额（万元）|25|＊其中：财政拨款（万元）|25\n"
                   "＊年度绩效目标|推广水稻新品种|<|<\n"
                   "＊一级指标|＊二级指标|＊三级指标|＊指标值\n"
                   "产出指标|数量指标|推广面积|≥5000亩\n"
                   "^|质量指标|良种覆盖率|≥90%\n"
                   "^|时效指标|推广完成时间|10月31日前\n"
                   "^|成本指标|推广补助成本|≤25万元\n"
                   "效益指标|经济效益指标|亩均增收|≥100元\n"
                   "满意度指标|服务对象满意度指标|种植户满意度|≥90%");
        break;
    case FLV_LIST_SUBTOTAL:
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标性质|指标值|度量单位\n"
                   "某镇人民政府||1,000,000.00{1000000;#,##0.00}|||||||\n"
                   "某镇本级|道路维护|600,000.00{600000;#,##0.00}|维护道路|产出指标|数量指标|维护道路里程|≥|10|公里\n"
                   "^|^|^|^|^|质量指标|道路完好率|≥|95|%\n"
                   "^|^|^|^|^|时效指标|完成时间|≤|12|个月\n"
                   "^|^|^|^|^|成本指标|维护总成本|≤|600000|元\n"
                   "^|^|^|^|效益指标|社会效益指标|群众出行改善|定性|明显改善|\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥|90|%\n"
                   "某镇本级|环境整治|400,000.00{400000;#,##0.00}|整治环境|产出指标|数量指标|整治村庄|≥|5|个\n"
                   "^|^|^|^|^|质量指标|验收合格率|≥|95|%\n"
                   "^|^|^|^|^|时效指标|完成时间|≤|12|个月\n"
                   "^|^|^|^|^|成本指标|整治总成本|≤|400000|元\n"
                   "^|^|^|^|效益指标|生态效益指标|垃圾无害化处理率|≥|90|%\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥|90|%\n"
                   "合计||1,000,000.00{1000000;#,##0.00}|||||||");
        break;
    case FLV_LABEL_INSIDE:
        fl_para(d, "单元格内填写项目绩效目标表");
        fl_grid(d, "项目名称：单元格内项目|<|<|<\n"
                   "主管部门：某县住建局|<|实施单位：某县市政所|<\n"
                   "资金总额：20万元|<|其中财政资金：20万元|<\n"
                   "年度目标：完成两座桥梁维修|<|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|维修桥梁|≥2座\n"
                   "^|质量指标|验收合格率|≥95%\n"
                   "^|时效指标|完工时间|≤10个月\n"
                   "^|成本指标|维修成本|≤20万元\n"
                   "效益指标|社会效益指标|通行安全|明显提升\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥90%");
        break;
    case FLV_TWO_ROW_HEAD:
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|二行表头项目|项目属性|延续\n"
                   "资金总额（万元）|20|<|<\n"
                   "年度目标|完成村道硬化|<|<\n"
                   "绩效指标|<|<|指标值（%）\n"
                   "一级指标|二级指标|三级指标|^\n"
                   "产出|数量|硬化道路长度|≥2公里\n"
                   "^|质量|验收合格率|95\n"
                   "^|时效|完工时间|12月底前\n"
                   "^|成本|硬化成本|≤20万元\n"
                   "效益|社会效益|出行条件改善|明显改善\n"
                   "满意度|满意度|群众满意度|90");
        break;
    case FLV_LIST_UNMERGED:
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标值\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "||||产出指标|质量指标|道路完好率|≥95%\n"
                   "||||产出指标|时效指标|完成时间|12月底前\n"
                   "||||产出指标|成本指标|维护总成本|≤600000元\n"
                   "||||效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "||||满意度指标|服务对象满意度指标|群众满意度|≥90%\n"
                   "某镇本级|小计|600000|||||\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|数量指标|整治村庄|≥5个\n"
                   "||||产出指标|质量指标|验收合格率|≥95%\n"
                   "||||产出指标|时效指标|完成时间|11月底前\n"
                   "||||产出指标|成本指标|整治总成本|≤400000元\n"
                   "||||效益指标|生态效益指标|垃圾无害化处理率|≥90%\n"
                   "||||满意度指标|服务对象满意度指标|群众满意度|≥95%");
        break;
    case FLV_LIST_REPEATED:
        /* two projects of one name would differ in their amount or code:
         * the rows below go on only with the same name, amount and goals */
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标值\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|质量指标|道路完好率|≥95%\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|时效指标|完成时间|12月底前\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|成本指标|维护总成本|≤600000元\n"
                   "某镇本级|道路维护|600000|维护道路|效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "某镇本级|道路维护|600000|维护道路|满意度指标|服务对象满意度指标|群众满意度|≥90%\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|数量指标|整治村庄|≥5个\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|质量指标|验收合格率|≥95%\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|时效指标|完成时间|11月底前\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|成本指标|整治总成本|≤400000元\n"
                   "某镇本级|环境整治|400000|整治环境|效益指标|生态效益指标|垃圾无害化处理率|≥90%\n"
                   "某镇本级|环境整治|400000|整治环境|满意度指标|服务对象满意度指标|群众满意度|≥95%");
        break;
    case FLV_FUNDS_BLANK:
        fl_para(d, "项目绩效目标申报表");
        fl_grid(d, "项目名称|资金构成空白项目|<|<\n"
                   "主管部门|某镇人民政府|实施单位|某镇城建办\n"
                   "资金总额及构成|总额20万元|<|<\n"
                   "|财政拨款：15万元（其中：上级财政资金：10万元；本级财政：5万元）|<|<\n"
                   "|其他资金：5万元|<|<\n"
                   "年度目标|完成道路养护|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|养护道路里程|≥10公里\n"
                   "^|质量指标|验收合格率|≥95%\n"
                   "^|时效指标|完成时间|12月底前\n"
                   "^|成本指标|养护成本|≤20万元\n"
                   "效益指标|社会效益指标|出行条件改善|明显改善\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥90%");
        break;
    case FLV_LIST_TWO_ROW_HEAD:
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|绩效指标|<|<|<\n"
                   "^|^|^|^|一级指标|二级指标|三级指标|指标值\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "^|^|^|^|^|质量指标|道路完好率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|12月底前\n"
                   "^|^|^|^|^|成本指标|维护总成本|≤600000元\n"
                   "^|^|^|^|效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥90%\n"
                   "^|环境整治|400000|整治环境|产出指标|数量指标|整治村庄|≥5个\n"
                   "^|^|^|^|^|质量指标|验收合格率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|11月底前\n"
                   "^|^|^|^|^|成本指标|整治总成本|≤400000元\n"
                   "^|^|^|^|效益指标|生态效益指标|垃圾无害化处理率|≥90%\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥95%");
        break;
    case FLV_LIST_SPLIT:
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标值\n"
                   "某镇本级|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "^|^|^|^|^|质量指标|道路完好率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|12月底前\n"
                   "^|^|^|^|^|成本指标|维护总成本|≤600000元\n"
                   "^|^|^|^|效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥90%");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标值\n"
                   "某镇本级|环境整治|400000|整治环境|产出指标|数量指标|整治村庄|≥5个\n"
                   "^|^|^|^|^|质量指标|验收合格率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|11月底前\n"
                   "^|^|^|^|^|成本指标|整治总成本|≤400000元\n"
                   "^|^|^|^|效益指标|生态效益指标|垃圾无害化处理率|≥90%\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥95%");
        break;
    case FLV_FUNDS_PAIRS:
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|资金构成分列项目|<|<\n"
                   "项目属性|延续项目|<|<\n"
                   "资金总额及构成（万元）|资金总额|30|<\n"
                   "^|财政拨款|20|<\n"
                   "^|自有资金|0|<\n"
                   "^|其他|10|<\n"
                   "年度目标|完成镇域道路提质改造|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|改造道路里程|≥3公里\n"
                   "^|质量指标|验收合格率|≥95%\n"
                   "^|时效指标|完成时间|12月底前\n"
                   "^|成本指标|改造成本|≤30万元\n"
                   "效益指标|社会效益指标|出行条件改善|明显改善\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥90%");
        break;
    case FLV_TOTAL_MERGED:
        /* the line of 其他资金 left blank is no row of labels over the 年度目标 below */
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|资金总额合并项目|<|<|<\n"
                   "主管部门|某县财政局|<|实施单位|某县开发区管委会\n"
                   "资金总额（万元）|年度资金总额|<|40|<\n"
                   "^|其中：财政拨款|<|40|<\n"
                   "^|其他资金|<||<\n"
                   "年度目标|完成安置小区物业管理|<|<|<\n"
                   "绩效指标|一级指标|二级指标|三级指标|指标值\n"
                   "^|产出指标|数量指标|管理小区数|≥8个\n"
                   "^|^|质量指标|巡查到位率|≥95%\n"
                   "^|^|时效指标|完成时间|12月底前\n"
                   "^|^|成本指标|物业管理成本|≤40万元\n"
                   "^|效益指标|社会效益指标|居住环境改善|明显改善\n"
                   "^|满意度指标|服务对象满意度指标|居民满意度|≥90%");
        break;
    case FLV_FUND_ITEMS:
        /* the Chongqing 目标表 (CQ_rongchang_lyj_lhmh_2022) */
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|编号资金项目|<|<\n"
                   "申报单位|某区林业局|项目属性|延续\n"
                   "资金情况（万元）|年度资金总额：|30|<\n"
                   "^|其中：1.中央资金||<\n"
                   "^|2.市级资金|20|<\n"
                   "^|3.区级资金|10|<\n"
                   "^|4.其他资金||<\n"
                   "项目年度目标|完成公路沿线绿化|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|绿化公路里程|≥3500米\n"
                   "^|质量指标|树木成活率|≥85%\n"
                   "^|时效指标|完成时间|11月底前\n"
                   "^|成本指标|绿化成本|≤30万元\n"
                   "效益指标|社会效益指标|村容村貌改善|明显改善\n"
                   "满意度指标|服务对象满意度指标|村民满意度|≥90%");
        break;
    case FLV_FUNDS_TWO_TERMS:
        /* a worksheet leaves the blank amounts out: 其他资金 | 当年其他资金
         * are then neighbours in the row, yet no row of labels */
        fl_para(d, "项目支出绩效目标表");
        fl_grid(d, "项目名称|两期资金项目|<|<|<\n"
                   "主管部门|某区教育局|<|实施单位|某区教育局\n"
                   "项目资金（万元）|资金总额|120|当年资金总额|50\n"
                   "^|其中：财政拨款|120|其中：当年财政拨款|50\n"
                   "^|其他资金||当年其他资金|\n"
                   "年度目标|完成校舍维修改造|<|<|<\n"
                   "一级指标|二级指标|三级指标|指标值|<\n"
                   "产出指标|数量指标|维修校舍面积|≥2000平方米|<\n"
                   "^|质量指标|验收合格率|≥95%|<\n"
                   "^|时效指标|完成时间|8月底前|<\n"
                   "^|成本指标|维修成本|≤50万元|<\n"
                   "效益指标|社会效益指标|办学条件改善|明显改善|<\n"
                   "满意度指标|服务对象满意度指标|师生满意度|≥90%|<");
        break;
    case FLV_GOAL_ROWS:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|分行目标项目|<|<\n"
                   "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                   "资金总额（万元）|20|<|<\n"
                   "中期目标|目标1：三年内建成智慧物业平台|<|<\n"
                   "|目标2：安置小区物业全覆盖|<|<\n"
                   "年度目标|目标1：维护安置小区安全巡逻|<|<\n"
                   "^|目标2：做好环境卫生及物业日常管理|<|<\n"
                   "^|目标3：完成物业费清算|<|<\n"
                   PROPERTY_INDICATORS("≤20万元"));
        break;
    case FLV_LIST_SAME_NAME:
        fl_para(d, "项目支出绩效目标表");
        fl_para(d, "金额单位：元");
        fl_grid(d, "单位名称|项目名称|预算数|年度目标|一级指标|二级指标|三级指标|指标值\n"
                   "甲村村委会|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "^|^|^|^|^|质量指标|道路完好率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|12月底前\n"
                   "^|^|^|^|^|成本指标|维护总成本|≤600000元\n"
                   "^|^|^|^|效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥90%\n"
                   "乙村村委会|道路维护|600000|维护道路|产出指标|数量指标|维护道路里程|≥10公里\n"
                   "^|^|^|^|^|质量指标|道路完好率|≥95%\n"
                   "^|^|^|^|^|时效指标|完成时间|12月底前\n"
                   "^|^|^|^|^|成本指标|维护总成本|≤600000元\n"
                   "^|^|^|^|效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "^|^|^|^|满意度指标|服务对象满意度指标|群众满意度|≥90%");
        break;
    case FLV_VALUE_BLANK:
        fl_para(d, "项目支出绩效目标表");
        fl_grid(d, "项目名称|空白值项目|项目分类|专项工作经费\n"
                   "主管部门||项目类型|新增项目\n"
                   "资金总额（万元）|20|<|<\n"
                   "年度目标|提高免费开放服务水平|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|免费开放天数|≥300天\n"
                   "^|质量指标|考核指标完成率|≥95%\n"
                   "^|时效指标|完成时间|12月底前\n"
                   "^|成本指标|开放补助成本|≤20万元\n"
                   "效益指标|社会效益指标|接待观众人次|≥30000人次\n"
                   "满意度指标|服务对象满意度指标|观众满意度|≥90%");
        break;
    case FLV_SCORE_COLUMN:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|分值列项目|<|<|<\n"
                   "主管部门|某区民政局|<|实施单位|某区民政局\n"
                   "资金总额（万元）|60|<|<|<\n"
                   "年度目标|按时发放困难群众救助金|<|<|<\n"
                   "一级指标|二级指标|三级指标|指标值|分值\n"
                   "产出指标|数量指标|救助人数|≥500人|20\n"
                   "^|质量指标|救助资金发放准确率|≥98%|20\n"
                   "^|时效指标|发放完成时间|每月10日前|10\n"
                   "^|成本指标|人均救助标准|≤1200元/人|10\n"
                   "效益指标|社会效益指标|困难群众基本生活保障率|100%|30\n"
                   "满意度指标|服务对象满意度指标|救助对象满意度|≥90%|10");
        break;
    case FLV_FIELDS_BELOW:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|主管部门|实施单位|<\n"
                   "值在下行项目|某县财政局|某县开发区管委会|<\n"
                   "资金总额（万元）|40|<|<\n"
                   "年度目标|完成安置小区物业管理|<|<\n"
                   PROPERTY_INDICATORS("≤40万元"));
        break;
    case FLV_FUND_SOURCES:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|资金来源项目|<|<\n"
                   "主管部门|某县农业农村局|实施单位|某县农技站\n"
                   "资金来源（万元）|资金总额|50|<\n"
                   "^|中央补助|30|<\n"
                   "^|县级配套|10|<\n"
                   "^|自筹|10|<\n"
                   "年度目标|建设高标准农田|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|建设面积|≥1000亩\n"
                   "^|质量指标|验收合格率|≥95%\n"
                   "^|时效指标|完成时间|11月底前\n"
                   "^|成本指标|亩均建设成本|≤500元/亩\n"
                   "效益指标|经济效益指标|亩均增收|≥100元\n"
                   "满意度指标|服务对象满意度指标|农户满意度|≥90%");
        break;
    case FLV_NAME_UNIT:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|名称注单位项目|<|<\n"
                   "主管部门|某区民政局|实施单位|某区民政局\n"
                   "资金总额（万元）|60|<|<\n"
                   "年度目标|按时发放困难群众救助金|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|救助人数（人）|≥500\n"
                   "^|质量指标|救助资金发放准确率（%）|≥98\n"
                   "^|时效指标|发放完成时间|每月10日前\n"
                   "^|成本指标|人均救助标准（元/人）|≤1200\n"
                   "效益指标|社会效益指标|困难群众基本生活保障率（%）|100\n"
                   "满意度指标|服务对象满意度指标|救助对象满意度（%）|≥90");
        break;
    case FLV_FUNDS_PARENS:
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|括号资金项目|<|<\n"
                   "项目主管部门|某区教育局|项目执行单位|某区实验学校\n"
                   "资金情况（万元）|年度资金总额16（其中：中央资金10，省级资金6）|<|<\n"
                   SCHOOL_GOAL_AND_INDICATORS);
        break;
    case FLV_FUNDS_COMMAS:
        fl_para(d, "项目绩效目标表");
        fl_grid(d, "项目名称|逗号资金项目|<|<\n"
                   "项目主管部门|某区教育局|项目执行单位|某区实验学校\n"
                   "资金情况（万元）|年度资金总额：16，其中：财政拨款10，其他资金6|<|<\n"
                   SCHOOL_GOAL_AND_INDICATORS);
        break;
    case FLV_LEVEL1_BANDS:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|分段一级项目|<|<\n"
                   "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                   "资金总额（万元）|40|<|<\n"
                   "年度目标|完成安置小区物业管理|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "一、产出指标|<|<|<\n"
                   "|数量指标|管理小区数|≥8个\n"
                   "|质量指标|巡查到位率|≥95%\n"
                   "|时效指标|完成时间|12月底前\n"
                   "|成本指标|物业管理成本|≤40万元\n"
                   "二、效益指标|<|<|<\n"
                   "|社会效益指标|居住环境改善|明显改善\n"
                   "三、满意度指标|<|<|<\n"
                   "|服务对象满意度指标|居民满意度|≥90%");
        break;
    case FLV_ONE_UNIT_LINE:
        fl_para(d, "项目支出绩效目标申报表");
        fl_para(d, "单位：万元");
        fl_grid(d, "项目名称|道路维护|<|<\n"
                   "主管部门|某镇人民政府|实施单位|某镇城建办\n"
                   "资金总额|60|<|<\n"
                   "年度目标|维护道路|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|维护道路里程|≥10公里\n"
                   "^|质量指标|道路完好率|≥95%\n"
                   "^|时效指标|完成时间|12月底前\n"
                   "^|成本指标|维护总成本|≤60万元\n"
                   "效益指标|社会效益指标|群众出行改善|明显改善\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥90%");
        fl_para(d, " ");
        fl_grid(d, "项目名称|环境整治|<|<\n"
                   "主管部门|某镇人民政府|实施单位|某镇环卫所\n"
                   "资金总额|40|<|<\n"
                   "年度目标|整治环境|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|整治村庄|≥5个\n"
                   "^|质量指标|验收合格率|≥95%\n"
                   "^|时效指标|完成时间|11月底前\n"
                   "^|成本指标|整治总成本|≤40万元\n"
                   "效益指标|生态效益指标|垃圾无害化处理率|≥90%\n"
                   "满意度指标|服务对象满意度指标|群众满意度|≥95%");
        break;
    case FLV_APPLIED_AMOUNT:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|申报金额项目|<|<\n"
                   "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                   "项目资金（万元）|申报金额|40|<\n"
                   "^|其中：财政拨款|40|<\n"
                   "^|其他资金||<\n"
                   "年度目标|完成安置小区物业管理|<|<\n"
                   PROPERTY_INDICATORS("≤40万元"));
        break;
    case FLV_PROJECT_GOALS:
        fl_para(d, "项目支出绩效目标表");
        fl_grid(d, "项目名称|项目绩效目标项目|<|<\n"
                   "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                   "资金总额（万元）|40|<|<\n"
                   "项目绩效目标|完成安置小区物业管理|<|<\n"
                   PROPERTY_INDICATORS("≤40万元"));
        break;
    case FLV_NUMBERED_LABELS:
        /* the goal text beside its label begins with a number of its own */
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "1.项目名称|编号标签项目|<|<\n"
                   "一、主管部门|某县财政局|（二）实施单位|某县开发区管委会\n"
                   "（一）资金总额（万元）|40|<|<\n"
                   "４．年度目标|1.年度目标：完成安置小区物业管理|<|<\n"
                   PROPERTY_INDICATORS("≤40万元"));
        break;
    case FLV_NUMBERED_GOALS:
        fl_para(d, "项目支出绩效目标申报表");
        fl_grid(d, "项目名称|编号目标项目|<|<\n"
                   "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                   "资金总额（万元）|40|<|<\n"
                   "中期目标|三年内建成智慧物业平台；安置小区物业全覆盖|<|<\n"
                   "年度目标|1.维护安置小区安全巡逻；2.做好环境卫生； （3）完成物业费清算。|<|<\n"
                   PROPERTY_INDICATORS("≤40万元"));
        break;
    case FLV_TRANSFER_REGION:
        fl_para(d, "中央对地方转移支付区域绩效目标表");
        fl_para(d, "（2026年度）");
        fl_grid(d, "转移支付名称|农村综合改革转移支付|<|<\n"
                   "中央主管部门|财政部|<|<\n"
                   "地方主管部门|某省财政厅|<|<\n"
                   "资金情况（万元）|年度金额：|1000|<\n"
                   "^|其中：中央补助|800|<\n"
                   "^|地方资金|200|<\n"
                   "年度总体目标|支持村级公益事业建设，改善农村人居环境|<|<\n"
                   "一级指标|二级指标|三级指标|指标值\n"
                   "产出指标|数量指标|支持村级公益事业项目数|≥100个\n"
                   "^|质量指标|项目验收合格率|≥95%\n"
                   "^|时效指标|资金下达及时率|100%\n"
                   "^|成本指标|单个项目补助标准|≤10万元\n"
                   "效益指标|社会效益指标|农村人居环境改善|明显改善\n"
                   "满意度指标|服务对象满意度指标|受益群众满意度|≥90%");
        break;
    default:
        abort();
    }
}
