/* The checks: rules over the project model.  No XML here.  Each rule's
 * explanation lives in the catalogue (rules.c); messages quote the
 * document's own words in 「」 and say how to fix the finding. */
#include "check/check.h"
#include "model/model.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define NORM_MAX 512

typedef struct checker {
    pb_document *d;
    const pb_config *c;
    size_t cap;
    bool oom;
    regex_t code_re;
    bool code_re_ok;
    bool code_default; /* the default pattern: pbi_code_matches_default */
    /* slug → rule: the checks name rules by literal slugs, so the same few
     * pointers come again and again */
    struct {
        const char *slug;
        const pb_rule *rule;
    } rules[64];
    size_t rule_count;
} checker;

static const pb_rule *rule_of(checker *k, const char *slug)
{
    for (size_t i = 0; i < k->rule_count; i++)
        if (k->rules[i].slug == slug)
            return k->rules[i].rule;
    const pb_rule *r = pb_rule_find(slug);
    if (k->rule_count < sizeof k->rules / sizeof *k->rules) {
        k->rules[k->rule_count].slug = slug;
        k->rules[k->rule_count++].rule = r;
    }
    return r;
}

static void vadd(checker *k, const char *slug, int dflt, const pb_project *p, pb_loc loc, const char *fmt,
                 va_list ap) __attribute__((format(printf, 6, 0)));

/* dflt < 0: the rule's own default severity. */
static void vadd(checker *k, const char *slug, int dflt, const pb_project *p, pb_loc loc, const char *fmt,
                 va_list ap)
{
    const pb_rule *r = rule_of(k, slug);
    pb_severity sev = !r ? PB_SEV_OFF : pbi_config_severity_or(k->c, r, dflt < 0 ? r->severity : (pb_severity)dflt);
    if (sev == PB_SEV_OFF || k->oom)
        return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    pb_document *d = k->d;
    if (!pbi_grow(d->arena, (void **)&d->findings, &k->cap, d->finding_count, sizeof *d->findings)) {
        k->oom = true;
        return;
    }
    pb_finding *f = &d->findings[d->finding_count];
    f->rule = r;
    f->severity = sev;
    f->project = p;
    f->loc = loc;
    f->message = pb_arena_strdup(d->arena, msg);
    if (!f->message) {
        k->oom = true;
        return;
    }
    d->finding_count++;
}

static void add(checker *k, const char *slug, const pb_project *p, pb_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add(checker *k, const char *slug, const pb_project *p, pb_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(k, slug, -1, p, loc, fmt, ap);
    va_end(ap);
}

static void add_sev(checker *k, const char *slug, pb_severity dflt, const pb_project *p, pb_loc loc,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add_sev(checker *k, const char *slug, pb_severity dflt, const pb_project *p, pb_loc loc,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(k, slug, (int)dflt, p, loc, fmt, ap);
    va_end(ap);
}

static const char *fmt_dec(pb_decimal v, char *buf) { return pb_decimal_format(v, buf); }

/* Text as the rules compare it (width folded, white space dropped) in buf
 * of NORM_MAX bytes; "" for NULL and for text too long to compare. */
static const char *norm(const char *s, char *buf)
{
    if (!s || !pbi_normalize_buf(s, true, buf, NORM_MAX))
        buf[0] = '\0';
    return buf;
}

static bool same_text(const char *a, const char *b)
{
    char x[NORM_MAX], y[NORM_MAX];
    return strcmp(norm(a, x), norm(b, y)) == 0;
}

static bool contains_any(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pbi_contains(s, words[i]))
            return true;
    return false;
}

static bool in_list(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- schedule */

static void check_back_loaded(checker *k, const pb_project *p, const pb_checkpoint *cp)
{
    pb_decimal min;
    if (!pbi_config_checkpoint_minimum(k->c, cp->label, &min) || pb_decimal_cmp(cp->percent, min) >= 0)
        return;
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    if (k->c->schedule_straight_line)
        add(k, "schedule-back-loaded", p, cp->loc,
            _("资金支出计划 「%s」 is %s%%, below a straight line through the year (%s%% by then); plan "
              "spending earlier or explain why it comes late"),
            cp->label, fmt_dec(cp->percent, a), fmt_dec(min, b));
    else
        add(k, "schedule-back-loaded", p, cp->loc,
            _("资金支出计划 「%s」 is %s%%, below the minimum of %s%% set for this checkpoint; plan spending "
              "earlier or explain why it comes late"),
            cp->label, fmt_dec(cp->percent, a), fmt_dec(min, b));
}

static void check_schedule(checker *k, const pb_project *p)
{
    const pb_schedule *s = &p->schedule;
    const pb_checkpoint *prev = NULL;
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        if (!cp->valid) {
            add(k, "schedule-value-unparsed", p, cp->loc, _("资金支出计划 「%s」: 「%s」 is not a percentage"),
                cp->label, cp->raw);
            continue;
        }
        if (!cp->present) {
            add(k, "schedule-checkpoint-blank", p, cp->loc,
                _("资金支出计划 「%s」 is empty; write the planned cumulative percentage (0%% if nothing is spent by then)"),
                cp->label);
            continue;
        }
        if (cp->percent.micro < 0 || cp->percent.micro > 100 * PB_DECIMAL_SCALE)
            add(k, "schedule-percent-range", p, cp->loc, _("资金支出计划 「%s」 is %s%%, outside 0-100%%"), cp->label,
                fmt_dec(cp->percent, a));
        if (prev && pb_decimal_cmp(cp->percent, prev->percent) < 0)
            add(k, "schedule-not-cumulative", p, cp->loc,
                _("资金支出计划 「%s」 is %s%%, below 「%s」 %s%%; the plan is cumulative and cannot go down"),
                cp->label, fmt_dec(cp->percent, a), prev->label, fmt_dec(prev->percent, b));
        if (i + 1 < s->count)
            check_back_loaded(k, p, cp);
        prev = cp;
    }
    if (s->count > 0) {
        const pb_checkpoint *last = &s->items[s->count - 1];
        if (last->valid && last->present && last->percent.micro != 100 * PB_DECIMAL_SCALE)
            add(k, "schedule-final-not-100", p, last->loc,
                _("资金支出计划 「%s」, the last checkpoint, is %s%%; by then the whole budget should be spent (100%%)"),
                last->label, fmt_dec(last->percent, a));
    }
}

/* ---- money */

static void check_amounts(checker *k, const pb_project *p)
{
    const pb_amount *m[3] = {&p->total, &p->fiscal, &p->other};
    const char *names[3] = {"预算数", "财政资金", "其他资金"};
    bool ok = true;
    for (int i = 0; i < 3; i++)
        if (m[i]->present && !m[i]->valid) {
            add(k, "budget-amount-unparsed", p, m[i]->loc, _("%s 「%s」 is not an amount"), names[i], m[i]->raw);
            ok = false;
        }
    if (!ok || !p->total.present || (!p->fiscal.present && !p->other.present))
        return;
    pb_decimal sum = {0, 0};
    if (p->fiscal.present)
        sum = p->fiscal.value;
    if (p->other.present && !pb_decimal_add(sum, p->other.value, &sum))
        return;
    if (pb_decimal_cmp(sum, p->total.value) != 0 && p->fund_count > 2) {
        /* A 申报表's parts, each named as its table names it. */
        char parts[512] = "", c[PB_DECIMAL_BUFSIZE], t[PB_DECIMAL_BUFSIZE];
        size_t n = 0;
        for (size_t i = 0; i < p->fund_count; i++) {
            const pb_amount *f = &p->funds[i].amount;
            char v[PB_DECIMAL_BUFSIZE];
            int w = snprintf(parts + n, sizeof parts - n, "%s%s %s", i ? " + " : "", p->funds[i].label,
                             f->present ? fmt_dec(f->value, v) : "0");
            if (w < 0 || (size_t)w >= sizeof parts - n)
                break;
            n += (size_t)w;
        }
        add(k, "budget-sum-mismatch", p, p->total.loc, _("预算数 %s is not %s = %s"), fmt_dec(p->total.value, t),
            parts, fmt_dec(sum, c));
    } else if (pb_decimal_cmp(sum, p->total.value) != 0) {
        char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE], c[PB_DECIMAL_BUFSIZE], t[PB_DECIMAL_BUFSIZE];
        add(k, "budget-sum-mismatch", p, p->total.loc,
            _("预算数 %s is not 财政资金 %s + 其他资金 %s = %s"), fmt_dec(p->total.value, t),
            p->fiscal.present ? fmt_dec(p->fiscal.value, a) : "0", p->other.present ? fmt_dec(p->other.value, b) : "0",
            fmt_dec(sum, c));
    }
}

static void check_unit(checker *k, const pb_project *p)
{
    if (p->unit == PB_UNIT_UNKNOWN && p->total.present)
        add(k, "budget-unit-missing", p, p->loc,
            _("the table gives no unit for its amounts (预算数 「%s」); add the line 「单位：万元」 or 「单位：元」"),
            p->total.raw);
}

static void check_magnitude(checker *k, const pb_project *p)
{
    const pb_amount *t = &p->total;
    if (!t->present || !t->valid || t->value.micro <= 0)
        return;
    const char *unit = pb_money_unit_name(p->unit), *meant = NULL;
    int64_t v = t->value.micro, scale = PB_DECIMAL_SCALE;
    switch (p->unit) {
    case PB_UNIT_YUAN:
        if (v < 1000 * scale)
            meant = "万元";
        break;
    case PB_UNIT_WANYUAN:
        if (v >= 1000000 * scale)
            meant = "元";
        else if (v < scale / 100)
            meant = "元";
        break;
    case PB_UNIT_YIYUAN:
        if (v >= 10000 * scale)
            meant = "万元";
        break;
    default:
        return;
    }
    if (!meant)
        return;
    char a[PB_DECIMAL_BUFSIZE];
    add(k, "budget-magnitude", p, t->loc,
        _("预算数 %s %s is implausible for one project; were the amounts written in %s? Check 「单位」 against the "
          "amounts"),
        fmt_dec(t->value, a), unit, meant);
}

static int money_exp(const char *unit)
{
    if (strcmp(unit, "元") == 0) return 0;
    if (strcmp(unit, "千元") == 0) return 3;
    if (strcmp(unit, "万元") == 0) return 4;
    if (strcmp(unit, "亿元") == 0) return 8;
    return -1;
}

static bool is_cost(const pb_indicator *ind)
{
    return pbi_contains(ind->level2.text, "成本") || pbi_contains(ind->level1.text, "成本");
}

static void check_cost(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    int exp = money_exp(v->unit);
    /* A 长期 (multi-year) cost is not bounded by the year's budget. */
    if (!is_cost(ind) || ind->term == PB_TERM_LONG || v->kind != PB_VALUE_NUMBER || exp < 0 || p->unit == PB_UNIT_UNKNOWN ||
        !p->total.present || !p->total.valid)
        return;
    pb_decimal in_unit;
    if (!pbi_money_convert(v->number, exp, pb_money_unit_exp(p->unit), &in_unit)) {
        /* Too small to show in the table's unit: below any real budget. */
        return;
    }
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    int cmp = pb_decimal_cmp(in_unit, p->total.value);
    if (cmp == 0)
        add(k, "cost-equals-budget", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is the project's whole budget (预算数 %s%s); give a unit or standard cost "
              "instead, such as the cost per person or per square metre"),
            ind->level2.text, ind->level3.text, v->raw, fmt_dec(p->total.value, b), pb_money_unit_name(p->unit));
    else if (cmp > 0 && v->op != PB_OP_GE && v->op != PB_OP_GT)
        add(k, "cost-exceeds-budget", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 (%s%s) is above the project's budget 预算数 %s%s"), ind->level2.text,
            ind->level3.text, v->raw, fmt_dec(in_unit, a), pb_money_unit_name(p->unit),
            fmt_dec(p->total.value, b), pb_money_unit_name(p->unit));
}

/* ---- the indicator framework: 一级 categories and their 二级 */

typedef enum { CAT_NONE, CAT_OUTPUT, CAT_EFFECT, CAT_SATISFACTION, CAT_COST, CAT_COUNT } category;

typedef enum {
    SUB_NONE, SUB_QUANTITY, SUB_QUALITY, SUB_TIME, SUB_COST, SUB_ECONOMIC, SUB_SOCIAL, SUB_ECOLOGICAL,
    SUB_SUSTAINABLE, SUB_SATISFACTION, SUB_COUNT
} subcategory;

static category category_of(const char *l1)
{
    if (pbi_contains(l1, "满意")) return CAT_SATISFACTION;
    if (pbi_contains(l1, "效益")) return CAT_EFFECT;
    if (pbi_contains(l1, "产出")) return CAT_OUTPUT;
    if (pbi_contains(l1, "成本")) return CAT_COST;
    return CAT_NONE;
}

/* By key words, most telling first: "经济成本指标" is a cost, "社会公众或服务
 * 对象满意度指标" a satisfaction indicator; 进度 = 时效, 环境 = 生态. */
static subcategory subcategory_of(const char *l2)
{
    if (pbi_contains(l2, "满意")) return SUB_SATISFACTION;
    if (pbi_contains(l2, "成本")) return SUB_COST;
    if (pbi_contains(l2, "数量")) return SUB_QUANTITY;
    if (pbi_contains(l2, "质量")) return SUB_QUALITY;
    if (pbi_contains(l2, "时效") || pbi_contains(l2, "进度")) return SUB_TIME;
    if (pbi_contains(l2, "可持续")) return SUB_SUSTAINABLE;
    if (pbi_contains(l2, "生态") || pbi_contains(l2, "环境")) return SUB_ECOLOGICAL;
    if (pbi_contains(l2, "经济")) return SUB_ECONOMIC;
    if (pbi_contains(l2, "社会效益")) return SUB_SOCIAL;
    return SUB_NONE;
}

static bool is_effect(subcategory s)
{
    return s == SUB_ECONOMIC || s == SUB_SOCIAL || s == SUB_ECOLOGICAL || s == SUB_SUSTAINABLE;
}

static bool belongs(subcategory s, category c)
{
    switch (s) {
    case SUB_QUANTITY: case SUB_QUALITY: case SUB_TIME: return c == CAT_OUTPUT;
    case SUB_COST: return c == CAT_OUTPUT || c == CAT_COST;
    case SUB_SATISFACTION: return c == CAT_SATISFACTION;
    case SUB_NONE: return true;
    default: return c == CAT_EFFECT;
    }
}

static const char *home_of(subcategory s)
{
    switch (s) {
    case SUB_QUANTITY: case SUB_QUALITY: case SUB_TIME: return "产出指标";
    case SUB_COST: return "产出指标 / 成本指标";
    case SUB_SATISFACTION: return "满意度指标";
    default: return "效益指标";
    }
}

/* A 三级 indicator that sets a target: a name (where the table has a 三级
 * column) and a value. */
static bool sets_target(const pb_indicator *ind)
{
    if (ind->value.kind == PB_VALUE_EMPTY)
        return false;
    return !ind->level3.text || !pbi_is_blank(ind->level3.text);
}

static bool named(const pb_indicator *ind) { return ind->level3.text && !pbi_is_blank(ind->level3.text); }

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

static void check_level_groups(checker *k, const pb_project *p)
{
    for (size_t i = 0, end; i < p->indicator_count; i = end) {
        end = level2_group_end(p, i);
        const pb_indicator *ind = &p->indicators[i];
        if (pbi_is_blank(ind->level2.text))
            continue;
        subcategory s = subcategory_of(ind->level2.text);
        category c = category_of(ind->level1.text);
        if (c != CAT_NONE && !belongs(s, c))
            add(k, "indicator-level-mismatch", p, ind->level2.loc,
                _("二级 「%s」 is under 「%s」; it belongs under 「%s」: move the row or correct the name"),
                ind->level2.text, ind->level1.text, home_of(s));
        bool target = false;
        for (size_t j = i; j < end; j++)
            target = target || sets_target(&p->indicators[j]);
        if (!target)
            add(k, "indicator-level-empty", p, ind->level2.loc,
                _("二级 「%s」 has no 三级 indicator with a 指标值; add one with its target, or remove the row"),
                ind->level2.text);
    }
}

typedef struct framework {
    bool category[CAT_COUNT];
    pb_loc category_loc[CAT_COUNT]; /* its first 一级 cell */
    bool under[CAT_COUNT][SUB_COUNT];
} framework;

static void survey(const pb_project *p, framework *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        category c = category_of(ind->level1.text);
        if (!f->category[c])
            f->category_loc[c] = ind->level1.loc.table >= 0 ? ind->level1.loc : ind->loc;
        f->category[c] = true;
        f->under[c][subcategory_of(ind->level2.text)] = true;
    }
}

static void missing_level2(checker *k, const pb_project *p, const framework *f, category c, const char *l1,
                           const char *l2)
{
    add(k, "indicator-category-missing", p, f->category_loc[c],
        _("「%s」 has no 二级 「%s」; add it with at least one 三级 indicator and its target"), l1, l2);
}

static void check_categories(checker *k, const pb_project *p)
{
    framework f;
    survey(p, &f);
    pb_loc first_row = p->indicators[0].loc;
    static const char *const fix = N_("the indicator table has no 一级 「%s」; add it with %s");
    if (!f.category[CAT_OUTPUT]) {
        add(k, "indicator-category-missing", p, first_row, _(fix), "产出指标", _("数量/质量/时效/成本指标"));
    } else {
        static const struct {
            subcategory s;
            const char *name;
        } required[] = {{SUB_QUANTITY, "数量指标"}, {SUB_QUALITY, "质量指标"}, {SUB_TIME, "时效指标"}};
        for (size_t i = 0; i < COUNT(required); i++)
            if (!f.under[CAT_OUTPUT][required[i].s])
                missing_level2(k, p, &f, CAT_OUTPUT, "产出指标", required[i].name);
        /* 成本 under 产出 (local forms) or as a 一级 of its own (2021). */
        if (!f.under[CAT_OUTPUT][SUB_COST] && !f.category[CAT_COST])
            missing_level2(k, p, &f, CAT_OUTPUT, "产出指标", "成本指标");
    }
    if (!f.category[CAT_EFFECT]) {
        add(k, "indicator-category-missing", p, first_row, _(fix), "效益指标",
            _("at least one of 经济效益/社会效益/生态效益/可持续影响指标"));
    } else {
        bool any = false;
        for (int s = 0; s < SUB_COUNT; s++)
            any = any || (is_effect((subcategory)s) && f.under[CAT_EFFECT][s]);
        if (!any)
            missing_level2(k, p, &f, CAT_EFFECT, "效益指标", "经济效益/社会效益/生态效益/可持续影响指标");
    }
    if (!f.category[CAT_SATISFACTION])
        add_sev(k, "indicator-category-missing", PB_SEV_WARNING, p, first_row, _(fix), "满意度指标",
                _("服务对象满意度指标, unless the project serves no one directly"));
}

static void check_count(checker *k, const pb_project *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->indicator_count; i++)
        n += sets_target(&p->indicators[i]) || named(&p->indicators[i]);
    if (n < (size_t)k->c->min_indicators)
        add(k, "indicator-count-low", p, p->indicators[0].loc,
            _("the indicator table has %zu 三级 indicators, fewer than %d; add indicators for what the project "
              "does not yet measure"),
            n, k->c->min_indicators);
}

/* ---- indicator values and wording */

static const char *const rate_words[] = {"率", "比例", "占比", "比重", "百分比", "满意", "覆盖", "合格",
                                         "达标", "增长", "增幅", "下降", "降低", "降幅", "进度"};

static bool is_time_unit(const char *u)
{
    static const char *const t[] = {"年", "月", "个月", "天", "日", "工作日", "小时", "周", "季度", "分钟", "年内", "周年"};
    return in_list(u, t, COUNT(t));
}

static bool is_satisfaction(const pb_indicator *ind)
{
    return pbi_contains(ind->level1.text, "满意") || pbi_contains(ind->level2.text, "满意") ||
           pbi_contains(ind->level3.text, "满意");
}

static void check_direction(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op == PB_OP_NONE || v->op == PB_OP_EQ)
        return;
    bool ge = v->op == PB_OP_GE || v->op == PB_OP_GT;
    const char *l1 = ind->level1.text, *l2 = ind->level2.text, *l3 = ind->level3.text;
    const char *why = NULL;
    if (is_cost(ind) && ge)
        why = _("a cost indicator is a ceiling and should use 「≤」");
    else if ((pbi_contains(l1, "满意度") || pbi_contains(l2, "满意度")) && !ge)
        why = _("a satisfaction target is a floor and should use 「≥」");
    else if (pbi_contains(l2, "质量") && !ge && strcmp(v->unit, "%") == 0)
        why = _("a quality target is a floor and should use 「≥」");
    else if ((pbi_contains(l2, "时效") || pbi_contains(l2, "进度")) && ge &&
             (is_time_unit(v->unit) || pbi_contains(l3, "时间") || pbi_contains(l3, "时限") || pbi_contains(l3, "周期")) &&
             strcmp(v->unit, "%") != 0)
        why = _("a completion time is a deadline and should normally use 「≤」");
    if (why)
        add(k, "indicator-direction", p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 uses 「%s」; %s"), l2, l3, v->raw,
            pb_op_symbol(v->op), why);
}

static void check_operator(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || v->op != PB_OP_NONE)
        return;
    char a[PB_DECIMAL_BUFSIZE];
    add(k, "indicator-no-operator", p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 has no comparison; write the one meant, e.g. 「≥%s%s」 or 「=%s%s」"),
        ind->level2.text, ind->level3.text, v->raw, fmt_dec(v->number, a), v->unit, a, v->unit);
}

static void check_satisfaction(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (!is_satisfaction(ind) || v->kind == PB_VALUE_EMPTY || v->kind == PB_VALUE_UNPARSED)
        return;
    char a[PB_DECIMAL_BUFSIZE], f[PB_DECIMAL_BUFSIZE];
    fmt_dec(k->c->satisfaction_floor, f);
    if (v->kind == PB_VALUE_QUALITATIVE || strcmp(v->unit, "%") != 0)
        add(k, "indicator-satisfaction-floor", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is not a percentage; give the share of people satisfied, e.g. 「≥%s%%」"),
            ind->level2.text, ind->level3.text, v->raw, f);
    else if (v->op != PB_OP_LE && v->op != PB_OP_LT && pb_decimal_cmp(v->number, k->c->satisfaction_floor) < 0)
        add(k, "indicator-satisfaction-floor", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is below the satisfaction floor of %s%%; set at least 「≥%s%%」"), ind->level2.text,
            ind->level3.text, fmt_dec(v->number, a), f, f);
}

static void check_percent_rate(checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || (strcmp(v->unit, "%") != 0 && strcmp(v->unit, "‰") != 0) || !named(ind))
        return;
    if (contains_any(n3, rate_words, COUNT(rate_words)))
        return;
    add(k, "indicator-percent-not-rate", p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 is a percentage, but 「%s」 is not a rate (率, 比例, 占比 …): name what is counted, "
          "or give a number with its unit"),
        ind->level2.text, ind->level3.text, v->raw, ind->level3.text);
}

typedef enum { NAME_OTHER, NAME_RATE, NAME_TIME, NAME_PERSONS, NAME_TIMES, NAME_MONEY } name_kind;

static name_kind kind_of_name(const char *name)
{
    static const char *const time_words[] = {"时间", "时限", "周期", "天数", "工期", "时长"};
    static const char *const money_words[] = {"金额", "成本", "费用", "经费", "资金", "补助标准", "补贴标准", "单价"};
    if (contains_any(name, rate_words, COUNT(rate_words))) return NAME_RATE;
    if (contains_any(name, time_words, COUNT(time_words))) return NAME_TIME;
    if (pbi_contains(name, "人数") || pbi_contains(name, "人次")) return NAME_PERSONS;
    if (pbi_contains(name, "次数") || pbi_contains(name, "场次") || pbi_contains(name, "频次")) return NAME_TIMES;
    if (contains_any(name, money_words, COUNT(money_words))) return NAME_MONEY;
    return NAME_OTHER;
}

static void check_unit_suits_name(checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    static const char *const persons[] = {"人", "人次", "万人", "万人次", "名", "人/次"};
    static const char *const times[] = {"次", "人次", "场", "场次", "期", "批", "批次", "轮", "回", "万人次", "所次"};
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || !*v->unit || strcmp(v->unit, "%") == 0 || strcmp(v->unit, "‰") == 0 ||
        !named(ind))
        return;
    const char *expected = NULL;
    switch (kind_of_name(n3)) {
    case NAME_RATE: expected = "%"; break;
    case NAME_TIME: if (!is_time_unit(v->unit)) expected = _("天, 月 or 年"); break;
    case NAME_PERSONS: if (!in_list(v->unit, persons, COUNT(persons))) expected = "人"; break;
    case NAME_TIMES: if (!in_list(v->unit, times, COUNT(times))) expected = "次"; break;
    case NAME_MONEY: if (!pbi_contains(v->unit, "元")) expected = _("元 or 万元"); break;
    default: break;
    }
    if (expected)
        add(k, "indicator-unit-mismatch", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 is in 「%s」, which does not suit 「%s」 (expected %s); correct the unit or the name"),
            ind->level2.text, ind->level3.text, v->raw, v->unit, ind->level3.text, expected);
}

/* A duration of a year or more, in any time unit. */
static bool a_year_or_more(const pb_value *v)
{
    int64_t n = v->number.micro, s = PB_DECIMAL_SCALE;
    if (strcmp(v->unit, "年") == 0 || strcmp(v->unit, "年内") == 0 || strcmp(v->unit, "周年") == 0)
        return n >= s;
    if (strcmp(v->unit, "月") == 0 || strcmp(v->unit, "个月") == 0)
        return n >= 12 * s;
    if (strcmp(v->unit, "天") == 0 || strcmp(v->unit, "日") == 0)
        return n >= 365 * s;
    return false;
}

static void check_timeliness(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    if (v->kind != PB_VALUE_NUMBER || subcategory_of(ind->level2.text) != SUB_TIME || !a_year_or_more(v))
        return;
    add(k, "indicator-timeliness-vague", p, ind->value_cell.loc,
        _("%s/%s: 指标值 「%s」 is a year or more on a one-year budget and measures nothing; give a date (e.g. "
          "「12月31日前」), a shorter duration or a rate such as 及时率"),
        ind->level2.text, ind->level3.text, v->raw);
}

static void check_description(checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    char d[NORM_MAX];
    norm(ind->description.text, d);
    if (!*d || !*n3 || !pbi_contains(n3, d))
        return;
    add(k, "indicator-description-repeats-name", p, ind->description.loc,
        _("%s/%s: 绩效指标描述 「%s」 only repeats the name 「%s」; say how the value is counted or calculated"),
        ind->level2.text, ind->level3.text, ind->description.text, ind->level3.text);
}

static void check_vague_name(checker *k, const pb_project *p, const pb_indicator *ind, const char *n3)
{
    if (!named(ind) || !in_list(n3, k->c->vague_names, k->c->vague_name_count))
        return;
    add(k, "indicator-vague-name", p, ind->level3.loc,
        _("%s/%s: 「%s」 is a boilerplate name that fits any project; name what is counted or assessed, and for "
          "whom"),
        ind->level2.text, ind->level3.text, ind->level3.text);
}

static void check_basis(checker *k, const pb_project *p, const pb_indicator *ind)
{
    if (!ind->basis.text || !named(ind))
        return; /* a layout without the column, or a 二级 row without indicator */
    char b[NORM_MAX];
    if (pbi_is_blank(ind->basis.text))
        add(k, "indicator-basis-missing", p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 is empty; name the standard or document the target comes from"),
            ind->level2.text, ind->level3.text);
    else if (k->c->basis_vocabulary_count > 0 &&
             !contains_any(norm(ind->basis.text, b), k->c->basis_vocabulary, k->c->basis_vocabulary_count))
        add(k, "indicator-basis-missing", p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 「%s」 names no recognised basis (计划标准, 行业标准, 历史标准, 预算支出标准 or a "
              "named document); say where the target comes from"),
            ind->level2.text, ind->level3.text, ind->basis.text);
}

static void check_basis_uniform(checker *k, const pb_project *p)
{
    const pb_indicator *first = NULL;
    size_t rows = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (!named(ind) || !ind->basis.text)
            continue;
        if (pbi_is_blank(ind->basis.text) || (first && !same_text(first->basis.text, ind->basis.text)))
            return;
        if (!first)
            first = ind;
        rows++;
    }
    if (rows >= 2)
        add(k, "indicator-basis-uniform", p, first->basis.loc,
            _("all %zu rows give the same 指标值确定依据 「%s」; give each target its own basis"), rows,
            first->basis.text);
}

static void check_indicator(checker *k, const pb_project *p, const pb_indicator *ind)
{
    const pb_value *v = &ind->value;
    const char *l2 = ind->level2.text, *l3 = ind->level3.text;
    char n3[NORM_MAX]; /* 三级指标 as the rules compare it, for all of them */
    norm(l3, n3);
    check_description(k, p, ind, n3);
    check_vague_name(k, p, ind, n3);
    check_basis(k, p, ind);
    switch (v->kind) {
    case PB_VALUE_EMPTY:
        /* A 二级 row without any 三级 indicator is indicator-level-empty. */
        if (!l3 || named(ind))
            add(k, "indicator-value-missing", p, ind->value_cell.loc, _("%s/%s has no 指标值"), l2, l3 ? l3 : "");
        return;
    case PB_VALUE_UNPARSED:
        add(k, "indicator-value-unparsed", p, ind->value_cell.loc,
            _("%s/%s: 指标值 「%s」 cannot be read as operator, number and unit"), l2, l3, v->raw);
        return;
    case PB_VALUE_QUALITATIVE:
        check_satisfaction(k, p, ind);
        return;
    case PB_VALUE_NUMBER:
        break;
    }
    if (strcmp(v->unit, "%") == 0 && (v->number.micro > 100 * PB_DECIMAL_SCALE || v->number.micro < 0)) {
        char a[PB_DECIMAL_BUFSIZE];
        add(k, "indicator-percent-range", p, ind->value_cell.loc, _("%s/%s: 指标值 「%s」 is %s%%, outside 0-100%%"), l2,
            l3, v->raw, fmt_dec(v->number, a));
    }
    check_direction(k, p, ind);
    check_cost(k, p, ind);
    check_operator(k, p, ind);
    check_satisfaction(k, p, ind);
    check_percent_rate(k, p, ind, n3);
    check_unit_suits_name(k, p, ind, n3);
    check_timeliness(k, p, ind);
}

/* ---- the parts of a table */

static pb_loc field_or(const pb_field *f, pb_loc dflt) { return f->loc.table >= 0 ? f->loc : dflt; }

static void check_complete(checker *k, const pb_project *p)
{
    static const char *const fmt = N_("the project table lacks 「%s」 or leaves it empty; fill it in");
    /* The 申报表 has neither 项目编码 nor, always, a spending plan. */
    bool declaration = p->layout == PB_LAYOUT_DECLARATION;
    if (pbi_is_blank(p->code.text) && !declaration)
        add(k, "table-incomplete", p, field_or(&p->code, p->loc), _(fmt), "项目编码");
    if (pbi_is_blank(p->name.text))
        add(k, "table-incomplete", p, field_or(&p->name, p->loc), _(fmt), "项目名称");
    if (pbi_is_blank(p->total.raw))
        add(k, "table-incomplete", p, p->total.loc.table >= 0 ? p->total.loc : p->loc, _(fmt), "预算数");
    if (p->schedule.count == 0 && !declaration)
        add(k, "table-incomplete", p, p->schedule.loc.table >= 0 ? p->schedule.loc : p->loc, _(fmt), "资金支出计划");
    if (pbi_is_blank(p->goals_cell.text))
        add(k, "table-incomplete", p, field_or(&p->goals_cell, p->loc), _(fmt), "绩效目标");
    if (p->indicator_count == 0)
        add(k, "table-incomplete", p, p->loc, _(fmt), _("the indicators (一级/二级/三级指标 and 指标值)"));
}

static void check_project(checker *k, const pb_project *p)
{
    check_complete(k, p);
    check_schedule(k, p);
    check_amounts(k, p);
    check_unit(k, p);
    check_magnitude(k, p);
    for (size_t j = 0; j < p->indicator_count; j++)
        check_indicator(k, p, &p->indicators[j]);
    if (p->indicator_count > 0) {
        check_categories(k, p);
        check_level_groups(k, p);
        check_count(k, p);
        check_basis_uniform(k, p);
    }
}

/* ---- across the projects of a document */

typedef struct keyed {
    const char *key; /* normalised */
    size_t index;    /* project index in the document */
    const pb_indicator *ind;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* (二级, 三级, 指标值) joined, normalised; NULL when a part is blank. */
static const char *indicator_key(pb_arena *a, const pb_indicator *ind)
{
    if (!named(ind) || ind->value.kind == PB_VALUE_EMPTY)
        return NULL;
    char l2[NORM_MAX], l3[NORM_MAX], v[NORM_MAX], key[3 * NORM_MAX + 3];
    /* kept at its length: a key per indicator of the document */
    int n = snprintf(key, sizeof key, "%s\x1f%s\x1f%s", norm(ind->level2.text, l2), norm(ind->level3.text, l3),
                     norm(ind->value.raw, v));
    return pb_arena_strndup(a, key, n < 0 ? 0 : (size_t)n < sizeof key ? (size_t)n : sizeof key - 1);
}

static void check_copied(checker *k)
{
    pb_document *d = k->d;
    if (d->project_count < 2)
        return;
    size_t total = 0;
    for (size_t i = 0; i < d->project_count; i++)
        total += d->projects[i]->indicator_count;
    pb_arena *a = pb_arena_new();
    keyed *keys = a ? pb_arena_alloc(a, (total + 1) * sizeof *keys) : NULL;
    if (!keys) {
        pb_arena_free(a);
        k->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < d->project_count; i++)
        for (size_t j = 0; j < d->projects[i]->indicator_count; j++) {
            const pb_indicator *ind = &d->projects[i]->indicators[j];
            if (!named(ind) || ind->value.kind == PB_VALUE_EMPTY)
                continue;
            keys[n] = (keyed){indicator_key(a, ind), i, ind};
            if (!keys[n].key) {
                k->oom = true;
                break;
            }
            n++;
        }
    qsort(keys, n, sizeof *keys, cmp_keyed);
    for (size_t i = 0, end; i < n && !k->oom; i = end) {
        size_t projects = 1;
        for (end = i + 1; end < n && strcmp(keys[end].key, keys[i].key) == 0; end++)
            projects += keys[end].index != keys[end - 1].index;
        if (projects < d->project_count)
            continue;
        for (size_t j = i; j < end; j++) {
            const pb_indicator *ind = keys[j].ind;
            add(k, "indicator-copied-across-projects", d->projects[keys[j].index], ind->level3.loc,
                _("%s/%s 「%s」 is the same in all %zu projects of the document; set each project's target from "
                  "what that project does"),
                ind->level2.text, ind->level3.text, ind->value.raw, d->project_count);
        }
    }
    pb_arena_free(a);
}

/* Projects sorted by a normalised text, to find duplicates and matches. */
typedef struct named_project {
    const char *text;
    const pb_project *p;
} named_project;

static int cmp_named(const void *x, const void *y)
{
    const named_project *a = x, *b = y;
    int c = strcmp(a->text, b->text);
    if (c)
        return c;
    return a->p->number < b->p->number ? -1 : a->p->number > b->p->number;
}

/* The projects whose field (code or name) is not blank, normalised and
 * sorted; *n set.  NULL when out of memory. */
static named_project *sorted_by(checker *k, pb_arena *a, bool by_code, size_t *n)
{
    pb_document *d = k->d;
    named_project *v = pb_arena_alloc(a, (d->project_count + 1) * sizeof *v);
    if (!v)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < d->project_count; i++) {
        const pb_project *p = d->projects[i];
        const char *s = by_code ? p->code.text : p->name.text;
        if (pbi_is_blank(s))
            continue;
        v[*n] = (named_project){pbi_normalize(a, s, true), p};
        if (!v[*n].text)
            return NULL;
        ++*n;
    }
    qsort(v, *n, sizeof *v, cmp_named);
    return v;
}

static void report_duplicates(checker *k, const named_project *v, size_t n, bool by_code)
{
    for (size_t i = 1; i < n; i++) {
        const named_project *first = &v[i - 1];
        while (first > v && strcmp(first[-1].text, v[i].text) == 0)
            first--;
        if (strcmp(first->text, v[i].text) != 0)
            continue;
        const pb_project *p = v[i].p, *q = first->p;
        if (by_code)
            add(k, "project-code-duplicate", p, field_or(&p->code, p->loc),
                _("项目编码 「%s」 is also the code of project %d 「%s」; each table needs its own project's code"),
                p->code.text, q->number, q->name.text ? q->name.text : "");
        else
            add(k, "project-name-duplicate", p, field_or(&p->name, p->loc),
                _("项目名称 「%s」 is also the name of project %d; each table needs its own project's name"),
                p->name.text, q->number);
    }
}

static bool leading_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* The most common value of code[off, off+len) among codes that begin with 8
 * digits (the earliest on a tie); false when fewer than two such codes.
 * Sorted, not compared pairwise: a district's filing has thousands. */
typedef struct code_part {
    long value;
    size_t first;
} code_part;

static int cmp_code_part(const void *x, const void *y)
{
    const code_part *a = x, *b = y;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

static bool common_part(const named_project *codes, size_t n, size_t off, size_t len, char *out)
{
    code_part *parts = malloc((n ? n : 1) * sizeof *parts);
    if (!parts)
        return false;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!leading_digits(codes[i].text, 8))
            continue;
        long v = 0;
        for (size_t k = 0; k < len; k++)
            v = v * 10 + (codes[i].text[off + k] - '0');
        parts[m++] = (code_part){v, i};
    }
    qsort(parts, m, sizeof *parts, cmp_code_part);
    size_t best = 0, best_first = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && parts[j].value == parts[i].value)
            j++;
        /* parts[i] is the run's earliest: the run is sorted by position. */
        if (j - i > best || (j - i == best && parts[i].first < best_first)) {
            best = j - i;
            best_first = parts[i].first;
        }
        i = j;
    }
    free(parts);
    if (m >= 1) {
        memcpy(out, codes[best_first].text + off, len);
        out[len] = '\0';
    }
    return m >= 2;
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool capital_or_digit(char c, bool digit_too)
{
    return (c >= 'A' && c <= 'Z') || (digit_too && c >= '0' && c <= '9');
}

bool pbi_code_matches_default(const char *code)
{
    return strlen(code) == 21 && digits(code, 8) && capital_or_digit(code[8], false) && digits(code + 9, 11) &&
           capital_or_digit(code[20], true);
}

static void check_code_format(checker *k, const named_project *by_number, size_t n)
{
    bool dflt = k->code_default;
    char region[8], year[4];
    bool compare = common_part(by_number, n, 0, 6, region) && common_part(by_number, n, 6, 2, year);
    for (size_t i = 0; i < n; i++) {
        const pb_project *p = by_number[i].p;
        const char *code = by_number[i].text;
        pb_loc at = field_or(&p->code, p->loc);
        if (dflt ? !pbi_code_matches_default(code) : k->code_re_ok && regexec(&k->code_re, code, 0, NULL, 0) != 0) {
            if (dflt)
                add(k, "project-code-format", p, at,
                    _("项目编码 「%s」 does not match the pattern %s (6-digit region code, 2-digit year, a letter, 11 "
                      "digits, a digit or capital letter); copy the code from the budget system"),
                    p->code.text, k->c->code_pattern);
            else
                add(k, "project-code-format", p, at,
                    _("项目编码 「%s」 does not match the configured pattern %s; copy the code from the budget system"),
                    p->code.text, k->c->code_pattern);
        }
        if (!compare || !leading_digits(code, 8))
            continue;
        if (memcmp(code, region, 6) != 0)
            add(k, "project-code-format", p, at,
                _("项目编码 「%s」 has the region code 「%.6s」 where the document's other codes have 「%s」; check it "
                  "against the budget system"),
                p->code.text, code, region);
        if (memcmp(code + 6, year, 2) != 0)
            add(k, "project-code-format", p, at,
                _("项目编码 「%s」 has the year 「%.2s」 where the document's other codes have 「%s」; check it "
                  "against the budget system"),
                p->code.text, code + 6, year);
    }
}

static int cmp_by_number(const void *x, const void *y)
{
    const named_project *a = x, *b = y;
    return a->p->number < b->p->number ? -1 : a->p->number > b->p->number;
}

static void check_identity(checker *k)
{
    pb_arena *a = pb_arena_new();
    size_t nc = 0, nn = 0;
    named_project *codes = a ? sorted_by(k, a, true, &nc) : NULL;
    named_project *names = codes ? sorted_by(k, a, false, &nn) : NULL;
    if (!names) {
        k->oom = true;
        pb_arena_free(a);
        return;
    }
    report_duplicates(k, codes, nc, true);
    report_duplicates(k, names, nn, false);
    /* The code rule reads the codes in document order. */
    for (size_t i = 0; i < nc; i++)
        codes[i].text = pbi_normalize(a, codes[i].p->code.text, false);
    for (size_t i = 0; i < nc && !k->oom; i++)
        k->oom = !codes[i].text;
    if (!k->oom) {
        qsort(codes, nc, sizeof *codes, cmp_by_number);
        check_code_format(k, codes, nc);
    }
    pb_arena_free(a);
}

/* "1.房屋租赁和物业管理专项经费绩效目标表" → "房屋租赁和物业管理专项经费"
 * in buf (normalised); NULL when the heading is not of that form. */
static const char *title_name(const char *title, char *buf)
{
    norm(title, buf);
    char *end = NULL, *s = buf;
    for (char *at = strstr(buf, "绩效目标"); at; at = strstr(at + 1, "绩效目标"))
        end = at;
    if (!end)
        return NULL;
    *end = '\0';
    while (*s >= '0' && *s <= '9')
        s++;
    if (s > buf && (*s == '.' || *s == ')'))
        s++;
    else if (s > buf && pbi_has_prefix(s, "、"))
        s += strlen("、");
    size_t n = strlen(s);
    static const char spend[] = "支出";
    if (n >= sizeof spend - 1 && strcmp(s + n - (sizeof spend - 1), spend) == 0)
        s[n - (sizeof spend - 1)] = '\0';
    return s;
}

static void check_title(checker *k, const pb_project *p)
{
    char buf[NORM_MAX], name[NORM_MAX];
    const char *t = p->title ? title_name(p->title, buf) : NULL;
    norm(p->name.text, name);
    /* The form's own name (项目支出绩效目标申报表) names no project. */
    if (!t || !*t || !*name || strcmp(t, name) == 0 || strcmp(t, "项目") == 0)
        return;
    /* "XXX项目绩效目标表" over the name "XXX". */
    size_t n = strlen(name), tn = strlen(t);
    if (tn == n + strlen("项目") && strncmp(t, name, n) == 0 && strcmp(t + n, "项目") == 0)
        return;
    add(k, "project-title-mismatch", p, field_or(&p->name, p->loc),
        _("the heading 「%s」 names 「%s」, but 项目名称 is 「%s」; make them the same"), p->title, t, p->name.text);
}

static int cmp_named_text(const void *x, const void *y)
{
    return strcmp(((const named_project *)x)->text, ((const named_project *)y)->text);
}

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

/* A part 1 entry as compared: normalised, without closing punctuation. */
static char *summary_key(pb_arena *a, const char *text)
{
    char *s = pbi_normalize(a, text, true);
    if (!s)
        return NULL;
    static const char *const tails[] = {"。", ":", ";", ",", "，", "；"};
    for (bool cut = true; cut;) {
        cut = false;
        size_t n = strlen(s);
        for (size_t i = 0; i < COUNT(tails); i++) {
            size_t t = strlen(tails[i]);
            if (n > t && strcmp(s + n - t, tails[i]) == 0) {
                s[n - t] = '\0';
                cut = true;
                break;
            }
        }
    }
    return s;
}

static void check_summary(checker *k)
{
    pb_document *d = k->d;
    if (d->summary_count == 0 || d->project_count == 0)
        return;
    pb_arena *a = pb_arena_new();
    size_t nn = 0;
    named_project *names = a ? sorted_by(k, a, false, &nn) : NULL;
    char **items = names ? pb_arena_alloc(a, (d->summary_count + 1) * sizeof *items) : NULL;
    for (size_t i = 0; items && i < d->summary_count; i++)
        if (!(items[i] = summary_key(a, d->summary[i].text)))
            items = NULL;
    if (!items) {
        k->oom = true;
        pb_arena_free(a);
        return;
    }
    for (size_t i = 0; i < d->summary_count; i++) {
        named_project key = {items[i], NULL};
        if (!bsearch(&key, names, nn, sizeof *names, cmp_named_text))
            add(k, "summary-project-mismatch", NULL, PB_NOLOC,
                _("part 1 (分项绩效目标) lists 「%s」, but no table in part 2 has this 项目名称; add its table or use "
                  "the same name in both parts"),
                d->summary[i].text);
    }
    qsort(items, d->summary_count, sizeof *items, cmp_str);
    for (size_t j = 0; j < nn; j++) {
        const char *text = names[j].text;
        if (!bsearch(&text, items, d->summary_count, sizeof *items, cmp_str))
            add(k, "summary-project-mismatch", names[j].p, field_or(&names[j].p->name, names[j].p->loc),
                _("项目名称 「%s」 has no entry in part 1 (分项绩效目标); add one, or use the same name in both parts"),
                names[j].p->name.text);
    }
    pb_arena_free(a);
}

/* ---- order of the findings */

static int cmp_loc(pb_loc a, pb_loc b)
{
    if (a.table != b.table) return a.table < b.table ? -1 : 1;
    if (a.row != b.row) return a.row < b.row ? -1 : 1;
    if (a.col != b.col) return a.col < b.col ? -1 : 1;
    return 0;
}

static int cmp_finding(const void *x, const void *y)
{
    const pb_finding *a = x, *b = y;
    int pa = a->project ? a->project->number : 0, pb = b->project ? b->project->number : 0;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    int c = cmp_loc(a->loc, b->loc);
    if (c)
        return c;
    c = strcmp(a->rule->id, b->rule->id);
    if (c)
        return c;
    return strcmp(a->message, b->message);
}

bool pb_check(pb_document *d, const pb_config *c)
{
    pb_config dflt;
    if (!c) {
        pb_config_default(&dflt);
        c = &dflt;
    }
    checker k = {.d = d, .c = c, .cap = d->finding_count};
    if (d->error.status != PB_OK)
        return true;
    if (d->project_count == 0)
        add(&k, "no-target-table", NULL, PB_NOLOC,
            _("no project target table (项目支出绩效目标表) was found among the document's %d tables"),
            d->tables_seen);
    for (size_t i = 0; i < d->skipped_count; i++) {
        const pb_skipped_table *sk = &d->skipped[i];
        if (sk->title)
            add(&k, "self-evaluation-skipped", NULL, sk->loc,
                _("「%s」 is a self-evaluation table (绩效自评表), not a target table; it was not checked"), sk->title);
        else
            add(&k, "self-evaluation-skipped", NULL, sk->loc, "%s",
                _("a table with the columns of a self-evaluation (实际完成值, 分值, 得分 …) is not a target table; "
                  "it was not checked"));
    }
    k.code_default = strcmp(c->code_pattern, PB_DEFAULT_CODE_PATTERN) == 0;
    k.code_re_ok = !k.code_default && regcomp(&k.code_re, c->code_pattern, REG_EXTENDED | REG_NOSUB) == 0;
    for (size_t i = 0; i < d->project_count; i++) {
        check_project(&k, d->projects[i]);
        check_title(&k, d->projects[i]);
    }
    check_copied(&k);
    check_identity(&k);
    check_summary(&k);
    if (k.code_re_ok)
        regfree(&k.code_re);
    /* No finding leaves d->findings NULL, which qsort must not be given. */
    if (d->finding_count > 1)
        qsort(d->findings, d->finding_count, sizeof *d->findings, cmp_finding);
    return !k.oom;
}
