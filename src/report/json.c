/* The JSON reporter: one object per file, from the model only.
 *
 * It writes the text directly rather than building a cJSON tree: on a
 * report of a thousand projects the tree's allocations, frees and number
 * printing cost more than extracting the tables (see bench/README.md).  The
 * escaping is the same as cJSON's, so both write the same bytes. */
#include "report/report.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* The writer's own buffer: the JSON of a large report is millions of short
 * pieces, and a stdio call per piece (each taking the stream's lock) cost
 * more than building them. */
typedef struct jw {
    FILE *out;
    bool out_failed; /* a spool could not be read back */
    size_t n;
    char buf[16384];
} jw;

static void flush(jw *w)
{
    if (w->n)
        fwrite(w->buf, 1, w->n, w->out);
    w->n = 0;
}

static void put(jw *w, const char *s, size_t n)
{
    if (n > sizeof w->buf - w->n) {
        flush(w);
        if (n > sizeof w->buf) {
            fwrite(s, 1, n, w->out);
            return;
        }
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

static void putch(jw *w, char c)
{
    if (w->n == sizeof w->buf)
        flush(w);
    w->buf[w->n++] = c;
}

/* A string literal, its length known when compiled. */
#define PUT(w, lit) put((w), "" lit, sizeof(lit) - 1)

/* Length of the run at s that is written as it is: printable ASCII other
 * than '"' and '\\', and well-formed UTF-8. */
static size_t plain_run(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        unsigned char c = *p;
        if (c >= 0x80) {
            unsigned cp;
            int n = pbi_utf8_valid((const char *)p, &cp);
            if (n == 0)
                break;
            p += n;
        } else if (c >= 0x20 && c != '"' && c != '\\')
            p++;
        else
            break;
    }
    return (size_t)(p - (const unsigned char *)s);
}

static void str(jw *w, const char *s)
{
    if (!s) {
        PUT(w, "null");
        return;
    }
    putch(w, '"');
    for (;;) {
        size_t n = plain_run(s);
        put(w, s, n);
        s += n;
        unsigned char c = (unsigned char)*s;
        if (!c)
            break;
        switch (c) {
        case '"': PUT(w, "\\\""); break;
        case '\\': PUT(w, "\\\\"); break;
        case '\b': PUT(w, "\\b"); break;
        case '\f': PUT(w, "\\f"); break;
        case '\n': PUT(w, "\\n"); break;
        case '\r': PUT(w, "\\r"); break;
        case '\t': PUT(w, "\\t"); break;
        default:
            if (c < 0x20) {
                char u[8];
                snprintf(u, sizeof u, "\\u%04x", c);
                put(w, u, 6);
            } else
                PUT(w, "\xEF\xBF\xBD"); /* invalid UTF-8 becomes U+FFFD */
        }
        s++;
    }
    putch(w, '"');
}

/* "key": — keys are ASCII constants. */
static void key(jw *w, const char *k, bool first)
{
    if (first)
        putch(w, '"');
    else
        PUT(w, ",\"");
    put(w, k, strlen(k));
    PUT(w, "\":");
}

/* A decimal int without printf's format parsing (this runs per cell). */
static void int_put(jw *w, int v)
{
    char buf[16], *p = buf + sizeof buf;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    put(w, p, (size_t)(buf + sizeof buf - p));
}

static void key_str(jw *w, const char *k, const char *v, bool first)
{
    key(w, k, first);
    str(w, v);
}

/* Exact decimals are written as the decimal they are, never via a double. */
static void dec(jw *w, pb_decimal v)
{
    char buf[PB_DECIMAL_BUFSIZE];
    const char *s = pb_decimal_format(v, buf);
    put(w, s, strlen(s));
}

static void loc(jw *w, pb_loc l)
{
    if (l.table < 0 && l.paragraph >= 0) {
        PUT(w, "{\"paragraph\":");
        int_put(w, l.paragraph);
        putch(w, '}');
        return;
    }
    if (l.table < 0) {
        PUT(w, "null");
        return;
    }
    PUT(w, "{\"table\":");
    int_put(w, l.table);
    PUT(w, ",\"row\":");
    int_put(w, l.row);
    PUT(w, ",\"column\":");
    int_put(w, l.col);
    putch(w, '}');
}

static void amount(jw *w, const char *k, const pb_amount *m, bool first)
{
    key(w, k, first);
    if (m->present && m->valid)
        dec(w, m->value);
    else
        PUT(w, "null");
}

static void value(jw *w, const pb_value *v)
{
    static const char *const kinds[] = {"empty", "number", "qualitative", "unparsed"};
    bool number = v->kind == PB_VALUE_NUMBER;
    key_str(w, "raw", v->raw, true);
    key_str(w, "kind", kinds[v->kind], false);
    key_str(w, "op", pb_op_ascii(v->op), false);
    key(w, "number", false);
    if (number)
        dec(w, v->number);
    else
        PUT(w, "null");
    key_str(w, "unit", number && v->unit[0] ? v->unit : NULL, false);
}

/* The opening of an array's item i: "{" or ",{". */
static void item(jw *w, size_t i)
{
    if (i)
        putch(w, ',');
    putch(w, '{');
}

static void indicator(jw *w, const pb_indicator *ind)
{
    key_str(w, "level1", ind->level1.text, true);
    key_str(w, "level2", ind->level2.text, false);
    key_str(w, "level3", ind->level3.text, false);
    char cat[PBI_CATEGORY_MAX];
    key_str(w, "category", pbi_indicator_category(ind, cat, sizeof cat), false);
    key_str(w, "description", ind->description.text, false);
    PUT(w, ",\"value\":{");
    value(w, &ind->value);
    putch(w, '}');
    key_str(w, "basis", ind->basis.text, false);
    key_str(w, "term", ind->term == PB_TERM_LONG ? "long" : "annual", false);
    key_str(w, "direction", ind->direction.text, false);
    if (ind->grades[0].text) {
        static const char *const names[4] = {"优", "良", "中", "差"};
        PUT(w, ",\"grades\":{");
        for (int g = 0; g < 4; g++)
            key_str(w, names[g], ind->grades[g].text, g == 0);
        putch(w, '}');
    }
    key(w, "location", false);
    loc(w, ind->loc);
}

static void schedule(jw *w, const pb_schedule *s)
{
    putch(w, '[');
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        item(w, i);
        key_str(w, "label", cp->label, true);
        key(w, "percent", false);
        if (cp->present)
            dec(w, cp->percent);
        else
            PUT(w, "null");
        key_str(w, "raw", cp->raw, false);
        key(w, "location", false);
        loc(w, cp->loc);
        putch(w, '}');
    }
    putch(w, ']');
}

static void project(jw *w, const pb_project *p)
{
    PUT(w, "{\"number\":");
    int_put(w, p->number);
    key_str(w, "title", p->title, false);
    key_str(w, "code", p->code.text, false);
    key_str(w, "name", p->name.text, false);
    key_str(w, "unit", pb_money_unit_name(p->unit), false);
    PUT(w, ",\"budget\":{");
    amount(w, "total", &p->total, true);
    amount(w, "fiscal", &p->fiscal, false);
    amount(w, "other", &p->other, false);
    /* the whole project's amounts beside the year's (issue 14) */
    PUT(w, "},\"long_budget\":{");
    amount(w, "total", &p->long_total, true);
    amount(w, "fiscal", &p->long_fiscal, false);
    amount(w, "other", &p->long_other, false);
    putch(w, '}');
    key_str(w, "template", p->template_family ? p->template_family->id : NULL, false);
    key_str(w, "purpose", p->purpose.text, false);
    key(w, "schedule", false);
    schedule(w, &p->schedule);
    PUT(w, ",\"goals\":[");
    for (size_t i = 0; i < p->goal_count; i++) {
        if (i)
            putch(w, ',');
        str(w, p->goals[i]);
    }
    PUT(w, "],\"long_goals\":[");
    for (size_t i = 0; i < p->long_goal_count; i++) {
        if (i)
            putch(w, ',');
        str(w, p->long_goals[i]);
    }
    PUT(w, "],\"indicators\":[");
    for (size_t i = 0; i < p->indicator_count; i++) {
        item(w, i);
        indicator(w, &p->indicators[i]);
        putch(w, '}');
    }
    putch(w, ']');
    key(w, "location", false);
    loc(w, p->loc);
    putch(w, '}');
}

static void finding(jw *w, const pb_finding *f)
{
    key_str(w, "rule", f->rule->id, true);
    key_str(w, "name", f->rule->slug, false);
    key_str(w, "severity", pb_severity_name(f->severity), false);
    key_str(w, "message", f->message, false);
    /* a 部门整体 table's findings name it by department_number (files[].departments[]) */
    const pb_project *p = f->project && !f->project->whole_department ? f->project : NULL;
    const pb_project *dep = f->project && f->project->whole_department ? f->project : NULL;
    key_str(w, "project", p ? p->code.text : NULL, false);
    PUT(w, ",\"project_number\":");
    if (p)
        int_put(w, p->number);
    else
        PUT(w, "null");
    PUT(w, ",\"department_number\":");
    if (dep)
        int_put(w, dep->number);
    else
        PUT(w, "null");
    key(w, "location", false);
    loc(w, f->loc);
}

/* A name that is no UTF-8 is shown readable in "path"; its bytes, to reopen
 * the file, are in "path_bytes", base64. */
static void path_bytes(jw *w, const char *path)
{
    key(w, "path_bytes", false);
    putch(w, '"');
    for (size_t left = strlen(path), n; left; path += n, left -= n) {
        char b[1025];
        n = left < 768 ? left : 768; /* whole groups of 3 but the last */
        put(w, b, pbi_base64(path, n, b, sizeof b));
    }
    putch(w, '"');
}

/* What pb_reporter.project spooled, copied in place of the list. */
static void spooled(jw *w, FILE *spool)
{
    flush(w);
    char buf[16384];
    size_t n;
    while (spool && (n = fread(buf, 1, sizeof buf, spool)) > 0)
        fwrite(buf, 1, n, w->out);
    if (spool && ferror(spool))
        w->out_failed = true;
}

static void document(jw *w, const pb_document *d, FILE *projects, FILE *departments)
{
    bool ok = d->error.status == PB_OK;
    putch(w, '{');
    const char *shown = pbi_doc_path(d);
    key_str(w, "path", shown, true);
    if (strcmp(shown, d->path ? d->path : "") != 0)
        path_bytes(w, d->path);
    key_str(w, "status", ok ? "ok" : "error", false);
    key(w, "error", false);
    if (ok)
        PUT(w, "null");
    else {
        putch(w, '{');
        key_str(w, "code", pb_status_code(d->error.status), true);
        key_str(w, "message", d->error.message, false);
        putch(w, '}');
    }
    PUT(w, ",\"projects\":[");
    if (d->streamed && ok)
        spooled(w, projects);
    for (size_t i = 0; i < d->project_count && !d->streamed; i++) {
        if (i)
            putch(w, ',');
        project(w, d->projects[i]);
    }
    PUT(w, "],\"departments\":[");
    if (d->streamed && ok)
        spooled(w, departments);
    for (size_t i = 0; i < d->department_count && !d->streamed; i++) {
        if (i)
            putch(w, ',');
        project(w, d->departments[i]);
    }
    PUT(w, "],\"findings\":[");
    for (size_t i = 0; i < d->finding_count; i++) {
        item(w, i);
        finding(w, &d->findings[i]);
        putch(w, '}');
    }
    PUT(w, "]}");
}

static jw *jw_open(FILE *out)
{
    jw *w = malloc(sizeof *w);
    if (w) {
        w->out = out;
        w->out_failed = false;
        w->n = 0;
    }
    return w;
}

static bool write_document(FILE *out, const pb_document *d, FILE *projects, FILE *departments)
{
    jw *w = jw_open(out);
    if (!w)
        return false;
    document(w, d, projects, departments);
    flush(w);
    bool ok = !w->out_failed && !ferror(out);
    free(w);
    return ok;
}

bool pb_report_json_write(FILE *out, const pb_document *d) { return write_document(out, d, NULL, NULL); }

char *pb_report_json_file(const pb_document *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    bool ok = pb_report_json_write(f, d);
    if (fclose(f) != 0 || !ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- the json and jsonl formats of a run */

static bool json_begin(FILE *out)
{
    fprintf(out, "{\"schema_version\":%d,\"tool\":{\"name\":\"pbcheck\",\"version\":\"%s\"},\"files\":[",
            PB_JSON_SCHEMA_VERSION, PB_VERSION);
    return true;
}

static bool json_file(FILE *out, FILE *tail, const pb_report_file *f)
{
    (void)tail;
    return write_document(out, f->doc, f->projects, f->departments);
}

/* A streamed project, whole, to its spool: the items of the list with
 * their separators, as document() writes them. */
static bool json_project(FILE *spool, const pb_document *d, const pb_project *p)
{
    (void)d;
    jw *w = jw_open(spool);
    if (!w)
        return false;
    if (p->number > 1)
        putch(w, ',');
    project(w, p);
    flush(w);
    free(w);
    return !ferror(spool);
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
            "],\"summary\":{\"files\":%zu,\"unreadable\":%zu,\"projects\":%zu,\"departments\":%zu,"
            "\"findings\":{\"error\":%zu,\"warning\":%zu,\"info\":%zu},\"exit_status\":%d}}\n",
            t->files, t->unreadable, t->projects, t->departments, t->findings[PB_SEV_ERROR],
            t->findings[PB_SEV_WARNING], t->findings[PB_SEV_INFO], t->exit_status);
    return true;
}

const pb_reporter pb_reporter_json = {"json", ",", "", json_begin, json_file, NULL, json_end, false, false, NULL, false, false, true, json_project};
const pb_reporter pb_reporter_jsonl = {"jsonl", "", "", NULL, jsonl_file, NULL, NULL, false, false, NULL, false, false, true, json_project};
