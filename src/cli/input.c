/* Opening one input (of a batch, or of `tables`).  A regular file goes to the reader as a
 * path.  Anything else named on the command line (a FIFO, /dev/stdin, a
 * character device) is read here first, without blocking, so that
 * --file-timeout holds while no one writes to it and max_file_size bounds
 * what an endless device can make us hold; then the reader gets the bytes. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

pb_document *cli_error_doc(const char *path, pb_status status, const char *why)
{
    pb_arena *a = pb_arena_new();
    pb_document *d = a ? pb_arena_alloc(a, sizeof *d) : NULL;
    size_t shown = pb_path_display(path, NULL, 0) + 1;
    char *display = d ? pb_arena_alloc(a, shown) : NULL;
    if (!display || !(d->path = pb_arena_strdup(a, path))) {
        pb_arena_free(a);
        return NULL;
    }
    pb_path_display(path, display, shown);
    d->display_path = display;
    d->arena = a;
    d->error.status = status;
    snprintf(d->error.message, sizeof d->error.message, "%s", why);
    return d;
}

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Reads a stream up to max bytes; the status says why it stopped early. */
static pb_status read_stream(int fd, uint64_t max, uint64_t millis, char **data, size_t *len, int *err)
{
    int64_t deadline = millis ? now_ms() + (int64_t)(millis > INT32_MAX ? INT32_MAX : millis) : 0;
    size_t cap = 0;
    *data = NULL;
    *len = 0;
    for (;;) {
        int wait = -1;
        if (deadline) {
            int64_t left = deadline - now_ms();
            if (left <= 0)
                return PB_ERR_TIMEOUT;
            wait = left > INT32_MAX ? INT32_MAX : (int)left;
        }
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, wait);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            *err = errno;
            return PB_ERR_IO;
        }
        if (r == 0)
            return PB_ERR_TIMEOUT;
        if (*len == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            if (ncap > max + 1)
                ncap = (size_t)max + 1;
            char *n = ncap > cap ? realloc(*data, ncap) : NULL;
            if (!n)
                return ncap > cap ? PB_ERR_NOMEM : PB_ERR_FILE_TOO_LARGE;
            *data = n;
            cap = ncap;
        }
        ssize_t got = read(fd, *data + *len, cap - *len);
        if (got < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (got < 0) {
            *err = errno;
            return PB_ERR_IO;
        }
        if (got == 0)
            return PB_OK;
        *len += (size_t)got;
        if (*len > max)
            return PB_ERR_FILE_TOO_LARGE;
    }
}

/* A Word or WPS lock file (~$name.docx) named on the command line cannot be
 * read as a filing: its reason says what it is, with the reader's code. */
static pb_document *told_if_lock_file(pb_document *d, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (d && d->error.status != PB_OK && d->error.status != PB_ERR_NOMEM && d->error.status != PB_ERR_INTERNAL &&
        strncmp(base, "~$", 2) == 0 && base[2])
        snprintf(d->error.message, sizeof d->error.message, "%s", _(CLI_LOCK_FILE));
    return d;
}

static pb_document *read_input(const char *path, const pb_options *opt, const cli_stream *stream);

pb_document *cli_read_input(const char *path, const pb_options *opt)
{
    return told_if_lock_file(read_input(path, opt, NULL), path);
}

pb_document *cli_check_input(const char *path, const pb_options *opt, const cli_stream *st)
{
    return told_if_lock_file(read_input(path, opt, st), path);
}

static pb_document *open_file(const char *path, const pb_options *opt, const cli_stream *st)
{
    return st ? pb_check_file(path, opt, st->config, st->fn, st->ctx) : pb_read_file(path, opt);
}

static pb_document *open_memory(const void *data, size_t len, const char *path, const pb_options *opt,
                                const cli_stream *st)
{
    return st ? pb_check_memory(data, len, path, opt, st->config, st->fn, st->ctx)
              : pb_read_memory(data, len, path, opt);
}

static pb_document *read_input(const char *path, const pb_options *opt, const cli_stream *stream)
{
    struct stat st;
    char why[256];
    if (stat(path, &st) != 0 || access(path, R_OK) != 0) {
        /* said here, in pbcheck's words: the C library's may be "?????"
         * where no Chinese locale is installed */
        snprintf(why, sizeof why, _("cannot open the file: %s"), pb_strerror(errno));
        return cli_error_doc(path, PB_ERR_IO, why);
    }
    if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
        return open_file(path, opt, stream); /* the reader says what is wrong */
    int64_t start = now_ms();
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, sizeof why, _("cannot open the file: %s"), pb_strerror(errno));
        return cli_error_doc(path, PB_ERR_IO, why);
    }
    char *data;
    size_t len;
    int err = 0;
    const pb_limits *l = &opt->limits;
    pb_status s = read_stream(fd, l->max_file_size, l->max_millis, &data, &len, &err);
    close(fd);
    pb_document *d = NULL;
    if (s == PB_OK) {
        pb_options left = *opt;
        if (l->max_millis) {
            uint64_t spent = (uint64_t)(now_ms() - start);
            left.limits.max_millis = spent < l->max_millis ? l->max_millis - spent : 1;
        }
        d = open_memory(data ? data : "", len, path, &left, stream);
    } else if (s == PB_ERR_TIMEOUT) {
        snprintf(why, sizeof why, _("reading took longer than the limit of %llu ms (--file-timeout)"),
                 (unsigned long long)l->max_millis);
        d = cli_error_doc(path, s, why);
    } else if (s == PB_ERR_FILE_TOO_LARGE) {
        snprintf(why, sizeof why, _("the file is more than the limit of %llu bytes"),
                 (unsigned long long)l->max_file_size);
        d = cli_error_doc(path, s, why);
    } else if (s == PB_ERR_IO) {
        snprintf(why, sizeof why, _("cannot read the file: %s"), pb_strerror(err));
        d = cli_error_doc(path, s, why);
    }
    free(data);
    return d;
}
