/* Text as the checks compare it: NFKC-style width folding and white space. */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pbi_utf8_decode(const char *str, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    int n;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        c &= 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

static bool is_space_cp(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B ||
           cp == 0x0C || cp == 0xA0 || cp == 0x3000 || cp == 0xFEFF ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F;
}

static int utf8_encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
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
 * triple it).  Chinese text is three-byte characters: they are decoded here,
 * not through pbi_utf8_decode, as this runs on every cell. */
static size_t normalize_into(const char *str, bool drop_space, char *out)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0;
    bool pending_space = false;
    while (*s) {
        unsigned c = s[0], cp;
        int n;
        if (c < 0x80)
            cp = c, n = 1;
        else if ((c & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
            cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu), n = 3;
            if (cp >= 0x3400 && cp < 0xFE00) {
                /* ideographs and the like: neither white space nor folded */
                if (pending_space && !drop_space)
                    out[o++] = ' ';
                pending_space = false;
                memcpy(out + o, s, 3);
                o += 3;
                s += 3;
                continue;
            }
        } else
            n = pbi_utf8_decode((const char *)s, &cp);
        bool invalid = n == 1 && c >= 0x80;
        s += n;
        if (!invalid && is_space_cp(cp)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space && !drop_space)
            out[o++] = ' ';
        pending_space = false;
        if (invalid)
            out[o++] = (char)c;
        else if (c < 0x80)
            out[o++] = (char)c;
        else
            o += (size_t)utf8_encode(fold(cp), out + o);
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

/* strstr for the short needles the rules look for in cell-sized texts:
 * glibc's generic two-way strstr (the one picked on this project's build
 * machines) prepares the needle on every call, which cost more than the
 * search itself.  A byte loop, then a compare where the first byte fits. */
bool pbi_contains(const char *s, const char *needle)
{
    if (!s)
        return false;
    if (!*needle)
        return true;
    for (; *s; s++)
        if (*s == *needle && pbi_has_prefix(s, needle))
            return true;
    return false;
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
