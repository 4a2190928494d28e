/* Reading beside checking: the package is read on a thread of its own,
 * which hands what it reads, in order and in batches, to the caller's
 * thread, where the tables are extracted and checked.  Parsing is most of a
 * file's time and needs nothing from the checks, so on two cores the two
 * overlap and a file takes about the reader's time alone.  The caller's
 * sink sees the same calls in the same order as from pbi_read_package. */
#include "pipeline/handoff.h"
#include "model/model.h"

#include <pthread.h>
#include <string.h>

/* A batch is sent when it holds BATCH_BYTES; the reader waits while the
 * batches sent and not yet taken back hold more than FLIGHT_BYTES, so that
 * a few large tables are not all copied at once: what the copies hold is
 * bounded by FLIGHT_BYTES and the largest table twice. */
enum { BATCHES = 4, BATCH_BYTES = 64 * 1024, FLIGHT_BYTES = 1024 * 1024 };

/* A paragraph (text, index) when table is NULL. */
typedef struct event {
    const pb_table *table;
    const char *text;
    int index;
} event;

typedef struct batch {
    pb_arena *arena; /* the copies; emptied, not freed, between uses */
    event *events;
    size_t count, cap;
    size_t bytes; /* what the copies take, roughly */
    struct batch *next;
} batch;

typedef struct handoff {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    batch slots[BATCHES];
    batch *idle;             /* ready to be filled */
    batch *queued, *last;    /* filled, in reading order */
    bool read_done, refused; /* refused: the caller's sink said no */
    size_t in_flight;        /* bytes of the batches sent, until taken back */
    batch *filling;          /* the reader's thread's own */
    /* the read, done on the reader's thread */
    pb_zip *z;
    pb_arena *a;
    const pb_limits *l;
    pb_format *format;
    pb_error *e;
} handoff;

/* ---- the reader's thread */

static batch *take_idle(handoff *h)
{
    pthread_mutex_lock(&h->mu);
    while (!h->idle && !h->refused)
        pthread_cond_wait(&h->changed, &h->mu);
    batch *b = h->refused ? NULL : h->idle;
    if (b)
        h->idle = b->next;
    pthread_mutex_unlock(&h->mu);
    return b;
}

/* Queues the batch being filled; false once the caller has refused. */
static bool send(handoff *h)
{
    batch *b = h->filling;
    h->filling = NULL;
    pthread_mutex_lock(&h->mu);
    if (b) {
        b->next = NULL;
        if (h->last)
            h->last->next = b;
        else
            h->queued = b;
        h->last = b;
        h->in_flight += b->bytes;
        pthread_cond_broadcast(&h->changed);
        while (h->in_flight > FLIGHT_BYTES && h->queued && !h->refused)
            pthread_cond_wait(&h->changed, &h->mu);
    }
    bool ok = !h->refused;
    pthread_mutex_unlock(&h->mu);
    return ok;
}

static size_t table_bytes(const pb_table *t)
{
    size_t n = sizeof *t + (size_t)t->width * (size_t)t->row_count * sizeof *t->grid;
    for (int r = 0; r < t->row_count; r++) {
        n += sizeof *t->rows + (size_t)t->rows[r].count * sizeof *t->rows[r].cells;
        for (int i = 0; i < t->rows[r].count; i++)
            n += strlen(t->rows[r].cells[i].text) + 1;
    }
    return n;
}

/* The batch being filled, taken when there is none; NULL once refused. */
static batch *filling(handoff *h)
{
    if (!h->filling)
        h->filling = take_idle(h);
    return h->filling;
}

static bool add(handoff *h, batch *b, event ev, size_t bytes)
{
    if (!pbi_grow(b->arena, (void **)&b->events, &b->cap, b->count, sizeof *b->events))
        return false;
    b->events[b->count++] = ev;
    b->bytes += bytes;
    return b->bytes < BATCH_BYTES || send(h);
}

static bool read_paragraph(void *ctx, const char *text, int index)
{
    batch *b = filling(ctx);
    event ev = {.text = b ? pb_arena_strdup(b->arena, text) : NULL, .index = index};
    return ev.text && add(ctx, b, ev, strlen(text) + 1);
}

static bool read_table(void *ctx, const pb_table *t)
{
    batch *b = filling(ctx);
    event ev = {.table = b ? pbi_table_copy(b->arena, t) : NULL};
    return ev.table && add(ctx, b, ev, table_bytes(t));
}

static void *reader_main(void *arg)
{
    handoff *h = arg;
    pb_docx_sink to_caller = {h, read_paragraph, read_table};
    pbi_read_package(h->z, h->a, h->l, &to_caller, h->format, h->e);
    /* What was read before an error is handed on too, as the caller's
     * sink would have seen it without the thread. */
    send(h);
    pthread_mutex_lock(&h->mu);
    h->read_done = true;
    pthread_cond_broadcast(&h->changed);
    pthread_mutex_unlock(&h->mu);
    return NULL;
}

/* ---- the caller's thread */

static bool deliver(const pb_docx_sink *sink, const batch *b)
{
    for (size_t i = 0; i < b->count; i++) {
        const event *ev = &b->events[i];
        bool ok = ev->table ? !sink->table || sink->table(sink->ctx, ev->table)
                            : !sink->paragraph || sink->paragraph(sink->ctx, ev->text, ev->index);
        if (!ok)
            return false;
    }
    return true;
}

/* Hands each batch to sink as it comes, until the reader is done. */
static bool drain(handoff *h, const pb_docx_sink *sink)
{
    bool ok = true;
    pthread_mutex_lock(&h->mu);
    for (;;) {
        while (!h->queued && !h->read_done)
            pthread_cond_wait(&h->changed, &h->mu);
        batch *b = h->queued;
        if (!b)
            break;
        if (!(h->queued = b->next))
            h->last = NULL;
        pthread_mutex_unlock(&h->mu);
        ok = ok && deliver(sink, b);
        pbi_arena_reset(b->arena);
        pthread_mutex_lock(&h->mu);
        h->in_flight -= b->bytes;
        b->events = NULL;
        b->count = b->cap = b->bytes = 0;
        b->next = h->idle;
        h->idle = b;
        h->refused = !ok;
        pthread_cond_broadcast(&h->changed);
    }
    pthread_mutex_unlock(&h->mu);
    return ok;
}

static void handoff_free(handoff *h)
{
    for (int i = 0; i < BATCHES; i++)
        pb_arena_free(h->slots[i].arena);
}

static bool handoff_init(handoff *h)
{
    for (int i = 0; i < BATCHES; i++) {
        if (!(h->slots[i].arena = pb_arena_new())) {
            handoff_free(h);
            return false;
        }
        h->slots[i].next = h->idle;
        h->idle = &h->slots[i];
    }
    return true;
}

bool pbi_read_beside(pb_zip *z, pb_arena *a, const pb_limits *l, const pb_docx_sink *sink, pb_format *format,
                     pb_error *e)
{
    handoff h = {.z = z, .a = a, .l = l, .format = format, .e = e};
    pthread_t reader;
    if (!handoff_init(&h))
        return pbi_read_package(z, a, l, sink, format, e);
    pthread_mutex_init(&h.mu, NULL);
    pthread_cond_init(&h.changed, NULL);
    bool started = pthread_create(&reader, NULL, reader_main, &h) == 0;
    bool ok = started ? drain(&h, sink) : true;
    if (started)
        pthread_join(reader, NULL);
    pthread_mutex_destroy(&h.mu);
    pthread_cond_destroy(&h.changed);
    handoff_free(&h);
    if (!started)
        return pbi_read_package(z, a, l, sink, format, e);
    /* The reader stops at the refusal and says so (out of memory, as when
     * its sink refuses on its own thread) unless the refusal came after
     * it had read everything. */
    if (!ok && e->status == PB_OK)
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
    return e->status == PB_OK;
}
