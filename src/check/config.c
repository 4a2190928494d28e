/* The configuration: built-in defaults, `.pbcheck.json` (cJSON), rule
 * selection like ruff's --select/--ignore, and the effective configuration
 * printed back as JSON. */
#include "check/check.h"
#include "model/model.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CONFIG_MAX_BYTES (1u << 20)
#define CONFIG_LIST_MAX 4096  /* entries of one list */
#define CONFIG_TEXT_MAX 1024  /* bytes of one string */

/* ---- built-in values (the defaults of issue 4 and review-rules.md) */

#define EXAMPLE_PATTERN PB_DEFAULT_CODE_PATTERN

/* Names that fit any project.  Not 公共服务水平提升情况: a published
 * common-indicator library recommends it as a 社会效益 indicator. */
static const char *const default_vague_names[] = {
    "提供优质服务", "维护社会稳定", "生态影响",   "社会影响",     "经济影响",
    "社会效益", "经济效益", "生态效益", "可持续影响",
    "工作开展次数", "覆盖率",       "工作完成情况", "项目完成情况",
};

static const char *const default_basis_vocabulary[] = {
    "计划标准", "行业标准", "历史标准", "预算支出标准", "其他标准", "标准",   "年初预算",
    "预算安排", "工作安排", "工作计划", "方案",         "上级文件", "文件",   "政策",
    "规划",     "办法",     "规定",     "通知",         "意见",     "合同",   "协议",
    "历史数据", "往年",     "上年",     "统计",         "测算",     "《",
    /* a survey is what a satisfaction (or any measured) target rests on:
     * 「按服务对象满意度评价」, 「问卷调查」 */
    "调查",     "问卷",     "测评",     "满意度评价",
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

void pb_config_default(pb_config *c)
{
    memset(c, 0, sizeof *c);
    c->satisfaction_floor = pb_decimal_from_int(80);
    c->schedule_mode = PB_SCHEDULE_PRACTICE;
    c->min_indicators = 3;
    c->code_pattern = NULL; /* codes differ between budget systems: none unless configured */
    c->vague_names = default_vague_names;
    c->vague_name_count = COUNT(default_vague_names);
    c->basis_vocabulary = default_basis_vocabulary;
    c->basis_vocabulary_count = COUNT(default_basis_vocabulary);
}

void pb_config_free(pb_config *c)
{
    if (!c)
        return;
    pb_arena_free(c->arena);
    pb_config_default(c);
}

pb_severity pb_config_severity(const pb_config *c, const pb_rule *r)
{
    return pbi_config_severity_or(c, r, r->severity);
}

pb_severity pbi_config_severity_or(const pb_config *c, const pb_rule *r, pb_severity dflt)
{
    int i = pb_rule_index(r);
    if (!c || i < 0 || i >= PB_RULES_MAX)
        return dflt;
    if (c->deselected[i])
        return PB_SEV_OFF;
    /* A rule set to its own default keeps its per-finding defaults. */
    if (c->configured[i] && c->severity[i] != r->severity)
        return c->severity[i];
    if (r->strict && !c->strict && !c->selected[i] && !c->configured[i])
        return PB_SEV_OFF;
    return dflt;
}

/* ---- checkpoints */

static int chinese_digit(const char **s)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int i = 0; i < 9; i++) {
        size_t n = strlen(digits[i]);
        if (strncmp(*s, digits[i], n) == 0) {
            *s += n;
            return i + 1;
        }
    }
    return 0;
}

/* 1-12 from "3", "12", "三", "十", "十二"; 0 when there is no number. */
static int read_number(const char **s)
{
    const char *p = *s;
    int n = 0;
    if (*p >= '0' && *p <= '9') {
        while (*p >= '0' && *p <= '9' && n < 100)
            n = n * 10 + (*p++ - '0');
    } else if (strncmp(p, "十", strlen("十")) == 0) {
        p += strlen("十");
        n = 10 + chinese_digit(&p);
    } else {
        n = chinese_digit(&p);
    }
    *s = p;
    return n;
}

int pbi_checkpoint_month(const char *label)
{
    const char *s = label;
    if (!s)
        return 0;
    if (strcmp(s, "上半年") == 0 || strcmp(s, "半年") == 0)
        return 6;
    if (strcmp(s, "全年") == 0 || strcmp(s, "年底") == 0 || strcmp(s, "年末") == 0)
        return 12;
    if ((s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' && s[1] <= '4' && !s[2])
        return 3 * (s[1] - '0');
    if (pbi_has_prefix(s, "第"))
        s += strlen("第");
    int n = read_number(&s);
    if (n <= 0)
        return 0;
    if (pbi_has_prefix(s, "月"))
        return n <= 12 ? n : 0;
    if (pbi_has_prefix(s, "季"))
        return n <= 4 ? 3 * n : 0;
    return 0;
}

bool pb_config_checkpoint_minimum(const pb_config *c, const char *label, pb_decimal *min)
{
    if (c->schedule_mode == PB_SCHEDULE_PRACTICE) {
        /* About 40 % by July and 80 % by November are what written practice
         * cites; earlier months vary too much between kinds of project. */
        int m = pbi_checkpoint_month(label);
        if (m < 7 || m > 11)
            return false;
        *min = pb_decimal_from_int(40 + 10 * (m - 7));
        return true;
    }
    if (c->schedule_mode == PB_SCHEDULE_STRAIGHT_LINE) {
        int m = pbi_checkpoint_month(label);
        if (m < 1 || m > 11)
            return false;
        int64_t hundredths = (int64_t)m * 10000 / 12; /* 83.33 for October */
        min->micro = hundredths * (PB_DECIMAL_SCALE / 100);
        min->digits = hundredths % 100 ? 2 : 0;
        return true;
    }
    for (size_t i = 0; i < c->schedule_minimum_count; i++)
        if (strcmp(c->schedule_minimums[i].label, label) == 0) {
            *min = c->schedule_minimums[i].percent;
            return true;
        }
    return false;
}

/* ---- reading JSON */

typedef struct reader {
    pb_config *c; /* the configuration being built */
    const char *source;
    char *err;
    size_t errlen;
} reader;

static bool fail(reader *r, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail(reader *r, const char *key, const char *fmt, ...)
{
    char what[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (key)
        snprintf(r->err, r->errlen, _("%s: key '%s': %s"), r->source, key, what);
    else
        snprintf(r->err, r->errlen, "%s: %s", r->source, what);
    return false;
}

static bool oom(reader *r) { return fail(r, NULL, "%s", _("out of memory")); }

/* A string normalised as the checks compare text (width folded, white
 * space dropped), in the configuration's arena. */
static const char *norm_string(reader *r, const char *s)
{
    return pbi_normalize(r->c->arena, s, true);
}

/* "80", 80, 83.33 → an exact decimal.  A JSON number reaches us as a
 * double; printed with 15 significant digits it is again the decimal that
 * was written (any literal of up to 15 digits survives the round trip). */
static bool read_percent(reader *r, const char *key, const cJSON *v, pb_decimal *out)
{
    char buf[64];
    if (cJSON_IsNumber(v))
        snprintf(buf, sizeof buf, "%.15g", v->valuedouble);
    else if (cJSON_IsString(v) && strlen(v->valuestring) < sizeof buf)
        snprintf(buf, sizeof buf, "%s", v->valuestring);
    else
        return fail(r, key, "%s", _("expected a percentage from 0 to 100, such as 80 or 83.33"));
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '%')
        n--;
    if (!pb_decimal_parse(buf, n, out) || out->micro < 0 || out->micro > 100 * PB_DECIMAL_SCALE)
        return fail(r, key, _("expected a percentage from 0 to 100 with at most 6 decimals, not %s"), buf);
    return true;
}

static bool read_rules(reader *r, const cJSON *v)
{
    if (!cJSON_IsObject(v))
        return fail(r, "rules", "%s", _("expected an object of rule IDs or slugs to severities"));
    bool seen[PB_RULES_MAX] = {false};
    for (const cJSON *item = v->child; item; item = item->next) {
        char key[160];
        snprintf(key, sizeof key, "rules.%.140s", item->string ? item->string : "");
        const pb_rule *rule = item->string ? pb_rule_find(item->string) : NULL;
        if (!rule)
            return fail(r, key, "%s", _("no rule has this ID or slug (see `pbcheck rules`)"));
        int i = pb_rule_index(rule);
        if (seen[i])
            return fail(r, key, _("rule %s %s is given twice"), rule->id, rule->slug);
        seen[i] = true;
        pb_severity sev;
        if (!cJSON_IsString(item) || !pb_severity_parse(item->valuestring, &sev))
            return fail(r, key, "%s", _("expected \"error\", \"warning\", \"info\" or \"off\""));
        r->c->configured[i] = true;
        r->c->severity[i] = sev;
    }
    return true;
}

static bool read_floor(reader *r, const cJSON *v)
{
    return read_percent(r, "satisfaction-floor", v, &r->c->satisfaction_floor);
}

static bool read_schedule(reader *r, const cJSON *v)
{
    const char *key = "schedule-minimums";
    if (cJSON_IsString(v) && strcmp(v->valuestring, "straight-line") == 0) {
        r->c->schedule_mode = PB_SCHEDULE_STRAIGHT_LINE;
        r->c->schedule_minimum_count = 0;
        return true;
    }
    if (cJSON_IsString(v) && strcmp(v->valuestring, "practice") == 0) {
        r->c->schedule_mode = PB_SCHEDULE_PRACTICE;
        r->c->schedule_minimum_count = 0;
        return true;
    }
    if (!cJSON_IsObject(v))
        return fail(r, key, "%s",
                    _("expected \"practice\", \"straight-line\" or an object of checkpoint labels to percentages"));
    size_t n = (size_t)cJSON_GetArraySize(v);
    if (n > CONFIG_LIST_MAX)
        return fail(r, key, _("more than %d checkpoints"), CONFIG_LIST_MAX);
    pb_checkpoint_minimum *m = pb_arena_alloc(r->c->arena, (n + 1) * sizeof *m);
    if (!m)
        return oom(r);
    size_t k = 0;
    for (const cJSON *item = v->child; item; item = item->next, k++) {
        char sub[CONFIG_TEXT_MAX + 32];
        snprintf(sub, sizeof sub, "%s.%.1000s", key, item->string ? item->string : "");
        const char *label = item->string ? norm_string(r, item->string) : NULL;
        if (item->string && !label)
            return oom(r);
        if (!label || !*label || strlen(label) > CONFIG_TEXT_MAX)
            return fail(r, sub, "%s", _("a checkpoint label must be a non-empty text such as \"6月底\""));
        for (size_t j = 0; j < k; j++)
            if (strcmp(m[j].label, label) == 0)
                return fail(r, sub, "%s", _("this checkpoint is given twice"));
        m[k].label = label;
        if (!read_percent(r, sub, item, &m[k].percent))
            return false;
    }
    r->c->schedule_mode = PB_SCHEDULE_LISTED;
    r->c->schedule_minimums = m;
    r->c->schedule_minimum_count = k;
    return true;
}

static bool read_min_indicators(reader *r, const cJSON *v)
{
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1000 ||
        (double)v->valueint != v->valuedouble)
        return fail(r, "min-indicators", "%s", _("expected a whole number from 0 to 1000"));
    r->c->min_indicators = v->valueint;
    return true;
}

static bool read_pattern(reader *r, const cJSON *v)
{
    const char *key = "project-code-pattern";
    if (cJSON_IsNull(v)) {
        r->c->code_pattern = NULL;
        return true;
    }
    if (!cJSON_IsString(v) || !*v->valuestring || strlen(v->valuestring) > CONFIG_TEXT_MAX)
        return fail(r, key, "%s", _("expected a POSIX extended regular expression, such as " EXAMPLE_PATTERN ", or null for none"));
    regex_t re;
    int rc = regcomp(&re, v->valuestring, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char why[256];
        regerror(rc, &re, why, sizeof why);
        return fail(r, key, _("not a valid POSIX extended regular expression: %s"), why);
    }
    regfree(&re);
    r->c->code_pattern = pb_arena_strdup(r->c->arena, v->valuestring);
    return r->c->code_pattern ? true : oom(r);
}

static bool read_list(reader *r, const char *key, const cJSON *v, const char *const **out, size_t *count)
{
    if (!cJSON_IsArray(v))
        return fail(r, key, "%s", _("expected an array of texts"));
    size_t n = (size_t)cJSON_GetArraySize(v);
    if (n > CONFIG_LIST_MAX)
        return fail(r, key, _("more than %d entries"), CONFIG_LIST_MAX);
    const char **list = pb_arena_alloc(r->c->arena, (n + 1) * sizeof *list);
    if (!list)
        return oom(r);
    size_t k = 0;
    for (const cJSON *item = v->child; item; item = item->next, k++) {
        char sub[64];
        snprintf(sub, sizeof sub, "%s[%zu]", key, k);
        if (!cJSON_IsString(item) || strlen(item->valuestring) > CONFIG_TEXT_MAX)
            return fail(r, sub, "%s", _("expected a non-empty text"));
        list[k] = norm_string(r, item->valuestring);
        if (!list[k])
            return oom(r);
        if (!*list[k])
            return fail(r, sub, "%s", _("expected a non-empty text"));
    }
    *out = list;
    *count = k;
    return true;
}

static bool read_vague(reader *r, const cJSON *v)
{
    return read_list(r, "vague-names", v, &r->c->vague_names, &r->c->vague_name_count);
}

static bool read_basis(reader *r, const cJSON *v)
{
    return read_list(r, "basis-vocabulary", v, &r->c->basis_vocabulary, &r->c->basis_vocabulary_count);
}

static bool read_preset(reader *r, const cJSON *v)
{
    char why[256];
    if (!cJSON_IsString(v) || !pb_config_preset(r->c, v->valuestring, why, sizeof why))
        return fail(r, "preset", "%s", _("expected \"default\" or \"strict\""));
    return true;
}

static const struct {
    const char *key;
    bool (*read)(reader *r, const cJSON *v);
} keys[] = {
    {"preset", read_preset},
    {"rules", read_rules},
    {"satisfaction-floor", read_floor},
    {"schedule-minimums", read_schedule},
    {"min-indicators", read_min_indicators},
    {"project-code-pattern", read_pattern},
    {"vague-names", read_vague},
    {"basis-vocabulary", read_basis},
};

static bool read_top(reader *r, const cJSON *root)
{
    if (!cJSON_IsObject(root))
        return fail(r, NULL, "%s", _("the configuration must be a JSON object"));
    bool seen[COUNT(keys)] = {false};
    for (const cJSON *item = root->child; item; item = item->next) {
        size_t k = 0;
        while (k < COUNT(keys) && strcmp(keys[k].key, item->string ? item->string : "") != 0)
            k++;
        if (k == COUNT(keys))
            return fail(r, item->string, "%s",
                        _("unknown key (known: preset, rules, satisfaction-floor, schedule-minimums, "
                          "min-indicators, project-code-pattern, vague-names, basis-vocabulary)"));
        if (seen[k])
            return fail(r, item->string, "%s", _("the key is given twice"));
        seen[k] = true;
        if (!keys[k].read(r, item))
            return false;
    }
    return true;
}

/* Copies the strings c refers to into arena a, so that c no longer needs
 * the arena it had. */
static bool adopt_lists(pb_config *c, pb_arena *a)
{
    const char **names = pb_arena_alloc(a, (c->vague_name_count + 1) * sizeof *names);
    const char **basis = pb_arena_alloc(a, (c->basis_vocabulary_count + 1) * sizeof *basis);
    pb_checkpoint_minimum *mins = pb_arena_alloc(a, (c->schedule_minimum_count + 1) * sizeof *mins);
    const char *pattern = c->code_pattern ? pb_arena_strdup(a, c->code_pattern) : NULL;
    if (!names || !basis || !mins || (c->code_pattern && !pattern))
        return false;
    for (size_t i = 0; i < c->vague_name_count; i++)
        if (!(names[i] = pb_arena_strdup(a, c->vague_names[i])))
            return false;
    for (size_t i = 0; i < c->basis_vocabulary_count; i++)
        if (!(basis[i] = pb_arena_strdup(a, c->basis_vocabulary[i])))
            return false;
    for (size_t i = 0; i < c->schedule_minimum_count; i++) {
        mins[i] = c->schedule_minimums[i];
        if (!(mins[i].label = pb_arena_strdup(a, c->schedule_minimums[i].label)))
            return false;
    }
    c->vague_names = names;
    c->basis_vocabulary = basis;
    c->schedule_minimums = mins;
    c->code_pattern = pattern;
    c->arena = a;
    return true;
}

static void where_in_text(const char *json, size_t len, const char *at, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = json; p < at && p < json + len; p++) {
        if (*p == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

bool pb_config_parse(pb_config *c, const char *json, size_t len, const char *source, char *err, size_t errlen)
{
    reader r = {NULL, source ? source : "configuration", err, errlen};
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, false);
    if (!root) {
        int line, col;
        where_in_text(json, len, end ? end : json, &line, &col);
        return fail(&r, NULL, _("line %d, column %d: not valid JSON"), line, col);
    }
    /* Text after the object would be silently ignored: a second object
     * pasted in, or garbage after a NUL. */
    const char *rest = end;
    while (rest < json + len && (*rest == ' ' || *rest == '\t' || *rest == '\n' || *rest == '\r'))
        rest++;
    if (rest < json + len) {
        int line, col;
        where_in_text(json, len, rest, &line, &col);
        cJSON_Delete(root);
        return fail(&r, NULL, _("line %d, column %d: text after the configuration's JSON object"), line, col);
    }
    pb_config t = *c;
    pb_arena *a = pb_arena_new();
    if (!a || !adopt_lists(&t, a)) {
        pb_arena_free(a);
        cJSON_Delete(root);
        return oom(&r);
    }
    r.c = &t;
    bool ok = read_top(&r, root);
    cJSON_Delete(root);
    if (!ok) {
        pb_arena_free(a);
        return false;
    }
    pb_arena_free(c->arena);
    *c = t;
    return true;
}

bool pb_config_load(pb_config *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, _("%s: cannot read the configuration: %s"), path, strerror(errno));
        return false;
    }
    char *buf = malloc(CONFIG_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: %s", path, _("out of memory"));
        return false;
    }
    size_t n = fread(buf, 1, CONFIG_MAX_BYTES + 1, f);
    bool read_error = ferror(f);
    fclose(f);
    bool ok = false;
    if (read_error)
        snprintf(err, errlen, _("%s: cannot read the configuration: %s"), path, strerror(errno));
    else if (n > CONFIG_MAX_BYTES)
        snprintf(err, errlen, _("%s: the configuration is larger than %u bytes"), path, CONFIG_MAX_BYTES);
    else
        ok = pb_config_parse(c, buf, n, path, err, errlen);
    free(buf);
    return ok;
}

char *pb_config_find(const char *dir)
{
    char *path = realpath(dir && *dir ? dir : ".", NULL);
    if (!path)
        return NULL;
    size_t len = strlen(path);
    static const char name[] = "/.pbcheck.json";
    char *found = malloc(len + sizeof name);
    while (found) {
        /* path[0, len) is a folder: "/" is the empty prefix. */
        if (len == 1 && path[0] == '/')
            len = 0;
        memcpy(found, path, len);
        memcpy(found + len, name, sizeof name);
        struct stat st;
        if (stat(found, &st) == 0 && S_ISREG(st.st_mode))
            break;
        if (len == 0) {
            free(found);
            found = NULL;
            break;
        }
        while (len > 0 && path[len - 1] != '/')
            len--;
        if (len > 1)
            len--; /* drop the slash, except the root's own */
    }
    free(path);
    return found;
}

/* ---- printing */

static cJSON *decimal_json(pb_decimal d)
{
    char buf[PB_DECIMAL_BUFSIZE];
    return cJSON_CreateRaw(pb_decimal_format(d, buf));
}

static cJSON *rules_json(const pb_config *c)
{
    cJSON *o = cJSON_CreateObject();
    size_t n;
    const pb_rule *rules = pb_rules(&n);
    for (size_t i = 0; o && i < n; i++)
        if (!cJSON_AddStringToObject(o, rules[i].slug, pb_severity_name(pb_config_severity(c, &rules[i])))) {
            cJSON_Delete(o);
            return NULL;
        }
    return o;
}

static cJSON *schedule_json(const pb_config *c)
{
    if (c->schedule_mode == PB_SCHEDULE_PRACTICE)
        return cJSON_CreateString("practice");
    if (c->schedule_mode == PB_SCHEDULE_STRAIGHT_LINE)
        return cJSON_CreateString("straight-line");
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < c->schedule_minimum_count; i++) {
        cJSON *v = decimal_json(c->schedule_minimums[i].percent);
        if (!v || !cJSON_AddItemToObject(o, c->schedule_minimums[i].label, v)) {
            cJSON_Delete(v);
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

static cJSON *list_json(const char *const *items, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++) {
        cJSON *s = cJSON_CreateString(items[i]);
        if (!s || !cJSON_AddItemToArray(a, s)) {
            cJSON_Delete(s);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

char *pb_config_json(const pb_config *c)
{
    pb_config dflt;
    if (!c) {
        pb_config_default(&dflt);
        c = &dflt;
    }
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *items[] = {
        cJSON_CreateString(c->strict ? "strict" : "default"),
        rules_json(c),
        decimal_json(c->satisfaction_floor),
        schedule_json(c),
        cJSON_CreateNumber(c->min_indicators),
        c->code_pattern ? cJSON_CreateString(c->code_pattern) : cJSON_CreateNull(),
        list_json(c->vague_names, c->vague_name_count),
        list_json(c->basis_vocabulary, c->basis_vocabulary_count),
    };
    _Static_assert(COUNT(items) == COUNT(keys), "one printed item per key");
    bool ok = true;
    for (size_t i = 0; i < COUNT(items); i++) {
        if (ok && items[i] && cJSON_AddItemToObject(o, keys[i].key, items[i]))
            continue;
        ok = false;
        cJSON_Delete(items[i]);
    }
    char *s = ok ? cJSON_Print(o) : NULL;
    cJSON_Delete(o);
    return s;
}
