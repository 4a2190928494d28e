/* What every batch reporter shares: finding subjects and fingerprints, the
 * UTF-8/XML/JSON helpers, the table of formats, and the text, json and
 * jsonl formats written through that table. */
#include "report/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 */

int pbi_utf8_valid(const char *str, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0], min;
    int n;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) n = 2, c &= 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 3, c &= 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, c &= 0x07, min = 0x10000;
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

char *pbi_utf8_clean(const char *s)
{
    if (!s)
        s = "";
    /* Each invalid byte becomes three: the worst case is 3x. */
    size_t len = strlen(s);
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_valid(s, &cp);
        if (n == 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            s++;
        } else {
            memcpy(o, s, (size_t)n);
            o += n;
            s += n;
        }
    }
    *o = '\0';
    return out;
}

bool pbi_json_add_str(cJSON *o, const char *key, const char *s)
{
    if (!s)
        return cJSON_AddNullToObject(o, key) != NULL;
    char *clean = pbi_utf8_clean(s);
    if (!clean)
        return false;
    bool ok = cJSON_AddStringToObject(o, key, clean) != NULL;
    free(clean);
    return ok;
}

bool pbi_json_put(FILE *out, cJSON *item)
{
    if (!item)
        return false;
    char *s = cJSON_PrintUnformatted(item);
    cJSON_Delete(item);
    if (!s)
        return false;
    fputs(s, out);
    free(s);
    return true;
}

static bool xml_allowed(unsigned cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void pbi_xml_put(FILE *out, const char *s, bool attr)
{
    if (!s)
        return;
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_valid(s, &cp);
        if (n == 0 || !xml_allowed(cp)) {
            fputs("\xEF\xBF\xBD", out);
            s += n ? n : 1;
            continue;
        }
        switch (cp) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs(attr ? "&quot;" : "\"", out); break;
        case '\r': fputs("&#13;", out); break;
        case '\n': fputs(attr ? "&#10;" : "\n", out); break;
        case '\t': fputs(attr ? "&#9;" : "\t", out); break;
        default: fwrite(s, 1, (size_t)n, out);
        }
        s += n;
    }
}

bool pbi_csv_text(FILE *out, const char *s)
{
    char *clean = pbi_utf8_clean(s);
    if (!clean)
        return false;
    fputc('"', out);
    if (*clean && strchr("=+-@\t\r", *clean))
        fputc('\'', out);
    for (const char *c = clean; *c; c++) {
        if (*c == '"')
            fputc('"', out);
        fputc(*c, out);
    }
    fputc('"', out);
    free(clean);
    return true;
}

/* ---- locations and labels */

void pbi_loc_path(pb_loc l, char *buf, size_t cap)
{
    if (l.table < 0)
        snprintf(buf, cap, "%s", "");
    else
        snprintf(buf, cap, "table %d/row %d/column %d", l.table + 1, l.row + 1, l.col + 1);
}

const char *pbi_project_key(const pb_project *p)
{
    if (!p)
        return "";
    if (p->code.text && !pbi_is_blank(p->code.text))
        return p->code.text;
    if (p->name.text && !pbi_is_blank(p->name.text))
        return p->name.text;
    return "";
}

const char *pbi_sarif_level(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return "error";
    case PB_SEV_WARNING: return "warning";
    default: return "note";
    }
}

void pbi_finding_where(const pb_finding *f, char *buf, size_t cap)
{
    const char *key = pbi_project_key(f->project);
    char proj[600] = "";
    if (f->project)
        snprintf(proj, sizeof proj, "project %s", *key ? key : "(no code)");
    if (f->loc.table < 0)
        snprintf(buf, cap, "%s", proj);
    else
        snprintf(buf, cap, "%s%stable %d, row %d, column %d", proj, *proj ? ", " : "", f->loc.table + 1,
                 f->loc.row + 1, f->loc.col + 1);
}

static bool same_loc(pb_loc a, pb_loc b) { return a.table == b.table && a.row == b.row && a.col == b.col; }

static const char *or_empty(const char *s) { return s ? s : ""; }

const char *pb_finding_subject(const pb_finding *f, char *buf, size_t cap)
{
    const pb_project *p = f->project;
    snprintf(buf, cap, "%s", "");
    if (!p || f->loc.table < 0)
        return buf;
    for (size_t i = 0; i < p->schedule.count; i++)
        if (same_loc(p->schedule.items[i].loc, f->loc)) {
            snprintf(buf, cap, "资金支出计划/%s", or_empty(p->schedule.items[i].label));
            return buf;
        }
    for (size_t i = 0; i < p->indicator_count; i++) {
        const pb_indicator *ind = &p->indicators[i];
        if (same_loc(ind->value_cell.loc, f->loc) ||
            (ind->loc.table == f->loc.table && ind->loc.row == f->loc.row)) {
            snprintf(buf, cap, "%s/%s/%s", or_empty(ind->level1.text), or_empty(ind->level2.text),
                     or_empty(ind->level3.text));
            return buf;
        }
    }
    const pb_amount *amounts[3] = {&p->total, &p->fiscal, &p->other};
    static const char *const names[3] = {"预算数", "财政资金", "其他资金"};
    for (int i = 0; i < 3; i++)
        if (same_loc(amounts[i]->loc, f->loc)) {
            snprintf(buf, cap, "%s", names[i]);
            return buf;
        }
    return buf;
}

/* ---- fingerprints: two FNV-1a 64 hashes with different bases */

typedef struct fp_state {
    uint64_t h[2];
    size_t index;
} fp_state;

static void fp_bytes(fp_state *st, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            st->h[k] ^= (unsigned char)s[i];
            st->h[k] *= 0x100000001b3ULL;
        }
}

static void fp_field(fp_state *st, const char *s)
{
    fp_bytes(st, s, strlen(s));
    fp_bytes(st, "\x1f", 1);
}

/* The path as given, without leading "./" and with "//" as "/", so that
 * `pbcheck dir` and `pbcheck ./dir/` key their files alike. */
static void fp_path(fp_state *st, const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        for (path += 2; *path == '/'; path++)
            ;
    char prev = 0;
    for (; *path; prev = *path++)
        if (!(*path == '/' && prev == '/'))
            fp_bytes(st, path, 1);
    fp_bytes(st, "\x1f", 1);
}

static int cmp_state(const void *x, const void *y)
{
    const fp_state *a = x, *b = y;
    for (int k = 0; k < 2; k++)
        if (a->h[k] != b->h[k])
            return a->h[k] < b->h[k] ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void fp_hex(const fp_state *st, pb_fingerprint *out)
{
    snprintf(out->hex, PB_FINGERPRINT_SIZE, "%016llx%016llx", (unsigned long long)st->h[0],
             (unsigned long long)st->h[1]);
}

void pbi_fingerprint_fields(const char *const *fields, size_t n, pb_fingerprint *out)
{
    fp_state st = {{0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}, 0};
    fp_field(&st, "pbcheck-fingerprint-1");
    for (size_t i = 0; i < n; i++)
        fp_field(&st, fields[i] ? fields[i] : "");
    fp_hex(&st, out);
}

pb_fingerprint *pb_fingerprints(const pb_document *d)
{
    size_t n = d->finding_count;
    pb_fingerprint *out = calloc(n ? n : 1, sizeof *out);
    fp_state *st = malloc((n ? n : 1) * sizeof *st);
    if (!out || !st) {
        free(out);
        free(st);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const pb_finding *f = &d->findings[i];
        char subject[1024];
        st[i] = (fp_state){{0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL}, i};
        fp_field(&st[i], "pbcheck-fingerprint-1");
        fp_path(&st[i], d->path ? d->path : "");
        fp_field(&st[i], pbi_project_key(f->project));
        fp_field(&st[i], f->rule ? f->rule->id : "");
        fp_field(&st[i], pb_finding_subject(f, subject, sizeof subject));
    }
    /* Findings with the same key are told apart by their order among
     * themselves, which an inserted row does not change. */
    qsort(st, n, sizeof *st, cmp_state);
    size_t occurrence = 0;
    for (size_t i = 0; i < n; i++) {
        occurrence = i > 0 && st[i].h[0] == st[i - 1].h[0] && st[i].h[1] == st[i - 1].h[1] ? occurrence + 1 : 0;
        char num[32];
        int len = snprintf(num, sizeof num, "%zu", occurrence);
        fp_state fin = st[i];
        fp_bytes(&fin, num, (size_t)len);
        fp_hex(&fin, &out[st[i].index]);
    }
    free(st);
    return out;
}

/* ---- text, json and jsonl through the reporter table */

static bool text_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    (void)tail;
    pb_text_style style = {f->color};
    pb_report_text_file(out, f->doc, &style);
    return true;
}

static bool text_end(FILE *out, const pb_run_totals *t)
{
    fprintf(out, _("%zu file(s), %zu unreadable, %zu project(s): %zu error(s), %zu warning(s), %zu info\n"), t->files,
            t->unreadable, t->projects, t->findings[PB_SEV_ERROR], t->findings[PB_SEV_WARNING],
            t->findings[PB_SEV_INFO]);
    if (t->baselined)
        fprintf(out, _("%zu finding(s) left out: already in the baseline\n"), t->baselined);
    return true;
}

static bool json_begin(FILE *out)
{
    fprintf(out, "{\"schema_version\":%d,\"tool\":{\"name\":\"pbcheck\",\"version\":\"%s\"},\"files\":[",
            PB_JSON_SCHEMA_VERSION, PB_VERSION);
    return true;
}

static bool json_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    (void)tail;
    return pb_report_json_write(out, f->doc);
}

static bool jsonl_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    if (!json_file(out, tail, f))
        return false;
    fputc('\n', out);
    return true;
}

static bool json_end(FILE *out, const pb_run_totals *t)
{
    fprintf(out,
            "],\"summary\":{\"files\":%zu,\"unreadable\":%zu,\"projects\":%zu,"
            "\"findings\":{\"error\":%zu,\"warning\":%zu,\"info\":%zu},\"exit_status\":%d}}\n",
            t->files, t->unreadable, t->projects, t->findings[PB_SEV_ERROR], t->findings[PB_SEV_WARNING],
            t->findings[PB_SEV_INFO], t->exit_status);
    return true;
}

static const pb_reporter reporter_text = {"text", "", "", NULL, text_file, NULL, text_end, false};
static const pb_reporter reporter_json = {"json", ",", "", json_begin, json_file, NULL, json_end, false};
static const pb_reporter reporter_jsonl = {"jsonl", "", "", NULL, jsonl_file, NULL, NULL, false};

static const pb_reporter *const reporters[] = {
    &reporter_text,       &reporter_json,       &reporter_jsonl,     &pb_reporter_sarif,
    &pb_reporter_junit,   &pb_reporter_github,  &pb_reporter_gitlab, &pb_reporter_csv,
    &pb_reporter_html,
};

const pb_reporter *pb_reporter_find(const char *name)
{
    for (size_t i = 0; i < sizeof reporters / sizeof *reporters; i++)
        if (strcmp(reporters[i]->name, name) == 0)
            return reporters[i];
    return NULL;
}

const char *pb_reporter_names(void) { return "text, json, jsonl, sarif, junit, github, gitlab, csv, html"; }
