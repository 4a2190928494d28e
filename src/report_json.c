/* The JSON reporter: one object per file, from the model only.
 *
 * It writes the text directly rather than building a cJSON tree: on a
 * report of a thousand projects the tree's allocations, frees and number
 * printing cost more than extracting the tables (see bench/README.md).  The
 * escaping is the same as cJSON's, so both write the same bytes. */
#include "internal.h"
#include "report_util.h"

#include <stdlib.h>
#include <string.h>

/* Length of the run at s that is written as it is: printable ASCII other
 * than '"' and '\\', and well-formed UTF-8. */
static size_t plain_run(const char *s)
{
    const char *p = s;
    for (;;) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) {
            unsigned cp;
            int n = pb_utf8_valid(p, &cp);
            if (n == 0)
                break;
            p += n;
        } else if (c >= 0x20 && c != '"' && c != '\\')
            p++;
        else
            break;
    }
    return (size_t)(p - s);
}

static void str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (;;) {
        size_t n = plain_run(s);
        fwrite(s, 1, n, out);
        s += n;
        unsigned char c = (unsigned char)*s;
        if (!c)
            break;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                fputs("\xEF\xBF\xBD", out); /* invalid UTF-8 becomes U+FFFD */
        }
        s++;
    }
    putc('"', out);
}

/* "key": — keys are ASCII constants. */
static void key(FILE *out, const char *k, bool first)
{
    fputs(first ? "\"" : ",\"", out);
    fputs(k, out);
    fputs("\":", out);
}

/* A decimal int without printf's format parsing (this runs per cell). */
static void int_put(FILE *out, int v)
{
    char buf[16], *p = buf + sizeof buf;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    fputs(p, out);
}

static void key_str(FILE *out, const char *k, const char *v, bool first)
{
    key(out, k, first);
    str(out, v);
}

/* Exact decimals are written as the decimal they are, never via a double. */
static void dec(FILE *out, pb_decimal v)
{
    char buf[PB_DECIMAL_BUFSIZE];
    fputs(pb_decimal_format(v, buf), out);
}

static void loc(FILE *out, pb_loc l)
{
    if (l.table < 0)
        fputs("null", out);
    else
    {
        fputs("{\"table\":", out);
        int_put(out, l.table);
        fputs(",\"row\":", out);
        int_put(out, l.row);
        fputs(",\"column\":", out);
        int_put(out, l.col);
        putc('}', out);
    }
}

static void amount(FILE *out, const char *k, const pb_amount *m, bool first)
{
    key(out, k, first);
    if (m->present && m->valid)
        dec(out, m->value);
    else
        fputs("null", out);
}

static void value(FILE *out, const pb_value *v)
{
    static const char *const kinds[] = {"empty", "number", "qualitative", "unparsed"};
    bool number = v->kind == PB_VALUE_NUMBER;
    key_str(out, "raw", v->raw, true);
    key_str(out, "kind", kinds[v->kind], false);
    key_str(out, "op", pb_op_ascii(v->op), false);
    key(out, "number", false);
    if (number)
        dec(out, v->number);
    else
        fputs("null", out);
    key_str(out, "unit", number && v->unit[0] ? v->unit : NULL, false);
}

static void indicator(FILE *out, const pb_indicator *ind)
{
    key_str(out, "level1", ind->level1.text, true);
    key_str(out, "level2", ind->level2.text, false);
    key_str(out, "level3", ind->level3.text, false);
    key_str(out, "description", ind->description.text, false);
    fputs(",\"value\":{", out);
    value(out, &ind->value);
    putc('}', out);
    key_str(out, "basis", ind->basis.text, false);
    key(out, "location", false);
    loc(out, ind->loc);
}

static void schedule(FILE *out, const pb_schedule *s)
{
    putc('[', out);
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        fputs(i ? ",{" : "{", out);
        key_str(out, "label", cp->label, true);
        key(out, "percent", false);
        if (cp->present)
            dec(out, cp->percent);
        else
            fputs("null", out);
        key_str(out, "raw", cp->raw, false);
        key(out, "location", false);
        loc(out, cp->loc);
        putc('}', out);
    }
    putc(']', out);
}

static void project(FILE *out, const pb_project *p)
{
    fputs("{\"number\":", out);
    int_put(out, p->number);
    key_str(out, "title", p->title, false);
    key_str(out, "code", p->code.text, false);
    key_str(out, "name", p->name.text, false);
    key_str(out, "unit", pb_money_unit_name(p->unit), false);
    fputs(",\"budget\":{", out);
    amount(out, "total", &p->total, true);
    amount(out, "fiscal", &p->fiscal, false);
    amount(out, "other", &p->other, false);
    putc('}', out);
    key_str(out, "purpose", p->purpose.text, false);
    key(out, "schedule", false);
    schedule(out, &p->schedule);
    fputs(",\"goals\":[", out);
    for (size_t i = 0; i < p->goal_count; i++) {
        if (i)
            putc(',', out);
        str(out, p->goals[i]);
    }
    fputs("],\"indicators\":[", out);
    for (size_t i = 0; i < p->indicator_count; i++) {
        fputs(i ? ",{" : "{", out);
        indicator(out, &p->indicators[i]);
        putc('}', out);
    }
    putc(']', out);
    key(out, "location", false);
    loc(out, p->loc);
    putc('}', out);
}

static void finding(FILE *out, const pb_finding *f)
{
    key_str(out, "rule", f->rule->id, true);
    key_str(out, "name", f->rule->slug, false);
    key_str(out, "severity", pb_severity_name(f->severity), false);
    key_str(out, "message", f->message, false);
    key_str(out, "project", f->project ? f->project->code.text : NULL, false);
    if (f->project)
    {
        fputs(",\"project_number\":", out);
        int_put(out, f->project->number);
    }
    else
        fputs(",\"project_number\":null", out);
    key(out, "location", false);
    loc(out, f->loc);
}

bool pb_report_json_write(FILE *out, const pb_document *d)
{
    bool ok = d->error.status == PB_OK;
    putc('{', out);
    key_str(out, "path", d->path, true);
    key_str(out, "status", ok ? "ok" : "error", false);
    key(out, "error", false);
    if (ok)
        fputs("null", out);
    else {
        putc('{', out);
        key_str(out, "code", pb_status_code(d->error.status), true);
        key_str(out, "message", d->error.message, false);
        putc('}', out);
    }
    fputs(",\"projects\":[", out);
    for (size_t i = 0; i < d->project_count; i++) {
        if (i)
            putc(',', out);
        project(out, d->projects[i]);
    }
    fputs("],\"findings\":[", out);
    for (size_t i = 0; i < d->finding_count; i++) {
        fputs(i ? ",{" : "{", out);
        finding(out, &d->findings[i]);
        putc('}', out);
    }
    fputs("]}", out);
    return !ferror(out);
}

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
