/* SARIF 2.1.0: one run; tool.driver lists every rule; each finding is a
 * result with a physical location (the file, with a placeholder region: a
 * .docx has no lines, and GitHub code scanning requires one) and a logical
 * location "table N/row R/column C/项目编码".  Files that cannot be read
 * are tool execution notifications of the run's invocation. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* No web page documents the rules yet; a URN names each one for good and
 * `pbcheck rules`/the README explain it.  Replace with the published page. */
#define RULE_HELP_URI "urn:pbcheck:rule:"

/* SARIF's levels: info is a "note". */
static const char *sarif_level(pb_severity s)
{
    switch (s) {
    case PB_SEV_ERROR: return "error";
    case PB_SEV_WARNING: return "warning";
    default: return "note";
    }
}

static bool add_text(cJSON *o, const char *key, const char *text)
{
    cJSON *m = cJSON_AddObjectToObject(o, key);
    return m && pbi_json_add_str(m, "text", text);
}

static cJSON *rule_object(const pb_rule *r)
{
    cJSON *o = cJSON_CreateObject();
    char uri[64];
    snprintf(uri, sizeof uri, "%s%s", RULE_HELP_URI, r->id);
    bool ok = o && pbi_json_add_str(o, "id", r->id) && pbi_json_add_str(o, "name", r->slug) &&
              add_text(o, "shortDescription", _(r->summary)) && add_text(o, "fullDescription", _(r->explanation)) &&
              add_text(o, "help", _(r->explanation)) && pbi_json_add_str(o, "helpUri", uri);
    cJSON *conf = ok ? cJSON_AddObjectToObject(o, "defaultConfiguration") : NULL;
    if (!conf || !pbi_json_add_str(conf, "level", sarif_level(r->severity))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool sarif_begin(FILE *out)
{
    cJSON *driver = cJSON_CreateObject();
    cJSON *rules = driver ? cJSON_AddArrayToObject(driver, "rules") : NULL;
    bool ok = rules && pbi_json_add_str(driver, "name", "pbcheck") && pbi_json_add_str(driver, "version", PB_VERSION) &&
              pbi_json_add_str(driver, "semanticVersion", PB_VERSION);
    size_t n;
    const pb_rule *r = pb_rules(&n);
    for (size_t i = 0; ok && i < n; i++) {
        cJSON *ro = rule_object(&r[i]);
        ok = ro && cJSON_AddItemToArray(rules, ro);
    }
    char *s = ok ? cJSON_PrintUnformatted(driver) : NULL;
    cJSON_Delete(driver);
    if (!s)
        return false;
    fprintf(out, "{\"$schema\":\"%s\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":%s},\"results\":[",
            SARIF_SCHEMA, s);
    free(s);
    return true;
}

/* A relative path stays relative; an absolute one becomes a file: URI.
 * Every byte but unreserved characters and '/' is percent-encoded, so
 * Chinese names, spaces, '%' and '#' survive. */
static char *path_uri(const char *path)
{
    size_t len = strlen(path);
    char *uri = malloc(len * 3 + 8), *o = uri;
    if (!uri)
        return NULL;
    if (path[0] == '/')
        o += sprintf(o, "file://");
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s))
            *o++ = (char)*s;
        else
            o += sprintf(o, "%%%02X", *s);
    }
    *o = '\0';
    return uri;
}

static cJSON *physical_location(const char *path, bool region)
{
    char *uri = path_uri(path);
    cJSON *loc = cJSON_CreateObject();
    cJSON *phys = loc ? cJSON_AddObjectToObject(loc, "physicalLocation") : NULL;
    cJSON *art = phys ? cJSON_AddObjectToObject(phys, "artifactLocation") : NULL;
    bool ok = uri && art && pbi_json_add_str(art, "uri", uri);
    if (ok && region) {
        cJSON *reg = cJSON_AddObjectToObject(phys, "region");
        ok = reg && cJSON_AddNumberToObject(reg, "startLine", 1) && cJSON_AddNumberToObject(reg, "startColumn", 1);
    }
    free(uri);
    if (!ok) {
        cJSON_Delete(loc);
        return NULL;
    }
    return loc;
}

static bool add_logical(cJSON *loc, const pb_finding *f, const char *subject)
{
    const char *key = pbi_project_key(f->project);
    char path[256], fqn[1024];
    pbi_loc_path(f->loc, path, sizeof path);
    if (!*path && !f->project)
        return true;
    snprintf(fqn, sizeof fqn, "%s%s%s", path, *path && *key ? "/" : "", key);
    cJSON *arr = cJSON_AddArrayToObject(loc, "logicalLocations");
    cJSON *l = cJSON_CreateObject();
    if (!arr || !l || !cJSON_AddItemToArray(arr, l)) {
        cJSON_Delete(l);
        return false;
    }
    return pbi_json_add_str(l, "name", *subject ? subject : (*key ? key : path)) &&
           pbi_json_add_str(l, "fullyQualifiedName", fqn) && pbi_json_add_str(l, "kind", "element");
}

static cJSON *result_object(const pb_document *d, size_t i, const pb_fingerprint *fp)
{
    const pb_finding *f = &d->findings[i];
    char subject[1024], where[1024], text[4096];
    pb_finding_subject(f, subject, sizeof subject);
    pbi_finding_where(f, where, sizeof where);
    snprintf(text, sizeof text, "%s%s%s", where, *where ? ": " : "", f->message);
    cJSON *r = cJSON_CreateObject();
    cJSON *locs = r ? cJSON_AddArrayToObject(r, "locations") : NULL;
    cJSON *loc = physical_location(d->path, true);
    if (!locs || !loc || !cJSON_AddItemToArray(locs, loc)) {
        cJSON_Delete(loc);
        cJSON_Delete(r);
        return NULL;
    }
    cJSON *fps = cJSON_AddObjectToObject(r, "partialFingerprints");
    cJSON *props = cJSON_AddObjectToObject(r, "properties");
    bool ok = fps && props && pbi_json_add_str(r, "ruleId", f->rule->id) &&
              cJSON_AddNumberToObject(r, "ruleIndex", pb_rule_index(f->rule)) &&
              pbi_json_add_str(r, "level", sarif_level(f->severity)) && add_text(r, "message", text) &&
              add_logical(loc, f, subject) && pbi_json_add_str(fps, "primaryLocationLineHash", fp[i].hex) &&
              pbi_json_add_str(fps, "pbcheck/v1", fp[i].hex) &&
              pbi_json_add_str(props, "project", *pbi_project_key(f->project) ? pbi_project_key(f->project) : NULL) &&
              pbi_json_add_str(props, "subject", subject);
    if (!ok) {
        cJSON_Delete(r);
        return NULL;
    }
    return r;
}

static cJSON *notification(const pb_document *d)
{
    char text[1024];
    snprintf(text, sizeof text, "%s: %s [%s]", pbi_doc_path(d), d->error.message, pb_status_code(d->error.status));
    cJSON *n = cJSON_CreateObject();
    cJSON *locs = n ? cJSON_AddArrayToObject(n, "locations") : NULL;
    cJSON *loc = physical_location(d->path, false);
    if (!locs || !loc || !cJSON_AddItemToArray(locs, loc)) {
        cJSON_Delete(loc);
        cJSON_Delete(n);
        return NULL;
    }
    cJSON *desc = cJSON_AddObjectToObject(n, "descriptor");
    if (!desc || !pbi_json_add_str(desc, "id", pb_status_code(d->error.status)) ||
        !pbi_json_add_str(n, "level", "error") || !add_text(n, "message", text)) {
        cJSON_Delete(n);
        return NULL;
    }
    return n;
}

static bool sarif_file(FILE *out, FILE *tail, const pb_report_file *rf)
{
    const pb_document *d = rf->doc;
    if (d->error.status != PB_OK)
        return pbi_json_put(tail, notification(d));
    for (size_t i = 0; i < d->finding_count; i++) {
        if (i > 0)
            fputc(',', out);
        if (!pbi_json_put(out, result_object(d, i, rf->fingerprints)))
            return false;
    }
    return true;
}

static bool sarif_mid(FILE *out, const pb_run_totals *t)
{
    fprintf(out, "],\"invocations\":[{\"executionSuccessful\":%s,\"exitCode\":%d,\"toolExecutionNotifications\":[",
            t->execution_failed ? "false" : "true", t->exit_status);
    return true;
}

static bool sarif_end(FILE *out, const pb_run_totals *t)
{
    (void)t;
    fputs("]}]}]}\n", out);
    return true;
}

/* The log within GitHub's limits: copied as it is when it fits (the usual
 * case, byte for byte), else cut by pb_sarif_limit. */
static bool sarif_finish(FILE *log, FILE *out, const pb_run_totals *t)
{
    size_t results = 0;
    for (int s = PB_SEV_INFO; s <= PB_SEV_ERROR; s++)
        results += t->findings[s];
    if (results > PB_SARIF_MAX_RESULTS)
        return pb_sarif_limit(log, out, PB_SARIF_MAX_RESULTS, PB_SARIF_MAX_RUNS, NULL);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, log)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            return false;
    return !ferror(log);
}

const pb_reporter pb_reporter_sarif = {"sarif", ",", ",", sarif_begin, sarif_file, sarif_mid, sarif_end, true, false, sarif_finish, false, false, true, NULL};
