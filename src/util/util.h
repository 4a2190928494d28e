/* Helpers every stage of libpbcheck may use: arena growth, bounded buffers, text folding, UTF-8, errors, gettext. They depend on nothing but libc and the public header. */
#ifndef PB_UTIL_H
#define PB_UTIL_H

#include "pbcheck/pbcheck.h"
#include <libintl.h>
#include <stdarg.h>

/* Internal to libpbcheck: hidden from a shared build's exports. */
#pragma GCC visibility push(hidden)

#define PB_TEXTDOMAIN "pbcheck"
#define _(s) dgettext(PB_TEXTDOMAIN, s)
#define N_(s) s

/* ---- errors */
void pbi_error_set(pb_error *e, pb_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- growable array in an arena (old blocks stay in the arena) */
bool pbi_grow(pb_arena *a, void **items, size_t *cap, size_t count, size_t size);
/* Frees everything allocated from a at once, like pb_arena_free, but keeps
 * a few of its blocks for the next allocations: the reader empties its
 * scratch arena after each table, and memory given back to the system
 * and taken again costs a page fault per page. */
void pbi_arena_reset(pb_arena *a);

/* ---- string builder on malloc, bounded */
typedef struct pb_buf {
    char *data;
    size_t len, cap;
} pb_buf;
bool pbi_buf_append(pb_buf *b, const char *s, size_t n);
void pbi_buf_reset(pb_buf *b);
void pbi_buf_free(pb_buf *b);

/* ---- text normalisation (text.c) */
/* NFKC-style folding used for labels and values: full-width ASCII → ASCII,
 * ideographic space/NBSP/tabs/newlines → space; runs of white space collapse
 * to one space and ends are trimmed.  With drop_space, all white space is
 * removed ("其中：财政    资金" → "其中:财政资金"). */
char *pbi_normalize(pb_arena *a, const char *s, bool drop_space);
/* Same into a caller buffer; returns false when it does not fit. */
bool pbi_normalize_buf(const char *s, bool drop_space, char *out, size_t cap);
bool pbi_is_blank(const char *s);
/* Inline: the extractor asks it of every cell against every prefix label. */
static inline bool pbi_has_prefix(const char *s, const char *prefix)
{
    if (!s)
        return false;
    while (*prefix)
        if (*s++ != *prefix++)
            return false;
    return true;
}
bool pbi_contains(const char *s, const char *needle);
/* The n parts (NULL as "") joined by sep into buf, cut at cap - 1 bytes
 * as snprintf cuts; the length the whole has.  What snprintf's "%s/%s"
 * does, without parsing a format for each indicator a rule names. */
size_t pbi_join(char *buf, size_t cap, const char *sep, const char *const *parts, size_t n);
/* ---- UTF-8 (utf8.c; its strictness is documented there and at
 * pb_utf8_decode in the public header) */
/* pb_utf8_decode under the internal prefix the stages use. */
static inline int pbi_utf8_decode(const char *s, unsigned *cp) { return pb_utf8_decode(s, cp); }
/* Bytes of the well-formed character at s (1-4), 0 when s does not start
 * one; *cp gets the code point.  Inline: text folding, JSON and terminal
 * escaping call it for every character of every cell. */
static inline int pbi_utf8_valid(const char *str, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0], min;
    int n;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* Chinese text is three-byte characters: the common case first. */
    if ((c & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        unsigned v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    if (c >= 0xC2 && c <= 0xDF) n = 2, c &= 0x1F, min = 0x80;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, c &= 0x07, min = 0x10000;
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF)
        return 0;
    *cp = c;
    return n;
}
/* Writes cp (at most U+10FFFF) to out; returns the bytes written (1-4). */
int pbi_utf8_encode(unsigned cp, char *out);
/* s with each invalid byte replaced by U+FFFD (malloc'd; "" for NULL);
 * NULL when out of memory. */
char *pbi_utf8_clean(const char *s);

/* ---- file names (path.c) */
/* path's display form (pb_path_display) in a: path itself when it is UTF-8;
 * NULL when out of memory. */
const char *pbi_path_shown(pb_arena *a, const char *path);
/* len bytes of data in base64 (RFC 4648, with padding; a run of whole
 * groups of 3 bytes can be written piece by piece), bounded like
 * pb_path_display; returns the length the whole form needs. */
size_t pbi_base64(const void *data, size_t len, char *buf, size_t cap);

#pragma GCC visibility pop

#endif
