/* Checking many files.  One producer (the walker, driven under a lock by
 * whichever worker needs the next path) numbers the files in input order;
 * N worker threads read, check and render each file into memory; the main
 * thread writes the rendered files strictly in that order, so the output is
 * the same byte for byte whatever N.  Only a window of rendered files is
 * held at a time (workers wait when it is full), and no document outlives
 * its worker's turn, so memory does not grow with the number of files. */
#define _GNU_SOURCE /* fopencookie */
#include "cli/batch_int.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define BLOCK_POOL_MAX 32

typedef struct engine {
    const batch_config *bc;
    const baseline *base;
    walker *w;
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
    /* One file and a free core: it is read on a thread of its own beside
     * its checks (pb_options.read_on_own_thread). */
    bool read_beside;
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

static bool write_baseline_chunk(engine *e, const pb_document *d, const pb_fingerprint *fps, chunk *out)
{
    FILE *m = sink_open(e, out, NULL, 0);
    bool ok = m != NULL;
    for (size_t i = 0; ok && i < d->finding_count; i++) {
        if (i > 0)
            fputs(",\n", m);
        ok = batch_baseline_entry_put(m, d, &d->findings[i], &fps[i]);
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
        const bl_entry *e = batch_baseline_find(b, fps[i].hex);
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
        if (!e->text_stdout) {
            /* stderr is a terminal too: the name and the reason shown safe */
            char path[4096], why[sizeof d->error.message * 4];
            pb_safe_text(d->display_path ? d->display_path : d->path, path, sizeof path);
            pb_safe_text(d->error.message, why, sizeof why);
            r->note = cli_xprintf("pbcheck: %s: %s [%s]\n", path, why, pb_status_code(d->error.status));
        }
    }
    r->projects = d->project_count;
    r->departments = d->department_count;
    for (size_t i = 0; i < d->finding_count; i++) {
        const pb_finding *f = &d->findings[i];
        r->by_sev[f->severity]++;
        int idx = rule_index(f->rule);
        if (idx >= 0 && idx < PB_RULES_MAX)
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

/* ---- a file read and checked a project at a time */

/* Whether every target takes a streamed document: then no file's projects
 * are held whole beyond their checks (HTML draws the tables: it does not). */
static bool streams(const batch_config *bc)
{
    if (bc->opt.keep_tables)
        return false;
    for (size_t t = 0; t < bc->target_count; t++)
        if (!bc->targets[t].reporter->streams)
            return false;
    return true;
}

/* What the formats write of each project while it is whole (JSON), in a
 * spool per target and kind until the file's chunk is rendered: in memory
 * for a small file, a temporary file beyond SPOOL_IN_MEMORY. */
#define SPOOL_IN_MEMORY (1u << 20)
typedef struct spools {
    const batch_config *bc;
    FILE *f[BATCH_MAX_TARGETS][2]; /* [t][0] projects, [t][1] departments */
    int err;                       /* errno of the first failure */
} spools;

static bool spool_project(void *ctx, const pb_document *d, const pb_project *p)
{
    spools *s = ctx;
    for (size_t t = 0; t < s->bc->target_count; t++) {
        const pb_reporter *rep = s->bc->targets[t].reporter;
        if (!rep->project)
            continue;
        FILE **f = &s->f[t][p->whole_department];
        errno = 0;
        if ((!*f && !(*f = cli_spool_open(SPOOL_IN_MEMORY))) || !rep->project(*f, d, p)) {
            s->err = errno ? errno : EIO;
            return false;
        }
    }
    return true;
}

/* Rewinds the spools for the reporters; false when one could not be written. */
static bool spools_rewind(spools *s)
{
    for (size_t t = 0; t < s->bc->target_count; t++)
        for (int k = 0; k < 2; k++)
            if (s->f[t][k] && (fflush(s->f[t][k]) != 0 || ferror(s->f[t][k]) || fseek(s->f[t][k], 0, SEEK_SET) != 0)) {
                s->err = errno ? errno : EIO;
                return false;
            }
    return true;
}

static void spools_close(spools *s)
{
    for (size_t t = 0; t < BATCH_MAX_TARGETS; t++)
        for (int k = 0; k < 2; k++)
            if (s->f[t][k])
                fclose(s->f[t][k]);
}

/* A spool that failed fails its file, in words of the disk. */
static void spool_failed(pb_document *d, const spools *s)
{
    d->error.status = PB_ERR_INTERNAL;
    snprintf(d->error.message, sizeof d->error.message, _("cannot write a temporary file of the report: %s"),
             pb_strerror(s->err));
    d->project_count = d->department_count = 0;
    d->finding_count = 0;
}

static void spools_forget(spools *s)
{
    spools_close(s);
    memset(s->f, 0, sizeof s->f);
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
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* A bad .pbcheck.json met in a walk was reported and fails the run. */
    const pb_config *cfg = bc->configs ? cli_config_for(bc->configs, it->path) : NULL;
    spools sp = {.bc = bc};
    cli_stream st = {cfg ? cfg : bc->config, spool_project, &sp};
    bool stream = it->kind != ITEM_UNREADABLE && streams(bc);
    pb_options opt = bc->opt;
    opt.read_on_own_thread = e->read_beside;
    pb_document *d = it->kind == ITEM_UNREADABLE ? cli_error_doc(it->path, it->status, it->message)
                     : stream                    ? cli_check_input(it->path, &opt, &st)
                                                 : cli_read_input(it->path, &opt);
    free(it->message);
    if (d && stream && (sp.err || !spools_rewind(&sp))) {
        spool_failed(d, &sp);
        spools_forget(&sp);
    }
    bool checked = d && (stream || pb_check(d, cfg ? cfg : bc->config));
    bool need_fps = checked && needs_fingerprints(e);
    pb_fingerprint *fps = need_fps ? pb_fingerprints(d) : NULL;
    bool ok = checked && (!need_fps || fps) &&
              (!bc->write_baseline || write_baseline_chunk(e, d, fps, &r->baseline)) &&
              apply_baseline(e->base, d, fps, r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (ok) {
        summarise(e, d, r);
        for (size_t t = 0; ok && t < bc->target_count; t++) {
            pb_report_file rf = {d, fps, bc->fail_on, bc->targets[t].color, bc->min_severity, seconds,
                                 cfg ? cfg : bc->config, bc->targets[t].reporter->marks_hints, sp.f[t][0], sp.f[t][1]};
            /* the ring slot is this file's until the main thread has written it */
            chunk *shared = &e->ring[seq % e->window].main[t];
            ok = render(e, seq, bc->targets[t].reporter, &rf, &r->main[t], shared, &r->tail[t]);
        }
    }
    if (!ok) {
        r->status = EXIT_INTERNAL;
        free(r->note);
        r->note = cli_xprintf(_("pbcheck: %s: out of memory\n"), it->path);
    }
    free(fps);
    spools_close(&sp);
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
    int r = done ? 0 : batch_walker_next(e->w, it);
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

/* Writes what the file at the head has rendered so far (called and
 * returning with e->mu held); false when it has nothing new. */
static bool stream_head(engine *e, output *o, result *slot)
{
    const batch_config *bc = o->bc;
    chunk taken[BATCH_MAX_TARGETS];
    bool any = false;
    for (size_t t = 0; t < bc->target_count; t++) {
        taken[t] = (chunk){0};
        if (bc->targets[t].folder)
            continue; /* a page per file: written whole when the file is done */
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
            batch_progress_clear(o);
        batch_put_target(o, t, taken[t].first);
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
            batch_emit(o, &r);
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
            batch_progress_show(o, done, queued, known);
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
    batch_progress_clear(o);
}

static unsigned job_count(unsigned asked)
{
    if (asked == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        asked = n > 0 ? (unsigned)n : 1;
    }
    return asked > MAX_JOBS ? MAX_JOBS : asked;
}

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

bool batch_pool_run(const batch_config *bc, const baseline *base, output *o, walker *w)
{
    unsigned jobs = job_count(bc->jobs);
    engine e = {.bc = bc, .base = base, .window = 8u * jobs + 32u};
    e.w = w;
    e.read_beside = jobs >= 2 && batch_walker_one_file(w);
    e.text_stdout = bc->target_count > 0 && !bc->targets[0].path && strcmp(bc->targets[0].reporter->name, "text") == 0;
    e.ring = calloc(e.window, sizeof *e.ring);
    pthread_mutex_init(&e.walk_mu, NULL);
    pthread_mutex_init(&e.mu, NULL);
    pthread_cond_init(&e.space, NULL);
    pthread_cond_init(&e.ready, NULL);
    bool ok = e.ring && run_pool(&e, o, jobs);
    for (size_t i = 0; e.ring && i < e.window; i++)
        result_free(&e.ring[i]);
    free(e.ring);
    blocks_free(e.pool);
    pthread_mutex_destroy(&e.walk_mu);
    pthread_mutex_destroy(&e.mu);
    pthread_cond_destroy(&e.space);
    pthread_cond_destroy(&e.ready);
    return ok;
}
