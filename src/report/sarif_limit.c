/* SARIF within GitHub code scanning's limits.  GitHub rejects an upload with
 * more than 25,000 results in a run or more than 20 runs in a file (and
 * shows at most 5,000), so a year's batch must be cut — and cut where it
 * costs least: errors are kept before warnings before notes, in the order
 * they were written, and a notification says how many were left out.  The
 * batch writes its results file by file as they come, so the cut is made on
 * the finished log: it needs all results to know which are the most severe. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static int level_rank(const cJSON *result)
{
    const cJSON *lv = cJSON_GetObjectItemCaseSensitive(result, "level");
    const char *s = cJSON_IsString(lv) ? lv->valuestring : "warning"; /* SARIF's default */
    return strcmp(s, "error") == 0 ? 0 : strcmp(s, "warning") == 0 ? 1 : 2;
}

typedef struct ranked {
    cJSON *item;
    int rank;
    size_t order;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The run's first invocation's notifications, created when missing. */
static cJSON *notifications_of(cJSON *run)
{
    cJSON *inv = cJSON_GetObjectItemCaseSensitive(run, "invocations");
    if (!cJSON_IsArray(inv)) {
        cJSON_DeleteItemFromObjectCaseSensitive(run, "invocations");
        inv = cJSON_AddArrayToObject(run, "invocations");
    }
    cJSON *first = inv ? cJSON_GetArrayItem(inv, 0) : NULL;
    if (!first) {
        first = cJSON_CreateObject();
        if (!first || !cJSON_AddItemToArray(inv, first) || !cJSON_AddTrueToObject(first, "executionSuccessful"))
            return NULL;
    }
    cJSON *n = cJSON_GetObjectItemCaseSensitive(first, "toolExecutionNotifications");
    return cJSON_IsArray(n) ? n : cJSON_AddArrayToObject(first, "toolExecutionNotifications");
}

static bool notify(cJSON *run, const char *id, const char *text)
{
    cJSON *list = notifications_of(run);
    cJSON *n = list ? cJSON_CreateObject() : NULL;
    cJSON *desc = n ? cJSON_AddObjectToObject(n, "descriptor") : NULL;
    cJSON *msg = desc ? cJSON_AddObjectToObject(n, "message") : NULL;
    bool ok = msg && cJSON_AddStringToObject(desc, "id", id) && cJSON_AddStringToObject(n, "level", "warning") &&
              cJSON_AddStringToObject(msg, "text", text);
    if (!ok || !cJSON_AddItemToArray(list, n)) {
        cJSON_Delete(n);
        return false;
    }
    return true;
}

/* Keeps the max most severe results of run; *dropped gets how many went. */
static bool cut_run(cJSON *run, size_t max, size_t *dropped)
{
    *dropped = 0;
    cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
    size_t n = cJSON_IsArray(results) ? (size_t)cJSON_GetArraySize(results) : 0;
    if (n <= max)
        return true;
    ranked *r = malloc(n * sizeof *r);
    if (!r)
        return false;
    size_t i = 0;
    for (cJSON *it = results->child; it; it = it->next, i++)
        r[i] = (ranked){it, level_rank(it), i};
    qsort(r, n, sizeof *r, cmp_ranked);
    /* The others stay in the array, in their first order. */
    for (i = max; i < n; i++)
        cJSON_Delete(cJSON_DetachItemViaPointer(results, r[i].item));
    free(r);
    *dropped = n - max;
    char text[512];
    snprintf(text, sizeof text,
             "%zu of %zu results were left out to stay within %zu results per run (GitHub code scanning's limit); "
             "the most severe were kept. Split the batch (one upload per folder or per category) to see them all.",
             *dropped, n, max);
    return notify(run, "pbcheck-results-left-out", text);
}

bool pb_sarif_limit(FILE *in, FILE *out, size_t max_results, size_t max_runs, size_t *dropped)
{
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    if (dropped)
        *dropped = 0;
    if (!buf)
        return false;
    while ((got = fread(buf + len, 1, cap - len - 1, in)) > 0) {
        len += got;
        if (cap - len - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return false;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[len] = '\0';
    if (ferror(in)) {
        free(buf);
        return false;
    }
    cJSON *log = cJSON_ParseWithLength(buf, len);
    free(buf);
    cJSON *runs = log ? cJSON_GetObjectItemCaseSensitive(log, "runs") : NULL;
    if (!cJSON_IsArray(runs)) {
        cJSON_Delete(log);
        return false;
    }
    bool ok = true;
    size_t total = 0, nruns = (size_t)cJSON_GetArraySize(runs);
    for (size_t k = max_runs; k < nruns; k++) {
        cJSON *run = cJSON_DetachItemFromArray(runs, (int)max_runs);
        cJSON *res = cJSON_GetObjectItemCaseSensitive(run, "results");
        total += cJSON_IsArray(res) ? (size_t)cJSON_GetArraySize(res) : 0;
        cJSON_Delete(run);
    }
    if (nruns > max_runs && max_runs > 0) {
        char text[256];
        snprintf(text, sizeof text, "%zu run(s) with %zu results were left out to stay within %zu runs per file.",
                 nruns - max_runs, total, max_runs);
        ok = notify(cJSON_GetArrayItem(runs, 0), "pbcheck-runs-left-out", text);
    }
    for (cJSON *run = runs->child; ok && run; run = run->next) {
        size_t d = 0;
        ok = cut_run(run, max_results, &d);
        total += d;
    }
    if (dropped)
        *dropped = total;
    char *s = ok ? cJSON_PrintUnformatted(log) : NULL;
    cJSON_Delete(log);
    if (!s)
        return false;
    ok = fputs(s, out) >= 0 && fputc('\n', out) != EOF;
    free(s);
    return ok;
}
