/* GitLab Code Quality: a JSON array of issues (description, check_name,
 * fingerprint, severity, location.path, location.lines.begin), UTF-8
 * without a BOM.  A .docx has no lines: begin is 1 and the table location
 * leads the description.  An unreadable file is an issue of its own. */
#include "report/report.h"

static const char *severity(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return "major";
    case PB_SEV_WARNING: return "minor";
    default: return "info";
    }
}

static cJSON *issue(const char *check, const char *description, const char *fingerprint, const char *sev,
                    const char *path)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *loc = o ? cJSON_AddObjectToObject(o, "location") : NULL;
    cJSON *lines = loc ? cJSON_AddObjectToObject(loc, "lines") : NULL;
    bool ok = lines && pbi_json_add_str(o, "type", "issue") && pbi_json_add_str(o, "check_name", check) &&
              pbi_json_add_str(o, "description", description) && pbi_json_add_str(o, "fingerprint", fingerprint) &&
              pbi_json_add_str(o, "severity", sev) && pbi_json_add_str(loc, "path", path) &&
              cJSON_AddNumberToObject(lines, "begin", 1) != NULL;
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool gitlab_begin(FILE *out)
{
    fputc('[', out);
    return true;
}

static bool gitlab_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    (void)tail;
    const pb_document *d = rf->doc;
    char text[4096], where[1024];
    if (d->error.status != PB_OK) {
        const char *code = pb_status_code(d->error.status);
        const char *fields[] = {"unreadable", d->path, code};
        pb_fingerprint fp;
        pbi_fingerprint_fields(fields, 3, &fp);
        snprintf(text, sizeof text, "cannot be read [%s]: %s", code, d->error.message);
        return pbi_json_put(out, issue(code, text, fp.hex, "critical", pbi_doc_path(d)));
    }
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        pbi_finding_where(f, where, sizeof where);
        snprintf(text, sizeof text, "%s %s: %s%s%s", f->rule->id, f->rule->slug, where, *where ? ": " : "",
                 f->message);
        if (i > 0)
            fputc(',', out);
        if (!pbi_json_put(out, issue(f->rule->id, text, rf->fingerprints[i].hex, severity(f->severity), pbi_doc_path(d))))
            return false;
    }
    return true;
}

static bool gitlab_end(FILE *out, const pb_run_totals *t)
{
    (void)t;
    fputs("]\n", out);
    return true;
}

const pb_reporter pb_reporter_gitlab = {"gitlab", ",", "", gitlab_begin, gitlab_file, NULL, gitlab_end, true, false, NULL, false, false, true, NULL};
