/* The WordprocessingML reader: the grid, merges, nesting and text as a
 * reader sees it, each on a small fixture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "read/read.h"
#include "read/opc.h"
#include "read/walker.h"
#include "extract/extract.h"
#include "model/model.h"
#include "check/check.h"

#include <stdlib.h>
#include <string.h>

static pb_document *read_body(const char *body)
{
    size_t len;
    void *zip = fx_docx_mem(body, &len);
    assert_non_null(zip);
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, "fixture.docx", &o);
    free(zip);
    assert_non_null(d);
    return d;
}

static const pb_table *table(const pb_document *d, int index)
{
    for (size_t i = 0; i < d->table_count; i++)
        if (d->tables[i]->index == index)
            return d->tables[i];
    fail_msg("no table %d", index);
    return NULL;
}

static void test_grid_span(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(TCP(SPAN(2), "a") TC("b")) TR(TC("c") TC("d") TC("e"))));
    assert_int_equal(d->error.status, PB_OK);
    const pb_table *t = table(d, 0);
    assert_int_equal(t->width, 3);
    assert_int_equal(t->row_count, 2);
    assert_int_equal(t->rows[0].count, 2);
    assert_int_equal(t->rows[0].cells[0].col_span, 2);
    assert_int_equal(t->rows[0].cells[1].col, 2);
    assert_ptr_equal(pb_table_at(t, 0, 1), &t->rows[0].cells[0]);
    assert_string_equal(pb_table_at(t, 0, 2)->text, "b");
    assert_string_equal(pb_table_at(t, 1, 1)->text, "d");
    assert_null(pb_table_at(t, 2, 0));
    pb_document_free(d);
}

static void test_vmerge(void **state)
{
    (void)state;
    /* restart, explicit continue, bare continue (no val means continue). */
    pb_document *d = read_body(TBL(TR(TCP(VRESTART, "top") TC("x"))
                                   TR(TCP("<w:vMerge w:val=\"continue\"/>", "") TC("y"))
                                   TR(TCP(VCONT, "") TC("z")) TR(TC("after") TC("w"))));
    const pb_table *t = table(d, 0);
    const pb_cell *top = &t->rows[0].cells[0];
    assert_int_equal(top->row_span, 3);
    assert_int_equal(t->rows[1].count, 1); /* the continuation is not listed again */
    assert_int_equal(t->rows[1].cells[0].col, 1);
    assert_ptr_equal(pb_table_at(t, 1, 0), top);
    assert_ptr_equal(pb_table_at(t, 2, 0), top);
    assert_string_equal(pb_table_at(t, 3, 0)->text, "after");
    assert_int_equal(pb_table_at(t, 3, 0)->row_span, 1);
    pb_document_free(d);
}

static void test_vmerge_orphan_and_span(void **state)
{
    (void)state;
    /* A continue with nothing above, and one whose columns differ from the
     * cell above, stand as cells of their own. */
    pb_document *d = read_body(TBL(TR(TCP(VCONT, "orphan") TCP(VRESTART SPAN(2), "wide"))
                                   TR(TC("a") TCP(VCONT, "narrow") TC("c"))));
    const pb_table *t = table(d, 0);
    assert_int_equal(t->rows[0].count, 2);
    assert_string_equal(t->rows[0].cells[0].text, "orphan");
    assert_int_equal(t->rows[0].cells[1].row_span, 1);
    assert_int_equal(t->rows[1].count, 3);
    assert_string_equal(pb_table_at(t, 1, 1)->text, "narrow");
    pb_document_free(d);
}

static void test_grid_before_after(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TRP("<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/>", TC("b")) TR(TC("a") TC("b2") TC("c") TC("d"))));
    const pb_table *t = table(d, 0);
    assert_int_equal(t->width, 4);
    assert_int_equal(t->rows[0].cells[0].col, 1);
    assert_null(pb_table_at(t, 0, 0));
    assert_null(pb_table_at(t, 0, 2));
    assert_null(pb_table_at(t, 0, 3));
    assert_string_equal(pb_table_at(t, 1, 3)->text, "d");
    pb_document_free(d);
}

static void test_nested_table(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(TC("left") "<w:tc>" P("before") TBL(TR(TC("inner"))) P("after") "</w:tc>")));
    assert_int_equal(d->table_count, 2);
    const pb_table *outer = table(d, 0), *inner = table(d, 1);
    assert_int_equal(outer->parent_table, -1);
    assert_int_equal(inner->parent_table, 0);
    assert_int_equal(inner->parent_row, 0);
    assert_int_equal(inner->parent_col, 1);
    /* The nested table keeps its text; the parent cell does not swallow it. */
    assert_string_equal(pb_table_at(inner, 0, 0)->text, "inner");
    assert_string_equal(pb_table_at(outer, 0, 1)->text, "before\nafter");
    pb_document_free(d);
}

static void test_paragraphs_and_runs(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(
        "<w:tc><w:p><w:r><w:t>≥9</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>5%</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type=\"page\"/></w:r></w:p>"
        "<w:p/><w:p><w:bookmarkStart w:id=\"0\" w:name=\"x\"/><w:r><w:t xml:space=\"preserve\"> d  e </w:t></w:r>"
        "<w:bookmarkEnd w:id=\"0\"/></w:p></w:tc>"
        "<w:tc><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"100\"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr>"
        "<w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r></w:p></w:tc>")));
    const pb_table *t = table(d, 0);
    assert_string_equal(pb_table_at(t, 0, 0)->text, "≥95%");
    assert_string_equal(pb_table_at(t, 0, 1)->text, "a\tb\nc\n\n d  e ");
    assert_string_equal(pb_table_at(t, 0, 2)->text, "x-y");
    pb_document_free(d);
}

static void test_content_controls(void **state)
{
    (void)state;
    /* sdt around the table, a row, a cell and a run; sdtPr is not text. */
    pb_document *d = read_body(
        "<w:sdt><w:sdtPr><w:alias w:val=\"tbl\"/></w:sdtPr><w:sdtContent>"
        "<w:tbl><w:sdt><w:sdtPr/><w:sdtContent>" TR(TC("r1")) "</w:sdtContent></w:sdt>"
        "<w:tr><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>" TC("c1") "</w:sdtContent></w:sdt>"
        "<w:tc><w:p><w:sdt><w:sdtPr><w:placeholder><w:docPart w:val=\"X\"/></w:placeholder></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>run</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>+tag</w:t></w:r></w:smartTag>"
        "<w:hyperlink r:id=\"rId9\"><w:r><w:t>+link</w:t></w:r></w:hyperlink>"
        "<w:customXml w:element=\"c\"><w:r><w:t>+custom</w:t></w:r></w:customXml></w:p></w:tc></w:tr>"
        "</w:tbl></w:sdtContent></w:sdt>");
    assert_int_equal(d->error.status, PB_OK);
    const pb_table *t = table(d, 0);
    assert_int_equal(t->row_count, 2);
    assert_string_equal(pb_table_at(t, 0, 0)->text, "r1");
    assert_string_equal(pb_table_at(t, 1, 0)->text, "c1");
    assert_string_equal(pb_table_at(t, 1, 1)->text, "run+tag+link+custom");
    pb_document_free(d);
}

static void test_tracked_changes(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(
        TR("<w:tc><w:p><w:r><w:t>keep</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>gone</w:delText>"
           "</w:r></w:del><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>+new</w:t></w:r></w:ins>"
           "<w:moveFrom w:id=\"3\"><w:r><w:t>moved-away</w:t></w:r></w:moveFrom>"
           "<w:moveTo w:id=\"4\"><w:r><w:t>+moved</w:t></w:r></w:moveTo></w:p></w:tc>")
        "<w:tr><w:trPr><w:del w:id=\"5\" w:author=\"a\"/></w:trPr>" TC("deleted row") "</w:tr>"
        "<w:tr><w:trPr><w:ins w:id=\"6\" w:author=\"a\"/></w:trPr>" TC("inserted row") "</w:tr>"));
    const pb_table *t = table(d, 0);
    assert_int_equal(t->row_count, 2);
    assert_string_equal(pb_table_at(t, 0, 0)->text, "keep+new+moved");
    assert_string_equal(pb_table_at(t, 1, 0)->text, "inserted row");
    pb_document_free(d);
}

static void test_fields(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(
        "<w:tc><w:p><w:r><w:t>表</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText xml:space=\"preserve\"> SEQ 表 \\* ARABIC </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>-7</w:t></w:r></w:fldSimple>"
        "<w:r><w:instrText>stray code</w:instrText></w:r></w:p></w:tc>"
        /* a nested field inside a field's code: still code */
        "<w:tc><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>inner</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        "<w:r><w:t>result</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:tc>")));
    const pb_table *t = table(d, 0);
    assert_string_equal(pb_table_at(t, 0, 0)->text, "表3-7");
    assert_string_equal(pb_table_at(t, 0, 1)->text, "result");
    pb_document_free(d);
}

static void test_alternate_content(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(
        "<w:tc><w:p><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>choice</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>"
        "<w:tc><w:p><mc:AlternateContent xmlns:wpsCustomData=\"http://www.wps.cn/officeDocument/2013/wpsCustomData\">"
        "<mc:Choice Requires=\"wpsCustomData\"><w:r><w:t>wps</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>fb</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>x</w:t></w:r><mc:AlternateContent xmlns:zz=\"urn:unknown\"><mc:Choice Requires=\"zz\">"
        "<w:r><w:t>unknown</w:t></w:r></mc:Choice></mc:AlternateContent></w:p></w:tc>")));
    const pb_table *t = table(d, 0);
    assert_string_equal(pb_table_at(t, 0, 0)->text, "choice");
    assert_string_equal(pb_table_at(t, 0, 1)->text, "fb");
    assert_string_equal(pb_table_at(t, 0, 2)->text, "x");
    pb_document_free(d);
}

static void test_hmerge(void **state)
{
    (void)state;
    pb_document *d = read_body(TBL(TR(TCP("<w:hMerge w:val=\"restart\"/>", "ab") TCP("<w:hMerge/>", "") TC("c"))));
    const pb_table *t = table(d, 0);
    assert_int_equal(t->width, 3);
    assert_int_equal(t->rows[0].count, 2);
    assert_int_equal(t->rows[0].cells[0].col_span, 2);
    assert_string_equal(pb_table_at(t, 0, 2)->text, "c");
    pb_document_free(d);
}

/* Strict OOXML, the main part found through _rels/.rels at another path. */
static void test_strict_and_rels(void **state)
{
    (void)state;
    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
        "Target=\"/doc/main.xml\"/></Relationships>";
    const char *doc = "<s:document xmlns:s=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><s:body>"
                      "<s:tbl><s:tr><s:tc><s:p><s:r><s:t>strict</s:t></s:r></s:p></s:tc></s:tr></s:tbl>"
                      "</s:body></s:document>";
    fx_part parts[] = {{"_rels/.rels", rels, 0}, {"doc/main.xml", doc, 0}, {"word/document.xml", "<x/>", 0}};
    size_t len;
    void *zip = fx_zip_mem(parts, 3, &len);
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, "strict.docx", &o);
    free(zip);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->table_count, 1);
    assert_string_equal(pb_table_at(d->tables[0], 0, 0)->text, "strict");
    pb_document_free(d);
}

static void test_utf16(void **state)
{
    (void)state;
    /* UTF-16LE with a BOM and a matching declaration. */
    const char *utf8 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document xmlns:w=\"" W_NS "\"><w:body>"
                       TBL(TR(TC("预算数"))) "</w:body></w:document>";
    size_t n = strlen(utf8);
    unsigned char *u16 = malloc(2 * n + 2);
    size_t o = 0;
    u16[o++] = 0xFF;
    u16[o++] = 0xFE;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += (size_t)pbi_utf8_decode(utf8 + i, &cp);
        u16[o++] = (unsigned char)(cp & 0xFF);
        u16[o++] = (unsigned char)(cp >> 8);
    }
    fx_part parts[] = {{"_rels/.rels",
                        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                        0},
                       {"word/document.xml", (const char *)u16, o}};
    size_t len;
    void *zip = fx_zip_mem(parts, 2, &len);
    pb_options opt;
    pb_options_default(&opt);
    opt.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, "u16.docx", &opt);
    assert_int_equal(d->error.status, PB_OK);
    assert_string_equal(pb_table_at(d->tables[0], 0, 0)->text, "预算数");
    pb_document_free(d);
    free(zip);
    free(u16);
}

static void test_text_box_read_once(void **state)
{
    (void)state;
    /* A text box is written twice (DrawingML choice, VML fallback). */
    pb_document *d = read_body(TBL(TR(
        "<w:tc><w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        "<w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p></w:tc>")));
    assert_string_equal(pb_table_at(table(d, 0), 0, 0)->text, "\nbox");
    pb_document_free(d);
}

static void test_body_paragraphs_not_in_tables(void **state)
{
    (void)state;
    /* Tables are counted in document order, nested ones included. */
    pb_document *d = read_body(P("title") TBL(TR(TC("a"))) P("between") TBL(TR("<w:tc>" TBL(TR(TC("n"))) P("") "</w:tc>")));
    assert_int_equal(d->tables_seen, 3);
    assert_int_equal(table(d, 2)->parent_table, 1);
    pb_document_free(d);
}


/* ---- the shared libxml2 glue: one part, the same code in both formats */

#define SML_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

static pb_status read_parts(const fx_part *parts, size_t n, const char *name, size_t *tables)
{
    size_t len;
    void *zip = fx_zip_mem(parts, n, &len);
    assert_non_null(zip);
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, name, &o);
    free(zip);
    assert_non_null(d);
    pb_status s = d->error.status;
    if (tables)
        *tables = d->table_count;
    pb_document_free(d);
    return s;
}

/* The part as a .docx main part, its root w:document. */
static pb_status docx_status(const char *prolog, const char *payload)
{
    char *xml = NULL;
    size_t n = strlen(prolog) + strlen(payload) + 256;
    xml = malloc(n);
    assert_non_null(xml);
    snprintf(xml, n, "%s<w:document xmlns:w=\"" W_NS "\"><w:body>%s</w:body></w:document>", prolog, payload);
    fx_part parts[] = {
        {"_rels/.rels",
         "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" Type=\"" REL_NS
         "/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
         0},
        {"word/document.xml", xml, 0}};
    pb_status s = read_parts(parts, 2, "hostile.docx", NULL);
    free(xml);
    return s;
}

static void workbook_parts(fx_part *parts, const char *sheets, const char *sheet_xml, const char *rels)
{
    parts[0] = (fx_part){"[Content_Types].xml",
                         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
                         "PartName=\"/xl/workbook.xml\" "
                         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                         "</Types>",
                         0};
    parts[1] = (fx_part){"_rels/.rels",
                         "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r\" Type=\"" REL_NS
                         "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                         0};
    parts[2] = (fx_part){"xl/workbook.xml", sheets, 0};
    parts[3] = (fx_part){"xl/_rels/workbook.xml.rels",
                         rels ? rels
                              : "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" Type=\"" REL_NS
                                "/worksheet\" Target=\"worksheets/s.xml\"/></Relationships>",
                         0};
    parts[4] = (fx_part){"xl/worksheets/s.xml", sheet_xml, 0};
}

/* The part as an .xlsx worksheet, its root worksheet. */
static pb_status xlsx_status(const char *prolog, const char *payload)
{
    size_t n = strlen(prolog) + strlen(payload) + 256;
    char *xml = malloc(n);
    assert_non_null(xml);
    snprintf(xml, n, "%s<worksheet xmlns=\"" SML_NS "\"><sheetData>%s</sheetData></worksheet>", prolog, payload);
    fx_part parts[5];
    workbook_parts(parts,
                   "<workbook xmlns=\"" SML_NS "\" xmlns:r=\"" REL_NS "\"><sheets><sheet name=\"a\" sheetId=\"1\" "
                   "r:id=\"r1\"/></sheets></workbook>",
                   xml, NULL);
    pb_status s = read_parts(parts, 5, "hostile.xlsx", NULL);
    free(xml);
    return s;
}

static char *repeat(const char *open, const char *close, int times, const char *middle)
{
    size_t n = (strlen(open) + strlen(close)) * (size_t)times + strlen(middle) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    s[0] = '\0';
    for (int i = 0; i < times; i++)
        strcat(s, open);
    strcat(s, middle);
    for (int i = 0; i < times; i++)
        strcat(s, close);
    return s;
}

static char *flood(const char *element, const char *attr_fmt, int count)
{
    size_t n = (size_t)count * 40 + 64;
    char *s = malloc(n);
    assert_non_null(s);
    size_t len = (size_t)snprintf(s, n, "<%s", element);
    for (int i = 0; i < count; i++)
        len += (size_t)snprintf(s + len, n - len, attr_fmt, i, i);
    snprintf(s + len, n - len, "/>");
    return s;
}

static void test_same_codes_docx_and_xlsx(void **state)
{
    (void)state;
    char *deep = repeat("<a>", "</a>", 300, "");
    char *attrs = flood("x", " a%d=\"%d\"", 600);
    char *decls = flood("x", " xmlns:p%d=\"urn:%d\"", 600);
    char *attrs_ok = flood("x", " a%d=\"%d\"", 200);
    size_t big = (2u << 20) + 16;
    char *long_attr = malloc(big + 32);
    assert_non_null(long_attr);
    strcpy(long_attr, "<x a=\"");
    unsigned seed = 7; /* varied, so that it does not compress past the zip-bomb ratio */
    for (size_t i = 0; i < big; i++) {
        seed = seed * 1103515245u + 12345u;
        long_attr[6 + i] = (char)('a' + (seed >> 16) % 26);
    }
    strcpy(long_attr + 6 + big, "\"/>");
    const struct {
        const char *what, *prolog, *payload;
        pb_status expect;
    } cases[] = {
        {"DOCTYPE", "<!DOCTYPE x [<!ENTITY e \"boom\">]>", "", PB_ERR_XML_DOCTYPE},
        {"external DTD", "<!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\">", "", PB_ERR_XML_DOCTYPE},
        {"undeclared entity", "", "<x>&e;</x>", PB_ERR_XML_DOCTYPE},
        {"entity in an attribute", "", "<x a=\"&e;\"/>", PB_ERR_XML_DOCTYPE},
        {"malformed", "", "<x></y>", PB_ERR_XML_MALFORMED},
        {"too deep", "", deep, PB_ERR_XML_TOO_DEEP},
        {"unknown encoding", "<?xml version=\"1.0\" encoding=\"x-no-such\"?>", "", PB_ERR_XML_ENCODING},
        {"attribute flood", "", attrs, PB_ERR_XML_TOO_MANY_ATTRIBUTES},
        {"namespace flood", "", decls, PB_ERR_XML_TOO_MANY_ATTRIBUTES},
        {"200 attributes", "", attrs_ok, PB_OK},
        {"2 MiB attribute", "", long_attr, PB_ERR_CELL_TOO_LARGE},
        {"predefined entities", "", "<x a=\"&amp;&lt;\">&amp;&#x4E2D;</x>", PB_OK},
        {"comment and CDATA with = and quotes", "",
         "<!-- a=\"b c='d' -->" "<![CDATA[ x=1 y=\"2 ]]>", PB_OK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pb_status d = docx_status(cases[i].prolog, cases[i].payload);
        pb_status x = xlsx_status(cases[i].prolog, cases[i].payload);
        if (d != cases[i].expect || x != cases[i].expect)
            fail_msg("%s: .docx %s, .xlsx %s, expected %s", cases[i].what, pb_status_code(d), pb_status_code(x),
                     pb_status_code(cases[i].expect));
    }
    free(deep);
    free(attrs);
    free(decls);
    free(attrs_ok);
    free(long_attr);
}

/* Issue 18: the byte scanner that counts a tag's attributes before libxml2
 * sees it goes through start tags, end tags and quoted values in one loop;
 * a chunk of 16 KiB may end at any byte of them.  512 attributes whose
 * values hold '=', '>' and the other quote are allowed (nothing in a value
 * is counted) and 513 refused wherever the chunk cuts the tag, whichever
 * quotes the values.  (A scanner
 * that counted too few would still be caught by on_start's second wall,
 * with the same error; this guards against counting too many.) */
static void test_scanner_across_chunks(void **state)
{
    (void)state;
    /* values in double quotes holding an apostrophe, in double quotes
     * holding none (Word's own), and in apostrophes holding a double quote */
    static const char *const styles[] = {" a%d=\"=>%d'\"", " a%d=\"=>%d\"", " a%d='=>\"%d'"};
    for (size_t st = 0; st < sizeof styles / sizeof *styles; st++) {
        char *ok = flood("x", styles[st], 512);
        char *over = flood("x", styles[st], 513);
        size_t cap = strlen(over) + 20000;
        char *payload = malloc(cap);
        assert_non_null(payload);
        for (int k = 0; k < 48; k++) {
            /* the flood (about 8 KB) starts some 12 KB in: the first chunk
             * ends inside it, one byte further each round */
            size_t pad = 12000 + (size_t)k;
            for (int refused = 0; refused < 2; refused++) {
                size_t len = (size_t)snprintf(payload, cap, "<y>");
                memset(payload + len, 'p', pad);
                len += pad;
                snprintf(payload + len, cap - len, "</y>%s", refused ? over : ok);
                pb_status expect = refused ? PB_ERR_XML_TOO_MANY_ATTRIBUTES : PB_OK;
                pb_status d = docx_status("", payload), x = xlsx_status("", payload);
                if (d != expect || x != expect)
                    fail_msg("style %zu, pad %zu, %s: .docx %s, .xlsx %s", st, pad, refused ? "513" : "512",
                             pb_status_code(d), pb_status_code(x));
            }
        }
        free(payload);
        free(ok);
        free(over);
    }
}

/* The scanner looks closer only at a run from one '<' to the next holding
 * more '=' than the limit, and at comments, CDATA and processing
 * instructions.  So: a flood right after each of them is still refused
 * wherever it falls in the scanner's 32-byte blocks, text holding
 * thousands of '=' is no flood, nor is one inside a comment or CDATA, and
 * a value holding '<' (which XML
 * forbids, and where libxml2 stops reading the tag's attributes) does not
 * let a flood through. */
static void expect_both(const char *what, size_t at, const char *payload, pb_status expect)
{
    pb_status d = docx_status("", payload), x = xlsx_status("", payload);
    if (d != expect || x != expect)
        fail_msg("%s at %zu: .docx %s, .xlsx %s, expected %s", what, at, pb_status_code(d), pb_status_code(x),
                 pb_status_code(expect));
}

static void test_scanner_runs(void **state)
{
    (void)state;
    static const char *const before[] = {"<!--a=b-->", "<?pi a=b?>", "<![CDATA[a=b]]>", "</y>", ""};
    char *ok = flood("x", " a%d=\"%d\"", 512), *over = flood("x", " a%d=\"%d\"", 513);
    size_t cap = strlen(over) + 256;
    char *payload = malloc(cap);
    assert_non_null(payload);
    for (size_t b = 0; b < sizeof before / sizeof *before; b++)
        for (size_t pad = 0; pad < 64; pad++)
            for (int refused = 0; refused < 2; refused++) {
                size_t len = (size_t)snprintf(payload, cap, "<y>");
                memset(payload + len, 'p', pad);
                len += pad;
                snprintf(payload + len, cap - len, "%s%s%s", b == 3 ? "" : "</y>", before[b],
                         refused ? over : ok);
                expect_both(before[b], pad, payload, refused ? PB_ERR_XML_TOO_MANY_ATTRIBUTES : PB_OK);
            }
    free(payload);

    size_t n = 40000;
    char *text = malloc(n + 64);
    assert_non_null(text);
    size_t len = (size_t)snprintf(text, n + 64, "<y>");
    for (size_t i = 0; i < n / 4; i++)
        len += (size_t)snprintf(text + len, n + 64 - len, "a=b ");
    snprintf(text + len, n + 64 - len, "</y><y k=\"==\">==</y>");
    expect_both("text of '='", 0, text, PB_OK);
    free(text);

    /* a flood inside a comment or CDATA is no tag: read as text, not refused */
    size_t olen = strlen(over);
    char *quoted = malloc(olen + 64);
    assert_non_null(quoted);
    snprintf(quoted, olen + 64, "<!-- %.*s -->", (int)(olen - 2), over);
    expect_both("flood in a comment", 0, quoted, PB_OK);
    snprintf(quoted, olen + 64, "<y><![CDATA[%s]]></y>", over);
    expect_both("flood in CDATA", 0, quoted, PB_OK);
    free(quoted);


    char *lt_in_value = malloc(olen + 16);
    assert_non_null(lt_in_value);
    snprintf(lt_in_value, olen + 16, "<x v=\"<\"%s", over + 2);
    pb_status d = docx_status("", lt_in_value), x = xlsx_status("", lt_in_value);
    assert_true(d == PB_ERR_XML_MALFORMED || d == PB_ERR_XML_TOO_MANY_ATTRIBUTES);
    assert_true(x == PB_ERR_XML_MALFORMED || x == PB_ERR_XML_TOO_MANY_ATTRIBUTES);
    free(lt_in_value);
    free(ok);
    free(over);
}

/* Issue 18: the elements of a subtree the reader steps over (w:rPr here)
 * are counted by the XML layer and not delivered; PBI_XML_SKIPPED_DEPTH
 * (256) still holds there, and the run's text after the subtree is read. */
static pb_document *read_rpr_nesting(int depth)
{
    char *nest = repeat("<x>", "</x>", depth, "");
    size_t cap = strlen(nest) + 512;
    char *body = malloc(cap);
    assert_non_null(body);
    snprintf(body, cap, "<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr>%s</w:rPr><w:t>after</w:t></w:r>"
                        "<w:r><w:rPr><w:b/></w:rPr><w:t>, again</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", nest);
    free(nest);
    size_t len;
    void *zip = fx_docx_mem(body, &len);
    free(body);
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    pb_document *d = pb_read_memory(zip, len, "rpr.docx", &o);
    free(zip);
    assert_non_null(d);
    return d;
}

static void test_depth_in_skipped_subtree(void **state)
{
    (void)state;
    pb_document *d = read_rpr_nesting(240); /* 248 deep, past max_depth (200) */
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->table_count, 1);
    assert_string_equal(pb_table_at(d->tables[0], 0, 0)->text, "after, again");
    pb_document_free(d);
    d = read_rpr_nesting(300);
    assert_int_equal(d->error.status, PB_ERR_XML_TOO_DEEP);
    pb_document_free(d);
}

/* One worksheet part named by 50,000 sheet entries is read once. */
static void test_sheet_listed_many_times(void **state)
{
    (void)state;
    int n = 50000;
    size_t cap = (size_t)n * 64 + 256;
    char *wb = malloc(cap);
    assert_non_null(wb);
    size_t len = (size_t)snprintf(wb, cap, "<workbook xmlns=\"" SML_NS "\" xmlns:r=\"" REL_NS "\"><sheets>");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(wb + len, cap - len, "<sheet name=\"s%d\" sheetId=\"%d\" r:id=\"r%d\"/>", i, i + 1,
                                1 + (i & 1));
    snprintf(wb + len, cap - len, "</sheets></workbook>");
    fx_part parts[5];
    workbook_parts(parts, wb, "<worksheet xmlns=\"" SML_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                              "<is><t>x</t></is></c></row></sheetData></worksheet>",
                   "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" Type=\"" REL_NS
                   "/worksheet\" Target=\"worksheets/s.xml\"/><Relationship Id=\"r2\" Type=\"" REL_NS
                   "/worksheet\" Target=\"/xl/worksheets/s.xml\"/></Relationships>");
    size_t tables = 0;
    assert_int_equal(read_parts(parts, 5, "many.xlsx", &tables), PB_OK);
    assert_int_equal(tables, 1);
    free(wb);
}

/* Relationship targets: one policy for the package's rels and a workbook's. */
static void test_rels_targets(void **state)
{
    (void)state;
    static const struct {
        const char *target;
        pb_status expect;
    } cases[] = {
        {"word/document.xml", PB_OK},
        {"/word/document.xml", PB_OK},
        {"./word/document.xml", PB_OK},
        {"word/../word/document.xml", PB_OK}, /* inside the package: resolved, like a workbook's */
        {"../word/document.xml", PB_ERR_NO_MAIN_PART},
        {"word/../../word/document.xml", PB_ERR_NO_MAIN_PART},
        {"file:///word/document.xml", PB_ERR_NO_MAIN_PART},
        {"word\\document.xml", PB_ERR_NO_MAIN_PART},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char rels[512];
        snprintf(rels, sizeof rels,
                 "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" Type=\"" REL_NS
                 "/officeDocument\" Target=\"%s\"/></Relationships>",
                 cases[i].target);
        char *doc = fx_document_xml("<w:p/>");
        fx_part parts[] = {{"_rels/.rels", rels, 0}, {"word/document.xml", doc, 0}};
        pb_status s = read_parts(parts, 2, "rels.docx", NULL);
        free(doc);
        if (s != cases[i].expect)
            fail_msg("%s: %s, expected %s", cases[i].target, pb_status_code(s), pb_status_code(cases[i].expect));
    }
    /* The same resolver for a workbook's targets, relative to xl/. */
    pb_arena *a = pb_arena_new();
    assert_string_equal(pbi_opc_resolve(a, "xl/workbook.xml", "worksheets/s.xml"), "xl/worksheets/s.xml");
    assert_string_equal(pbi_opc_resolve(a, "xl/workbook.xml", "../xl/s.xml"), "xl/s.xml");
    assert_string_equal(pbi_opc_resolve(a, "xl/workbook.xml", "/s.xml"), "s.xml");
    assert_null(pbi_opc_resolve(a, "xl/workbook.xml", "../../s.xml"));
    assert_null(pbi_opc_resolve(a, "", "../s.xml"));
    pb_arena_free(a);
}

/* ---- the walker, driven by a client's own events (as annotate does) */

typedef struct walk_log {
    char text[2048];
    size_t len;
} walk_log;

static void logf_(walk_log *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    l->len += (size_t)vsnprintf(l->text + l->len, sizeof l->text - l->len, fmt, ap);
    va_end(ap);
}

static bool w_table_start(void *ctx, const pbi_walk_table *t)
{
    logf_(ctx, "T%d(%d,%d,%d)", t->index, t->parent_table, t->parent_row, t->parent_col);
    return true;
}

static bool w_cell_start(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    logf_(ctx, " %d:%d,%d", t->index, r->index, c->col);
    return true;
}

static bool w_cell_end(void *ctx, const pbi_walk_table *t, const pbi_walk_row *r, const pbi_walk_cell *c)
{
    (void)t;
    (void)r;
    logf_(ctx, "+%d%s%s", c->span, c->vmerge == PBI_VMERGE_CONTINUE ? "v" : "", c->merged_left ? "h" : "");
    return true;
}

static bool w_text(void *ctx, int depth, const char *s, size_t n)
{
    logf_(ctx, "[%d:%.*s]", depth, (int)n, s);
    return true;
}

static void ev_start(pbi_walker *w, const char *local, const char *attr, const char *value)
{
    pbi_xml_attr a = {W_NS, attr, value, value ? strlen(value) : 0};
    pbi_xml_ns d = {"w", W_NS};
    assert_true(pbi_walker_start(w, W_NS, local, &a, attr ? 1 : 0, &d, strcmp(local, "document") == 0));
}

static void ev_end(pbi_walker *w, const char *local) { assert_true(pbi_walker_end(w, W_NS, local)); }

static void ev_leaf(pbi_walker *w, const char *local, const char *attr, const char *value)
{
    ev_start(w, local, attr, value);
    ev_end(w, local);
}

static void ev_cell(pbi_walker *w, const char *text, const char *prop, const char *val)
{
    ev_start(w, "tc", NULL, NULL);
    if (prop) {
        ev_start(w, "tcPr", NULL, NULL);
        ev_leaf(w, prop, "val", val);
        ev_end(w, "tcPr");
    }
    ev_start(w, "p", NULL, NULL);
    ev_start(w, "r", NULL, NULL);
    ev_start(w, "t", NULL, NULL);
    assert_true(pbi_walker_text(w, text, strlen(text)));
    ev_end(w, "t");
    ev_end(w, "r");
    ev_end(w, "p");
    ev_end(w, "tc");
}

static void test_walker_events(void **state)
{
    (void)state;
    walk_log log = {0};
    pbi_walker_client c = {.ctx = &log, .table_start = w_table_start, .cell_start = w_cell_start,
                           .cell_end = w_cell_end, .text = w_text};
    pb_limits l;
    pb_limits_default(&l);
    pb_error e = {0};
    pbi_walker *w = pbi_walker_new(&c, &l, &e);
    assert_non_null(w);
    ev_start(w, "document", NULL, NULL);
    ev_start(w, "body", NULL, NULL);
    ev_start(w, "tbl", NULL, NULL);
    ev_start(w, "tr", NULL, NULL); /* gridBefore 1, a cell spanning 2, then one */
    ev_start(w, "trPr", NULL, NULL);
    ev_leaf(w, "gridBefore", "val", "1");
    ev_end(w, "trPr");
    ev_cell(w, "a", "gridSpan", "2");
    ev_cell(w, "b", "vMerge", "restart");
    ev_end(w, "tr");
    ev_start(w, "tr", NULL, NULL); /* a deleted row: its index is reused */
    ev_start(w, "trPr", NULL, NULL);
    ev_leaf(w, "del", NULL, NULL);
    ev_end(w, "trPr");
    ev_cell(w, "gone", NULL, NULL);
    ev_end(w, "tr");
    ev_start(w, "tr", NULL, NULL); /* hMerge widens the cell before; vMerge continues */
    ev_cell(w, "c", NULL, NULL);
    ev_cell(w, "", "hMerge", "continue");
    ev_cell(w, "", "vMerge", NULL);
    ev_end(w, "tr");
    ev_end(w, "tbl");
    ev_end(w, "body");
    ev_end(w, "document");
    assert_int_equal(e.status, PB_OK);
    assert_string_equal(log.text, "T0(-1,-1,-1) 0:0,1[1:a]+2 0:0,3[1:b]+1 0:1,0[1:gone]+1 0:1,0[1:c]+1 0:1,1[1:]+1h"
                                  " 0:1,2[1:]+1v");
    pbi_walker_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_span),           cmocka_unit_test(test_vmerge),
        cmocka_unit_test(test_vmerge_orphan_and_span), cmocka_unit_test(test_grid_before_after),
        cmocka_unit_test(test_nested_table),        cmocka_unit_test(test_paragraphs_and_runs),
        cmocka_unit_test(test_content_controls),    cmocka_unit_test(test_tracked_changes),
        cmocka_unit_test(test_fields),              cmocka_unit_test(test_alternate_content),
        cmocka_unit_test(test_hmerge),              cmocka_unit_test(test_strict_and_rels),
        cmocka_unit_test(test_utf16),               cmocka_unit_test(test_text_box_read_once),
        cmocka_unit_test(test_body_paragraphs_not_in_tables),
        cmocka_unit_test(test_same_codes_docx_and_xlsx),
        cmocka_unit_test(test_scanner_across_chunks),
        cmocka_unit_test(test_scanner_runs),
        cmocka_unit_test(test_depth_in_skipped_subtree),
        cmocka_unit_test(test_sheet_listed_many_times),
        cmocka_unit_test(test_rels_targets),
        cmocka_unit_test(test_walker_events),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
