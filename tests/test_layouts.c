/* Every common layout of the target table, in .docx and in .xlsx: each is
 * written from one description by fixture_layouts.c, read back, and its
 * extraction asserted field by field; the same defects must give the same
 * findings in every layout and format.  Then the .xlsx reader on its own:
 * strings, number formats, merged ranges, and hostile workbooks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "fixture_layouts.h"
#include "read/read.h"
#include "extract/extract.h"
#include "model/model.h"
#include "check/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dec(pb_decimal d)
{
    static char buf[8][PB_DECIMAL_BUFSIZE];
    static int next;
    return pb_decimal_format(d, buf[next++ % 8]);
}

static size_t count_rule(const pb_document *d, const char *slug, const pb_project *p)
{
    size_t n = 0;
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->slug, slug) == 0 && (!p || d->findings[i].project == p))
            n++;
    return n;
}

static const pb_finding *first(const pb_document *d, const char *slug)
{
    for (size_t i = 0; i < d->finding_count; i++)
        if (strcmp(d->findings[i].rule->slug, slug) == 0)
            return &d->findings[i];
    fail_msg("no %s finding", slug);
    return NULL;
}

static pb_document *read_checked(const fl_doc *doc, fl_format f)
{
    pb_document *d = fl_read(doc, f, NULL);
    if (d->error.status != PB_OK)
        fail_msg("%s: %s", fl_format_name(f), d->error.message);
    assert_true(pb_check(d, NULL));
    return d;
}

/* ---- what each layout holds */

typedef struct layout_expect {
    const char *labels[4];
    pb_money_unit unit;
    bool has_code, declaration, unit_line;
    size_t annual, long_term; /* indicators */
    size_t goals, long_goals;
    const char *value_cells[FL_INDICATORS]; /* 指标值 cells as written */
} layout_expect;

static layout_expect expect_of(fl_layout l)
{
    static const char *const m3_10[4] = {"3月底", "6月底", "10月底", "12月底"};
    static const char *const m3_9[4] = {"3月底", "6月底", "9月底", "12月底"};
    static const char *const quarters[4] = {"一季度", "二季度", "三季度", "四季度"};
    static const char *const whole[FL_INDICATORS] = {"≥1000人", "≥95%", "≤11个月", "≤100万元", "≥90%", "≥90%"};
    static const char *const bare[FL_INDICATORS] = {"1000", "95", "11", "100", "90", "90"};
    static const char *const with_op[FL_INDICATORS] = {"≥1000", "≥95", "≤11", "≤100", "≥90", "≥90"};
    layout_expect e;
    memset(&e, 0, sizeof e);
    const char *const *labels = m3_9, *const *cells = whole;
    e.unit = PB_UNIT_WANYUAN;
    e.has_code = true;
    e.annual = FL_INDICATORS;
    e.goals = 1;
    switch (l) {
    case FL_REFERENCE: case FL_REFERENCE_ONE: case FL_REFERENCE_SPLIT: case FL_REFERENCE_SPLIT_NOFLAG:
        labels = m3_10;
        e.goals = 2;
        e.unit_line = true;
        break;
    case FL_DECLARATION:
        labels = quarters;
        e.unit_line = true; /* 项目资金（万元） */
        e.has_code = false;
        e.declaration = true;
        e.long_term = 4;
        e.goals = e.long_goals = 2;
        break;
    case FL_DECLARATION_VERTICAL:
        e.unit_line = true;
        e.has_code = false;
        e.declaration = true;
        e.long_term = 2;
        e.long_goals = 1;
        break;
    case FL_VENDOR:
        e.unit = PB_UNIT_YUAN;
        e.unit_line = true;
        cells = bare;
        break;
    case FL_HUNAN:
        labels = quarters;
        e.annual = FL_INDICATORS + 1; /* and a qualitative one */
        cells = with_op;
        break;
    case FL_CENTRAL:
        cells = bare;
        break;
    default:
        break;
    }
    for (int i = 0; i < 4; i++)
        e.labels[i] = labels[i];
    for (int i = 0; i < FL_INDICATORS; i++)
        e.value_cells[i] = cells[i];
    return e;
}

static const pb_indicator *nth_of_term(const pb_project *p, pb_term term, size_t k)
{
    for (size_t i = 0; i < p->indicator_count; i++)
        if (p->indicators[i].term == term && k-- == 0)
            return &p->indicators[i];
    fail_msg("project %d has too few indicators of term %d", p->number, (int)term);
    return NULL;
}

static size_t count_term(const pb_project *p, pb_term term)
{
    size_t n = 0;
    for (size_t i = 0; i < p->indicator_count; i++)
        n += p->indicators[i].term == term;
    return n;
}

/* The six indicators every layout writes (fixture_layouts.c). */
static void assert_indicators(const pb_project *p, fl_layout l, const layout_expect *e)
{
    static const char *const l2[FL_INDICATORS] = {"数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标",
                                                  "服务对象满意度指标"};
    static const char *const l1[FL_INDICATORS] = {"产出指标", "产出指标", "产出指标", "产出指标", "效益指标",
                                                  "满意度指标"};
    static const pb_op ops[FL_INDICATORS] = {PB_OP_GE, PB_OP_GE, PB_OP_LE, PB_OP_LE, PB_OP_GE, PB_OP_GE};
    static const char *const numbers[FL_INDICATORS] = {"1000", "95", "11", "100", "90", "90"};
    static const char *const units[FL_INDICATORS] = {"人", "%", "个月", "万元", "%", "%"};
    static const char *const raws[FL_INDICATORS] = {"≥1000人", "≥95%", "≤11个月", "≤100万元", "≥90%", "≥90%"};
    assert_int_equal(count_term(p, PB_TERM_ANNUAL), e->annual);
    assert_int_equal(count_term(p, PB_TERM_LONG), e->long_term);
    bool central = l == FL_CENTRAL;
    for (int i = 0; i < FL_INDICATORS; i++) {
        const pb_indicator *ind = nth_of_term(p, PB_TERM_ANNUAL, (size_t)i);
        assert_string_equal(ind->level1.text, i == 3 && central ? "成本指标" : l1[i]);
        assert_string_equal(ind->level2.text, i == 3 && central ? "经济成本指标" : l2[i]);
        assert_string_equal(ind->level3.text, fl_indicator_l3[i]);
        assert_string_equal(ind->value_cell.text, e->value_cells[i]);
        assert_int_equal(ind->value.kind, PB_VALUE_NUMBER);
        assert_int_equal(ind->value.op, ops[i]);
        assert_string_equal(dec(ind->value.number), numbers[i]);
        assert_string_equal(ind->value.unit, units[i]);
        assert_string_equal(ind->value.raw, raws[i]);
        assert_true(ind->loc.table >= p->first_table && ind->loc.table <= p->last_table);
        switch (l) {
        case FL_VENDOR:
            assert_string_equal(ind->comparator.text, i == 2 || i == 3 ? "5" : "1");
            assert_string_equal(ind->unit_cell.text, units[i]);
            assert_string_equal(ind->basis.text, "计划标准");
            assert_true(pbi_has_prefix(ind->explanation.text, fl_indicator_l3[i]));
            assert_string_equal(ind->description.text, ind->explanation.text);
            assert_string_equal(ind->weight.text, i < 4 ? "20" : "10");
            assert_string_equal(ind->scoring.text, i < 4 ? "未达到扣20分" : "未达到扣10分");
            assert_null(ind->value_type.text);
            break;
        case FL_HUNAN:
            assert_string_equal(ind->value_type.text, "定量");
            assert_string_equal(ind->unit_cell.text, units[i]);
            assert_true(pbi_has_prefix(ind->explanation.text, fl_indicator_l3[i]));
            assert_string_equal(ind->scoring.text, "未达到不得分");
            assert_string_equal(ind->remark.text, "");
            assert_null(ind->comparator.text);
            break;
        case FL_CENTRAL:
            assert_string_equal(ind->comparator.text, i == 2 || i == 3 ? "小于等于" : "≥");
            assert_string_equal(ind->unit_cell.text, units[i]);
            assert_string_equal(ind->basis.text, i == 3 ? "预算支出标准" : "计划标准");
            break;
        case FL_DECLARATION: case FL_DECLARATION_VERTICAL:
            assert_string_equal(ind->remark.text, "");
            assert_null(ind->description.text);
            assert_null(ind->unit_cell.text);
            break;
        default:
            assert_string_equal(ind->description.text, fl_indicator_l3[i]);
            assert_string_equal(ind->basis.text, "计划标准");
            assert_null(ind->unit_cell.text);
            assert_null(ind->comparator.text);
            assert_null(ind->remark.text);
        }
    }
    if (l == FL_HUNAN) {
        const pb_indicator *q = nth_of_term(p, PB_TERM_ANNUAL, FL_INDICATORS);
        assert_string_equal(q->level3.text, "服务质量");
        assert_string_equal(q->value_type.text, "定性");
        assert_int_equal(q->value.kind, PB_VALUE_QUALITATIVE);
        assert_string_equal(q->value.raw, "较好");
    }
    if (l == FL_DECLARATION) {
        const pb_indicator *cost = nth_of_term(p, PB_TERM_LONG, 1);
        assert_string_equal(cost->level1.text, "产出指标");
        assert_string_equal(cost->level3.text, "累计资金成本");
        assert_string_equal(cost->value.raw, "≤300万元");
        assert_string_equal(cost->remark.text, "三年合计");
        assert_string_equal(nth_of_term(p, PB_TERM_LONG, 3)->level1.text, "满意度指标");
    }
    if (l == FL_DECLARATION_VERTICAL)
        assert_string_equal(nth_of_term(p, PB_TERM_LONG, 0)->level3.text, "累计服务人数");
}

static void assert_declaration(const pb_project *p, fl_layout l)
{
    bool vertical = l == FL_DECLARATION_VERTICAL;
    assert_int_equal(p->layout, PB_LAYOUT_DECLARATION);
    assert_null(p->code.text);
    assert_string_equal(p->attribute.text, vertical ? "新增" : "延续项目");
    assert_string_equal(p->department.text, vertical ? "某区教育局" : "某区民政局");
    assert_string_equal(p->implementer.text, vertical ? "某中学" : "某街道办事处");
    assert_string_equal(p->manager.text, vertical ? "李四" : "张三");
    assert_string_equal(p->phone.text, vertical ? "0315-7654321" : "0315-1234567");
    assert_string_equal(p->period.text, vertical ? "2025年" : "2025年1月1日至2025年12月31日");
    /* 项目资金 in its parts; fiscal is 财政拨款, other the three others. */
    static const char *const labels[2][4] = {{"财政拨款", "自有资金", "事业收入", "其他"},
                                             {"其中:财政拨款", "自有资金", "事业收入", "其他"}};
    static const char *const amounts[4] = {"100", "10", "5", "5"};
    assert_int_equal(p->fund_count, 4);
    for (int i = 0; i < 4; i++) {
        assert_string_equal(p->funds[i].label, labels[vertical][i]);
        assert_int_equal(p->funds[i].fiscal, i == 0);
        assert_true(p->funds[i].amount.present && p->funds[i].amount.valid);
        assert_string_equal(dec(p->funds[i].amount.value), amounts[i]);
    }
    assert_string_equal(p->other.raw, "10+5+5");
    assert_int_equal(p->other.loc.row, p->funds[1].amount.loc.row);
    assert_int_equal(p->long_goal_count, vertical ? 1 : 2);
    assert_true(pbi_has_prefix(p->long_goals[0], "1.长期目标"));
    assert_true(pbi_has_prefix(p->goals[0], "1.年度目标"));
}

static void assert_clean_project(const pb_document *d, const pb_project *p, fl_layout l, int number)
{
    layout_expect e = expect_of(l);
    char name[32], code[32], title[64];
    snprintf(name, sizeof name, "测试项目%d", number);
    snprintf(code, sizeof code, "13020925P0000000000%02d", number);
    snprintf(title, sizeof title, "%d.测试项目%d绩效目标表", number, number);
    assert_int_equal(p->number, number);
    assert_string_equal(p->name.text, name);
    assert_string_equal(p->title, e.declaration ? "项目支出绩效目标申报表" : title);
    if (e.has_code)
        assert_string_equal(p->code.text, code);
    /* 120 = 100 + 20, in the table's unit. */
    bool yuan = e.unit == PB_UNIT_YUAN;
    assert_int_equal(p->unit, e.unit);
    assert_int_equal(p->unit_text.text != NULL, e.unit_line);
    assert_true(p->total.present && p->total.valid);
    assert_string_equal(dec(p->total.value), yuan ? "1200000" : "120");
    assert_true(p->fiscal.present && p->fiscal.valid);
    assert_string_equal(dec(p->fiscal.value), yuan ? "1000000" : "100");
    assert_true(p->other.present && p->other.valid);
    assert_string_equal(dec(p->other.value), yuan ? "200000" : "20");
    static const char *const percents[4] = {"25", "50", "75", "100"};
    assert_int_equal(p->schedule.count, 4);
    for (int k = 0; k < 4; k++) {
        const pb_checkpoint *cp = &p->schedule.items[k];
        assert_string_equal(cp->label, e.labels[k]);
        assert_true(cp->present && cp->valid);
        assert_string_equal(dec(cp->percent), percents[k]);
        assert_int_equal(cp->loc.table, p->schedule.loc.table);
    }
    assert_int_equal(p->goal_count, e.goals);
    assert_int_equal(p->long_goal_count, e.long_goals);
    assert_true(p->has_indicator_table);
    assert_indicators(p, l, &e);
    if (e.declaration)
        assert_declaration(p, l);
    else
        assert_int_equal(p->layout, PB_LAYOUT_REFERENCE);
    /* Locations point into the document's tables. */
    assert_true(p->first_table >= 0 && p->first_table <= p->last_table && p->last_table < d->tables_seen);
    assert_int_equal(p->name.loc.table >= p->first_table, true);
}

/* Project 2 of two: the four defects every layout must report alike. */
static const fl_project defective = {
    .total = "130", .sched = {""}, .cost_value = "≤150万元", .time_value = "≥1年"};

static void assert_defects(const pb_document *d, const char *what)
{
    const pb_project *p1 = d->projects[0], *p2 = d->projects[1];
    /* 「≥1年」 under 时效 is indicator-timeliness-vague's (one problem, one
     * finding: not also indicator-direction). */
    static const char *const slugs[] = {"schedule-checkpoint-blank", "budget-sum-mismatch", "cost-exceeds-budget",
                                        "indicator-timeliness-vague"};
    for (size_t i = 0; i < sizeof slugs / sizeof *slugs; i++) {
        if (count_rule(d, slugs[i], p1) != 0 || count_rule(d, slugs[i], p2) != 1)
            fail_msg("%s: %s: %zu in project 1, %zu in project 2 (want 0 and 1)", what, slugs[i],
                     count_rule(d, slugs[i], p1), count_rule(d, slugs[i], p2));
    }
    const pb_finding *f = first(d, "schedule-checkpoint-blank");
    assert_int_equal(f->loc.table, p2->schedule.items[0].loc.table);
    assert_int_equal(f->loc.row, p2->schedule.items[0].loc.row);
    assert_int_equal(f->loc.col, p2->schedule.items[0].loc.col);
    assert_true(pbi_contains(f->message, p2->schedule.items[0].label));
    /* 「≥1年」 is a vague timeliness target (PB309), not a wrong direction (issue 15). */
    assert_true(pbi_contains(first(d, "indicator-timeliness-vague")->message, "完成时间"));
    assert_int_equal(count_rule(d, "indicator-direction", NULL), 0);
    assert_true(pbi_contains(first(d, "cost-exceeds-budget")->message, "资金成本"));
    const pb_finding *sum = first(d, "budget-sum-mismatch");
    assert_int_equal(sum->loc.table, p2->total.loc.table);
    /* A 申报表 names all its parts; the others name fiscal and other. */
    if (p2->layout == PB_LAYOUT_DECLARATION)
        assert_true(pbi_contains(sum->message, "财政拨款 100 + 自有资金 10 + 事业收入 5 + 其他 5 = 120"));
    else
        assert_true(pbi_contains(sum->message, p2->unit == PB_UNIT_YUAN ? "1000000" : "100"));
    assert_int_equal(count_rule(d, "project-title-mismatch", NULL), 0);
    assert_int_equal(count_rule(d, "no-target-table", NULL), 0);
}

static void run_layout(fl_layout l)
{
    static const fl_format formats[] = {FL_DOCX, FL_XLSX, FL_XLSX_INLINE};
    for (size_t fi = 0; fi < sizeof formats / sizeof *formats; fi++) {
        for (int each = 0; each < (formats[fi] == FL_DOCX ? 1 : 2); each++) {
            fl_format f = formats[fi];
            char what[128];
            snprintf(what, sizeof what, "%s as %s%s", fl_layout_name(l), fl_format_name(f),
                     each ? ", one sheet each" : "");
            fl_project clean[2] = {fl_clean, fl_clean};
            fl_doc doc = {0};
            fl_layout_doc(&doc, l, clean, 2, each);
            pb_document *d = read_checked(&doc, f);
            fl_doc_free(&doc);
            assert_int_equal(d->format, f == FL_DOCX ? PB_FORMAT_DOCX : PB_FORMAT_XLSX);
            if (d->project_count != 2)
                fail_msg("%s: %zu projects", what, d->project_count);
            for (int i = 0; i < 2; i++)
                assert_clean_project(d, d->projects[i], l, i + 1);
            if (f != FL_DOCX) {
                /* A sheet each, or both on one sheet one below the other. */
                assert_int_equal(d->projects[1]->first_table, each ? 1 : 0);
                assert_int_equal(d->tables_seen, each ? 2 : 1);
                assert_true(d->projects[1]->name.loc.row > (each ? 0 : d->projects[0]->indicators[0].loc.row));
            }
            static const char *const slugs[] = {"schedule-checkpoint-blank", "budget-sum-mismatch",
                                                "cost-exceeds-budget", "indicator-direction", "no-target-table",
                                                "budget-amount-unparsed", "schedule-value-unparsed",
                                                "indicator-value-unparsed", "self-evaluation-skipped"};
            for (size_t k = 0; k < sizeof slugs / sizeof *slugs; k++)
                if (count_rule(d, slugs[k], NULL))
                    fail_msg("%s: clean fixture has %s: %s", what, slugs[k], first(d, slugs[k])->message);
            pb_document_free(d);

            fl_project bad[2] = {fl_clean, defective};
            fl_layout_doc(&doc, l, bad, 2, each);
            d = read_checked(&doc, f);
            fl_doc_free(&doc);
            assert_int_equal(d->project_count, 2);
            assert_defects(d, what);
            pb_document_free(d);
        }
    }
}

#define LAYOUT_TEST(name, layout)                                                                                    \
    static void test_##name(void **state)                                                                            \
    {                                                                                                                \
        (void)state;                                                                                                 \
        run_layout(layout);                                                                                          \
    }
LAYOUT_TEST(reference, FL_REFERENCE)
LAYOUT_TEST(reference_one_table, FL_REFERENCE_ONE)
LAYOUT_TEST(reference_split, FL_REFERENCE_SPLIT)
LAYOUT_TEST(reference_split_noflag, FL_REFERENCE_SPLIT_NOFLAG)
LAYOUT_TEST(declaration, FL_DECLARATION)
LAYOUT_TEST(declaration_vertical, FL_DECLARATION_VERTICAL)
LAYOUT_TEST(vendor, FL_VENDOR)
LAYOUT_TEST(hunan, FL_HUNAN)
LAYOUT_TEST(central, FL_CENTRAL)

/* ---- units, in both formats */

static pb_document *read_one(fl_layout l, const fl_project *p, fl_format f)
{
    fl_doc doc = {0};
    fl_layout_doc(&doc, l, p, 1, false);
    pb_document *d = read_checked(&doc, f);
    fl_doc_free(&doc);
    assert_int_equal(d->project_count, 1);
    return d;
}

static void test_units(void **state)
{
    (void)state;
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        /* Suffixes override the table's unit: 242.59万 and 2,425,900元 are
         * both 242.59 in 万元. */
        fl_project p = fl_clean;
        p.total = "242.59万";
        p.fiscal = "2,425,900元";
        p.other[0] = " ";
        p.cost_value = "≤242.59万元";
        pb_document *d = read_one(FL_REFERENCE, &p, f);
        const pb_project *pr = d->projects[0];
        assert_int_equal(pr->unit, PB_UNIT_WANYUAN);
        assert_string_equal(pr->unit_text.text, "单位：万元");
        assert_string_equal(dec(pr->total.value), "242.59");
        assert_string_equal(dec(pr->fiscal.value), "242.59");
        assert_string_equal(pr->fiscal.raw, "2,425,900元");
        assert_false(pr->other.present);
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 0);
        assert_int_equal(count_rule(d, "cost-exceeds-budget", NULL), 0);
        pb_document_free(d);
        /* One 元 more is a mismatch, found exactly. */
        p.fiscal = "2,425,901元";
        d = read_one(FL_REFERENCE, &p, f);
        assert_string_equal(dec(d->projects[0]->fiscal.value), "242.5901");
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 1);
        pb_document_free(d);
        /* A table in 元 ("单位：元", 2,370,000) and a cost in 万元. */
        p = fl_clean;
        p.total = "237";
        p.fiscal = "237";
        p.other[0] = "";
        p.cost_value = "≤237.01万元";
        d = read_one(FL_VENDOR, &p, f);
        pr = d->projects[0];
        assert_int_equal(pr->unit, PB_UNIT_YUAN);
        assert_string_equal(dec(pr->total.value), "2370000");
        assert_int_equal(count_rule(d, "cost-exceeds-budget", NULL), 1);
        pb_document_free(d);
        /* The unit in the column head only: 预算数（万元）. */
        d = read_one(FL_CENTRAL, &fl_clean, f);
        assert_int_equal(d->projects[0]->unit, PB_UNIT_WANYUAN);
        assert_null(d->projects[0]->unit_text.text);
        pb_document_free(d);
        /* «3.5千» beside 预算数（万元）: 千 is 千元, as 万 is 万元 */
        p = fl_clean;
        p.total = "3.5千";
        p.fiscal = "3500元";
        p.other[0] = "";
        d = read_one(FL_CENTRAL, &p, f);
        pr = d->projects[0];
        assert_int_equal(pr->unit, PB_UNIT_WANYUAN);
        assert_true(pr->total.valid);
        assert_string_equal(dec(pr->total.value), "0.35");
        assert_int_equal(count_rule(d, "budget-amount-unparsed", NULL), 0);
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 0);
        pb_document_free(d);
    }
}

/* ---- small documents written by hand in the grid language */

static pb_document *read_grids(const char *const *blocks, size_t n, fl_format f)
{
    fl_doc doc = {0};
    for (size_t i = 0; i < n; i++) {
        if (pbi_has_prefix(blocks[i], "P:"))
            fl_para(&doc, blocks[i] + 2);
        else if (pbi_has_prefix(blocks[i], "S:"))
            fl_sheet(&doc, blocks[i] + 2);
        else
            fl_grid(&doc, blocks[i]);
    }
    pb_document *d = read_checked(&doc, f);
    fl_doc_free(&doc);
    return d;
}

static const char project_grid[] =
    "项目编码|13020925P000000000009|项目名称|甲项目\n"
    "预算数|10|其中：财政资金|10\n"
    "资金支出计划（%）|7月|11月|<\n"
    "^|40%{0.4;0%}|80.21%{0.8021;0.00%}|<\n"
    "绩效目标|1.目标|<|<\n"
    "一级指标|二级指标|三级指标|指标值\n"
    "产出指标|数量指标|次数|≥3次";

static void test_checkpoint_labels(void **state)
{
    (void)state;
    /* S6's 7月 and 11月, and a percentage stored with two decimals. */
    const char *blocks[] = {"P:单位：万元", project_grid};
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        pb_document *d = read_grids(blocks, 2, f);
        assert_int_equal(d->project_count, 1);
        const pb_schedule *s = &d->projects[0]->schedule;
        assert_int_equal(s->count, 2);
        assert_string_equal(s->items[0].label, "7月");
        assert_string_equal(s->items[1].label, "11月");
        assert_string_equal(dec(s->items[0].percent), "40");
        assert_string_equal(dec(s->items[1].percent), "80.21");
        assert_string_equal(s->items[1].raw, "80.21%");
        assert_int_equal(count_rule(d, "schedule-final-not-100", NULL), 1);
        pb_document_free(d);
    }
}

/* Two indicators in one row, a numbered line each (the 「指标1:」 of the
 * Anhui 申报表, ah_jinzhai_2021): one indicator per line. */
static void test_lines_in_cell(void **state)
{
    (void)state;
    const char *blocks[] = {"P:项目支出绩效目标申报表",
                            "项目名称|分行指标项目|<|<\n"
                            "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                            "资金总额（万元）|40|<|<\n"
                            "年度目标|完成安置小区物业管理|<|<\n"
                            "一级指标|二级指标|三级指标|指标值\n"
                            "产出指标|数量指标|指标1:管理小区数\\n指标2:巡查次数|≥8个\\n≥365次\n"
                            "满意度指标|服务对象满意度指标|指标1:居民满意度\\n（问卷调查）|≥90%\\n抽样"};
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        pb_document *d = read_grids(blocks, 2, f);
        assert_int_equal(d->project_count, 1);
        const pb_project *p = d->projects[0];
        assert_int_equal(p->indicator_count, 3);
        assert_string_equal(p->indicators[0].level3.text, "指标1:管理小区数");
        assert_string_equal(p->indicators[1].level3.text, "指标2:巡查次数");
        assert_string_equal(p->indicators[1].value.raw, "≥365次");
        assert_string_equal(p->indicators[1].level2.text, "数量指标");
        /* a name wrapped onto a line not numbered is one indicator */
        assert_true(pbi_contains(p->indicators[2].level3.text, "问卷调查"));
        assert_int_equal(count_rule(d, "indicator-value-unparsed", NULL), 1);
        pb_document_free(d);
    }
}

/* 项目绩效目标 / 项目目标: the year's goals beside it, but merged down
 * over 长期目标 | 年度目标 the name of their group (HN_ningxiang_batang_2021),
 * which must not put the year's column group first (the goal labels are
 * too far above the indicator heads to name their groups). */
static void test_goal_group_label(void **state)
{
    (void)state;
    static const char *const labels[] = {"项目绩效目标", "项目目标"};
    for (size_t l = 0; l < 2; l++)
        for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
            char beside[1024], group[1024];
            snprintf(beside, sizeof beside,
                     "项目名称|项目目标项目|<|<\n"
                     "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                     "资金总额（万元）|40|<|<\n"
                     "%s|完成安置小区物业管理|<|<\n"
                     "一级指标|二级指标|三级指标|指标值\n"
                     "产出指标|数量指标|管理小区数|≥8个",
                     labels[l]);
            const char *b1[] = {"P:项目支出绩效目标表", beside};
            pb_document *d = read_grids(b1, 2, f);
            assert_int_equal(d->project_count, 1);
            assert_int_equal(d->projects[0]->goal_count, 1);
            assert_string_equal(d->projects[0]->goals[0], "完成安置小区物业管理");
            assert_int_equal(count_rule(d, "table-incomplete", NULL), 0);
            pb_document_free(d);
            snprintf(group, sizeof group,
                     "项目名称|分组目标项目|<|<|<|<|<\n"
                     "%s|长期目标|<|<|年度目标|<|<\n"
                     "^|三年内建成智慧物业平台|<|<|完成安置小区物业管理|<|<\n"
                     "主管部门|某县财政局|<|<|实施单位|某县开发区管委会|<\n"
                     "资金总额（万元）|40|<|<|<|<|<\n"
                     "一级指标|二级指标|三级指标|指标值|二级指标|三级指标|指标值\n"
                     "产出指标|数量指标|累计管理小区数|≥20个|数量指标|管理小区数|≥8个",
                     labels[l]);
            const char *b2[] = {"P:项目支出绩效目标表", group};
            d = read_grids(b2, 2, f);
            assert_int_equal(d->project_count, 1);
            const pb_project *p = d->projects[0];
            assert_int_equal(p->goal_count, 1);
            assert_string_equal(p->goals[0], "完成安置小区物业管理");
            assert_int_equal(p->long_goal_count, 1);
            assert_string_equal(p->long_goals[0], "三年内建成智慧物业平台");
            assert_int_equal(p->indicator_count, 2);
            for (size_t i = 0; i < 2; i++) {
                bool annual = strcmp(p->indicators[i].level3.text, "管理小区数") == 0;
                if (p->indicators[i].term != (annual ? PB_TERM_ANNUAL : PB_TERM_LONG))
                    fail_msg("%s (%s): 「%s」 in the wrong term", labels[l], fl_format_name(f),
                             p->indicators[i].level3.text);
            }
            pb_document_free(d);
        }
}

/* Projects stacked in one table, their field labels numbered: «1.项目名称»
 * after the indicators of the one above starts the next. */
static void test_numbered_labels_stacked(void **state)
{
    (void)state;
    static const char grid[] = "1.项目名称|甲项目|<|<\n"
                               "2.资金总额（万元）|10|<|<\n"
                               "3.年度目标|完成甲|<|<\n"
                               "一级指标|二级指标|三级指标|指标值\n"
                               "产出指标|数量指标|甲次数|≥3次\n"
                               "1.项目名称|乙项目|<|<\n"
                               "2.资金总额（万元）|20|<|<\n"
                               "3.年度目标|完成乙|<|<\n"
                               "一级指标|二级指标|三级指标|指标值\n"
                               "产出指标|数量指标|乙次数|≥5次";
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        const char *blocks[] = {"P:项目支出绩效目标表", grid};
        pb_document *d = read_grids(blocks, 2, f);
        if (d->project_count != 2)
            fail_msg("%s: %zu projects, want 2", fl_format_name(f), d->project_count);
        for (size_t i = 0; i < 2; i++) {
            assert_string_equal(d->projects[i]->name.text, i ? "乙项目" : "甲项目");
            assert_int_equal(d->projects[i]->indicator_count, 1);
            assert_string_equal(d->projects[i]->goals[0], i ? "完成乙" : "完成甲");
        }
        pb_document_free(d);
    }
}

/* A numbered label with its value in the same cell («1.项目名称：甲项目»). */
static void test_numbered_labels_inside(void **state)
{
    (void)state;
    static const char grid[] = "1.项目名称：编号内嵌项目|2.主管部门：某县财政局\n"
                               "3.资金总额（万元）：20|<\n"
                               "4.年度目标：完成巡查|<\n"
                               "一级指标|二级指标|三级指标|指标值\n"
                               "产出指标|数量指标|巡查次数|≥8次";
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        const char *blocks[] = {"P:项目支出绩效目标表", grid};
        pb_document *d = read_grids(blocks, 2, f);
        assert_int_equal(d->project_count, 1);
        const pb_project *p = d->projects[0];
        assert_non_null(p->name.text);
        assert_string_equal(p->name.text, "编号内嵌项目");
        assert_non_null(p->department.text);
        assert_string_equal(p->department.text, "某县财政局");
        assert_true(p->total.present);
        assert_string_equal(dec(p->total.value), "20");
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "完成巡查");
        assert_int_equal(p->indicator_count, 1);
        pb_document_free(d);
    }
}

/* 单位名称 / 单位编码 in place of 部门名称 / 部门编码: a 单位整体 table, told by
 * its title or by having no 项目名称, is a department's; beside 项目名称 they
 * name the project's unit. */
static void test_whole_unit_table(void **state)
{
    (void)state;
    static const char unit[] = "单位编码|101001|单位名称|某县文化馆\n"
                               "单位职能职责概述|开展群众文化活动|<|<\n"
                               "年度绩效目标|全年举办文化活动20场|<|<\n"
                               "一级指标|二级指标|三级指标|指标值\n"
                               "产出指标|数量指标|举办文化活动场次|≥20场\n"
                               "满意度指标|服务对象满意度指标|群众满意度|≥90%";
    static const char project[] = "单位名称|某县文化馆|<|<\n"
                                  "项目名称|文化下乡项目|<|<\n"
                                  "主管部门|某县文旅局|实施单位|某县文化馆\n"
                                  "资金总额（万元）|20|<|<\n"
                                  "年度目标|全年送戏下乡20场|<|<\n"
                                  "一级指标|二级指标|三级指标|指标值\n"
                                  "产出指标|数量指标|送戏下乡场次|≥20场\n"
                                  "满意度指标|服务对象满意度指标|群众满意度|≥90%\n"
                                  "单位名称（盖章）|某县文化馆|填报日期|2026年1月";
    static const char *const titles[] = {"P:单位整体支出绩效目标表", "P:2026年度绩效目标表"};
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        for (size_t i = 0; i < 2; i++) {
            const char *blocks[] = {titles[i], unit};
            pb_document *d = read_grids(blocks, 2, f);
            if (d->project_count != 0 || d->department_count != 1)
                fail_msg("%s (%s): %zu projects and %zu departments, want 0 and 1", titles[i] + 2,
                         fl_format_name(f), d->project_count, d->department_count);
            const pb_project *u = d->departments[0];
            assert_string_equal(u->name.text, "某县文化馆");
            assert_string_equal(u->code.text, "101001");
            assert_string_equal(u->template_family->id, "department");
            assert_string_equal(u->goals[0], "全年举办文化活动20场");
            assert_int_equal(u->indicator_count, 2);
            for (size_t k = 0; k < d->finding_count; k++)
                if (strncmp(d->findings[k].rule->id, "PB40", 4) == 0)
                    fail_msg("%s (%s): %s %s", titles[i] + 2, fl_format_name(f), d->findings[k].rule->id,
                             d->findings[k].message);
            pb_document_free(d);
        }
        const char *blocks[] = {"P:项目支出绩效目标表", project};
        pb_document *d = read_grids(blocks, 2, f);
        assert_int_equal(d->project_count, 1);
        assert_int_equal(d->department_count, 0);
        assert_string_equal(d->projects[0]->name.text, "文化下乡项目");
        assert_string_equal(d->projects[0]->template_family->id, "declaration");
        /* the unit signing the table's foot is no project, nor an indicator */
        assert_int_equal(d->projects[0]->indicator_count, 2);
        pb_document_free(d);
    }
}

/* Numbered lines are split up to a bound (32): a cell of thousands of
 * them (a hostile file, or a pasted list) would make thousands of
 * indicators of 504 bytes out of one row. */
static pb_document *numbered_lines_doc(int lines, fl_format f)
{
    char names[4096] = "", values[4096] = "";
    for (int i = 0; i < lines; i++) {
        size_t n = strlen(names), v = strlen(values);
        snprintf(names + n, sizeof names - n, "%s指标%d:巡查次数%d", i ? "\\n" : "", i + 1, i + 1);
        snprintf(values + v, sizeof values - v, "%s≥%d次", i ? "\\n" : "", i + 1);
    }
    char grid[9000];
    snprintf(grid, sizeof grid,
             "项目名称|分行指标上限项目|<|<\n"
             "主管部门|某县财政局|实施单位|某县开发区管委会\n"
             "资金总额（万元）|40|<|<\n"
             "年度目标|完成巡查|<|<\n"
             "一级指标|二级指标|三级指标|指标值\n"
             "产出指标|数量指标|%s|%s",
             names, values);
    const char *blocks[] = {"P:项目支出绩效目标申报表", grid};
    return read_grids(blocks, 2, f);
}

static void test_lines_in_cell_bounded(void **state)
{
    (void)state;
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        pb_document *d = numbered_lines_doc(32, f);
        assert_int_equal(d->project_count, 1);
        assert_int_equal(d->projects[0]->indicator_count, 32);
        assert_string_equal(d->projects[0]->indicators[31].value.raw, "≥32次");
        pb_document_free(d);
        d = numbered_lines_doc(33, f);
        assert_int_equal(d->project_count, 1);
        assert_int_equal(d->projects[0]->indicator_count, 1);
        pb_document_free(d);
    }
}

/* 年度目标 merged down thousands of rows, a goal line in each: the lines
 * stop at 256, since each row copied all the lines before it (quadratic
 * time and memory on a hostile table). */
static void test_goal_rows_bounded(void **state)
{
    (void)state;
    enum { ROWS = 3000 };
    size_t cap = (size_t)ROWS * 40 + 1024;
    char *grid = malloc(cap);
    assert_non_null(grid);
    size_t len = (size_t)snprintf(grid, cap,
                                  "项目名称|分行目标上限项目|<|<\n"
                                  "主管部门|某县财政局|实施单位|某县开发区管委会\n"
                                  "资金总额（万元）|20|<|<\n"
                                  "年度目标|目标0|<|<\n");
    for (int i = 1; i < ROWS; i++)
        len += (size_t)snprintf(grid + len, cap - len, "^|目标%d|<|<\n", i);
    snprintf(grid + len, cap - len, "一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|巡查次数|≥8次");
    const char *blocks[] = {"P:项目支出绩效目标申报表", grid};
    pb_document *d = read_grids(blocks, 2, FL_DOCX);
    assert_int_equal(d->project_count, 1);
    assert_int_equal(d->projects[0]->goal_count, 256);
    assert_string_equal(d->projects[0]->goals[255], "目标255");
    assert_int_equal(d->projects[0]->indicator_count, 1);
    pb_document_free(d);
    free(grid);
}

static const char self_evaluation_grid[] =
    "项目名称|旧项目|<|<|<|<\n"
    "主管部门|某局|<|实施单位|某所|<\n"
    "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值\n"
    "产出指标|数量指标|次数|≥3次|4次|10";

static void test_self_evaluation(void **state)
{
    (void)state;
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        /* By its heading, beside a target table. */
        const char *with_target[] = {"P:2024年度项目支出绩效自评表", self_evaluation_grid, "P:1.甲项目绩效目标表",
                                     "P:单位：万元", project_grid};
        pb_document *d = read_grids(with_target, 5, f);
        assert_int_equal(d->project_count, 1);
        assert_string_equal(d->projects[0]->name.text, "甲项目");
        assert_int_equal(d->skipped_count, 1);
        assert_int_equal(d->skipped[0].kind, PB_TABLE_SELF_EVALUATION);
        assert_string_equal(d->skipped[0].title, "2024年度项目支出绩效自评表");
        assert_int_equal(count_rule(d, "self-evaluation-skipped", NULL), 1);
        const pb_finding *fi = first(d, "self-evaluation-skipped");
        assert_int_equal(fi->severity, PB_SEV_INFO);
        assert_null(fi->project);
        assert_true(pbi_contains(fi->message, "自评表"));
        assert_int_equal(count_rule(d, "no-target-table", NULL), 0);
        pb_document_free(d);
        /* By its column heads alone, and as the only table: no target table. */
        const char *alone[] = {self_evaluation_grid};
        d = read_grids(alone, 1, f);
        assert_int_equal(d->project_count, 0);
        assert_int_equal(d->skipped_count, 1);
        assert_null(d->skipped[0].title);
        assert_int_equal(count_rule(d, "no-target-table", NULL), 1);
        assert_int_equal(count_rule(d, "self-evaluation-skipped", NULL), 1);
        pb_document_free(d);
    }
    /* A sheet holding a target table, a self-evaluation and another target
     * table, one below the other: only the middle one is skipped. */
    const char *sheet[] = {"P:1.甲项目绩效目标表", "P:单位：万元", project_grid, "P:",
                           "P:项目支出绩效自评表", self_evaluation_grid, "P:",
                           "P:2.乙项目绩效目标表", "P:单位：万元",
                           "项目编码|13020925P000000000010|项目名称|乙项目\n预算数|5|其中：财政资金|5\n"
                           "一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|人数|≥5人"};
    pb_document *d = read_grids(sheet, 10, FL_XLSX);
    assert_int_equal(d->project_count, 2);
    assert_string_equal(d->projects[0]->name.text, "甲项目");
    assert_int_equal(d->projects[0]->indicator_count, 1);
    assert_string_equal(d->projects[1]->name.text, "乙项目");
    assert_string_equal(d->projects[1]->title, "2.乙项目绩效目标表");
    assert_int_equal(d->skipped_count, 1);
    assert_string_equal(d->skipped[0].title, "项目支出绩效自评表");
    assert_int_equal(d->skipped[0].loc.table, 0);
    assert_true(d->skipped[0].loc.row > d->projects[0]->indicators[0].loc.row);
    pb_document_free(d);
    /* A worksheet named as a self-evaluation. */
    const char *named[] = {"S:项目绩效自评", "一级指标|二级指标|三级指标|指标值\n产出指标|数量指标|次数|4次"};
    d = read_grids(named, 2, FL_XLSX);
    assert_int_equal(d->project_count, 0);
    assert_int_equal(d->skipped_count, 1);
    assert_string_equal(d->skipped[0].title, "项目绩效自评");
    pb_document_free(d);
}

static void test_unknown_tables(void **state)
{
    (void)state;
    const char *blocks[] = {"P:附表", "序号|名称|金额\n1|办公费|3", "P:单位：万元", project_grid,
                            "审核意见|同意|<\n日期|2025年|<"};
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        pb_document *d = read_grids(blocks, 5, f);
        assert_int_equal(d->project_count, 1);
        assert_int_equal(d->projects[0]->indicator_count, 1);
        assert_int_equal(d->skipped_count, 0);
        assert_int_equal(count_rule(d, "no-target-table", NULL), 0);
        for (size_t i = 0; i < d->finding_count; i++)
            assert_non_null(d->findings[i].project); /* nothing said about the other tables */
        pb_document_free(d);
        const char *none[] = {"序号|名称|金额\n1|办公费|3"};
        d = read_grids(none, 1, f);
        assert_int_equal(d->project_count, 0);
        assert_int_equal(count_rule(d, "no-target-table", NULL), 1);
        pb_document_free(d);
    }
}

/* ---- 计算符号: codes, symbols and words in a column of their own */

static void test_comparator_column(void **state)
{
    (void)state;
    static const char grid[] =
        "项目编码|C1|项目名称|符号项目|<\n"
        "预算数|10|其中：财政资金|10|<\n"
        "一级指标|二级指标|三级指标|计算符号|指标值|计量单位\n"
        "产出指标|数量指标|a|1|5{5;}|次\n"
        "^|^|b|2|5{5;}|次\n"
        "^|^|c|3|5{5;}|次\n"
        "^|^|d|4|5{5;}|次\n"
        "^|^|e|5|5{5;}|次\n"
        "^|^|f|6|较好|\n"
        "^|^|g|大于等于|5{5;}|次\n"
        "^|^|h|不超过|5{5;}|次\n"
        "^|^|i|正向|5{5;}|次\n"
        "^|^|j|反向|5{5;}|次\n"
        "^|^|k|5|≥5次|%\n"
        "^|^|l|6|95{95;}|%\n"
        "^|^|m|?|5{5;}|次\n"
        "^|^|n|1|28.8万元|%";
    /* 1 ≥, 2 >, 3 =, 4 <, 5 ≤, 6 定性 (see comparator_symbol in extract.c). */
    static const struct {
        pb_op op;
        pb_value_kind kind;
        const char *raw;
    } want[] = {
        {PB_OP_GE, PB_VALUE_NUMBER, "≥5次"}, {PB_OP_GT, PB_VALUE_NUMBER, ">5次"},
        {PB_OP_EQ, PB_VALUE_NUMBER, "=5次"}, {PB_OP_LT, PB_VALUE_NUMBER, "<5次"},
        {PB_OP_LE, PB_VALUE_NUMBER, "≤5次"}, {PB_OP_NONE, PB_VALUE_QUALITATIVE, "较好"},
        {PB_OP_GE, PB_VALUE_NUMBER, "≥5次"}, {PB_OP_LE, PB_VALUE_NUMBER, "≤5次"},
        {PB_OP_GE, PB_VALUE_NUMBER, "≥5次"}, {PB_OP_LE, PB_VALUE_NUMBER, "≤5次"},
        /* The value's own comparator and unit win over the columns. */
        {PB_OP_GE, PB_VALUE_NUMBER, "≥5次"},
        /* 定性 with a number: read as written, no unit added. */
        {PB_OP_NONE, PB_VALUE_NUMBER, "95"},
        /* An unknown sign is ignored. */
        {PB_OP_NONE, PB_VALUE_NUMBER, "5次"},
        {PB_OP_GE, PB_VALUE_NUMBER, "≥28.8万元"},
    };
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        const char *blocks[] = {"P:单位：万元", grid};
        pb_document *d = read_grids(blocks, 2, f);
        assert_int_equal(d->project_count, 1);
        const pb_project *p = d->projects[0];
        assert_int_equal(p->indicator_count, sizeof want / sizeof *want);
        for (size_t i = 0; i < p->indicator_count; i++) {
            const pb_indicator *ind = &p->indicators[i];
            if (ind->value.op != want[i].op || ind->value.kind != want[i].kind || strcmp(ind->value.raw, want[i].raw))
                fail_msg("%s row %zu (%s): op %d kind %d raw %s", fl_format_name(f), i, ind->comparator.text,
                         ind->value.op, ind->value.kind, ind->value.raw);
        }
        assert_string_equal(p->indicators[13].value.unit, "万元");
        assert_string_equal(p->indicators[13].unit_cell.text, "%");
        pb_document_free(d);
    }
}

/* 0.95 formatted as 95% is 95 %, in a value column as in the schedule. */
static void test_percent_numbers(void **state)
{
    (void)state;
    static const char grid[] =
        "项目编码|C2|项目名称|百分比项目|<\n"
        "预算数|10|其中：财政资金|10|<\n"
        "资金支出计划（%）|一季度|二季度|三季度|四季度\n"
        "^|25%{0.25;0%}|50%{0.5;9}|75.5%{0.755;0.0%}|100.00%{1;10}\n"
        "一级指标|二级指标|三级指标|指标值|计量单位\n"
        "产出指标|质量指标|合格率|95%{0.95;0%}|\n"
        "^|^|达标率|95.5%{0.955;0.0%}|\n"
        "^|^|优良率|≥90%|";
    const char *blocks[] = {"P:单位：万元", grid};
    for (fl_format f = FL_DOCX; f <= FL_XLSX; f++) {
        pb_document *d = read_grids(blocks, 2, f);
        const pb_project *p = d->projects[0];
        static const char *const sched[4] = {"25", "50", "75.5", "100.00"};
        for (int k = 0; k < 4; k++)
            assert_string_equal(dec(p->schedule.items[k].percent), sched[k]);
        assert_string_equal(p->schedule.items[3].raw, "100.00%");
        assert_string_equal(dec(p->indicators[0].value.number), "95");
        assert_string_equal(p->indicators[0].value.unit, "%");
        assert_string_equal(dec(p->indicators[1].value.number), "95.5");
        assert_string_equal(p->indicators[1].value_cell.text, "95.5%");
        pb_document_free(d);
    }
}

/* The reference document keeps its findings (the acceptance of issue 2). */
static void test_reference_docx_unchanged(void **state)
{
    (void)state;
    pb_document *d = pb_read_file("data/reference.docx", NULL);
    assert_non_null(d);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->format, PB_FORMAT_DOCX);
    assert_true(pb_check(d, NULL));
    assert_int_equal(d->project_count, 3);
    assert_int_equal(d->skipped_count, 0);
    const pb_project *p1 = d->projects[0], *p3 = d->projects[2];
    assert_int_equal(count_rule(d, "schedule-checkpoint-blank", p1), 2);
    assert_int_equal(count_rule(d, "schedule-checkpoint-blank", NULL), 2);
    assert_true(pbi_contains(first(d, "schedule-checkpoint-blank")->message, "3月底"));
    /* Issue 15: 「≥1年」 (and 「≤1年」, 「1年」 in projects 1 and 2) on a one-year budget are vague
     * timeliness targets (PB309), no longer a wrong direction (PB304). */
    assert_int_equal(count_rule(d, "indicator-direction", NULL), 0);
    assert_int_equal(count_rule(d, "indicator-timeliness-vague", p3), 1);
    assert_int_equal(count_rule(d, "indicator-timeliness-vague", NULL), 3);
    const pb_finding *tv = NULL;
    for (size_t i = 0; i < d->finding_count; i++)
        if (d->findings[i].project == p3 && strcmp(d->findings[i].rule->slug, "indicator-timeliness-vague") == 0)
            tv = &d->findings[i];
    assert_non_null(tv);
    assert_true(pbi_contains(tv->message, "≥1年"));
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(d->projects[i]->layout, PB_LAYOUT_REFERENCE);
        assert_int_equal(d->projects[i]->fund_count, 2);
        assert_int_equal(count_term(d->projects[i], PB_TERM_LONG), 0);
    }
    pb_document_free(d);
}

/* ---- the .xlsx reader on its own: hand-written workbooks */

typedef struct book {
    const char *sheets[4]; /* worksheet XML bodies (inside <worksheet>) */
    const char *names[4];
    const char *strings;   /* <sst> body, or NULL for no part */
    const char *styles;    /* <styleSheet> body, or NULL */
    const char *workbook_pr;
    const char *main;      /* workbook part name; NULL: xl/workbook.xml */
    bool no_content_types;
    const char *rels_extra; /* more <Relationship> elements */
} book;

#define SML "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

static char *cat(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "%s%s%s", a, b, c);
    return s;
}

static void *book_zip(const book *b, size_t *len)
{
    const char *main = b->main ? b->main : "xl/workbook.xml";
    char *owned[24] = {0};
    size_t no = 0;
    fx_part parts[16];
    size_t np = 0;
    char ct[2048], rels[4096], wb[2048], pkg[512], wbrels_name[128];
    snprintf(ct, sizeof ct,
             "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/%s\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
             main);
    snprintf(pkg, sizeof pkg,
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"rId1\" "
             "Type=\"" RNS "/officeDocument\" Target=\"%s\"/></Relationships>",
             main);
    size_t r = (size_t)snprintf(rels, sizeof rels, "<Relationships xmlns=\"" PKG_RELS "\">");
    size_t w = (size_t)snprintf(wb, sizeof wb, "<workbook xmlns=\"" SML "\" xmlns:r=\"" RNS "\">%s<sheets>",
                                b->workbook_pr ? b->workbook_pr : "");
    const char *slash = strrchr(main, '/');
    int dir = slash ? (int)(slash - main + 1) : 0;
    for (int i = 0; i < 4 && b->sheets[i]; i++) {
        char name[64];
        snprintf(name, sizeof name, "%.*sworksheets/s%d.xml", dir, main, i + 1);
        owned[no] = cat("<worksheet xmlns=\"" SML "\" xmlns:r=\"" RNS "\">", b->sheets[i], "</worksheet>");
        owned[no + 1] = strdup(name);
        parts[np++] = (fx_part){owned[no + 1], owned[no], 0};
        no += 2;
        r += (size_t)snprintf(rels + r, sizeof rels - r,
                              "<Relationship Id=\"rId%d\" Type=\"" RNS "/worksheet\" Target=\"worksheets/s%d.xml\"/>",
                              i + 1, i + 1);
        w += (size_t)snprintf(wb + w, sizeof wb - w, "<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>",
                              b->names[i] ? b->names[i] : "Sheet", i + 1, i + 1);
    }
    if (b->strings) {
        owned[no] = cat("<sst xmlns=\"" SML "\">", b->strings, "</sst>");
        owned[no + 1] = malloc(128);
        assert_non_null(owned[no + 1]);
        snprintf(owned[no + 1], 128, "%.*ssharedStrings.xml", dir, main);
        parts[np++] = (fx_part){owned[no + 1], owned[no], 0};
        no += 2;
        r += (size_t)snprintf(rels + r, sizeof rels - r,
                              "<Relationship Id=\"rIdS\" Type=\"" RNS "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
    }
    if (b->styles) {
        owned[no] = cat("<styleSheet xmlns=\"" SML "\">", b->styles, "</styleSheet>");
        owned[no + 1] = malloc(128);
        assert_non_null(owned[no + 1]);
        snprintf(owned[no + 1], 128, "%.*sstyles.xml", dir, main);
        parts[np++] = (fx_part){owned[no + 1], owned[no], 0};
        no += 2;
        r += (size_t)snprintf(rels + r, sizeof rels - r,
                              "<Relationship Id=\"rIdT\" Type=\"" RNS "/styles\" Target=\"styles.xml\"/>");
    }
    snprintf(rels + r, sizeof rels - r, "%s</Relationships>", b->rels_extra ? b->rels_extra : "");
    snprintf(wb + w, sizeof wb - w, "</sheets></workbook>");
    snprintf(wbrels_name, sizeof wbrels_name, "%.*s_rels/%s.rels", dir, main, main + dir);
    if (!b->no_content_types)
        parts[np++] = (fx_part){"[Content_Types].xml", ct, 0};
    parts[np++] = (fx_part){"_rels/.rels", pkg, 0};
    parts[np++] = (fx_part){main, wb, 0};
    parts[np++] = (fx_part){wbrels_name, rels, 0};
    void *z = fx_zip_mem(parts, np, len);
    for (size_t i = 0; i < no; i++)
        free(owned[i]);
    assert_non_null(z);
    return z;
}

static pb_document *read_book(const book *b, const pb_options *o)
{
    size_t len;
    void *z = book_zip(b, &len);
    pb_options dflt;
    if (!o) {
        pb_options_default(&dflt);
        dflt.keep_tables = true;
        o = &dflt;
    }
    pb_document *d = pb_read_memory(z, len, "book.xlsx", o);
    free(z);
    assert_non_null(d);
    return d;
}

static const char *cell_text(const pb_document *d, int table, const char *ref)
{
    int col = 0, row = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++)
        col = col * 26 + (*ref - 'A' + 1);
    row = atoi(ref);
    for (size_t i = 0; i < d->table_count; i++)
        if (d->tables[i]->index == table) {
            const pb_cell *c = pb_table_at(d->tables[i], row - 1, col - 1);
            return c ? c->text : NULL;
        }
    return NULL;
}

static void test_xlsx_strings(void **state)
{
    (void)state;
    book b = {
        .sheets = {"<sheetData><row r=\"1\">"
                   "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v> 1 </v></c>"
                   "<c r=\"C1\" t=\"inlineStr\"><is><r><t>行</t></r><r><t xml:space=\"preserve\"> 内</t></r></is></c>"
                   "<c r=\"D1\" t=\"str\"><f>A1&amp;B1</f><v>公式结果</v></c>"
                   "<c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" t=\"e\"><v>#DIV/0!</v></c>"
                   "<c r=\"G1\" t=\"s\"><v>2</v></c><c r=\"H1\" t=\"s\"/></row>"
                   "<row><c t=\"s\"><v>3</v></c><c><v>7</v></c></row>"
                   "</sheetData>"},
        .strings = "<si><t>项目名称</t></si>"
                   "<si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r>"
                   "<rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                   "<si><t>第一行_x000D_\n第二行_x005F_x</t></si><si/>",
    };
    pb_document *d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->format, PB_FORMAT_XLSX);
    assert_int_equal(d->tables_seen, 1);
    assert_string_equal(cell_text(d, 0, "A1"), "项目名称");
    assert_string_equal(cell_text(d, 0, "B1"), "富文本"); /* runs joined, phonetic guide dropped */
    assert_string_equal(cell_text(d, 0, "C1"), "行 内");
    assert_string_equal(cell_text(d, 0, "D1"), "公式结果");
    assert_string_equal(cell_text(d, 0, "E1"), "TRUE");
    assert_string_equal(cell_text(d, 0, "F1"), "#DIV/0!");
    assert_string_equal(cell_text(d, 0, "G1"), "第一行\n第二行_x");
    assert_null(cell_text(d, 0, "H1"));
    /* A row and cells without r follow the previous ones. */
    assert_null(cell_text(d, 0, "A2")); /* <si/>: an empty string is no value */
    assert_string_equal(cell_text(d, 0, "B2"), "7");
    assert_string_equal(d->tables[0]->name, "Sheet");
    pb_document_free(d);
}

static void test_xlsx_number_formats(void **state)
{
    (void)state;
    book b = {
        .sheets = {"<sheetData><row r=\"1\">"
                   "<c r=\"A1\"><v>0.30000000000000004</v></c><c r=\"B1\"><v>1E-3</v></c>"
                   "<c r=\"C1\"><v>2.5E+6</v></c><c r=\"D1\" s=\"1\"><v>237</v></c>"
                   "<c r=\"E1\" s=\"2\"><v>0.955</v></c><c r=\"F1\" s=\"3\"><v>242.59</v></c>"
                   "<c r=\"G1\" s=\"4\"><v>45658</v></c><c r=\"H1\" s=\"5\"><v>0.1</v></c>"
                   "<c r=\"I1\" s=\"1\"><v>-5</v></c><c r=\"J1\" s=\"6\"><v>0.95</v></c>"
                   "<c r=\"K1\" s=\"7\"><v>1234.5</v></c><c r=\"L1\" s=\"8\"><v>60</v></c>"
                   "<c r=\"M1\" s=\"99\"><v>12.50</v></c><c r=\"N1\" s=\"9\"><v>0.25</v></c>"
                   "<c r=\"O1\"><v>242.58999999999997</v></c><c r=\"P1\"><v>-0</v></c>"
                   "</row></sheetData>"},
        .styles = "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
                  "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;万元&quot;\"/>"
                  "<numFmt numFmtId=\"166\" formatCode=\"[$¥-804]#,##0.00;[Red]-#,##0.00\"/>"
                  "<numFmt numFmtId=\"167\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                  "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"10\"/></cellStyleXfs>"
                  "<cellXfs count=\"10\"><xf numFmtId=\"0\"/><xf numFmtId=\"2\"/><xf numFmtId=\"164\"/>"
                  "<xf numFmtId=\"165\"><alignment/></xf><xf numFmtId=\"14\"/><xf numFmtId=\"49\"/>"
                  "<xf numFmtId=\"9\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"10\"/></cellXfs>",
    };
    pb_document *d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_OK);
    static const struct {
        const char *ref, *text;
    } want[] = {
        {"A1", "0.3"},        /* 15 significant digits, as Excel shows it */
        {"B1", "0.001"},      {"C1", "2500000"},
        {"D1", "237.00"},     /* "0.00" pads; it never rounds a stored value */
        {"E1", "95.5%"},      {"F1", "242.59万元"},
        {"G1", "2025-01-01"}, {"H1", "0.1"}, /* "@": as stored */
        {"I1", "-5.00"},      {"J1", "95%"},
        {"K1", "¥1234.50"},   {"L1", "1900-02-29"}, /* Lotus's leap day */
        {"M1", "12.5"},       /* an unknown style is General */
        {"N1", "25.00%"},     {"O1", "242.59"}, {"P1", "0"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const char *t = cell_text(d, 0, want[i].ref);
        if (!t || strcmp(t, want[i].text) != 0)
            fail_msg("%s: \"%s\", want \"%s\"", want[i].ref, t ? t : "(none)", want[i].text);
    }
    pb_document_free(d);
    /* The 1904 date system: day 0 is 1904-01-01. */
    book b1904 = {.sheets = {"<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>366</v></c></row></sheetData>"},
                  .styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>",
                  .workbook_pr = "<workbookPr date1904=\"1\"/>"};
    d = read_book(&b1904, NULL);
    assert_string_equal(cell_text(d, 0, "A1"), "1905-01-01");
    pb_document_free(d);
}

static void test_xlsx_merges(void **state)
{
    (void)state;
    book b = {
        .sheets = {"<sheetData>"
                   "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>标题</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>藏</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>纵</t></is></c><c r=\"C2\"><v>1</v></c></row>"
                   "<row r=\"4\"><c r=\"C4\"><v>2</v></c></row>"
                   "</sheetData>"
                   "<mergeCells><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A2:A4\"/><mergeCell ref=\"B2:B3\"/>"
                   "<mergeCell ref=\"B1:B2\"/><mergeCell ref=\"C4:Z99\"/><mergeCell ref=\"bad\"/>"
                   "<mergeCell ref=\"D9:E9\"/></mergeCells>"},
    };
    pb_document *d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_OK);
    const pb_table *t = d->tables[0];
    /* The extent is that of the values; ranges reaching past it are cut. */
    assert_int_equal(t->row_count, 4);
    assert_int_equal(t->width, 3);
    const pb_cell *title = pb_table_at(t, 0, 0);
    assert_string_equal(title->text, "标题");
    assert_int_equal(title->col_span, 3);
    assert_ptr_equal(pb_table_at(t, 0, 2), title);
    /* B1's value is under A1:C1, so it is gone, as Excel shows it. */
    assert_int_equal(t->rows[0].count, 1);
    const pb_cell *v = pb_table_at(t, 3, 0);
    assert_string_equal(v->text, "纵");
    assert_int_equal(v->row, 1);
    assert_int_equal(v->row_span, 3);
    /* B2:B3 has no value: it still is one (empty) cell. */
    const pb_cell *empty = pb_table_at(t, 2, 1);
    assert_non_null(empty);
    assert_string_equal(empty->text, "");
    assert_ptr_equal(pb_table_at(t, 1, 1), empty);
    assert_int_equal(empty->row_span, 2);
    /* B1:B2 starts inside A1:C1: dropped. */
    assert_string_equal(pb_table_at(t, 3, 2)->text, "2");
    assert_null(pb_table_at(t, 2, 2));
    pb_document_free(d);
    /* Ranges crossing without one starting inside the other (B1:B3, then
     * A2:C2): the earlier keeps the slot they share. */
    book cross = {.sheets = {"<sheetData><row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>竖</t></is></c></row>"
                             "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>横</t></is></c></row>"
                             "<row r=\"3\"><c r=\"C3\"><v>1</v></c></row></sheetData>"
                             "<mergeCells><mergeCell ref=\"B1:B3\"/><mergeCell ref=\"A2:C2\"/></mergeCells>"}};
    d = read_book(&cross, NULL);
    assert_int_equal(d->error.status, PB_OK);
    t = d->tables[0];
    assert_string_equal(pb_table_at(t, 1, 1)->text, "竖");
    assert_string_equal(pb_table_at(t, 1, 0)->text, "横");
    assert_string_equal(pb_table_at(t, 1, 2)->text, "横");
    assert_string_equal(pb_table_at(t, 2, 1)->text, "竖");
    pb_document_free(d);
}

static void test_xlsx_workbook_structure(void **state)
{
    (void)state;
    /* Sheets in workbook order with their names; a chart sheet is not a
     * table; the workbook found through the relationship, at any path. */
    book b = {
        .sheets = {"<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>",
                   "<sheetData><row r=\"3\"><c r=\"B3\"><v>2</v></c></row></sheetData>"},
        .names = {"甲表", "乙表"},
        .main = "book/main.xml",
        .rels_extra = "<Relationship Id=\"rIdX\" Type=\"" RNS "/worksheet\" Target=\"http://example.com/x.xml\" "
                      "TargetMode=\"External\"/>",
    };
    /* The rels of book/main.xml live in book/_rels/; targets are relative
     * to book/. */
    pb_document *d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->tables_seen, 2);
    assert_int_equal(d->table_count, 2);
    assert_string_equal(d->tables[0]->name, "甲表");
    assert_string_equal(d->tables[1]->name, "乙表");
    assert_int_equal(d->tables[1]->index, 1);
    assert_string_equal(cell_text(d, 1, "B3"), "2");
    assert_int_equal(d->tables[1]->row_count, 3);
    pb_document_free(d);
    /* No [Content_Types].xml: a part named workbook.xml is still a workbook;
     * another name is then taken for a Word document, which it is not. */
    b.no_content_types = true;
    d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_ERR_NO_MAIN_PART);
    assert_int_equal(d->format, PB_FORMAT_DOCX);
    pb_document_free(d);
    b.main = NULL;
    d = read_book(&b, NULL);
    assert_int_equal(d->error.status, PB_OK);
    assert_int_equal(d->format, PB_FORMAT_XLSX);
    assert_int_equal(d->tables_seen, 2);
    pb_document_free(d);
}

/* ---- hostile workbooks: errors are values, limits hold */

static pb_status book_status(const book *b, const pb_options *o)
{
    pb_document *d = read_book(b, o);
    pb_status s = d->error.status;
    if (s != PB_OK)
        assert_int_equal(d->project_count, 0);
    pb_document_free(d);
    return s;
}

static void test_xlsx_hostile(void **state)
{
    (void)state;
    const char *ok_sheet = "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>";
    book doctype = {.sheets = {"<sheetData/>"}};
    size_t len;
    /* A DOCTYPE inside a sheet part. */
    {
        fx_part parts[] = {
            {"[Content_Types].xml",
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
             "PartName=\"/xl/workbook.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
             0},
            {"_rels/.rels",
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"r\" Type=\"" RNS
             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
             0},
            {"xl/workbook.xml",
             "<workbook xmlns=\"" SML "\" xmlns:r=\"" RNS "\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"r1\"/>"
             "</sheets></workbook>",
             0},
            {"xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"r1\" Type=\"" RNS
             "/worksheet\" Target=\"s.xml\"/></Relationships>",
             0},
            {"xl/s.xml",
             "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><worksheet xmlns=\"" SML
             "\"><sheetData><row><c t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>",
             0},
        };
        void *z = fx_zip_mem(parts, 5, &len);
        pb_document *d = pb_read_memory(z, len, "doctype.xlsx", NULL);
        assert_int_equal(d->error.status, PB_ERR_XML_DOCTYPE);
        pb_document_free(d);
        free(z);
    }
    (void)doctype;
    /* A shared string that does not exist. */
    book bad_index = {.sheets = {"<sheetData><row><c t=\"s\"><v>5</v></c></row></sheetData>"},
                      .strings = "<si><t>a</t></si>"};
    assert_int_equal(book_status(&bad_index, NULL), PB_ERR_XML_MALFORMED);
    /* Not well-formed. */
    book broken = {.sheets = {"<sheetData><row><c><v>1</v></row></sheetData>"}};
    assert_int_equal(book_status(&broken, NULL), PB_ERR_XML_MALFORMED);
    /* Limits: rows, columns, cells, cell text, sheets, depth, part size. */
    pb_options o;
    pb_options_default(&o);
    o.limits.max_rows = 100;
    book far = {.sheets = {"<sheetData><row r=\"101\"><c r=\"A101\"><v>1</v></c></row></sheetData>"}};
    assert_int_equal(book_status(&far, &o), PB_ERR_TABLE_TOO_LARGE);
    book far_ok = {.sheets = {"<sheetData><row r=\"1048576\"><c r=\"XFD1048576\"/></row>"
                              "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"}};
    assert_int_equal(book_status(&far_ok, &o), PB_OK); /* an empty cell far away is formatting */
    pb_options_default(&o);
    o.limits.max_columns = 10;
    book wide = {.sheets = {"<sheetData><row r=\"1\"><c r=\"K1\"><v>1</v></c></row></sheetData>"}};
    assert_int_equal(book_status(&wide, &o), PB_ERR_GRID_TOO_WIDE);
    pb_options_default(&o);
    o.limits.max_cells = 50;
    book sparse = {.sheets = {"<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                              "<row r=\"20\"><c r=\"J20\"><v>1</v></c></row></sheetData>"}};
    assert_int_equal(book_status(&sparse, &o), PB_ERR_TABLE_TOO_LARGE);
    pb_options_default(&o);
    o.limits.max_cell_text = 16;
    book long_string = {.sheets = {ok_sheet}, .strings = "<si><t>0123456789abcdefXYZ</t></si>"};
    assert_int_equal(book_status(&long_string, &o), PB_ERR_CELL_TOO_LARGE);
    pb_options_default(&o);
    o.limits.max_cells = 2; /* strings: at most 4 × 2 */
    book many_strings = {.sheets = {ok_sheet}, .strings = "<si><t>1</t></si><si/><si/><si/><si/><si/><si/><si/><si/>"};
    assert_int_equal(book_status(&many_strings, &o), PB_ERR_PART_TOO_LARGE);
    many_strings.strings = "<si><t>1</t></si><si/><si/><si/><si/><si/><si/><si/>";
    assert_int_equal(book_status(&many_strings, &o), PB_OK);
    pb_options_default(&o);
    o.limits.max_cell_text = 16;
    book long_inline = {.sheets = {"<sheetData><row><c t=\"inlineStr\"><is><t>0123456789</t><t>abcdefXYZ</t>"
                                   "</is></c></row></sheetData>"}};
    assert_int_equal(book_status(&long_inline, &o), PB_ERR_CELL_TOO_LARGE);
    pb_options_default(&o);
    o.limits.max_tables = 1;
    book two = {.sheets = {ok_sheet, ok_sheet}};
    assert_int_equal(book_status(&two, &o), PB_ERR_TOO_MANY_TABLES);
    pb_options_default(&o);
    o.limits.max_depth = 5;
    book deep = {.sheets = {"<sheetData><row><c><v>1</v></c></row></sheetData>"
                            "<extLst><a><b><c><d><e><f><g><h><i/></h></g></f></e></d></c></b></a></extLst>"}};
    /* A subtree stepped over is not walked (libxml2's own depth wall still
     * holds there); in the cells the limit counts. */
    assert_int_equal(book_status(&deep, &o), PB_OK);
    book deep_data = {.sheets = {"<sheetData><row><c><is><r><t><a><b><c><d><e/></d></c></b></a></t></r></is></c>"
                                 "</row></sheetData>"}};
    assert_int_equal(book_status(&deep_data, &o), PB_ERR_XML_TOO_DEEP);
    pb_options_default(&o);
    o.limits.max_part_size = 4096;
    char *big = calloc(1, 20000);
    assert_non_null(big);
    strcpy(big, "<sheetData>");
    for (int i = 0; i < 400; i++)
        strcat(big, "<row><c><v>123456789</v></c></row>");
    strcat(big, "</sheetData>");
    book large = {.sheets = {big}};
    assert_int_equal(book_status(&large, &o), PB_ERR_PART_TOO_LARGE);
    free(big);
    /* A sheet of 4 MB of white space: the zip bomb ratio wall. */
    size_t n = 4u << 20;
    char *bomb = malloc(n + 64);
    assert_non_null(bomb);
    strcpy(bomb, "<sheetData>");
    memset(bomb + strlen(bomb), ' ', n);
    strcpy(bomb + 11 + n, "</sheetData>");
    book ratio = {.sheets = {bomb}};
    assert_int_equal(book_status(&ratio, NULL), PB_ERR_ZIP_RATIO);
    free(bomb);
    /* Relationships leaving the package or external are never followed. */
    book escape = {.sheets = {ok_sheet},
                   .rels_extra = "<Relationship Id=\"rIdE\" Type=\"" RNS "/sharedStrings\" "
                                 "Target=\"../../../etc/passwd\"/>"};
    assert_int_equal(book_status(&escape, NULL), PB_OK);
    /* A sheet whose relationship is missing. */
    {
        fx_part parts[] = {
            {"_rels/.rels",
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"r\" Type=\"" RNS
             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
             0},
            {"xl/workbook.xml",
             "<workbook xmlns=\"" SML "\" xmlns:r=\"" RNS "\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"r9\"/>"
             "</sheets></workbook>",
             0},
            {"xl/_rels/workbook.xml.rels",
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"r9\" Type=\"" RNS
             "/worksheet\" Target=\"../../s.xml\"/></Relationships>",
             0},
        };
        void *z = fx_zip_mem(parts, 3, &len);
        pb_document *d = pb_read_memory(z, len, "escape.xlsx", NULL);
        assert_int_equal(d->error.status, PB_ERR_NO_MAIN_PART);
        assert_true(pbi_contains(d->error.message, "\"a\""));
        pb_document_free(d);
        free(z);
    }
    /* Overlapping merged ranges: each starting inside an earlier one is
     * dropped, cheaply; ranges that overlap otherwise cost at most the grid. */
    char *merges = malloc(200000);
    assert_non_null(merges);
    strcpy(merges, "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                   "<row r=\"100\"><c r=\"CV100\"><v>1</v></c></row></sheetData><mergeCells>");
    for (int i = 0; i < 3000; i++)
        strcat(merges, "<mergeCell ref=\"A1:CV100\"/>");
    strcat(merges, "</mergeCells>");
    book overlap = {.sheets = {merges}};
    assert_int_equal(book_status(&overlap, NULL), PB_OK);
    strcpy(merges, "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                   "<row r=\"100\"><c r=\"CV100\"><v>1</v></c></row></sheetData><mergeCells>");
    for (int i = 0; i < 99; i++) {
        char m[64];
        snprintf(m, sizeof m, "<mergeCell ref=\"A%d:CV100\"/>", 100 - i);
        strcat(merges, m);
    }
    strcat(merges, "</mergeCells>");
    assert_int_equal(book_status(&overlap, NULL), PB_ERR_TABLE_TOO_LARGE);
    free(merges);
    /* A binary workbook. */
    book xlsb = {.sheets = {ok_sheet}, .main = "xl/workbook.bin"};
    assert_int_equal(book_status(&xlsb, NULL), PB_ERR_NO_MAIN_PART);
    /* Not a workbook root. */
    {
        fx_part parts[] = {
            {"[Content_Types].xml",
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
             "PartName=\"/xl/workbook.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
             0},
            {"_rels/.rels",
             "<Relationships xmlns=\"" PKG_RELS "\"><Relationship Id=\"r\" Type=\"" RNS
             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
             0},
            {"xl/workbook.xml", "<document/>", 0},
            {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" PKG_RELS "\"/>", 0},
        };
        void *z = fx_zip_mem(parts, 4, &len);
        pb_document *d = pb_read_memory(z, len, "root.xlsx", NULL);
        assert_int_equal(d->error.status, PB_ERR_NO_MAIN_PART);
        pb_document_free(d);
        free(z);
    }
}

/* ---- variants of other offices (issue 14 point 6): each read right in
 * .docx and .xlsx, categories and all, with no structural error */

typedef struct variant_expect {
    size_t projects;
    const char *names[2];
    const char *totals[2];
    pb_money_unit unit;
    const char *categories[6];
} variant_expect;

static const variant_expect variant_expects[FL_VARIANT_COUNT] = {
    [FLV_L1_EVERY_ROW] = {1, {"一级重复项目"}, {"50"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_EFFECT] = {1, {"效果指标项目"}, {"30"}, PB_UNIT_WANYUAN,
                    {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/生态效益", "满意度/服务对象满意度"}},
    [FLV_DIRECTION] = {1, {"方向列项目"}, {"80"}, PB_UNIT_WANYUAN,
                       {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_STAR_LABELS] = {1, {"星号标签项目"}, {"25"}, PB_UNIT_WANYUAN,
                         {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/经济效益", "满意度/服务对象满意度"}},
    [FLV_LABEL_INSIDE] = {1, {"单元格内项目"}, {"20"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_TWO_ROW_HEAD] = {1, {"二行表头项目"}, {"20"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_LIST_UNMERGED] = {2, {"道路维护", "环境整治"}, {"600000", "400000"}, PB_UNIT_YUAN,
                           {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_LIST_SUBTOTAL] = {2, {"道路维护", "环境整治"}, {"600000", "400000"}, PB_UNIT_YUAN,
                           {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_LIST_REPEATED] = {2, {"道路维护", "环境整治"}, {"600000", "400000"}, PB_UNIT_YUAN,
                           {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_FUNDS_BLANK] = {1, {"资金构成空白项目"}, {"20"}, PB_UNIT_WANYUAN,
                         {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_LIST_TWO_ROW_HEAD] = {2, {"道路维护", "环境整治"}, {"600000", "400000"}, PB_UNIT_YUAN,
                               {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_LIST_SPLIT] = {2, {"道路维护", "环境整治"}, {"600000", "400000"}, PB_UNIT_YUAN,
                        {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_FUNDS_PAIRS] = {1, {"资金构成分列项目"}, {"30"}, PB_UNIT_WANYUAN,
                         {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FUND_ITEMS] = {1, {"编号资金项目"}, {"30"}, PB_UNIT_WANYUAN,
                             {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FUNDS_TWO_TERMS] = {1, {"两期资金项目"}, {"50"}, PB_UNIT_WANYUAN,
                             {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_GOAL_ROWS] = {1, {"分行目标项目"}, {"20"}, PB_UNIT_WANYUAN,
                       {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_LIST_SAME_NAME] = {2, {"道路维护", "道路维护"}, {"600000", "600000"}, PB_UNIT_YUAN,
                            {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_VALUE_BLANK] = {1, {"空白值项目"}, {"20"}, PB_UNIT_WANYUAN,
                         {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_SCORE_COLUMN] = {1, {"分值列项目"}, {"60"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FIELDS_BELOW] = {1, {"值在下行项目"}, {"40"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FUND_SOURCES] = {1, {"资金来源项目"}, {"50"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/经济效益", "满意度/服务对象满意度"}},
    [FLV_NAME_UNIT] = {1, {"名称注单位项目"}, {"60"}, PB_UNIT_WANYUAN,
                       {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FUNDS_PARENS] = {1, {"括号资金项目"}, {"16"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_FUNDS_COMMAS] = {1, {"逗号资金项目"}, {"16"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_LEVEL1_BANDS] = {1, {"分段一级项目"}, {"40"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_ONE_UNIT_LINE] = {2, {"道路维护", "环境整治"}, {"60", "40"}, PB_UNIT_WANYUAN,
                           {"产出/数量", "产出/质量", "产出/时效", "产出/成本", NULL, "满意度/服务对象满意度"}},
    [FLV_APPLIED_AMOUNT] = {1, {"申报金额项目"}, {"40"}, PB_UNIT_WANYUAN,
                            {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_PROJECT_GOALS] = {1, {"项目绩效目标项目"}, {"40"}, PB_UNIT_WANYUAN,
                           {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_NUMBERED_LABELS] = {1, {"编号标签项目"}, {"40"}, PB_UNIT_WANYUAN,
                             {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_NUMBERED_GOALS] = {1, {"编号目标项目"}, {"40"}, PB_UNIT_WANYUAN,
                            {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_TRANSFER_REGION] = {1, {"农村综合改革转移支付"}, {"1000"}, PB_UNIT_WANYUAN,
                             {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
    [FLV_TOTAL_MERGED] = {1, {"资金总额合并项目"}, {"40"}, PB_UNIT_WANYUAN,
                          {"产出/数量", "产出/质量", "产出/时效", "产出/成本", "效益/社会效益", "满意度/服务对象满意度"}},
};

static void check_variant(fl_variant v, fl_format f)
{
    fl_doc doc = {0};
    fl_variant_doc(&doc, v);
    pb_document *d = read_checked(&doc, f);
    const variant_expect *e = &variant_expects[v];
    const char *what = fl_variant_name(v), *fmt = fl_format_name(f);
    if (d->project_count != e->projects)
        fail_msg("%s (%s): %zu projects, want %zu", what, fmt, d->project_count, e->projects);
    for (size_t i = 0; i < e->projects; i++) {
        const pb_project *p = d->projects[i];
        if (!p->name.text || strcmp(p->name.text, e->names[i]) != 0)
            fail_msg("%s (%s): project %zu named 「%s」, want 「%s」", what, fmt, i + 1,
                     p->name.text ? p->name.text : "(none)", e->names[i]);
        assert_true(p->total.present && p->total.valid);
        pb_decimal want_total;
        assert_true(pb_decimal_parse(e->totals[i], strlen(e->totals[i]), &want_total));
        if (pb_decimal_cmp(p->total.value, want_total) != 0)
            fail_msg("%s (%s): project %zu total %s, want %s", what, fmt, i + 1, dec(p->total.value), e->totals[i]);
        assert_int_equal(p->unit, e->unit);
        if (p->indicator_count != 6)
            fail_msg("%s (%s): project %zu has %zu indicators, want 6", what, fmt, i + 1, p->indicator_count);
        for (size_t k = 0; k < 6; k++) {
            char cat[PBI_CATEGORY_MAX];
            const char *got = pbi_indicator_category(&p->indicators[k], cat, sizeof cat);
            const char *want = e->categories[k] ? e->categories[k]
                               : i == 0 ? "效益/社会效益" : "效益/生态效益";
            if (!got || strcmp(got, want) != 0)
                fail_msg("%s (%s): project %zu indicator %zu is %s, want %s", what, fmt, i + 1, k + 1,
                         got ? got : "(none)", want);
            assert_int_equal(p->indicators[k].term, PB_TERM_ANNUAL);
        }
    }
    for (size_t i = 0; i < d->finding_count; i++)
        if (strncmp(d->findings[i].rule->id, "PB40", 4) == 0)
            fail_msg("%s (%s): %s %s", what, fmt, d->findings[i].rule->id, d->findings[i].message);
    if (v == FLV_DIRECTION) {
        const pb_indicator *ind = &d->projects[0]->indicators[0];
        assert_string_equal(ind->direction.text, "正向");
        assert_string_equal(ind->comparator.text, "≥");
        assert_string_equal(ind->value.raw, "≥120公里");
        assert_string_equal(d->projects[0]->indicators[4].direction.text, "反向");
    }
    if (v == FLV_STAR_LABELS) {
        assert_string_equal(d->projects[0]->department.text, "某县农业农村局");
        assert_string_equal(d->projects[0]->goals[0], "推广水稻新品种");
        assert_string_equal(dec(d->projects[0]->fiscal.value), "25");
    }
    if (v == FLV_LABEL_INSIDE) {
        const pb_project *p = d->projects[0];
        assert_string_equal(p->department.text, "某县住建局");
        assert_string_equal(p->implementer.text, "某县市政所");
        assert_string_equal(dec(p->fiscal.value), "20");
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "完成两座桥梁维修");
        assert_int_equal(p->name.loc.col, 0);
        assert_string_equal(p->template_family->id, "declaration");
    }
    if (v == FLV_TWO_ROW_HEAD) {
        const pb_project *p = d->projects[0];
        assert_string_equal(p->indicators[1].value.raw, "95%"); /* the head's unit */
        assert_string_equal(p->indicators[1].value.unit, "%");
        assert_string_equal(p->indicators[0].value.unit, "公里"); /* a value's own unit kept */
        assert_int_equal(p->indicators[2].value.kind, PB_VALUE_QUALITATIVE);
        assert_string_equal(p->indicators[5].value.raw, "90%");
        assert_int_equal(count_rule(d, "indicator-satisfaction-floor", NULL), 0);
    }
    if (v == FLV_FUNDS_BLANK) {
        const pb_project *p = d->projects[0];
        if (strcmp(dec(p->fiscal.value), "15") != 0 || strcmp(dec(p->other.value), "5") != 0)
            fail_msg("%s (%s): fiscal %s, other %s, want 15 and 5", what, fmt, dec(p->fiscal.value), dec(p->other.value));
        assert_int_equal(count_rule(d, "budget-amount-unparsed", NULL), 0);
    }
    if (v == FLV_FUNDS_PAIRS) {
        const pb_project *p = d->projects[0];
        if (strcmp(dec(p->fiscal.value), "20") != 0 || strcmp(dec(p->other.value), "10") != 0)
            fail_msg("%s (%s): fiscal %s, other %s, want 20 and 10", what, fmt, dec(p->fiscal.value), dec(p->other.value));
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 0);
    }
    if (v == FLV_FUND_ITEMS) {
        const pb_project *p = d->projects[0];
        if (!p->fiscal.present || strcmp(dec(p->fiscal.value), "30") != 0)
            fail_msg("%s (%s): fiscal %s, want 30", what, fmt, p->fiscal.present ? dec(p->fiscal.value) : "(none)");
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 0);
    }
    if (v == FLV_FUNDS_TWO_TERMS) {
        const pb_project *p = d->projects[0];
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(dec(p->long_total.value), "120");
        assert_string_equal(dec(p->fiscal.value), "50");
        assert_int_equal(count_rule(d, "budget-amount-unparsed", NULL), 0);
    }
    if (v == FLV_GOAL_ROWS) {
        const pb_project *p = d->projects[0];
        if (p->goal_count != 3 || p->long_goal_count != 2)
            fail_msg("%s (%s): %zu goals and %zu 中期 goals, want 3 and 2", what, fmt, p->goal_count, p->long_goal_count);
        assert_string_equal(p->goals[2], "目标3:完成物业费清算");
        assert_string_equal(p->long_goals[1], "目标2:安置小区物业全覆盖");
    }
    if (v == FLV_VALUE_BLANK) {
        const char *dept = d->projects[0]->department.text;
        if (dept && *dept)
            fail_msg("%s (%s): 主管部门 「%s」, want blank", what, fmt, dept);
    }
    if (v == FLV_SCORE_COLUMN)
        assert_int_equal(count_rule(d, "self-evaluation-skipped", NULL), 0);
    if (v == FLV_FIELDS_BELOW) {
        assert_string_equal(d->projects[0]->department.text, "某县财政局");
        assert_string_equal(d->projects[0]->implementer.text, "某县开发区管委会");
        assert_string_equal(d->projects[0]->template_family->id, "declaration");
    }
    if (v == FLV_FUND_SOURCES) {
        const pb_project *p = d->projects[0];
        if (!p->fiscal.present || !p->other.present || strcmp(dec(p->fiscal.value), "40") != 0 ||
            strcmp(dec(p->other.value), "10") != 0)
            fail_msg("%s (%s): fiscal %s, other %s, want 40 and 10", what, fmt,
                     p->fiscal.present ? dec(p->fiscal.value) : "(none)", p->other.present ? dec(p->other.value) : "(none)");
    }
    if (v == FLV_NAME_UNIT) {
        const pb_project *p = d->projects[0];
        assert_string_equal(p->indicators[0].value.unit, "人");
        assert_string_equal(p->indicators[3].value.unit, "元/人");
        assert_string_equal(p->indicators[5].value.raw, "≥90%");
        assert_int_equal(count_rule(d, "indicator-unit-missing", NULL), 0);
    }
    if (v == FLV_FUNDS_PARENS) {
        const pb_project *p = d->projects[0];
        if (!p->fiscal.present || strcmp(dec(p->fiscal.value), "16") != 0)
            fail_msg("%s (%s): fiscal %s, want 16", what, fmt, p->fiscal.present ? dec(p->fiscal.value) : "(none)");
    }
    if (v == FLV_FUNDS_COMMAS) {
        const pb_project *p = d->projects[0];
        if (strcmp(dec(p->fiscal.value), "10") != 0 || strcmp(dec(p->other.value), "6") != 0)
            fail_msg("%s (%s): fiscal %s, other %s, want 10 and 6", what, fmt, dec(p->fiscal.value), dec(p->other.value));
        assert_int_equal(count_rule(d, "budget-amount-unparsed", NULL), 0);
    }
    if (v == FLV_TOTAL_MERGED) {
        const pb_project *p = d->projects[0];
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "完成安置小区物业管理");
        assert_string_equal(dec(p->fiscal.value), "40");
        assert_int_equal(count_rule(d, "budget-amount-unparsed", NULL), 0);
    }
    if (v == FLV_PROJECT_GOALS) {
        const pb_project *p = d->projects[0];
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "完成安置小区物业管理");
    }
    if (v == FLV_NUMBERED_LABELS) {
        const pb_project *p = d->projects[0];
        assert_string_equal(p->department.text, "某县财政局");
        assert_string_equal(p->implementer.text, "某县开发区管委会");
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "1.年度目标:完成安置小区物业管理");
        assert_string_equal(p->template_family->id, "declaration");
    }
    if (v == FLV_NUMBERED_GOALS) {
        const pb_project *p = d->projects[0];
        if (p->goal_count != 3)
            fail_msg("%s (%s): %zu goals, want 3", what, fmt, p->goal_count);
        assert_string_equal(p->goals[0], "1.维护安置小区安全巡逻");
        assert_string_equal(p->goals[1], "2.做好环境卫生");
        assert_string_equal(p->goals[2], "(3)完成物业费清算。");
        /* sentences not numbered are one goal */
        assert_int_equal(p->long_goal_count, 1);
    }
    if (v == FLV_TRANSFER_REGION) {
        const pb_project *p = d->projects[0];
        if (!p->fiscal.present || strcmp(dec(p->fiscal.value), "1000") != 0)
            fail_msg("%s (%s): fiscal %s, want 1000", what, fmt, p->fiscal.present ? dec(p->fiscal.value) : "(none)");
        assert_string_equal(p->department.text, "财政部");
        assert_string_equal(p->implementer.text, "某省财政厅");
        assert_int_equal(p->goal_count, 1);
        assert_string_equal(p->goals[0], "支持村级公益事业建设,改善农村人居环境");
        assert_string_equal(p->template_family->id, "declaration");
        assert_int_equal(count_rule(d, "budget-sum-mismatch", NULL), 0);
    }
    if (v == FLV_LIST_SUBTOTAL || v == FLV_LIST_UNMERGED || v == FLV_LIST_REPEATED || v == FLV_LIST_TWO_ROW_HEAD ||
        v == FLV_LIST_SPLIT || v == FLV_LIST_SAME_NAME)
        for (size_t i = 0; i < 2; i++)
            assert_string_equal(d->projects[i]->template_family->id, "list");
    pb_document_free(d);
    fl_doc_free(&doc);
}

static void test_variants(void **state)
{
    (void)state;
    for (int v = 0; v < FL_VARIANT_COUNT; v++) {
        check_variant((fl_variant)v, FL_DOCX);
        check_variant((fl_variant)v, FL_XLSX);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference),
        cmocka_unit_test(test_reference_one_table),
        cmocka_unit_test(test_reference_split),
        cmocka_unit_test(test_reference_split_noflag),
        cmocka_unit_test(test_declaration),
        cmocka_unit_test(test_declaration_vertical),
        cmocka_unit_test(test_vendor),
        cmocka_unit_test(test_hunan),
        cmocka_unit_test(test_central),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_checkpoint_labels),
        cmocka_unit_test(test_lines_in_cell),
        cmocka_unit_test(test_lines_in_cell_bounded),
        cmocka_unit_test(test_goal_group_label),
        cmocka_unit_test(test_whole_unit_table),
        cmocka_unit_test(test_numbered_labels_stacked),
        cmocka_unit_test(test_numbered_labels_inside),
        cmocka_unit_test(test_goal_rows_bounded),
        cmocka_unit_test(test_self_evaluation),
        cmocka_unit_test(test_unknown_tables),
        cmocka_unit_test(test_comparator_column),
        cmocka_unit_test(test_percent_numbers),
        cmocka_unit_test(test_reference_docx_unchanged),
        cmocka_unit_test(test_xlsx_strings),
        cmocka_unit_test(test_xlsx_number_formats),
        cmocka_unit_test(test_xlsx_merges),
        cmocka_unit_test(test_xlsx_workbook_structure),
        cmocka_unit_test(test_xlsx_hostile),
        cmocka_unit_test(test_variants),
    };
    return cmocka_run_group_tests_name("layouts", tests, NULL, NULL);
}
