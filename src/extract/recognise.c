/* pb_table_recognize: what the lexicon finds in one table, for `pbcheck
 * tables` (which must say what the extractor sees, from the same data). */
#include "extract/labels.h"

#include <string.h>

static void add(const char **list, size_t *count, const char *s)
{
    if (*count < PB_RECOGNITION_LABELS)
        list[(*count)++] = s;
}

static uint64_t table_keys(const pb_table *t)
{
    uint64_t keys = 0;
    pbi_lexicon lx;
    pbi_lexicon_init(&lx);
    char folded[LABEL_MAX];
    for (int r = 0; r < t->row_count; r++)
        for (int i = 0, prev = L_NONE; i < t->rows[r].count; i++) {
            pbi_label_fold(t->rows[r].cells[i].text, folded, sizeof folded);
            label_kind k = pbi_label_of(&lx, folded, false);
            const char *rest;
            char head[LABEL_MAX];
            if (k == L_NONE) /* «项目名称：某项目», as the extractor reads it */
                k = pbi_label_inside(&lx, t->rows[r].cells[i].text, false, head, sizeof head, &rest);
            /* «1.项目名称» with its value beside, as the extractor reads it: not
             * «年度目标 | 1.年度目标», nor «二、绩效目标» alone heading a part */
            if (k == L_NONE && prev == L_NONE && i + 1 < t->rows[r].count &&
                !pbi_is_blank(t->rows[r].cells[i + 1].text))
                k = pbi_numbered_label(&lx, folded, false, &rest);
            prev = k;
            if (k != L_NONE)
                keys |= KEY_FIELD(k);
            int c = pbi_indicator_column(&lx, folded);
            if (c >= 0)
                keys |= KEY_COLUMN(c);
        }
    return keys;
}

static bool inside_some_cell(const pb_table *t, int key)
{
    for (int r = 0; r < t->row_count; r++)
        for (int i = 0; i < t->rows[r].count; i++)
            if (pbi_key_inside(t->rows[r].cells[i].text, key))
                return true;
    return false;
}

void pb_table_recognize(const pb_table *t, pb_recognition *r)
{
    memset(r, 0, sizeof *r);
    uint64_t keys = table_keys(t);
    /* the labels found are reported as written: 单位名称, not the 部门名称 it stands for */
    const family *f = pbi_family_of(pbi_whole_unit_keys(keys, NULL));
    uint64_t expected = pbi_base_keys;
    if (f) {
        r->family = f->t.id;
        r->family_name = f->t.name;
        expected = f->requires;
    }
    for (int k = 0; k < KEY_COUNT; k++) {
        uint64_t bit = (uint64_t)1 << k;
        if ((keys & bit) && *pbi_key_name(k))
            add(r->found, &r->found_count, pbi_key_name(k));
    }
    /* the base keys first, in the order offices write them */
    static const int order[] = {L_CODE, L_NAME, L_KIND_COUNT + COL_L1, L_KIND_COUNT + COL_L2,
                                L_KIND_COUNT + COL_VALUE};
    uint64_t reported = 0;
    for (size_t i = 0; i < sizeof order / sizeof *order + KEY_COUNT; i++) {
        int k = i < sizeof order / sizeof *order ? order[i] : (int)(i - sizeof order / sizeof *order);
        uint64_t bit = (uint64_t)1 << k;
        if (!(expected & bit) || (keys & bit) || (reported & bit))
            continue;
        reported |= bit;
        if (r->missing_count < PB_RECOGNITION_LABELS)
            r->inside[r->missing_count] = inside_some_cell(t, k);
        add(r->missing, &r->missing_count, pbi_key_name(k));
    }
}
