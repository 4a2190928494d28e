/* The package layer: sniff, open with libzip, find the main part, stream
 * parts with byte, ratio and total caps counted as they are inflated. */
#include "read/read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

struct pb_zip {
    zip_t *za;
    const pb_limits *limits;
    uint64_t total_inflated;
    uint64_t deadline_ms; /* CLOCK_MONOTONIC milliseconds; 0: no limit */
};

struct pb_part {
    pb_zip *z;
    zip_file_t *zf;
    uint64_t declared, compressed, inflated;
    char name[256];
    pb_error err;
};

static const unsigned char ole_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* Decides from the first bytes what the file is, before libzip sees it. */
static bool sniff(const unsigned char *head, size_t n, pb_error *e)
{
    if (n == 0) {
        pbi_error_set(e, PB_ERR_EMPTY, "%s", _("the file is empty"));
        return false;
    }
    if (n >= 8 && memcmp(head, ole_magic, 8) == 0) {
        pbi_error_set(e, PB_ERR_OLE, "%s",
                     _("this is an OLE compound file: an encrypted or password-protected "
                       ".docx, or a legacy Word .doc; save it as an unprotected .docx"));
        return false;
    }
    if (n < 4 || head[0] != 'P' || head[1] != 'K' ||
        !((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
        const char *what = _("not a .docx (zip) file");
        if (n >= 5 && memcmp(head, "{\\rtf", 5) == 0)
            what = _("an RTF file saved under a .docx name, not a .docx; save it as .docx");
        else if (n >= 1 && head[0] == '<')
            what = _("an HTML or XML file saved under a .docx name, not a .docx; save it as .docx");
        pbi_error_set(e, PB_ERR_NOT_ZIP, "%s", what);
        return false;
    }
    return true;
}

static void zip_error_to(pb_error *e, int code)
{
    switch (code) {
    case ZIP_ER_MEMORY:
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        break;
    case ZIP_ER_EXISTS:
        pbi_error_set(e, PB_ERR_ZIP_DUPLICATE, "%s", _("the zip has two entries with the same name"));
        break;
    case ZIP_ER_READ:
    case ZIP_ER_OPEN:
        pbi_error_set(e, PB_ERR_IO, _("cannot read the file: %s"), pb_strerror(errno));
        break;
    default: {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        pbi_error_set(e, PB_ERR_ZIP_CORRUPT, _("the zip structure is damaged (%s); the file may be truncated"),
                     zip_error_strerror(&ze));
        zip_error_fini(&ze);
    }
    }
}

static int cmp_names(const void *a, const void *b)
{
    return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* Entry count and names: a package must not hold two names that differ only
 * in case (OPC part names compare case-insensitively). */
static bool check_entries(pb_zip *z, pb_error *e)
{
    zip_int64_t n = zip_get_num_entries(z->za, 0);
    if (n < 0 || (uint64_t)n > z->limits->max_entries) {
        pbi_error_set(e, PB_ERR_ZIP_TOO_MANY_ENTRIES,
                     _("the zip has %lld entries, more than the limit of %u"), (long long)n,
                     z->limits->max_entries);
        return false;
    }
    const char **names = malloc(((size_t)n + 1) * sizeof *names);
    if (!names) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return false;
    }
    size_t k = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *nm = zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (nm)
            names[k++] = nm;
    }
    qsort(names, k, sizeof *names, cmp_names);
    bool ok = true;
    for (size_t i = 1; i < k && ok; i++)
        if (strcasecmp(names[i - 1], names[i]) == 0) {
            pbi_error_set(e, PB_ERR_ZIP_DUPLICATE, _("the zip has two entries named \"%s\""), names[i]);
            ok = false;
        }
    free(names);
    return ok;
}

static uint64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static pb_zip *finish_open(zip_t *za, const pb_limits *l, pb_error *e)
{
    pb_zip *z = calloc(1, sizeof *z);
    if (!z) {
        zip_discard(za);
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    z->za = za;
    z->limits = l;
    if (l->max_millis)
        z->deadline_ms = monotonic_ms() + l->max_millis;
    if (!check_entries(z, e)) {
        pbi_zip_close(z);
        return NULL;
    }
    return z;
}

/* A file this small is read whole with one read(): libzip's own file
 * source reads 4 KiB at a time with a seek before each, and on a batch of
 * small reports those system calls cost more than the inflating. */
#define PB_READ_WHOLE_MAX (8u << 20)

/* data: len bytes; owned: freed here or by libzip, whatever happens. */
static pb_zip *open_buffer(const void *data, size_t len, bool owned, const pb_limits *l, pb_error *e)
{
    if (!sniff(data, len < 8 ? len : 8, e)) {
        if (owned)
            free((void *)data);
        return NULL;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, owned, &ze);
    if (!src) {
        if (owned)
            free((void *)data);
        zip_error_to(e, zip_error_code_zip(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!za) {
        zip_error_to(e, zip_error_code_zip(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    return finish_open(za, l, e);
}

/* Reads up to len bytes of fd; the count, or -1 with errno. */
static ssize_t read_full(int fd, unsigned char *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

/* A pipe or device is held in memory whole, so it is bounded lower than a
 * file (which libzip reads in place): past this, file-too-large. */
#define PB_STREAM_MAX (64u << 20)

static void too_large(pb_error *e, bool stream, size_t len, uint64_t limit)
{
    if (stream)
        pbi_error_set(e, PB_ERR_FILE_TOO_LARGE,
                     _("the pipe or device gives more than %llu bytes, the limit for input that is not a regular "
                       "file; save it as a file to check it"),
                     (unsigned long long)limit);
    else
        pbi_error_set(e, PB_ERR_FILE_TOO_LARGE, _("the file is %llu bytes, more than the limit of %llu"),
                     (unsigned long long)len, (unsigned long long)limit);
}

/* Reads fd to its end, up to the file size limit, and opens that: a small
 * file (size_hint its size) or a pipe or device (`pbcheck <(curl …)`),
 * which libzip could not seek.  A stream that does not start like a zip
 * is refused at its first bytes (/dev/zero is not read to the limit). */
static pb_zip *open_whole(int fd, size_t size_hint, bool stream, const pb_limits *l, pb_error *e)
{
    size_t cap = size_hint < 64 * 1024 ? 64 * 1024 : size_hint + 1, len = 0;
    uint64_t max = l->max_file_size;
    if (stream && max > PB_STREAM_MAX)
        max = PB_STREAM_MAX;
    unsigned char *data = malloc(cap);
    for (;;) {
        if (!data) {
            close(fd);
            pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
            return NULL;
        }
        ssize_t n = read_full(fd, data + len, cap - len);
        if (n < 0) {
            int saved = errno;
            close(fd);
            free(data);
            pbi_error_set(e, PB_ERR_IO, _("cannot read the file: %s"), pb_strerror(saved));
            return NULL;
        }
        len += (size_t)n;
        if (len > max) {
            close(fd);
            free(data);
            /* at least len bytes: enough to say it is over the limit */
            too_large(e, stream, len, max);
            return NULL;
        }
        if (len >= 8 && len == (size_t)n && !sniff(data, 8, e)) {
            close(fd);
            free(data);
            return NULL;
        }
        if (len < cap)
            break; /* end of the stream */
        /* one byte over the limit is enough to know */
        size_t limit = max < SIZE_MAX / 2 ? (size_t)max + 1 : SIZE_MAX / 2;
        size_t grown = cap > limit / 2 ? limit : cap * 2;
        if (grown <= cap) {
            close(fd);
            free(data);
            pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
            return NULL;
        }
        unsigned char *more = realloc(data, grown);
        if (!more)
            free(data);
        data = more;
        cap = grown;
    }
    close(fd);
    return open_buffer(data, len, true, l, e);
}

static pb_zip *open_fd(int fd, const struct stat *st, const pb_limits *l, pb_error *e)
{
    if (!S_ISREG(st->st_mode))
        return open_whole(fd, 0, true, l, e);
    if ((uint64_t)st->st_size <= PB_READ_WHOLE_MAX)
        return open_whole(fd, (size_t)st->st_size, false, l, e);
    unsigned char head[8];
    ssize_t n = read_full(fd, head, sizeof head);
    if (n < 0) {
        int saved = errno;
        close(fd);
        pbi_error_set(e, PB_ERR_IO, _("cannot read the file: %s"), pb_strerror(saved));
        return NULL;
    }
    if (!sniff(head, (size_t)n, e)) {
        close(fd);
        return NULL;
    }
    int zerr = 0;
    zip_t *za = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &zerr); /* owns fd from here on success */
    if (!za) {
        close(fd);
        zip_error_to(e, zerr);
        return NULL;
    }
    return finish_open(za, l, e);
}

pb_zip *pbi_zip_open_file(const char *path, const pb_limits *l, pb_error *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        pbi_error_set(e, PB_ERR_IO, _("cannot open the file: %s"), pb_strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        pbi_error_set(e, PB_ERR_IO, _("cannot read the file: %s"), pb_strerror(saved));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        pbi_error_set(e, PB_ERR_IO, "%s", _("is a directory"));
        return NULL;
    }
    if ((uint64_t)st.st_size > l->max_file_size) {
        close(fd);
        pbi_error_set(e, PB_ERR_FILE_TOO_LARGE, _("the file is %llu bytes, more than the limit of %llu"),
                     (unsigned long long)st.st_size, (unsigned long long)l->max_file_size);
        return NULL;
    }
    return open_fd(fd, &st, l, e);
}

pb_zip *pbi_zip_open_memory(const void *data, size_t len, const pb_limits *l, pb_error *e)
{
    if (len > l->max_file_size) {
        pbi_error_set(e, PB_ERR_FILE_TOO_LARGE, _("the file is %llu bytes, more than the limit of %llu"),
                     (unsigned long long)len, (unsigned long long)l->max_file_size);
        return NULL;
    }
    return open_buffer(data, len, false, l, e);
}

void pbi_zip_close(pb_zip *z)
{
    if (!z)
        return;
    zip_discard(z->za);
    free(z);
}

pb_part *pbi_part_open(pb_zip *z, const char *name, pb_error *e)
{
    zip_int64_t idx = zip_name_locate(z->za, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        pbi_error_set(e, PB_ERR_NO_MAIN_PART, _("the package has no part \"%s\""), name);
        return NULL;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0) {
        zip_error_to(e, zip_error_code_zip(zip_get_error(z->za)));
        return NULL;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        pbi_error_set(e, PB_ERR_ZIP_ENCRYPTED, _("the zip entry \"%s\" is encrypted"), name);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
        st.comp_method != ZIP_CM_DEFLATE) {
        pbi_error_set(e, PB_ERR_ZIP_METHOD, _("the zip entry \"%s\" uses an unsupported compression method (%d)"),
                     name, (int)st.comp_method);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > z->limits->max_part_size) {
        pbi_error_set(e, PB_ERR_PART_TOO_LARGE,
                     _("the part \"%s\" declares %llu bytes, more than the limit of %llu (--max-part-size)"),
                     name, (unsigned long long)st.size, (unsigned long long)z->limits->max_part_size);
        return NULL;
    }
    pb_part *p = calloc(1, sizeof *p);
    if (!p) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    p->z = z;
    p->declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    p->compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    snprintf(p->name, sizeof p->name, "%s", name);
    p->zf = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!p->zf) {
        zip_error_to(e, zip_error_code_zip(zip_get_error(z->za)));
        free(p);
        return NULL;
    }
    return p;
}

/* The caps are checked on the bytes really inflated: declared sizes lie. */
static bool within_limits(pb_part *p, pb_error *e)
{
    const pb_limits *l = p->z->limits;
    if (p->inflated > l->max_part_size) {
        pbi_error_set(e, PB_ERR_PART_TOO_LARGE,
                     _("the part \"%s\" inflates to more than %llu bytes (--max-part-size)"), p->name,
                     (unsigned long long)l->max_part_size);
        return false;
    }
    if (p->z->total_inflated > l->max_total_size) {
        pbi_error_set(e, PB_ERR_PART_TOO_LARGE, _("the package inflates to more than %llu bytes"),
                     (unsigned long long)l->max_total_size);
        return false;
    }
    if (p->inflated > l->ratio_grace && l->max_ratio &&
        p->inflated / (p->compressed ? p->compressed : 1) > l->max_ratio) {
        pbi_error_set(e, PB_ERR_ZIP_RATIO,
                     _("the part \"%s\" inflates more than %u times its compressed size (a zip bomb?)"),
                     p->name, l->max_ratio);
        return false;
    }
    if (p->declared && p->inflated > p->declared) {
        pbi_error_set(e, PB_ERR_ZIP_CORRUPT, _("the part \"%s\" is longer than its zip entry says"), p->name);
        return false;
    }
    return true;
}

long pbi_part_read(pb_part *p, char *buf, size_t n)
{
    if (p->err.status != PB_OK)
        return -1;
    zip_int64_t r = zip_fread(p->zf, buf, n);
    if (r < 0) {
        zip_error_t *ze = zip_file_get_error(p->zf);
        pbi_error_set(&p->err, PB_ERR_ZIP_CORRUPT, _("the part \"%s\" cannot be inflated (%s)"), p->name,
                     zip_error_strerror(ze));
        return -1;
    }
    p->inflated += (uint64_t)r;
    p->z->total_inflated += (uint64_t)r;
    /* Cooperative: a batch's per-file time limit stops a slow file here,
     * between two chunks, with every resource still owned and freed. */
    if (p->z->deadline_ms && monotonic_ms() > p->z->deadline_ms) {
        pbi_error_set(&p->err, PB_ERR_TIMEOUT, _("reading took longer than the limit of %llu ms (--file-timeout)"),
                     (unsigned long long)p->z->limits->max_millis);
        return -1;
    }
    if (!within_limits(p, &p->err))
        return -1;
    if (r == 0 && p->declared && p->inflated != p->declared) {
        pbi_error_set(&p->err, PB_ERR_ZIP_CORRUPT, _("the part \"%s\" is shorter than its zip entry says"),
                     p->name);
        return -1;
    }
    return (long)r;
}

pb_error *pbi_part_error(pb_part *p) { return &p->err; }

void pbi_part_close(pb_part *p)
{
    if (!p)
        return;
    zip_fclose(p->zf);
    free(p);
}

char *pbi_zip_read_small(pb_zip *z, const char *name, size_t max, size_t *len, pb_error *e)
{
    pb_part *p = pbi_part_open(z, name, e);
    if (!p)
        return NULL;
    pb_buf b = {0};
    char chunk[16384];
    long r;
    while ((r = pbi_part_read(p, chunk, sizeof chunk)) > 0) {
        if (b.len + (size_t)r > max) {
            pbi_error_set(e, PB_ERR_PART_TOO_LARGE, _("the part \"%s\" is larger than %zu bytes"), name, max);
            r = -1;
            break;
        }
        if (!pbi_buf_append(&b, chunk, (size_t)r)) {
            pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
            r = -1;
            break;
        }
    }
    if (r < 0 && p->err.status != PB_OK)
        *e = p->err;
    pbi_part_close(p);
    if (r < 0) {
        pbi_buf_free(&b);
        return NULL;
    }
    if (!b.data && !pbi_buf_append(&b, "", 0)) {
        pbi_error_set(e, PB_ERR_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    *len = b.len;
    return b.data;
}

bool pbi_zip_has(pb_zip *z, const char *name) { return zip_name_locate(z->za, name, ZIP_FL_NOCASE) >= 0; }

const pb_limits *pbi_zip_limits(const pb_zip *z) { return z->limits; }
