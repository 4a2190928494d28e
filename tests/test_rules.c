/* The rule catalogue of issue 4: each rule failing and passing on a fixture
 * (IDs, locations and the message's key words asserted), the configuration
 * (JSON, --select/--ignore, thresholds), `pbcheck rules/explain/config`,
 * docs/rules.md against its generator, and the exact findings on the
 * reference document (docs/reference-findings.md says why each fires). */
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

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------ fixtures */

/* The clean subsidy project is fx_subsidy_table(); a second project that no
 * rule objects to either. */
static const fx_indicator rent[] = {
    {"产出指标", "数量指标", "租赁办公场所面积", "所辖社区党群服务中心租赁面积之和", "≥3200平方米", "计划标准：租赁合同"},
    {"", "质量指标", "物业服务合同履约率", "按合同完成的物业服务项目所占比例", "≥98%", "行业标准：物业服务规范"},
    {"", "时效指标", "租金按期支付率", "在合同约定日前支付的期数所占比例", "=100%", "历史标准：2024年支付记录"},
    {"", "成本指标", "每平方米年租金", "年租赁费除以租赁面积", "≤700元/平方米", "预算支出标准：办公用房租金标准"},
    {"效益指标", "社会效益指标", "社区办公场所正常使用率", "可正常使用的工作日占全年工作日的比例", "≥98%",
     "计划标准：社区工作安排"},
    {"满意度指标", "服务对象满意度指标", "社区工作人员满意度", "问卷中满意和基本满意的人员所占比例", "≥90%",
     "历史标准：2024年问卷结果"},
};

typedef fx_table fixture;

static fixture subsidy_project(void) { return fx_subsidy_table(); }

static fixture rent_project(void)
{
    fixture f = {.p = {.title = "2.房屋租赁和物业管理专项经费绩效目标表",
                       .code = "13020925P001470100024",
                       .name = "房屋租赁和物业管理专项经费",
                       .total = "242.59",
                       .fiscal = "242.59",
                       .labels = {"3月底", "6月底", "9月底", "12月底"},
                       .sched = {"30%", "60%", "90%", "100%"}}};
    assert_true(fx_table_load(&f, rent, sizeof rent / sizeof *rent));
    return f;
}

static void drop_row(fixture *f, size_t i) { fx_drop_row(f, i); }

static void add_row(fixture *f, fx_indicator row) { assert_true(fx_insert_row(f, f->n, row)); }

/* Reads and checks a document of the fixtures, with `before` (part 1 of a
 * filing) ahead of the tables. */
static pb_document *check_with(fixture *f, size_t n, const char *before, const pb_config *c)
{
    char *body = fx_tables_body(f, n, before);
    assert_non_null(body);
    size_t len;
    void *zip = fx_docx_mem(body, &len);
    free(body);
    assert_non_null(zip);
    pb_document *d = pb_read_memory(zip, len, "fixture.docx", NULL);
    free(zip);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->project_count, n);
    assert_true(pb_check(d, c));
    return d;
}

static pb_document *check(fixture *f, size_t n) { return check_with(f, n, NULL, NULL); }

static pb_document *check1(fixture f) { return check(&f, 1); }

static pb_document *check1_config(fixture f, const pb_config *c) { return check_with(&f, 1, NULL, c); }

/* The strict preset: the opinionated rules too. */
static pb_config strict_config(void)
{
    pb_config c;
    pb_config_default(&c);
    char err[128];
    assert_true(pb_config_preset(&c, "strict", err, sizeof err));
    return c;
}

static pb_document *check1_strict(fixture f)
{
    pb_config c = strict_config();
    return check_with(&f, 1, NULL, &c);
}

/* ------------------------------------------------------------ findings */

static size_t count(const pb_document *d, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < d->finding_count; i++)
        n += strcmp(d->findings[i].rule->id, id) == 0;
    return n;
}

static const pb_finding *first_of(const pb_document *d, const char *id)
{
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, id) == 0)
            return &d->findings[i];
    fail_msg("no %s finding", id);
    return NULL;
}

static void dump(const pb_document *d)
{
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        print_message("  %s project %d (%d,%d,%d): %s\n", f->rule->id, f->project ? f->project->number : 0,
                      f->loc.table, f->loc.row, f->loc.col, f->message);
    }
}

static bool has_words(const char *message, va_list words)
{
    for (const char *w = va_arg(words, const char *); w; w = va_arg(words, const char *))
        if (!strstr(message, w))
            return false;
    return true;
}

/* The finding of rule id in project (0: the document) at (table, row, col)
 * whose message holds every word of the NULL-terminated list. */
static const pb_finding *expect_at(const pb_document *d, const char *id, int project, int table, int row, int col,
                                   ...)
{
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        int number = f->project ? f->project->number : 0;
        if (strcmp(f->rule->id, id) != 0 || number != project || f->loc.table != table || f->loc.row != row ||
            f->loc.col != col)
            continue;
        va_list ap;
        va_start(ap, col);
        bool all = has_words(f->message, ap);
        va_end(ap);
        if (all)
            return f;
    }
    dump(d);
    fail_msg("no %s finding with those words in project %d at (%d,%d,%d)", id, project, table, row, col);
    return NULL;
}

static void expect_none(const pb_document *d, const char *id)
{
    if (count(d, id) != 0) {
        dump(d);
        fail_msg("unexpected %s finding", id);
    }
}

/* Indicator row i (0-based) of project k (0-based) in the fixture layout:
 * the key/value table is 2k, the indicator table 2k+1 with its head in
 * row 0; columns 一级 0, 二级 1, 三级 2, 描述 3, 指标值 4, 依据 5. */
#define IND(k, i) (2 * (k) + 1), ((i) + 1)
#define KV(k) (2 * (k))

static pb_config config_from(const char *json)
{
    pb_config c;
    pb_config_default(&c);
    char err[512];
    if (!pb_config_parse(&c, json, strlen(json), "test.json", err, sizeof err))
        fail_msg("config rejected: %s", err);
    return c;
}

/* ------------------------------------------------------- clean fixtures */

static void test_clean_fixtures_have_no_findings(void **state)
{
    (void)state;
    fixture f[2] = {subsidy_project(), rent_project()};
    pb_document *d = check(f, 2);
    if (d->finding_count) {
        dump(d);
        fail_msg("%zu findings on the clean fixtures", d->finding_count);
    }
    pb_document_free(d);
    d = check1(subsidy_project());
    assert_int_equal(d->finding_count, 0);
    pb_document_free(d);
}

/* ------------------------------------------------------------ schedule */

static void test_schedule_back_loaded(void **state)
{
    (void)state;
    /* The defaults: what written practice cites, about 40 % by July and
     * 80 % by November (10 points a month between); nothing before July,
     * so the textbook 25/50/75/100 plan passes. */
    fixture f = subsidy_project();
    pb_document *d = check1(f);
    expect_none(d, "PB106");
    pb_document_free(d);
    f.p.sched[0] = "5%";
    f.p.sched[1] = "10%";
    f.p.sched[2] = "60%"; /* 9月底: 60 % is the minimum */
    d = check1(f);
    expect_none(d, "PB106");
    pb_document_free(d);
    f.p.labels[2] = "10月底";
    d = check1(f);
    expect_at(d, "PB106", 1, KV(0), 5, 4, "10月底", "60%", "70%", NULL);
    assert_int_equal(count(d, "PB106"), 1);
    pb_document_free(d);

    /* A straight line, when configured: 6月底 needs 50 %, 10月底 83.33 %;
     * equal passes, below fails. */
    pb_config line = config_from("{\"schedule-minimums\": \"straight-line\"}");
    f = subsidy_project();
    f.p.sched[1] = "40%";
    d = check1_config(f, &line);
    expect_at(d, "PB106", 1, KV(0), 5, 3, "6月底", "40%", "50%", NULL);
    assert_int_equal(count(d, "PB106"), 1);
    pb_document_free(d);
    f = subsidy_project();
    f.p.labels[2] = "10月底";
    f.p.sched[2] = "83.33%";
    d = check1_config(f, &line);
    expect_none(d, "PB106");
    pb_document_free(d);
    f.p.sched[2] = "83.32%";
    d = check1_config(f, &line);
    expect_at(d, "PB106", 1, KV(0), 5, 4, "10月底", "83.32%", "83.33%", NULL);
    pb_document_free(d);
    pb_config_free(&line);

    /* Blank checkpoints are PB101's; the last one is PB104's. */
    f = subsidy_project();
    f.p.sched[0] = " ";
    f.p.sched[3] = "90%";
    d = check1(f);
    expect_none(d, "PB106");
    assert_int_equal(count(d, "PB101"), 1);
    assert_int_equal(count(d, "PB104"), 1);
    pb_document_free(d);
}

static void test_schedule_minimums_configured(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.p.sched[0] = "5%";
    f.p.sched[1] = "40%";
    pb_config c = config_from("{\"schedule-minimums\": {\"6月底\": 45}}");
    pb_document *d = check1_config(f, &c);
    /* Only the label listed is compared: 3月底 at 5% passes. */
    expect_at(d, "PB106", 1, KV(0), 5, 3, "40%", "45%", "set for this checkpoint", NULL);
    assert_int_equal(count(d, "PB106"), 1);
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"schedule-minimums\": {\"6月底\": 40}}");
    d = check1_config(f, &c);
    expect_none(d, "PB106");
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"schedule-minimums\": {}}");
    d = check1_config(f, &c);
    expect_none(d, "PB106");
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_checkpoint_months(void **state)
{
    (void)state;
    static const struct {
        const char *label;
        int month;
    } cases[] = {
        {"3月底", 3},  {"10月底", 10}, {"12月末", 12}, {"7月", 7},     {"第一季度", 3}, {"二季度", 6},
        {"三季度末", 9}, {"十一月底", 11}, {"十月", 10},  {"Q3", 9},      {"上半年", 6},  {"全年", 12},
        {"年中", 0},   {"13月底", 0},  {"第五季度", 0}, {"合计", 0},    {"", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (pbi_checkpoint_month(cases[i].label) != cases[i].month)
            fail_msg("%s: month %d, expected %d", cases[i].label, pbi_checkpoint_month(cases[i].label),
                     cases[i].month);
}

/* --------------------------------------------------------------- money */

/* A second 数量指标: which quantity the money buys is not certain, so no
 * implied unit cost (PB209) takes the row over from PB204. */
static const fx_indicator second_quantity = {"", "数量指标", "巡查覆盖社区数", "楼门长每月巡查的社区个数", "≥12个",
                                             "计划标准：社区工作安排"};

static void test_cost_equals_budget(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    assert_true(fx_insert_row(&f, 1, second_quantity));
    f.rows[3 + 1].value = "≤237万元";
    pb_document *d = check1(f);
    expect_at(d, "PB204", 1, IND(0, 4), 4, "≤237万元", "237.00", "unit or standard cost", NULL);
    expect_none(d, "PB202");
    pb_document_free(d);
    /* Converted from 元: still the whole budget. */
    f.rows[3 + 1].value = "≤2,370,000元";
    d = check1(f);
    expect_at(d, "PB204", 1, IND(0, 4), 4, "2,370,000", NULL);
    pb_document_free(d);
    /* Below the budget passes; above it is PB202, not PB204. */
    f.rows[3 + 1].value = "≤200万元";
    d = check1(f);
    expect_none(d, "PB204");
    pb_document_free(d);
    f.rows[3 + 1].value = "≤250万元";
    d = check1(f);
    expect_none(d, "PB204");
    assert_int_equal(count(d, "PB202"), 1);
    pb_document_free(d);
}

/* No 成本指标 prices a unit: 预算数 ÷ the one quantity, exactly, in the
 * reviewer's words; it takes PB204's row over. */
static void test_implied_unit_cost(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    pb_document *d = check1(f);
    expect_none(d, "PB209"); /* 500元/人·月 is a unit cost */
    pb_document_free(d);
    f.rows[3].value = "≤237万元";
    d = check1(f);
    expect_at(d, "PB209", 1, IND(0, 3), 4, "「≤237万元」", "237.00万元", "发放人数", "「≥395人」", "6000元 per 人",
              "「≤6000元/人」", "成本指标未细化", NULL);
    expect_none(d, "PB204");
    assert_int_equal(d->finding_count, 1);
    assert_int_equal(d->findings[0].severity, PB_SEV_INFO);
    pb_document_free(d);
    /* Rounded to 0.01 from exact decimals: 2370000 ÷ 7 = 338571.43元 → 33.86万元;
     * 305.48万元 ÷ 500 = 6109.6元. */
    f.rows[0].value = "≥7人";
    d = check1(f);
    expect_at(d, "PB209", 1, IND(0, 3), 4, "33.86万元 per 人", NULL);
    pb_document_free(d);
    f.rows[0].value = "≥500人";
    f.p.total = f.p.fiscal = "305.48";
    f.rows[3].value = "≤305.48万元";
    d = check1(f);
    expect_at(d, "PB209", 1, IND(0, 3), 4, "6109.6元 per 人", NULL);
    pb_document_free(d);
    /* A template that asks for the total (项目总成本) gets it: no advice. */
    f = subsidy_project();
    f.rows[3].l3 = "项目总成本";
    f.rows[3].value = "≤237万元";
    d = check1(f);
    expect_none(d, "PB209");
    expect_none(d, "PB204");
    pb_document_free(d);
    /* A cost that is not an amount: the finding sits on the quantity. */
    f = subsidy_project();
    f.rows[3].value = "严格控制";
    d = check1(f);
    expect_at(d, "PB209", 1, IND(0, 0), 4, "no 成本指标 gives a unit cost", "add the 成本指标", NULL);
    pb_document_free(d);
    /* Several quantities, a multi-year project, PB209 ignored: no PB209,
     * and PB204 says the cost restates the budget. */
    f = subsidy_project();
    f.rows[3].value = "≤237万元";
    assert_true(fx_insert_row(&f, 1, second_quantity));
    d = check1(f);
    expect_none(d, "PB209");
    assert_int_equal(count(d, "PB204"), 1);
    pb_document_free(d);
    f = subsidy_project();
    f.rows[3].value = "≤237万元";
    f.p.period = "2024年-2026年";
    d = check1(f);
    expect_none(d, "PB209");
    pb_document_free(d);
    pb_config c;
    pb_config_default(&c);
    char err[128];
    assert_true(pb_config_select(&c, NULL, "PB209", err, sizeof err));
    f.p.period = NULL;
    d = check1_config(f, &c);
    expect_none(d, "PB209");
    assert_int_equal(count(d, "PB204"), 1);
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_budget_unit_missing(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.p.unit_line = " ";
    pb_document *d = check1(f);
    expect_at(d, "PB205", 1, KV(0), 1, 0, "237.00", "单位：万元", NULL);
    pb_document_free(d);
    /* A unit after the amounts says it as well. */
    f.p.total = "237.00万元";
    f.p.fiscal = "237.00万元";
    d = check1(f);
    expect_none(d, "PB205");
    pb_document_free(d);
    f = subsidy_project();
    f.p.unit_line = "单位：元";
    f.p.total = f.p.fiscal = "2370000";
    d = check1(f);
    expect_none(d, "PB205");
    pb_document_free(d);
}

static void test_budget_magnitude(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.p.unit_line = "单位：元";
    pb_document *d = check1(f); /* 237.00 元 */
    expect_at(d, "PB206", 1, KV(0), 2, 2, "237.00", "元", "万元", NULL);
    pb_document_free(d);
    f.p.total = f.p.fiscal = "2370000";
    d = check1(f);
    expect_none(d, "PB206");
    pb_document_free(d);
    f = subsidy_project();
    f.p.total = f.p.fiscal = "2370000"; /* 237 亿 under 单位：万元 */
    d = check1(f);
    expect_at(d, "PB206", 1, KV(0), 2, 2, "2370000", "万元", NULL);
    pb_document_free(d);
    f.p.total = f.p.fiscal = "0.005";
    d = check1(f);
    expect_at(d, "PB206", 1, KV(0), 2, 2, "0.005", NULL);
    pb_document_free(d);
}

/* ------------------------------------------------- indicator values */

static void test_no_operator(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[0].value = "395人";
    pb_document *d = check1(f);
    expect_none(d, "PB305"); /* opinionated: the strict preset's */
    pb_document_free(d);
    d = check1_strict(f);
    expect_at(d, "PB305", 1, IND(0, 0), 4, "「395人」", "「≥395人」", NULL);
    assert_int_equal(count(d, "PB305"), 1);
    pb_document_free(d);
    f.rows[0].value = "不少于395人";
    d = check1_strict(f);
    expect_none(d, "PB305");
    pb_document_free(d);
}

static void test_satisfaction_floor(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[5].value = "≥70%";
    pb_document *d = check1(f);
    expect_at(d, "PB306", 1, IND(0, 5), 4, "居民满意度", "70", "80%", NULL);
    pb_document_free(d);
    f.rows[5].value = "较好";
    d = check1(f);
    expect_at(d, "PB306", 1, IND(0, 5), 4, "「较好」", "not a percentage", NULL);
    pb_document_free(d);
    f.rows[5].value = "≥80%";
    d = check1(f);
    expect_none(d, "PB306");
    pb_document_free(d);
    /* The floor is configurable. */
    pb_config c = config_from("{\"satisfaction-floor\": 90}");
    f.rows[5].value = "≥85%";
    d = check1_config(f, &c);
    expect_at(d, "PB306", 1, IND(0, 5), 4, "85", "90%", NULL);
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_percent_not_rate(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[4].l3 = "社区治理水平";
    pb_document *d = check1(f);
    expect_at(d, "PB307", 1, IND(0, 4), 4, "「社区治理水平」", "≥90%", NULL);
    pb_document_free(d);
    f.rows[4].l3 = "社区治理达标率";
    d = check1(f);
    expect_none(d, "PB307");
    pb_document_free(d);
}

static void test_unit_mismatch(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[0].value = "≥395次";
    pb_document *d = check1(f);
    expect_at(d, "PB308", 1, IND(0, 0), 4, "「次」", "补助发放人数", "人", NULL);
    pb_document_free(d);
    f = subsidy_project();
    f.rows[1].value = "≥395个";
    d = check1(f);
    expect_at(d, "PB308", 1, IND(0, 1), 4, "「个」", "%", NULL);
    pb_document_free(d);
    f = subsidy_project();
    f.rows[3].value = "≤500人";
    d = check1(f);
    expect_at(d, "PB308", 1, IND(0, 3), 4, "人均月补助标准", "元", NULL);
    pb_document_free(d);
    /* A percentage on a name that is not a rate is PB307's; under 数量指标
     * it is PB319's (not a quantity), one finding. */
    f = subsidy_project();
    f.rows[0].value = "≥95%";
    d = check1(f);
    expect_none(d, "PB308");
    expect_none(d, "PB307");
    expect_at(d, "PB319", 1, IND(0, 0), 4, "「≥95%」", "not a quantity", NULL);
    pb_document_free(d);
    f = subsidy_project();
    f.rows[4].l3 = "社区巡查工作";
    d = check1(f);
    expect_none(d, "PB308");
    assert_int_equal(count(d, "PB307"), 1);
    pb_document_free(d);
}

/* PB324: a 效益 target that is only a word of degree or a yes, once per
 * project; a qualitative target naming what changes is not one. */
static void test_effect_unmeasurable(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[4].value = "显著改善";
    pb_document *d = check1(f);
    expect_at(d, "PB324", 1, IND(0, 4), 4, "「显著改善」", "指标值不可衡量", NULL);
    assert_int_equal(count(d, "PB324"), 1);
    pb_document_free(d);
    /* Two rows (zj_linhai_2024's 「是」): one finding listing both. */
    assert_true(fx_insert_row(&f, 5, (fx_indicator){"", "生态效益指标", "小区绿化", "绿化面积", "是", "计划标准：绿化方案"}));
    f.rows[4].value = "是";
    d = check1(f);
    expect_at(d, "PB324", 1, IND(0, 4), 4, "2 效益 targets", "社会效益指标 「是」", "生态效益指标 「是」", NULL);
    assert_int_equal(count(d, "PB324"), 1);
    pb_document_free(d);
    /* Legitimate: a state named in words, a grade, a figure; and 「显著改善」
     * under 质量指标 is not an effect. */
    static const char *const fine[] = {"群众出行条件明显改善", "较好", "≥90%", "好"};
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
        fixture g = subsidy_project();
        g.rows[4].value = fine[i];
        d = check1(g);
        expect_none(d, "PB324");
        pb_document_free(d);
    }
    fixture q = subsidy_project();
    q.rows[1].value = "显著改善";
    d = check1(q);
    expect_none(d, "PB324");
    pb_document_free(d);
}

/* PB325: the 年度 block a copy of the 长期 block (HN_ningxiang_batang_2021). */
static void test_annual_repeats_medium_term(void **state)
{
    (void)state;
    static const fx_indicator block[] = {
        {"产出指标", "数量指标", "改造房屋面积", "当年完成改造的面积", "≥1200平方米", "计划标准：改造方案"},
        {"", "质量指标", "验收合格率", "验收合格面积占改造面积的比例", "=100%", "行业标准：验收规范"},
        {"", "时效指标", "完工时间", "主体完工的日期", "2025年10月31日前", "计划标准：改造方案"},
        {"效益指标", "社会效益指标", "受益住户", "改造惠及的住户数", "≥300户", "计划标准：改造方案"},
        {"满意度指标", "服务对象满意度指标", "住户满意度", "抽样问卷中满意住户所占比例", "≥85%", "历史标准：2024年问卷"},
    };
    fixture f = subsidy_project();
    f.n = 0;
    assert_true(fx_insert_row(&f, f.n, (fx_indicator){"长期绩效指标", "", "", "", "", ""}));
    for (size_t i = 0; i < 5; i++)
        assert_true(fx_insert_row(&f, f.n, block[i]));
    assert_true(fx_insert_row(&f, f.n, (fx_indicator){"年度绩效指标", "", "", "", "", ""}));
    for (size_t i = 0; i < 5; i++)
        assert_true(fx_insert_row(&f, f.n, block[i]));
    pb_document *d = check1(f);
    size_t longs = 0;
    for (size_t i = 0; i < d->projects[0]->indicator_count; i++)
        longs += d->projects[0]->indicators[i].term == PB_TERM_LONG;
    assert_int_equal(longs, 5);
    /* The first 年度 row is the table's row 8 (head, 长期, 5 rows, 年度). */
    const pb_finding *fd = expect_at(d, "PB325", 1, IND(0, 7), 4, "all 5", "年度指标未从中期指标分解", NULL);
    assert_int_equal(fd->severity, PB_SEV_INFO);
    assert_int_equal(count(d, "PB325"), 1);
    pb_document_free(d);
    /* Over a 项目期 of three years it is a warning. */
    fixture g = f;
    g.p.period_label = "项目期";
    g.p.period = "2024年1月-2026年12月";
    d = check1(g);
    assert_int_equal(first_of(d, "PB325")->severity, PB_SEV_WARNING);
    pb_document_free(d);
    /* The year's share set apart: a smaller area this year. */
    f.rows[7].value = "≥400平方米";
    d = check1(f);
    expect_none(d, "PB325");
    pb_document_free(d);
    /* No 长期 block: nothing to compare. */
    d = check1(subsidy_project());
    expect_none(d, "PB325");
    pb_document_free(d);
}

static void test_timeliness_vague(void **state)
{
    (void)state;
    /* What to write instead follows what the value says: 「≤1年」 is within
     * the year (true of every project), 「1年」 the year, 「≥1年」 no deadline. */
    static const struct {
        const char *value, *says;
    } vague[] = {
        {"≤1年", "within the budget year"}, {"1年", "the budget year itself"}, {"≥1年", "sets no deadline"},
        {"12个月", "the budget year itself"}, {"≤365天", "within the budget year"},
        /* the year in words (zj_linhai_2024): the year itself */
        {"全年", "the budget year itself"}, {"年内", "the budget year itself"},
    };
    for (size_t i = 0; i < sizeof vague / sizeof *vague; i++) {
        fixture f = subsidy_project();
        f.rows[2].l3 = "补助发放时间";
        f.rows[2].value = vague[i].value;
        pb_document *d = check1(f);
        expect_at(d, "PB309", 1, IND(0, 2), 4, vague[i].value, vague[i].says, "give the date it is due", NULL);
        pb_document_free(d);
    }
    /* A multi-year project's target over its 项目期 is no finding. */
    static const char *const periods[] = {"3年", "三年", "2023年1月-2025年12月"};
    for (size_t i = 0; i < sizeof periods / sizeof *periods; i++) {
        fixture f = subsidy_project();
        f.p.period_label = "项目期";
        f.p.period = periods[i];
        f.rows[2].l3 = "项目建设周期";
        f.rows[2].value = "≤3年";
        pb_document *d = check1(f);
        expect_none(d, "PB309");
        pb_document_free(d);
    }
    fixture one_year = subsidy_project();
    one_year.p.period_label = "项目期";
    one_year.p.period = "1年";
    one_year.rows[2].l3 = "项目建设周期";
    one_year.rows[2].value = "≤1年";
    pb_document *d1 = check1(one_year);
    assert_int_equal(count(d1, "PB309"), 1);
    pb_document_free(d1);
    /* 「全年」 over a multi-year 项目期 is no finding either. */
    fixture years = subsidy_project();
    years.p.period_label = "项目期";
    years.p.period = "2023年1月-2025年12月";
    years.rows[2].value = "全年";
    d1 = check1(years);
    expect_none(d1, "PB309");
    pb_document_free(d1);
    static const char *const fine[] = {"≤30天", "≤6个月", "2025年12月31日前", "全年按月发放", "每月10日前"};
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
        fixture f = subsidy_project();
        f.rows[2].l3 = "补助发放时间";
        f.rows[2].value = fine[i];
        pb_document *d = check1(f);
        expect_none(d, "PB309");
        pb_document_free(d);
    }
}

static void test_description_repeats_name(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[0].desc = "补助发放人数";
    f.rows[1].desc = "发放率"; /* a part of the name */
    pb_document *d = check1(f);
    expect_none(d, "PB310"); /* opinionated: the strict preset's */
    pb_document_free(d);
    /* A pattern over the table is one finding listing its rows. */
    d = check1_strict(f);
    expect_at(d, "PB310", 1, IND(0, 0), 3, "2 indicators", "「补助发放人数」", "「补助足额发放率」", NULL);
    assert_int_equal(count(d, "PB310"), 1);
    pb_document_free(d);
    /* One row alone says which. */
    f.rows[0].desc = "补助发放人数（按月统计）";
    d = check1_strict(f);
    expect_at(d, "PB310", 1, IND(0, 1), 3, "「发放率」", "「补助足额发放率」", NULL);
    pb_document_free(d);
    /* More than the name, or no description at all, is not a copy. */
    f.rows[1].desc = "";
    d = check1_strict(f);
    expect_none(d, "PB310");
    pb_document_free(d);
}

static void test_vague_name(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[4].l3 = "提供 优质服务"; /* white space does not hide it */
    pb_document *d = check1(f);
    expect_at(d, "PB311", 1, IND(0, 4), 2, "boilerplate", NULL);
    pb_document_free(d);
    /* Whole names only: "覆盖率" is on the list, "社区覆盖率" is not. */
    f = subsidy_project();
    f.rows[1].l3 = "社区覆盖率";
    d = check1(f);
    expect_none(d, "PB311");
    pb_document_free(d);
    /* The deny-list is configurable. */
    pb_config c = config_from("{\"vague-names\": [\"楼门长履职率\"]}");
    d = check1_config(subsidy_project(), &c);
    expect_at(d, "PB311", 1, IND(0, 4), 2, "「楼门长履职率」", NULL);
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"vague-names\": []}");
    f = subsidy_project();
    f.rows[4].l3 = "提供优质服务";
    d = check1_config(f, &c);
    expect_none(d, "PB311");
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_copied_across_projects(void **state)
{
    (void)state;
    fixture f[3] = {subsidy_project(), rent_project(), subsidy_project()};
    f[1].rows[4] = f[0].rows[4]; /* the same 社会效益 row in both */
    pb_document *d = check(f, 2);
    /* One problem, one finding: at the first project's row. */
    expect_at(d, "PB312", 1, IND(0, 4), 2, "楼门长履职率", "「≥90%」", "all 2 projects", NULL);
    assert_int_equal(count(d, "PB312"), 1);
    pb_document_free(d);
    /* Another value is another target. */
    f[1].rows[4].value = "≥95%";
    d = check(f, 2);
    expect_none(d, "PB312");
    pb_document_free(d);
    /* In two projects of three it is not in every project. */
    f[1].rows[4].value = "≥90%";
    f[2] = rent_project();
    f[2].p.code = "13020925P001470100099";
    f[2].p.name = "社区物业补充经费";
    f[2].p.title = "3.社区物业补充经费绩效目标表";
    for (size_t i = 0; i < f[2].n; i++)
        f[2].rows[i].value = "≥99%";
    f[2].rows[0].value = "≥3300平方米";
    f[2].rows[3].value = "≤710元/平方米";
    d = check(f, 3);
    expect_none(d, "PB312");
    pb_document_free(d);
    /* Shared by every project but the first (which the check keys on):
     * none; once the first has it too, one finding at its row. */
    fixture g[3] = {rent_project(), subsidy_project(), subsidy_project()};
    g[2].p.code = "13020925P001470100099";
    d = check(g, 3);
    expect_none(d, "PB312");
    pb_document_free(d);
    g[0].rows[4] = g[1].rows[4];
    d = check(g, 3);
    expect_at(d, "PB312", 1, IND(0, 4), 2, "楼门长履职率", "「≥90%」", "all 3 projects", NULL);
    assert_int_equal(count(d, "PB312"), 1);
    pb_document_free(d);
}

static void test_basis_missing(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.rows[0].basis = " ";
    f.rows[1].basis = "领导要求";
    pb_document *d = check1(f);
    expect_at(d, "PB313", 1, IND(0, 0), 5, "empty", NULL);
    expect_at(d, "PB313", 1, IND(0, 1), 5, "「领导要求」", "recognised", NULL);
    assert_int_equal(count(d, "PB313"), 2);
    pb_document_free(d);
    /* A satisfaction target rests on its survey (he_handan_2019): named, it
     * is a basis; a wish is not. */
    fixture s = subsidy_project();
    size_t last = s.n - 1;
    assert_non_null(strstr(s.rows[last].l2, "满意度"));
    s.rows[last].basis = "按服务对象满意度评价";
    s.rows[0].basis = "问卷调查结果";
    d = check1(s);
    expect_none(d, "PB313");
    pb_document_free(d);
    s.rows[last].basis = "力争群众满意";
    d = check1(s);
    expect_at(d, "PB313", 1, IND(0, last), 5, "「力争群众满意」", NULL);
    assert_int_equal(count(d, "PB313"), 1);
    pb_document_free(d);
    /* An empty vocabulary accepts any text, not an empty cell. */
    pb_config c = config_from("{\"basis-vocabulary\": []}");
    d = check1_config(f, &c);
    expect_at(d, "PB313", 1, IND(0, 0), 5, "empty", NULL);
    assert_int_equal(count(d, "PB313"), 1);
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"basis-vocabulary\": [\"领导\", \"标准\"]}");
    f.rows[0].basis = "领导批示";
    d = check1_config(f, &c);
    expect_none(d, "PB313");
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_basis_uniform(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    for (size_t i = 0; i < f.n; i++)
        f.rows[i].basis = "上级文件精神";
    pb_document *d = check1(f);
    expect_none(d, "PB314"); /* opinionated: the strict preset's */
    pb_document_free(d);
    d = check1_strict(f);
    expect_at(d, "PB314", 1, IND(0, 0), 5, "「上级文件精神」", "6 rows", NULL);
    assert_int_equal(count(d, "PB314"), 1);
    pb_document_free(d);
    f.rows[5].basis = "历史标准：2024年问卷结果";
    d = check1_strict(f);
    expect_none(d, "PB314");
    pb_document_free(d);
}

/* ----------------------------------------------------------- structure */

static void test_table_incomplete(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.p.code = " ";
    f.p.goals = " ";
    pb_document *d = check1(f);
    expect_at(d, "PB402", 1, KV(0), 1, 1, "项目编码", NULL);
    expect_at(d, "PB402", 1, KV(0), 6, 1, "绩效目标", NULL);
    assert_int_equal(count(d, "PB402"), 2);
    pb_document_free(d);
    f = subsidy_project();
    f.n = 0; /* an indicator table with its head only */
    d = check1(f);
    expect_at(d, "PB402", 1, KV(0), 1, 0, "一级/二级/三级指标", NULL);
    pb_document_free(d);
    f = subsidy_project();
    f.p.total = f.p.fiscal = " ";
    for (int i = 0; i < 4; i++)
        f.p.labels[i] = f.p.sched[i] = " ";
    d = check1(f);
    expect_at(d, "PB402", 1, KV(0), 2, 2, "预算数", NULL);
    expect_at(d, "PB402", 1, KV(0), 4, 0, "资金支出计划", NULL);
    pb_document_free(d);
}

static void test_category_missing(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    drop_row(&f, 5); /* 满意度指标 */
    pb_document *d = check1(f);
    const pb_finding *w = expect_at(d, "PB403", 1, IND(0, 0), 0, "「满意度指标」", NULL);
    assert_int_equal(w->severity, PB_SEV_ERROR);
    assert_int_equal(count(d, "PB403"), 1);
    pb_document_free(d);

    f = subsidy_project();
    drop_row(&f, 1); /* 质量指标 */
    d = check1(f);
    const pb_finding *e = expect_at(d, "PB403", 1, IND(0, 0), 0, "「产出指标」", "「质量指标」", NULL);
    assert_int_equal(e->severity, PB_SEV_ERROR);
    pb_document_free(d);

    f = subsidy_project();
    drop_row(&f, 4); /* the only 效益 row */
    d = check1(f);
    e = expect_at(d, "PB403", 1, IND(0, 0), 0, "「效益指标」", NULL);
    assert_int_equal(e->severity, PB_SEV_ERROR);
    pb_document_free(d);

    /* The 2021 layout: 成本指标 as a 一级 of its own. */
    f = subsidy_project();
    f.rows[3].l1 = "成本指标";
    f.rows[3].l2 = "经济成本指标";
    d = check1(f);
    expect_none(d, "PB403");
    expect_none(d, "PB404");
    pb_document_free(d);

    /* A severity set for the rule holds for all its findings. */
    pb_config c = config_from("{\"rules\": {\"indicator-category-missing\": \"info\"}}");
    f = subsidy_project();
    drop_row(&f, 5);
    drop_row(&f, 1);
    d = check1_config(f, &c);
    assert_int_equal(count(d, "PB403"), 2);
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->id, "PB403") == 0)
            assert_int_equal(d->findings[i].severity, PB_SEV_INFO);
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_level_mismatch(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    add_row(&f, f.rows[5]);
    f.rows[5] = (fx_indicator){"", "质量指标", "社区环境整洁率", "巡查合格的楼道所占比例", "≥90%", "计划标准：巡查办法"};
    pb_document *d = check1(f);
    expect_at(d, "PB404", 1, IND(0, 5), 1, "「质量指标」", "「效益指标」", "「产出指标」", NULL);
    assert_int_equal(count(d, "PB404"), 1);
    pb_document_free(d);
    /* Synonyms: 环境效益 = 生态效益, 进度 = 时效. */
    f = subsidy_project();
    f.rows[2].l2 = "进度指标";
    f.rows[4].l2 = "环境效益指标";
    f.rows[4].l3 = "楼道垃圾清运率";
    d = check1(f);
    expect_none(d, "PB404");
    expect_none(d, "PB403");
    pb_document_free(d);
}

static void test_level_empty(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    /* A 二级 row with nothing beside it is a template remnant (issue 14),
     * not an empty 二级. */
    add_row(&f, f.rows[5]);
    f.rows[5] = (fx_indicator){"", "生态效益指标", "", "", "", ""};
    pb_document *d = check1(f);
    expect_none(d, "PB405");
    expect_none(d, "PB301");
    pb_document_free(d);
    /* A 三级 without its value: PB301 on the row, PB405 on the 二级. */
    f = subsidy_project();
    f.rows[4].value = "";
    d = check1(f);
    expect_at(d, "PB405", 1, IND(0, 4), 1, "「社会效益指标」", NULL);
    expect_at(d, "PB301", 1, IND(0, 4), 4, "楼门长履职率", NULL);
    pb_document_free(d);
    /* One 三级 with a value is enough for its 二级. */
    f = subsidy_project();
    add_row(&f, f.rows[5]);
    f.rows[5] = (fx_indicator){"", "", "楼门长培训次数", "当年组织培训的次数", "", "计划标准：培训计划"};
    d = check1(f);
    expect_none(d, "PB405");
    assert_int_equal(count(d, "PB301"), 1);
    pb_document_free(d);
}

static void test_count_low(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    while (f.n > 2)
        drop_row(&f, 1);
    pb_document *d = check1(f);
    expect_at(d, "PB406", 1, IND(0, 0), 0, "2 三级 indicators", "fewer than 3", NULL);
    pb_document_free(d);
    pb_config c = config_from("{\"min-indicators\": 2}");
    d = check1_config(f, &c);
    expect_none(d, "PB406");
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"min-indicators\": 7}");
    d = check1_config(subsidy_project(), &c);
    expect_at(d, "PB406", 1, IND(0, 0), 0, "6 三级 indicators", "fewer than 7", NULL);
    pb_document_free(d);
    pb_config_free(&c);
}

/* ------------------------------------------------------------ identity */

static void test_code_format(void **state)
{
    (void)state;
    /* No fixed pattern by default: codes differ between budget systems. */
    fixture f = subsidy_project();
    f.p.code = "13020925P0014701";
    pb_document *d = check1(f);
    expect_none(d, "PB501");
    pb_document_free(d);
    f.p.code = "１３０２０９２５Ｐ００１４６８１０００２Ａ"; /* full width reads as ASCII */
    d = check1(f);
    expect_none(d, "PB501");
    pb_document_free(d);
    /* Region and year against the document's other codes. */
    fixture g[3] = {subsidy_project(), rent_project(), rent_project()};
    g[2].p.code = "13020824P001470100077";
    g[2].p.name = "社区物业补充经费";
    g[2].p.title = "3.社区物业补充经费绩效目标表";
    for (size_t i = 0; i < g[2].n; i++)
        g[2].rows[i].value = "≥99%";
    g[2].rows[0].value = "≥3300平方米";
    g[2].rows[3].value = "≤710元/平方米";
    d = check(g, 3);
    expect_at(d, "PB501", 3, KV(2), 1, 1, "「130208」", "「130209」", NULL);
    expect_at(d, "PB501", 3, KV(2), 1, 1, "「24」", "「25」", NULL);
    assert_int_equal(count(d, "PB501"), 2);
    pb_document_free(d);
    /* A pattern, when configured (POSIX ERE), is an error to miss; the
     * message shows no regular expression. */
    pb_config c = config_from("{\"project-code-pattern\": \"^[0-9]{21}$\"}");
    d = check1_config(subsidy_project(), &c);
    const pb_finding *e = expect_at(d, "PB501", 1, KV(0), 1, 1, "configuration sets", NULL);
    assert_int_equal(e->severity, PB_SEV_ERROR);
    assert_null(strstr(e->message, "[0-9]"));
    pb_document_free(d);
    pb_config_free(&c);
    c = config_from("{\"project-code-pattern\": \"^[0-9]{8}P[0-9A-Z]{12}$\"}");
    d = check1_config(subsidy_project(), &c);
    expect_none(d, "PB501");
    pb_document_free(d);
    pb_config_free(&c);
}

static void test_code_and_name_duplicates(void **state)
{
    (void)state;
    fixture f[2] = {subsidy_project(), rent_project()};
    f[1].p.code = f[0].p.code;
    pb_document *d = check(f, 2);
    expect_at(d, "PB502", 2, KV(1), 1, 1, "13020925P00146810002A", "project 1", NULL);
    assert_int_equal(count(d, "PB502"), 1);
    expect_none(d, "PB503");
    pb_document_free(d);
    f[1] = rent_project();
    f[1].p.name = "楼门长补助 专项经费";
    f[1].p.title = "2.楼门长补助专项经费绩效目标表";
    d = check(f, 2);
    expect_at(d, "PB503", 2, KV(1), 1, 4, "project 1", NULL);
    assert_int_equal(count(d, "PB503"), 1);
    expect_none(d, "PB502");
    pb_document_free(d);
}

static void test_title_mismatch(void **state)
{
    (void)state;
    fixture f = subsidy_project();
    f.p.title = "1.街道专项工作经费绩效目标表";
    pb_document *d = check1(f);
    expect_at(d, "PB504", 1, KV(0), 1, 4, "「街道专项工作经费」", "「楼门长补助专项经费」", NULL);
    pb_document_free(d);
    static const char *const fine[] = {"1.楼门长补助专项经费项目支出绩效目标表", "１．楼门长补助专项经费绩效目标表",
                                       "1、楼门长补助专项经费项目绩效目标表", "楼门长补助专项经费",
                                       /* headings of the form, which name no project */
                                       "2023年项目支出绩效目标申报表", "省级部门预算项目支出绩效目标表(2023年度)",
                                       "项目支出绩效目标申报表", "2024年度部门项目绩效目标表",
                                       /* where it is filed, or its year, before the name */
                                       "2023年度楼门长补助专项经费绩效目标表", "附件1：楼门长补助专项经费项目绩效目标表",
                                       "表1 楼门长补助专项经费绩效目标表", "附件2：项目支出绩效目标表", "附件2：项目绩效目标"};
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
        f.p.title = fine[i];
        d = check1(f);
        expect_none(d, "PB504");
        pb_document_free(d);
    }
    /* a heading with a year that does name another project still does */
    f.p.title = "2023年街道专项工作经费绩效目标表";
    d = check1(f);
    expect_at(d, "PB504", 1, KV(0), 1, 4, "「2023年街道专项工作经费」", NULL);
    pb_document_free(d);
}

#define PART1(items) P("二、分项绩效目标") P("分项绩效目标") items P("三、工作保障措施")

static void test_summary_mismatch(void **state)
{
    (void)state;
    fixture f[2] = {subsidy_project(), rent_project()};
    pb_document *d = check_with(f, 2, PART1(P("（一）街道专项工作经费") P("（二）楼门长补助专项经费")), NULL);
    /* One entry of part 1 and one table unmatched: the same project named
     * two ways, one finding on the table that names both. */
    expect_at(d, "PB505", 2, KV(1), 1, 4, "「房屋租赁和物业管理专项经费」", "「街道专项工作经费」", NULL);
    assert_int_equal(count(d, "PB505"), 1);
    pb_document_free(d);
    /* Unmatched on one side only: each said. */
    d = check_with(f, 2, PART1(P("（一）街道专项工作经费") P("（二）楼门长补助专项经费") P("（三）房屋租赁和物业管理专项经费")),
                   NULL);
    const pb_finding *lone = expect_at(d, "PB505", 0, -1, -1, -1, "「街道专项工作经费」", NULL);
    assert_int_equal(count(d, "PB505"), 1);
    /* an entry without a table is found at its paragraph of part 1 */
    assert_int_equal(d->summary_count, 3);
    assert_int_equal(lone->loc.paragraph, d->summary[0].paragraph);
    assert_int_equal(lone->loc.paragraph, 2); /* after 二、分项绩效目标 and its heading */
    pb_document_free(d);
    d = check_with(f, 2, PART1(P("（一）楼门长补助专项经费")), NULL);
    expect_at(d, "PB505", 2, KV(1), 1, 4, "「房屋租赁和物业管理专项经费」", "no entry", NULL);
    pb_document_free(d);
    /* White space and width do not matter, nor the order. */
    d = check_with(f, 2, PART1(P("（一）房屋租赁和物业管理 专项经费") P("(二)楼门长补助专项经费")), NULL);
    expect_none(d, "PB505");
    pb_document_free(d);
    /* Without a part 1 there is nothing to compare. */
    d = check(f, 2);
    expect_none(d, "PB505");
    pb_document_free(d);
}

/* -------------------------------------------------------- configuration */

static bool parse(pb_config *c, const char *json, char *err, size_t n)
{
    return pb_config_parse(c, json, strlen(json), "x.json", err, n);
}

static void expect_rejected(const char *json, const char *key, const char *words)
{
    pb_config c;
    pb_config_default(&c);
    char err[512] = "";
    if (parse(&c, json, err, sizeof err))
        fail_msg("accepted: %s", json);
    if (key && !strstr(err, key))
        fail_msg("%s: the message \"%s\" does not name %s", json, err, key);
    if (words && !strstr(err, words))
        fail_msg("%s: the message \"%s\" lacks \"%s\"", json, err, words);
    assert_non_null(strstr(err, "x.json"));
    /* A rejected configuration leaves the defaults untouched. */
    assert_int_equal(c.min_indicators, 3);
    assert_int_equal(c.schedule_mode, PB_SCHEDULE_PRACTICE);
    assert_null(c.arena);
    pb_config_free(&c);
}

static void test_config_errors(void **state)
{
    (void)state;
    expect_rejected("{\"rulez\": {}}", "'rulez'", "unknown key");
    expect_rejected("{\"rules\": {\"PB999\": \"off\"}}", "'rules.PB999'", "no rule");
    expect_rejected("{\"rules\": {\"PB101\": \"fatal\"}}", "'rules.PB101'", "\"off\"");
    expect_rejected("{\"rules\": {\"PB101\": \"off\", \"schedule-checkpoint-blank\": \"info\"}}",
                    "'rules.schedule-checkpoint-blank'", "twice");
    expect_rejected("{\"rules\": []}", "'rules'", NULL);
    expect_rejected("{\"satisfaction-floor\": 120}", "'satisfaction-floor'", "0 to 100");
    expect_rejected("{\"satisfaction-floor\": \"high\"}", "'satisfaction-floor'", NULL);
    expect_rejected("{\"satisfaction-floor\": 80.0000001}", "'satisfaction-floor'", NULL);
    expect_rejected("{\"schedule-minimums\": \"curved\"}", "'schedule-minimums'", "straight-line");
    expect_rejected("{\"schedule-minimums\": {\"6月底\": -1}}", "'schedule-minimums.6月底'", NULL);
    expect_rejected("{\"schedule-minimums\": {\"6月底\": 50, \"6 月底\": 60}}", "'schedule-minimums.6 月底'", "twice");
    expect_rejected("{\"min-indicators\": 2.5}", "'min-indicators'", "whole number");
    expect_rejected("{\"min-indicators\": -1}", "'min-indicators'", NULL);
    expect_rejected("{\"project-code-pattern\": \"([0-9\"}", "'project-code-pattern'", "regular expression");
    expect_rejected("{\"project-code-pattern\": 5}", "'project-code-pattern'", NULL);
    expect_rejected("{\"vague-names\": [\"a\", 1]}", "'vague-names[1]'", NULL);
    expect_rejected("{\"vague-names\": [\" \"]}", "'vague-names[0]'", "non-empty");
    expect_rejected("{\"basis-vocabulary\": \"标准\"}", "'basis-vocabulary'", "array");
    expect_rejected("{\"min-indicators\": 3, \"min-indicators\": 4}", "'min-indicators'", "twice");
    expect_rejected("[1, 2]", NULL, "JSON object");
    expect_rejected("{\n  \"rules\": {,}\n}", NULL, "line 2, column ");
}

static void test_config_values(void **state)
{
    (void)state;
    pb_config c = config_from("{\"rules\": {\"summary-project-mismatch\": \"off\", \"PB306\": \"error\"},"
                              " \"satisfaction-floor\": \"85.5\", \"min-indicators\": 5,"
                              " \"schedule-minimums\": {\"6 月底\": 45, \"１０月底\": 80},"
                              " \"vague-names\": [\"提供 优质服务\"], \"basis-vocabulary\": [\"标准\"]}");
    char buf[PB_DECIMAL_BUFSIZE];
    assert_string_equal(pb_decimal_format(c.satisfaction_floor, buf), "85.5");
    assert_int_equal(c.min_indicators, 5);
    assert_int_equal(c.schedule_mode, PB_SCHEDULE_LISTED);
    assert_int_equal(c.schedule_minimum_count, 2);
    assert_string_equal(c.schedule_minimums[0].label, "6月底"); /* normalised */
    assert_string_equal(c.schedule_minimums[1].label, "10月底");
    assert_string_equal(pb_decimal_format(c.schedule_minimums[0].percent, buf), "45");
    assert_int_equal(c.vague_name_count, 1);
    assert_string_equal(c.vague_names[0], "提供优质服务");
    assert_int_equal(pb_config_severity(&c, pb_rule_find("PB505")), PB_SEV_OFF);
    assert_int_equal(pb_config_severity(&c, pb_rule_find("indicator-satisfaction-floor")), PB_SEV_ERROR);
    assert_int_equal(pb_config_severity(&c, pb_rule_find("PB101")), PB_SEV_WARNING);
    /* A second file read over the first keeps what it does not set. */
    char err[256];
    assert_true(parse(&c, "{\"min-indicators\": 4}", err, sizeof err));
    assert_int_equal(c.min_indicators, 4);
    assert_string_equal(c.vague_names[0], "提供优质服务");
    /* Printed and read back, the configuration is the same. */
    char *json = pb_config_json(&c);
    assert_non_null(json);
    pb_config back;
    pb_config_default(&back);
    if (!pb_config_parse(&back, json, strlen(json), "printed", err, sizeof err))
        fail_msg("%s", err);
    char *again = pb_config_json(&back);
    assert_string_equal(json, again);
    free(json);
    free(again);
    pb_config_free(&back);
    pb_config_free(&c);
    /* Severity and off on a document. */
    c = config_from("{\"rules\": {\"PB311\": \"error\", \"indicator-percent-not-rate\": \"off\"}}");
    fixture f = subsidy_project();
    f.rows[4].l3 = "维护社会稳定";
    pb_document *d = check1_config(f, &c);
    assert_int_equal(expect_at(d, "PB311", 1, IND(0, 4), 2, NULL)->severity, PB_SEV_ERROR);
    expect_none(d, "PB307");
    pb_document_free(d);
    pb_config_free(&c);
}

static bool selected(const pb_config *c, const char *id)
{
    return pb_config_severity(c, pb_rule_find(id)) != PB_SEV_OFF;
}

static void test_select_and_ignore(void **state)
{
    (void)state;
    pb_config c;
    pb_config_default(&c);
    char err[256];
    assert_true(pb_config_select(&c, "PB1,PB202", "schedule-back-loaded", err, sizeof err));
    assert_true(selected(&c, "PB101"));
    assert_true(selected(&c, "PB105"));
    assert_false(selected(&c, "PB106"));
    assert_true(selected(&c, "PB202"));
    assert_false(selected(&c, "PB201"));
    assert_false(selected(&c, "PB304"));
    /* The more specific selector wins; ignore wins a tie. */
    assert_true(pb_config_select(&c, "PB106", "PB1", err, sizeof err));
    assert_true(selected(&c, "PB106"));
    assert_false(selected(&c, "PB101"));
    assert_true(pb_config_select(&c, "pb3", "PB3", err, sizeof err));
    assert_false(selected(&c, "PB304"));
    assert_true(pb_config_select(&c, NULL, "indicator-direction", err, sizeof err));
    assert_false(selected(&c, "PB304"));
    assert_true(selected(&c, "PB303"));
    assert_true(pb_config_select(&c, "ALL", "PB30", err, sizeof err));
    assert_false(selected(&c, "PB303"));
    assert_true(selected(&c, "PB310"));
    assert_true(selected(&c, "PB505"));
    /* A selector that matches nothing is an error naming it. */
    assert_false(pb_config_select(&c, "PB9", NULL, err, sizeof err));
    assert_non_null(strstr(err, "'PB9'"));
    assert_false(pb_config_select(&c, NULL, "no-such-rule", err, sizeof err));
    assert_non_null(strstr(err, "'no-such-rule'"));
    assert_false(pb_config_select(&c, "PB1010", NULL, err, sizeof err));
    /* Selection does not change a configured severity. */
    pb_config_free(&c);
    c = config_from("{\"rules\": {\"PB304\": \"error\"}}");
    assert_true(pb_config_select(&c, "PB3", NULL, err, sizeof err));
    assert_int_equal(pb_config_severity(&c, pb_rule_find("PB304")), PB_SEV_ERROR);
    pb_config_free(&c);
}

static void write_file(const char *path, const char *text) { assert_true(fx_write_file(path, text)); }

static void test_config_find(void **state)
{
    (void)state;
    char top[256], mid[300], low[340], cfg[400];
    snprintf(top, sizeof top, "%s", fx_tmp_path("find"));
    snprintf(mid, sizeof mid, "%s/a", top);
    snprintf(low, sizeof low, "%s/b/c", mid);
    char b[320];
    snprintf(b, sizeof b, "%s/b", mid);
    assert_int_equal(mkdir(top, 0755), 0);
    assert_int_equal(mkdir(mid, 0755), 0);
    assert_int_equal(mkdir(b, 0755), 0);
    assert_int_equal(mkdir(low, 0755), 0);
    snprintf(cfg, sizeof cfg, "%s/.pbcheck.json", mid);
    write_file(cfg, "{}");
    char *real = realpath(cfg, NULL);
    char *found = pb_config_find(low);
    assert_non_null(found);
    assert_string_equal(found, real);
    free(found);
    found = pb_config_find(mid);
    assert_string_equal(found, real);
    free(found);
    /* A folder named .pbcheck.json is not a configuration. */
    char decoy[400];
    snprintf(decoy, sizeof decoy, "%s/.pbcheck.json", b);
    assert_int_equal(mkdir(decoy, 0755), 0);
    found = pb_config_find(low);
    assert_string_equal(found, real);
    free(found);
    free(real);
    assert_null(pb_config_find("/nonexistent/folder"));
}

/* --------------------------------------------------------- the binary */

/* The binary in English, whatever the environment. */
static run_result run(const char *args)
{
    size_t n = strlen(args) + 16;
    char *all = malloc(n);
    assert_non_null(all);
    snprintf(all, n, "--lang en %s", args);
    run_result r = fx_run(all);
    free(all);
    return r;
}

#define run_free fx_run_free

/* The checks name rules by pbi_rule_id: every identifier has its catalogue
 * entry (a hole would be a NULL ID), and the entries are in ID order, so
 * that the enum's order is pb_rules()'s. */
static void test_catalogue_indexed_by_rule_id(void **state)
{
    (void)state;
    size_t n;
    const pb_rule *all = pb_rules(&n);
    assert_int_equal(n, PBI_RULE_COUNT);
    for (int i = 0; i < PBI_RULE_COUNT; i++) {
        const pb_rule *r = pbi_rule((pbi_rule_id)i);
        assert_ptr_equal(r, &all[i]);
        assert_non_null(r->id);
        assert_non_null(r->slug);
        assert_int_equal(pb_rule_index(r), i);
        assert_ptr_equal(pb_rule_find(r->slug), r);
        if (i > 0)
            assert_true(strcmp(all[i - 1].id, r->id) < 0);
    }
    assert_string_equal(pbi_rule(RULE_SCHEDULE_CHECKPOINT_BLANK)->id, "PB101");
    assert_string_equal(pbi_rule(RULE_SELF_EVALUATION_SKIPPED)->id, "PB601");
}

static void test_rules_command(void **state)
{
    (void)state;
    run_result r = run("rules");
    assert_int_equal(r.status, 0);
    size_t n;
    const pb_rule *rules = pb_rules(&n);
    for (size_t i = 0; i < n; i++) {
        char line[256];
        snprintf(line, sizeof line, "%s  %s ", rules[i].id, rules[i].slug);
        if (!strstr(r.out, line) || !strstr(r.out, rules[i].summary))
            fail_msg("`pbcheck rules` lacks %s %s", rules[i].id, rules[i].slug);
    }
    assert_non_null(strstr(r.out, "warning  A timeliness target"));
    run_free(&r);
    r = run("explain PB305");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "PB305 indicator-no-operator (info)"));
    assert_non_null(strstr(r.out, "Example that fails: 数量指标/发放人数 「395人」"));
    assert_non_null(strstr(r.out, "Fix: Write the comparison"));
    assert_non_null(strstr(r.out, "reviewer heuristic"));
    run_free(&r);
    r = run("explain indicator-no-operator");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "PB305 indicator-no-operator"));
    run_free(&r);
    r = run("explain no-such-rule");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "'no-such-rule'"));
    run_free(&r);
    r = run("rules --format yaml");
    assert_int_equal(r.status, 2);
    run_free(&r);
}

static void test_docs_match_catalogue(void **state)
{
    (void)state;
    run_result r = run("rules --format markdown");
    assert_int_equal(r.status, 0);
    char *doc = fx_slurp("docs/rules.md"), *review = fx_slurp("docs/rules-review.md");
    size_t n_out = strlen(r.out);
    /* The generated catalogue, then the hand-written review section. */
    if (strncmp(doc, r.out, n_out) != 0 || strcmp(doc + n_out, review) != 0 || !*review)
        fail_msg("docs/rules.md differs from `pbcheck rules --format markdown` and docs/rules-review.md: run "
                 "`make docs/rules.md`");
    free(review);
    /* Every rule has its section with its explanation, example and fix. */
    size_t n;
    const pb_rule *rules = pb_rules(&n);
    for (size_t i = 0; i < n; i++) {
        char head[128];
        snprintf(head, sizeof head, "### %s %s\n", rules[i].id, rules[i].slug);
        assert_non_null(strstr(doc, head));
        assert_non_null(strstr(doc, rules[i].explanation));
        assert_non_null(strstr(doc, rules[i].example));
        assert_non_null(strstr(doc, rules[i].fix));
        assert_true(*rules[i].example && *rules[i].fix);
    }
    free(doc);
    run_free(&r);
}

static void test_config_lookup_from_the_file_upward(void **state)
{
    (void)state;
    char top[256], sub[300], doc[400], cfg[400], args[2048];
    snprintf(top, sizeof top, "%s", fx_tmp_path("lookup"));
    snprintf(sub, sizeof sub, "%s/2025/district", top);
    snprintf(doc, sizeof doc, "%s/report.docx", sub);
    snprintf(args, sizeof args, "mkdir -p '%s' && cp data/reference.docx '%s'", sub, doc);
    assert_int_equal(system(args), 0);
    snprintf(cfg, sizeof cfg, "%s/.pbcheck.json", top);
    write_file(cfg, "{\"rules\": {\"indicator-vague-name\": \"error\", \"PB310\": \"off\"}}");

    snprintf(args, sizeof args, "--format json '%s'", doc);
    run_result r = run(args);
    /* PB311 now fails the run; PB310 is gone. */
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "\"PB311\""));
    assert_null(strstr(r.out, "\"PB310\""));
    run_free(&r);

    /* --config replaces the search; --select and --ignore narrow. */
    char other[400];
    snprintf(other, sizeof other, "%s/other.json", top);
    write_file(other, "{\"rules\": {\"PB101\": \"error\"}}");
    snprintf(args, sizeof args, "--format json --config '%s' --select PB1 --ignore PB106 '%s'", other, doc);
    r = run(args);
    assert_int_equal(r.status, 1);
    cJSON *j = cJSON_Parse(r.out);
    assert_non_null(j);
    cJSON *findings = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "files"), 0), "findings");
    assert_int_equal(cJSON_GetArraySize(findings), 2);
    for (int i = 0; i < 2; i++) {
        cJSON *f = cJSON_GetArrayItem(findings, i);
        assert_string_equal(cJSON_GetObjectItem(f, "rule")->valuestring, "PB101");
        assert_string_equal(cJSON_GetObjectItem(f, "severity")->valuestring, "error");
    }
    cJSON_Delete(j);
    run_free(&r);

    /* `config --print` shows what applies, as a configuration. */
    snprintf(args, sizeof args, "config --print '%s'", sub);
    r = run(args);
    assert_int_equal(r.status, 0);
    j = cJSON_Parse(r.out);
    assert_non_null(j);
    cJSON *rules = cJSON_GetObjectItem(j, "rules");
    assert_string_equal(cJSON_GetObjectItem(rules, "indicator-vague-name")->valuestring, "error");
    assert_string_equal(cJSON_GetObjectItem(rules, "indicator-description-repeats-name")->valuestring, "off");
    assert_string_equal(cJSON_GetObjectItem(rules, "indicator-direction")->valuestring, "warning");
    assert_int_equal(cJSON_GetObjectItem(j, "min-indicators")->valueint, 3);
    assert_non_null(strstr(r.err, ".pbcheck.json"));
    cJSON_Delete(j);
    run_free(&r);

    /* A bad key is an error naming it, and nothing is checked. */
    write_file(cfg, "{\"rules\": {\"indicator-vague-name\": \"loud\"}}");
    snprintf(args, sizeof args, "--format json '%s'", doc);
    r = run(args);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "'rules.indicator-vague-name'"));
    assert_null(strstr(r.out, "PB311"));
    run_free(&r);
    snprintf(args, sizeof args, "config --print '%s'", sub);
    r = run(args);
    assert_int_equal(r.status, 2);
    run_free(&r);
    r = run("--select PB9 data/reference.docx");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "'PB9'"));
    run_free(&r);
    unlink(cfg);
}

static void test_config_print_defaults(void **state)
{
    (void)state;
    char args[600];
    snprintf(args, sizeof args, "config --print '%s'", fx_tmp_path(""));
    run_result r = run(args);
    assert_int_equal(r.status, 0);
    char *expected = pb_config_json(NULL);
    assert_non_null(expected);
    char *with_newline = malloc(strlen(expected) + 2);
    assert_non_null(with_newline);
    sprintf(with_newline, "%s\n", expected);
    assert_string_equal(r.out, with_newline);
    assert_non_null(strstr(r.out, "\"preset\":\t\"default\""));
    assert_non_null(strstr(r.out, "\"schedule-minimums\":\t\"practice\""));
    assert_non_null(strstr(r.out, "\"satisfaction-floor\":\t80"));
    assert_non_null(strstr(r.out, "\"project-code-pattern\":\tnull"));
    assert_non_null(strstr(r.out, "\"indicator-no-operator\":\t\"off\"")); /* strict only */
    free(expected);
    free(with_newline);
    run_free(&r);
    r = run("config");
    assert_int_equal(r.status, 2);
    run_free(&r);
}

/* ------------------------------------------- the reference document */

typedef struct expected {
    const char *id;
    int project; /* 0: the document */
    int table, row, col;
} expected;

/* docs/reference-findings.md explains each line.  Tables: project k has
 * its key/value table 2(k-1) and its indicator table 2(k-1)+1; indicator
 * rows 1-9 are 数量, 质量, 时效, 成本, 经济效益, 社会效益, 生态效益, 可持续影响,
 * 满意度; columns 三级 2, 描述 3, 指标值 4, 依据 5. */
/* With the defaults: what a reviewer would raise, one finding per problem
 * (docs/rules.md says why each is right). */
static const expected reference[] = {
    /* Table 1: 房屋租赁和物业管理专项经费 */
    {"PB101", 1, 0, 5, 1}, {"PB101", 1, 0, 5, 3}, /* 3月底, 6月底 blank */
    {"PB106", 1, 0, 5, 4},                        /* 10月底 50% < 70% */
    {"PB311", 1, 1, 1, 2},                        /* 5 boilerplate names, one finding */
    {"PB309", 1, 1, 3, 4},                        /* ≤1年 */
    {"PB209", 1, 1, 4, 4},                        /* ≤242.59万元 = 预算数: 40.43万元 per 次 */
    {"PB307", 1, 1, 5, 4},                        /* 公共服务水平提升情况 ≥95% */
    {"PB312", 1, 1, 7, 2}, {"PB312", 1, 1, 8, 2}, /* 生态影响, 维护社会稳定 ≥95% in all three, once */
    /* Table 2: 楼门长补助专项经费 */
    {"PB311", 2, 3, 2, 2}, {"PB309", 2, 3, 3, 4}, {"PB209", 2, 3, 4, 4}, {"PB307", 2, 3, 5, 4},
    /* Table 3: 中山路街道专项经费, named 街道专项工作经费 in part 1: once */
    {"PB505", 3, 4, 1, 4},
    {"PB106", 3, 4, 5, 4}, /* 10月底 60% < 70% */
    {"PB311", 3, 5, 1, 2}, {"PB309", 3, 5, 3, 4}, {"PB209", 3, 5, 4, 4}, {"PB307", 3, 5, 5, 4},
};

static int cmp_expected(const void *x, const void *y)
{
    const expected *a = x, *b = y;
    if (a->project != b->project)
        return a->project - b->project;
    if (a->table != b->table)
        return a->table - b->table;
    if (a->row != b->row)
        return a->row - b->row;
    if (a->col != b->col)
        return a->col - b->col;
    return strcmp(a->id, b->id);
}

static void test_reference_document_findings(void **state)
{
    (void)state;
    pb_document *d = pb_read_file("data/reference.docx", NULL);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_OK);
    assert_true(pb_check(d, NULL));
    size_t n = sizeof reference / sizeof *reference;
    expected want[sizeof reference / sizeof *reference];
    memcpy(want, reference, sizeof want);
    qsort(want, n, sizeof *want, cmp_expected);
    expected *got = calloc(d->finding_count + 1, sizeof *got);
    assert_non_null(got);
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        got[i] = (expected){f->rule->id, f->project ? f->project->number : 0, f->loc.table, f->loc.row, f->loc.col};
    }
    qsort(got, d->finding_count, sizeof *got, cmp_expected);
    size_t i = 0, j = 0;
    bool same = true;
    while (i < n || j < d->finding_count) {
        int c = i == n ? 1 : j == d->finding_count ? -1 : cmp_expected(&want[i], &got[j]);
        if (c < 0)
            print_message("missing %s project %d (%d,%d,%d)\n", want[i].id, want[i].project, want[i].table,
                          want[i].row, want[i].col);
        else if (c > 0)
            print_message("unexpected %s project %d (%d,%d,%d)\n", got[j].id, got[j].project, got[j].table,
                          got[j].row, got[j].col);
        same = same && c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    free(got);
    assert_true(same);
    assert_int_equal(d->finding_count, 19);
    /* Messages quote the document and severities are the defaults: no
     * error, so the reference document passes a CI gate. */
    for (size_t k = 0; k < d->finding_count; k++)
        assert_int_equal(d->findings[k].severity, d->findings[k].rule->severity);
    expect_at(d, "PB505", 3, 4, 1, 4, "「中山路街道专项经费」", "「街道专项工作经费」", NULL);
    expect_at(d, "PB106", 3, 4, 5, 4, "「10月底」", "60%", "70%", NULL);
    expect_at(d, "PB209", 2, 3, 4, 4, "「≤237万元」", "237.00万元", "「395人」", "6000元 per 人", NULL);
    expect_at(d, "PB209", 1, 1, 4, 4, "「≥6次」", "40.43万元 per 次", NULL);
    expect_none(d, "PB204"); /* PB209 says it, with the unit cost */
    expect_at(d, "PB309", 1, 1, 3, 4, "「≤1年」", "within the budget year", NULL);
    expect_at(d, "PB309", 2, 3, 3, 4, "「1年」", "the budget year itself", NULL);
    expect_at(d, "PB309", 3, 5, 3, 4, "「≥1年」", "sets no deadline", NULL);
    /* 公共服务水平提升情况: its 「≥95%」 (PB307), and no longer boilerplate. */
    expect_at(d, "PB307", 1, 1, 5, 4, "公共服务水平提升情况", "「≥95%」", NULL);
    for (size_t k = 0; k < d->finding_count; k++)
        if (strcmp(d->findings[k].rule->id, "PB311") == 0)
            assert_null(strstr(d->findings[k].message, "公共服务水平提升情况"));
    expect_at(d, "PB311", 1, 1, 1, 2, "5 indicators", "「工作开展次数」", "「提供优质服务」", "「维护社会稳定」", NULL);
    expect_at(d, "PB312", 1, 1, 8, 2, "维护社会稳定", "「≥95%」", "all 3 projects", NULL);
    expect_none(d, "PB304"); /* ≥1年 is PB309's problem */
    expect_none(d, "PB305");
    expect_none(d, "PB310");
    pb_document_free(d);

    /* The strict preset adds the opinionated rules, still one finding per
     * table for a pattern over it. */
    pb_config strict;
    pb_config_default(&strict);
    char err[256];
    assert_true(pb_config_preset(&strict, "strict", err, sizeof err));
    d = pb_read_file("data/reference.docx", NULL);
    assert_non_null(d);
    assert_true(pb_check(d, &strict));
    assert_int_equal(count(d, "PB310"), 3);
    assert_int_equal(count(d, "PB314"), 3);
    assert_int_equal(count(d, "PB305"), 1); /* 395人; 1年 is PB309's */
    expect_at(d, "PB314", 2, 3, 1, 5, "「上级文件精神」", "all 9 rows", NULL);
    /* Its place under 经济效益: a 社会效益 indicator of the common-indicator libraries. */
    assert_int_equal(count(d, "PB322"), 3);
    expect_at(d, "PB322", 1, 1, 5, 2, "「公共服务水平提升情况」", "社会效益 indicator", "not an economic effect",
              "社会效益指标", NULL);
    pb_document_free(d);
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_fixtures_have_no_findings),
        cmocka_unit_test(test_schedule_back_loaded),
        cmocka_unit_test(test_schedule_minimums_configured),
        cmocka_unit_test(test_checkpoint_months),
        cmocka_unit_test(test_cost_equals_budget),
        cmocka_unit_test(test_implied_unit_cost),
        cmocka_unit_test(test_budget_unit_missing),
        cmocka_unit_test(test_budget_magnitude),
        cmocka_unit_test(test_no_operator),
        cmocka_unit_test(test_satisfaction_floor),
        cmocka_unit_test(test_percent_not_rate),
        cmocka_unit_test(test_unit_mismatch),
        cmocka_unit_test(test_timeliness_vague),
        cmocka_unit_test(test_description_repeats_name),
        cmocka_unit_test(test_vague_name),
        cmocka_unit_test(test_copied_across_projects),
        cmocka_unit_test(test_basis_missing),
        cmocka_unit_test(test_effect_unmeasurable),
        cmocka_unit_test(test_annual_repeats_medium_term),
        cmocka_unit_test(test_basis_uniform),
        cmocka_unit_test(test_table_incomplete),
        cmocka_unit_test(test_category_missing),
        cmocka_unit_test(test_level_mismatch),
        cmocka_unit_test(test_level_empty),
        cmocka_unit_test(test_count_low),
        cmocka_unit_test(test_code_format),
        cmocka_unit_test(test_code_and_name_duplicates),
        cmocka_unit_test(test_title_mismatch),
        cmocka_unit_test(test_summary_mismatch),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_config_values),
        cmocka_unit_test(test_select_and_ignore),
        cmocka_unit_test(test_config_find),
        cmocka_unit_test(test_catalogue_indexed_by_rule_id),
        cmocka_unit_test(test_rules_command),
        cmocka_unit_test(test_docs_match_catalogue),
        cmocka_unit_test(test_config_lookup_from_the_file_upward),
        cmocka_unit_test(test_config_print_defaults),
        cmocka_unit_test(test_reference_document_findings),
    };
    return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
