/* Number formats and the text of a number cell, written from its stored
 * decimal text (never through a double). */
#include "read/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void put_literal(numfmt *f, bool after, const char *s, size_t n)
{
    char *dst = after ? f->suffix : f->prefix;
    size_t len = strlen(dst);
    if (len + n < sizeof f->prefix) {
        memcpy(dst + len, s, n);
        dst[len + n] = '\0';
    }
}

/* Reads the first section of a format code: literals, digits, %, dates. */
void pbi_xlsx_parse_format(const char *code, numfmt *f)
{
    memset(f, 0, sizeof *f);
    f->kind = NF_NUMBER;
    if (strncasecmp(code, "General", 7) == 0 && (code[7] == '\0' || code[7] == ';')) {
        f->kind = NF_GENERAL;
        return;
    }
    bool digits = false, fraction = false, percent = false, date = false, text = false;
    for (const char *s = code; *s && *s != ';'; s++) {
        char c = *s;
        if (c == '"') {
            const char *e = strchr(s + 1, '"');
            size_t n = e ? (size_t)(e - s - 1) : strlen(s + 1);
            put_literal(f, digits, s + 1, n);
            s += n + (e ? 1 : 0);
        } else if (c == '\\' && s[1]) {
            unsigned cp;
            int n = pbi_utf8_decode(s + 1, &cp);
            put_literal(f, digits, s + 1, (size_t)n);
            s += n;
        } else if (c == '[') {
            const char *e = strchr(s, ']');
            if (!e)
                break;
            if (s[1] == '$') { /* [$¥-804]: a currency symbol */
                const char *dash = memchr(s + 2, '-', (size_t)(e - s - 2));
                put_literal(f, digits, s + 2, (size_t)((dash ? dash : e) - s - 2));
            }
            s = e;
        } else if ((c == '_' || c == '*') && s[1]) {
            s++; /* padding or fill by the next character */
        } else if (c == '0' || c == '#' || c == '?') {
            digits = true;
            if (fraction && c == '0')
                f->decimals++;
        } else if (c == '.' && digits) {
            fraction = true;
        } else if (c == '%') {
            percent = true;
            put_literal(f, digits, "%", 1);
        } else if (c == '@') {
            text = true;
        } else if (strchr("yYdDmMhHsS", c) && !digits) {
            date = date || strchr("yYdDmM", c) != NULL;
        } else if (c == ',' || c == 'E' || c == 'e' || c == '+') {
            /* grouping and exponents: the number is written plainly */
        } else {
            unsigned cp;
            int n = pbi_utf8_decode(s, &cp);
            put_literal(f, digits, s, (size_t)n);
            s += n - 1;
        }
    }
    if (text)
        f->kind = NF_TEXT;
    else if (date && !digits)
        f->kind = NF_DATE;
    else if (percent)
        f->kind = NF_PERCENT;
    else if (!digits)
        f->kind = NF_GENERAL;
}

/* The built-in formats (ECMA-376 Part 1, 18.8.30) that change how a number
 * reads; the others print it plainly. */
static void builtin_format(int id, numfmt *f)
{
    memset(f, 0, sizeof *f);
    f->kind = NF_NUMBER;
    switch (id) {
    case 2: case 4: case 7: case 8: case 39: case 40: case 43: case 44:
        f->decimals = 2;
        break;
    case 1: case 3: case 5: case 6: case 37: case 38: case 41: case 42:
        break;
    case 9:
        f->kind = NF_PERCENT;
        strcpy(f->suffix, "%");
        break;
    case 10:
        f->kind = NF_PERCENT;
        f->decimals = 2;
        strcpy(f->suffix, "%");
        break;
    case 14: case 15: case 16: case 17: case 22: case 27: case 28: case 29: case 30: case 31: case 34:
    case 35: case 36: case 50: case 51: case 52: case 53: case 54: case 57: case 58:
        f->kind = NF_DATE;
        break;
    case 49:
        f->kind = NF_TEXT;
        break;
    default:
        f->kind = NF_GENERAL;
    }
}

static const numfmt *cell_format(const workbook *wb, int style, numfmt *tmp)
{
    int id = style >= 0 && (size_t)style < wb->xf_count ? wb->xf_fmt[style] : 0;
    for (size_t i = 0; i < wb->fmt_count; i++)
        if (wb->fmts[i].id == id)
            return &wb->fmts[i].fmt;
    builtin_format(id, tmp);
    return tmp;
}

/* ---- numbers, exactly */

/* A stored number as significant digits and the place of the point:
 * value = 0.digits × 10^point (sign apart). */
typedef struct dec_text {
    bool negative;
    char digits[NUM_TEXT_MAX];
    size_t len;
    long point;
} dec_text;

static bool parse_stored(const char *s, dec_text *d)
{
    memset(d, 0, sizeof *d);
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        d->negative = *s++ == '-';
    bool any = false, seen_point = false, leading = true;
    long point = 0;
    for (; (*s >= '0' && *s <= '9') || (*s == '.' && !seen_point); s++) {
        if (*s == '.') {
            seen_point = true;
            continue;
        }
        any = true;
        if (leading && *s == '0') {
            if (seen_point)
                point--; /* 0.05: the point moves left of the first digit */
            continue;
        }
        leading = false;
        if (d->len < NUM_TEXT_MAX - 1)
            d->digits[d->len++] = *s;
        if (!seen_point && point < 100000)
            point++;
    }
    if (!any)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        bool neg = *s == '-';
        if (*s == '-' || *s == '+')
            s++;
        long e = 0;
        if (!(*s >= '0' && *s <= '9'))
            return false;
        for (; *s >= '0' && *s <= '9'; s++)
            if (e < 100000)
                e = e * 10 + (*s - '0');
        point += neg ? -e : e;
    }
    while (*s == ' ')
        s++;
    if (*s)
        return false;
    d->digits[d->len] = '\0';
    d->point = point;
    if (d->len == 0)
        d->negative = false;
    return true;
}

/* Excel keeps 15 significant digits; "0.30000000000000004" is 0.3. */
static void round_15(dec_text *d)
{
    if (d->len > 15) {
        bool up = d->digits[15] >= '5';
        d->len = 15;
        for (int i = 14; up && i >= 0; i--) {
            if (d->digits[i] == '9')
                d->digits[i] = '0';
            else {
                d->digits[i]++;
                up = false;
            }
        }
        if (up) {
            memmove(d->digits + 1, d->digits, 14);
            d->digits[0] = '1';
            d->point++;
        }
    }
    while (d->len > 0 && d->digits[d->len - 1] == '0')
        d->len--;
    d->digits[d->len] = '\0';
    if (d->len == 0)
        d->negative = false;
}

static bool plain_number(const dec_text *d, int decimals, pb_buf *out)
{
    char buf[3 * NUM_TEXT_MAX];
    size_t n = 0;
    if (d->negative)
        buf[n++] = '-';
    int frac = 0;
    if (d->len == 0)
        buf[n++] = '0';
    else if (d->point <= 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (long i = 0; i < -d->point; i++, frac++)
            buf[n++] = '0';
        for (size_t i = 0; i < d->len; i++, frac++)
            buf[n++] = d->digits[i];
    } else {
        for (long i = 0; i < d->point; i++)
            buf[n++] = (size_t)i < d->len ? d->digits[i] : '0';
        if ((size_t)d->point < d->len) {
            buf[n++] = '.';
            for (size_t i = (size_t)d->point; i < d->len; i++, frac++)
                buf[n++] = d->digits[i];
        }
    }
    if (decimals > 0 && frac == 0)
        buf[n++] = '.';
    for (; frac < decimals && frac < 30; frac++)
        buf[n++] = '0';
    return pbi_buf_append(out, buf, n);
}

/* Days since 1970-01-01 → civil date (the proleptic Gregorian calendar). */
static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* A date serial: day 1 is 1900-01-01 (day 60 the 1900-02-29 that Lotus
 * invented), or day 0 is 1904-01-01 in the 1904 system. */
static bool date_text(const dec_text *d, bool date1904, pb_buf *out)
{
    if (d->negative || d->point > 7)
        return false;
    long serial = 0;
    for (long i = 0; i < d->point; i++)
        serial = serial * 10 + ((size_t)i < d->len ? d->digits[i] - '0' : 0);
    if (serial > 2958465)
        return false;
    char buf[32];
    if (!date1904 && serial == 60) {
        snprintf(buf, sizeof buf, "1900-02-29");
    } else {
        /* 1899-12-31 is day -25568 from 1970; 1904-01-01 is day -24107. */
        long days = date1904 ? serial - 24107 : (serial > 60 ? serial - 1 : serial) - 25568;
        long y;
        int m, dd;
        civil_from_days(days, &y, &m, &dd);
        snprintf(buf, sizeof buf, "%04ld-%02d-%02d", y, m, dd);
    }
    return pbi_buf_append(out, buf, strlen(buf));
}

/* The text a number cell shows; false only when out of memory. */
bool pbi_xlsx_number_text(const workbook *wb, const char *stored, int style, pb_buf *out)
{
    numfmt tmp;
    const numfmt *f = cell_format(wb, style, &tmp);
    dec_text d;
    if (f->kind == NF_TEXT || !parse_stored(stored, &d))
        return pbi_buf_append(out, stored, strlen(stored));
    round_15(&d);
    if (f->kind == NF_DATE && date_text(&d, wb->date1904, out))
        return true;
    if (f->kind == NF_PERCENT)
        d.point += 2;
    if (d.point > NUM_TEXT_MAX || d.point < -NUM_TEXT_MAX)
        return pbi_buf_append(out, stored, strlen(stored));
    bool general = f->kind == NF_GENERAL || f->kind == NF_DATE;
    return (general || pbi_buf_append(out, f->prefix, strlen(f->prefix))) &&
           plain_number(&d, general ? 0 : f->decimals, out) &&
           (general || pbi_buf_append(out, f->suffix, strlen(f->suffix)));
}

/* Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_"). */
void pbi_xlsx_unescape_x(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        unsigned cp = 0;
        bool esc = p[0] == '_' && p[1] == 'x';
        for (int i = 2; esc && i < 6; i++) {
            char c = p[i];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            esc = v >= 0;
            cp = cp * 16 + (unsigned)(v < 0 ? 0 : v);
        }
        if (esc && p[6] == '_' && cp > 0 && cp < 0x80) {
            if (cp != '\r')
                *o++ = (char)cp;
            p += 7;
        } else
            *o++ = *p++;
    }
    *o = '\0';
}

