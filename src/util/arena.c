/* One arena per document: every model object is freed at once. */
#include "util/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PB_ARENA_BLOCK (64 * 1024)

typedef struct pb_block {
    struct pb_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} pb_block;

struct pb_arena {
    pb_block *head;
    pb_block *spare; /* standard blocks kept by pbi_arena_reset */
    size_t spare_count;
    size_t total;
};

/* Standard blocks a reset arena keeps for reuse (1 MiB). */
#define PB_ARENA_SPARE_MAX 16

pb_arena *pb_arena_new(void) { return calloc(1, sizeof(pb_arena)); }

static void free_blocks(pb_block *b)
{
    while (b) {
        pb_block *next = b->next;
        free(b);
        b = next;
    }
}

void pb_arena_free(pb_arena *a)
{
    if (!a)
        return;
    free_blocks(a->head);
    free_blocks(a->spare);
    free(a);
}

void pbi_arena_reset(pb_arena *a)
{
    pb_block *b = a->head;
    a->head = NULL;
    while (b) {
        pb_block *next = b->next;
        if (b->cap == PB_ARENA_BLOCK && a->spare_count < PB_ARENA_SPARE_MAX) {
            b->used = 0;
            b->next = a->spare;
            a->spare = b;
            a->spare_count++;
        } else {
            a->total -= sizeof(pb_block) + b->cap;
            free(b);
        }
        b = next;
    }
}

static pb_block *block_new(size_t cap)
{
    pb_block *b = malloc(sizeof(pb_block) + cap);
    if (!b)
        return NULL;
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    return b;
}

/* size bytes at an offset that is a multiple of align (1 or 16). */
static void *take(pb_arena *a, size_t size, size_t align)
{
    pb_block *b = a->head;
    size_t off = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || off > b->cap || b->cap - off < size) {
        /* A large request gets a block of its own, behind the current one,
         * so the current block's free space is not wasted. */
        size_t cap = size > PB_ARENA_BLOCK / 4 ? size : PB_ARENA_BLOCK;
        pb_block *nb = NULL;
        if (cap == PB_ARENA_BLOCK && a->spare) {
            nb = a->spare;
            a->spare = nb->next;
            a->spare_count--;
            nb->next = NULL;
        } else {
            nb = block_new(cap);
            if (!nb)
                return NULL;
            a->total += sizeof(pb_block) + cap;
        }
        if (b && cap != PB_ARENA_BLOCK) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
        off = 0;
    }
    void *p = b->data + off;
    b->used = off + size;
    return p;
}

void *pb_arena_alloc(pb_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    void *p = take(a, size, 16);
    if (p)
        memset(p, 0, size);
    return p;
}

/* Strings are packed byte by byte: rounded to 16 bytes, the short texts of
 * a table's cells took a third more. */
char *pb_arena_strndup(pb_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = take(a, n + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *pb_arena_strdup(pb_arena *a, const char *s)
{
    return s ? pb_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t pb_arena_bytes(const pb_arena *a) { return a ? a->total : 0; }

bool pbi_grow(pb_arena *a, void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 8;
    if (ncap > SIZE_MAX / size)
        return false;
    void *n = pb_arena_alloc(a, ncap * size);
    if (!n)
        return false;
    if (*items && count)
        memcpy(n, *items, count * size);
    *items = n;
    *cap = ncap;
    return true;
}

bool pbi_buf_append(pb_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 256;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        char *d = realloc(b->data, ncap);
        if (!d)
            return false;
        b->data = d;
        b->cap = ncap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

void pbi_buf_reset(pb_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void pbi_buf_free(pb_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
