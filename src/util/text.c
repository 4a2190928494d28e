/* Text as the checks compare it: NFKC-style width folding and white space. */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_space_cp(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B ||
           cp == 0x0C || cp == 0xA0 || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F;
}

/* Folds one code point: full-width ASCII forms to ASCII, ideographic full
 * stop used as a decimal point stays as it is (it is a sentence mark). */
static unsigned fold(unsigned cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + 0x21;
    return cp;
}

/* Writes the normalised form of s into out, which has room for strlen(s)+1
 * bytes: folding never lengthens a character, and a byte that does not
 * start a well-formed one is copied as it is (writing U+FFFD for it would
 * triple it). */
static size_t normalize_into(const char *str, bool drop_space, char *out)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    bool pending_space = false;
    while (*s) {
        unsigned c = s[0], cp = c;
        int n = c < 0x80 ? 1 : pbi_utf8_valid((const char *)s, &cp);
        bool invalid = n == 0;
        if (n == 3 && cp >= 0x3400 && cp < 0xFE00) {
            /* ideographs and the like: neither white space nor folded */
            if (pending_space && !drop_space)
                out[o++] = ' ';
            pending_space = false;
            memcpy(out + o, s, 3);
            o += 3;
            s += 3;
            continue;
        }
        s += invalid ? 1 : n;
        if (!invalid && is_space_cp(cp)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space && !drop_space)
            out[o++] = ' ';
        pending_space = false;
        if (invalid || c < 0x80)
            out[o++] = (char)c;
        else
            o += (size_t)pbi_utf8_encode(fold(cp), out + o);
    }
    out[o] = '\0';
    return o;
}

char *pbi_normalize(pb_arena *a, const char *s, bool drop_space)
{
    if (!s)
        return NULL;
    char *out = pb_arena_alloc(a, strlen(s) + 4);
    if (!out)
        return NULL;
    normalize_into(s, drop_space, out);
    return out;
}

bool pbi_normalize_buf(const char *s, bool drop_space, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n + 4 > cap)
        return false;
    normalize_into(s, drop_space, out);
    return true;
}

bool pbi_is_blank(const char *s)
{
    if (!s)
        return true;
    while (*s) {
        unsigned cp;
        s += pbi_utf8_decode(s, &cp);
        if (!is_space_cp(cp))
            return false;
    }
    return true;
}

/* glibc's strstr: on the build machine it picks a vector search
 * (__strstr_avx512, else __strstr_sse2_unaligned), which beat a byte loop
 * here by 1-4 % of the folder's wall time (15 paired runs, 2026-12-05).
 * Under valgrind the emulated CPU makes glibc pick its generic two-way
 * strstr, which prepares the needle on every call: callgrind's counts
 * said the opposite, and are not what the users run. */
bool pbi_contains(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

size_t pbi_join(char *buf, size_t cap, const char *sep, const char *const *parts, size_t n)
{
    size_t len = 0, sep_len = strlen(sep);
    for (size_t i = 0; i < n; i++) {
        const char *piece[2] = {i ? sep : "", parts[i] ? parts[i] : ""};
        size_t piece_len[2] = {i ? sep_len : 0, strlen(piece[1])};
        for (int k = 0; k < 2; k++) {
            if (len + 1 < cap) {
                size_t room = cap - 1 - len;
                memcpy(buf + len, piece[k], piece_len[k] < room ? piece_len[k] : room);
            }
            len += piece_len[k];
        }
    }
    if (cap)
        buf[len < cap ? len : cap - 1] = '\0';
    return len;
}

void pbi_error_set(pb_error *e, pb_status s, const char *fmt, ...)
{
    if (!e || e->status != PB_OK)
        return; /* the first error is the cause; later ones are echoes */
    e->status = s;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    /* One line: a libxml2 message may end in a newline. */
    for (char *p = e->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    size_t n = strlen(e->message);
    while (n && e->message[n - 1] == ' ')
        e->message[--n] = '\0';
}
