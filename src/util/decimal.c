/* Exact decimals for money and percentages: int64 millionths. */
#include "util/util.h"

#include <string.h>

static const int64_t pow10_tab[] = {1,         10,         100,        1000,
                                    10000,     100000,     1000000,    10000000,
                                    100000000, 1000000000, 10000000000LL};

/* A thousands separator: 1–3 digits before the first one, exactly three
 * after each, up to the next separator, the point or the end. */
static bool is_group(const char *s, size_t len, size_t i, int ndig, int need)
{
    if (ndig == 0 || ndig > 3 || (need && ndig != need))
        return false;
    size_t j = i + 1, k = 0;
    while (j < len && s[j] >= '0' && s[j] <= '9') {
        j++;
        k++;
    }
    return k == 3 && (j == len || s[j] == ',' || s[j] == '.');
}

bool pb_decimal_parse(const char *s, size_t len, pb_decimal *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int64_t ip = 0;
    int ndig = 0;
    bool comma = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (ip > (INT64_MAX / PB_DECIMAL_SCALE - 9) / 10)
                return false;
            ip = ip * 10 + (c - '0');
            ndig++;
        } else if (c == ',' && is_group(s, len, i, ndig, comma ? 3 : 0)) {
            comma = true;
            ndig = 0; /* digits since the last separator */
        } else
            break;
    }
    int64_t frac = 0;
    int fdig = 0;
    if (i < len && s[i] == '.') {
        i++;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (fdig == PB_DECIMAL_MAX_DIGITS)
                return false;
            frac = frac * 10 + (s[i] - '0');
            fdig++;
        }
        if (fdig == 0 && ndig == 0)
            return false;
    }
    if (i != len || (ndig == 0 && fdig == 0 && !comma))
        return false;
    int64_t m = ip * PB_DECIMAL_SCALE + frac * pow10_tab[PB_DECIMAL_MAX_DIGITS - fdig];
    out->micro = neg ? -m : m;
    out->digits = fdig;
    return true;
}

/* v in decimal at p, at least width digits (zeros before); the end.
 * Written by hand: the JSON report formats every amount. */
static char *put_digits(char *p, uint64_t v, int width)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}

char *pb_decimal_format(pb_decimal d, char *buf)
{
    uint64_t m = d.micro < 0 ? (uint64_t)(-(d.micro + 1)) + 1 : (uint64_t)d.micro;
    uint64_t ip = m / PB_DECIMAL_SCALE, fp = m % PB_DECIMAL_SCALE;
    int digits = d.digits;
    if (digits < 0)
        digits = 0;
    if (digits > PB_DECIMAL_MAX_DIGITS)
        digits = PB_DECIMAL_MAX_DIGITS;
    /* Show every significant digit even when the written form had fewer
     * (a sum or a converted unit can add digits). */
    while (digits < PB_DECIMAL_MAX_DIGITS &&
           fp % (uint64_t)pow10_tab[PB_DECIMAL_MAX_DIGITS - digits] != 0)
        digits++;
    char *p = buf;
    if (d.micro < 0)
        *p++ = '-';
    p = put_digits(p, ip, 1);
    if (digits > 0) {
        *p++ = '.';
        p = put_digits(p, fp / (uint64_t)pow10_tab[PB_DECIMAL_MAX_DIGITS - digits], digits);
    }
    *p = '\0';
    return buf;
}

int pb_decimal_cmp(pb_decimal a, pb_decimal b)
{
    return (a.micro > b.micro) - (a.micro < b.micro);
}

bool pb_decimal_add(pb_decimal a, pb_decimal b, pb_decimal *out)
{
    int64_t r;
    if (__builtin_add_overflow(a.micro, b.micro, &r))
        return false;
    out->micro = r;
    out->digits = a.digits > b.digits ? a.digits : b.digits;
    return true;
}

bool pb_decimal_scale10(pb_decimal a, int exp, pb_decimal *out)
{
    if (exp > 10 || exp < -10)
        return false;
    int64_t r;
    if (exp >= 0) {
        if (__builtin_mul_overflow(a.micro, pow10_tab[exp], &r))
            return false;
        out->digits = a.digits - exp > 0 ? a.digits - exp : 0;
    } else {
        int64_t p = pow10_tab[-exp];
        if (a.micro % p != 0)
            return false;
        r = a.micro / p;
        /* pb_decimal_format shows whatever further digits are significant. */
        out->digits = a.digits;
    }
    out->micro = r;
    return true;
}

pb_decimal pb_decimal_from_int(int64_t v)
{
    return (pb_decimal){v * PB_DECIMAL_SCALE, 0};
}

bool pbi_money_convert(pb_decimal v, int from_exp, int to_exp, pb_decimal *out)
{
    return pb_decimal_scale10(v, from_exp - to_exp, out);
}
