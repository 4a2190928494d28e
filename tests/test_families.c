/* The template families of other provinces (issue 14), each on a small
 * fixture: how the lexicon recognises a table, list exports, amounts inside
 * texts, the year's and the whole project's parts kept apart, 部门整体
 * tables, template remnants, per-quarter schedules and value columns.  The
 * shared real filings themselves are read by test_filings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "model/model.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const char *dec(pb_decimal d)
{
    static char buf[PB_DECIMAL_BUFSIZE];
    return pb_decimal_format(d, buf);
}

/* pb_table_recognize: the family from the lexicon's labels, what is missing,
 * and a label met only inside a longer cell text. */
static void test_recognize_table(void **state)
{
    (void)state;
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    static const char body[] =
        TBL(TR(TC("项目编码") TC("P1") TC("项目名称") TC("某专项经费"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值")))
        P("x")
        TBL(TR(TC("请在此填写项目名称") TC("说明"))
            TR(TC("一级指标") TC("二级指标") TC("说明") TC("备注")))
        P("y")
        TBL(TR(TC("项目名称：某专项") TC("说明"))
            TR(TC("一级指标") TC("二级指标") TC("说明") TC("备注")));
    size_t len;
    void *mem = fx_docx_mem(body, &len);
    pb_document *d = pb_read_memory(mem, len, "r.docx", &o);
    free(mem);
    assert_int_equal(d->table_count, 3);
    pb_recognition r;
    pb_table_recognize(d->tables[0], &r);
    assert_string_equal(r.family, "yitihua");
    assert_true(r.found_count >= 6);
    /* the 一体化 family has a budget, a schedule and goals */
    assert_int_equal(r.missing_count, 3);
    assert_string_equal(r.missing[0], "预算数");
    pb_table_recognize(d->tables[1], &r);
    assert_null(r.family);
    assert_int_equal(r.missing_count, 3);
    assert_string_equal(r.missing[0], "项目编码");
    assert_false(r.inside[0]);
    assert_string_equal(r.missing[1], "项目名称");
    assert_true(r.inside[1]);
    assert_string_equal(r.missing[2], "指标值");
    /* a label with its value in one cell is found, as the extractor reads it */
    pb_table_recognize(d->tables[2], &r);
    assert_int_equal(r.missing_count, 2);
    assert_string_equal(r.missing[0], "项目编码");
    assert_string_equal(r.missing[1], "指标值");
    pb_document_free(d);
}

/* `pbcheck tables` reads numbered labels and 单位整体 tables as the
 * extractor does: «1.项目名称» is found, «年度目标 | 1.年度目标» only once and
 * «二、中期目标» alone across a row not at all; 单位名称 without 项目名称 is a
 * department's table, reported by the label written. */
static void test_recognize_numbered_and_unit(void **state)
{
    (void)state;
    pb_options o;
    pb_options_default(&o);
    o.keep_tables = true;
    static const char body[] =
        TBL(TR(TC("1.项目名称") TC("某专项"))
            TR(TC("二、主管部门") TC("某局"))
            TR(TC("二、中期目标"))
            TR(TC("年度目标") TC("1.长期目标"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值")))
        P("x")
        TBL(TR(TC("单位编码") TC("101") TC("单位名称") TC("某馆"))
            TR(TC("年度绩效目标") TC("保障运转"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值")));
    size_t len;
    void *mem = fx_docx_mem(body, &len);
    pb_document *d = pb_read_memory(mem, len, "r.docx", &o);
    free(mem);
    assert_int_equal(d->table_count, 2);
    pb_recognition r;
    pb_table_recognize(d->tables[0], &r);
    assert_string_equal(r.family, "declaration");
    for (size_t i = 0; i < r.found_count; i++)
        assert_string_not_equal(r.found[i], "中期目标");
    pb_table_recognize(d->tables[1], &r);
    assert_string_equal(r.family, "department");
    bool unit = false;
    for (size_t i = 0; i < r.found_count; i++) {
        assert_string_not_equal(r.found[i], "部门名称");
        unit |= strcmp(r.found[i], "单位名称") == 0;
    }
    assert_true(unit);
    assert_int_equal(d->department_count, 1);
    assert_string_equal(d->departments[0]->name.text, "某馆");
    pb_document_free(d);
}

/* ---- issue 14: the layouts of other provinces, each on a small table */

static pb_document *read_body(const char *body)
{
    size_t len;
    void *mem = fx_docx_mem(body, &len);
    assert_non_null(mem);
    pb_document *d = pb_read_memory(mem, len, "layout.docx", NULL);
    free(mem);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_OK);
    return d;
}

#define IND_HEAD TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值"))
#define IND_ROW(a, b, c, v) TR(TC(a) TC(b) TC(c) TC(v))

/* One row per indicator, the project's cells merged down its rows; the
 * unit's subtotal line is no project. */
static void test_list_export(void **state)
{
    (void)state;
    pb_document *d = read_body(
        P("金额单位：元")
        TBL(TR(TC("单位名称") TC("项目名称") TC("预算数") TC("年度目标") TC("一级指标") TC("二级指标") TC("三级指标")
               TC("指标值"))
            TR(TC("820-某镇部门") TC("") TC("8,827,620.53") TC("") TC("") TC("") TC("") TC(""))
            TR(TCP(VRESTART, "820001-某镇人民政府") TCP(VRESTART, "村组干部报酬") TCP(VRESTART, "3,309,840.00")
               TCP(VRESTART, "按时发放报酬") TC("产出指标") TC("数量指标") TC("村组干部人数") TC("≥230人"))
            TR(TCP(VCONT, "") TCP(VCONT, "") TCP(VCONT, "") TCP(VCONT, "") TC("满意度指标") TC("服务对象满意度指标")
               TC("群众满意度") TC("≥95%"))
            TR(TCP(VCONT, "") TC("基层组织活动经费") TC("660,000.00") TC("保障村社区运转") TC("产出指标")
               TC("质量指标") TC("村社区正常运转") TC("100%"))));
    assert_int_equal(d->project_count, 2);
    const pb_project *a = d->projects[0], *b = d->projects[1];
    assert_string_equal(a->name.text, "村组干部报酬");
    assert_string_equal(dec(a->total.value), "3309840.00");
    assert_int_equal(a->unit, PB_UNIT_YUAN);
    assert_int_equal(a->indicator_count, 2);
    assert_string_equal(a->goals[0], "按时发放报酬");
    assert_string_equal(b->name.text, "基层组织活动经费");
    assert_string_equal(dec(b->total.value), "660000.00");
    assert_int_equal(b->unit, PB_UNIT_YUAN);
    assert_int_equal(b->indicator_count, 1);
    assert_string_equal(a->template_family->id, "list");
    pb_document_free(d);
}

/* «年度资金总额:16 其中 :上级资金16» and «总额…万元 / 财政拨款:…(其中:…)»:
 * the amounts inside the text, a detail in parentheses not counted twice. */
static void test_amounts_in_text(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("甲"))
            TR(TC("资金情况(万元)") TC("年度资金总额:16 其中 :上级资金16"))
            IND_HEAD IND_ROW("产出指标", "数量指标", "改造学校", "3所"))
        P("x")
        TBL(TR(TC("项目名称") TC("乙"))
            TR(TCP(VRESTART, "资金总额及构成") TC("总额10606.7522万元"))
            TR(TCP(VCONT, "") TC("财政拨款:6923.3552万元(其中:上级财政资金:6923.3552万元;本级财政:0万元)"))
            TR(TCP(VCONT, "") TC("三、其他:3683.3970万元"))
            IND_HEAD IND_ROW("产出指标", "数量指标", "改造道路", "3条")));
    assert_int_equal(d->project_count, 2);
    const pb_project *a = d->projects[0], *b = d->projects[1];
    assert_int_equal(a->unit, PB_UNIT_WANYUAN);
    assert_string_equal(dec(a->total.value), "16");
    assert_string_equal(dec(a->fiscal.value), "16");
    assert_string_equal(dec(b->total.value), "10606.7522");
    assert_string_equal(dec(b->fiscal.value), "6923.3552");
    assert_string_equal(dec(b->other.value), "3683.3970");
    pb_document_free(d);
}

/* 资金总额 beside 当年资金总额, 中期目标 | 年度目标 above their texts, and
 * paired (长期) / (年度) column groups: the year's and the whole project's
 * kept apart. */
static void test_year_and_long_term(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("丙") TC("") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元"))
            TR(TC("其中:财政拨款") TC("300万元") TC("其中:当年财政拨款") TC("100万元"))
            TR(TC("总体目标") TC("中期目标") TC("年度目标") TC(""))
            TR(TC("") TC("三年建成") TC("今年完成一期") TC(""))
            TR(TC("一级指标") TC("二级指标(长期)") TC("三级指标(长期)") TC("指标值(长期)") TC("二级指标(年度)")
               TC("三级指标(年度)") TC("指标值(年度)"))
            TR(TC("产出指标") TC("数量指标") TC("建成校舍") TC("3栋") TC("数量指标") TC("建成一期") TC("1栋"))
            TR(TC("效益指标") TC("社会效益指标") TC("") TC("") TC("社会效益指标") TC("学位增加") TC("≥200个"))));
    assert_int_equal(d->project_count, 1);
    const pb_project *p = d->projects[0];
    assert_string_equal(dec(p->total.value), "100");
    assert_string_equal(dec(p->fiscal.value), "100");
    assert_string_equal(dec(p->long_total.value), "300");
    assert_string_equal(dec(p->long_fiscal.value), "300");
    assert_string_equal(p->goals[0], "今年完成一期");
    assert_string_equal(p->long_goals[0], "三年建成");
    /* the long block's empty 社会效益 row is a remnant, not an indicator */
    assert_int_equal(p->indicator_count, 3);
    assert_int_equal(p->indicators[0].term, PB_TERM_ANNUAL);
    assert_string_equal(p->indicators[0].level3.text, "建成一期");
    assert_int_equal(p->indicators[1].term, PB_TERM_LONG);
    assert_string_equal(p->indicators[1].level3.text, "建成校舍");
    assert_int_equal(p->indicators[2].term, PB_TERM_ANNUAL);
    assert_string_equal(p->template_family->id, "midterm");
    pb_document_free(d);
}

/* 部门名称 / 部门编码: a department, not a project; no PB401. */
static void test_department_table(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("部门整体绩效目标"))
            TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
            TR(TC("*年度绩效总目标") TC("保障运转"))
            IND_HEAD IND_ROW("产出指标", "数量指标", "保障职工人数(人)", "=116人")));
    assert_int_equal(d->project_count, 0);
    assert_int_equal(d->department_count, 1);
    assert_string_equal(d->departments[0]->name.text, "某县林业局");
    assert_string_equal(d->departments[0]->goals[0], "保障运转");
    assert_int_equal(d->departments[0]->indicator_count, 1);
    /* its own family (JSON "template": "department", export's 表样), not the 一体化 project table's */
    assert_non_null(d->departments[0]->template_family);
    assert_string_equal(d->departments[0]->template_family->id, "department");
    assert_string_equal(d->departments[0]->template_family->name, "部门整体绩效目标表");
    assert_true(pb_check(d, NULL));
    for (size_t i = 0; i < d->finding_count; i++)
        assert_true(strncmp(d->findings[i].rule->id, "PB40", 4) != 0);
    pb_document_free(d);
}

/* 「…」 rows, bare numbers and 二级 rows with nothing beside them are the
 * template's, not indicators. */
static void test_template_remnants(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("丁"))
            IND_HEAD IND_ROW("产出指标", "数量指标", "培训人数", "≥30人") IND_ROW("", "质量指标", "", "")
            IND_ROW("", "", "…", "") IND_ROW("", "", "2", "")));
    assert_int_equal(d->project_count, 1);
    assert_int_equal(d->projects[0]->indicator_count, 1);
    pb_document_free(d);
}


/* 一季度 … 四季度 shares adding up to 100 are read as running sums, so the
 * schedule rules see a cumulative plan. */
static void test_quarter_schedule(void **state)
{
    (void)state;
    fx_project p = {.labels = {"一季度", "二季度", "三季度", "四季度"}, .sched = {"10", "20", "30", "40"}};
    char *body = fx_reference_body(&p, 1);
    pb_document *d = read_body(body);
    free(body);
    assert_int_equal(d->project_count, 1);
    const pb_schedule *s = &d->projects[0]->schedule;
    assert_int_equal(s->count, 4);
    static const char *const want[] = {"10", "30", "60", "100"};
    for (int i = 0; i < 4; i++)
        assert_string_equal(dec(s->items[i].percent), want[i]);
    assert_string_equal(s->items[1].raw, "20");
    assert_true(pb_check(d, NULL));
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB103") == 0 || strcmp(d->findings[i].rule->id, "PB104") == 0)
            fail_msg("%s %s", d->findings[i].rule->id, d->findings[i].message); /* not cumulative / not 100 */
    pb_document_free(d);
    /* cumulative quarters stay as written */
    p.sched[0] = "25", p.sched[1] = "50", p.sched[2] = "75", p.sched[3] = "100";
    body = fx_reference_body(&p, 1);
    d = read_body(body);
    free(body);
    assert_string_equal(dec(d->projects[0]->schedule.items[1].percent), "50");
    pb_document_free(d);
}


/* 计算符号 and 指标方向 both kept, a 「-」 unit read as none, and graded
 * 评价标准 (优 良 中 差) kept as grades with 优 as the value. */
static void test_value_columns(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("戊") TC("") TC("") TC("") TC(""))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("计算符号") TC("指标值") TC("度量单位") TC("指标方向"))
            TR(TC("产出指标") TC("数量指标") TC("培训人数") TC("≥") TC("30") TC("-") TC("正向")))
        P("x")
        TBL(TR(TC("项目名称") TC("己"))
            TR(TCP(VRESTART, "绩效指标分类") TCP(VRESTART, "绩效指标") TCP(SPAN(4), "绩效指标评价标准"))
            TR(TCP(VCONT, "") TCP(VCONT, "") TC("优") TC("良") TC("中") TC("差"))
            TR(TC("产出指标") TC("救助覆盖率") TC("100%") TC("90%") TC("85%") TC("80%"))));
    assert_int_equal(d->project_count, 2);
    const pb_indicator *a = &d->projects[0]->indicators[0];
    assert_string_equal(a->comparator.text, "≥");
    assert_string_equal(a->direction.text, "正向");
    assert_int_equal(a->value.op, PB_OP_GE);
    assert_string_equal(a->value.unit, "");
    assert_null(a->grades[0].text);
    assert_int_equal(d->projects[1]->indicator_count, 1);
    const pb_indicator *b = &d->projects[1]->indicators[0];
    assert_string_equal(b->level1.text, "产出指标");
    assert_string_equal(b->level3.text, "救助覆盖率");
    assert_string_equal(b->value_cell.text, "100%");
    assert_string_equal(b->grades[1].text, "90%");
    assert_string_equal(b->grades[3].text, "80%");
    pb_document_free(d);
}


/* PB326: neighbouring grades with the same figure (he_handan_2019's 中 =
 * 差) are one finding per table; distinct grades, or a lowest grade
 * written as a bound, are none. */
static size_t grade_findings(const char *mid, const char *low, const pb_finding **f)
{
    char body[4096];
    snprintf(body, sizeof body, "%s",
             TBL(TR(TC("项目名称") TC("己"))
                 TR(TCP(VRESTART, "绩效指标分类") TCP(VRESTART, "绩效指标") TCP(SPAN(4), "绩效指标评价标准"))
                 TR(TCP(VCONT, "") TCP(VCONT, "") TC("优") TC("良") TC("中") TC("差"))
                 TR(TC("产出指标") TC("救助覆盖率") TC("100%") TC("90%") TC("@M") TC("@L"))
                 TR(TC("效果指标") TC("救助对象满意度") TC("90%") TC("85%") TC("@M") TC("@L"))));
    /* the two rows' 中 and 差 */
    char out[4096];
    size_t o = 0;
    for (const char *c = body; *c && o + 64 < sizeof out;) {
        if (c[0] == '@' && (c[1] == 'M' || c[1] == 'L')) {
            const char *v = c[1] == 'M' ? mid : low;
            memcpy(out + o, v, strlen(v));
            o += strlen(v);
            c += 2;
        } else
            out[o++] = *c++;
    }
    out[o] = '\0';
    pb_document *d = read_body(out);
    assert_true(pb_check(d, NULL));
    size_t n = 0;
    static pb_finding keep;
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB326") == 0) {
            n++;
            keep = d->findings[i];
            keep.message = NULL;
            if (strstr(d->findings[i].message, "2 indicator(s)") == NULL && n == 1 && strcmp(mid, low) == 0)
                fail_msg("PB326 does not count both rows: %s", d->findings[i].message);
        }
    if (f)
        *f = &keep;
    pb_document_free(d);
    return n;
}

static void test_grades_overlap(void **state)
{
    (void)state;
    const pb_finding *f;
    assert_int_equal(grade_findings("80%", "80%", &f), 1);
    /* at the 差 cell of the first row: table 0, row 3, grid column 5 */
    assert_int_equal(f->loc.row, 3);
    assert_int_equal(f->loc.col, 5);
    assert_int_equal(grade_findings("80%", "70%", NULL), 0);
    assert_int_equal(grade_findings("80%", "&lt;80%", NULL), 0); /* 「<80%」 in the XML */
    assert_int_equal(grade_findings("80%", "80%以下", NULL), 0);
}

/* 财政拨款 with no 资金总额 and no other part: the total and the fiscal part. */
static void test_fiscal_only_amount(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("庚")) TR(TC("财政拨款(万元)") TC("50"))
            IND_HEAD IND_ROW("产出指标", "数量指标", "培训人数", "≥30人")));
    assert_int_equal(d->project_count, 1);
    const pb_project *p = d->projects[0];
    assert_true(p->total.present);
    assert_string_equal(dec(p->total.value), "50");
    assert_string_equal(dec(p->fiscal.value), "50");
    assert_false(p->other.present);
    pb_document_free(d);
}


static size_t findings_of(const pb_document *d, const char *id, pb_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->finding_count; i++)
        n += strcmp(d->findings[i].rule->id, id) == 0 && d->findings[i].severity == sev;
    return n;
}

/* PB402 asks only for what the family has: a 申报表 has no 项目编码 or
 * 资金支出计划; an indicator table under no known header is still checked,
 * what it lacks reported as info; 满意度 under 效益 is no PB404. */
static void test_completeness_by_family(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("辛") TC("项目属性") TC("延续"))
            TR(TC("资金总额") TC("10") TC("") TC(""))
            TR(TC("年度目标") TC("完成") TC("") TC(""))
            IND_HEAD IND_ROW("产出指标", "数量指标", "培训人数", "≥30人")
            IND_ROW("效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%")));
    assert_true(pb_check(d, NULL));
    assert_string_equal(d->projects[0]->template_family->id, "declaration");
    assert_int_equal(findings_of(d, "PB402", PB_SEV_ERROR), 0);
    assert_int_equal(findings_of(d, "PB404", PB_SEV_ERROR), 0);
    pb_document_free(d);
    d = read_body(TBL(IND_HEAD IND_ROW("产出指标", "数量指标", "培训人数", "≥30人")));
    assert_true(pb_check(d, NULL));
    assert_string_equal(d->projects[0]->template_family->id, "indicators");
    assert_int_equal(findings_of(d, "PB402", PB_SEV_ERROR), 0);
    /* The fields missing at one place are one finding (the check branch's
     * grouping, issue 15 "one problem, one finding") that names them all. */
    assert_int_equal(findings_of(d, "PB402", PB_SEV_INFO), 1);
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB402") == 0) {
            assert_non_null(strstr(d->findings[i].message, "项目编码"));
            assert_non_null(strstr(d->findings[i].message, "项目名称"));
            assert_non_null(strstr(d->findings[i].message, "预算数"));
            assert_non_null(strstr(d->findings[i].message, "绩效目标"));
        }
    pb_document_free(d);
}

/* JSON: each indicator's recognised category beside the printed 一级/二级/三级
 * (point 8), for projects and 部门整体 tables alike; 满意度 under 效益指标 and
 * 成本指标 as a 一级 (财预〔2021〕101号) are named by what they are. */
static void test_json_category(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("辛") TC("项目属性") TC("延续"))
            TR(TC("资金总额") TC("10") TC("") TC(""))
            TR(TC("年度目标") TC("完成") TC("") TC(""))
            IND_HEAD IND_ROW("产出指标", "数量指标", "培训人数", "≥30人")
            IND_ROW("效益指标", "社会效益指标", "就业带动", "有所提升")
            IND_ROW("效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥90%")
            IND_ROW("成本指标", "生态环境成本指标", "植被破坏", "无")
            IND_ROW("满意度指标", "满意度指标", "受益群众满意度", "≥85%"))
        P("x")
        TBL(TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
            TR(TC("*年度绩效总目标") TC("保障运转"))
            IND_HEAD IND_ROW("产出指标", "质量指标", "工资发放准确性(%)", "≥95%")));
    char *json = pb_report_json_file(d);
    assert_non_null(json);
    cJSON *o = cJSON_Parse(json);
    assert_non_null(o);
    const cJSON *ind = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(o, "projects"), 0), "indicators");
    static const char *const want[] = {"产出/数量", "效益/社会效益", "满意度/服务对象满意度", "成本/生态环境成本",
                                       "满意度/服务对象满意度"};
    assert_int_equal(cJSON_GetArraySize(ind), 5);
    for (int i = 0; i < 5; i++)
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(ind, i), "category")),
                            want[i]);
    /* the printed texts are kept as they are beside it */
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(ind, 2), "level2")),
                        "社会公众或服务对象满意度指标");
    const cJSON *dep = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "departments"), 0);
    const cJSON *dind = cJSON_GetArrayItem(cJSON_GetObjectItem(dep, "indicators"), 0);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(dind, "category")), "产出/质量");
    cJSON_Delete(o);
    free(json);
    pb_document_free(d);
    /* two-level tables: the 一级 alone, or inferred from a 满意度 三级; nothing
     * recognised is null */
    char buf[PBI_CATEGORY_MAX];
    pb_indicator two = {.level1 = {"产出指标", PB_NOLOC}, .level3 = {"救助覆盖率", PB_NOLOC}};
    assert_string_equal(pbi_indicator_category(&two, buf, sizeof buf), "产出");
    two.level1.text = "效果指标";
    two.level3.text = "救助对象满意度(%)";
    assert_string_equal(pbi_indicator_category(&two, buf, sizeof buf), "满意度/服务对象满意度");
    pb_indicator none = {.level1 = {"其他", PB_NOLOC}, .level3 = {"某事项", PB_NOLOC}};
    assert_null(pbi_indicator_category(&none, buf, sizeof buf));
    pb_indicator inferred = {.level2 = {"时效指标", PB_NOLOC}};
    assert_string_equal(pbi_indicator_category(&inferred, buf, sizeof buf), "产出/时效");
}

/* PB323: a template placeholder left in a name or value is one warning per
 * project; the other rules read the cells without it («XX个» is no PB319),
 * and the model keeps the texts as printed. */
static void test_template_placeholder(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("物业管理") TC("项目属性") TC("延续"))
            TR(TC("资金总额") TC("10") TC("") TC(""))
            TR(TC("年度目标") TC("目标1:维护小区环境") TC("") TC(""))
            IND_HEAD IND_ROW("产出指标", "数量指标", "指标1:管理小区数(≥**个)", "XX个")
            IND_ROW("产出指标", "质量指标", "指标1:验收合格率", "**%")
            IND_ROW("产出指标", "时效指标", "指标1:完成时间", "12月31日前")
            IND_ROW("产出指标", "成本指标", "指标1:项目总成本(≤**万元)", "≤10万元")
            IND_ROW("效益指标", "社会效益指标", "指标1:XX宣传活动", "≥3次")
            IND_ROW("满意度指标", "服务对象满意度指标", "指标1:小区居民满意度（≥＊＊%）", "≥90%")));
    assert_true(pb_check(d, NULL));
    assert_int_equal(findings_of(d, "PB323", PB_SEV_WARNING), 1);
    assert_int_equal(findings_of(d, "PB302", PB_SEV_WARNING), 0);
    assert_int_equal(findings_of(d, "PB301", PB_SEV_ERROR), 0);
    assert_int_equal(findings_of(d, "PB319", PB_SEV_WARNING), 0); /* 「XX个」 is no qualitative 数量指标 */
    for (size_t i = 0; i < d->finding_count; i++) {
        assert_ptr_equal(d->findings[i].project, d->projects[0]);
        if (strcmp(d->findings[i].rule->id, "PB323") == 0) {
            assert_non_null(strstr(d->findings[i].message, "6"));
            assert_non_null(strstr(d->findings[i].message, "(≥**个)"));
            assert_int_equal(d->findings[i].loc.row, 4);
        }
    }
    /* as printed in the model */
    assert_string_equal(d->projects[0]->indicators[5].level3.text, "指标1:小区居民满意度（≥＊＊%）");
    pb_document_free(d);
    /* not placeholders: a required field's 「*」, a product, X in a Latin word or alone */
    d = read_body(
        TBL(TR(TC("*项目名称") TC("X射线设备购置") TC("项目属性") TC("延续"))
            TR(TC("资金总额") TC("10") TC("") TC(""))
            TR(TC("年度目标") TC("购置XXL号防护服") TC("") TC(""))
            IND_HEAD IND_ROW("产出指标", "数量指标", "购置设备(3×4米机房)", "=1台")));
    assert_true(pb_check(d, NULL));
    assert_int_equal(findings_of(d, "PB323", PB_SEV_WARNING), 0);
    pb_document_free(d);
}

/* 部门整体 tables: the indicator rules check their indicators (PB303, PB304),
 * the completeness rules never; reporters name them as departments. */
static void test_department_indicator_rules(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("部门编码:") TC("316") TC("部门名称:") TC("某县林业局"))
            TR(TC("*年度绩效总目标") TC("保障运转"))
            IND_HEAD IND_ROW("产出指标", "质量指标", "森林覆盖率", "120%")
            IND_ROW("满意度指标", "服务对象满意度指标", "群众满意度", "≤90%")));
    assert_int_equal(d->department_count, 1);
    assert_true(pb_check(d, NULL));
    assert_int_equal(findings_of(d, "PB303", PB_SEV_ERROR), 1);
    assert_int_equal(findings_of(d, "PB304", PB_SEV_ERROR), 1);
    for (size_t i = 0; i < d->finding_count; i++) {
        assert_true(strncmp(d->findings[i].rule->id, "PB40", 4) != 0);
        assert_ptr_equal(d->findings[i].project, d->departments[0]);
    }
    char *json = pb_report_json_file(d);
    cJSON *o = cJSON_Parse(json);
    const cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(o, "findings"), 0);
    assert_int_equal(cJSON_GetNumberValue(cJSON_GetObjectItem(f, "department_number")), 1);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(f, "project_number")));
    cJSON_Delete(o);
    free(json);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    pb_report_text_file(out, d, NULL);
    fclose(out);
    assert_non_null(strstr(buf, "某县林业局"));
    assert_non_null(strstr(buf, "PB303"));
    free(buf);
    pb_document_free(d);
}

/* The rules that compare with the year's budget or the year read the annual
 * block only (PB202, PB204, PB309): a 中期 cost above the year's budget and a
 * three-year 中期 time limit are right; an empty 中期 column group is no error. */
static void test_rules_read_the_year(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("丁") TC("") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元"))
            TR(TC("其中:财政拨款") TC("300万元") TC("其中:当年财政拨款") TC("100万元"))
            TR(TC("总体目标") TC("中期目标") TC("年度目标") TC(""))
            TR(TC("") TC("三年建成") TC("今年完成一期") TC(""))
            TR(TC("一级指标") TC("二级指标(长期)") TC("三级指标(长期)") TC("指标值(长期)") TC("二级指标(年度)")
               TC("三级指标(年度)") TC("指标值(年度)"))
            TR(TC("产出指标") TC("成本指标") TC("建设总成本") TC("≤300万元") TC("成本指标") TC("一期建设成本")
               TC("≤90万元"))
            TR(TC("产出指标") TC("时效指标") TC("项目建设周期") TC("≤3年") TC("时效指标") TC("一期完工时间")
               TC("≤1年"))
            TR(TC("效益指标") TC("社会效益指标") TC("新增学位") TC("≥600个") TC("社会效益指标") TC("新增学位")
               TC("≥200个"))
            TR(TC("满意度指标") TC("服务对象满意度指标") TC("家长满意度") TC("≥90%") TC("服务对象满意度指标")
               TC("家长满意度") TC("≥90%"))));
    assert_true(pb_check(d, NULL));
    assert_int_equal(findings_of(d, "PB202", PB_SEV_ERROR), 0);
    assert_int_equal(findings_of(d, "PB309", PB_SEV_WARNING), 1);
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB309") == 0)
            assert_int_equal(d->findings[i].loc.col, 6); /* the year's 「≤1年」, not the 中期 「≤3年」 */
    pb_document_free(d);
    /* an empty (长期) column group: the 年度 block alone, and no error */
    d = read_body(
        TBL(TR(TC("项目名称") TC("戊") TC("") TC(""))
            TR(TC("资金总额") TC("100万元") TC("当年资金总额") TC("100万元"))
            TR(TC("总体目标") TC("中期目标") TC("年度目标") TC(""))
            TR(TC("") TC("三年建成") TC("今年完成一期") TC(""))
            TR(TC("一级指标") TC("二级指标(长期)") TC("三级指标(长期)") TC("指标值(长期)") TC("二级指标(年度)")
               TC("三级指标(年度)") TC("指标值(年度)"))
            TR(TC("产出指标") TC("") TC("") TC("") TC("数量指标") TC("新建校舍") TC("=1栋"))
            TR(TC("产出指标") TC("") TC("") TC("") TC("质量指标") TC("验收合格率") TC("≥95%"))
            TR(TC("产出指标") TC("") TC("") TC("") TC("时效指标") TC("完工时间") TC("12月31日前"))
            TR(TC("产出指标") TC("") TC("") TC("") TC("成本指标") TC("建设成本") TC("≤100万元"))
            TR(TC("效益指标") TC("") TC("") TC("") TC("社会效益指标") TC("新增学位") TC("≥200个"))
            TR(TC("满意度指标") TC("") TC("") TC("") TC("服务对象满意度指标") TC("家长满意度") TC("≥90%"))));
    assert_true(pb_check(d, NULL));
    const pb_project *p = d->projects[0];
    assert_int_equal(p->indicator_count, 6);
    for (size_t i = 0; i < p->indicator_count; i++)
        assert_int_equal(p->indicators[i].term, PB_TERM_ANNUAL);
    for (size_t i = 0; i < d->finding_count; i++)
        assert_int_not_equal(d->findings[i].severity, PB_SEV_ERROR);
    pb_document_free(d);
}

/* Indicator heads that do not say which block they are: the 中期 / 年度
 * heads above them (a row of block heads, or the goal labels' order) do. */
static void test_term_from_heads_above(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("己") TC("") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元"))
            TR(TC("总体目标") TC("中期目标") TC("年度目标") TC(""))
            TR(TC("") TC("三年建成") TC("今年完成一期") TC(""))
            TR(TC("") TCP(SPAN(3), "中期绩效指标") TCP(SPAN(3), "年度绩效指标"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值") TC("二级指标") TC("三级指标") TC("指标值"))
            TR(TC("产出指标") TC("数量指标") TC("建成校舍") TC("3栋") TC("数量指标") TC("建成一期") TC("1栋"))));
    const pb_project *p = d->projects[0];
    assert_int_equal(p->indicator_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const pb_indicator *ind = &p->indicators[i];
        assert_int_equal(ind->term, strcmp(ind->level3.text, "建成校舍") == 0 ? PB_TERM_LONG : PB_TERM_ANNUAL);
    }
    pb_document_free(d);
    /* 年度 first, 中期 after it */
    d = read_body(
        TBL(TR(TC("项目名称") TC("庚") TC("") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元"))
            TR(TC("") TCP(SPAN(3), "年度绩效指标") TCP(SPAN(3), "中期绩效指标"))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值") TC("二级指标") TC("三级指标") TC("指标值"))
            TR(TC("产出指标") TC("数量指标") TC("建成一期") TC("1栋") TC("数量指标") TC("建成校舍") TC("3栋"))));
    p = d->projects[0];
    assert_int_equal(p->indicator_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const pb_indicator *ind = &p->indicators[i];
        assert_int_equal(ind->term, strcmp(ind->level3.text, "建成校舍") == 0 ? PB_TERM_LONG : PB_TERM_ANNUAL);
    }
    pb_document_free(d);    /* no heads above: the goal labels' order, 年度目标 before 中期目标 */
    d = read_body(
        TBL(TR(TC("项目名称") TC("辛") TC("") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元"))
            TR(TC("总体目标") TC("年度目标") TC("中期目标") TC(""))
            TR(TC("") TC("今年完成一期") TC("三年建成") TC(""))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值") TC("二级指标") TC("三级指标") TC("指标值"))
            TR(TC("产出指标") TC("数量指标") TC("建成一期") TC("1栋") TC("数量指标") TC("建成校舍") TC("3栋"))));
    p = d->projects[0];
    assert_string_equal(p->goals[0], "今年完成一期");
    assert_int_equal(p->indicator_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const pb_indicator *ind = &p->indicators[i];
        assert_int_equal(ind->term, strcmp(ind->level3.text, "建成校舍") == 0 ? PB_TERM_LONG : PB_TERM_ANNUAL);
    }
    pb_document_free(d);
}

/* PB320 where the table has a unit column left blank: the finding is on
 * the blank unit cell and says so (SC_ganzi_scjg_spaq), not that the table
 * has no unit column. */
static void test_unit_cell_blank(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("庚") TC("项目属性") TC("延续") TC(""))
            TR(TC("资金总额") TC("10") TC("") TC("") TC(""))
            TR(TC("年度目标") TC("完成") TC("") TC("") TC(""))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("指标值") TC("度量单位"))
            TR(TC("产出指标") TC("数量指标") TC("召开会议") TC("2") TC(""))));
    assert_true(pb_check(d, NULL));
    assert_int_equal(findings_of(d, "PB320", PB_SEV_WARNING), 1);
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB320") == 0) {
            assert_int_equal(d->findings[i].loc.col, 4);
            assert_null(strstr(d->findings[i].message, "no unit column"));
        }
    pb_document_free(d);
}

/* A two-level 转移支付 table that no family places (绩效指标分类 | 绩效指标,
 * he_handan_2019): what it lacks is info, and a 满意度 三级 under 效果指标
 * is its satisfaction indicator (no PB403). */
static void test_two_level_no_family(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("困难群众救助补助") TC("") TC(""))
            TR(TC("年度目标") TC("保障困难群众基本生活") TC("") TC(""))
            TR(TC("绩效指标分类") TC("绩效指标") TC("指标描述") TC("指标值"))
            TR(TC("产出指标") TC("救助覆盖率") TC("应保尽保") TC("100%"))
            TR(TC("产出指标") TC("救助资金按标准发放率") TC("按标准发放") TC("90%"))
            TR(TC("效果指标") TC("救助对象满意度(%)") TC("满意度调查") TC("85%"))));
    assert_true(pb_check(d, NULL));
    assert_null(d->projects[0]->template_family);
    assert_int_equal(findings_of(d, "PB402", PB_SEV_ERROR), 0);
    assert_int_equal(findings_of(d, "PB402", PB_SEV_INFO), 1);
    assert_int_equal(findings_of(d, "PB403", PB_SEV_ERROR), 0);
    pb_document_free(d);
}

/* 中期指标值 | 年度指标值: the shared 一级/二级/三级 with a value column for each
 * block (before, the head 「中期指标值」 named the whole block 中期 and the
 * year's values were read as 中期 ones). */
static void test_value_column_per_term(void **state)
{
    (void)state;
    pb_document *d = read_body(
        TBL(TR(TC("项目名称") TC("双值列项目") TC("项目属性") TC("延续") TC(""))
            TR(TC("资金总额") TC("300万元") TC("当年资金总额") TC("100万元") TC(""))
            TR(TC("中期目标") TC("三年建成") TC("年度目标") TC("建成一期") TC(""))
            TR(TC("一级指标") TC("二级指标") TC("三级指标") TC("中期指标值") TC("年度指标值"))
            TR(TC("产出指标") TC("数量指标") TC("建成校舍") TC("3栋") TC("1栋"))));
    const pb_project *p = d->projects[0];
    assert_int_equal(p->indicator_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const pb_indicator *ind = &p->indicators[i];
        assert_string_equal(ind->level3.text, "建成校舍");
        assert_string_equal(ind->value.raw, ind->term == PB_TERM_LONG ? "3栋" : "1栋");
    }
    assert_int_not_equal(p->indicators[0].term, p->indicators[1].term);
    pb_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recognize_table),
        cmocka_unit_test(test_recognize_numbered_and_unit),
        cmocka_unit_test(test_list_export),
        cmocka_unit_test(test_amounts_in_text),
        cmocka_unit_test(test_year_and_long_term),
        cmocka_unit_test(test_department_table),
        cmocka_unit_test(test_template_remnants),
        cmocka_unit_test(test_quarter_schedule),
        cmocka_unit_test(test_value_columns),
        cmocka_unit_test(test_grades_overlap),
        cmocka_unit_test(test_fiscal_only_amount),
        cmocka_unit_test(test_completeness_by_family),
        cmocka_unit_test(test_json_category),
        cmocka_unit_test(test_template_placeholder),
        cmocka_unit_test(test_department_indicator_rules),
        cmocka_unit_test(test_rules_read_the_year),
        cmocka_unit_test(test_term_from_heads_above),
        cmocka_unit_test(test_unit_cell_blank),
        cmocka_unit_test(test_two_level_no_family),
        cmocka_unit_test(test_value_column_per_term),
    };
    return cmocka_run_group_tests_name("families", tests, NULL, NULL);
}
