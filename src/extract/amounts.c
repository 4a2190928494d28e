/* Amounts written inside a text: «总额10606.7522万元», «年度资金总额:16
 * 其中 :上级资金16», «财政拨款:6923.3552万元(其中:上级财政资金:…)».  Each
 * label before a number names what the number is; a part given inside
 * parentheses details the part before it and is not counted again, but the
 * parts given so after the total are its parts. */
#include "extract/extractor.h"

#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* «1,234,567»: a comma before three digits groups them; «10,省级资金6»'s
 * ends the amount. */
static bool thousands_comma(const char *p)
{
    return p[0] == ',' && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && !is_digit(p[4]);
}

/* "二、自有资金:" → "自有资金", "其中:上级资金" → "上级资金", "1.中央资金" → "中央资金":
 * what is left before an amount of the number before it («16,其中:…»), a
 * list number (pbi_after_list_number) and 「其中」, then a trailing colon. */
static void clean_label(char *l)
{
    char *s = l;
    for (bool again = true; again;) {
        const char *from = s;
        while (is_digit(*s) || *s == '.' || *s == ':' || *s == ',')
            s++;
        s += pbi_after_list_number(s) - s;
        if (pbi_has_prefix(s, "其中"))
            s += strlen("其中");
        again = s != from;
    }
    size_t n = strlen(s);
    while (n && s[n - 1] == ':')
        n--;
    memmove(l, s, n);
    l[n] = '\0';
}

static bool record(pb_extractor *x, char *label, const char *num, size_t len, pb_loc loc, label_kind *kind)
{
    clean_label(label);
    label_kind k = pbi_label_of(&x->lex, label, true);
    if (k != L_TOTAL && k != L_FISCAL && k != L_OTHER)
        return true;
    *kind = k;
    char *raw = pb_arena_strndup(x->a, num, len);
    if (!raw)
        return false;
    if (k == L_TOTAL)
        return pbi_set_total(x, label, raw, loc);
    return pbi_add_fund_raw(x, label, k == L_FISCAL, raw, loc);
}

bool pbi_amounts_in_text(pb_extractor *x, const char *text, pb_loc loc)
{
    char *norm = pbi_normalize(x->a, text, true);
    if (!norm || !x->cur)
        return norm != NULL;
    static const char *const units[] = {"万元", "亿元", "元", "万"};
    char label[LABEL_MAX];
    size_t ln = 0;
    int depth = 0;
    /* the last amount read outside parentheses: after a part they detail
     * it, after the total («16万元(其中中央资金10万元,省级资金6万元)») they
     * are its parts */
    label_kind last = L_NONE;
    bool parts_inside = false;
    for (const char *p = norm; *p;) {
        if (*p == '(' || *p == ')' || *p == ';') {
            depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
            if (*p == '(' && depth == 1)
                parts_inside = last == L_TOTAL;
            ln = 0;
            p++;
            continue;
        }
        if (is_digit(*p) && ln > 0 && label[ln - 1] != '.' && !is_digit(label[ln - 1])) {
            const char *start = p;
            while (is_digit(*p) || *p == '.' || thousands_comma(p))
                p++;
            for (size_t i = 0; i < sizeof units / sizeof *units; i++)
                if (pbi_has_prefix(p, units[i])) {
                    p += strlen(units[i]);
                    break;
                }
            label[ln] = '\0';
            /* a bare number after 「一、」 is the enumeration, not an amount */
            label_kind inner = L_NONE;
            if (depth <= 0 && !record(x, label, start, (size_t)(p - start), loc, &last))
                return false;
            if (depth == 1 && parts_inside && !record(x, label, start, (size_t)(p - start), loc, &inner))
                return false;
            ln = 0;
            continue;
        }
        if (ln < sizeof label - 1)
            label[ln++] = *p;
        p++;
    }
    return true;
}
