/* Issue 15: findings a reviewer would sign.  Each defect the issue lists
 * makes the binary exit 1 with the defaults, on a small fixture table; each
 * false positive it lists is a legitimate table of its own that passes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "check/check.h"
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A clean project (fixture.c): every rule passes with the defaults. */
typedef fx_table table;

static table clean(const char *title, const char *code, const char *name) { return fx_clean_table(title, code, name); }

static table one(void) { return fx_subsidy_table(); }

static void drop_row(table *t, size_t i) { fx_drop_row(t, i); }

/* Adds a row before the 满意度 row: rows give their 一级. */
static void add_row(table *t, fx_indicator row) { assert_true(fx_insert_row(t, t->n - 1, row)); }

/* A configuration file of the given text, as a --config option. */
static const char *config_option(const char *name, const char *text)
{
    static char opt[512];
    const char *path = fx_tmp_path(name);
    assert_true(fx_write_file(path, text));
    snprintf(opt, sizeof opt, "--config '%s'", path);
    return opt;
}

/* Writes the tables as a .docx and runs `pbcheck --lang en [options] FILE`. */
static run_result run_tables(table *t, size_t n, const char *options)
{
    char *body = fx_tables_body(t, n, NULL);
    assert_non_null(body);
    const char *path = fx_tmp_path("review.docx");
    assert_true(fx_docx_file(path, body));
    free(body);
    char args[1024];
    snprintf(args, sizeof args, "--lang en %s '%s'", options ? options : "", path);
    return fx_run(args);
}

/* The run exits `status` and, when id is given, reports rule id with every
 * word of the NULL-terminated list on one line. */
static void expect_run(table *t, size_t n, const char *options, int status, const char *id, ...)
{
    run_result r = run_tables(t, n, options);
    bool found = id == NULL;
    for (char *line = r.out; id && line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        bool all = strstr(line, id) != NULL;
        va_list ap;
        va_start(ap, id);
        for (const char *w = va_arg(ap, const char *); w && all; w = va_arg(ap, const char *))
            all = strstr(line, w) != NULL;
        va_end(ap);
        found = found || all;
        if (end)
            *end = '\n';
        line = end ? end + 1 : NULL;
    }
    if (r.status != status || !found)
        fail_msg("exit %d (wanted %d), %s %s:\n%s%s", r.status, status, id ? id : "", found ? "found" : "missing",
                 r.out, r.err);
    fx_run_free(&r);
}

/* ------------------------------------------------------ a clean filing */

static void test_clean_table_exits_0(void **state)
{
    (void)state;
    table t = one();
    run_result r = run_tables(&t, 1, NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "no findings"));
    fx_run_free(&r);
}

/* ------------------------------------------- each defect exits 1 */

static void test_schedule_defects_exit_1(void **state)
{
    (void)state;
    table t = one();
    t.p.sched[1] = "20%"; /* falls back after 25% */
    expect_run(&t, 1, NULL, 1, "PB103", "「6月底」", NULL);
    t = one();
    t.p.sched[3] = "90%"; /* ends below 100 % */
    expect_run(&t, 1, NULL, 1, "PB104", "90%", NULL);
    t = one();
    t.p.sched[2] = "120%"; /* above 100 % */
    expect_run(&t, 1, NULL, 1, "PB102", "120%", NULL);
}

static void test_money_defects_exit_1(void **state)
{
    (void)state;
    table t = one();
    t.rows[3].value = "≤300万元"; /* a cost ceiling above the budget */
    expect_run(&t, 1, NULL, 1, "PB202", "≤300万元", NULL);
    t = one();
    t.p.fiscal = "200.00";
    t.p.other = "10.00"; /* parts that do not add up */
    expect_run(&t, 1, NULL, 1, "PB201", "237.00", NULL);
    /* Issue 19 defect 9: too large to convert is reported, not skipped. */
    t = one();
    t.p.total = t.p.fiscal = "242.59";
    t.rows[3].value = "≤1000000000亿元";
    expect_run(&t, 1, NULL, 1, "PB202", "≤1000000000亿元", "242.59", NULL);
}

static void test_value_defects_exit_1(void **state)
{
    (void)state;
    table t = one();
    t.rows[0].value = ""; /* an empty 指标值 */
    expect_run(&t, 1, NULL, 1, "PB301", "补助发放人数", NULL);
    t = one();
    t.rows[5].value = "≤95%"; /* 满意度 with ≤ */
    expect_run(&t, 1, NULL, 1, "PB304", "error", "「≤95%」", "「≥", NULL);
    t = one();
    t.rows[1].value = "≥120%"; /* a share above 100 % */
    expect_run(&t, 1, NULL, 1, "PB303", "120%", NULL);
}

static void test_structure_defects_exit_1(void **state)
{
    (void)state;
    table t = one();
    drop_row(&t, 5); /* no 满意度指标 */
    expect_run(&t, 1, NULL, 1, "PB403", "满意度指标", NULL);
    t = one();
    drop_row(&t, 3); /* no 成本指标 */
    expect_run(&t, 1, NULL, 1, "PB403", "成本指标", NULL);
}

static void test_code_defects_exit_1(void **state)
{
    (void)state;
    table t[3] = {one(), clean("2.房屋租赁和物业管理专项经费绩效目标表", "13020925P001470100024", "房屋租赁和物业管理专项经费"),
                  clean("3.社区物业补充经费绩效目标表", "13020925P001470100024", "社区物业补充经费")};
    /* Each its own targets, so that only the codes are in question. */
    t[1].rows[0].value = "≥3200平方米";
    t[1].rows[0].l3 = "租赁办公场所面积";
    t[2].rows[0].value = "≥12个";
    t[2].rows[0].l3 = "物业服务社区数";
    /* A duplicated 项目编码. */
    expect_run(t, 3, NULL, 1, "PB502", "13020925P001470100024", NULL);
    /* The letter O for a zero among codes of digits: which positions. */
    t[2].p.code = "13020925P0O147O100099";
    expect_run(t, 3, NULL, 1, "PB501", "「O」", "position 11, 15", NULL);
    /* Five characters short. */
    t[2].p.code = "13020925P00147010";
    expect_run(t, 3, NULL, 1, "PB501", "17 characters", "have 21", NULL);
    /* Another system's numbering, consistent in itself: no finding. */
    t[0].p.code = "2025-001";
    t[1].p.code = "2025-002";
    t[2].p.code = "2025-003";
    expect_run(t, 3, NULL, 0, NULL);
    /* The configured pattern, when one is set. */
    table u = one();
    u.p.code = "13020925X00146810002A";
    const char *opt = config_option("pattern.json", "{\"project-code-pattern\": \"^[0-9]{8}P[0-9]{11}[0-9A-Z]$\"}");
    expect_run(&u, 1, opt, 1, "PB501", "configuration sets", NULL);
}

/* Issue 19 defect 10: anything after the configuration's JSON object. */
static void test_config_trailing_text_exits_2(void **state)
{
    (void)state;
    table t = one();
    const char *opt = config_option("trailing.json", "{\"min-indicators\":3}{\"x\":1}");
    run_result r = run_tables(&t, 1, opt);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "after the configuration's JSON object"));
    fx_run_free(&r);
    /* A NUL and garbage after the object, and white space (which is fine). */
    pb_config c;
    pb_config_default(&c);
    char err[256];
    static const char nul[] = "{\"min-indicators\":4}\0garbage";
    assert_false(pb_config_parse(&c, nul, sizeof nul - 1, "x.json", err, sizeof err));
    assert_non_null(strstr(err, "line 1, column 21"));
    static const char spaces[] = "{\"min-indicators\":4} \n\t";
    assert_true(pb_config_parse(&c, spaces, sizeof spaces - 1, "x.json", err, sizeof err));
    assert_int_equal(c.min_indicators, 4);
    pb_config_free(&c);
    /* --select with no rule in it. */
    pb_config_default(&c);
    assert_false(pb_config_select(&c, ",,,", NULL, err, sizeof err));
    assert_false(pb_config_select(&c, "", NULL, err, sizeof err));
    assert_non_null(strstr(err, "no rule is named"));
}

/* ------------------------------------- legitimate tables that pass */

/* The 绩效目标 lines in a table nested in the goal cell are the goals
 * (`pbcheck tables` shows them there); a blank goal cell is PB402. */
static void test_goals_in_a_nested_table(void **state)
{
    (void)state;
    table t = one();
    t.p.goals_nested = true;
    expect_run(&t, 1, NULL, 0, NULL);
    run_result r = run_tables(&t, 1, "--format json");
    assert_null(strstr(r.out, "PB402"));
    assert_non_null(strstr(r.out, "1.保证楼门长补助按月足额发放"));
    fx_run_free(&r);
    t.p.goals = " ";
    expect_run(&t, 1, NULL, 1, "PB402", "绩效目标", NULL);
    t.p.goals_nested = false;
    expect_run(&t, 1, NULL, 1, "PB402", "绩效目标", NULL);
}

static void test_rates_that_may_pass_100(void **state)
{
    (void)state;
    table t = one();
    add_row(&t, (fx_indicator){"产出指标", "数量指标", "床位入住率", "入住床位数占核定床位数的比例", "≥105%", "历史标准：2024年统计"});
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "年度任务完成率", "完成量占计划量的比例", "≥110%", "计划标准：年度计划"});
    add_row(&t, (fx_indicator){"效益指标", "经济效益指标", "税收增长率", "比上年增长的比例", "≥120%", "历史标准：2024年统计"});
    expect_run(&t, 1, NULL, 0, NULL);
}

static void test_direction_from_the_name(void **state)
{
    (void)state;
    table t = one();
    /* Reverse quality indicators and a positive cost indicator. */
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "补助发放差错率", "发放有误的人次占发放人次的比例", "≤1%", "历史标准：2024年"});
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "居民投诉率", "投诉件数占服务户数的比例", "≤2%", "历史标准：2024年"});
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "设备故障率", "发生故障的台次占设备台数的比例", "＜3%", "行业标准：设备规范"});
    add_row(&t, (fx_indicator){"产出指标", "成本指标", "采购资金节约率", "节约的资金占采购预算的比例", "≥5%", "历史标准：2024年采购"});
    /* 投诉处理率 counts what was done: a floor again. */
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "投诉处理率", "已处理投诉占投诉总数的比例", "≥98%", "历史标准：2024年"});
    expect_run(&t, 1, NULL, 0, NULL);
    /* A harmful-event rate written as a floor is reported, as 反向指标. */
    t = one();
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "补助发放差错率", "发放有误的人次占发放人次的比例", "≥1%", "历史标准：2024年"});
    expect_run(&t, 1, NULL, 0, "PB304", "reverse indicator", NULL);
}

static void test_degree_rates_and_system_units(void **state)
{
    (void)state;
    table t = one();
    add_row(&t, (fx_indicator){"效益指标", "社会效益指标", "政策知晓度", "抽样居民中知晓政策的比例", "≥90%", "历史标准：2024年问卷"});
    add_row(&t, (fx_indicator){"效益指标", "社会效益指标", "群众认可度", "抽样居民中认可的比例", "≥85%", "历史标准：2024年问卷"});
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "资料归档合格率", "合格资料占归档资料的比例", "≥95百分比", "行业标准：档案规范"});
    add_row(&t, (fx_indicator){"产出指标", "时效指标", "补助申请办理时限", "受理到发放的工作日数", "≤5个工作日", "计划标准：办事指南"});
    expect_run(&t, 1, NULL, 0, NULL);
}

/* HN_xiangtan's 「250万」 under 成本 (万 for 万元, the unit line says 万元) and
 * its service period 「2023.07-2024.01」 under 时效 are legitimate; the cost
 * that restates the budget is still advice. */
static void test_shorthand_money_and_service_period(void **state)
{
    (void)state;
    table t = one();
    t.rows[3].value = "≤200万";
    t.rows[2] = (fx_indicator){"", "时效指标", "服务周期", "雾炮车服务的起止月份", "2025.03-2025.10", "计划标准：服务合同"};
    expect_run(&t, 1, NULL, 0, NULL);
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB321"));
    assert_null(strstr(r.out, "PB308"));
    assert_null(strstr(r.out, "PB302"));
    fx_run_free(&r);
    t.rows[3].value = "≤237万";
    expect_run(&t, 1, NULL, 0, "PB209", "「≤237万」", "6000元 per 人", NULL);
    t.rows[3].value = "≤300万";
    expect_run(&t, 1, NULL, 1, "PB202", "「≤300万」", NULL);
    /* Not a period of dates: still unreadable. */
    t = one();
    t.rows[2].value = "2025.03-2025.10≥95%";
    expect_run(&t, 1, NULL, 0, "PB302", "「2025.03-2025.10≥95%」", NULL);
}

/* he_handan's two-level table (绩效指标分类 | 绩效指标): 满意度 is an indicator
 * under 效果指标, where its template puts it; without it PB403 stays. */
static void test_two_level_satisfaction(void **state)
{
    (void)state;
    static const fx_indicator rows[] = {
        {"产出指标", "", "救助对象覆盖率", "应救助对象中已救助的比例", "≥95%", "计划标准：救助工作方案"},
        {"", "", "救助资金按标准发放率", "按标准发放的资金占发放资金的比例", "=100%", "行业标准：临时救助办法"},
        {"", "", "救助资金发放及时率", "受理后10个工作日内发放的比例", "≥95%", "历史标准：2018年发放记录"},
        {"效果指标", "", "困难群众基本生活保障率", "得到保障的困难群众所占比例", "≥95%", "计划标准：救助工作方案"},
        {"", "", "救助对象对救助工作满意度", "抽样问卷中满意的救助对象所占比例", "≥85%", "历史标准：2018年问卷"},
    };
    table t = one();
    assert_true(fx_table_load(&t, rows, sizeof rows / sizeof *rows));
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB403"));
    fx_run_free(&r);
    fx_drop_row(&t, 4);
    expect_run(&t, 1, NULL, 1, "PB403", "满意度指标", NULL);
}

static void test_social_cost_is_not_the_budget(void **state)
{
    (void)state;
    table t = one();
    t.rows[3] = (fx_indicator){"成本指标", "经济成本指标", "人均月补助标准", "每名楼门长每月的补助金额", "≤500元/人·月",
                               "预算支出标准：区补助标准"};
    add_row(&t, (fx_indicator){"成本指标", "社会成本指标", "居民出行时间成本", "施工期间居民绕行的时间折算", "≤300万元", "测算"});
    add_row(&t, (fx_indicator){"成本指标", "生态环境成本指标", "施工扬尘治理费用", "扬尘治理折算的环境成本", "≤237万元", "测算"});
    expect_run(&t, 1, NULL, 0, NULL);
}

static void test_common_social_indicator_is_not_boilerplate(void **state)
{
    (void)state;
    table t = one();
    add_row(&t, (fx_indicator){"效益指标", "社会效益指标", "公共服务水平提升情况", "社区服务事项按时办结情况", "明显提升",
                               "计划标准：社区工作安排"});
    expect_run(&t, 1, NULL, 0, NULL);
}

static void test_textbook_schedule_passes(void **state)
{
    (void)state;
    table t = one(); /* 25/50/75/100 */
    expect_run(&t, 1, NULL, 0, NULL);
    /* The straight line, when an office configures it, still applies. */
    t.p.sched[1] = "40%";
    const char *opt = config_option("line.json", "{\"schedule-minimums\": \"straight-line\"}");
    expect_run(&t, 1, opt, 0, "PB106", "50%", NULL);
}

static void test_preset_strict(void **state)
{
    (void)state;
    table t = one();
    t.rows[0].value = "395人";
    expect_run(&t, 1, NULL, 0, NULL);
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB305"));
    fx_run_free(&r);
    expect_run(&t, 1, "--preset strict", 0, "PB305", "「395人」", NULL);
    expect_run(&t, 1, "--select PB305", 0, "PB305", NULL);
    r = run_tables(&t, 1, "--preset lax");
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "not a preset"));
    fx_run_free(&r);
    /* In the configuration too. */
    expect_run(&t, 1, config_option("strict.json", "{\"preset\": \"strict\"}"), 0, "PB305", NULL);
}

/* ------------------------------------------- the checks of point 5 */

static void test_new_value_rules(void **state)
{
    (void)state;
    table t = one();
    t.rows[5].value = "≥100%"; /* PB317, advice */
    expect_run(&t, 1, NULL, 0, "PB317", "info", "「≥95%」", NULL);
    t = one();
    t.rows[2].value = "按时完成"; /* PB318 */
    expect_run(&t, 1, NULL, 0, "PB318", "warning", "「按时完成」", NULL);
    t = one();
    t.rows[0].value = "100%"; /* PB319: a 数量指标 that is a rate */
    expect_run(&t, 1, NULL, 0, "PB319", "not a quantity", NULL);
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB307")); /* one problem, one finding */
    fx_run_free(&r);
    t = one();
    t.rows[0].value = "≥395"; /* PB320 */
    expect_run(&t, 1, NULL, 0, "PB320", "no unit", NULL);
    t = one();
    t.rows[3].value = "≤320人/天"; /* PB321 */
    expect_run(&t, 1, NULL, 0, "PB321", "成本指标未细化", NULL);
    t = one();
    t.rows[3] = (fx_indicator){"产出指标", "成本指标", "建设项目成本控制率", "实际成本占预算成本的比例", "≤100%", "历史标准"};
    expect_run(&t, 1, NULL, 0, NULL); /* a cost-control rate is a cost indicator */
}

static void test_new_table_rules(void **state)
{
    (void)state;
    table t = one();
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "补助足额发放率", "足额发放人数占应发放人数的比例", "≥98%",
                               "行业标准：楼门长补助发放办法"});
    expect_run(&t, 1, NULL, 1, "PB315", "error", "「=100%」", "「≥98%」", NULL);
    /* The same name and the same target twice is not a contradiction. */
    t = one();
    add_row(&t, (fx_indicator){"产出指标", "质量指标", "补助足额发放率", "足额发放人数占应发放人数的比例", "=100%",
                               "行业标准：楼门长补助发放办法"});
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB315"));
    fx_run_free(&r);
    t = one();
    t.rows[1].l3 = "质量指标";
    expect_run(&t, 1, NULL, 0, "PB316", "only repeats its 二级", NULL);
    r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB307")); /* the name is the one problem */
    fx_run_free(&r);
    t = one();
    t.rows[1].l3 = "质量";
    expect_run(&t, 1, NULL, 0, "PB316", NULL);
    /* A name column left at its categories is one finding for the table. */
    t.rows[0].l3 = "数量指标";
    t.rows[2].l3 = "时效指标";
    expect_run(&t, 1, NULL, 0, "PB316", "3 三级 indicators only repeat their 二级", "「数量指标」", "「质量」",
               "「时效指标」", NULL);
    r = run_tables(&t, 1, "--format csv");
    assert_non_null(strstr(r.out, "PB316"));
    assert_null(strstr(strstr(r.out, "PB316") + 5, "PB316"));
    fx_run_free(&r);
}

static void test_budget_against_output(void **state)
{
    (void)state;
    /* 395 人 × 6000 元/人 = 237万元: the budget. */
    table t = one();
    t.rows[3].value = "≤6000元/人";
    expect_run(&t, 1, NULL, 0, NULL);
    /* 395 × 500 = 19.75万元 against 237.00万元. */
    t.rows[3].value = "≤500元/人";
    expect_run(&t, 1, NULL, 0, "PB208", "19.75万元", "237.00万元", NULL);
}

static void test_effect_wording_is_strict(void **state)
{
    (void)state;
    table t = one();
    add_row(&t, (fx_indicator){"效益指标", "经济效益指标", "居民生活便利程度", "居民办事少跑腿的情况", "明显提升", "计划标准"});
    run_result r = run_tables(&t, 1, NULL);
    assert_null(strstr(r.out, "PB322"));
    fx_run_free(&r);
    expect_run(&t, 1, "--preset strict", 0, "PB322", "is a 社会效益 indicator", NULL); /* 居民 */
    /* Wording of neither kind: move it, or name the effect. */
    t = one();
    add_row(&t, (fx_indicator){"效益指标", "经济效益指标", "项目实施效果", "项目实施后的总体效果", "明显", "计划标准"});
    expect_run(&t, 1, "--preset strict", 0, "PB322", "names no economic effect", NULL);
    t = one();
    add_row(&t, (fx_indicator){"效益指标", "经济效益指标", "带动居民增收", "居民人均增收金额", "≥500元", "计划标准"});
    expect_run(&t, 1, "--preset strict", 0, NULL);
    /* The reference document's row: its 「≥95%」 is PB307's, its place under
     * 经济效益 PB322's (a 社会效益 indicator), and it is not boilerplate. */
    t = one();
    add_row(&t, (fx_indicator){"效益指标", "经济效益指标", "公共服务水平提升情况", "社区公共服务水平的提升",
                               "≥95%", "计划标准：社区工作安排"});
    expect_run(&t, 1, NULL, 0, "PB307", "warning", "「≥95%」", NULL);
    expect_run(&t, 1, "--preset strict", 0, "PB322", "info", "is a 社会效益 indicator", "not an economic effect", NULL);
    r = run_tables(&t, 1, "--preset strict");
    assert_null(strstr(r.out, "PB311"));
    fx_run_free(&r);
    /* Under 社会效益 it is where it belongs. */
    t.rows[t.n - 2].l2 = "社会效益指标";
    t.rows[t.n - 2].value = "明显提升";
    expect_run(&t, 1, "--preset strict", 0, NULL);
    /* Under 生态效益 likewise misplaced. */
    t.rows[t.n - 2].l2 = "生态效益指标";
    expect_run(&t, 1, "--preset strict", 0, "PB322", "not an effect on the environment", NULL);
}

/* Weights and the 中期 block are not in the fixture layout: a model built
 * by hand. */
static pb_indicator *row(pb_arena *a, pb_indicator *ind, const char *l2, const char *l3, const char *value,
                         const char *weight, pb_term term, int r)
{
    memset(ind, 0, sizeof *ind);
    ind->level1 = (pb_field){"产出指标", {1, r, 0, -1}};
    ind->level2 = (pb_field){l2, {1, r, 1, -1}};
    ind->level3 = (pb_field){l3, {1, r, 2, -1}};
    ind->value_cell = (pb_field){value, {1, r, 4, -1}};
    ind->weight = (pb_field){weight, {1, r, 5, -1}};
    ind->description = (pb_field){NULL, PB_NOLOC};
    ind->basis = (pb_field){NULL, PB_NOLOC};
    ind->unit_cell = (pb_field){NULL, PB_NOLOC};
    ind->loc = (pb_loc){1, r, 0, -1};
    ind->term = term;
    assert_true(pb_value_parse(a, value, &ind->value));
    return ind;
}

static size_t findings_of(pb_indicator *rows, size_t n, const char *id, const char **message)
{
    pb_arena *a = pb_arena_new();
    pb_project p;
    memset(&p, 0, sizeof p);
    p.number = 1;
    p.indicators = rows;
    p.indicator_count = n;
    p.loc = (pb_loc){0, 0, 0, -1};
    pb_project *list[1] = {&p};
    pb_document d;
    memset(&d, 0, sizeof d);
    d.arena = a;
    d.projects = list;
    d.project_count = 1;
    assert_true(pb_check(&d, NULL));
    size_t count = 0;
    static char last[1024];
    for (size_t i = 0; i < d.finding_count; i++)
        if (strcmp(d.findings[i].rule->id, id) == 0) {
            count++;
            snprintf(last, sizeof last, "%s", d.findings[i].message);
        }
    if (message)
        *message = last;
    pb_arena_free(a);
    return count;
}

static void test_weights_and_medium_term(void **state)
{
    (void)state;
    pb_arena *a = pb_arena_new();
    pb_indicator r[4];
    const char *msg;
    row(a, &r[0], "数量指标", "补助发放人数", "≥395人", "30", PB_TERM_ANNUAL, 1);
    row(a, &r[1], "质量指标", "补助足额发放率", "=100%", "30", PB_TERM_ANNUAL, 2);
    row(a, &r[2], "时效指标", "补助按月发放及时率", "≥95%", "20", PB_TERM_ANNUAL, 3);
    row(a, &r[3], "成本指标", "人均月补助标准", "≤500元", "10", PB_TERM_ANNUAL, 4);
    assert_int_equal(findings_of(r, 4, "PB407", &msg), 1);
    assert_non_null(strstr(msg, "90"));
    r[3].weight.text = "20%";
    assert_int_equal(findings_of(r, 4, "PB407", NULL), 0);
    /* A merged weight cell counts once. */
    r[1].weight = r[0].weight;
    r[0].weight.text = r[1].weight.text = "60";
    assert_int_equal(findings_of(r, 4, "PB407", NULL), 0);
    /* A weight that is not a number: nothing certain to say. */
    r[3].weight.text = "高";
    assert_int_equal(findings_of(r, 4, "PB407", NULL), 0);

    /* The year's targets against the 中期 ones. */
    pb_indicator m[4];
    row(a, &m[0], "数量指标", "补助发放人数", "≥400人", NULL, PB_TERM_ANNUAL, 1);
    row(a, &m[1], "成本指标", "项目建设成本", "≤300万元", NULL, PB_TERM_ANNUAL, 2);
    row(a, &m[2], "数量指标", "补助发放人数", "≥395人", NULL, PB_TERM_LONG, 3);
    row(a, &m[3], "成本指标", "项目建设成本", "≤200万元", NULL, PB_TERM_LONG, 4);
    assert_int_equal(findings_of(m, 4, "PB207", &msg), 2);
    m[0].value.number = pb_decimal_from_int(300);
    m[1].value.number = pb_decimal_from_int(150);
    assert_int_equal(findings_of(m, 4, "PB207", NULL), 0);
    /* Several 中期 rows of one name (looked up sorted, not row by row): the
     * first one below the year's is cited, another unit's is not compared,
     * and a name written with spaces is the same name. */
    pb_indicator w[5];
    row(a, &w[0], "数量指标", "补助发放人数", "≥400人", NULL, PB_TERM_ANNUAL, 1);
    row(a, &w[1], "数量指标", "补助发放人数", "≥500户", NULL, PB_TERM_LONG, 2);
    row(a, &w[2], "数量指标", "补助发放人数", "≥450人", NULL, PB_TERM_LONG, 3);
    row(a, &w[3], "数量指标", "补助 发放人数", "≥390人", NULL, PB_TERM_LONG, 4);
    row(a, &w[4], "数量指标", "补助发放人数", "≥380人", NULL, PB_TERM_LONG, 5);
    assert_int_equal(findings_of(w, 5, "PB207", &msg), 1);
    assert_non_null(strstr(msg, "「≥390人」"));
    w[0].value.number = pb_decimal_from_int(385);
    assert_int_equal(findings_of(w, 5, "PB207", &msg), 1);
    assert_non_null(strstr(msg, "「≥380人」"));
    w[0].value.number = pb_decimal_from_int(380);
    assert_int_equal(findings_of(w, 5, "PB207", NULL), 0);
    pb_arena_free(a);
}

/* Missing parts at one place, and 二级 rows never filled in, are one
 * finding each; a template's 「…」 row is no indicator. */
static void test_one_finding_per_place(void **state)
{
    (void)state;
    pb_arena *a = pb_arena_new();
    pb_indicator r[5];
    const char *msg;
    row(a, &r[0], "数量指标", "", "", NULL, PB_TERM_ANNUAL, 1);
    row(a, &r[1], "质量指标", "", "", NULL, PB_TERM_ANNUAL, 2);
    row(a, &r[2], "时效指标", "", "", NULL, PB_TERM_ANNUAL, 3);
    row(a, &r[3], "成本指标", "", "", NULL, PB_TERM_ANNUAL, 4);
    row(a, &r[4], "…", "", "", NULL, PB_TERM_ANNUAL, 5);
    assert_int_equal(findings_of(r, 5, "PB405", &msg), 1);
    assert_non_null(strstr(msg, "4 of the table's 4"));
    /* The project has no key/value part at all: one PB402 naming all. */
    assert_int_equal(findings_of(r, 5, "PB402", &msg), 1);
    assert_non_null(strstr(msg, "「项目编码」, 「项目名称」, 「预算数」"));
    /* One 二级 alone without a target says which. */
    row(a, &r[1], "质量指标", "补助足额发放率", "=100%", NULL, PB_TERM_ANNUAL, 2);
    row(a, &r[2], "时效指标", "补助按月发放及时率", "≥95%", NULL, PB_TERM_ANNUAL, 3);
    row(a, &r[3], "成本指标", "人均月补助标准", "≤500元", NULL, PB_TERM_ANNUAL, 4);
    assert_int_equal(findings_of(r, 5, "PB405", &msg), 1);
    assert_non_null(strstr(msg, "「数量指标」"));
    pb_arena_free(a);
}

/* A spreadsheet's error value (a 指标值 typed 「=300天」 in a sheet shows
 * 「#NAME?」) is one PB327 finding per cell, in place of the rules that
 * would read the cell: PB203 for an amount, PB105 for a checkpoint, the
 * 指标值 rules for a value. */
static void test_spreadsheet_error_values(void **state)
{
    (void)state;
    table t = one();
    t.rows[0].value = "#NAME?";
    t.p.fiscal = "#REF!";
    t.p.sched[1] = " #DIV/0! ";
    run_result r = run_tables(&t, 1, "");
    assert_int_equal(r.status, 1);
    size_t n = 0;
    for (const char *p = r.out; (p = strstr(p, "error PB327")); p++)
        n++;
    if (n != 3 || strstr(r.out, "PB203") || strstr(r.out, "PB105") || !strstr(r.out, "0 warning(s)"))
        fail_msg("want three PB327 findings and no other:\n%s", r.out);
    assert_non_null(strstr(r.out, "指标值 「#NAME?」 is what a spreadsheet shows for a formula it cannot compute "
                                  "(a name it does not know: a value typed after 「=」, such as =300天"));
    assert_non_null(strstr(r.out, "财政资金 「#REF!」 is what a spreadsheet shows"));
    fx_run_free(&r);
    /* an error value's name in a longer text is not one */
    t = one();
    t.rows[0].value = "≥300天（原#NAME?）";
    r = run_tables(&t, 1, "");
    assert_null(strstr(r.out, "PB327"));
    fx_run_free(&r);
}

/* The library owns no exit statuses: the CLI tells the SARIF reporter
 * whether the run failed (an unreadable file), and the exit code it shows. */
static void test_sarif_execution_from_the_cli(void **state)
{
    (void)state;
    const char *bad = fx_tmp_path("bad.docx");
    assert_true(fx_write_file(bad, "not a package"));
    char args[512];
    snprintf(args, sizeof args, "--format sarif '%s'", bad);
    run_result r = fx_run(args);
    assert_int_equal(r.status, 3);
    assert_non_null(strstr(r.out, "\"executionSuccessful\":false,\"exitCode\":3"));
    fx_run_free(&r);
    table t = one();
    r = run_tables(&t, 1, "--format sarif");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"executionSuccessful\":true,\"exitCode\":0"));
    fx_run_free(&r);
}

static void test_project_years(void **state)
{
    (void)state;
    static const struct {
        const char *period;
        int years;
    } cases[] = {
        {"2023年1月-2025年12月", 3}, {"2025年1月1日至2025年12月31日", 1}, {"2024-2026", 3},
        {"", 1},                     {"12345年", 1},                       {"1850-2025", 1},
        {"3年", 3},                  {"项目期三年", 3},                    {"两年", 2},
        {"1年", 1},                  {"2023.07-2024.01", 1},               {"2023年7月至2024年6月", 1},
        {"2023年7月-2024年7月", 2},   {"2024/01-2025/12", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pb_project p;
        memset(&p, 0, sizeof p);
        p.period.text = cases[i].period;
        if (pbi_project_years(&p) != cases[i].years)
            fail_msg("「%s」: %d years, not %d", cases[i].period, pbi_project_years(&p), cases[i].years);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_table_exits_0),
        cmocka_unit_test(test_schedule_defects_exit_1),
        cmocka_unit_test(test_money_defects_exit_1),
        cmocka_unit_test(test_value_defects_exit_1),
        cmocka_unit_test(test_structure_defects_exit_1),
        cmocka_unit_test(test_code_defects_exit_1),
        cmocka_unit_test(test_config_trailing_text_exits_2),
        cmocka_unit_test(test_goals_in_a_nested_table),
        cmocka_unit_test(test_rates_that_may_pass_100),
        cmocka_unit_test(test_direction_from_the_name),
        cmocka_unit_test(test_degree_rates_and_system_units),
        cmocka_unit_test(test_shorthand_money_and_service_period),
        cmocka_unit_test(test_two_level_satisfaction),
        cmocka_unit_test(test_social_cost_is_not_the_budget),
        cmocka_unit_test(test_common_social_indicator_is_not_boilerplate),
        cmocka_unit_test(test_textbook_schedule_passes),
        cmocka_unit_test(test_preset_strict),
        cmocka_unit_test(test_new_value_rules),
        cmocka_unit_test(test_new_table_rules),
        cmocka_unit_test(test_budget_against_output),
        cmocka_unit_test(test_effect_wording_is_strict),
        cmocka_unit_test(test_weights_and_medium_term),
        cmocka_unit_test(test_one_finding_per_place),
        cmocka_unit_test(test_sarif_execution_from_the_cli),
        cmocka_unit_test(test_spreadsheet_error_values),
        cmocka_unit_test(test_project_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
