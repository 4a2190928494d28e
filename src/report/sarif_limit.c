/* SARIF within GitHub code scanning's limits.  GitHub rejects an upload with
 * more than 25,000 results in a run or more than 20 runs in a file (and
 * shows at most 5,000), so a year's batch must be cut — and cut where it
 * costs least: errors are kept before warnings before notes, in the order
 * they were written, and a notification says how many were left out.
 *
 * The cut streams: a first pass counts each run's results by level (and
 * checks that the log is JSON), a second pass copies the kept results one
 * at a time.  Only one result, or one of a run's other members (tool,
 * invocations), is a cJSON tree at any moment; each value is printed as
 * cJSON prints it, so the output is the one a parse of the whole log and
 * cJSON_PrintUnformatted would give.  The input is read twice: a stream
 * that cannot seek is spooled to a temporary file first. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

/* ---- reading JSON values one by one */

typedef struct rd {
    FILE *f;
    long base, pos; /* where the log starts; how far we are in it */
} rd;

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static int rd_get(rd *r)
{
    int c = getc(r->f);
    if (c != EOF)
        r->pos++;
    return c;
}

static void rd_unget(rd *r, int c)
{
    if (c != EOF && ungetc(c, r->f) != EOF)
        r->pos--;
}

static bool rd_seek(rd *r, long pos)
{
    if (fseek(r->f, r->base + pos, SEEK_SET) != 0)
        return false;
    r->pos = pos;
    return true;
}

static bool put(buf *b, int c)
{
    if (!b)
        return true;
    if (b->len + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p;
        b->cap = cap;
    }
    b->p[b->len++] = (char)c;
    b->p[b->len] = '\0';
    return true;
}

/* cJSON's whitespace: every byte up to the space. */
static int skip_ws(rd *r)
{
    int c;
    while ((c = rd_get(r)) != EOF && (unsigned)c <= 32)
        ;
    return c;
}

/* The rest of a string whose '"' was read, into b (when not NULL). */
static bool take_string(rd *r, buf *b)
{
    int c;
    while ((c = rd_get(r)) != EOF) {
        if (!put(b, c))
            return false;
        if (c == '"')
            return true;
        if (c == '\\' && ((c = rd_get(r)) == EOF || !put(b, c)))
            return false;
    }
    return false;
}

/* The value whose first byte c was read, into b (emptied first; NULL
 * skips it).  Only its extent is found here; cJSON judges its syntax. */
static bool take_value(rd *r, int c, buf *b)
{
    if (b)
        b->len = 0;
    if (c == EOF || !put(b, c))
        return false;
    if (c == '"')
        return take_string(r, b);
    if (c == '{' || c == '[') {
        size_t depth = 1;
        while (depth > 0) {
            if ((c = rd_get(r)) == EOF || !put(b, c))
                return false;
            if (c == '"' && !take_string(r, b))
                return false;
            depth += c == '{' || c == '[';
            depth -= c == '}' || c == ']';
        }
        return true;
    }
    while ((c = rd_get(r)) != EOF && (unsigned)c > 32 && !strchr(",}]", c))
        if (!put(b, c))
            return false;
    rd_unget(r, c);
    return true;
}

/* The captured value as a tree, or NULL when it is not exactly one value. */
static cJSON *parse(const buf *b)
{
    const char *end = NULL;
    cJSON *v = cJSON_ParseWithLengthOpts(b->p, b->len, &end, false);
    if (v && end != b->p + b->len) {
        cJSON_Delete(v);
        return NULL;
    }
    return v;
}

static cJSON *read_value(rd *r, int c, buf *b)
{
    return take_value(r, c, b) ? parse(b) : NULL;
}

/* Past the ',' between the items of an object or array (close is its '}'
 * or ']'): the next item's first byte, 0 at close, EOF when broken. */
static int next_item(rd *r, bool *first, int close)
{
    int c = skip_ws(r);
    if (c == close)
        return 0;
    if (!*first) {
        if (c != ',')
            return EOF;
        c = skip_ws(r);
    }
    *first = false;
    return c;
}

/* The next member of an object whose '{' was read: its key in *key (a
 * cJSON string) and the first byte of its value returned; 0 after the
 * object's '}', EOF when the log is broken. */
static int next_member(rd *r, bool *first, buf *b, cJSON **key)
{
    *key = NULL;
    int c = next_item(r, first, '}');
    if (c == 0 || c == EOF)
        return c;
    if (c != '"' || !(*key = read_value(r, c, b)) || !cJSON_IsString(*key) || skip_ws(r) != ':') {
        cJSON_Delete(*key);
        *key = NULL;
        return EOF;
    }
    c = skip_ws(r);
    if (c == EOF) {
        cJSON_Delete(*key);
        *key = NULL;
    }
    return c;
}

/* The next element of an array whose '[' was read: its first byte; 0 after
 * the array's ']', EOF when the log is broken. */
static int next_element(rd *r, bool *first) { return next_item(r, first, ']'); }

static bool is_key(const cJSON *key, const char *name)
{
    return strcmp(key->valuestring, name) == 0;
}

/* ---- printing as cJSON prints */

static bool print_tree(FILE *out, const cJSON *v)
{
    char *s = cJSON_PrintUnformatted(v);
    bool ok = s && fputs(s, out) >= 0;
    free(s);
    return ok;
}

static bool print_key(FILE *out, const char *key)
{
    cJSON *k = cJSON_CreateString(key);
    bool ok = k && print_tree(out, k) && fputc(':', out) != EOF;
    cJSON_Delete(k);
    return ok;
}

/* ---- the cut */

static int level_rank(const cJSON *result)
{
    const cJSON *lv = cJSON_GetObjectItemCaseSensitive(result, "level");
    const char *s = cJSON_IsString(lv) ? lv->valuestring : "warning"; /* SARIF's default */
    return strcmp(s, "error") == 0 ? 0 : strcmp(s, "warning") == 0 ? 1 : 2;
}

/* What the first pass learns of a run: its results by level, and which
 * are kept — every result of a rank below keep_rank, and the first
 * keep_quota of that rank. */
typedef struct run_info {
    size_t n, by_rank[3];
    int keep_rank;
    size_t keep_quota;
} run_info;

static void plan_cut(run_info *ri, size_t max)
{
    size_t kept = 0;
    ri->keep_rank = 3;
    ri->keep_quota = 0;
    if (ri->n <= max)
        return;
    for (int k = 0; k < 3; k++) {
        if (kept + ri->by_rank[k] > max) {
            ri->keep_rank = k;
            ri->keep_quota = max - kept;
            return;
        }
        kept += ri->by_rank[k];
    }
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

/* What a kept run is told: the runs left out (the first run only), then
 * its own results left out. */
static bool notify_run(cJSON *run, const run_info *ri, size_t max, const char *runs_text)
{
    if (runs_text && !notify(run, "pbcheck-runs-left-out", runs_text))
        return false;
    if (ri->n <= max)
        return true;
    char text[512];
    snprintf(text, sizeof text,
             "%zu of %zu results were left out to stay within %zu results per run (GitHub code scanning's limit); "
             "the most severe were kept. Split the batch (one upload per folder or per category) to see them all.",
             ri->n - max, ri->n, max);
    return notify(run, "pbcheck-results-left-out", text);
}

/* ---- first pass: count, and check the log is JSON */

typedef struct plan {
    run_info *runs;
    size_t nruns, cap;
} plan;

static bool scan_results(rd *r, buf *b, run_info *ri)
{
    bool first = true;
    int c;
    while ((c = next_element(r, &first)) > 0) {
        cJSON *v = read_value(r, c, b);
        if (!v)
            return false;
        ri->by_rank[level_rank(v)]++;
        ri->n++;
        cJSON_Delete(v);
    }
    return c == 0;
}

static bool scan_run(rd *r, buf *b, run_info *ri)
{
    bool first = true, seen = false;
    cJSON *key;
    int c;
    while ((c = next_member(r, &first, b, &key)) > 0) {
        bool results = !seen && is_key(key, "results");
        cJSON_Delete(key);
        seen |= results;
        if (results && c == '[') {
            if (!scan_results(r, b, ri))
                return false;
        } else {
            cJSON *v = read_value(r, c, b);
            if (!v)
                return false;
            cJSON_Delete(v);
        }
    }
    return c == 0;
}

static bool scan_runs(rd *r, buf *b, plan *p)
{
    bool first = true;
    int c;
    while ((c = next_element(r, &first)) > 0) {
        if (p->nruns == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 32;
            run_info *n = realloc(p->runs, cap * sizeof *n);
            if (!n)
                return false;
            p->runs = n;
            p->cap = cap;
        }
        run_info *ri = &p->runs[p->nruns++];
        *ri = (run_info){0};
        if (c == '{') {
            if (!scan_run(r, b, ri))
                return false;
        } else {
            cJSON *v = read_value(r, c, b);
            if (!v)
                return false;
            cJSON_Delete(v);
        }
    }
    return c == 0;
}

/* The log's opening: a UTF-8 byte order mark (which cJSON skips), then '{'. */
static bool open_log(rd *r)
{
    int c = rd_get(r);
    if (c == 0xEF) {
        if (rd_get(r) != 0xBB || rd_get(r) != 0xBF)
            return false;
        c = rd_get(r);
    }
    rd_unget(r, c);
    return skip_ws(r) == '{';
}

static bool scan_log(rd *r, buf *b, plan *p)
{
    if (!open_log(r))
        return false;
    bool first = true, seen = false;
    cJSON *key;
    int c;
    while ((c = next_member(r, &first, b, &key)) > 0) {
        bool runs = !seen && is_key(key, "runs");
        cJSON_Delete(key);
        if (runs && (c != '[' || !scan_runs(r, b, p)))
            return false;
        seen |= runs;
        if (!runs) {
            cJSON *v = read_value(r, c, b);
            if (!v)
                return false;
            cJSON_Delete(v);
        }
    }
    return c == 0 && seen;
}

/* ---- second pass: copy what is kept */

static bool copy_results(rd *r, buf *b, FILE *out, const run_info *ri)
{
    bool first = true, any = false, ok = fputc('[', out) != EOF;
    size_t taken = 0;
    int c;
    while (ok && (c = next_element(r, &first)) > 0) {
        cJSON *v = read_value(r, c, b);
        int k = v ? level_rank(v) : 0;
        bool keep = k < ri->keep_rank || (k == ri->keep_rank && taken++ < ri->keep_quota);
        ok = v && (!keep || ((!any || fputc(',', out) != EOF) && print_tree(out, v)));
        any |= keep;
        cJSON_Delete(v);
    }
    return ok && fputc(']', out) != EOF;
}

/* A run: its members but the results as a tree (they are small), told
 * what was left out, then printed in order with the results copied from
 * where they are in the log. */
static bool copy_run(rd *r, buf *b, FILE *out, const run_info *ri, size_t max, const char *runs_text)
{
    cJSON *run = cJSON_CreateObject(), *key, *slot = NULL;
    long results_at = 0;
    bool first = true, seen = false, ok = run != NULL;
    int c = 0;
    while (ok && (c = next_member(r, &first, b, &key)) > 0) {
        cJSON *v;
        bool results = !seen && is_key(key, "results"); /* the first decides, as in a tree */
        seen |= results;
        if (results && c == '[') {
            results_at = r->pos - 1;
            v = slot = take_value(r, c, NULL) ? cJSON_CreateNull() : NULL;
        } else {
            v = read_value(r, c, b);
        }
        ok = v && cJSON_AddItemToObject(run, key->valuestring, v);
        if (!ok)
            cJSON_Delete(v);
        cJSON_Delete(key);
    }
    ok = ok && c == 0 && notify_run(run, ri, max, runs_text) && fputc('{', out) != EOF;
    long after = r->pos;
    for (cJSON *m = run ? run->child : NULL; ok && m; m = m->next) {
        ok = (m == run->child || fputc(',', out) != EOF) && print_key(out, m->string);
        if (ok && m == slot)
            ok = rd_seek(r, results_at) && rd_get(r) == '[' && copy_results(r, b, out, ri) && rd_seek(r, after);
        else if (ok)
            ok = print_tree(out, m);
    }
    cJSON_Delete(run);
    return ok && fputc('}', out) != EOF;
}

static bool copy_runs(rd *r, buf *b, FILE *out, const plan *p, size_t max, size_t max_runs, const char *runs_text)
{
    bool first = true, ok = fputc('[', out) != EOF;
    int c;
    for (size_t k = 0; ok && (c = next_element(r, &first)) > 0; k++) {
        if (k >= max_runs) {
            ok = take_value(r, c, NULL);
            continue;
        }
        const char *told = k == 0 ? runs_text : NULL;
        ok = k == 0 || fputc(',', out) != EOF;
        if (ok && c == '{') {
            ok = copy_run(r, b, out, &p->runs[k], max, told);
        } else if (ok) {
            cJSON *v = read_value(r, c, b);
            ok = v && (!told || notify(v, "pbcheck-runs-left-out", told)) && print_tree(out, v);
            cJSON_Delete(v);
        }
    }
    return ok && fputc(']', out) != EOF;
}

static bool copy_log(rd *r, buf *b, FILE *out, const plan *p, size_t max, size_t max_runs, const char *runs_text)
{
    bool first = true, seen = false, ok = open_log(r) && fputc('{', out) != EOF;
    cJSON *key;
    int c;
    for (size_t i = 0; ok && (c = next_member(r, &first, b, &key)) > 0; i++) {
        bool runs = !seen && is_key(key, "runs");
        seen |= runs;
        ok = (i == 0 || fputc(',', out) != EOF) && print_key(out, key->valuestring);
        cJSON_Delete(key);
        if (ok && runs) {
            ok = copy_runs(r, b, out, p, max, max_runs, runs_text);
        } else if (ok) {
            cJSON *v = read_value(r, c, b);
            ok = v && print_tree(out, v);
            cJSON_Delete(v);
        }
    }
    return ok && fputs("}\n", out) >= 0;
}

/* A stream that cannot seek (a pipe) is read into a temporary file. */
static FILE *seekable(FILE *in, bool *spooled)
{
    *spooled = false;
    if (fseek(in, 0, SEEK_CUR) == 0 && ftell(in) >= 0)
        return in;
    FILE *t = tmpfile();
    char chunk[65536];
    size_t n;
    while (t && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, n, t) != n)
            break;
    if (!t || ferror(in) || ferror(t) || fseek(t, 0, SEEK_SET) != 0) {
        if (t)
            fclose(t);
        return NULL;
    }
    *spooled = true;
    return t;
}

bool pb_sarif_limit(FILE *in, FILE *out, size_t max_results, size_t max_runs, size_t *dropped)
{
    if (dropped)
        *dropped = 0;
    bool spooled;
    FILE *f = seekable(in, &spooled);
    if (!f)
        return false;
    rd r = {f, ftell(f), 0};
    buf b = {0};
    plan p = {0};
    bool ok = r.base >= 0 && scan_log(&r, &b, &p) && !ferror(f);
    size_t total = 0;
    char runs_text[256], *told = NULL;
    if (ok && p.nruns > max_runs) {
        for (size_t k = max_runs; k < p.nruns; k++)
            total += p.runs[k].n;
        if (max_runs > 0) {
            snprintf(runs_text, sizeof runs_text,
                     "%zu run(s) with %zu results were left out to stay within %zu runs per file.", p.nruns - max_runs,
                     total, max_runs);
            told = runs_text;
        }
    }
    for (size_t k = 0; ok && k < p.nruns && k < max_runs; k++) {
        plan_cut(&p.runs[k], max_results);
        total += p.runs[k].n > max_results ? p.runs[k].n - max_results : 0;
    }
    ok = ok && rd_seek(&r, 0) && copy_log(&r, &b, out, &p, max_results, max_runs, told) && !ferror(f);
    if (ok && dropped)
        *dropped = total;
    free(b.p);
    free(p.runs);
    if (spooled)
        fclose(f);
    return ok;
}
