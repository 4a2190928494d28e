/* Text as the rules compare it: width folded, white space dropped. */
#include "check/check.h"

#include <string.h>

const char *pbi_norm(const char *s, char *buf)
{
    if (!s || !pbi_normalize_buf(s, true, buf, PBI_NORM_MAX))
        buf[0] = '\0';
    return buf;
}

bool pbi_same_text(const char *a, const char *b)
{
    char x[PBI_NORM_MAX], y[PBI_NORM_MAX];
    return strcmp(pbi_norm(a, x), pbi_norm(b, y)) == 0;
}

/* The bit of a 512-bit set for the three bytes at p (a CJK character). */
static inline unsigned tri_bit(const unsigned char *p)
{
    return ((unsigned)p[0] << 7 ^ (unsigned)p[1] << 4 ^ (unsigned)p[2]) & 511u;
}

/* The set of s's three-byte runs, one pass over s, then each word's first
 * three bytes asked of it: only the words whose start occurs in s are
 * looked for.  The rules' lists hold up to some 70 words, the names they
 * are asked of a few dozen bytes, so the set is made of the shorter side.
 * Words shorter than three bytes ("%"; "率" is three) are looked for
 * directly. */
bool pbi_contains_any(const char *s, const char *const *words, size_t n)
{
    if (!s)
        return false;
    uint64_t set[8] = {0};
    for (const unsigned char *p = (const unsigned char *)s; p[0] && p[1] && p[2]; p++) {
        unsigned k = tri_bit(p);
        set[k >> 6] |= 1ull << (k & 63);
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        if (w[0] && w[1] && w[2]) {
            unsigned k = tri_bit(w);
            if (!((set[k >> 6] >> (k & 63)) & 1u))
                continue;
        }
        if (pbi_contains(s, words[i]))
            return true;
    }
    return false;
}

bool pbi_in_list(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

pb_loc pbi_field_or(const pb_field *f, pb_loc dflt) { return f->loc.table >= 0 ? f->loc : dflt; }
