/* PB323: a template placeholder left in a name or value («(≥**%)», «**万元»,
 * «XX», «××»).  It is reported once per project, and the other checks read
 * the project without it: they read a copy whose names have the placeholder
 * cut out, and an indicator whose value is a placeholder has its value left
 * unchecked. */
#include "check/check.h"
#include <string.h>

/* A character templates repeat as a blank to fill: * ＊ × X x Ｘ ｘ. */
static bool fill_char(unsigned cp, bool *latin)
{
    *latin = cp == 'X' || cp == 'x';
    return cp == '*' || cp == 0xFF0A || cp == 0x00D7 || *latin || cp == 0xFF38 || cp == 0xFF58;
}

static bool ascii_alnum(unsigned cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* The first placeholder of s: a run of two or more fill characters (an
 * X run not part of a Latin word), as bytes [*start, *end). */
static bool find_run(const char *s, size_t *start, size_t *end)
{
    unsigned prev = 0;
    for (size_t i = 0; s && s[i];) {
        unsigned cp;
        int n = pbi_utf8_decode(s + i, &cp);
        bool latin, any_latin = false;
        size_t j = i, count = 0;
        unsigned c = cp;
        int m = n;
        while (c && fill_char(c, &latin)) {
            any_latin = any_latin || latin;
            j += (size_t)m;
            count++;
            m = pbi_utf8_decode(s + j, &c);
        }
        if (count >= 2 && !(any_latin && (ascii_alnum(prev) || ascii_alnum(c)))) {
            *start = i;
            *end = j;
            return true;
        }
        prev = cp;
        i += (size_t)n;
    }
    return false;
}

bool pbi_placeholder_in(const char *s)
{
    size_t a, b;
    return find_run(s, &a, &b);
}

static bool open_paren(const char *s, size_t i, size_t *len)
{
    if (s[i] == '(') return *len = 1, true;
    if (strncmp(s + i, "（", 3) == 0) return *len = 3, true;
    return false;
}

static bool close_paren(const char *s, size_t i, size_t *len)
{
    if (s[i] == ')') return *len = 1, true;
    if (strncmp(s + i, "）", 3) == 0) return *len = 3, true;
    return false;
}

/* The placeholder and, where it sits in parentheses («(≥**%)», «（≤**万元）»),
 * the whole parenthesised note: bytes [*start, *end) to cut. */
static void cut_span(const char *s, size_t *start, size_t *end)
{
    size_t len, open = SIZE_MAX;
    for (size_t i = 0; i < *start; i++) {
        if (open_paren(s, i, &len))
            open = i;
        else if (close_paren(s, i, &len))
            open = SIZE_MAX;
    }
    if (open == SIZE_MAX)
        return;
    for (size_t i = *end; s[i]; i++) {
        if (open_paren(s, i, &len))
            return;
        if (close_paren(s, i, &len)) {
            *start = open;
            *end = i + len;
            return;
        }
    }
}

/* s without its placeholders (arena copy), or s itself when it has none. */
static const char *strip(pb_arena *a, const char *s, bool *oom)
{
    size_t x, y;
    if (!find_run(s, &x, &y))
        return s;
    char *t = pb_arena_strdup(a, s);
    if (!t) {
        *oom = true;
        return s;
    }
    while (find_run(t, &x, &y)) {
        cut_span(t, &x, &y);
        memmove(t + x, t + y, strlen(t + y) + 1);
    }
    return t;
}

static bool indicator_has(const pb_indicator *ind)
{
    return pbi_placeholder_in(ind->level1.text) || pbi_placeholder_in(ind->level2.text) ||
           pbi_placeholder_in(ind->level3.text) || pbi_placeholder_in(ind->description.text) ||
           pbi_placeholder_in(ind->value.raw);
}

static bool lines_have(const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pbi_placeholder_in(lines[i]))
            return true;
    return false;
}

static bool project_has(const pb_project *p)
{
    if (pbi_placeholder_in(p->name.text) || lines_have(p->goals, p->goal_count) ||
        lines_have(p->long_goals, p->long_goal_count))
        return true;
    for (size_t i = 0; i < p->indicator_count; i++)
        if (indicator_has(&p->indicators[i]))
            return true;
    return false;
}

static const char **strip_lines(pb_arena *a, const char **lines, size_t n, bool *oom)
{
    if (!lines_have((const char *const *)lines, n))
        return lines;
    const char **c = pb_arena_alloc(a, n * sizeof *c);
    if (!c) {
        *oom = true;
        return lines;
    }
    for (size_t i = 0; i < n; i++)
        c[i] = strip(a, lines[i], oom);
    return c;
}

/* The copy the other checks read. */
static pb_project *cleaned(pb_arena *a, const pb_project *p, bool *oom)
{
    pb_project *q = pb_arena_alloc(a, sizeof *q);
    pb_indicator *ind = p->indicator_count ? pb_arena_alloc(a, p->indicator_count * sizeof *ind) : NULL;
    if (!q || (p->indicator_count && !ind)) {
        *oom = true;
        return NULL;
    }
    *q = *p;
    q->name.text = p->name.text ? strip(a, p->name.text, oom) : NULL;
    q->goals = strip_lines(a, p->goals, p->goal_count, oom);
    q->long_goals = strip_lines(a, p->long_goals, p->long_goal_count, oom);
    for (size_t i = 0; i < p->indicator_count; i++) {
        ind[i] = p->indicators[i];
        pb_field *f[] = {&ind[i].level1, &ind[i].level2, &ind[i].level3, &ind[i].description};
        for (size_t j = 0; j < PBI_COUNT(f); j++)
            if (f[j]->text)
                f[j]->text = strip(a, f[j]->text, oom);
    }
    q->indicators = ind;
    return q;
}

const pb_project *pbi_placeholders_cut(pbi_checker *k, const pb_project *p)
{
    if (!project_has(p))
        return p;
    bool oom = false;
    const pb_project *q = cleaned(k->scratch, p, &oom);
    if (oom || !q) {
        k->oom = true;
        return NULL;
    }
    return q;
}

bool pbi_placeholder_value(const pb_indicator *ind) { return pbi_placeholder_in(ind->value.raw); }

/* One finding per project: how many cells, the first placeholder and its cell. */
bool pbi_check_placeholders(pbi_checker *k, const pb_project *p)
{
    size_t n = 0;
    const char *first = NULL;
    pb_loc at = PB_NOLOC;
    if (pbi_placeholder_in(p->name.text))
        n++, first = p->name.text, at = p->name.loc;
    for (size_t i = 0; i < p->goal_count; i++)
        if (pbi_placeholder_in(p->goals[i]) && n++ == 0)
            first = p->goals[i], at = p->goals_cell.loc;
    for (size_t i = 0; i < p->long_goal_count; i++)
        if (pbi_placeholder_in(p->long_goals[i]) && n++ == 0)
            first = p->long_goals[i], at = p->long_goals_cell.loc;
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        const pb_field *f[] = {&ind->level1, &ind->level2, &ind->level3, &ind->description};
        for (size_t j = 0; j < PBI_COUNT(f); j++)
            if (pbi_placeholder_in(f[j]->text) && n++ == 0)
                first = f[j]->text, at = f[j]->loc;
        if (pbi_placeholder_in(ind->value.raw) && n++ == 0)
            first = ind->value.raw, at = ind->value_cell.loc;
    }
    if (!n)
        return false;
    size_t x, y;
    find_run(first, &x, &y);
    cut_span(first, &x, &y);
    char mark[128];
    size_t len = y - x < sizeof mark - 1 ? y - x : sizeof mark - 1;
    memcpy(mark, first + x, len);
    mark[len] = '\0';
    pbi_add(k, RULE_TEMPLATE_PLACEHOLDER, p, at,
            _("%zu cell(s) still hold a placeholder of the template, e.g. 「%s」 in 「%s」; the other checks read "
              "them without it: fill in the real figure or delete the placeholder"),
            n, mark, first);
    return true;
}
