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

bool pbi_contains_any(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (pbi_contains(s, words[i]))
            return true;
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
