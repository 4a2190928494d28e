/* Writes the fuzzers' seed corpora from the test fixtures: project tables in
 * the reference layout with fields varied to hit each rule, the reader edge
 * cases of test_reader.c, and every layout of fixture_layouts.c as .docx and
 * .xlsx.  `make_seeds DOCX_DIR XML_DIR` writes each fixture.c seed twice: as
 * a .docx (for fuzz_docx) and as the bare document.xml (for fuzz_xml); the
 * layouts go to DOCX_DIR only (the make target unpacks their document.xml).
 * The make target adds data/reference.docx, the Word samples and the small
 * generated hostile files. */
#include "fixture.h"
#include "fixture_layouts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reader_bodies[] = {
    TBL(TR(TCP(SPAN(2), "a") TC("b")) TR(TC("c") TC("d") TC("e"))),
    TBL(TR(TCP(VRESTART, "top") TC("x")) TR(TCP("<w:vMerge w:val=\"continue\"/>", "") TC("y"))
            TR(TCP(VCONT, "") TC("z")) TR(TC("after") TC("w"))),
    TBL(TR(TCP(VCONT, "orphan") TCP(VRESTART SPAN(2), "wide")) TR(TC("a") TCP(VCONT, "narrow") TC("c"))),
    TBL(TRP("<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"2\"/>", TC("b")) TR(TC("a") TC("b2") TC("c") TC("d"))),
    TBL(TR(TC("left") "<w:tc>" P("before") TBL(TR(TC("inner"))) P("after") "</w:tc>")),
    TBL(TR("<w:tc><w:p><w:r><w:t>≥9</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>5%</w:t></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p></w:tc>")),
    "<w:sdt><w:sdtPr><w:alias w:val=\"tbl\"/></w:sdtPr><w:sdtContent>"
    "<w:tbl><w:sdt><w:sdtPr/><w:sdtContent>" TR(TC("r1")) "</w:sdtContent></w:sdt>"
    "<w:tr><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>" TC("c1") "</w:sdtContent></w:sdt>"
    "<w:tc><w:p><w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>+tag</w:t></w:r></w:smartTag>"
    "<w:hyperlink r:id=\"rId9\"><w:r><w:t>+link</w:t></w:r></w:hyperlink></w:p></w:tc></w:tr>"
    "</w:tbl></w:sdtContent></w:sdt>",
    TBL(TR("<w:tc><w:p><w:r><w:t>keep</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>gone</w:delText>"
           "</w:r></w:del><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>+new</w:t></w:r></w:ins></w:p></w:tc>")
            "<w:tr><w:trPr><w:del w:id=\"5\" w:author=\"a\"/></w:trPr>" TC("deleted row") "</w:tr>"),
    TBL(TR("<w:tc><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:tc>")),
    TBL(TR("<w:tc><w:p><mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>choice</w:t></w:r></mc:Choice>"
           "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:tc>")),
    TBL(TR(TCP("<w:hMerge w:val=\"restart\"/>", "ab") TCP("<w:hMerge/>", "") TC("c"))),
    TBL(TRP("<w:tblHeader/>", TC("项目编码") TC("预算数")) TR(TC("1") TC("2"))),
    P("分项绩效目标") P("（一）街道专项工作经费") P("三、其他") P("单位：元"),
};

static const fx_indicator odd_indicators[] = {
    {"产出指标", "成本指标", "资金成本", "资金成本", "≥300万元", "预算"},
    {"", "质量指标", "合格率", "合格率", "≤120%", "标准"},
    {"", "时效指标", "完成时间", "完成时间", "≥2024年12月", ""},
    {"效益指标", "社会效益指标", "满意度", "满意度", "", ""},
    {"满意度指标", "服务对象满意度指标", "满意度", "满意度", "大于等于９５％", "调查"},
    {"", "", "", "", "较好", ""},
};

static const fx_project projects[] = {
    {.sched = {"25%", "50%", "75%", "100%"}},
    {.sched = {"25%", "", "20%", "90%"}, .total = "100", .fiscal = "60", .other = "30"},
    {.sched = {"abc", "150%", "-5", "１００％"}, .total = "1,234.50", .fiscal = "１２００．５", .other = "34"},
    {.unit_line = "单位：元", .total = "2,425,900元", .fiscal = "242.59万", .other = "0"},
    {.unit_line = "单位：亿元", .total = "x", .indicators = odd_indicators,
     .indicator_count = sizeof odd_indicators / sizeof *odd_indicators},
    {.labels = {"一季度", "二季度", "三季度", "四季度"}, .goals = "1.a\n2.b\n3.c"},
};

static bool write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static bool write_seed(const char *docx_dir, const char *xml_dir, const char *name, const char *body)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.docx", docx_dir, name);
    if (!fx_docx_file(path, body))
        return false;
    char *xml = fx_document_xml(body);
    snprintf(path, sizeof path, "%s/%s.xml", xml_dir, name);
    bool ok = xml && write_bytes(path, xml, strlen(xml));
    free(xml);
    return ok;
}

/* Every layout, one project, in every format: .xlsx seeds are the only way
 * in to the workbook reader. */
static int write_layouts(const char *docx_dir)
{
    static const fl_format formats[] = {FL_DOCX, FL_XLSX, FL_XLSX_INLINE};
    static const char *const suffix[] = {"docx", "xlsx", "inline.xlsx"};
    int failed = 0;
    for (int l = 0; l < FL_LAYOUT_COUNT; l++) {
        fl_doc d = {0};
        fl_layout_doc(&d, (fl_layout)l, &fl_clean, 1, false);
        for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
            size_t len = 0;
            void *z = fl_write(&d, formats[f], &len);
            char path[1024];
            snprintf(path, sizeof path, "%s/layout-%s.%s", docx_dir, fl_layout_name((fl_layout)l), suffix[f]);
            failed += !z || !write_bytes(path, z, len);
            free(z);
        }
        fl_doc_free(&d);
    }
    return failed;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s DOCX_DIR XML_DIR\n", argv[0]);
        return 2;
    }
    int failed = 0;
    char name[64];
    for (size_t i = 0; i < sizeof reader_bodies / sizeof *reader_bodies; i++) {
        snprintf(name, sizeof name, "reader-%02zu", i);
        failed += !write_seed(argv[1], argv[2], name, reader_bodies[i]);
    }
    for (size_t i = 0; i < sizeof projects / sizeof *projects; i++) {
        char *body = fx_reference_body(&projects[i], 1);
        snprintf(name, sizeof name, "project-%02zu", i);
        failed += !body || !write_seed(argv[1], argv[2], name, body);
        free(body);
    }
    char *two = fx_reference_body(projects, 2);
    failed += !two || !write_seed(argv[1], argv[2], "projects-two", two);
    free(two);
    failed += write_layouts(argv[1]);
    if (failed)
        fprintf(stderr, "make_seeds: %d seed(s) not written\n", failed);
    return failed ? 1 : 0;
}
