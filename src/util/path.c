/* File names as people read them, and as programs reopen them.
 *
 * A path is bytes from the file system.  Names written on Windows or an old
 * Chinese Linux desktop and unpacked from a zip or copied from a CD arrive
 * in GBK or GB18030, which is no UTF-8: printed as they are, they become
 * mojibake.  The readable form converts each '/'-separated part on its own
 * (a UTF-8 folder may hold a GBK name): a part that is UTF-8 is kept, a part
 * that is all GB18030 (GBK's superset) is converted with glibc's iconv, and
 * any other invalid byte is written as \xHH.  '/' is never a byte inside a
 * GB18030 character, so the split is safe.  A conversion giving a C1 control
 * or a private-use code point (GBK's user-defined areas) is taken for no
 * GB18030 at all.  ASCII, controls included, is the same in both: the
 * callers escape controls for a terminal (pb_safe_text).
 *
 * The exact bytes, for reopening, are written in base64. */
#include "util/util.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* Bounded output like snprintf: stops writing at the first piece that does
 * not fit, keeps counting. */
typedef struct sink {
    char *buf;
    size_t cap, o, need;
} sink;

static void put(sink *w, const char *s, size_t n)
{
    if (w->cap && w->o + n < w->cap) {
        memcpy(w->buf + w->o, s, n);
        w->o += n;
    } else if (w->cap)
        w->cap = w->o + 1;
    w->need += n;
}

static bool utf8_part(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int k = pbi_utf8_valid(s + i, &cp);
        if (k == 0)
            return false;
        i += (size_t)k;
    }
    return true;
}

/* Converts the part s[0..n) from GB18030 into conv (UTF-8, NUL-terminated);
 * false when it is not GB18030 through and through. */
static bool gb18030_part(const char *s, size_t n, char *conv, size_t cap)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return false;
    char *in = (char *)s, *o = conv;
    size_t inleft = n, outleft = cap - 1;
    bool ok = iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0 &&
              iconv(cd, NULL, NULL, &o, &outleft) != (size_t)-1;
    iconv_close(cd);
    if (!ok)
        return false;
    *o = '\0';
    for (const char *c = conv; *c;) {
        unsigned cp;
        int k = pbi_utf8_valid(c, &cp);
        if (k == 0 || (cp >= 0x80 && cp < 0xA0) || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000)
            return false;
        c += k;
    }
    return true;
}

static void escaped_part(sink *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int k = pbi_utf8_valid(s + i, &cp);
        if (k == 0) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\x%02X", (unsigned char)s[i]);
            put(w, esc, 4);
            i++;
        } else {
            put(w, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
}

size_t pb_path_display(const char *path, char *buf, size_t cap)
{
    sink w = {buf, cap, 0, 0};
    if (!path)
        path = "";
    for (const char *s = path; *s;) {
        size_t n = strcspn(s, "/");
        /* A name is at most 255 bytes (NAME_MAX); its UTF-8 at most twice that. */
        char conv[1024];
        if (utf8_part(s, n))
            put(&w, s, n);
        else if (n < sizeof conv / 2 && gb18030_part(s, n, conv, sizeof conv))
            put(&w, conv, strlen(conv));
        else
            escaped_part(&w, s, n);
        s += n;
        if (*s == '/') {
            put(&w, "/", 1);
            s++;
        }
    }
    if (cap)
        buf[w.o] = '\0';
    return w.need;
}

size_t pbi_base64(const void *data, size_t len, char *buf, size_t cap)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    sink w = {buf, cap, 0, 0};
    const unsigned char *s = data;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0) |
                     (i + 2 < len ? s[i + 2] : 0);
        char q[4] = {digits[v >> 18 & 63], digits[v >> 12 & 63], i + 1 < len ? digits[v >> 6 & 63] : '=',
                     i + 2 < len ? digits[v & 63] : '='};
        put(&w, q, 4);
    }
    if (cap)
        buf[w.o] = '\0';
    return w.need;
}

bool pb_fput_path(FILE *out, const char *path)
{
    char small[1024];
    size_t need = pb_path_display(path, small, sizeof small);
    if (need < sizeof small)
        return pb_fput_safe(out, small);
    char *big = malloc(need + 1);
    if (!big)
        return false;
    pb_path_display(path, big, need + 1);
    bool ok = pb_fput_safe(out, big);
    free(big);
    return ok;
}

const char *pbi_path_shown(pb_arena *a, const char *path)
{
    if (!path)
        path = "";
    if (utf8_part(path, strlen(path)))
        return path;
    size_t need = pb_path_display(path, NULL, 0);
    char *s = pb_arena_alloc(a, need + 1);
    if (s)
        pb_path_display(path, s, need + 1);
    return s;
}

size_t pb_path_base64(const char *path, char *buf, size_t cap)
{
    return pbi_base64(path ? path : "", path ? strlen(path) : 0, buf, cap);
}
