/* A spool: a temporary stream written once, rewound, then read once.  It
 * stays in memory up to a limit and moves to a temporary file beyond it, so
 * that a small file's report costs no disk and a large one no memory. */
#define _GNU_SOURCE /* fopencookie */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct spool {
    char *mem;
    size_t len, cap, limit, pos;
    FILE *file; /* once past the limit: everything is here */
} spool;

static ssize_t spool_write(void *cookie, const char *buf, size_t size)
{
    spool *s = cookie;
    if (!s->file && s->len + size > s->limit) {
        if (!(s->file = tmpfile()))
            return -1;
        if (s->len && fwrite(s->mem, 1, s->len, s->file) != s->len)
            return -1;
        free(s->mem);
        s->mem = NULL;
        s->len = s->cap = 0;
    }
    if (s->file)
        return fwrite(buf, 1, size, s->file) == size ? (ssize_t)size : -1;
    if (s->len + size > s->cap) {
        size_t ncap = s->cap ? s->cap : 4096;
        while (ncap < s->len + size)
            ncap *= 2;
        char *n = realloc(s->mem, ncap);
        if (!n) {
            errno = ENOMEM;
            return -1;
        }
        s->mem = n;
        s->cap = ncap;
    }
    memcpy(s->mem + s->len, buf, size);
    s->len += size;
    return (ssize_t)size;
}

static ssize_t spool_read(void *cookie, char *buf, size_t size)
{
    spool *s = cookie;
    if (s->file) {
        size_t n = fread(buf, 1, size, s->file);
        return n == 0 && ferror(s->file) ? -1 : (ssize_t)n;
    }
    size_t n = s->len - s->pos < size ? s->len - s->pos : size;
    memcpy(buf, s->mem + s->pos, n);
    s->pos += n;
    return (ssize_t)n;
}

/* Only back to the start: the spool is read from there. */
static int spool_seek(void *cookie, off64_t *offset, int whence)
{
    spool *s = cookie;
    if (*offset != 0 || whence != SEEK_SET) {
        errno = EINVAL;
        return -1;
    }
    s->pos = 0;
    if (s->file && (fflush(s->file) != 0 || fseek(s->file, 0, SEEK_SET) != 0))
        return -1;
    return 0;
}

static int spool_close(void *cookie)
{
    spool *s = cookie;
    int r = s->file ? fclose(s->file) : 0;
    free(s->mem);
    free(s);
    return r;
}

FILE *cli_spool_open(size_t in_memory)
{
    spool *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->limit = in_memory;
    FILE *f = fopencookie(s, "w+", (cookie_io_functions_t){spool_read, spool_write, spool_seek, spool_close});
    if (!f)
        free(s);
    return f;
}
