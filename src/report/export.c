/* `pbcheck export`: one row per project across a batch, for budget offices
 * that sum and sort a year's filings in a spreadsheet.  CSV (UTF-8 with a
 * BOM, Chinese headers) or a JSON array.  A 部门整体 table gets a row too,
 * after the file's projects, with the same columns and 表类 部门整体 (JSON
 * "kind": "department").  A file that cannot be read, or that has neither,
 * still gets one row, so no filing drops out of the sheet unnoticed. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

/* Checkpoints with a column of their own; any other label goes to the
 * 其他支出计划 column as "label:percent" pairs. */
static const char *const checkpoint_columns[] = {"3月底", "6月底", "7月底", "9月底", "10月底", "11月底", "12月底"};
#define CHECKPOINT_COLUMNS (sizeof checkpoint_columns / sizeof *checkpoint_columns)

static int checkpoint_column(const char *label)
{
    char norm[64];
    if (!label || !pbi_normalize_buf(label, true, norm, sizeof norm))
        return -1;
    for (size_t i = 0; i < CHECKPOINT_COLUMNS; i++)
        if (strcmp(norm, checkpoint_columns[i]) == 0)
            return (int)i;
    return -1;
}

typedef struct counts {
    size_t by_sev[PB_SEVERITY_COUNT];
} counts;

static counts count_findings(const pb_document *d, const pb_project *p)
{
    counts c = {{0}};
    for (size_t i = 0; i < d->finding_count; i++)
        if (d->findings[i].project == p)
            c.by_sev[d->findings[i].severity]++;
    return c;
}

/* ---- CSV */

static bool csv_begin(FILE *out)
{
    /* 金额单位, not 单位: a Chinese reader takes 单位 for the agency; 表样:
     * the template family, as offices name it */
    fputs(PB_CSV_BOM "文件,状态,表类,序号,项目编码,项目名称,预算单位,金额单位,表样,预算数,财政资金,其他资金", out);
    for (size_t i = 0; i < CHECKPOINT_COLUMNS; i++)
        fprintf(out, ",%s", checkpoint_columns[i]);
    fputs(",其他支出计划,指标数,错误,警告,提示,规则" PB_CSV_EOL, out);
    return true;
}

static bool csv_amount(FILE *out, const pb_amount *m)
{
    char buf[PB_DECIMAL_BUFSIZE];
    fputc(',', out);
    if (m->present && m->valid)
        fputs(pb_decimal_format(m->value, buf), out);
    else if (m->present)
        return pbi_csv_text(out, m->raw);
    return true;
}

static const char *checkpoint_text(const pb_checkpoint *cp, char *buf)
{
    if (cp->present && cp->valid)
        return pb_decimal_format(cp->percent, buf);
    return cp->present || !cp->valid ? (cp->raw ? cp->raw : "") : "";
}

static bool csv_schedule(FILE *out, const pb_schedule *s)
{
    const pb_checkpoint *cols[CHECKPOINT_COLUMNS] = {NULL};
    pb_buf other = {0};
    char buf[PB_DECIMAL_BUFSIZE];
    bool ok = true;
    for (size_t i = 0; i < s->count && ok; i++) {
        int c = checkpoint_column(s->items[i].label);
        if (c >= 0 && !cols[c]) {
            cols[c] = &s->items[i];
            continue;
        }
        const char *label = s->items[i].label ? s->items[i].label : "", *text = checkpoint_text(&s->items[i], buf);
        ok = (other.len == 0 || pbi_buf_append(&other, ";", 1)) && pbi_buf_append(&other, label, strlen(label)) &&
             pbi_buf_append(&other, ":", 1) && pbi_buf_append(&other, text, strlen(text));
    }
    for (size_t i = 0; i < CHECKPOINT_COLUMNS && ok; i++) {
        fputc(',', out);
        if (cols[i] && cols[i]->present && cols[i]->valid)
            fputs(checkpoint_text(cols[i], buf), out);
        else if (cols[i] && *checkpoint_text(cols[i], buf))
            ok = pbi_csv_text(out, checkpoint_text(cols[i], buf));
    }
    fputc(',', out);
    ok = ok && pbi_csv_text(out, other.data ? other.data : "");
    pbi_buf_free(&other);
    return ok;
}

/* The counts and the rule IDs close a row. */
static void csv_counts(FILE *out, const pb_document *d, const pb_project *p)
{
    counts c = count_findings(d, p);
    char rules[PB_RULES_MAX * 7];
    pbi_project_rules(d, p, rules, sizeof rules);
    fprintf(out, ",%zu,%zu,%zu,%s" PB_CSV_EOL, c.by_sev[PB_SEV_ERROR], c.by_sev[PB_SEV_WARNING], c.by_sev[PB_SEV_INFO],
            rules);
}

/* A row without a project: the file's status and its document findings. */
static bool csv_file_row(FILE *out, const pb_document *d)
{
    bool ok = pbi_csv_text(out, pbi_doc_path(d));
    fprintf(out, ",%s,,,,,,,,,,", pb_status_code(d->error.status));
    for (size_t i = 0; i < CHECKPOINT_COLUMNS; i++)
        fputc(',', out);
    fputs(",,", out);
    csv_counts(out, d, NULL);
    return ok;
}

/* The file's projects, then its 部门整体 tables: row i of n. */
static size_t row_count(const pb_document *d) { return d->project_count + d->department_count; }

static const pb_project *row_at(const pb_document *d, size_t i)
{
    return i < d->project_count ? d->projects[i] : d->departments[i - d->project_count];
}

/* 表类: what kind of table the row is (a project's, or a department's whole) */
static const char *kind_name(const pb_project *p) { return p->whole_department ? "部门整体" : "项目"; }

/* 预算单位: a 部门整体 table's own department when no agency line names one */
static const char *row_agency(const pb_project *p)
{
    const char *a = pbi_project_agency(p);
    return *a || !p->whole_department || !p->name.text ? a : p->name.text;
}

static bool csv_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    if (d->error.status != PB_OK || row_count(d) == 0)
        return csv_file_row(out, d);
    bool ok = true;
    for (size_t i = 0; i < row_count(d) && ok; i++) {
        const pb_project *p = row_at(d, i);
        const char *unit = pb_money_unit_name(p->unit);
        ok = pbi_csv_text(out, pbi_doc_path(d));
        fprintf(out, ",ok,%s,%d,", kind_name(p), p->number);
        ok = ok && pbi_csv_text(out, p->code.text);
        fputc(',', out);
        ok = ok && pbi_csv_text(out, p->name.text);
        fputc(',', out);
        ok = ok && pbi_csv_text(out, row_agency(p));
        fprintf(out, ",%s,", unit ? unit : "");
        ok = ok && pbi_csv_text(out, p->template_family ? p->template_family->name : "");
        ok = ok && csv_amount(out, &p->total) && csv_amount(out, &p->fiscal) && csv_amount(out, &p->other) &&
             csv_schedule(out, &p->schedule);
        fprintf(out, ",%zu", p->indicator_count);
        csv_counts(out, d, p);
    }
    return ok;
}

/* ---- JSON */

static cJSON *dec(pb_decimal v)
{
    char buf[PB_DECIMAL_BUFSIZE];
    return cJSON_CreateRaw(pb_decimal_format(v, buf));
}

static bool add_amount(cJSON *o, const char *key, const pb_amount *m)
{
    cJSON *v = m->present && m->valid ? dec(m->value) : cJSON_CreateNull();
    if (v && cJSON_AddItemToObject(o, key, v))
        return true;
    cJSON_Delete(v);
    return false;
}

static bool add_counts(cJSON *o, counts c)
{
    cJSON *f = cJSON_AddObjectToObject(o, "findings");
    return f && cJSON_AddNumberToObject(f, "error", (double)c.by_sev[PB_SEV_ERROR]) &&
           cJSON_AddNumberToObject(f, "warning", (double)c.by_sev[PB_SEV_WARNING]) &&
           cJSON_AddNumberToObject(f, "info", (double)c.by_sev[PB_SEV_INFO]);
}

static bool add_checkpoint(cJSON *a, const pb_checkpoint *cp)
{
    cJSON *c = cJSON_CreateObject();
    if (!c || !cJSON_AddItemToArray(a, c)) {
        cJSON_Delete(c);
        return false;
    }
    cJSON *pct = cp->present && cp->valid ? dec(cp->percent) : cJSON_CreateNull();
    if (!pct || !cJSON_AddItemToObject(c, "percent", pct)) {
        cJSON_Delete(pct);
        return false;
    }
    return pbi_json_add_str(c, "label", cp->label) && pbi_json_add_str(c, "raw", cp->raw);
}

static bool add_schedule(cJSON *o, const pb_schedule *s)
{
    cJSON *a = cJSON_AddArrayToObject(o, "schedule");
    for (size_t i = 0; a && i < s->count; i++)
        if (!add_checkpoint(a, &s->items[i]))
            return false;
    return a != NULL;
}

/* "file" as people read it and, for a name that is no UTF-8, "file_bytes":
 * its bytes in base64, to reopen it (as "path_bytes" in the check's JSON). */
static bool add_file(cJSON *o, const pb_document *d)
{
    const char *shown = pbi_doc_path(d);
    if (!pbi_json_add_str(o, "file", shown))
        return false;
    if (!d->path || strcmp(shown, d->path) == 0)
        return true;
    size_t len = strlen(d->path), need = pbi_base64(d->path, len, NULL, 0);
    char *b = malloc(need + 1);
    if (!b)
        return false;
    pbi_base64(d->path, len, b, need + 1);
    bool ok = cJSON_AddStringToObject(o, "file_bytes", b) != NULL;
    free(b);
    return ok;
}

static cJSON *json_row(const pb_document *d, const pb_project *p)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && add_file(o, d) && pbi_json_add_str(o, "status", pb_status_code(d->error.status)) &&
              pbi_json_add_str(o, "error", d->error.status == PB_OK ? NULL : d->error.message);
    ok = ok && pbi_json_add_str(o, "kind", p ? (p->whole_department ? "department" : "project") : NULL);
    if (ok && p) {
        cJSON *b = cJSON_AddObjectToObject(o, "budget");
        /* a department's number as the check's JSON names it (department_number) */
        ok = b && cJSON_AddNumberToObject(o, p->whole_department ? "department_number" : "project_number", p->number) &&
             pbi_json_add_str(o, "code", p->code.text) &&
             pbi_json_add_str(o, "name", p->name.text) &&
             pbi_json_add_str(o, "agency", *row_agency(p) ? row_agency(p) : NULL) &&
             pbi_json_add_str(o, "unit", pb_money_unit_name(p->unit)) &&
             pbi_json_add_str(o, "template", p->template_family ? p->template_family->id : NULL) &&
             pbi_json_add_str(o, "template_name", p->template_family ? p->template_family->name : NULL) &&
             add_amount(b, "total", &p->total) && add_amount(b, "fiscal", &p->fiscal) &&
             add_amount(b, "other", &p->other) && add_schedule(o, &p->schedule) &&
             cJSON_AddNumberToObject(o, "indicators", (double)p->indicator_count);
    }
    char ids[PB_RULES_MAX * 7];
    pbi_project_rules(d, p, ids, sizeof ids);
    cJSON *rules = ok ? cJSON_AddArrayToObject(o, "rules") : NULL;
    ok = rules != NULL;
    /* the IDs as an array: the space-separated string split */
    for (char *s = ids, *e; ok && *s; s = *e ? e + 1 : e) {
        e = strchr(s, ' ');
        if (!e)
            e = s + strlen(s);
        char id[16];
        snprintf(id, sizeof id, "%.*s", (int)(e - s), s);
        cJSON *v = cJSON_CreateString(id);
        ok = v && cJSON_AddItemToArray(rules, v);
    }
    if (!ok || !add_counts(o, count_findings(d, p))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool json_begin(FILE *out)
{
    fputc('[', out);
    return true;
}

static bool json_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    if (d->error.status != PB_OK || row_count(d) == 0) {
        fputc('\n', out);
        return pbi_json_put(out, json_row(d, NULL));
    }
    for (size_t i = 0; i < row_count(d); i++) {
        fputs(i ? ",\n" : "\n", out);
        if (!pbi_json_put(out, json_row(d, row_at(d, i))))
            return false;
    }
    return true;
}

static bool json_end(FILE *out, const pb_run_totals *t)
{
    (void)t;
    fputs("\n]\n", out);
    return true;
}

const pb_reporter pb_reporter_export_csv = {"csv", "", "", csv_begin, csv_file, NULL, NULL, false, false, NULL, false, false, false, NULL};
const pb_reporter pb_reporter_export_json = {"json", ",", "", json_begin, json_file, NULL, json_end, false, false, NULL, false, false, false, NULL};
