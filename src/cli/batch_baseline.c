/* Baselines: --baseline reads the fingerprints of accepted findings
 * (sorted, for a binary search per finding), --write-baseline writes them
 * one a line, and the entries that no longer fire are listed at the end. */
#include "cli/batch_int.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>

#define BASELINE_MAX_BYTES (1ull << 30)

/* The path as fingerprints see it: no leading "./", no "//". */
static char *normalise_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        for (p += 2; *p == '/'; p++)
            ;
    char *out = malloc(strlen(p) + 1), *o = out;
    if (!out)
        return NULL;
    for (char prev = 0; *p; prev = *p++)
        if (!(*p == '/' && prev == '/'))
            *o++ = *p;
    *o = '\0';
    return out;
}

void batch_baseline_free(baseline *b)
{
    for (size_t i = 0; i < b->count; i++) {
        free(b->entries[i].file);
        free(b->entries[i].rule);
        free(b->entries[i].project);
        free(b->entries[i].subject);
        free(b->entries[i].message);
    }
    free(b->entries);
    for (size_t i = 0; i < b->file_count; i++)
        free(b->files[i].path);
    free(b->files);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const bl_entry *)a)->fp, ((const bl_entry *)b)->fp);
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const bl_file *)a)->path, ((const bl_file *)b)->path);
}

static char *read_all(const char *path, size_t *len, char *why, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, cap, "%s", pb_strerror(errno));
        return NULL;
    }
    char *data = NULL;
    size_t used = 0, size = 0;
    bool ok = true;
    for (;;) {
        if (used + 65536 + 1 > size) {
            size_t nsize = size ? size * 2 : 65536 * 2;
            char *n = nsize <= BASELINE_MAX_BYTES + 65536 * 2 ? realloc(data, nsize) : NULL;
            if (!n) {
                snprintf(why, cap, "%s", size ? _("larger than 1 GiB, or out of memory") : _("out of memory"));
                ok = false;
                break;
            }
            data = n;
            size = nsize;
        }
        size_t got = fread(data + used, 1, 65536, f);
        used += got;
        if (got == 0)
            break;
    }
    if (ok && ferror(f)) {
        snprintf(why, cap, "%s", pb_strerror(errno));
        ok = false;
    }
    fclose(f);
    if (!ok) {
        free(data);
        return NULL;
    }
    data[used] = '\0';
    *len = used;
    return data;
}

static char *json_strdup(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return strdup(cJSON_IsString(v) ? v->valuestring : "");
}

static bool valid_fingerprint(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == PB_FINGERPRINT_SIZE - 1;
}

/* Builds the sorted file table and points each entry at its file. */
static bool baseline_index_files(baseline *b)
{
    b->files = calloc(b->count ? b->count : 1, sizeof *b->files);
    if (!b->files)
        return false;
    for (size_t i = 0; i < b->count; i++) {
        if (!(b->files[b->file_count].path = normalise_path(b->entries[i].file)))
            return false;
        b->file_count++;
    }
    qsort(b->files, b->file_count, sizeof *b->files, cmp_file);
    size_t k = 0;
    for (size_t i = 0; i < b->file_count; i++) {
        if (k > 0 && strcmp(b->files[k - 1].path, b->files[i].path) == 0)
            free(b->files[i].path);
        else
            b->files[k++] = b->files[i];
    }
    b->file_count = k;
    for (size_t i = 0; i < b->count; i++) {
        char *norm = normalise_path(b->entries[i].file);
        if (!norm)
            return false;
        bl_file key = {norm, false};
        bl_file *hit = bsearch(&key, b->files, b->file_count, sizeof *b->files, cmp_file);
        free(norm);
        b->entries[i].file_index = hit ? (size_t)(hit - b->files) : 0;
    }
    return true;
}

bool batch_baseline_load(baseline *b, const char *path, char *why, size_t cap)
{
    size_t len;
    char *text = read_all(path, &len, why, cap);
    if (!text)
        return false;
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "pbcheck_baseline");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!cJSON_IsNumber(version) || version->valueint != 1 || !cJSON_IsArray(list)) {
        snprintf(why, cap, "%s", _("not a pbcheck baseline (version 1)"));
        cJSON_Delete(root);
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    b->entries = calloc(n ? n : 1, sizeof *b->entries);
    bool ok = b->entries != NULL;
    const cJSON *e;
    cJSON_ArrayForEach(e, list)
    {
        if (!ok)
            break;
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
        if (!cJSON_IsString(fp) || !valid_fingerprint(fp->valuestring)) {
            snprintf(why, cap, _("entry %zu has no valid fingerprint"), b->count + 1);
            ok = false;
            break;
        }
        bl_entry *x = &b->entries[b->count++];
        snprintf(x->fp, sizeof x->fp, "%s", fp->valuestring);
        x->file = json_strdup(e, "file");
        x->rule = json_strdup(e, "rule");
        x->project = json_strdup(e, "project");
        x->subject = json_strdup(e, "subject");
        x->message = json_strdup(e, "message");
        if (!x->file || !x->rule || !x->project || !x->subject || !x->message) {
            snprintf(why, cap, "%s", _("out of memory"));
            ok = false;
        }
    }
    cJSON_Delete(root);
    if (ok) {
        qsort(b->entries, b->count, sizeof *b->entries, cmp_entry);
        ok = baseline_index_files(b);
        if (!ok)
            snprintf(why, cap, "%s", _("out of memory"));
    }
    return ok;
}

const bl_entry *batch_baseline_find(const baseline *b, const char *fp)
{
    bl_entry key;
    snprintf(key.fp, sizeof key.fp, "%s", fp);
    return b->count ? bsearch(&key, b->entries, b->count, sizeof *b->entries, cmp_entry) : NULL;
}

/* The --write-baseline file: one finding a line, so that it diffs well. */
bool batch_baseline_entry_put(FILE *out, const pb_document *d, const pb_finding *f, const pb_fingerprint *fp)
{
    char subject[1024];
    const char *project = f->project ? (f->project->code.text && *f->project->code.text ? f->project->code.text
                                                                                          : f->project->name.text)
                                     : NULL;
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddStringToObject(o, "fingerprint", fp->hex) &&
              cJSON_AddStringToObject(o, "file", d->path) && cJSON_AddStringToObject(o, "rule", f->rule->id) &&
              cJSON_AddStringToObject(o, "severity", pb_severity_name(f->severity)) &&
              cJSON_AddStringToObject(o, "project", project ? project : "") &&
              cJSON_AddStringToObject(o, "subject", pb_finding_subject(f, subject, sizeof subject)) &&
              cJSON_AddStringToObject(o, "message", f->message);
    if (!ok) {
        cJSON_Delete(o);
        return false;
    }
    return cli_json_put(out, o);
}

void batch_baseline_mark_file(baseline *b, const char *path)
{
    if (b->file_count == 0)
        return;
    char *norm = normalise_path(path);
    if (!norm)
        return;
    bl_file key = {norm, false};
    bl_file *hit = bsearch(&key, b->files, b->file_count, sizeof *b->files, cmp_file);
    if (hit)
        hit->checked = true;
    free(norm);
}

size_t batch_baseline_print_stale(FILE *out, const baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; b && i < b->count; i++) {
        const bl_entry *x = &b->entries[i];
        if (x->matched || b->file_count == 0 || !b->files[x->file_index].checked)
            continue;
        if (n++ == 0)
            fputs(_("Baseline entries that no longer fire:\n"), out);
        fprintf(out, "  %s: %s %s%s%s: %s\n", x->file, x->rule, x->project, *x->subject ? " " : "", x->subject,
                x->message);
    }
    if (n)
        fprintf(out, _("%zu baseline entr(y/ies) no longer fire; --write-baseline records the current findings\n"),
                n);
    return n;
}
