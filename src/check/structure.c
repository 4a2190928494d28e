/* PB402-PB406: the parts of a table and the indicator framework (categories, levels, count). */
#include "check/check.h"
#include <string.h>

typedef struct missing {
    pb_loc loc;
    const char *what;
    pb_severity severity;
} missing;

/* PB402 asks only for the fields the recognised template family has; a
 * table whose header layout no family places (an indicator head alone) is
 * still checked, its missing fields reported as info.  The parts missing
 * at one place are one finding: a table read without its key/value part
 * lacks them all at once. */
void pbi_check_complete(pbi_checker *k, const pb_project *p)
{
    const pb_template *t = p->template_family;
    /* The 申报表 has neither 项目编码 nor, always, a spending plan. */
    unsigned has = t ? t->fields
                     : p->layout == PB_LAYOUT_DECLARATION
                           ? PB_TF_NAME | PB_TF_TOTAL | PB_TF_GOALS | PB_TF_INDICATORS
                           : PB_TF_CODE | PB_TF_NAME | PB_TF_TOTAL | PB_TF_SCHEDULE | PB_TF_GOALS | PB_TF_INDICATORS;
    /* no family at all, but indicators: as an unplaced header (two-level 转移支付 tables) */
    bool unplaced = t ? strcmp(t->id, "indicators") == 0 : p->has_indicator_table;
    if (!t && unplaced)
        has = PB_TF_INDICATORS;
    unsigned ask = unplaced ? PB_TF_CODE | PB_TF_NAME | PB_TF_TOTAL | PB_TF_GOALS | PB_TF_INDICATORS : has;
    pb_severity sev[2] = {pbi_rule(RULE_TABLE_INCOMPLETE)->severity, PB_SEV_INFO};
    missing m[6];
    size_t n = 0;
#define MISSING(bit, where, label) (m[n++] = (missing){(where), (label), sev[unplaced && !(has & (bit))]})
    if ((ask & PB_TF_CODE) && pbi_is_blank(p->code.text))
        MISSING(PB_TF_CODE, pbi_field_or(&p->code, p->loc), "项目编码");
    if ((ask & PB_TF_NAME) && pbi_is_blank(p->name.text))
        MISSING(PB_TF_NAME, pbi_field_or(&p->name, p->loc), "项目名称");
    if ((ask & PB_TF_TOTAL) && pbi_is_blank(p->total.raw))
        MISSING(PB_TF_TOTAL, p->total.loc.table >= 0 ? p->total.loc : p->loc, "预算数");
    if ((ask & PB_TF_SCHEDULE) && p->schedule.count == 0)
        MISSING(PB_TF_SCHEDULE, p->schedule.loc.table >= 0 ? p->schedule.loc : p->loc, "资金支出计划");
    if ((ask & PB_TF_GOALS) && pbi_is_blank(p->goals_cell.text))
        MISSING(PB_TF_GOALS, pbi_field_or(&p->goals_cell, p->loc), "绩效目标");
    if ((ask & PB_TF_INDICATORS) && p->indicator_count == 0)
        MISSING(PB_TF_INDICATORS, p->loc, _("the indicators (一级/二级/三级指标 and 指标值)"));
#undef MISSING
    bool done[6] = {false};
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        char list[512] = "";
        size_t len = 0, count = 0;
        for (size_t j = i; j < n; j++) {
            if (done[j] || m[j].severity != m[i].severity || memcmp(&m[j].loc, &m[i].loc, sizeof m[i].loc) != 0)
                continue;
            done[j] = true;
            int w = snprintf(list + len, sizeof list - len, "%s「%s」", count++ ? _(", ") : "", m[j].what);
            if (w > 0 && (size_t)w < sizeof list - len)
                len += (size_t)w;
        }
        if (count == 1)
            pbi_add_sev(k, RULE_TABLE_INCOMPLETE, m[i].severity, p, m[i].loc,
                        _("the project table lacks 「%s」 or leaves it empty; fill it in"), m[i].what);
        else
            pbi_add_sev(k, RULE_TABLE_INCOMPLETE, m[i].severity, p, m[i].loc,
                        _("the project table lacks %s or leaves them empty; fill them in"), list);
    }
}

/* Indicators [i, end) share one 二级 cell (merged or carried down). */
static size_t level2_group_end(const pb_project *p, size_t i)
{
    const pb_indicator *a = &p->indicators[i];
    size_t j = i + 1;
    while (j < p->indicator_count) {
        const pb_indicator *b = &p->indicators[j];
        if (memcmp(&a->level2.loc, &b->level2.loc, sizeof a->level2.loc) != 0 ||
            strcmp(a->level2.text ? a->level2.text : "", b->level2.text ? b->level2.text : "") != 0)
            break;
        j++;
    }
    return j;
}

/* 「…」 or 「——」: a template's placeholder row, not an indicator. */
static bool placeholder(const char *s)
{
    static const char *const marks[] = {"…", ".", "—", "-", "－", "·", "*", "＊"};
    char buf[PBI_NORM_MAX];
    const char *t = pbi_norm(s, buf);
    while (*t) {
        size_t i = 0;
        while (i < PBI_COUNT(marks) && !pbi_has_prefix(t, marks[i]))
            i++;
        if (i == PBI_COUNT(marks))
            return false;
        t += strlen(marks[i]);
    }
    return true;
}

#define GROUPS_MAX 64

static void check_level_groups(pbi_checker *k, const pb_project *p)
{
    /* 二级 rows without any 三级 target: when most of the table is so, one
     * finding for the table (its indicators were never filled in). */
    const pb_indicator *empty[GROUPS_MAX];
    size_t ne = 0, groups = 0;
    for (size_t i = 0, end; i < p->indicator_count; i = end) {
        end = level2_group_end(p, i);
        const pb_indicator *ind = &p->indicators[i];
        if (pbi_is_blank(ind->level2.text) || placeholder(ind->level2.text))
            continue;
        groups++;
        pbi_subcategory s = pbi_sub_of(k, ind);
        pbi_category c = pbi_category_of(ind->level1.text);
        /* 满意度 as a 二级 under 效益指标 is where the 2015 MOF template puts it */
        bool mof_2015 = s == SUB_SATISFACTION && c == CAT_EFFECT;
        if (c != CAT_NONE && !pbi_belongs(s, c) && !mof_2015)
            pbi_add(k, RULE_INDICATOR_LEVEL_MISMATCH, p, ind->level2.loc,
                _("二级 「%s」 is under 「%s」; it belongs under 「%s」: move the row or correct the name"),
                ind->level2.text, ind->level1.text, pbi_home_of(s));
        bool target = false;
        for (size_t j = i; j < end; j++)
            target = target || pbi_sets_target(&p->indicators[j]);
        if (!target && ne < GROUPS_MAX)
            empty[ne++] = ind;
    }
    if (ne >= 3 && 2 * ne > groups) {
        pbi_add(k, RULE_INDICATOR_LEVEL_EMPTY, p, empty[0]->level2.loc,
                _("%zu of the table's %zu 二级 indicators have no 三级 indicator with a 指标值: the indicators were "
                  "not filled in; give each 二级 its 三级 indicators with their targets"),
                ne, groups);
        return;
    }
    for (size_t i = 0; i < ne; i++)
        pbi_add(k, RULE_INDICATOR_LEVEL_EMPTY, p, empty[i]->level2.loc,
                _("二级 「%s」 has no 三级 indicator with a 指标值; add one with its target, or remove the row"),
                empty[i]->level2.text);
}

typedef struct framework {
    bool category[CAT_COUNT];
    pb_loc category_loc[CAT_COUNT]; /* its first 一级 cell */
    bool under[CAT_COUNT][SUB_COUNT];
} framework;

static void survey(const pbi_checker *k, const pb_project *p, framework *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        pbi_category c = pbi_category_of(ind->level1.text);
        if (!f->category[c])
            f->category_loc[c] = ind->level1.loc.table >= 0 ? ind->level1.loc : ind->loc;
        f->category[c] = true;
        f->under[c][pbi_sub_of(k, ind)] = true;
        /* A two-level table (绩效指标分类 | 绩效指标) names 满意度 in the
         * indicator itself, under 效果指标 where its template puts it. */
        if (c == CAT_EFFECT && pbi_is_blank(ind->level2.text) && pbi_contains(ind->level3.text, "满意"))
            f->under[c][SUB_SATISFACTION] = true;
    }
}

static void missing_level2(pbi_checker *k, const pb_project *p, const framework *f, pbi_category c, const char *l1,
                           const char *l2)
{
    pbi_add(k, RULE_INDICATOR_CATEGORY_MISSING, p, f->category_loc[c],
        _("「%s」 has no 二级 「%s」; add it with at least one 三级 indicator and its target"), l1, l2);
}

static void check_categories(pbi_checker *k, const pb_project *p)
{
    framework f;
    survey(k, p, &f);
    pb_loc first_row = p->indicators[0].loc;
    static const char *const fix = N_("the indicator table has no 一级 「%s」; add it with %s");
    /* A two-level table (绩效指标分类 | 绩效指标) has no 二级 to ask for. */
    bool two_level = true;
    for (size_t i = 0; i < p->indicator_count && two_level; i++)
        two_level = pbi_is_blank(p->indicators[i].level2.text);
    if (!f.category[CAT_OUTPUT]) {
        pbi_add(k, RULE_INDICATOR_CATEGORY_MISSING, p, first_row, _(fix), "产出指标", _("数量/质量/时效/成本指标"));
    } else if (!two_level) {
        static const struct {
            pbi_subcategory s;
            const char *name;
        } required[] = {{SUB_QUANTITY, "数量指标"}, {SUB_QUALITY, "质量指标"}, {SUB_TIME, "时效指标"}};
        for (size_t i = 0; i < PBI_COUNT(required); i++)
            if (!f.under[CAT_OUTPUT][required[i].s])
                missing_level2(k, p, &f, CAT_OUTPUT, "产出指标", required[i].name);
        /* 成本 under 产出 (local forms) or as a 一级 of its own (2021). */
        if (!f.under[CAT_OUTPUT][SUB_COST] && !f.category[CAT_COST])
            missing_level2(k, p, &f, CAT_OUTPUT, "产出指标", "成本指标");
    }
    if (!f.category[CAT_EFFECT]) {
        pbi_add(k, RULE_INDICATOR_CATEGORY_MISSING, p, first_row, _(fix), "效益指标",
            _("at least one of 经济效益/社会效益/生态效益/可持续影响指标"));
    } else if (!two_level) {
        bool any = false;
        for (int s = 0; s < SUB_COUNT; s++)
            any = any || (pbi_is_effect((pbi_subcategory)s) && f.under[CAT_EFFECT][s]);
        if (!any)
            missing_level2(k, p, &f, CAT_EFFECT, "效益指标", "经济效益/社会效益/生态效益/可持续影响指标");
    }
    /* a 满意度 indicator wherever the template puts it: a 一级 of its own, a
     * 二级 under 效益指标 (2015), a 三级 under 效果指标 (two-level 转移支付) */
    bool satisfaction = f.category[CAT_SATISFACTION] || f.under[CAT_EFFECT][SUB_SATISFACTION];
    for (size_t i = 0; i < p->indicator_count && !satisfaction; i++) {
        pbi_category c;
        pbi_subcategory s;
        pbi_indicator_class(&p->indicators[i], &c, &s);
        satisfaction = c == CAT_SATISFACTION;
    }
    if (!satisfaction)
        pbi_add(k, RULE_INDICATOR_CATEGORY_MISSING, p, first_row, _(fix), "满意度指标",
                _("服务对象满意度指标, unless the project serves no one directly"));
}

static void check_count(pbi_checker *k, const pb_project *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->indicator_count; i++)
        n += pbi_sets_target(&p->indicators[i]) || pbi_named(&p->indicators[i]);
    if (n < (size_t)k->c->min_indicators)
        pbi_add(k, RULE_INDICATOR_COUNT_LOW, p, p->indicators[0].loc,
            _("the indicator table has %zu 三级 indicators, fewer than %d; add indicators for what the project "
              "does not yet measure"),
            n, k->c->min_indicators);
}

/* The 权重 column, where the table has one: the weights of a block are
 * shares of 100.  A merged cell (one weight for several rows) counts once. */
static void check_weights(pbi_checker *k, const pb_project *p, pb_term term)
{
    pb_decimal sum = {0, 0};
    size_t n = 0;
    pb_loc first = PB_NOLOC, last = PB_NOLOC;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        const char *w = ind->weight.text;
        if (ind->term != term || !w || pbi_is_blank(w))
            continue;
        if (n > 0 && memcmp(&ind->weight.loc, &last, sizeof last) == 0)
            continue;
        char buf[64];
        if (!pbi_normalize_buf(w, true, buf, sizeof buf))
            return;
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '%')
            len--;
        else if (len >= strlen("分") && strcmp(buf + len - strlen("分"), "分") == 0)
            len -= strlen("分");
        pb_decimal d;
        if (!pb_decimal_parse(buf, len, &d) || !pb_decimal_add(sum, d, &sum))
            return; /* a weight that is not a number: nothing certain to say */
        if (n++ == 0)
            first = ind->weight.loc;
        last = ind->weight.loc;
    }
    if (n < 2 || pb_decimal_cmp(sum, pb_decimal_from_int(100)) == 0)
        return;
    char a[PB_DECIMAL_BUFSIZE];
    pbi_add(k, RULE_INDICATOR_WEIGHTS_SUM, p, first,
            _("the 权重 of the indicators add up to %s, not 100; correct the weights so that they total 100"),
            pb_decimal_format(sum, a));
}

void pbi_check_framework(pbi_checker *k, const pb_project *p)
{
    if (p->indicator_count == 0)
        return;
    check_categories(k, p);
    check_level_groups(k, p);
    check_count(k, p);
    check_weights(k, p, PB_TERM_ANNUAL);
    check_weights(k, p, PB_TERM_LONG);
}
