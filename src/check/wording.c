/* PB310, PB311, PB313, PB314, PB316, PB322: the wording of a table's
 * indicators.  A pattern over the table (the names of most rows
 * boilerplate or only their 二级, every 描述 repeating its name, one 依据 on
 * every row) is one finding per table that lists its cells, not one per
 * row. */
#include "check/check.h"

#include <stdio.h>
#include <string.h>

bool pbi_is_vague(const pbi_checker *k, const pb_indicator *ind, const char *n3)
{
    return pbi_named(ind) && pbi_in_list(n3, k->c->vague_names, k->c->vague_name_count);
}

static bool repeats_name(const pb_indicator *ind, const char *n3)
{
    char d[PBI_NORM_MAX];
    pbi_norm(ind->description.text, d);
    return *d && *n3 && pbi_contains(n3, d);
}

/* 「A」, 「B」, … of the rows in rows[0, n) into buf. */
static const char *name_list(const pb_project *p, const size_t *rows, size_t n, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++)
        pbi_list_add(buf, cap, &len, "%s「%s」", i ? _(", ") : "", p->indicators[rows[i]].level3.text);
    return buf;
}

/* 经济效益 / 生态效益 rows whose wording has nothing economic or
 * environmental: usually a 社会效益 indicator put in the wrong place. */
static void check_effect_wording(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    char n3[PBI_NORM_MAX];
    pbi_norm(ind->level3.text, n3);
    pbi_subcategory s = pbi_sub_of(k, ind);
    if (!pbi_named(ind) || pbi_is_vague(k, ind, n3) || pbi_is_money_unit(ind->value.unit ? ind->value.unit : ""))
        return;
    bool economic = s == SUB_ECONOMIC && !pbi_is_economic_name(n3);
    if ((economic || (s == SUB_ECOLOGICAL && !pbi_is_ecological_name(n3))) && pbi_is_social_name(n3))
        pbi_add(k, RULE_INDICATOR_EFFECT_WORDING, p, ind->level3.loc,
                _("%s/%s: 「%s」 is a 社会效益 indicator (公共服务, 群众, 稳定 …), not %s; move it under "
                  "社会效益指标"),
                pbi_group_of(ind), ind->level3.text, ind->level3.text,
                economic ? _("an economic effect") : _("an effect on the environment"));
    else if (economic)
        pbi_add(k, RULE_INDICATOR_EFFECT_WORDING, p, ind->level3.loc,
                _("%s/%s: 「%s」 names no economic effect; move it under the 效益 it describes (社会效益 …), or name "
                  "the economic effect (增收, 节约资金, 带动就业 …)"),
                pbi_group_of(ind), ind->level3.text, ind->level3.text);
    else if (s == SUB_ECOLOGICAL && !pbi_is_ecological_name(n3))
        pbi_add(k, RULE_INDICATOR_EFFECT_WORDING, p, ind->level3.loc,
                _("%s/%s: 「%s」 names no effect on the environment; move it under the 效益 it describes, or name the "
                  "ecological effect (绿化覆盖率, 污染物排放 …)"),
                pbi_group_of(ind), ind->level3.text, ind->level3.text);
}

#define ROWS_MAX 256

static void check_basis_uniform(pbi_checker *k, const pb_project *p)
{
    const pb_indicator *first = NULL;
    size_t rows = 0;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (!pbi_named(ind) || !ind->basis.text)
            continue;
        if (pbi_is_blank(ind->basis.text) || (first && !pbi_same_text(first->basis.text, ind->basis.text)))
            return;
        if (!first)
            first = ind;
        rows++;
    }
    if (rows >= 2)
        pbi_add(k, RULE_INDICATOR_BASIS_UNIFORM, p, first->basis.loc,
            _("all %zu rows give the same 指标值确定依据 「%s」; give each target its own basis"), rows,
            first->basis.text);
}

void pbi_check_wording(pbi_checker *k, const pb_project *p)
{
    size_t vague[ROWS_MAX], repeat[ROWS_MAX], category[ROWS_MAX], nv = 0, nr = 0, nc = 0;
    for (size_t i = 0; i < p->indicator_count && i < ROWS_MAX; i++) {
        const pb_indicator *ind = &p->indicators[i];
        char n3[PBI_NORM_MAX];
        pbi_norm(ind->level3.text, n3);
        if (pbi_is_vague(k, ind, n3))
            vague[nv++] = i;
        else if (repeats_name(ind, n3))
            repeat[nr++] = i;
    }
    for (size_t i = 0; i < p->indicator_count && i < ROWS_MAX; i++)
        if (pbi_name_is_category(&p->indicators[i]))
            category[nc++] = i;
    char list[768];
    for (size_t i = 0; i < p->indicator_count; i++)
        check_effect_wording(k, p, &p->indicators[i]);
    if (nc == 1) {
        const pb_indicator *ind = &p->indicators[category[0]];
        pbi_add(k, RULE_INDICATOR_NAME_IS_CATEGORY, p, ind->level3.loc,
                _("%s/%s: the 三级 indicator only repeats its 二级; name what is measured, e.g. 补助发放人数 under "
                  "数量指标"),
                pbi_group_of(ind), ind->level3.text);
    } else if (nc > 1) {
        pbi_add(k, RULE_INDICATOR_NAME_IS_CATEGORY, p, p->indicators[category[0]].level3.loc,
                _("%zu 三级 indicators only repeat their 二级 (指标名称笼统、不可衡量): %s; name for each what is "
                  "measured, e.g. 补助发放人数 under 数量指标"),
                nc, name_list(p, category, nc, list, sizeof list));
    }
    if (nv == 1) {
        const pb_indicator *ind = &p->indicators[vague[0]];
        pbi_add(k, RULE_INDICATOR_VAGUE_NAME, p, ind->level3.loc,
            _("%s/%s: 「%s」 is a boilerplate name that fits any project; name what is counted or assessed, and for "
              "whom"),
            pbi_group_of(ind), ind->level3.text, ind->level3.text);
    } else if (nv > 1) {
        pbi_add(k, RULE_INDICATOR_VAGUE_NAME, p, p->indicators[vague[0]].level3.loc,
            _("%zu indicators have names that fit any project (指标名称笼统、不可衡量): %s; name for each what is "
              "counted or assessed, and for whom"),
            nv, name_list(p, vague, nv, list, sizeof list));
    }
    if (nr == 1) {
        const pb_indicator *ind = &p->indicators[repeat[0]];
        pbi_add(k, RULE_INDICATOR_DESCRIPTION_REPEATS_NAME, p, ind->description.loc,
            _("%s/%s: 绩效指标描述 「%s」 only repeats the name 「%s」; say how the value is counted or calculated"),
            pbi_group_of(ind), ind->level3.text, ind->description.text, ind->level3.text);
    } else if (nr > 1) {
        pbi_add(k, RULE_INDICATOR_DESCRIPTION_REPEATS_NAME, p, p->indicators[repeat[0]].description.loc,
            _("%zu indicators' 绩效指标描述 only repeats the name: %s; say for each how the value is counted or "
              "calculated"),
            nr, name_list(p, repeat, nr, list, sizeof list));
    }
    check_basis_uniform(k, p);
}

void pbi_check_basis(pbi_checker *k, const pb_project *p, const pb_indicator *ind)
{
    if (!ind->basis.text || !pbi_named(ind))
        return; /* a layout without the column, or a 二级 row without indicator */
    char b[PBI_NORM_MAX];
    if (pbi_is_blank(ind->basis.text))
        pbi_add(k, RULE_INDICATOR_BASIS_MISSING, p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 is empty; name the standard or document the target comes from"),
            pbi_group_of(ind), ind->level3.text);
    else if (k->c->basis_vocabulary_count > 0 &&
             !pbi_contains_any(pbi_norm(ind->basis.text, b), k->c->basis_vocabulary, k->c->basis_vocabulary_count))
        pbi_add(k, RULE_INDICATOR_BASIS_MISSING, p, ind->basis.loc,
            _("%s/%s: 指标值确定依据 「%s」 names no recognised basis (计划标准, 行业标准, 历史标准, 预算支出标准 or a "
              "named document); say where the target comes from"),
            pbi_group_of(ind), ind->level3.text, ind->basis.text);
}
