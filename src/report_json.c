/* The JSON reporter: one object per file, from the model only. */
#include "internal.h"
#include "report_util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Exact decimals go in as raw JSON numbers, never through a double. */
static cJSON *dec(pb_decimal v)
{
    char buf[PB_DECIMAL_BUFSIZE];
    return cJSON_CreateRaw(pb_decimal_format(v, buf));
}

static cJSON *str_or_null(const char *s) { return s ? cJSON_CreateString(s) : cJSON_CreateNull(); }

static cJSON *loc(pb_loc l)
{
    if (l.table < 0)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "table", l.table);
    cJSON_AddNumberToObject(o, "row", l.row);
    cJSON_AddNumberToObject(o, "column", l.col);
    return o;
}

static cJSON *amount(const pb_amount *m)
{
    return m->present && m->valid ? dec(m->value) : cJSON_CreateNull();
}

static cJSON *value(const pb_value *v)
{
    static const char *const kinds[] = {"empty", "number", "qualitative", "unparsed"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "raw", str_or_null(v->raw));
    cJSON_AddStringToObject(o, "kind", kinds[v->kind]);
    cJSON_AddItemToObject(o, "op", str_or_null(pb_op_ascii(v->op)));
    cJSON_AddItemToObject(o, "number", v->kind == PB_VALUE_NUMBER ? dec(v->number) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "unit", v->kind == PB_VALUE_NUMBER && v->unit[0] ? cJSON_CreateString(v->unit)
                                                                              : cJSON_CreateNull());
    return o;
}

static cJSON *indicator(const pb_indicator *ind)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "level1", str_or_null(ind->level1.text));
    cJSON_AddItemToObject(o, "level2", str_or_null(ind->level2.text));
    cJSON_AddItemToObject(o, "level3", str_or_null(ind->level3.text));
    cJSON_AddItemToObject(o, "description", str_or_null(ind->description.text));
    cJSON_AddItemToObject(o, "value", value(&ind->value));
    cJSON_AddItemToObject(o, "basis", str_or_null(ind->basis.text));
    cJSON_AddItemToObject(o, "location", loc(ind->loc));
    return o;
}

static cJSON *schedule(const pb_schedule *s)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; i < s->count; i++) {
        const pb_checkpoint *cp = &s->items[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "label", cp->label);
        cJSON_AddItemToObject(o, "percent", cp->present ? dec(cp->percent) : cJSON_CreateNull());
        cJSON_AddStringToObject(o, "raw", cp->raw);
        cJSON_AddItemToObject(o, "location", loc(cp->loc));
        cJSON_AddItemToArray(a, o);
    }
    return a;
}

static cJSON *project(const pb_project *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "number", p->number);
    cJSON_AddItemToObject(o, "title", str_or_null(p->title));
    cJSON_AddItemToObject(o, "code", str_or_null(p->code.text));
    cJSON_AddItemToObject(o, "name", str_or_null(p->name.text));
    cJSON_AddItemToObject(o, "unit", str_or_null(pb_money_unit_name(p->unit)));
    cJSON *b = cJSON_AddObjectToObject(o, "budget");
    cJSON_AddItemToObject(b, "total", amount(&p->total));
    cJSON_AddItemToObject(b, "fiscal", amount(&p->fiscal));
    cJSON_AddItemToObject(b, "other", amount(&p->other));
    cJSON_AddItemToObject(o, "purpose", str_or_null(p->purpose.text));
    cJSON_AddItemToObject(o, "schedule", schedule(&p->schedule));
    cJSON *g = cJSON_AddArrayToObject(o, "goals");
    for (size_t i = 0; i < p->goal_count; i++)
        cJSON_AddItemToArray(g, cJSON_CreateString(p->goals[i]));
    cJSON *inds = cJSON_AddArrayToObject(o, "indicators");
    for (size_t i = 0; i < p->indicator_count; i++)
        cJSON_AddItemToArray(inds, indicator(&p->indicators[i]));
    cJSON_AddItemToObject(o, "location", loc(p->loc));
    return o;
}

static cJSON *finding(const pb_finding *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "rule", f->rule->id);
    cJSON_AddStringToObject(o, "name", f->rule->slug);
    cJSON_AddStringToObject(o, "severity", pb_severity_name(f->severity));
    cJSON_AddStringToObject(o, "message", f->message);
    cJSON_AddItemToObject(o, "project", str_or_null(f->project ? f->project->code.text : NULL));
    if (f->project)
        cJSON_AddNumberToObject(o, "project_number", f->project->number);
    else
        cJSON_AddNullToObject(o, "project_number");
    cJSON_AddItemToObject(o, "location", loc(f->loc));
    return o;
}

/* Writes one item and frees it; false when out of memory. */
static bool put(FILE *out, cJSON *item, bool comma)
{
    if (comma)
        fputc(',', out);
    return pb_json_put(out, item);
}

/* The file object is written piece by piece, one project or finding at a
 * time, so a report of a thousand projects never becomes one big tree. */
bool pb_report_json_write(FILE *out, const pb_document *d)
{
    cJSON *head = cJSON_CreateObject();
    if (!head || !pb_json_add_str(head, "path", d->path))
        return cJSON_Delete(head), false;
    char *h = cJSON_PrintUnformatted(head);
    cJSON_Delete(head);
    if (!h)
        return false;
    /* Reopen the object: everything but its closing brace. */
    h[strlen(h) - 1] = '\0';
    fputs(h, out);
    free(h);
    bool ok = d->error.status == PB_OK;
    fprintf(out, ",\"status\":\"%s\",\"error\":", ok ? "ok" : "error");
    if (ok)
        fputs("null", out);
    else {
        cJSON *e = cJSON_CreateObject();
        if (!e)
            return false;
        cJSON_AddStringToObject(e, "code", pb_status_code(d->error.status));
        pb_json_add_str(e, "message", d->error.message);
        if (!pb_json_put(out, e))
            return false;
    }
    fputs(",\"projects\":[", out);
    for (size_t i = 0; i < d->project_count; i++)
        if (!put(out, project(d->projects[i]), i > 0))
            return false;
    fputs("],\"findings\":[", out);
    for (size_t i = 0; i < d->finding_count; i++)
        if (!put(out, finding(&d->findings[i]), i > 0))
            return false;
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
