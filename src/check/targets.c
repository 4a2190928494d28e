/* PB207, PB208, PB209, PB315, PB325, PB326: a table's targets against each other — the
 * year's against the 中期 block (above it, or a copy of it), quantity × unit cost against 预算数 (or,
 * with no unit cost, 预算数 ÷ quantity), one 三级 named twice; and which
 * 三级 only repeats its 二级 (PB316, reported with the wording). */
#include "check/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed_row {
    char key[PBI_NORM_MAX];
    size_t index;
} keyed_row;

/* By key, then by place among the rows: equal keys in the rows' order. */
static int cmp_key_then_index(const char *ka, size_t ia, const char *kb, size_t ib)
{
    int c = strcmp(ka, kb);
    return c ? c : (ia > ib) - (ia < ib);
}

static int cmp_keyed_row(const void *x, const void *y)
{
    const keyed_row *a = x, *b = y;
    return cmp_key_then_index(a->key, a->index, b->key, b->index);
}

/* The same 三级 twice in one block of the table with different targets:
 * an evaluation cannot tell which one holds. */
static void check_named_twice(pbi_checker *k, const pb_project *p)
{
    keyed_row *rows = malloc((p->indicator_count + 1) * sizeof *rows);
    if (!rows) {
        k->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (!pbi_named(ind) || ind->value.kind == PB_VALUE_EMPTY)
            continue;
        char l3[PBI_NORM_MAX];
        const char *parts[2] = {ind->term == PB_TERM_LONG ? "1" : "0", pbi_norm(ind->level3.text, l3)};
        pbi_join(rows[n].key, sizeof rows[n].key, "\x1f", parts, 2);
        rows[n++].index = i;
    }
    qsort(rows, n, sizeof *rows, cmp_keyed_row);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(rows[i].key, rows[i - 1].key) != 0)
            continue;
        const pb_indicator *a = &p->indicators[rows[i - 1].index], *b = &p->indicators[rows[i].index];
        if (pbi_same_text(a->value.raw, b->value.raw))
            continue;
        pbi_add(k, RULE_INDICATOR_NAME_TWICE, p, b->level3.loc,
                _("「%s」 is in the indicator table twice, with the targets 「%s」 and 「%s」; keep one row, or name "
                  "each for what it measures"),
                b->level3.text, a->value.raw, b->value.raw);
    }
    free(rows);
}

bool pbi_name_is_category(const pb_indicator *ind)
{
    if (!pbi_named(ind))
        return false;
    char l2[PBI_NORM_MAX], l3[PBI_NORM_MAX];
    pbi_norm(ind->level2.text, l2);
    pbi_norm(ind->level3.text, l3);
    size_t n3 = strlen(l3), n2 = strlen(l2);
    return *l3 &&
           (strcmp(l2, l3) == 0 ||
            (n2 == n3 + strlen("指标") && strncmp(l2, l3, n3) == 0 && strcmp(l2 + n3, "指标") == 0));
}

/* A year's quantity or amount above the same indicator's 中期 (multi-year)
 * target: the year cannot deliver more than the whole period. */
/* A 中期 row with a number: its unit and normalised 三级 (the key), its
 * place among the rows, and the smallest number of the rows of its key up
 * to it (in the rows' order). */
typedef struct medium_row {
    const char *key;
    size_t index;
    pb_decimal least;
} medium_row;

static int cmp_medium(const void *x, const void *y)
{
    const medium_row *a = x, *b = y;
    return cmp_key_then_index(a->key, a->index, b->key, b->index);
}

/* unit, then the 三级 as compared (pbi_same_text) */
static const char *medium_key(pb_arena *a, const pb_indicator *ind)
{
    char norm[PBI_NORM_MAX];
    pbi_norm(ind->level3.text, norm);
    size_t u = strlen(ind->value.unit), n = strlen(norm);
    char *key = pb_arena_alloc(a, u + n + 2);
    if (key) {
        memcpy(key, ind->value.unit, u);
        key[u] = '\x1f';
        memcpy(key + u + 1, norm, n + 1);
    }
    return key;
}

/* The 中期 rows with a number, sorted by key then place, each with the
 * least number of its key so far; NULL (count 0) when there is none. */
static medium_row *medium_rows(pbi_checker *k, const pb_project *p, size_t *count)
{
    *count = 0;
    size_t n = 0;
    for (size_t j = 0; j < p->indicator_count; j++)
        n += p->indicators[j].term == PB_TERM_LONG && p->indicators[j].value.kind == PB_VALUE_NUMBER;
    medium_row *rows = n ? pb_arena_alloc(k->scratch, n * sizeof *rows) : NULL;
    if (!rows) {
        k->oom = k->oom || n > 0;
        return NULL;
    }
    for (size_t j = 0; j < p->indicator_count; j++) {
        const pb_indicator *m = &p->indicators[j];
        if (m->term != PB_TERM_LONG || m->value.kind != PB_VALUE_NUMBER)
            continue;
        const char *key = medium_key(k->scratch, m);
        if (!key) {
            k->oom = true;
            return NULL;
        }
        rows[(*count)++] = (medium_row){key, j, m->value.number};
    }
    qsort(rows, *count, sizeof *rows, cmp_medium);
    for (size_t i = 1; i < *count; i++)
        if (strcmp(rows[i].key, rows[i - 1].key) == 0 && pb_decimal_cmp(rows[i - 1].least, rows[i].least) < 0)
            rows[i].least = rows[i - 1].least;
    return rows;
}

/* The first 中期 row, in the rows' order, of a's unit and 三级 whose
 * number is below a's, or NULL: binary searches over the key's rows and
 * their running least, so that a table of many rows costs n log n. */
static const pb_indicator *medium_below(pbi_checker *k, const pb_project *p, const medium_row *rows, size_t count,
                                        const pb_indicator *a)
{
    const char *key = medium_key(k->scratch, a);
    if (!key) {
        k->oom = true;
        return NULL;
    }
    size_t lo = 0, hi = count;
    while (lo < hi) { /* the key's first row */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(rows[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < count && strcmp(rows[end].key, key) == 0)
        end++;
    if (lo == end || pb_decimal_cmp(a->value.number, rows[end - 1].least) <= 0)
        return NULL;
    hi = end - 1; /* the first row whose running least is below a's number */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pb_decimal_cmp(a->value.number, rows[mid].least) > 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return &p->indicators[rows[lo].index];
}

static void check_annual_vs_medium(pbi_checker *k, const pb_project *p)
{
    size_t count;
    medium_row *rows = medium_rows(k, p, &count);
    for (size_t i = 0; i < p->indicator_count && count; i++) {
        const pb_indicator *a = &p->indicators[i];
        const pb_value *v = &a->value;
        if (a->term != PB_TERM_ANNUAL || !pbi_named(a) || v->kind != PB_VALUE_NUMBER || !*v->unit ||
            pbi_is_percent_unit(v->unit) || pbi_is_time_unit(v->unit))
            continue;
        const pb_indicator *m = medium_below(k, p, rows, count, a);
        if (!m)
            continue;
        if (pbi_is_money_unit(v->unit))
            pbi_add(k, RULE_ANNUAL_ABOVE_MEDIUM_TERM, p, a->value_cell.loc,
                    _("%s: the year's 指标值 「%s」 is above the 中期 target 「%s」; the year's amount is part of "
                      "the whole period's: correct one of them"),
                    a->level3.text, v->raw, m->value.raw);
        else
            pbi_add_sev(k, RULE_ANNUAL_ABOVE_MEDIUM_TERM, PB_SEV_WARNING, p, a->value_cell.loc,
                        _("%s: the year's 指标值 「%s」 is above the 中期 target 「%s」; a year cannot deliver more "
                          "than the whole period: correct one of them"),
                        a->level3.text, v->raw, m->value.raw);
    }
}

/* The year's block a copy of the 中期 block: the same 二级, 三级 and 指标值
 * row for row (at least three), or the same goal lines. */
static bool same_rows(const pbi_checker *k, const pb_indicator *a, const pb_indicator *m)
{
    char x[PBI_NORM_MAX], y[PBI_NORM_MAX];
    return pbi_sub_of(k, a) == pbi_sub_of(k, m) &&
           pbi_same_text(a->level2.text, m->level2.text) &&
           strcmp(pbi_norm(a->level3.text, x), pbi_norm(m->level3.text, y)) == 0 &&
           strcmp(pbi_norm(a->value.raw, x), pbi_norm(m->value.raw, y)) == 0;
}

static bool same_goals(const pb_project *p)
{
    if (!p->goal_count || p->goal_count != p->long_goal_count)
        return false;
    for (size_t i = 0; i < p->goal_count; i++)
        if (!pbi_same_text(p->goals[i], p->long_goals[i]))
            return false;
    return true;
}

static void check_repeats_medium(pbi_checker *k, const pb_project *p)
{
    size_t annual = 0, longs = 0, same = 0;
    const pb_indicator *first = NULL;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (ind->value.kind == PB_VALUE_EMPTY)
            continue;
        if (ind->term == PB_TERM_LONG)
            longs++;
        else
            annual++;
    }
    if (annual >= 3 && annual == longs) {
        /* the n-th annual row against the n-th 中期 row */
        size_t ai = 0, mi = 0;
        for (;;) {
            while (ai < p->indicator_count &&
                   (p->indicators[ai].term == PB_TERM_LONG || p->indicators[ai].value.kind == PB_VALUE_EMPTY))
                ai++;
            while (mi < p->indicator_count &&
                   (p->indicators[mi].term != PB_TERM_LONG || p->indicators[mi].value.kind == PB_VALUE_EMPTY))
                mi++;
            if (ai >= p->indicator_count || mi >= p->indicator_count || !same_rows(k, &p->indicators[ai], &p->indicators[mi]))
                break;
            if (!first)
                first = &p->indicators[ai];
            same++, ai++, mi++;
        }
    }
    bool rows = same == annual && annual >= 3, goals = same_goals(p);
    if (!rows && !goals)
        return;
    /* Over a project of several years the year's share must be set apart;
     * a project of this year alone may legitimately say the same twice. */
    pb_severity sev = pbi_project_years(p) > 1 ? PB_SEV_WARNING : PB_SEV_INFO;
    if (rows && goals)
        pbi_add_sev(k, RULE_ANNUAL_REPEATS_MEDIUM_TERM, sev, p, first->value_cell.loc,
                    _("the year's 绩效目标 and all %zu of its indicators repeat the 中期 ones word for word: the year's "
                      "targets were not drawn from the 中期 targets (年度目标未从中期目标分解); give what this year "
                      "delivers, or say that the project lasts only this year"),
                    annual);
    else if (rows)
        pbi_add_sev(k, RULE_ANNUAL_REPEATS_MEDIUM_TERM, sev, p, first->value_cell.loc,
                    _("all %zu of the year's indicators repeat the 中期 indicators row for row (二级, 三级 and 指标值): "
                      "the year's targets were not drawn from the 中期 targets (年度指标未从中期指标分解); give what "
                      "this year delivers, or say that the project lasts only this year"),
                    annual);
    else
        pbi_add_sev(k, RULE_ANNUAL_REPEATS_MEDIUM_TERM, sev, p, pbi_field_or(&p->goals_cell, p->loc),
                    _("the year's 绩效目标 repeats the 中期 (实施期) goal word for word: the year's goal was not "
                      "drawn from it (年度目标未从中期目标分解); say what this year delivers, or that the project "
                      "lasts only this year"));
}

/* 评价标准 优 | 良 | 中 | 差 where two neighbouring grades are the same
 * figure (he_handan_2019: 中 85%, 差 85%): an outcome between them falls in
 * both, so the grading cannot be applied. Once per table, listing the rows;
 * a grade written with its comparison (「<85%」, 「85%以下」) is a bound of its
 * own and never equal. */
static void check_grades(pbi_checker *k, const pb_project *p)
{
    static const char *const names[4] = {"优", "良", "中", "差"};
    char list[600];
    size_t len = 0, n = 0;
    const pb_indicator *first = NULL;
    int first_grade = 0;
    list[0] = '\0';
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        pb_value g[4];
        bool ok[4];
        for (int j = 0; j < 4; j++) {
            ok[j] = ind->grades[j].text && pb_value_parse(k->scratch, ind->grades[j].text, &g[j]) &&
                    g[j].kind == PB_VALUE_NUMBER && g[j].op == PB_OP_NONE;
        }
        for (int j = 0; j + 1 < 4; j++) {
            if (!ok[j] || !ok[j + 1] || strcmp(g[j].unit, g[j + 1].unit) != 0 ||
                pb_decimal_cmp(g[j].number, g[j + 1].number) != 0)
                continue;
            if (!n++) {
                first = ind;
                first_grade = j + 1;
            }
            pbi_list_add(list, sizeof list, &len, _("%s%s (%s 「%s」 = %s 「%s」)"), len ? _(", ") : "",
                         ind->level3.text ? ind->level3.text : "", names[j], ind->grades[j].text, names[j + 1],
                         ind->grades[j + 1].text);
            break; /* one pair per row */
        }
    }
    if (n)
        pbi_add(k, RULE_INDICATOR_GRADES_OVERLAP, p, first->grades[first_grade].loc,
                _("%zu indicator(s) give two neighbouring grades of 评价标准 the same figure, so a result between them "
                  "falls in both (分档重叠，无法区分): %s; give each grade its own threshold"),
                n, list);
}

/* "元/人" → "人", with the unit's power of ten in *exp; NULL otherwise. */
static const char *per_unit(const char *unit, int *exp)
{
    if (pbi_has_prefix(unit, "元/")) {
        *exp = 0;
        return unit + strlen("元/");
    }
    if (pbi_has_prefix(unit, "万元/")) {
        *exp = 4;
        return unit + strlen("万元/");
    }
    return NULL;
}

static __int128 pow10_128(int e)
{
    __int128 r = 1;
    while (e-- > 0)
        r *= 10;
    return r;
}

/* A one-year project's budget, present and positive, in a known unit. */
static bool budget_known(const pb_project *p)
{
    return p->total.present && p->total.valid && p->unit != PB_UNIT_UNKNOWN && p->total.value.micro > 0 &&
           pbi_project_years(p) <= 1;
}

/* A year's 成本指标 of the project's own spending, with a number. */
static bool annual_spending_cost(const pb_indicator *c)
{
    return c->value.kind == PB_VALUE_NUMBER && c->term == PB_TERM_ANNUAL && pbi_is_cost(c) && pbi_is_spending_cost(c);
}

/* 数量指标 「≥395人」 and 成本指标 「≤500元/人」: their product is what the
 * project spends, so it should be near 预算数.  Only when exactly one such
 * pair exists, so that the pairing is certain. */
static void check_budget_output(pbi_checker *k, const pb_project *p)
{
    if (!budget_known(p))
        return;
    const pb_indicator *qty = NULL, *cost = NULL;
    int pairs = 0, cexp = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *c = &p->indicators[i];
        int e;
        const char *per = annual_spending_cost(c) ? per_unit(c->value.unit, &e) : NULL;
        if (!per || !*per)
            continue;
        for (size_t j = 0; j < p->indicator_count; j++) {
            const pb_indicator *q = &p->indicators[j];
            if (q->value.kind == PB_VALUE_NUMBER && q->term == PB_TERM_ANNUAL &&
                pbi_sub_of(k, q) == SUB_QUANTITY && strcmp(q->value.unit, per) == 0) {
                pairs++;
                qty = q;
                cost = c;
                cexp = e;
            }
        }
    }
    if (pairs != 1)
        return;
    int pexp = pb_money_unit_exp(p->unit);
    /* In millionths of 元, exactly: no binary floating point. */
    __int128 product = (__int128)qty->value.number.micro * cost->value.number.micro / PB_DECIMAL_SCALE * pow10_128(cexp);
    __int128 budget = (__int128)p->total.value.micro * pow10_128(pexp);
    __int128 diff = product > budget ? product - budget : budget - product;
    if (diff * 10 <= budget)
        return;
    __int128 in_unit = product / pow10_128(pexp);
    if (in_unit > INT64_MAX)
        in_unit = INT64_MAX;
    pb_decimal shown = {(int64_t)in_unit, 2};
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    const char *unit = pb_money_unit_name(p->unit);
    pbi_add(k, RULE_BUDGET_OUTPUT_MISMATCH, p, cost->value_cell.loc,
            _("数量指标 %s 「%s」 × 成本指标 %s 「%s」 comes to %s%s, more than 10%% away from 预算数 %s%s; check the "
              "quantity, the unit cost or the budget"),
            qty->level3.text, qty->value.raw, cost->level3.text, cost->value.raw, pb_decimal_format(shown, a), unit,
            pb_decimal_format(p->total.value, b), unit);
}

const pb_indicator *pbi_implied_cost_quantity(const pbi_checker *k, const pb_project *p)
{
    if (!budget_known(p))
        return NULL;
    const pb_indicator *qty = NULL;
    int e;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *c = &p->indicators[i];
        const pb_value *v = &c->value;
        if (annual_spending_cost(c) && (per_unit(v->unit, &e) || pbi_cost_names_total(c)))
            return NULL; /* a unit cost is given (PB208's), or the template asks for the total */
        if (v->kind != PB_VALUE_NUMBER || c->term != PB_TERM_ANNUAL || !pbi_named(c) ||
            pbi_sub_of(k, c) != SUB_QUANTITY || !*v->unit || v->number.micro <= 0 ||
            pbi_is_percent_unit(v->unit) || pbi_is_time_unit(v->unit) || pbi_is_money_unit(v->unit))
            continue;
        if (qty)
            return NULL; /* several quantities: which one the money buys is not certain */
        qty = c;
    }
    return qty;
}

/* No 成本指标 prices a unit, and one 数量指标 counts the output: 预算数 ÷ that
 * quantity is the unit cost the table implies, for the reviewer to weigh. */
static void check_implied_unit_cost(pbi_checker *k, const pb_project *p)
{
    const pb_indicator *qty = pbi_implied_cost_quantity(k, p);
    if (!qty)
        return;
    const pb_indicator *cost = NULL;
    for (size_t i = 0; i < p->indicator_count && !cost; i++)
        if (annual_spending_cost(&p->indicators[i]))
            cost = &p->indicators[i];
    /* In hundredths of 元, rounded half up: exact integers, no binary
     * floating point. */
    int pexp = pb_money_unit_exp(p->unit);
    __int128 num = (__int128)p->total.value.micro * pow10_128(pexp) * 100, den = qty->value.number.micro;
    __int128 fen = (2 * num + den) / (2 * den);
    const char *unit = pb_money_unit_name(PB_UNIT_YUAN);
    if (pexp >= 4 && fen >= (__int128)100 * 10000) {
        fen = (fen + 5000) / 10000; /* hundredths of 万元 */
        unit = pb_money_unit_name(PB_UNIT_WANYUAN);
    }
    if (fen > INT64_MAX / 10000)
        return;
    pb_decimal each = {(int64_t)fen * 10000, 0};
    char a[PB_DECIMAL_BUFSIZE], b[PB_DECIMAL_BUFSIZE];
    pb_decimal_format(p->total.value, b);
    pb_decimal_format(each, a);
    const char *budget_unit = pb_money_unit_name(p->unit), *per = qty->value.unit;
    if (cost)
        pbi_add(k, RULE_IMPLIED_UNIT_COST, p, cost->value_cell.loc,
                _("%s/%s: 指标值 「%s」 gives no unit cost (成本指标未细化): 预算数 %s%s ÷ 数量指标 %s 「%s」 comes to "
                  "%s%s per %s; if that is the standard, write the 成本指标 as 「≤%s%s/%s」, and if it is not, the "
                  "数量指标 does not count what the money buys"),
                pbi_group_of(cost), cost->level3.text, cost->value.raw, b, budget_unit, qty->level3.text,
                qty->value.raw, a, unit, per, a, unit, per);
    else
        pbi_add(k, RULE_IMPLIED_UNIT_COST, p, qty->value_cell.loc,
                _("no 成本指标 gives a unit cost: 预算数 %s%s ÷ 数量指标 %s 「%s」 comes to %s%s per %s; if that is the "
                  "standard, add the 成本指标 「≤%s%s/%s」, and if it is not, the 数量指标 does not count what the "
                  "money buys"),
                b, budget_unit, qty->level3.text, qty->value.raw, a, unit, per, a, unit, per);
}

void pbi_check_targets(pbi_checker *k, const pb_project *p)
{
    if (p->indicator_count == 0)
        return;
    check_named_twice(k, p);
    check_annual_vs_medium(k, p);
    check_repeats_medium(k, p);
    check_grades(k, p);
    check_budget_output(k, p);
    check_implied_unit_cost(k, p);
}
