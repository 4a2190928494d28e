/* PB312 and PB5: across the projects of a document — copied indicators, codes, names, headings and part 1. */
#include "check/check.h"
#include <stdlib.h>
#include <string.h>

/* (二级, 三级, 指标值) joined, normalised, into key; 0 when a part is blank. */
#define KEY_MAX (3 * PBI_NORM_MAX + 3)
static size_t indicator_key(const pb_indicator *ind, char *key)
{
    if (!pbi_named(ind) || ind->value.kind == PB_VALUE_EMPTY)
        return 0;
    char l2[PBI_NORM_MAX], l3[PBI_NORM_MAX], v[PBI_NORM_MAX];
    const char *parts[3] = {pbi_norm(ind->level2.text, l2), pbi_norm(ind->level3.text, l3), pbi_norm(ind->value.raw, v)};
    size_t n = pbi_join(key, KEY_MAX, "\x1f", parts, 3);
    return n < KEY_MAX ? n : KEY_MAX - 1;
}

static int cmp_str(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

/* An indicator of the first project, with what its finding says; a key
 * found in every project is in the first one, so a document keeps these
 * keys only, however many projects it has. */
typedef struct pbi_copied_key {
    const char *key; /* first: bsearch compares it as a string */
    const char *group, *name, *value;
    const char *subject; /* of the finding at loc */
    pb_loc loc;
    size_t projects;  /* that have it */
    size_t last_seen; /* the last project counted, 1-based */
} pbi_copied_key;

static bool first_project_keys(pbi_checker *k, const pb_project *p)
{
    pbi_copied_key *keys = pb_arena_alloc(k->keep, (p->indicator_count + 1) * sizeof *keys);
    if (!keys)
        return false;
    size_t n = 0;
    char key[KEY_MAX];
    for (size_t j = 0; j < p->indicator_count; j++) {
        const pb_indicator *ind = &p->indicators[j];
        size_t len = indicator_key(ind, key);
        if (!len)
            continue;
        char subject[1024];
        keys[n] = (pbi_copied_key){pb_arena_strndup(k->keep, key, len), pb_arena_strdup(k->keep, pbi_group_of(ind)),
                                   pb_arena_strdup(k->keep, ind->level3.text),
                                   pb_arena_strdup(k->keep, ind->value.raw ? ind->value.raw : ""),
                                   pb_arena_strdup(k->keep, pbi_indicator_subject(ind, subject, sizeof subject)),
                                   ind->level3.loc, 1, 1};
        if (!keys[n].key || !keys[n].group || !keys[n].name || !keys[n].value || !keys[n].subject)
            return false;
        n++;
    }
    qsort(keys, n, sizeof *keys, cmp_str);
    /* one entry per key: a row repeated in the first project is one problem */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!kept || strcmp(keys[kept - 1].key, keys[i].key) != 0)
            keys[kept++] = keys[i];
    k->copied = keys;
    k->copied_count = kept;
    return true;
}

void pbi_copied_add(pbi_checker *k, const pb_project *p)
{
    size_t number = ++k->copied_projects;
    if (number == 1) {
        k->oom = k->oom || !first_project_keys(k, p);
        return;
    }
    char key[KEY_MAX];
    for (size_t j = 0; j < p->indicator_count && k->copied_count; j++) {
        if (!indicator_key(&p->indicators[j], key))
            continue;
        const char *kp = key;
        pbi_copied_key *found = bsearch(&kp, k->copied, k->copied_count, sizeof *k->copied, cmp_str);
        if (found && found->last_seen != number) {
            found->projects++;
            found->last_seen = number;
        }
    }
}

void pbi_check_copied(pbi_checker *k)
{
    pb_document *d = k->d;
    if (d->project_count < 2 || k->copied_projects != d->project_count)
        return;
    /* One problem, one finding: at the first project's row. */
    for (size_t i = 0; i < k->copied_count; i++) {
        if (k->copied[i].projects != d->project_count)
            continue;
        size_t before = d->finding_count;
        pbi_add(k, RULE_INDICATOR_COPIED_ACROSS_PROJECTS, d->projects[0], k->copied[i].loc,
            _("%s/%s 「%s」 is the same in all %zu projects of the document; set each project's target from "
              "what that project does"),
            k->copied[i].group, k->copied[i].name, k->copied[i].value, d->project_count);
        /* the first project may be its identity only by now */
        if (d->finding_count > before)
            d->findings[before].subject = pb_arena_strdup(d->arena, k->copied[i].subject);
    }
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
static named_project *sorted_by(pbi_checker *k, pb_arena *a, bool by_code, size_t *n)
{
    named_project *v = pb_arena_alloc(a, (k->view_count + 1) * sizeof *v);
    if (!v)
        return NULL;
    *n = 0;
    for (size_t i = 0; i < k->view_count; i++) {
        const pb_project *p = k->views[i];
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

static void report_duplicates(pbi_checker *k, const named_project *v, size_t n, bool by_code)
{
    for (size_t i = 1; i < n; i++) {
        const named_project *first = &v[i - 1];
        while (first > v && strcmp(first[-1].text, v[i].text) == 0)
            first--;
        if (strcmp(first->text, v[i].text) != 0)
            continue;
        const pb_project *p = v[i].p, *q = first->p;
        if (by_code)
            pbi_add(k, RULE_PROJECT_CODE_DUPLICATE, p, pbi_field_or(&p->code, p->loc),
                _("项目编码 「%s」 is also the code of project %d 「%s」; each table needs its own project's code"),
                p->code.text, q->number, q->name.text ? q->name.text : "");
        else
            pbi_add(k, RULE_PROJECT_NAME_DUPLICATE, p, pbi_field_or(&p->name, p->loc),
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

/* A code's kind of character at each byte: D digit, L ASCII letter, x
 * anything else.  Codes of one budget system share it. */
static void shape_of(const char *code, char *out, size_t cap)
{
    size_t i = 0;
    for (; code[i] && i + 1 < cap; i++) {
        char c = code[i];
        out[i] = c >= '0' && c <= '9' ? 'D' : (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? 'L' : 'x';
    }
    out[i] = '\0';
}

#define CODE_MAX 64

/* The shape of the document's codes, in out: the length more than half of
 * them have (at least two), and at each position the kind of character
 * more than half of those have ('?' where none has).  False without a
 * common length.  A copy slip is then the odd one out, not another
 * system's numbering. */
static bool common_shape(const named_project *codes, size_t n, char *out)
{
    /* how many codes have each length: one pass, not one per code */
    size_t of_length[CODE_MAX] = {0}, m = 0, len = 0, best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t li = strlen(codes[i].text);
        if (li < CODE_MAX) {
            of_length[li]++;
            m++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t li = strlen(codes[i].text);
        if (li < CODE_MAX && of_length[li] > best) {
            best = of_length[li];
            len = li;
        }
    }
    if (best < 2 || 2 * best <= m)
        return false;
    size_t digits[CODE_MAX] = {0}, letters[CODE_MAX] = {0}, others[CODE_MAX] = {0};
    for (size_t i = 0; i < n; i++) {
        const char *code = codes[i].text;
        if (strlen(code) != len)
            continue;
        for (size_t pos = 0; pos < len; pos++) {
            char c = code[pos];
            bool digit = c >= '0' && c <= '9', letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            digits[pos] += digit;
            letters[pos] += letter;
            others[pos] += !digit && !letter;
        }
    }
    for (size_t pos = 0; pos < len; pos++)
        out[pos] = 2 * digits[pos] > best    ? 'D'
                   : 2 * letters[pos] > best ? 'L'
                   : 2 * others[pos] > best  ? 'x'
                                             : '?';
    out[len] = '\0';
    return true;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Reports a code whose shape differs from the document's others; true when
 * it did. */
static bool report_shape(pbi_checker *k, const pb_project *p, pb_loc at, const char *code, const char *common)
{
    char shape[CODE_MAX];
    if (strlen(code) >= CODE_MAX)
        return false;
    shape_of(code, shape, sizeof shape);
    size_t len = strlen(common);
    if (strlen(shape) != len) {
        pbi_add(k, RULE_PROJECT_CODE_FORMAT, p, at,
                _("项目编码 「%s」 has %zu characters where the document's other codes have %zu; a character was "
                  "lost or added in copying: copy the code from the budget system"),
                p->code.text, utf8_chars(code), len);
        return true;
    }
    /* Only look-alikes are copy slips: a code may legitimately end in a
     * letter (13020925P00146810002A among codes ending in digits). */
    char letters[CODE_MAX * 4] = "", where[CODE_MAX * 4] = "";
    size_t nl = 0, nw = 0, wrong_letters = 0, wrong_digits = 0;
    for (size_t i = 0; i < len; i++) {
        char c = code[i];
        if (shape[i] == 'L' && common[i] == 'D' && strchr("OoIl", c)) {
            wrong_letters++;
            if (!memchr(letters, c, nl))
                nl += (size_t)snprintf(letters + nl, sizeof letters - nl, "「%c」", c);
        } else if (shape[i] == 'D' && common[i] == 'L' && (c == '0' || c == '1')) {
            wrong_digits++;
        } else {
            continue;
        }
        nw += (size_t)snprintf(where + nw, sizeof where - nw, "%s%zu", nw ? ", " : "", i + 1);
    }
    if (wrong_letters && !wrong_digits)
        pbi_add(k, RULE_PROJECT_CODE_FORMAT, p, at,
                _("项目编码 「%s」 has the letter %s at position %s where the document's other codes have digits "
                  "(a letter for 0 or 1?); copy the code from the budget system"),
                p->code.text, letters, where);
    else if (wrong_digits && !wrong_letters)
        pbi_add(k, RULE_PROJECT_CODE_FORMAT, p, at,
                _("项目编码 「%s」 has a digit at position %s where the document's other codes have letters (0 or 1 "
                  "for the letter O or I?); copy the code from the budget system"),
                p->code.text, where);
    else if (wrong_digits && wrong_letters)
        pbi_add(k, RULE_PROJECT_CODE_FORMAT, p, at,
                _("项目编码 「%s」 has letters and digits swapped at position %s compared with the document's other "
                  "codes; copy the code from the budget system"),
                p->code.text, where);
    return wrong_digits || wrong_letters;
}

static void check_code_format(pbi_checker *k, const named_project *by_number, size_t n)
{
    char region[8], year[4], common[CODE_MAX];
    bool compare = common_part(by_number, n, 0, 6, region) && common_part(by_number, n, 6, 2, year);
    bool shapes = common_shape(by_number, n, common);
    for (size_t i = 0; i < n; i++) {
        const pb_project *p = by_number[i].p;
        const char *code = by_number[i].text;
        pb_loc at = pbi_field_or(&p->code, p->loc);
        bool bad = k->code_default ? !pbi_code_matches_default(code)
                                   : k->code_re_ok && regexec(&k->code_re, code, 0, NULL, 0) != 0;
        if (bad) {
            pbi_add(k, RULE_PROJECT_CODE_FORMAT, p, at,
                    _("项目编码 「%s」 does not have the form this office's configuration sets for project codes; copy "
                      "the code from the budget system"),
                    p->code.text);
            continue;
        }
        if (shapes && report_shape(k, p, at, code, common))
            continue;
        if (!compare || !leading_digits(code, 8))
            continue;
        if (memcmp(code, region, 6) != 0)
            pbi_add_sev(k, RULE_PROJECT_CODE_FORMAT, PB_SEV_WARNING, p, at,
                _("项目编码 「%s」 has the region code 「%.6s」 where the document's other codes have 「%s」; check it "
                  "against the budget system"),
                p->code.text, code, region);
        if (memcmp(code + 6, year, 2) != 0)
            pbi_add_sev(k, RULE_PROJECT_CODE_FORMAT, PB_SEV_WARNING, p, at,
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

void pbi_check_identity(pbi_checker *k)
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
    pbi_norm(title, buf);
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
    else
        s = buf; /* "2023年…": a year, not an item number */
    size_t n = strlen(s);
    static const char spend[] = "支出";
    if (n >= sizeof spend - 1 && strcmp(s + n - (sizeof spend - 1), spend) == 0)
        s[n - (sizeof spend - 1)] = '\0';
    return s;
}

/* A heading of the form itself, which names no project: "2023年项目支出
 * 绩效目标申报表", "省级部门预算项目支出绩效目标表(2023年度)" leave, after
 * title_name, a year and words of the budget level before "项目". */
static bool generic_heading(const char *t)
{
    static const char *const words[] = {"年度", "年", "省级", "市级", "县级", "区级", "本级", "部门", "单位",
                                        "预算", "财政", "专项", "一般", "公共", "支出"};
    for (bool more = true; more && *t;) {
        more = false;
        while (*t >= '0' && *t <= '9') {
            t++;
            more = true;
        }
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (pbi_has_prefix(t, words[i])) {
                t += strlen(words[i]);
                more = true;
                break;
            }
    }
    return !*t || strcmp(t, "项目") == 0;
}

/* "附件1:", "附表2", "表1", "2021年度" before the project's name in a
 * heading: where it is filed, not what it names. */
static const char *after_heading_prefix(const char *t)
{
    static const char *const marks[] = {"附件", "附表", "表"};
    for (bool more = true; more;) {
        more = false;
        const char *s = t;
        for (size_t i = 0; i < sizeof marks / sizeof *marks && s == t; i++)
            if (pbi_has_prefix(t, marks[i]) && t[strlen(marks[i])] >= '0' && t[strlen(marks[i])] <= '9')
                s = t + strlen(marks[i]);
        while (*s >= '0' && *s <= '9')
            s++;
        if (s == t)
            break;
        if (s - t == 4 && pbi_has_prefix(s, "年度"))
            s += strlen("年度");
        else if (s - t == 4 && pbi_has_prefix(s, "年"))
            s += strlen("年");
        else if (!pbi_has_prefix(t, "附") && !pbi_has_prefix(t, "表"))
            break; /* a number that is part of the name */
        if (*s == ':' || *s == '.')
            s++;
        more = s != t && *s;
        if (more)
            t = s;
    }
    return t;
}

/* The heading names the project: "XXX", or "XXX项目" over the name "XXX". */
static bool names_project(const char *t, const char *name)
{
    size_t n = strlen(name), tn = strlen(t);
    return strcmp(t, name) == 0 ||
           (tn == n + strlen("项目") && strncmp(t, name, n) == 0 && strcmp(t + n, "项目") == 0);
}

void pbi_check_title(pbi_checker *k, const pb_project *p)
{
    char buf[PBI_NORM_MAX], name[PBI_NORM_MAX];
    const char *t = p->title ? title_name(p->title, buf) : NULL;
    pbi_norm(p->name.text, name);
    /* The form's own name (项目支出绩效目标申报表) names no project. */
    if (!t || !*t || !*name || generic_heading(t))
        return;
    const char *bare = after_heading_prefix(t);
    if (names_project(t, name) || names_project(bare, name) || generic_heading(bare))
        return;
    pbi_add(k, RULE_PROJECT_TITLE_MISMATCH, p, pbi_field_or(&p->name, p->loc),
        _("the heading 「%s」 names 「%s」, but 项目名称 is 「%s」; make them the same"), p->title, t, p->name.text);
}

static int cmp_named_text(const void *x, const void *y)
{
    return strcmp(((const named_project *)x)->text, ((const named_project *)y)->text);
}

static int cmp_project_number(const void *x, const void *y)
{
    const pb_project *a = *(const pb_project *const *)x, *b = *(const pb_project *const *)y;
    return a->number < b->number ? -1 : a->number > b->number;
}

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
        for (size_t i = 0; i < PBI_COUNT(tails); i++) {
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

void pbi_check_summary(pbi_checker *k)
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
    /* The entries of part 1 and the tables that do not match, each in
     * document order. */
    size_t *lone = pb_arena_alloc(a, (d->summary_count + 1) * sizeof *lone), nl = 0;
    const pb_project **orphans = pb_arena_alloc(a, (nn + 1) * sizeof *orphans);
    size_t no = 0;
    if (!lone || !orphans) {
        k->oom = true;
        pb_arena_free(a);
        return;
    }
    for (size_t i = 0; i < d->summary_count; i++) {
        named_project key = {items[i], NULL};
        if (!bsearch(&key, names, nn, sizeof *names, cmp_named_text))
            lone[nl++] = i;
    }
    qsort(items, d->summary_count, sizeof *items, cmp_str);
    for (size_t j = 0; j < nn; j++) {
        const char *text = names[j].text;
        if (!bsearch(&text, items, d->summary_count, sizeof *items, cmp_str))
            orphans[no++] = names[j].p;
    }
    qsort(orphans, no, sizeof *orphans, cmp_project_number);
    /* As many unmatched entries as unmatched tables: the same projects
     * named two ways, one mismatch each, reported once on the table. */
    if (nl == no) {
        for (size_t i = 0; i < no; i++)
            pbi_add(k, RULE_SUMMARY_PROJECT_MISMATCH, orphans[i], pbi_field_or(&orphans[i]->name, orphans[i]->loc),
                _("项目名称 「%s」 is 「%s」 in part 1 (分项绩效目标); use the same name in both parts"),
                orphans[i]->name.text, d->summary[lone[i]].text);
    } else {
        for (size_t i = 0; i < nl; i++)
            pbi_add(k, RULE_SUMMARY_PROJECT_MISMATCH, NULL, PB_PARAGRAPH_LOC(d->summary[lone[i]].paragraph),
                _("part 1 (分项绩效目标) lists 「%s」, but no table in part 2 has this 项目名称; add its table or use "
                  "the same name in both parts"),
                d->summary[lone[i]].text);
        for (size_t i = 0; i < no; i++)
            pbi_add(k, RULE_SUMMARY_PROJECT_MISMATCH, orphans[i], pbi_field_or(&orphans[i]->name, orphans[i]->loc),
                _("项目名称 「%s」 has no entry in part 1 (分项绩效目标); add one, or use the same name in both parts"),
                orphans[i]->name.text);
    }
    pb_arena_free(a);
}
