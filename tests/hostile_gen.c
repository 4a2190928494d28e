/*
 * hostile_gen.c - write hostile or broken .docx inputs for the pbcheck tests.
 *
 * Usage:  hostile_gen OUTDIR
 *
 * Every file is named <expected-error-code>__<case>.docx (the "ok" prefix
 * means the file must be read without an error).  See hostile_gen.md for the
 * list of cases.  Output is deterministic: fixed PRNG seeds, fixed mtimes.
 *
 * Build:
 *   cc -std=c11 -Wall -Wextra -Werror -O2 hostile_gen.c \
 *      $(pkg-config --cflags --libs libzip) -lz -o hostile_gen
 *
 * Well-formed zips are written with libzip (big parts are streamed through a
 * zip_source_function, so nothing large is ever held in memory); zips that
 * libzip refuses to produce (duplicate names, overlapping entries, lying
 * sizes, encrypted flag, bad CRC) are assembled by hand with zlib deflate.
 */
#define _POSIX_C_SOURCE 200809L
#define ZLIB_CONST

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zip.h>
#include <zlib.h>

#define KIB ((size_t)1024)
#define MIB (KIB * KIB)
#define PATH_CAP 4096

#define FIXED_MTIME ((time_t)1704067200) /* 2024-01-01T00:00:00Z */
#define DOS_TIME 0u
#define DOS_DATE ((44u << 9) | (1u << 5) | 1u) /* 2024-01-01 */

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_EOCD 0x06054b50u
#define LOCAL_FIXED 30u
#define CENTRAL_FIXED 46u
#define EOCD_FIXED 22u

/* ------------------------------------------------------------------ */
/* Fixed package parts                                                  */
/* ------------------------------------------------------------------ */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define REL_OFFICE                                                           \
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"  \
    "officeDocument"
#define REL_OFFICE_STRICT                                                    \
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
#define MAIN_CT                                                              \
    "application/vnd.openxmlformats-officedocument.wordprocessingml."        \
    "document.main+xml"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOC_OPEN "<w:document xmlns:w=\"" NS_W "\"><w:body>"
#define DOC_CLOSE "</w:body></w:document>"

#define CT_FOR(part)                                                         \
    XML_DECL                                                                 \
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"         \
    "content-types\">"                                                       \
    "<Default Extension=\"rels\" ContentType=\"application/"                 \
    "vnd.openxmlformats-package.relationships+xml\"/>"                       \
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"           \
    "<Override PartName=\"/" part "\" ContentType=\"" MAIN_CT "\"/></Types>"

#define RELS_OPEN                                                            \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/" \
    "relationships\">"
#define RELS_FOR(type, part)                                                 \
    XML_DECL RELS_OPEN "<Relationship Id=\"rId1\" Type=\"" type              \
    "\" Target=\"" part "\"/></Relationships>"

static const char CT_XML[] = CT_FOR("word/document.xml");
static const char RELS_XML[] = RELS_FOR(REL_OFFICE, "word/document.xml");
static const char CT_STRICT[] = CT_FOR("word/main.xml");
static const char RELS_STRICT[] = RELS_FOR(REL_OFFICE_STRICT, "word/main.xml");

static const char HELLO_BODY[] =
    "<w:p><w:r><w:t xml:space=\"preserve\">Hello, hostile world.</w:t>"
    "</w:r></w:p>";

/* ------------------------------------------------------------------ */
/* Growable byte buffer with a sticky error flag                        */
/* ------------------------------------------------------------------ */

struct buf {
    unsigned char *p;
    size_t len, cap;
    int err;
};

static int buf_reserve(struct buf *b, size_t extra)
{
    if (b->err)
        return -1;
    if (extra <= b->cap - b->len)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra)
        cap *= 2;
    unsigned char *p = realloc(b->p, cap);
    if (!p) {
        b->err = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static void buf_put(struct buf *b, const void *src, size_t n)
{
    if (n == 0 || buf_reserve(b, n) != 0)
        return;
    memcpy(b->p + b->len, src, n);
    b->len += n;
}

static void buf_str(struct buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static void buf_le(struct buf *b, uint32_t v, unsigned nbytes)
{
    unsigned char t[4];
    for (unsigned i = 0; i < nbytes && i < 4; i++)
        t[i] = (unsigned char)(v >> (8 * i));
    buf_put(b, t, nbytes);
}

static void buf_free(struct buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

static uint32_t rd_le(const unsigned char *p, unsigned n)
{
    uint32_t v = 0;
    for (unsigned i = n; i-- > 0;)
        v = (v << 8) | p[i];
    return v;
}

static void wr_le(unsigned char *p, uint32_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* ------------------------------------------------------------------ */
/* Deterministic PRNG (xorshift64*)                                     */
/* ------------------------------------------------------------------ */

struct rng {
    uint64_t s;
};

static uint32_t rng_u32(struct rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return (uint32_t)((r->s * UINT64_C(0x2545F4914F6CDD1D)) >> 32);
}

static void rng_bytes(struct rng *r, unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(rng_u32(r) >> 24);
}

/* ------------------------------------------------------------------ */
/* Output files                                                         */
/* ------------------------------------------------------------------ */

struct out {
    const char *dir;
};

static int out_path(const struct out *o, const char *name, char *path)
{
    int n = snprintf(path, PATH_CAP, "%s/%s", o->dir, name);
    if (n < 0 || n >= PATH_CAP) {
        fprintf(stderr, "hostile_gen: path too long: %s\n", name);
        return -1;
    }
    return 0;
}

static int write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "hostile_gen: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t w = n ? fwrite(p, 1, n, f) : 0;
    int rc = fclose(f);
    if (w != n || rc != 0) {
        fprintf(stderr, "hostile_gen: %s: write failed\n", path);
        return -1;
    }
    return 0;
}

static int read_file(const char *path, struct buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "hostile_gen: %s: %s\n", path, strerror(errno));
        return -1;
    }
    unsigned char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(b, chunk, n);
    int bad = ferror(f) || b->err;
    fclose(f);
    return bad ? -1 : 0;
}

static void report(const char *path, const char *name)
{
    struct stat st;
    if (stat(path, &st) == 0)
        printf("%12lld  %s\n", (long long)st.st_size, name);
    fflush(stdout);
}

static int emit_bytes(const struct out *o, const char *name, const void *p,
                      size_t n)
{
    char path[PATH_CAP];
    if (out_path(o, name, path) != 0 || write_file(path, p, n) != 0)
        return -1;
    report(path, name);
    return 0;
}

static int emit_buf(const struct out *o, const char *name, const struct buf *b)
{
    if (b->err) {
        fprintf(stderr, "hostile_gen: %s: out of memory\n", name);
        return -1;
    }
    return emit_bytes(o, name, b->p, b->len);
}

/* ------------------------------------------------------------------ */
/* Streamed content: a list of (string, repeat count) segments          */
/* ------------------------------------------------------------------ */

struct seg {
    const unsigned char *s;
    size_t len, reps;
};

struct segv {
    struct seg v[16];
    size_t n;
    int err;
};

static void segv_add(struct segv *sv, const void *s, size_t len, size_t reps)
{
    if (sv->n >= sizeof sv->v / sizeof sv->v[0]) {
        sv->err = 1;
        return;
    }
    sv->v[sv->n++] = (struct seg){ s, len, reps };
}

static void segv_str(struct segv *sv, const char *s, size_t reps)
{
    segv_add(sv, s, strlen(s), reps);
}

static void segv_buf(struct segv *sv, const struct buf *b, size_t reps)
{
    if (b->err)
        sv->err = 1;
    segv_add(sv, b->p, b->len, reps);
}

static zip_uint64_t segv_total(const struct segv *sv)
{
    zip_uint64_t t = 0;
    for (size_t i = 0; i < sv->n; i++)
        t += (zip_uint64_t)sv->v[i].len * sv->v[i].reps;
    return t;
}

struct gen_state {
    const struct segv *sv;
    size_t si, rep, off;
    zip_error_t err;
};

static zip_int64_t gen_read(struct gen_state *g, unsigned char *dst,
                            zip_uint64_t cap)
{
    zip_uint64_t done = 0;
    while (done < cap && g->si < g->sv->n) {
        const struct seg *s = &g->sv->v[g->si];
        if (g->rep >= s->reps || s->len == 0) {
            g->si++;
            g->rep = g->off = 0;
            continue;
        }
        size_t k = s->len - g->off;
        if (k > cap - done)
            k = (size_t)(cap - done);
        memcpy(dst + done, s->s + g->off, k);
        done += k;
        g->off += k;
        if (g->off == s->len) {
            g->off = 0;
            g->rep++;
        }
    }
    return (zip_int64_t)done;
}

static zip_int64_t gen_stat(struct gen_state *g, void *data, zip_uint64_t len)
{
    zip_stat_t *st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &g->err);
    if (!st)
        return -1;
    zip_stat_init(st);
    st->size = segv_total(g->sv);
    st->mtime = FIXED_MTIME;
    st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
    return (zip_int64_t)sizeof *st;
}

static zip_int64_t gen_cb(void *ud, void *data, zip_uint64_t len,
                          zip_source_cmd_t cmd)
{
    struct gen_state *g = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        g->si = g->rep = g->off = 0;
        return 0;
    case ZIP_SOURCE_READ:
        return gen_read(g, data, len);
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT:
        return gen_stat(g, data, len);
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&g->err, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&g->err);
        free(g);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&g->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

static zip_source_t *gen_source(zip_t *za, const struct segv *sv)
{
    struct gen_state *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->sv = sv;
    zip_error_init(&g->err);
    zip_source_t *src = zip_source_function(za, gen_cb, g);
    if (!src) {
        zip_error_fini(&g->err);
        free(g);
    }
    return src;
}

/* ------------------------------------------------------------------ */
/* libzip writer for well-formed archives                               */
/* ------------------------------------------------------------------ */

/* level: 0 = libzip default deflate, -1 = store, 1..9 = deflate level */
struct part {
    const char *name;
    const void *data;
    size_t len;
    const struct segv *gen; /* streamed content instead of data/len */
    int level;
};

static zip_t *zw_open(const char *path)
{
    int err = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        fprintf(stderr, "hostile_gen: %s: %s\n", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
    }
    return za;
}

static int zw_compression(zip_t *za, zip_uint64_t idx, int level)
{
    if (level < 0)
        return zip_set_file_compression(za, idx, ZIP_CM_STORE, 0);
    if (level > 0)
        return zip_set_file_compression(za, idx, ZIP_CM_DEFLATE,
                                        (zip_uint32_t)level);
    return 0;
}

static int zw_add(zip_t *za, const struct part *p)
{
    if (p->gen && p->gen->err)
        return -1;
    zip_source_t *src = p->gen ? gen_source(za, p->gen)
                               : zip_source_buffer(za, p->data, p->len, 0);
    if (!src)
        return -1;
    zip_int64_t idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    if (zip_file_set_mtime(za, (zip_uint64_t)idx, FIXED_MTIME, 0) != 0)
        return -1;
    return zw_compression(za, (zip_uint64_t)idx, p->level);
}

static int zw_close(zip_t *za, const char *path)
{
    if (zip_close(za) == 0)
        return 0;
    fprintf(stderr, "hostile_gen: %s: %s\n", path, zip_strerror(za));
    zip_discard(za);
    return -1;
}

static int zw_fail(zip_t *za, const char *path)
{
    fprintf(stderr, "hostile_gen: %s: %s\n", path, zip_strerror(za));
    zip_discard(za);
    return -1;
}

static int zip_parts_to(const char *path, const struct part *parts, size_t n)
{
    zip_t *za = zw_open(path);
    if (!za)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (zw_add(za, &parts[i]) != 0)
            return zw_fail(za, path);
    return zw_close(za, path);
}

static int emit_zip(const struct out *o, const char *name,
                    const struct part *parts, size_t n)
{
    char path[PATH_CAP];
    if (out_path(o, name, path) != 0 || zip_parts_to(path, parts, n) != 0)
        return -1;
    report(path, name);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Minimal .docx helpers                                                */
/* ------------------------------------------------------------------ */

static void std_parts(struct part p[3], const void *doc, size_t len)
{
    p[0] = (struct part){ "[Content_Types].xml", CT_XML, sizeof CT_XML - 1,
                          NULL, 0 };
    p[1] = (struct part){ "_rels/.rels", RELS_XML, sizeof RELS_XML - 1, NULL,
                          0 };
    p[2] = (struct part){ "word/document.xml", doc, len, NULL, 0 };
}

/* document.xml = XML declaration + optional prolog + w:document/w:body */
static void doc_build(struct buf *b, const char *prolog, const char *body)
{
    buf_str(b, XML_DECL);
    if (prolog)
        buf_str(b, prolog);
    buf_str(b, DOC_OPEN);
    buf_str(b, body);
    buf_str(b, DOC_CLOSE);
}

static int emit_docx(const struct out *o, const char *name, const void *doc,
                     size_t len)
{
    struct part p[3];
    std_parts(p, doc, len);
    return emit_zip(o, name, p, 3);
}

/* The minimal valid .docx built from a w:body content string. */
static int emit_docx_body(const struct out *o, const char *name,
                          const char *prolog, const char *body)
{
    struct buf b = { 0 };
    doc_build(&b, prolog, body);
    int rc = b.err ? -1 : emit_docx(o, name, b.p, b.len);
    buf_free(&b);
    return rc;
}

static int emit_docx_gen(const struct out *o, const char *name,
                         const struct segv *sv, int level)
{
    struct part p[3];
    std_parts(p, NULL, 0);
    p[2].gen = sv;
    p[2].level = level;
    if (sv->err) {
        fprintf(stderr, "hostile_gen: %s: out of memory\n", name);
        return -1;
    }
    return emit_zip(o, name, p, 3);
}

/* Build a minimal docx with libzip in a scratch file and load its bytes. */
static int docx_bytes(const struct out *o, const char *body, struct buf *z)
{
    char path[PATH_CAP];
    struct buf doc = { 0 };
    struct part p[3];
    doc_build(&doc, NULL, body);
    std_parts(p, doc.p, doc.len);
    int rc = doc.err || out_path(o, ".hostile_gen.tmp", path) != 0 ? -1 : 0;
    if (rc == 0)
        rc = zip_parts_to(path, p, 3);
    if (rc == 0)
        rc = read_file(path, z);
    remove(path);
    buf_free(&doc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Locating things inside a zip we wrote ourselves (no comment, no zip64) */
/* ------------------------------------------------------------------ */

struct eocd {
    size_t count, cd_size, cd_off;
};

static int eocd_read(const struct buf *z, struct eocd *e)
{
    if (z->len < EOCD_FIXED)
        return -1;
    const unsigned char *p = z->p + z->len - EOCD_FIXED;
    if (rd_le(p, 4) != SIG_EOCD)
        return -1;
    e->count = rd_le(p + 10, 2);
    e->cd_size = rd_le(p + 12, 4);
    e->cd_off = rd_le(p + 16, 4);
    return e->cd_off + e->cd_size <= z->len - EOCD_FIXED ? 0 : -1;
}

struct zent {
    size_t cd, lh, data;
    uint32_t csize;
};

static int cd_match(const struct buf *z, size_t pos, const char *name,
                    size_t *next)
{
    const unsigned char *p = z->p + pos;
    if (pos + CENTRAL_FIXED > z->len || rd_le(p, 4) != SIG_CENTRAL)
        return -1;
    size_t nlen = rd_le(p + 28, 2);
    *next = pos + CENTRAL_FIXED + nlen + rd_le(p + 30, 2) + rd_le(p + 32, 2);
    if (*next > z->len)
        return -1;
    return nlen == strlen(name) && memcmp(p + CENTRAL_FIXED, name, nlen) == 0;
}

static int zent_find(const struct buf *z, const char *name, struct zent *ze)
{
    struct eocd e;
    if (eocd_read(z, &e) != 0)
        return -1;
    size_t pos = e.cd_off;
    for (size_t i = 0; i < e.count; i++) {
        size_t next = 0;
        int m = cd_match(z, pos, name, &next);
        if (m < 0)
            return -1;
        if (m == 1) {
            ze->cd = pos;
            ze->lh = rd_le(z->p + pos + 42, 4);
            ze->csize = rd_le(z->p + pos + 20, 4);
            if (ze->lh + LOCAL_FIXED > z->len)
                return -1;
            ze->data = ze->lh + LOCAL_FIXED + rd_le(z->p + ze->lh + 26, 2) +
                       rd_le(z->p + ze->lh + 28, 2);
            return ze->data + ze->csize <= z->len ? 0 : -1;
        }
        pos = next;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Hand-made zip writer                                                 */
/* ------------------------------------------------------------------ */

struct rawent {
    const char *name;
    uint16_t flags, method;
    uint32_t crc, csize, usize; /* as written in the headers */
    const unsigned char *data;  /* csize bytes written after the local header */
};

struct rawzip {
    struct buf out, cd;
    uint32_t count;
};

static void raw_header(struct buf *b, const struct rawent *e, int central,
                       uint32_t lh_off)
{
    size_t nlen = strlen(e->name);
    buf_le(b, central ? SIG_CENTRAL : SIG_LOCAL, 4);
    if (central)
        buf_le(b, 20, 2); /* version made by: MS-DOS, 2.0 */
    buf_le(b, 20, 2);     /* version needed: 2.0 */
    buf_le(b, e->flags, 2);
    buf_le(b, e->method, 2);
    buf_le(b, DOS_TIME, 2);
    buf_le(b, DOS_DATE, 2);
    buf_le(b, e->crc, 4);
    buf_le(b, e->csize, 4);
    buf_le(b, e->usize, 4);
    buf_le(b, (uint32_t)nlen, 2);
    buf_le(b, 0, 2); /* extra length */
    if (central) {
        buf_le(b, 0, 2); /* comment length */
        buf_le(b, 0, 2); /* disk number */
        buf_le(b, 0, 2); /* internal attributes */
        buf_le(b, 0, 4); /* external attributes */
        buf_le(b, lh_off, 4);
    }
    buf_put(b, e->name, nlen);
}

static void raw_central(struct rawzip *z, const struct rawent *e, uint32_t off)
{
    raw_header(&z->cd, e, 1, off);
    z->count++;
}

/* Local header + data + central record; returns the local header offset. */
static uint32_t raw_add(struct rawzip *z, const struct rawent *e)
{
    uint32_t off = (uint32_t)z->out.len;
    raw_header(&z->out, e, 0, 0);
    buf_put(&z->out, e->data, e->csize);
    raw_central(z, e, off);
    return off;
}

static int raw_emit(struct rawzip *z, const struct out *o, const char *name)
{
    uint32_t cd_off = (uint32_t)z->out.len;
    buf_put(&z->out, z->cd.p, z->cd.len);
    buf_le(&z->out, SIG_EOCD, 4);
    buf_le(&z->out, 0, 2); /* this disk */
    buf_le(&z->out, 0, 2); /* disk with central directory */
    buf_le(&z->out, z->count, 2);
    buf_le(&z->out, z->count, 2);
    buf_le(&z->out, (uint32_t)z->cd.len, 4);
    buf_le(&z->out, cd_off, 4);
    buf_le(&z->out, 0, 2); /* comment length */
    if (z->cd.err)
        z->out.err = 1;
    int rc = emit_buf(o, name, &z->out);
    buf_free(&z->out);
    buf_free(&z->cd);
    return rc;
}

static int deflate_all(const void *src, size_t n, struct buf *dst)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    uLong bound = deflateBound(&zs, (uLong)n);
    int rc = buf_reserve(dst, bound);
    if (rc == 0) {
        zs.next_in = src;
        zs.avail_in = (uInt)n;
        zs.next_out = dst->p + dst->len;
        zs.avail_out = (uInt)bound;
        rc = deflate(&zs, Z_FINISH) == Z_STREAM_END ? 0 : -1;
        dst->len += zs.total_out;
    }
    deflateEnd(&zs);
    return rc;
}

/* Fill e for content data (stored or deflated into *store, owned by caller). */
static void rawent_init(struct rawent *e, struct buf *store, const char *name,
                        const void *data, size_t n, int compress)
{
    memset(e, 0, sizeof *e);
    e->name = name;
    e->usize = (uint32_t)n;
    e->crc = (uint32_t)crc32(0, data, (uInt)n);
    e->method = compress ? 8 : 0;
    if (compress && deflate_all(data, n, store) != 0)
        store->err = 1;
    if (!compress)
        buf_put(store, data, n);
    e->csize = (uint32_t)store->len;
    e->data = store->p;
}

static void raw_add_data(struct rawzip *z, const char *name, const void *data,
                         size_t n, int compress)
{
    struct buf store = { 0 };
    struct rawent e;
    rawent_init(&e, &store, name, data, n, compress);
    if (store.err)
        z->out.err = 1;
    else
        raw_add(z, &e);
    buf_free(&store);
}

static void raw_add_str(struct rawzip *z, const char *name, const char *s)
{
    raw_add_data(z, name, s, strlen(s), 1);
}

static void raw_std_rels(struct rawzip *z)
{
    raw_add_str(z, "[Content_Types].xml", CT_XML);
    raw_add_str(z, "_rels/.rels", RELS_XML);
}

/* ------------------------------------------------------------------ */
/* Content generators                                                   */
/* ------------------------------------------------------------------ */

/* Text of n bytes: a repeating phrase with one random letter every
 * `period` bytes.  The period tunes the deflate ratio (about period/3). */
static void semi_text(struct buf *b, size_t n, size_t period, struct rng *r)
{
    static const char phrase[] = "the quick brown fox jumps over the lazy dog ";
    if (buf_reserve(b, n) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)phrase[i % (sizeof phrase - 1)];
        if (i % period == period / 2)
            c = (unsigned char)('a' + rng_u32(r) % 26);
        b->p[b->len++] = c;
    }
}

static void whitespace(struct buf *b, size_t n)
{
    if (buf_reserve(b, n) != 0)
        return;
    for (size_t i = 0; i < n; i++)
        b->p[b->len++] = (i % 1024 == 1023) ? '\n' : ' ';
}

/* UTF-8 (assumed valid) to UTF-16LE code units. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
    uint32_t v = s[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++)
        v = (v << 6) | (s[i] & 0x3Fu);
    *cp = v;
    return n;
}

static void utf16le_from_utf8(struct buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        p += utf8_next(p, &cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            buf_le(b, 0xD800u | (cp >> 10), 2);
            buf_le(b, 0xDC00u | (cp & 0x3FFu), 2);
        } else {
            buf_le(b, cp, 2);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Cases: files that are not zips at all                                */
/* ------------------------------------------------------------------ */

static int case_empty(const struct out *o)
{
    return emit_bytes(o, "empty-file__empty.docx", "", 0);
}

static int case_random(const struct out *o)
{
    unsigned char data[4096];
    struct rng r = { UINT64_C(0x5EED0001) };
    rng_bytes(&r, data, sizeof data);
    if (data[0] == 'P' || data[0] == 0xD0) /* never look like PK or OLE */
        data[0] ^= 0x01;
    return emit_bytes(o, "not-a-zip__random-4k.docx", data, sizeof data);
}

static int case_text_formats(const struct out *o)
{
    static const char rtf[] =
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
        "\\f0\\fs24 This is an RTF file renamed to .docx.\\par\n"
        "{\\trowd\\cellx3000\\cellx6000 A\\cell B\\cell\\row}\n}\n";
    static const char html[] =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<title>Not a docx</title></head><body><table><tr><td>A</td>"
        "<td>B</td></tr></table></body></html>\n";
    static const char text[] =
        "This is a plain text file saved with a .docx extension.\n"
        "Pitch deck | Q3 | 42\n";
    int rc = emit_bytes(o, "not-a-zip__rtf.docx", rtf, sizeof rtf - 1);
    rc |= emit_bytes(o, "not-a-zip__html.docx", html, sizeof html - 1);
    rc |= emit_bytes(o, "not-a-zip__text.docx", text, sizeof text - 1);
    return rc;
}

/* CFB v3 header, one FAT sector, one directory sector with a root entry
 * (this is what a password-protected .docx looks like from the outside). */
static void ole_header(unsigned char *h)
{
    static const unsigned char magic[8] = { 0xD0, 0xCF, 0x11, 0xE0,
                                            0xA1, 0xB1, 0x1A, 0xE1 };
    memcpy(h, magic, sizeof magic);
    wr_le(h + 24, 0x003E, 2);      /* minor version */
    wr_le(h + 26, 0x0003, 2);      /* major version 3 */
    wr_le(h + 28, 0xFFFE, 2);      /* byte order */
    wr_le(h + 30, 9, 2);           /* 512-byte sectors */
    wr_le(h + 32, 6, 2);           /* 64-byte mini sectors */
    wr_le(h + 44, 1, 4);           /* number of FAT sectors */
    wr_le(h + 48, 1, 4);           /* first directory sector */
    wr_le(h + 56, 0x1000, 4);      /* mini stream cutoff */
    wr_le(h + 60, 0xFFFFFFFE, 4);  /* no mini FAT */
    wr_le(h + 68, 0xFFFFFFFE, 4);  /* no DIFAT sectors */
    memset(h + 76, 0xFF, 512 - 76);
    wr_le(h + 76, 0, 4);           /* DIFAT[0]: FAT is sector 0 */
}

static void ole_sectors(unsigned char *fat, unsigned char *dir)
{
    static const char root[] = "Root Entry";
    memset(fat, 0xFF, 512);
    wr_le(fat, 0xFFFFFFFD, 4);     /* sector 0: FAT */
    wr_le(fat + 4, 0xFFFFFFFE, 4); /* sector 1: directory, end of chain */
    memset(dir, 0, 512);
    for (size_t i = 0; i < sizeof root - 1; i++)
        dir[2 * i] = (unsigned char)root[i];
    wr_le(dir + 64, (uint32_t)(2 * sizeof root), 2);
    dir[66] = 5; /* root storage */
    dir[67] = 1; /* black */
    for (unsigned e = 0; e < 4; e++)
        memset(dir + 128 * e + 68, 0xFF, 12); /* no siblings / child */
    wr_le(dir + 116, 0xFFFFFFFE, 4);          /* root: no mini stream */
}

static int case_ole(const struct out *o)
{
    unsigned char cfb[1536];
    memset(cfb, 0, sizeof cfb);
    ole_header(cfb);
    ole_sectors(cfb + 512, cfb + 1024);
    return emit_bytes(o, "ole-compound__cfb-header.docx", cfb, sizeof cfb);
}

/* ------------------------------------------------------------------ */
/* Cases: broken zip structure                                          */
/* ------------------------------------------------------------------ */

static int emit_prefix(const struct out *o, const char *name,
                       const struct buf *z, size_t n)
{
    return emit_bytes(o, name, z->p, n < z->len ? n : z->len);
}

static int case_truncated(const struct out *o)
{
    struct buf z = { 0 };
    int rc = docx_bytes(o, HELLO_BODY, &z);
    if (rc == 0 && z.len < 400)
        rc = -1;
    if (rc == 0) {
        rc |= emit_prefix(o, "zip-corrupt__truncated-10.docx", &z, 10);
        rc |= emit_prefix(o, "zip-corrupt__truncated-100.docx", &z, 100);
        rc |= emit_prefix(o, "zip-corrupt__truncated-half.docx", &z, z.len / 2);
        rc |= emit_prefix(o, "zip-corrupt__truncated-len-minus-10.docx", &z,
                          z.len - 10);
    }
    buf_free(&z);
    return rc;
}

static int case_garbage_cd(const struct out *o)
{
    struct buf z = { 0 };
    struct eocd e;
    struct rng r = { UINT64_C(0x5EED0002) };
    int rc = docx_bytes(o, HELLO_BODY, &z);
    if (rc == 0)
        rc = eocd_read(&z, &e);
    if (rc == 0) {
        rng_bytes(&r, z.p + e.cd_off, e.cd_size);
        rc = emit_buf(o, "zip-corrupt__garbage-central-dir.docx", &z);
    }
    buf_free(&z);
    return rc;
}

/* Flip 4 bytes in the middle of the deflated word/document.xml data. */
static int crc_flip_data(const struct out *o)
{
    struct buf z = { 0 };
    struct zent ze;
    int rc = docx_bytes(o, HELLO_BODY, &z);
    if (rc == 0)
        rc = zent_find(&z, "word/document.xml", &ze);
    if (rc == 0 && ze.csize < 16)
        rc = -1;
    if (rc == 0) {
        for (size_t i = 0; i < 4; i++)
            z.p[ze.data + ze.csize / 2 + i] ^= 0xFF;
        rc = emit_buf(o, "zip-corrupt__crc-flipped-data.docx", &z);
    }
    buf_free(&z);
    return rc;
}

/* Data intact, CRC field wrong (same wrong value in local and central). */
static int crc_field_wrong(const struct out *o)
{
    struct buf z = { 0 };
    struct zent ze;
    int rc = docx_bytes(o, HELLO_BODY, &z);
    if (rc == 0)
        rc = zent_find(&z, "word/document.xml", &ze);
    if (rc == 0) {
        uint32_t bad = rd_le(z.p + ze.cd + 16, 4) ^ 0xA5A5A5A5u;
        wr_le(z.p + ze.cd + 16, bad, 4);
        wr_le(z.p + ze.lh + 14, bad, 4);
        rc = emit_buf(o, "zip-corrupt__crc-field-wrong.docx", &z);
    }
    buf_free(&z);
    return rc;
}

static int case_crc(const struct out *o)
{
    return crc_flip_data(o) | crc_field_wrong(o);
}

/* Stored entry A's data range contains entry B's local header and data;
 * B's central record points inside A.  Names, sizes and CRCs all agree.
 * This one must be read: libzip exposes no entry offsets to compare, pbcheck
 * reads only two or three parts, and the total-inflate budget bounds what a
 * bomb of overlapping entries could cost. */
static int case_overlap(const struct out *o)
{
    static const char payload[] = "overlapping payload bytes";
    struct rawzip z = { 0 };
    struct buf inner = { 0 }, bstore = { 0 }, doc = { 0 };
    struct rawent a = { .name = "word/media/a.bin" }, b;
    doc_build(&doc, NULL, HELLO_BODY);
    raw_std_rels(&z);
    raw_add_data(&z, "word/document.xml", doc.p, doc.len, 1);
    rawent_init(&b, &bstore, "word/media/b.bin", payload, sizeof payload - 1, 0);
    raw_header(&inner, &b, 0, 0); /* B's local header + data = A's data */
    buf_put(&inner, b.data, b.csize);
    a.data = inner.p;
    a.csize = a.usize = (uint32_t)inner.len;
    a.crc = (uint32_t)crc32(0, inner.p, (uInt)inner.len);
    if (inner.err || bstore.err || doc.err)
        z.out.err = 1;
    else {
        uint32_t a_off = raw_add(&z, &a);
        raw_central(&z, &b, a_off + LOCAL_FIXED + (uint32_t)strlen(a.name));
    }
    int rc = raw_emit(&z, o, "ok__overlapping-entries.docx");
    buf_free(&inner);
    buf_free(&bstore);
    buf_free(&doc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Cases: zip is fine, package is not                                   */
/* ------------------------------------------------------------------ */

static int case_no_main_part(const struct out *o)
{
    static const char hello[] = "hello, world\n";
    struct buf doc = { 0 };
    doc_build(&doc, NULL, HELLO_BODY);
    struct part plain[1] = { { "hello.txt", hello, sizeof hello - 1, NULL, 0 } };
    struct part p[3];
    std_parts(p, doc.p, doc.len);
    int rc = doc.err ? -1 : 0;
    rc |= emit_zip(o, "no-main-part__plain-zip.docx", plain, 1);
    rc |= emit_zip(o, "no-main-part__rels-missing-target.docx", p, 2);
    p[1] = p[2]; /* [Content_Types].xml + word/document.xml, no _rels/.rels */
    rc |= emit_zip(o, "no-main-part__no-rels.docx", p, 2);
    buf_free(&doc);
    return rc;
}

static int case_malformed(const struct out *o)
{
    unsigned char junk[2048];
    struct rng r = { UINT64_C(0x5EED0003) };
    struct buf doc = { 0 };
    rng_bytes(&r, junk, sizeof junk);
    int rc = emit_docx_body(o, "xml-malformed__unclosed-element.docx", NULL,
                            "<w:p><w:r><w:t>Hello</w:t></w:r>");
    rc |= emit_docx(o, "xml-malformed__binary-garbage.docx", junk, sizeof junk);
    doc_build(&doc, NULL, HELLO_BODY);
    buf_put(&doc, "", 1); /* NUL for strstr, not written out */
    const char *cut = doc.err ? NULL : strstr((const char *)doc.p, "xml:space");
    if (cut) /* ...<w:t xml:s */
        rc |= emit_docx(o, "xml-malformed__truncated-mid-element.docx", doc.p,
                        (size_t)(cut + 5 - (const char *)doc.p));
    else
        rc = -1;
    buf_free(&doc);
    return rc;
}

static void billion_laughs(struct buf *b)
{
    buf_str(b, "<!DOCTYPE w:document [\n  <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        char line[64];
        snprintf(line, sizeof line, "  <!ENTITY lol%d \"", i);
        buf_str(b, line);
        for (int k = 0; k < 10; k++) {
            snprintf(line, sizeof line, i == 1 ? "&lol;" : "&lol%d;", i - 1);
            buf_str(b, line);
        }
        buf_str(b, "\">\n");
    }
    buf_str(b, "]>\n");
}

static int doctype_billion(const struct out *o)
{
    struct buf pro = { 0 };
    billion_laughs(&pro);
    buf_put(&pro, "", 1);
    int rc = pro.err ? -1
                     : emit_docx_body(o, "xml-doctype__billion-laughs.docx",
                                      (const char *)pro.p,
                                      "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>");
    buf_free(&pro);
    return rc;
}

static int doctype_rels(const struct out *o)
{
    static const char rels[] =
        XML_DECL "<!DOCTYPE Relationships [<!ENTITY x SYSTEM "
                 "\"file:///etc/passwd\">]>\n" RELS_OPEN
                 "&x;<Relationship Id=\"rId1\" Type=\"" REL_OFFICE
                 "\" Target=\"word/document.xml\"/></Relationships>";
    struct buf doc = { 0 };
    struct part p[3];
    doc_build(&doc, NULL, HELLO_BODY);
    std_parts(p, doc.p, doc.len);
    p[1].data = rels;
    p[1].len = sizeof rels - 1;
    int rc = doc.err ? -1 : emit_zip(o, "xml-doctype__rels-xxe.docx", p, 3);
    buf_free(&doc);
    return rc;
}

static int case_doctype(const struct out *o)
{
    static const char text_x[] = "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>";
    int rc = doctype_billion(o);
    rc |= emit_docx_body(
        o, "xml-doctype__xxe-file.docx",
        "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n",
        text_x);
    rc |= emit_docx_body(
        o, "xml-doctype__xxe-http.docx",
        "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n",
        text_x);
    rc |= emit_docx_body(
        o, "xml-doctype__external-dtd.docx",
        "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:9/a.dtd\">\n",
        HELLO_BODY);
    rc |= emit_docx_body(o, "xml-doctype__parameter-entity.docx",
                         "<!DOCTYPE w:document [<!ENTITY % p SYSTEM "
                         "\"file:///etc/passwd\"> %p;]>\n",
                         HELLO_BODY);
    return rc | doctype_rels(o);
}

/* ------------------------------------------------------------------ */
/* Cases: size limits                                                   */
/* ------------------------------------------------------------------ */

#define BIG_PART (300 * MIB)

/* 300 MiB of whitespace after one paragraph: ~300 KiB on disk. */
static int too_large_inflated(const struct out *o, const char *name)
{
    struct buf ws = { 0 };
    struct segv sv = { .n = 0 };
    whitespace(&ws, MIB);
    segv_str(&sv, XML_DECL DOC_OPEN, 1);
    segv_str(&sv, HELLO_BODY, 1);
    segv_buf(&sv, &ws, BIG_PART / MIB);
    segv_str(&sv, DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, name, &sv, 9);
    buf_free(&ws);
    return rc;
}

/* Take the file above and make both headers claim 4 KiB uncompressed. */
static int understated_size(const struct out *o, const char *src)
{
    char path[PATH_CAP];
    struct buf z = { 0 };
    struct zent ze;
    int rc = out_path(o, src, path);
    if (rc == 0)
        rc = read_file(path, &z);
    if (rc == 0)
        rc = zent_find(&z, "word/document.xml", &ze);
    if (rc == 0) {
        wr_le(z.p + ze.cd + 24, 4096, 4);
        wr_le(z.p + ze.lh + 22, 4096, 4);
        rc = emit_buf(o, "zip-corrupt__understated-size.docx", &z);
    }
    buf_free(&z);
    return rc;
}

/* Small stored document.xml whose headers declare 300 MiB. */
static int too_large_declared(const struct out *o)
{
    struct rawzip z = { 0 };
    struct buf doc = { 0 }, store = { 0 };
    struct rawent e;
    doc_build(&doc, NULL, HELLO_BODY);
    raw_std_rels(&z);
    rawent_init(&e, &store, "word/document.xml", doc.p, doc.len, 0);
    e.usize = (uint32_t)BIG_PART;
    raw_add(&z, &e);
    if (doc.err || store.err)
        z.out.err = 1;
    int rc = raw_emit(&z, o, "part-too-large__declared.docx");
    buf_free(&doc);
    buf_free(&store);
    return rc;
}

/* 300 MiB of text paragraphs compressing at well under 100:1. */
static int too_large_low_ratio(const struct out *o)
{
    struct rng r = { UINT64_C(0x5EED0004) };
    struct buf unit = { 0 };
    struct segv sv = { .n = 0 };
    buf_str(&unit, "<w:p><w:r><w:t>");
    semi_text(&unit, 64 * KIB, 160, &r);
    buf_str(&unit, "</w:t></w:r></w:p>");
    segv_str(&sv, XML_DECL DOC_OPEN, 1);
    segv_buf(&sv, &unit, BIG_PART / (64 * KIB));
    segv_str(&sv, DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, "part-too-large__low-ratio.docx", &sv, 6);
    buf_free(&unit);
    return rc;
}

static int case_part_too_large(const struct out *o)
{
    static const char inflated[] = "part-too-large__inflated-300mib.docx";
    int rc = too_large_inflated(o, inflated);
    if (rc == 0)
        rc = understated_size(o, inflated);
    rc |= too_large_declared(o);
    return rc | too_large_low_ratio(o);
}

static int case_ratio(const struct out *o)
{
    static const char para[] =
        "<w:p><w:r><w:t>All work and no play makes Jack a dull boy.</w:t>"
        "</w:r></w:p>";
    struct segv sv = { .n = 0 };
    segv_str(&sv, XML_DECL DOC_OPEN, 1);
    segv_str(&sv, para, 20 * MIB / (sizeof para - 1));
    segv_str(&sv, DOC_CLOSE, 1);
    return emit_docx_gen(o, "zip-ratio__repetitive-20mib.docx", &sv, 9);
}

#define EXTRA_ENTRIES 20000

static int case_many_entries(const struct out *o)
{
    static const char name[] = "zip-too-many-entries__20000-extra.docx";
    char path[PATH_CAP], ename[64];
    struct buf doc = { 0 };
    struct part p[3];
    doc_build(&doc, NULL, HELLO_BODY);
    std_parts(p, doc.p, doc.len);
    if (doc.err || out_path(o, name, path) != 0)
        return -1;
    zip_t *za = zw_open(path);
    int rc = za ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < 3; i++)
        rc = zw_add(za, &p[i]);
    for (unsigned i = 0; rc == 0 && i < EXTRA_ENTRIES; i++) {
        struct part x = { ename, "x", 1, NULL, -1 };
        snprintf(ename, sizeof ename, "extra/e%05u.txt", i);
        rc = zw_add(za, &x);
    }
    if (za)
        rc = rc == 0 ? zw_close(za, path) : zw_fail(za, path);
    if (rc == 0)
        report(path, name);
    buf_free(&doc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Cases: entries libzip will not write                                 */
/* ------------------------------------------------------------------ */

static int dup_entries(const struct out *o, const char *name,
                       const char *second)
{
    struct rawzip z = { 0 };
    struct buf d1 = { 0 }, d2 = { 0 };
    doc_build(&d1, NULL, "<w:p><w:r><w:t>first copy</w:t></w:r></w:p>");
    doc_build(&d2, NULL, "<w:p><w:r><w:t>second copy</w:t></w:r></w:p>");
    raw_std_rels(&z);
    raw_add_data(&z, "word/document.xml", d1.p, d1.len, 1);
    raw_add_data(&z, second, d2.p, d2.len, 1);
    if (d1.err || d2.err)
        z.out.err = 1;
    int rc = raw_emit(&z, o, name);
    buf_free(&d1);
    buf_free(&d2);
    return rc;
}

static int case_duplicates(const struct out *o)
{
    int rc = dup_entries(o, "zip-duplicate-entry__same-name.docx",
                         "word/document.xml");
    return rc | dup_entries(o, "zip-duplicate-entry__case-variant.docx",
                            "WORD/DOCUMENT.XML");
}

/* Traditional PKWARE ("ZipCrypto") encryption, password "pbcheck". */
struct zcrypto {
    uint32_t k0, k1, k2;
};

static uint32_t crc_byte(uint32_t k, unsigned char c)
{
    return ~(uint32_t)crc32(~k & 0xFFFFFFFFu, &c, 1);
}

static void zc_update(struct zcrypto *zc, unsigned char c)
{
    zc->k0 = crc_byte(zc->k0, c);
    zc->k1 = (zc->k1 + (zc->k0 & 0xFF)) * 134775813u + 1;
    zc->k2 = crc_byte(zc->k2, (unsigned char)(zc->k1 >> 24));
}

static unsigned char zc_encrypt(struct zcrypto *zc, unsigned char plain)
{
    uint32_t t = (zc->k2 | 2) & 0xFFFF;
    unsigned char c = plain ^ (unsigned char)((t * (t ^ 1)) >> 8);
    zc_update(zc, plain);
    return c;
}

static void zc_encrypt_all(struct buf *dst, const unsigned char *src, size_t n,
                           uint32_t crc)
{
    struct zcrypto zc = { 0x12345678u, 0x23456789u, 0x34567890u };
    struct rng r = { UINT64_C(0x5EED0005) };
    unsigned char head[12];
    for (const char *pw = "pbcheck"; *pw; pw++)
        zc_update(&zc, (unsigned char)*pw);
    rng_bytes(&r, head, sizeof head);
    head[11] = (unsigned char)(crc >> 24); /* password check byte */
    if (buf_reserve(dst, sizeof head + n) != 0)
        return;
    for (size_t i = 0; i < sizeof head; i++)
        dst->p[dst->len++] = zc_encrypt(&zc, head[i]);
    for (size_t i = 0; i < n; i++)
        dst->p[dst->len++] = zc_encrypt(&zc, src[i]);
}

static int case_encrypted(const struct out *o)
{
    struct rawzip z = { 0 };
    struct buf doc = { 0 }, plain = { 0 }, enc = { 0 };
    struct rawent e;
    doc_build(&doc, NULL, HELLO_BODY);
    raw_std_rels(&z);
    rawent_init(&e, &plain, "word/document.xml", doc.p, doc.len, 0);
    zc_encrypt_all(&enc, plain.p, plain.len, e.crc);
    e.flags = 0x0001;
    e.data = enc.p;
    e.csize = (uint32_t)enc.len;
    if (doc.err || plain.err || enc.err)
        z.out.err = 1;
    else
        raw_add(&z, &e);
    int rc = raw_emit(&z, o, "zip-encrypted-entry__pkware-flag.docx");
    buf_free(&doc);
    buf_free(&plain);
    buf_free(&enc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Cases: structural limits inside document.xml                        */
/* ------------------------------------------------------------------ */

#define DEEP_BLOCK 1000
#define DEEP_PAIRS 100000 /* w:sdt + w:sdtContent = 200,000 levels */

static int case_too_deep(const struct out *o)
{
    struct rng r = { UINT64_C(0x5EED0006) };
    struct buf open = { 0 };
    struct segv sv = { .n = 0 };
    char tag[128];
    for (int i = 0; i < DEEP_BLOCK; i++) {
        long id = (long)(rng_u32(&r) % 2000000000u) - 1000000000L;
        snprintf(tag, sizeof tag,
                 "<w:sdt><w:sdtPr><w:id w:val=\"%ld\"/></w:sdtPr>"
                 "<w:sdtContent>",
                 id);
        buf_str(&open, tag);
    }
    segv_str(&sv, XML_DECL DOC_OPEN, 1);
    segv_buf(&sv, &open, DEEP_PAIRS / DEEP_BLOCK);
    segv_str(&sv, "<w:p><w:r><w:t>deep</w:t></w:r></w:p>", 1);
    segv_str(&sv, "</w:sdtContent></w:sdt>", DEEP_PAIRS);
    segv_str(&sv, DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, "xml-too-deep__nested-sdt-200k.docx", &sv, 9);
    buf_free(&open);
    return rc;
}

#define TBL_BLOCK 1000
#define TBL_ROWS 100000
#define TBL_COLS 10

static void table_rows(struct buf *b, struct rng *r)
{
    char tr[64];
    for (int i = 0; i < TBL_BLOCK; i++) {
        snprintf(tr, sizeof tr, "<w:tr w:rsidR=\"%08X\">", rng_u32(r));
        buf_str(b, tr);
        for (int c = 0; c < TBL_COLS; c++)
            buf_str(b, "<w:tc><w:p/></w:tc>");
        buf_str(b, "</w:tr>");
    }
}

static int case_table(const struct out *o)
{
    struct rng r = { UINT64_C(0x5EED0007) };
    struct buf head = { 0 }, rows = { 0 };
    struct segv sv = { .n = 0 };
    buf_str(&head, XML_DECL DOC_OPEN "<w:tbl><w:tblPr><w:tblW w:w=\"0\" "
                   "w:type=\"auto\"/></w:tblPr><w:tblGrid>");
    for (int c = 0; c < TBL_COLS; c++)
        buf_str(&head, "<w:gridCol w:w=\"900\"/>");
    buf_str(&head, "</w:tblGrid>");
    table_rows(&rows, &r);
    segv_buf(&sv, &head, 1);
    segv_buf(&sv, &rows, TBL_ROWS / TBL_BLOCK);
    segv_str(&sv, "</w:tbl><w:p/>" DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, "table-too-large__1m-cells.docx", &sv, 9);
    buf_free(&head);
    buf_free(&rows);
    return rc;
}

#define CELL_RUNS 100 /* x 1 MiB of text */

static int case_cell(const struct out *o)
{
    struct rng r = { UINT64_C(0x5EED0008) };
    struct buf run = { 0 };
    struct segv sv = { .n = 0 };
    buf_str(&run, "<w:r><w:t xml:space=\"preserve\">");
    semi_text(&run, MIB, 96, &r);
    buf_str(&run, "</w:t></w:r>");
    segv_str(&sv, XML_DECL DOC_OPEN "<w:tbl><w:tblGrid><w:gridCol w:w=\"9000\"/>"
                  "</w:tblGrid><w:tr><w:tc><w:p>", 1);
    segv_buf(&sv, &run, CELL_RUNS);
    segv_str(&sv, "</w:p></w:tc></w:tr></w:tbl><w:p/>" DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, "cell-too-large__100mib-text.docx", &sv, 6);
    buf_free(&run);
    return rc;
}

static int case_grid(const struct out *o)
{
    return emit_docx_body(
        o, "grid-too-wide__gridspan-1m.docx", NULL,
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/>"
        "</w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"1000000\"/>"
        "</w:tcPr><w:p><w:r><w:t>wide</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl><w:p/>");
}

/* ------------------------------------------------------------------ */
/* Cases: unusual but valid                                             */
/* ------------------------------------------------------------------ */

static int ok_utf16(const struct out *o)
{
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>\n"
        DOC_OPEN "<w:p><w:r><w:t xml:space=\"preserve\">"
        "Gr\xC3\xBC\xC3\x9F" "e, na\xC3\xAFve caf\xC3\xA9 \xE2\x82\xAC 42 "
        "\xF0\x9F\x98\x80</w:t></w:r></w:p>" DOC_CLOSE;
    struct buf u = { 0 };
    buf_le(&u, 0xFEFF, 2); /* BOM, little-endian: FF FE */
    utf16le_from_utf8(&u, doc);
    int rc = u.err ? -1 : emit_docx(o, "ok__utf16le-bom.docx", u.p, u.len);
    buf_free(&u);
    return rc;
}

static int ok_strict(const struct out *o)
{
    static const char doc[] =
        XML_DECL "<w:document xmlns:w=\"" NS_W_STRICT "\" "
        "w:conformance=\"strict\"><w:body><w:p><w:r><w:t>Strict OOXML"
        "</w:t></w:r></w:p></w:body></w:document>";
    struct part p[3] = {
        { "[Content_Types].xml", CT_STRICT, sizeof CT_STRICT - 1, NULL, 0 },
        { "_rels/.rels", RELS_STRICT, sizeof RELS_STRICT - 1, NULL, 0 },
        { "word/main.xml", doc, sizeof doc - 1, NULL, 0 },
    };
    return emit_zip(o, "ok__strict-ooxml.docx", p, 3);
}

/* ------------------------------------------------------------------ */
/* Case: a legitimate large document (100 MiB of prose and tables)      */
/* ------------------------------------------------------------------ */

/* Body bytes of ok__large-prose-100mib.docx: about the size of a year's
 * collected reports, which must be read, not refused, under the defaults. */
#define PROSE_BODY ((uint64_t)100 * MIB)
#define PROSE_SEED UINT64_C(0x5EED100D0C)

/* Words of a municipal work report, none of them a label of a project
 * target table, so the document holds prose and ordinary tables only.
 * Drawing words (not letters) at random keeps deflate at a realistic
 * ratio, a few to one, like real text. */
static const char *const PROSE_WORDS[] = {
    "街道", "社区", "居民", "服务", "工作", "开展", "推进", "落实", "管理",
    "建设", "环境", "治理", "安全", "宣传", "培训", "活动", "组织", "保障",
    "提升", "完善", "机制", "制度", "群众", "满意", "年度", "计划", "实施",
    "检查", "督导", "考核", "网格", "志愿者", "文明", "创建", "卫生", "整治",
    "老旧小区", "改造", "消防", "隐患", "排查", "应急", "演练", "防汛",
    "物资", "储备", "养老", "托育", "就业", "帮扶", "困难", "家庭", "走访",
    "慰问", "矛盾", "纠纷", "调解", "法律", "咨询", "党建", "引领", "共建",
    "单位", "协调", "会议", "专题", "研究", "部署", "要求", "标准", "规范",
    "流程", "台账", "档案", "信息", "平台", "数据", "统计", "分析", "报告",
    "问题", "整改", "清单", "责任", "分工", "时限", "质量", "效率", "成效",
    "经验", "做法", "典型", "推广", "持续", "深化", "全面", "加强", "进一步",
    "重点", "难点", "热点", "民生", "实事", "项目", "道路", "绿化", "照明",
    "垃圾", "分类", "收运", "公厕", "管护", "巡查", "机动车", "停车", "秩序",
    "商户", "门前", "三包", "城市", "精细化", "长效", "常态化", "季度",
    "月度", "每周", "及时", "准确", "完整", "有效", "积极", "主动", "配合",
    "the", "service", "report", "community", "and", "of", "in", "2024",
};
#define PROSE_NWORDS (sizeof PROSE_WORDS / sizeof PROSE_WORDS[0])

static const char *const PROSE_HEADERS[] = {
    "序号", "事项", "责任科室", "完成时间", "数量", "备注", "地点", "联系人",
};
#define PROSE_NHEADERS (sizeof PROSE_HEADERS / sizeof PROSE_HEADERS[0])

/* What the body is made of. */
enum prose_kind {
    PROSE_REPORT, /* paragraphs, headings and ordinary tables */
    PROSE_SHORT,  /* short paragraphs only: one title candidate each */
};

struct prose {
    enum prose_kind kind;
    uint64_t target; /* body bytes */
    struct rng r;
    struct buf chunk; /* the block being handed out */
    size_t off;
    uint64_t body;   /* body bytes made so far */
    int stage;       /* 0 prolog, 1 body, 2 epilog, 3 end */
    unsigned paras;  /* paragraphs since the last table */
    uint64_t size;   /* the whole part, from a dry run */
    zip_error_t err;
};

static void prose_words(struct buf *b, struct rng *r, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        uint32_t k = rng_u32(r);
        if (k % 13 == 0) {
            char num[32];
            if (k & 0x100)
                snprintf(num, sizeof num, "%u", (unsigned)(k >> 12) % 100000u);
            else
                snprintf(num, sizeof num, "%u.%u%%", (unsigned)(k >> 12) % 100u,
                         (unsigned)(k >> 20) % 10u);
            buf_str(b, num);
        } else {
            buf_str(b, PROSE_WORDS[(k >> 4) % PROSE_NWORDS]);
        }
    }
}

static void prose_paragraph(struct buf *b, struct rng *r)
{
    unsigned sentences = 2 + rng_u32(r) % 5;
    buf_str(b, "<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
               "</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" "
               "w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr>"
               "<w:t xml:space=\"preserve\">");
    for (unsigned s = 0; s < sentences; s++) {
        prose_words(b, r, 4 + rng_u32(r) % 10);
        buf_str(b, "，");
        prose_words(b, r, 4 + rng_u32(r) % 10);
        buf_str(b, "。");
    }
    buf_str(b, "</w:t></w:r></w:p>");
}

static void prose_heading(struct buf *b, struct rng *r)
{
    static const char *const ordinal[] = { "一", "二", "三", "四", "五", "六" };
    buf_str(b, "<w:p><w:pPr><w:pStyle w:val=\"2\"/></w:pPr><w:r><w:t>（");
    buf_str(b, ordinal[rng_u32(r) % 6]);
    buf_str(b, "）");
    prose_words(b, r, 2 + rng_u32(r) % 3);
    buf_str(b, "</w:t></w:r></w:p>");
}

static void prose_cell(struct buf *b, const char *text, struct rng *r)
{
    buf_str(b, "<w:tc><w:tcPr><w:tcW w:w=\"1400\" w:type=\"dxa\"/></w:tcPr>"
               "<w:p><w:r><w:t>");
    if (text)
        buf_str(b, text);
    else
        prose_words(b, r, 1 + rng_u32(r) % 4);
    buf_str(b, "</w:t></w:r></w:p></w:tc>");
}

/* An ordinary table: a header row of common column names, then rows of
 * a number and short phrases. */
static void prose_table(struct buf *b, struct rng *r)
{
    unsigned cols = 3 + rng_u32(r) % 4, rows = 3 + rng_u32(r) % 10;
    buf_str(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
               "<w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
    for (unsigned c = 0; c < cols; c++)
        buf_str(b, "<w:gridCol w:w=\"1400\"/>");
    buf_str(b, "</w:tblGrid><w:tr>");
    unsigned first = rng_u32(r) % PROSE_NHEADERS;
    for (unsigned c = 0; c < cols; c++)
        prose_cell(b, c ? PROSE_HEADERS[(first + c) % PROSE_NHEADERS] : "序号", r);
    buf_str(b, "</w:tr>");
    for (unsigned row = 1; row < rows; row++) {
        char num[16];
        snprintf(num, sizeof num, "%u", row);
        buf_str(b, "<w:tr>");
        for (unsigned c = 0; c < cols; c++)
            prose_cell(b, c ? NULL : num, r);
        buf_str(b, "</w:tr>");
    }
    buf_str(b, "</w:tbl>");
}

static void prose_rewind(struct prose *p)
{
    p->r.s = PROSE_SEED;
    p->chunk.len = 0;
    p->off = 0;
    p->body = 0;
    p->stage = 0;
    p->paras = 0;
}

/* Makes the next block; 0 at the end, -1 when out of memory. */
static int prose_fill(struct prose *p)
{
    struct buf *b = &p->chunk;
    b->len = 0;
    p->off = 0;
    switch (p->stage) {
    case 0:
        buf_str(b, XML_DECL DOC_OPEN);
        p->stage = 1;
        break;
    case 1:
        if (p->kind == PROSE_SHORT) {
            buf_str(b, "<w:p><w:r><w:t>");
            prose_words(b, &p->r, 6 + rng_u32(&p->r) % 15);
            buf_str(b, "</w:t></w:r></w:p>");
        } else if (p->paras >= 15 + rng_u32(&p->r) % 30) {
            prose_table(b, &p->r);
            p->paras = 0;
        } else if (rng_u32(&p->r) % 12 == 0) {
            prose_heading(b, &p->r);
        } else {
            prose_paragraph(b, &p->r);
            p->paras++;
        }
        p->body += b->len;
        if (p->body >= p->target)
            p->stage = 2;
        break;
    case 2:
        buf_str(b, DOC_CLOSE);
        p->stage = 3;
        break;
    default:
        return 0;
    }
    return b->err ? -1 : 1;
}

static zip_int64_t prose_read(struct prose *p, unsigned char *dst,
                              zip_uint64_t cap)
{
    zip_uint64_t done = 0;
    while (done < cap) {
        if (p->off == p->chunk.len) {
            int rc = prose_fill(p);
            if (rc < 0) {
                zip_error_set(&p->err, ZIP_ER_MEMORY, 0);
                return -1;
            }
            if (rc == 0)
                break;
        }
        size_t k = p->chunk.len - p->off;
        if (k > cap - done)
            k = (size_t)(cap - done);
        memcpy(dst + done, p->chunk.p + p->off, k);
        done += k;
        p->off += k;
    }
    return (zip_int64_t)done;
}

/* The size libzip wants before reading: the generator run once, dry. */
static int prose_measure(struct prose *p)
{
    prose_rewind(p);
    uint64_t total = 0;
    int rc;
    while ((rc = prose_fill(p)) > 0)
        total += p->chunk.len;
    p->size = total;
    prose_rewind(p);
    return rc;
}

static zip_int64_t prose_cb(void *ud, void *data, zip_uint64_t len,
                            zip_source_cmd_t cmd)
{
    struct prose *p = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        prose_rewind(p);
        return 0;
    case ZIP_SOURCE_READ:
        return prose_read(p, data, len);
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &p->err);
        if (!st)
            return -1;
        zip_stat_init(st);
        st->size = p->size;
        st->mtime = FIXED_MTIME;
        st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
        return (zip_int64_t)sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&p->err, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&p->err);
        buf_free(&p->chunk);
        free(p);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&p->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

static zip_source_t *prose_source(zip_t *za, enum prose_kind kind,
                                  uint64_t target)
{
    struct prose *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->kind = kind;
    p->target = target;
    zip_error_init(&p->err);
    zip_source_t *src = prose_measure(p) == 0 ? zip_source_function(za, prose_cb, p) : NULL;
    if (!src) {
        zip_error_fini(&p->err);
        buf_free(&p->chunk);
        free(p);
    }
    return src;
}

static int emit_prose(const struct out *o, const char *name,
                      enum prose_kind kind, uint64_t target)
{
    char path[PATH_CAP];
    struct part p[3];
    std_parts(p, NULL, 0);
    if (out_path(o, name, path) != 0)
        return -1;
    zip_t *za = zw_open(path);
    if (!za)
        return -1;
    if (zw_add(za, &p[0]) != 0 || zw_add(za, &p[1]) != 0)
        return zw_fail(za, path);
    zip_source_t *src = prose_source(za, kind, target);
    zip_int64_t idx = src ? zip_file_add(za, p[2].name, src, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
        zip_source_free(src);
        return zw_fail(za, path);
    }
    if (zip_file_set_mtime(za, (zip_uint64_t)idx, FIXED_MTIME, 0) != 0 ||
        zw_compression(za, (zip_uint64_t)idx, 6) != 0)
        return zw_fail(za, path);
    if (zw_close(za, path) != 0)
        return -1;
    report(path, name);
    return 0;
}

static int ok_large_prose(const struct out *o)
{
    return emit_prose(o, "ok__large-prose-100mib.docx", PROSE_REPORT,
                      PROSE_BODY);
}

/* About 240,000 short paragraphs, each a candidate title for the next
 * table: the reader must not keep a copy of every one. */
static int ok_short_paragraphs(const struct out *o)
{
    return emit_prose(o, "ok__short-paragraphs-24mib.docx", PROSE_SHORT,
                      (uint64_t)24 * MIB);
}

static int case_ok(const struct out *o)
{
    int rc = emit_docx_body(o, "ok__minimal.docx", NULL, HELLO_BODY);
    return rc | ok_utf16(o) | ok_strict(o) | ok_large_prose(o) |
           ok_short_paragraphs(o);
}

/* ------------------------------------------------------------------ */

typedef int (*case_fn)(const struct out *o);


/* ------------------------------------------------------------------ */
/* Cases: second round (issue 19)                                       */
/* ------------------------------------------------------------------ */

/* n attributes on one element: " a0=\"0\" a1=\"1\" …" (namespaced: each
 * with its own declaration, " xmlns:n0=\"urn:0\" n0:a=\"0\" …"). */
static void attr_flood(struct buf *b, size_t n, int namespaced)
{
    char one[96];
    for (size_t i = 0; i < n; i++) {
        if (namespaced)
            snprintf(one, sizeof one, " xmlns:n%zu=\"urn:x:%zu\" n%zu:a=\"%zu\"", i, i, i, i);
        else
            snprintf(one, sizeof one, " a%zu=\"%zu\"", i, i);
        buf_str(b, one);
    }
}

static int case_attributes(const struct out *o)
{
    struct buf body = { 0 };
    int rc = 0;
    /* 100,000 attributes on one cell: 2 minutes of libxml2 2.9.14's
     * quadratic duplicate check, which no time limit could stop. */
    buf_str(&body, "<w:tbl><w:tr><w:tc");
    attr_flood(&body, 100000, 0);
    buf_str(&body, "><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>");
    buf_put(&body, "", 1); /* NUL-terminated, for emit_docx_body */
    rc |= body.err ? -1 : emit_docx_body(o, "xml-too-many-attributes__cell-100k.docx", NULL, (const char *)body.p);
    buf_free(&body);
    /* 40,000 namespaced attributes, each with its declaration, on a w:p. */
    buf_str(&body, "<w:p");
    attr_flood(&body, 40000, 1);
    buf_str(&body, "><w:r><w:t>x</w:t></w:r></w:p>");
    buf_put(&body, "", 1); /* NUL-terminated, for emit_docx_body */
    rc |= body.err ? -1 : emit_docx_body(o, "xml-too-many-attributes__p-40k-namespaced.docx", NULL,
                                         (const char *)body.p);
    buf_free(&body);
    /* Under the limit: read. */
    buf_str(&body, "<w:p");
    attr_flood(&body, 500, 0);
    buf_str(&body, "><w:r><w:t>x</w:t></w:r></w:p>");
    buf_put(&body, "", 1); /* NUL-terminated, for emit_docx_body */
    rc |= body.err ? -1 : emit_docx_body(o, "ok__500-attributes.docx", NULL, (const char *)body.p);
    buf_free(&body);
    return rc;
}

/* A 12 MiB attribute (past libxml2's 10,000,000-byte limits, whose
 * "Huge input lookup" used to be the message) and one 200 MiB text run in a
 * cell: each gets the code of the limit it hits. */
static int case_long_values(const struct out *o)
{
    struct rng r = { UINT64_C(0x5EED0019) };
    struct buf value = { 0 }, run = { 0 };
    struct segv sv = { .n = 0 };
    semi_text(&value, 12 * MIB, 96, &r);
    segv_str(&sv, XML_DECL DOC_OPEN "<w:p w:rsidR=\"", 1);
    segv_buf(&sv, &value, 1);
    segv_str(&sv, "\"/>" DOC_CLOSE, 1);
    int rc = emit_docx_gen(o, "cell-too-large__attribute-12mib.docx", &sv, 6);
    struct segv sv2 = { .n = 0 };
    semi_text(&run, MIB, 96, &r);
    segv_str(&sv2, XML_DECL DOC_OPEN "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>", 1);
    segv_buf(&sv2, &run, 200);
    segv_str(&sv2, "</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>" DOC_CLOSE, 1);
    rc |= emit_docx_gen(o, "cell-too-large__one-run-200mib.docx", &sv2, 6);
    buf_free(&value);
    buf_free(&run);
    return rc;
}

#define NS_SML "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* One worksheet listed 50,000 times in the workbook: it used to be read
 * once per entry (45 s before the total-inflate cap).  Read once. */
static int case_sheet_listed_often(const struct out *o)
{
    struct buf wb = { 0 };
    char one[128];
    buf_str(&wb, "<?xml version=\"1.0\"?><workbook xmlns=\"" NS_SML "\" xmlns:r=\"" NS_REL "\"><sheets>");
    for (int i = 0; i < 50000; i++) {
        snprintf(one, sizeof one, "<sheet name=\"S%d\" sheetId=\"%d\" r:id=\"rId1\"/>", i, i + 1);
        buf_str(&wb, one);
    }
    buf_str(&wb, "</sheets></workbook>");
    static const char ct[] =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    static const char rels[] =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    static const char wb_rels[] =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    static const char sheet[] =
        "<?xml version=\"1.0\"?><worksheet xmlns=\"" NS_SML "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
        "<is><t>sheet</t></is></c></row></sheetData></worksheet>";
    struct part p[5] = {
        { "[Content_Types].xml", ct, sizeof ct - 1, NULL, 0 },
        { "_rels/.rels", rels, sizeof rels - 1, NULL, 0 },
        { "xl/workbook.xml", wb.p, wb.len, NULL, 0 },
        { "xl/_rels/workbook.xml.rels", wb_rels, sizeof wb_rels - 1, NULL, 0 },
        { "xl/worksheets/sheet1.xml", sheet, sizeof sheet - 1, NULL, 0 },
    };
    int rc = wb.err ? -1 : emit_zip(o, "ok__sheet-listed-50000.xlsx", p, 5);
    buf_free(&wb);
    return rc;
}

static const case_fn CASES[] = {
    case_empty,        case_random,      case_text_formats, case_ole,
    case_truncated,    case_garbage_cd,  case_crc,          case_overlap,
    case_no_main_part, case_malformed,   case_doctype,      case_part_too_large,
    case_ratio,        case_many_entries, case_duplicates,  case_encrypted,
    case_too_deep,     case_table,       case_cell,         case_grid,
    case_ok,           case_attributes,  case_long_values,  case_sheet_listed_often,
};

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "hostile_gen: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    struct out o = { argv[1] };
    int failed = 0;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        failed += CASES[i](&o) != 0;
    if (failed)
        fprintf(stderr, "hostile_gen: %d case group(s) failed\n", failed);
    return failed ? 1 : 0;
}
