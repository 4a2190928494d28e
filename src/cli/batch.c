/* Checking many files.  One producer (the walker, driven under a lock by
 * whichever worker needs the next path) numbers the files in input order;
 * N worker threads read, check and render each file into memory; the main
 * thread writes the rendered files strictly in that order, so the output is
 * the same byte for byte whatever N.  Only a window of rendered files is
 * held at a time (workers wait when it is full), and no document outlives
 * its worker's turn, so memory does not grow with the number of files. */
#define _GNU_SOURCE /* fopencookie */
#include "cli/batch.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_JOBS 256
#define DEFAULT_TIMEOUT_MS (120u * 1000u)
#define BASELINE_MAX_BYTES (1ull << 30)

void batch_config_default(batch_config *bc)
{
    memset(bc, 0, sizeof *bc);
    pb_options_default(&bc->opt);
    bc->opt.limits.max_millis = DEFAULT_TIMEOUT_MS;
    bc->findings_fail = true;
    bc->fail_on = PB_SEV_ERROR;
}

bool cli_parse_duration(const char *s, uint64_t *ms)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    uint64_t scale = 1000;
    if (strcmp(end, "ms") == 0) scale = 1;
    else if (strcmp(end, "s") == 0 || *end == '\0') scale = 1000;
    else if (strcmp(end, "m") == 0) scale = 60000;
    else if (strcmp(end, "h") == 0) scale = 3600000;
    else return false;
    if (v > UINT64_MAX / scale)
        return false;
    *ms = v * scale;
    return true;
}

bool cli_parse_jobs(const char *s, unsigned *jobs)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v > MAX_JOBS)
        return false;
    *jobs = (unsigned)v;
    return true;
}

/* malloc'd printf; NULL when out of memory. */
static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* ================================================================ walker */

typedef enum item_kind { ITEM_FILE, ITEM_UNREADABLE, ITEM_NOTICE } item_kind;

typedef struct item {
    item_kind kind;
    char *path;
    char *message; /* why it is unreadable, or the notice */
} item;

typedef struct frame {
    char *dir;
    char **names;
    size_t count, next;
    dev_t dev;
    ino_t ino;
} frame;

typedef struct walker {
    char **args;
    int count, next;
    bool nul, follow;
    bool in_list; /* reading a path list from stdin */
    char *line;
    size_t line_cap;
    frame *stack;
    size_t depth, cap;
} walker;

/* Word's lock files (~$name.docx) are not documents. */
static bool wanted_name(const char *name)
{
    static const char *const extensions[] = {".docx", ".xlsx"};
    size_t n = strlen(name);
    if (strncmp(name, "~$", 2) == 0)
        return false;
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        size_t e = strlen(extensions[i]);
        if (n > e && strcasecmp(name + n - e, extensions[i]) == 0)
            return true;
    }
    return false;
}

static char *join(const char *dir, const char *name)
{
    size_t d = strlen(dir);
    bool slash = d > 0 && dir[d - 1] == '/';
    return xprintf("%s%s%s", dir, slash ? "" : "/", name);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void frame_free(frame *f)
{
    for (size_t i = 0; i < f->count; i++)
        free(f->names[i]);
    free(f->names);
    free(f->dir);
}

static int set_item(item *it, item_kind kind, char *path, char *message)
{
    if (!message) {
        free(path);
        return -1;
    }
    *it = (item){kind, path, message};
    return 1;
}

/* Reads a folder's names (sorted, so the order never depends on the file
 * system) and pushes it; a folder that is already on the stack is a loop.
 * Takes path.  Returns 1 with *it set, 0 when pushed, -1 out of memory. */
static int push_dir(walker *w, char *path, const struct stat *st, item *it)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino)
            return set_item(it, ITEM_NOTICE, path,
                            xprintf(_("pbcheck: %s: a symbolic link loop leads back to %s; not followed\n"), path,
                                    w->stack[i].dir));
    DIR *dir = opendir(path);
    if (!dir)
        return set_item(it, ITEM_UNREADABLE, path, xprintf(_("cannot open the folder: %s"), strerror(errno)));
    frame f = {path, NULL, 0, 0, st->st_dev, st->st_ino};
    size_t cap = 0;
    struct dirent *e;
    bool oom = false;
    errno = 0;
    while (!oom && (e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (f.count == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **n = realloc(f.names, ncap * sizeof *n);
            if (!n) {
                oom = true;
                break;
            }
            f.names = n;
            cap = ncap;
        }
        if (!(f.names[f.count] = strdup(e->d_name)))
            oom = true;
        else
            f.count++;
        errno = 0;
    }
    int read_errno = oom ? 0 : errno;
    closedir(dir);
    if (!oom && w->depth == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 16;
        frame *n = realloc(w->stack, ncap * sizeof *n);
        if (n) {
            w->stack = n;
            w->cap = ncap;
        } else
            oom = true;
    }
    if (oom || read_errno) {
        char *dir_path = f.dir;
        f.dir = NULL;
        frame_free(&f);
        if (oom) {
            free(dir_path);
            return -1;
        }
        return set_item(it, ITEM_UNREADABLE, dir_path, xprintf(_("cannot read the folder: %s"), strerror(read_errno)));
    }
    qsort(f.names, f.count, sizeof *f.names, cmp_str);
    w->stack[w->depth++] = f;
    return 0;
}

/* A path named on the command line or in a list: a folder is walked, and
 * anything else is checked whatever its name (a missing file is reported
 * by the reader).  -1 when out of memory. */
static int visit_arg(walker *w, const char *arg, item *it)
{
    char *path = strdup(arg);
    if (!path)
        return -1;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return push_dir(w, path, &st, it);
    *it = (item){ITEM_FILE, path, NULL};
    return 1;
}

/* An entry met in a walk: .docx files (not lock files), sub-folders, and
 * symlinked folders only when asked.  Takes path. */
static int visit_entry(walker *w, char *path, const char *name, item *it)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (!wanted_name(name)) {
            free(path);
            return 0;
        }
        return set_item(it, ITEM_UNREADABLE, path, xprintf(_("cannot open the file: %s"), strerror(errno)));
    }
    if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
        /* A dangling link named like a filing is a filing that is missing. */
        if (!wanted_name(name)) {
            free(path);
            return 0;
        }
        *it = (item){ITEM_FILE, path, NULL};
        return 1;
    }
    bool link = false;
    struct stat lst;
    if (lstat(path, &lst) == 0)
        link = S_ISLNK(lst.st_mode);
    if (S_ISDIR(st.st_mode)) {
        if (link && !w->follow) {
            free(path);
            return 0;
        }
        return push_dir(w, path, &st, it);
    }
    if (S_ISREG(st.st_mode) && wanted_name(name)) {
        *it = (item){ITEM_FILE, path, NULL};
        return 1;
    }
    free(path);
    return 0;
}

/* The next path to check.  Returns 1 with *it set, 0 at the end, -1 when
 * out of memory. */
static int walker_next(walker *w, item *it)
{
    for (;;) {
        if (w->depth > 0) {
            frame *f = &w->stack[w->depth - 1];
            if (f->next < f->count) {
                const char *name = f->names[f->next++];
                char *path = join(f->dir, name);
                if (!path)
                    return -1;
                int r = visit_entry(w, path, name, it);
                if (r != 0)
                    return r;
                continue;
            }
            frame_free(f);
            w->depth--;
            continue;
        }
        if (w->in_list) {
            ssize_t n = getdelim(&w->line, &w->line_cap, w->nul ? '\0' : '\n', stdin);
            if (n < 0) {
                w->in_list = false;
                continue;
            }
            if (n > 0 && w->line[n - 1] == (w->nul ? '\0' : '\n'))
                w->line[--n] = '\0';
            if (!w->nul && n > 0 && w->line[n - 1] == '\r')
                w->line[--n] = '\0';
            if (n == 0)
                continue;
            int r = visit_arg(w, w->line, it);
            if (r != 0)
                return r;
            continue;
        }
        if (w->next < w->count) {
            const char *arg = w->args[w->next++];
            if (strcmp(arg, "-") == 0) {
                w->in_list = true;
                continue;
            }
            int r = visit_arg(w, arg, it);
            if (r != 0)
                return r;
            continue;
        }
        return 0;
    }
}

static void walker_free(walker *w)
{
    while (w->depth > 0)
        frame_free(&w->stack[--w->depth]);
    free(w->stack);
    free(w->line);
}

/* ============================================================== baseline */

typedef struct bl_entry {
    char fp[PB_FINGERPRINT_SIZE];
    char *file, *rule, *project, *subject, *message;
    size_t file_index;
    bool matched; /* written by the main thread only */
} bl_entry;

typedef struct bl_file {
    char *path; /* normalised */
    bool checked;
} bl_file;

typedef struct baseline {
    bl_entry *entries; /* sorted by fingerprint */
    size_t count;
    bl_file *files;    /* sorted by path */
    size_t file_count;
} baseline;

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

static void baseline_free(baseline *b)
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
        snprintf(why, cap, "%s", strerror(errno));
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
        snprintf(why, cap, "%s", strerror(errno));
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

/* Loads a baseline written by --write-baseline.  False with why set. */
static bool baseline_load(baseline *b, const char *path, char *why, size_t cap)
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

static const bl_entry *baseline_find(const baseline *b, const char *fp)
{
    bl_entry key;
    snprintf(key.fp, sizeof key.fp, "%s", fp);
    return b->count ? bsearch(&key, b->entries, b->count, sizeof *b->entries, cmp_entry) : NULL;
}

/* The --write-baseline file: one finding a line, so that it diffs well. */
static bool baseline_entry_put(FILE *out, const pb_document *d, const pb_finding *f, const pb_fingerprint *fp)
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

/* ================================================================ engine */

/* A file's rendered output is a list of blocks, not one growing buffer: a
 * large report's JSON is never copied while it grows, and the blocks of
 * the file the output waits for are written out (and reused) while it is
 * still being rendered, so that memory stays flat. */
#define BLOCK_SIZE (64 * 1024 - 64)
#define BLOCK_POOL_MAX 32

typedef struct block {
    struct block *next;
    size_t len;
    char data[BLOCK_SIZE];
} block;

typedef struct chunk {
    block *first, *last;
} chunk;

/* What the main thread needs of one file: its rendered reports and a
 * summary of a few numbers. */
typedef struct result {
    bool done;
    item_kind kind;
    char *path;
    char *note; /* a line for stderr */
    bool read_ok;
    int status;
    pb_status error;
    size_t projects, baselined, by_sev[4];
    uint32_t rule_counts[64];
    chunk main[BATCH_MAX_TARGETS], tail[BATCH_MAX_TARGETS], baseline;
    size_t *matched; /* indices of the baseline entries it matched */
    size_t matched_count;
} result;

typedef struct engine {
    const batch_config *bc;
    const baseline *base;
    walker w;
    pthread_mutex_t walk_mu; /* the walker, and the order of numbering */
    pthread_mutex_t mu;      /* everything below */
    pthread_cond_t space; /* a slot of the window was freed */
    pthread_cond_t ready; /* a result was stored, or the walk ended */
    result *ring;
    size_t window;
    size_t next_seq; /* files numbered so far */
    size_t head;     /* the next file to write */
    bool walk_done;
    bool walk_oom;
    bool text_stdout; /* unreadable files are told on stdout, not stderr */
    block *pool;      /* blocks written out, for reuse */
    size_t pool_count;
} engine;

static void chunk_append(chunk *c, block *b)
{
    b->next = NULL;
    if (c->last)
        c->last->next = b;
    else
        c->first = b;
    c->last = b;
}

static void chunk_join(chunk *c, chunk *more)
{
    if (!more->first)
        return;
    if (c->last)
        c->last->next = more->first;
    else
        c->first = more->first;
    c->last = more->last;
    more->first = more->last = NULL;
}

static void blocks_free(block *b)
{
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
}

static block *block_take(engine *e)
{
    pthread_mutex_lock(&e->mu);
    block *b = e->pool;
    if (b) {
        e->pool = b->next;
        e->pool_count--;
    }
    pthread_mutex_unlock(&e->mu);
    if (!b)
        b = malloc(sizeof *b);
    if (b) {
        b->next = NULL;
        b->len = 0;
    }
    return b;
}

/* Gives written blocks back (under e->mu). */
static void blocks_recycle(engine *e, block *b)
{
    while (b) {
        block *next = b->next;
        if (e->pool_count < BLOCK_POOL_MAX) {
            b->next = e->pool;
            e->pool = b;
            e->pool_count++;
        } else
            free(b);
        b = next;
    }
}

/* A FILE that writes into a chunk.  With `shared`, full blocks go to the
 * file's slot in the ring, where the main thread may already be writing
 * them out; the last, partial block stays in `own` until the file is done
 * (so a file's small output and its stderr note still come out together). */
typedef struct sink {
    engine *e;
    chunk *own;
    chunk *shared; /* NULL: everything stays in own */
    size_t seq;
    block *cur;
} sink;

static void sink_publish(sink *k)
{
    if (!k->shared) {
        chunk_append(k->own, k->cur);
    } else {
        pthread_mutex_lock(&k->e->mu);
        chunk_append(k->shared, k->cur);
        if (k->seq == k->e->head)
            pthread_cond_signal(&k->e->ready);
        pthread_mutex_unlock(&k->e->mu);
    }
    k->cur = NULL;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
    sink *k = cookie;
    size_t done = 0;
    while (done < size) {
        if (k->cur && k->cur->len == BLOCK_SIZE)
            sink_publish(k);
        if (!k->cur && !(k->cur = block_take(k->e))) {
            errno = ENOMEM;
            return done ? (ssize_t)done : -1;
        }
        size_t n = size - done < BLOCK_SIZE - k->cur->len ? size - done : BLOCK_SIZE - k->cur->len;
        memcpy(k->cur->data + k->cur->len, buf + done, n);
        k->cur->len += n;
        done += n;
    }
    return (ssize_t)size;
}

static int sink_close(void *cookie)
{
    sink *k = cookie;
    if (k->cur && k->cur->len)
        chunk_append(k->own, k->cur);
    else
        free(k->cur);
    free(k);
    return 0;
}

static FILE *sink_open(engine *e, chunk *own, chunk *shared, size_t seq)
{
    sink *k = malloc(sizeof *k);
    if (!k)
        return NULL;
    *k = (sink){e, own, shared, seq, NULL};
    FILE *f = fopencookie(k, "w", (cookie_io_functions_t){NULL, sink_write, NULL, sink_close});
    if (!f)
        free(k);
    return f;
}

static void result_free(result *r)
{
    free(r->path);
    free(r->note);
    for (size_t i = 0; i < BATCH_MAX_TARGETS; i++) {
        blocks_free(r->main[i].first);
        blocks_free(r->tail[i].first);
    }
    blocks_free(r->baseline.first);
    free(r->matched);
    memset(r, 0, sizeof *r);
}

/* Runs fn into memory buffers; false when out of memory or fn fails. */
static bool render(engine *e, size_t seq, const pb_reporter *rep, const pb_report_file *rf, chunk *main,
                   chunk *shared, chunk *tail)
{
    FILE *m = sink_open(e, main, shared, seq);
    FILE *t = m ? sink_open(e, tail, NULL, seq) : NULL;
    bool ok = t && rep->file(m, t, rf);
    if (m && fclose(m) != 0)
        ok = false;
    if (t && fclose(t) != 0)
        ok = false;
    return ok;
}

static pb_document *unreadable_doc(const char *path, const char *why)
{
    pb_arena *a = pb_arena_new();
    pb_document *d = a ? pb_arena_alloc(a, sizeof *d) : NULL;
    if (!d || !(d->path = pb_arena_strdup(a, path))) {
        pb_arena_free(a);
        return NULL;
    }
    d->arena = a;
    d->error.status = PB_ERR_IO;
    snprintf(d->error.message, sizeof d->error.message, "%s", why);
    return d;
}

static bool write_baseline_chunk(engine *e, const pb_document *d, const pb_fingerprint *fps, chunk *out)
{
    FILE *m = sink_open(e, out, NULL, 0);
    bool ok = m != NULL;
    for (size_t i = 0; ok && i < d->finding_count; i++) {
        if (i > 0)
            fputs(",\n", m);
        ok = baseline_entry_put(m, d, &d->findings[i], &fps[i]);
    }
    if (m && fclose(m) != 0)
        ok = false;
    return ok;
}

/* Leaves out the findings the baseline has; keeps the fingerprints
 * aligned with the findings that stay. */
static bool apply_baseline(const baseline *b, pb_document *d, pb_fingerprint *fps, result *r)
{
    if (!b)
        return true;
    r->matched = malloc((d->finding_count ? d->finding_count : 1) * sizeof *r->matched);
    if (!r->matched)
        return false;
    size_t keep = 0;
    for (size_t i = 0; i < d->finding_count; i++) {
        const bl_entry *e = baseline_find(b, fps[i].hex);
        if (e) {
            r->matched[r->matched_count++] = (size_t)(e - b->entries);
            r->baselined++;
            continue;
        }
        d->findings[keep] = d->findings[i];
        fps[keep++] = fps[i];
    }
    d->finding_count = keep;
    return true;
}

static int rule_index(const pb_rule *r)
{
    size_t n;
    const pb_rule *all = pb_rules(&n);
    return r >= all && r < all + n ? (int)(r - all) : -1;
}

static void summarise(const engine *e, const pb_document *d, result *r)
{
    const batch_config *bc = e->bc;
    r->error = d->error.status;
    r->read_ok = d->error.status == PB_OK;
    if (!r->read_ok) {
        r->status = d->error.status == PB_ERR_NOMEM || d->error.status == PB_ERR_INTERNAL ? EXIT_INTERNAL
                                                                                          : EXIT_UNREADABLE;
        if (!e->text_stdout)
            r->note = xprintf("pbcheck: %s: %s [%s]\n", d->path, d->error.message, pb_status_code(d->error.status));
    }
    r->projects = d->project_count;
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        r->by_sev[f->severity]++;
        int idx = rule_index(f->rule);
        if (idx >= 0 && idx < 64)
            r->rule_counts[idx]++;
        if (bc->findings_fail && f->severity >= bc->fail_on)
            r->status = cli_worse(r->status, EXIT_FINDINGS);
    }
}

/* Fingerprints cost a pass over the findings: only baselines and the
 * formats that print them need them. */
static bool needs_fingerprints(const engine *e)
{
    const batch_config *bc = e->bc;
    bool need = bc->write_baseline || e->base;
    for (size_t t = 0; !need && t < bc->target_count; t++)
        need = bc->targets[t].reporter->fingerprints;
    return need;
}

static void process(engine *e, item *it, size_t seq, result *r)
{
    const batch_config *bc = e->bc;
    r->kind = it->kind;
    r->path = it->path;
    if (it->kind == ITEM_NOTICE) {
        r->note = it->message;
        return;
    }
    pb_document *d = it->kind == ITEM_UNREADABLE ? unreadable_doc(it->path, it->message)
                                                 : pb_read_file(it->path, &bc->opt);
    free(it->message);
    /* A bad .pbcheck.json met in a walk was reported and fails the run. */
    const pb_config *cfg = bc->configs ? cli_config_for(bc->configs, it->path) : NULL;
    bool checked = d && pb_check(d, cfg ? cfg : bc->config);
    bool need_fps = checked && needs_fingerprints(e);
    pb_fingerprint *fps = need_fps ? pb_fingerprints(d) : NULL;
    bool ok = checked && (!need_fps || fps) &&
              (!bc->write_baseline || write_baseline_chunk(e, d, fps, &r->baseline)) &&
              apply_baseline(e->base, d, fps, r);
    if (ok) {
        summarise(e, d, r);
        for (size_t t = 0; ok && t < bc->target_count; t++) {
            pb_report_file rf = {d, fps, bc->fail_on, bc->targets[t].color};
            /* the ring slot is this file's until the main thread has written it */
            chunk *shared = &e->ring[seq % e->window].main[t];
            ok = render(e, seq, bc->targets[t].reporter, &rf, &r->main[t], shared, &r->tail[t]);
        }
    }
    if (!ok) {
        r->status = EXIT_INTERNAL;
        free(r->note);
        r->note = xprintf(_("pbcheck: %s: out of memory\n"), it->path);
    }
    free(fps);
    pb_document_free(d);
}

/* Takes the next file and its number.  The walker runs under its own lock
 * (it may wait on stdin or a slow folder) so that writing never waits on it. */
static bool take_next(engine *e, item *it, size_t *seq)
{
    pthread_mutex_lock(&e->walk_mu);
    pthread_mutex_lock(&e->mu);
    while (!e->walk_done && e->next_seq - e->head >= e->window)
        pthread_cond_wait(&e->space, &e->mu);
    bool done = e->walk_done;
    pthread_mutex_unlock(&e->mu);
    int r = done ? 0 : walker_next(&e->w, it);
    pthread_mutex_lock(&e->mu);
    if (r > 0)
        *seq = e->next_seq++;
    else if (!done) {
        e->walk_done = true;
        e->walk_oom = r < 0;
        pthread_cond_broadcast(&e->ready);
        pthread_cond_broadcast(&e->space);
    }
    pthread_mutex_unlock(&e->mu);
    pthread_mutex_unlock(&e->walk_mu);
    return r > 0;
}

static void *worker(void *arg)
{
    engine *e = arg;
    item it;
    size_t seq;
    while (take_next(e, &it, &seq)) {
        result res = {0};
        process(e, &it, seq, &res);
        pthread_mutex_lock(&e->mu);
        res.done = true;
        result *slot = &e->ring[seq % e->window];
        /* blocks published while rendering come before the last ones */
        for (size_t t = 0; t < BATCH_MAX_TARGETS; t++) {
            chunk_join(&slot->main[t], &res.main[t]);
            res.main[t] = slot->main[t];
        }
        *slot = res;
        if (seq == e->head)
            pthread_cond_signal(&e->ready);
        pthread_mutex_unlock(&e->mu);
    }
    return NULL;
}

/* ================================================================ output */

typedef struct output {
    const batch_config *bc;
    FILE *files[BATCH_MAX_TARGETS];
    FILE *tails[BATCH_MAX_TARGETS]; /* spooled until mid */
    size_t items[BATCH_MAX_TARGETS], tail_items[BATCH_MAX_TARGETS];
    FILE *baseline_out;
    size_t baseline_items;
    baseline *base;
    pb_run_totals totals;
    size_t status_counts[PB_STATUS_COUNT];
    bool started[BATCH_MAX_TARGETS]; /* of the file being written */
    int status;
    /* progress */
    bool progress;
    bool progress_shown;
    struct timespec start;
} output;

static uint64_t elapsed_ms(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)(now.tv_sec - start->tv_sec) * 1000u +
           (uint64_t)((now.tv_nsec - start->tv_nsec) / 1000000);
}

static void progress_clear(output *o)
{
    if (o->progress_shown) {
        fputs("\r\033[K", stderr);
        o->progress_shown = false;
    }
}

static void progress_show(output *o, size_t done, size_t queued, bool all_known)
{
    uint64_t ms = elapsed_ms(&o->start);
    if (!o->progress || ms < 1000)
        return;
    fputs("\r\033[K", stderr); /* terminal control stays out of the message */
    fprintf(stderr, _("pbcheck: %zu/%zu%s files, %llu files/s, %zu unreadable"), done, queued,
            all_known ? "" : "+", (unsigned long long)(done * 1000 / ms), o->totals.unreadable);
    fflush(stderr);
    o->progress_shown = true;
}

/* Writes blocks of a file's chunk; the separator goes before the first
 * bytes of a non-empty chunk when an earlier file's chunk was written
 * (*started: this file's chunk has begun). */
static void put_blocks(FILE *out, const block *b, const char *separator, size_t *items, bool *started)
{
    for (; b; b = b->next) {
        if (b->len == 0)
            continue;
        if (!*started) {
            if (*items > 0)
                fputs(separator, out);
            (*items)++;
            *started = true;
        }
        fwrite(b->data, 1, b->len, out);
    }
}

static void put_chunk(FILE *out, const chunk *c, const char *separator, size_t *items)
{
    bool started = false;
    put_blocks(out, c->first, separator, items, &started);
}

static void mark_baseline(output *o, const result *r)
{
    baseline *b = o->base;
    if (!b)
        return;
    for (size_t i = 0; i < r->matched_count; i++)
        b->entries[r->matched[i]].matched = true;
    if (!r->read_ok || b->file_count == 0)
        return;
    char *norm = normalise_path(r->path);
    if (!norm)
        return;
    bl_file key = {norm, false};
    bl_file *hit = bsearch(&key, b->files, b->file_count, sizeof *b->files, cmp_file);
    if (hit)
        hit->checked = true;
    free(norm);
}

static void emit(output *o, result *r)
{
    const batch_config *bc = o->bc;
    if (r->note && !bc->quiet) {
        progress_clear(o);
        fputs(r->note, stderr);
    }
    o->status = cli_worse(o->status, r->status);
    if (r->kind == ITEM_NOTICE)
        return;
    for (size_t t = 0; t < bc->target_count; t++) {
        if (!bc->targets[t].path)
            progress_clear(o);
        put_blocks(o->files[t], r->main[t].first, bc->targets[t].reporter->separator, &o->items[t], &o->started[t]);
        o->started[t] = false;
        if (o->tails[t])
            put_chunk(o->tails[t], &r->tail[t], bc->targets[t].reporter->tail_separator, &o->tail_items[t]);
        if (!bc->targets[t].path)
            fflush(o->files[t]);
    }
    if (o->baseline_out)
        put_chunk(o->baseline_out, &r->baseline, ",\n", &o->baseline_items);
    pb_run_totals *t = &o->totals;
    t->files++;
    if (!r->read_ok) {
        t->unreadable++;
        if (r->error < PB_STATUS_COUNT)
            o->status_counts[r->error]++;
    }
    t->projects += r->projects;
    t->baselined += r->baselined;
    for (int s = 0; s < 4; s++)
        t->findings[s] += r->by_sev[s];
    for (int i = 0; i < 64; i++)
        t->rule_findings[i] += r->rule_counts[i];
    mark_baseline(o, r);
}

/* Writes what the file at the head has rendered so far (called and
 * returning with e->mu held); false when it has nothing new. */
static bool stream_head(engine *e, output *o, result *slot)
{
    const batch_config *bc = o->bc;
    chunk taken[BATCH_MAX_TARGETS];
    bool any = false;
    for (size_t t = 0; t < bc->target_count; t++) {
        taken[t] = slot->main[t];
        slot->main[t].first = slot->main[t].last = NULL;
        any = any || taken[t].first;
    }
    if (!any)
        return false;
    pthread_mutex_unlock(&e->mu);
    for (size_t t = 0; t < bc->target_count; t++) {
        if (!taken[t].first)
            continue;
        if (!bc->targets[t].path)
            progress_clear(o);
        put_blocks(o->files[t], taken[t].first, bc->targets[t].reporter->separator, &o->items[t], &o->started[t]);
    }
    pthread_mutex_lock(&e->mu);
    for (size_t t = 0; t < bc->target_count; t++)
        blocks_recycle(e, taken[t].first);
    return true;
}

/* The main thread's loop: writes results in order as they complete. */
static void drain(engine *e, output *o)
{
    pthread_mutex_lock(&e->mu);
    for (;;) {
        result *slot = &e->ring[e->head % e->window];
        if (slot->done) {
            result r = *slot;
            memset(slot, 0, sizeof *slot);
            pthread_mutex_unlock(&e->mu);
            emit(o, &r);
            result_free(&r);
            pthread_mutex_lock(&e->mu);
            e->head++;
            pthread_cond_broadcast(&e->space);
            continue;
        }
        if (stream_head(e, o, slot))
            continue;
        if (e->walk_done && e->head == e->next_seq)
            break;
        if (o->progress) {
            size_t done = e->head, queued = e->next_seq;
            bool known = e->walk_done;
            pthread_mutex_unlock(&e->mu);
            progress_show(o, done, queued, known);
            pthread_mutex_lock(&e->mu);
            if (e->ring[e->head % e->window].done || (e->walk_done && e->head == e->next_seq))
                continue;
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 250 * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&e->ready, &e->mu, &until);
        } else
            pthread_cond_wait(&e->ready, &e->mu);
    }
    pthread_mutex_unlock(&e->mu);
    progress_clear(o);
}

static unsigned job_count(unsigned asked)
{
    if (asked == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        asked = n > 0 ? (unsigned)n : 1;
    }
    return asked > MAX_JOBS ? MAX_JOBS : asked;
}

/* Runs the pool; false when no thread could be started or memory ran out. */
static bool run_pool(engine *e, output *o, unsigned jobs)
{
    pthread_t threads[MAX_JOBS];
    unsigned started = 0;
    for (unsigned i = 0; i < jobs; i++) {
        if (pthread_create(&threads[i], NULL, worker, e) != 0)
            break;
        started++;
    }
    if (started == 0) {
        fputs(_("pbcheck: cannot start a thread\n"), stderr);
        return false;
    }
    drain(e, o);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (e->walk_oom)
        fputs(_("pbcheck: out of memory while listing files\n"), stderr);
    return !e->walk_oom;
}

/* ============================================================== the run */

typedef struct rule_stat {
    size_t count;
    const char *id, *slug, *severity;
} rule_stat;

static int cmp_stat(const void *x, const void *y)
{
    const rule_stat *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Counts by rule (and by reason for unreadable files), most frequent first. */
static void print_statistics(FILE *out, const output *o)
{
    rule_stat stats[64 + PB_STATUS_COUNT];
    size_t n = 0, rule_count;
    const pb_rule *rules = pb_rules(&rule_count);
    for (size_t i = 0; i < rule_count && i < 64; i++)
        if (o->totals.rule_findings[i])
            stats[n++] = (rule_stat){o->totals.rule_findings[i], rules[i].id, rules[i].slug,
                                     pb_severity_name(rules[i].severity)};
    for (int s = 1; s < PB_STATUS_COUNT; s++)
        if (o->status_counts[s])
            stats[n++] = (rule_stat){o->status_counts[s], pb_status_code((pb_status)s), _("file cannot be read"), ""};
    qsort(stats, n, sizeof *stats, cmp_stat);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%8zu  %-22s %s\n", stats[i].count, stats[i].id, stats[i].slug);
}

/* Baseline entries of files read in this run that no longer fire. */
static size_t print_stale(FILE *out, const baseline *b)
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

static void close_outputs(output *o, int *status)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        if (o->tails[t])
            fclose(o->tails[t]);
        if (!o->files[t])
            continue;
        bool bad = bc->targets[t].path ? fclose(o->files[t]) != 0 : (fflush(o->files[t]) != 0 || ferror(o->files[t]));
        if (bad) {
            fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), bc->targets[t].path ? bc->targets[t].path : "stdout",
                    strerror(errno));
            *status = EXIT_INTERNAL;
        }
    }
    if (o->baseline_out && fclose(o->baseline_out) != 0) {
        fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), bc->write_baseline, strerror(errno));
        *status = EXIT_INTERNAL;
    }
}

static bool open_outputs(output *o)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++) {
        const batch_target *tg = &bc->targets[t];
        o->files[t] = tg->path ? fopen(tg->path, "w") : stdout;
        if (!o->files[t]) {
            fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), tg->path, strerror(errno));
            return false;
        }
        if (tg->reporter->mid && !(o->tails[t] = tmpfile())) {
            fprintf(stderr, _("pbcheck: cannot create a temporary file: %s\n"), strerror(errno));
            return false;
        }
    }
    if (bc->write_baseline && !(o->baseline_out = fopen(bc->write_baseline, "w"))) {
        fprintf(stderr, _("pbcheck: cannot write %s: %s\n"), bc->write_baseline, strerror(errno));
        return false;
    }
    return true;
}

static bool copy_stream(FILE *from, FILE *to)
{
    char buf[65536];
    size_t n;
    rewind(from);
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, n, to);
    return !ferror(from);
}

static void write_begin(output *o)
{
    const batch_config *bc = o->bc;
    for (size_t t = 0; t < bc->target_count; t++)
        if (bc->targets[t].reporter->begin && !bc->targets[t].reporter->begin(o->files[t]))
            o->status = EXIT_INTERNAL;
    if (o->baseline_out)
        fprintf(o->baseline_out, "{\"pbcheck_baseline\":1,\"tool\":\"pbcheck %s\",\"findings\":[\n", PB_VERSION);
}

/* Text and github reports end with the summary line on stdout, and take
 * the statistics and stale baseline entries there too; other formats carry
 * their totals inside the report, and these lines go to stderr. */
static bool summary_on_stdout(const batch_config *bc, size_t t)
{
    const char *name = bc->targets[t].reporter->name;
    return !bc->targets[t].path && (strcmp(name, "text") == 0 || strcmp(name, "github") == 0);
}

static void write_end(output *o)
{
    const batch_config *bc = o->bc;
    bool stdout_summary = bc->target_count > 0 && summary_on_stdout(bc, 0);
    FILE *notes = stdout_summary ? stdout : stderr;
    if (bc->statistics && !(bc->quiet && !stdout_summary))
        print_statistics(notes, o);
    if (!bc->quiet || stdout_summary)
        print_stale(notes, o->base);
    for (size_t t = 0; t < bc->target_count; t++) {
        const pb_reporter *rep = bc->targets[t].reporter;
        bool ok = true;
        if (rep->mid) {
            ok = rep->mid(o->files[t], &o->totals) && copy_stream(o->tails[t], o->files[t]);
        }
        /* The summary line of text and github reports is what --quiet
         * silences; other formats need their end to be well-formed. */
        bool skip = bc->quiet && summary_on_stdout(bc, t);
        if (ok && rep->end && !skip)
            ok = rep->end(o->files[t], &o->totals);
        if (!ok)
            o->status = EXIT_INTERNAL;
    }
    if (o->baseline_out)
        fputs("\n]}\n", o->baseline_out);
}

static int list_files(const batch_config *bc, char **paths, int count)
{
    walker w = {paths, count, 0, bc->nul, bc->follow_symlinks, false, NULL, 0, NULL, 0, 0};
    item it;
    int r, status = EXIT_CLEAN;
    while ((r = walker_next(&w, &it)) > 0) {
        if (it.kind == ITEM_FILE)
            printf("%s%c", it.path, bc->nul ? '\0' : '\n');
        else if (it.kind == ITEM_UNREADABLE) {
            fprintf(stderr, "pbcheck: %s: %s [%s]\n", it.path, it.message, pb_status_code(PB_ERR_IO));
            status = EXIT_UNREADABLE;
        } else if (!bc->quiet)
            fputs(it.message, stderr);
        free(it.path);
        free(it.message);
    }
    walker_free(&w);
    if (r < 0) {
        fputs(_("pbcheck: out of memory while listing files\n"), stderr);
        return EXIT_INTERNAL;
    }
    return fflush(stdout) == 0 ? status : EXIT_INTERNAL;
}

int cli_batch_run(const batch_config *bc, char **paths, int count)
{
    if (bc->list_files)
        return list_files(bc, paths, count);
    baseline base = {0};
    char why[512];
    if (bc->baseline && !baseline_load(&base, bc->baseline, why, sizeof why)) {
        fprintf(stderr, _("pbcheck: cannot use the baseline %s: %s\n"), bc->baseline, why);
        baseline_free(&base);
        return EXIT_USAGE;
    }
    output o = {.bc = bc, .base = bc->baseline ? &base : NULL};
    clock_gettime(CLOCK_MONOTONIC, &o.start);
    o.progress = bc->progress != PROGRESS_NEVER && !bc->quiet && isatty(STDERR_FILENO);
    int status = EXIT_CLEAN;
    if (!open_outputs(&o)) {
        close_outputs(&o, &status);
        baseline_free(&base);
        return EXIT_USAGE;
    }
    unsigned jobs = job_count(bc->jobs);
    engine e = {.bc = bc, .base = o.base, .window = 8u * jobs + 32u};
    e.w = (walker){paths, count, 0, bc->nul, bc->follow_symlinks, false, NULL, 0, NULL, 0, 0};
    e.text_stdout = bc->target_count > 0 && !bc->targets[0].path && strcmp(bc->targets[0].reporter->name, "text") == 0;
    e.ring = calloc(e.window, sizeof *e.ring);
    pthread_mutex_init(&e.walk_mu, NULL);
    pthread_mutex_init(&e.mu, NULL);
    pthread_cond_init(&e.space, NULL);
    pthread_cond_init(&e.ready, NULL);
    write_begin(&o);
    if (!e.ring || !run_pool(&e, &o, jobs))
        o.status = EXIT_INTERNAL;
    if (o.totals.files == 0 && !bc->quiet)
        fputs(_("pbcheck: warning: no .docx file was found\n"), stderr);
    status = o.status;
    if (bc->exit_zero && status == EXIT_FINDINGS)
        status = EXIT_CLEAN;
    o.totals.exit_status = status;
    write_end(&o);
    status = cli_worse(status, o.status == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_CLEAN);
    close_outputs(&o, &status);
    for (size_t i = 0; e.ring && i < e.window; i++)
        result_free(&e.ring[i]);
    free(e.ring);
    blocks_free(e.pool);
    walker_free(&e.w);
    pthread_mutex_destroy(&e.walk_mu);
    pthread_mutex_destroy(&e.mu);
    pthread_cond_destroy(&e.space);
    pthread_cond_destroy(&e.ready);
    baseline_free(&base);
    return status;
}
