#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

static bool add_parts(zip_t *za, const fx_part *parts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(za, parts[i].data, len, 0);
        if (!s || zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(s);
            return false;
        }
    }
    return true;
}

bool fx_zip_file(const char *path, const fx_part *parts, size_t n)
{
    int err;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za)
        return false;
    if (!add_parts(za, parts, n)) {
        zip_discard(za);
        return false;
    }
    return zip_close(za) == 0;
}

void *fx_zip_mem(const fx_part *parts, size_t n, size_t *len)
{
    char tmpl[] = "/tmp/pbfxXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return NULL;
    close(fd);
    void *data = NULL;
    if (fx_zip_file(tmpl, parts, n)) {
        FILE *f = fopen(tmpl, "rb");
        if (f) {
            fseek(f, 0, SEEK_END);
            long sz = ftell(f);
            fseek(f, 0, SEEK_SET);
            data = malloc(sz > 0 ? (size_t)sz : 1);
            if (data && fread(data, 1, (size_t)sz, f) != (size_t)sz) {
                free(data);
                data = NULL;
            }
            *len = (size_t)sz;
            fclose(f);
        }
    }
    unlink(tmpl);
    return data;
}

char *fx_document_xml(const char *body)
{
    static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                               "<w:document xmlns:w=\"" W_NS "\" "
                               "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
                               "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
                               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                               "<w:body>";
    static const char tail[] = "</w:body></w:document>";
    size_t n = strlen(head) + strlen(body) + strlen(tail) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", head, body, tail);
    return s;
}

void *fx_docx_mem(const char *body, size_t *len)
{
    char *doc = fx_document_xml(body);
    if (!doc)
        return NULL;
    fx_part parts[] = {{"[Content_Types].xml", content_types, 0},
                       {"_rels/.rels", package_rels, 0},
                       {"word/document.xml", doc, 0}};
    void *z = fx_zip_mem(parts, 3, len);
    free(doc);
    return z;
}

bool fx_docx_file(const char *path, const char *body)
{
    char *doc = fx_document_xml(body);
    if (!doc)
        return false;
    fx_part parts[] = {{"[Content_Types].xml", content_types, 0},
                       {"_rels/.rels", package_rels, 0},
                       {"word/document.xml", doc, 0}};
    bool ok = fx_zip_file(path, parts, 3);
    free(doc);
    return ok;
}

/* ---- the reference layout */

typedef struct sb {
    char *s;
    size_t len, cap;
} sb;

static void put(sb *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void para(sb *b, const char *text)
{
    put(b, "<w:p><w:r><w:t xml:space=\"preserve\">");
    put(b, text);
    put(b, "</w:t></w:r></w:p>");
}

/* The line of text starting at *s into line (cut at cap), *s moved past it:
 * NULL after the last line. */
static const char *next_line(const char **s, char *line, size_t cap)
{
    const char *e = strchr(*s, '\n');
    size_t n = e ? (size_t)(e - *s) : strlen(*s);
    if (n >= cap)
        n = cap - 1;
    memcpy(line, *s, n);
    line[n] = '\0';
    *s = e ? e + 1 : NULL;
    return line;
}

static void cell(sb *b, const char *props, const char *text)
{
    put(b, "<w:tc>");
    if (props && *props) {
        put(b, "<w:tcPr>");
        put(b, props);
        put(b, "</w:tcPr>");
    }
    /* Several lines are several paragraphs, as Word writes them. */
    char line[4096];
    for (const char *s = text ? text : ""; s;)
        para(b, next_line(&s, line, sizeof line));
    put(b, "</w:tc>");
}

/* A cell holding a table of one row per line, and the paragraph Word puts
 * after a table in a cell. */
static void nested_lines(sb *b, const char *props, const char *text)
{
    put(b, "<w:tc><w:tcPr>");
    put(b, props);
    put(b, "</w:tcPr><w:tbl><w:tblPr/>");
    char line[4096];
    for (const char *s = text; s;) {
        put(b, "<w:tr>");
        cell(b, NULL, next_line(&s, line, sizeof line));
        put(b, "</w:tr>");
    }
    put(b, "</w:tbl><w:p/></w:tc>");
}

static const fx_indicator reference_indicators[] = {
    {"产出指标", "数量指标", "工作开展次数", "工作开展次数", "≥6次", "单位年初预算安排"},
    {"", "质量指标", "覆盖率", "覆盖率", "≥95%", "单位年初预算安排"},
    {"", "时效指标", "项目完成时间", "项目完成时间", "≤1年", "单位年初预算安排"},
    {"", "成本指标", "资金成本", "资金成本", "≤242.59万元", "单位年初预算安排"},
    {"效益指标", "经济效益指标", "公共服务水平提升情况", "公共服务水平提升情况", "≥95%", "单位年初预算安排"},
    {"", "社会效益指标", "提供优质服务", "提供优质服务", "≥90%", "单位年初预算安排"},
    {"", "生态效益指标", "生态影响", "生态影响", "≥95%", "单位年初预算安排"},
    {"", "可持续影响指标", "维护社会稳定", "维护社会稳定", "≥95%", "单位年初预算安排"},
    {"满意度指标", "服务对象满意度指标", "社会公众和服务对象满意度", "社会公众和服务对象满意度", "≥95%",
     "单位年初预算安排"},
};

#define OR(a, b) ((a) ? (a) : (b))

static void kv_table(sb *b, const fx_project *p)
{
    static const char *const dlabels[4] = {"3月底", "6月底", "10月底", "12月底"};
    static const char *const dsched[4] = {"", "", "50%", "100%"};
    put(b, "<w:tbl><w:tblPr/><w:tblGrid>");
    for (int i = 0; i < 7; i++)
        put(b, "<w:gridCol w:w=\"1000\"/>");
    put(b, "</w:tblGrid><w:tr>");
    cell(b, SPAN(5), "816001曹妃甸区中山路街道办事处本级");
    cell(b, SPAN(2), OR(p->unit_line, "单位：万元"));
    put(b, "</w:tr><w:tr>");
    cell(b, NULL, "项目编码");
    cell(b, SPAN(2), OR(p->code, "13020925P001470100024"));
    cell(b, NULL, "项目名称");
    cell(b, SPAN(3), OR(p->name, "房屋租赁和物业管理专项经费"));
    put(b, "</w:tr><w:tr>");
    if (p->period) {
        cell(b, NULL, OR(p->period_label, "起止时间"));
        cell(b, SPAN(6), p->period);
        put(b, "</w:tr><w:tr>");
    }
    cell(b, VRESTART, "预算规模及资金用途");
    cell(b, NULL, "预算数");
    cell(b, NULL, OR(p->total, "242.59"));
    cell(b, NULL, "其中：财政    资金");
    cell(b, NULL, OR(p->fiscal, "242.59"));
    cell(b, NULL, "其他资金");
    cell(b, NULL, OR(p->other, " "));
    put(b, "</w:tr><w:tr>");
    cell(b, VCONT, "");
    cell(b, SPAN(6), OR(p->purpose, "支付所辖社区党群服务中心办公场所租赁费、物业服务费；支付街道库房租赁费。"));
    put(b, "</w:tr><w:tr>");
    cell(b, VRESTART, "资金支出计划（%）");
    cell(b, SPAN(2), OR(p->labels[0], dlabels[0]));
    cell(b, NULL, OR(p->labels[1], dlabels[1]));
    cell(b, NULL, OR(p->labels[2], dlabels[2]));
    cell(b, SPAN(2), OR(p->labels[3], dlabels[3]));
    put(b, "</w:tr><w:tr>");
    cell(b, VCONT, "");
    cell(b, SPAN(2), OR(p->sched[0], dsched[0]));
    cell(b, NULL, OR(p->sched[1], dsched[1]));
    cell(b, NULL, OR(p->sched[2], dsched[2]));
    cell(b, SPAN(2), OR(p->sched[3], dsched[3]));
    put(b, "</w:tr><w:tr>");
    cell(b, NULL, "绩效目标");
    const char *goals = OR(p->goals, "1.保证街道下辖社区党群服务中心房租、街道库房房租及时支付\n2.保证街道下辖社区党群服务中心物业费及时支付\n3.保证街道下辖社区办公场所正常办公");
    if (p->goals_nested)
        nested_lines(b, SPAN(6), goals);
    else
        cell(b, SPAN(6), goals);
    put(b, "</w:tr></w:tbl>");
}

static void indicator_table(sb *b, const fx_project *p)
{
    const fx_indicator *inds = p->indicators ? p->indicators : reference_indicators;
    size_t n = p->indicators ? p->indicator_count : sizeof reference_indicators / sizeof *reference_indicators;
    put(b, "<w:tbl><w:tblPr/><w:tr>");
    const char *heads[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"};
    for (int i = 0; i < 6; i++)
        cell(b, NULL, heads[i]);
    put(b, "</w:tr>");
    for (size_t i = 0; i < n; i++) {
        const fx_indicator *ind = &inds[i];
        put(b, "<w:tr>");
        /* 一级 is merged down over the rows of its group, as in the reference. */
        bool starts = ind->l1 && *ind->l1;
        bool cont = !starts && i > 0;
        cell(b, starts ? (i + 1 < n && inds[i + 1].l1 && !*inds[i + 1].l1 ? VRESTART : "") : (cont ? VCONT : ""),
             starts ? ind->l1 : "");
        cell(b, NULL, OR(ind->l2, ""));
        cell(b, NULL, OR(ind->l3, ""));
        cell(b, NULL, OR(ind->desc, ""));
        cell(b, NULL, OR(ind->value, ""));
        cell(b, NULL, OR(ind->basis, ""));
        put(b, "</w:tr>");
    }
    put(b, "</w:tbl>");
}

char *fx_reference_body(const fx_project *projects, size_t n)
{
    sb b = {0};
    put(&b, "");
    para(&b, "第二部分");
    for (size_t i = 0; i < n; i++) {
        const fx_project *p = &projects[i];
        para(&b, OR(p->title, "1.房屋租赁和物业管理专项经费绩效目标表"));
        kv_table(&b, p);
        para(&b, " ");
        indicator_table(&b, p);
        para(&b, " ");
    }
    return b.s;
}

const char *fx_tmp_path(const char *name)
{
    static char dir[64];
    static char path[512];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/pbcheck-test-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

char *fx_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&s, &len);
    if (!m)
        abort();
    if (f) {
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, n, m);
        fclose(f);
    }
    if (fclose(m) != 0)
        abort();
    return s;
}

run_result fx_run(const char *args)
{
    const char *bin = getenv("PBCHECK") ? getenv("PBCHECK") : "./pbcheck";
    char out[512], err[512];
    snprintf(out, sizeof out, "%s", fx_tmp_path("run-stdout"));
    snprintf(err, sizeof err, "%s", fx_tmp_path("run-stderr"));
    size_t n = strlen(bin) + strlen(args) + strlen(out) + strlen(err) + 16;
    char *cmd = malloc(n);
    if (!cmd)
        abort();
    snprintf(cmd, n, "%s %s >%s 2>%s", bin, args, out, err);
    int st = system(cmd);
    free(cmd);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : 128, fx_slurp(out), fx_slurp(err)};
    return r;
}

void fx_run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

bool fx_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* ------------------------------------------------ a clean project */

static const fx_indicator subsidy_rows[] = {
    {"产出指标", "数量指标", "补助发放人数", "当年按月发放补助的楼门长人数", "≥395人", "计划标准：2025年楼门长名册"},
    {"", "质量指标", "补助足额发放率", "足额发放人数占应发放人数的比例", "=100%", "行业标准：楼门长补助发放办法"},
    {"", "时效指标", "补助按月发放及时率", "次月10日前发放的月份占全年月份的比例", "≥95%", "历史标准：2024年发放记录"},
    {"", "成本指标", "人均月补助标准", "每名楼门长每月的补助金额", "≤500元/人·月", "预算支出标准：区补助标准"},
    {"效益指标", "社会效益指标", "楼门长履职率", "每月完成巡查任务的楼门长所占比例", "≥90%", "计划标准：社区工作安排"},
    {"满意度指标", "服务对象满意度指标", "居民满意度", "抽样问卷中满意和基本满意的居民所占比例", "≥85%",
     "历史标准：2024年问卷结果"},
};

bool fx_table_load(fx_table *t, const fx_indicator *rows, size_t n)
{
    if (n > FX_MAX_ROWS)
        return false;
    memcpy(t->rows, rows, n * sizeof *rows);
    t->n = n;
    return true;
}

fx_table fx_clean_table(const char *title, const char *code, const char *name)
{
    fx_table t = {.p = {.title = title,
                        .code = code,
                        .name = name,
                        .total = "237.00",
                        .fiscal = "237.00",
                        .purpose = "用于支付楼门长补贴",
                        .labels = {"3月底", "6月底", "9月底", "12月底"},
                        .sched = {"25%", "50%", "75%", "100%"},
                        .goals = "1.保证楼门长补助按月足额发放\n2.保证社区管理工作正常开展"}};
    fx_table_load(&t, subsidy_rows, sizeof subsidy_rows / sizeof *subsidy_rows);
    return t;
}

fx_table fx_subsidy_table(void)
{
    return fx_clean_table("1.楼门长补助专项经费绩效目标表", "13020925P00146810002A", "楼门长补助专项经费");
}

void fx_drop_row(fx_table *t, size_t i)
{
    if (i >= t->n)
        return;
    memmove(&t->rows[i], &t->rows[i + 1], (t->n - i - 1) * sizeof *t->rows);
    t->n--;
}

bool fx_insert_row(fx_table *t, size_t at, fx_indicator row)
{
    if (t->n >= FX_MAX_ROWS || at > t->n)
        return false;
    memmove(&t->rows[at + 1], &t->rows[at], (t->n - at) * sizeof *t->rows);
    t->rows[at] = row;
    t->n++;
    return true;
}

char *fx_tables_body(fx_table *t, size_t n, const char *before)
{
    fx_project p[FX_MAX_TABLES];
    if (n > FX_MAX_TABLES)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        p[i] = t[i].p;
        p[i].indicators = t[i].rows;
        p[i].indicator_count = t[i].n;
    }
    char *tables = fx_reference_body(p, n);
    if (!tables || !before)
        return tables;
    size_t len = strlen(before) + strlen(tables) + 1;
    char *body = malloc(len);
    if (body)
        snprintf(body, len, "%s%s", before, tables);
    free(tables);
    return body;
}
