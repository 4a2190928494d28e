/* The one UTF-8 decoder of pbcheck, and text made safe for a terminal.
 *
 * Strictness (the same everywhere): a character is well-formed UTF-8 only in
 * its shortest form, never a surrogate (U+D800–U+DFFF) and never past
 * U+10FFFF.  Anything else — a stray continuation byte, a truncated
 * sequence, an overlong form, 0xC0/0xC1/0xF5–0xFF — is one invalid byte, so
 * a scan always moves on by at least one byte and resynchronises at the next
 * lead byte.  Cell texts can be cut in the middle of a character and paths
 * are bytes from the file system, so every consumer must expect this. */
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

int pb_utf8_decode(const char *s, unsigned *cp)
{
    int n = pbi_utf8_valid(s, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return n;
}

int pbi_utf8_encode(unsigned cp, char *out)
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

char *pbi_utf8_clean(const char *s)
{
    if (!s)
        s = "";
    /* Each invalid byte becomes three: the worst case is 3x. */
    size_t len = strlen(s);
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_valid(s, &cp);
        if (n == 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            s++;
        } else {
            memcpy(o, s, (size_t)n);
            o += n;
            s += n;
        }
    }
    *o = '\0';
    return out;
}

/* C0 controls but tab and newline, DEL, and the C1 controls (U+0080–U+009F,
 * where U+009B is a CSI on some terminals). */
static bool is_unsafe(unsigned cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

size_t pb_safe_text(const char *s, char *buf, size_t cap)
{
    size_t o = 0, need = 0;
    if (!s)
        s = "";
    while (*s) {
        unsigned cp;
        int n = pbi_utf8_valid(s, &cp);
        char esc[12];
        const char *piece = s;
        size_t len;
        if (n == 0) {
            len = 1; /* an invalid byte is no control: kept for the reader's terminal */
            n = 1;
        } else if (is_unsafe(cp)) {
            len = (size_t)snprintf(esc, sizeof esc, cp < 0x80 ? "\\x%02X" : "\\u%04X", cp);
            piece = esc;
        } else
            len = (size_t)n;
        if (cap && o + len < cap) {
            memcpy(buf + o, piece, len);
            o += len;
        } else if (cap)
            cap = o + 1; /* full: stop writing, keep counting */
        need += len;
        s += n;
    }
    if (cap)
        buf[o] = '\0';
    return need;
}

bool pb_fput_safe(FILE *out, const char *s)
{
    char small[512];
    size_t need = pb_safe_text(s, small, sizeof small);
    if (need < sizeof small)
        return fputs(small, out) >= 0;
    char *big = malloc(need + 1);
    if (!big)
        return false;
    pb_safe_text(s, big, need + 1);
    bool ok = fputs(big, out) >= 0;
    free(big);
    return ok;
}
