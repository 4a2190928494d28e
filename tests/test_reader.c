/* The WordprocessingML reader: the grid, merges, nesting and text as a
 * reader sees it, each on a small fixture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "read/read.h"
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
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
