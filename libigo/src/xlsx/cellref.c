/* Cell references, numbers and dates as the XML writes them. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

char *igo_xlsx_cell_name(uint32_t row, uint32_t column, char out[12])
{
    char letters[8];
    size_t n = 0;
    if (column >= IGO_XLSX_MAX_COLUMNS)
        column = IGO_XLSX_MAX_COLUMNS - 1;
    if (row >= IGO_XLSX_MAX_ROWS)
        row = IGO_XLSX_MAX_ROWS - 1;
    for (uint32_t c = column + 1; c > 0; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    for (size_t i = 0; i < n; i++)
        out[i] = letters[n - 1 - i];
    snprintf(out + n, 12 - n, "%u", (unsigned)row + 1);
    return out;
}

int igoi_cellref_parse(const char *s, uint32_t *row, uint32_t *column)
{
    uint64_t c = 0, r = 0;
    size_t i = 0, start;
    for (; s[i] >= 'A' && s[i] <= 'Z'; i++)
        if (i < 8) /* more letters only make it larger: the count below refuses it */
            c = c * 26 + (uint64_t)(s[i] - 'A' + 1);
    size_t letters = i;
    if (letters == 0 || s[i] < '1' || s[i] > '9')
        return -1;
    for (start = i; s[i] >= '0' && s[i] <= '9'; i++)
        if (i - start < 10)
            r = r * 10 + (uint64_t)(s[i] - '0');
    if (s[i] != '\0')
        return -1;
    if (letters > 3 || c > IGO_XLSX_MAX_COLUMNS || i - start > 7 || r > IGO_XLSX_MAX_ROWS)
        return -2;
    *row = (uint32_t)(r - 1);
    *column = (uint32_t)(c - 1);
    return 0;
}

/* A decimal as the XML writes it, [+-]digits[.digits][(e|E)[+-]digits], taken apart: value =
 * (-1)^negative * m * 10^scale while exact (m holds at most 19 significant digits). */
typedef struct {
    int negative, exact;
    uint64_t m;
    int64_t scale;
} decimal;

/* Reads the digits at s[*i..n) into d; digits counts them. */
static void mantissa_digits(const char *s, size_t n, size_t *i, decimal *d, int fraction,
                            size_t *digits, int *significant)
{
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++, (*digits)++) {
        if (d->m == 0 && s[*i] == '0') { /* a leading zero adds nothing */
            d->scale -= fraction;
            continue;
        }
        if (++*significant > 19) {
            d->exact = 0; /* m would wrap: left to strtod */
            continue;
        }
        d->m = d->m * 10 + (uint64_t)(s[*i] - '0');
        d->scale -= fraction;
    }
}

/* Splits s[0..n) into d; -1 when it is not a number in that syntax. */
static int split_decimal(const char *s, size_t n, decimal *d)
{
    size_t i = 0, digits = 0;
    int significant = 0;
    *d = (decimal){0, 1, 0, 0};
    if (i < n && (s[i] == '-' || s[i] == '+'))
        d->negative = s[i++] == '-';
    mantissa_digits(s, n, &i, d, 0, &digits, &significant);
    if (i < n && s[i] == '.') {
        i++;
        mantissa_digits(s, n, &i, d, 1, &digits, &significant);
    }
    if (!digits)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int negative = i < n && s[i] == '-';
        i += i < n && (s[i] == '-' || s[i] == '+');
        size_t start = i;
        int64_t exp = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (exp < 100000) /* beyond, only strtod's overflow or underflow is left */
                exp = exp * 10 + (s[i] - '0');
        if (i == start)
            return -1;
        d->scale += negative ? -exp : exp;
    }
    return i == n ? 0 : -1;
}

/* m / 10^k correctly rounded, by integer division: the quotient is taken to at least 54 bits,
 * then rounded to 53 by its remaining bits and remainder (ties to even). 1 <= k <= 22, m > 0. */
static double exact_quotient(uint64_t m, int k)
{
    unsigned __int128 d = 1;
    for (int i = 0; i < k; i++)
        d *= 10;
    int bits_d = 128 - (int)(d >> 64 ? __builtin_clzll((uint64_t)(d >> 64))
                                     : 64 + __builtin_clzll((uint64_t)d));
    int bits_m = 64 - __builtin_clzll(m);
    int shift = 54 + bits_d - bits_m > 0 ? 54 + bits_d - bits_m : 0; /* N has <= 128 bits */
    unsigned __int128 n = (unsigned __int128)m << shift;
    uint64_t q = (uint64_t)(n / d); /* >= 2^53 and < 2^62 */
    int remainder = n % d != 0;
    int extra = 64 - __builtin_clzll(q) - 53;
    uint64_t mant = q >> extra, low = q & ((UINT64_C(1) << extra) - 1);
    uint64_t half = UINT64_C(1) << (extra - 1);
    if (low > half || (low == half && (remainder || (mant & 1))))
        mant++; /* 2^53 at most: still exact */
    return ldexp((double)mant, extra - shift);
}

/* The number without strtod where that is exact: Clinger's fast path (a mantissa below 2^53
 * and a power of ten up to 1e22 are exact doubles, so one multiplication or division rounds
 * correctly), and decimal fractions of up to 19 significant digits by exact_quotient (what
 * spreadsheets write for most amounts). -1 for what it leaves to strtod. */
static int fast_number(const decimal *d, double *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v;
    if (!d->exact || d->scale < -22 || d->scale > 22)
        return -1;
    if (d->m == 0)
        v = 0;
    else if (d->m <= UINT64_C(1) << 53)
        v = d->scale < 0 ? (double)d->m / p10[-d->scale] : (double)d->m * p10[d->scale];
#ifdef __SIZEOF_INT128__
    else if (d->scale < 0)
        v = exact_quotient(d->m, (int)-d->scale);
#endif
    else
        return -1;
    *out = d->negative ? -v : v;
    return 0;
}

int igoi_parse_number_n(const char *s, size_t n, double *out)
{
    char copy[128];
    while (n && igoi_blank(s[n - 1]))
        n--;
    while (n && igoi_blank(*s))
        s++, n--;
    decimal d;
    if (split_decimal(s, n, &d))
        return -1;
    if (fast_number(&d, out) == 0)
        return 0;
    if (n >= sizeof copy)
        return -1;
    memcpy(copy, s, n);
    copy[n] = '\0';
    /* strtod reads the locale's decimal separator (a comma in a Dutch locale an application may
     * have set): the XML's '.' is put in its place. */
    const char *point = localeconv()->decimal_point;
    char *dot = strchr(copy, '.');
    if (dot && point && point[0] && !point[1])
        *dot = point[0];
    char *end;
    double v = strtod(copy, &end);
    if (*end != '\0' || v != v || v - v != 0)
        return -1; /* a multi-byte separator, or an overflow to infinity */
    *out = v;
    return 0;
}

int igoi_parse_number(const char *s, double *out)
{
    return igoi_parse_number_n(s, strlen(s), out);
}

/* Reads exactly n digits. */
static int digits(const char **s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++, (*s)++) {
        if (**s < '0' || **s > '9')
            return -1;
        v = v * 10 + (**s - '0');
    }
    *out = v;
    return 0;
}

/* "hh:mm[:ss[.fff]]" as a fraction of a day. */
static int parse_time(const char *s, double *out)
{
    int h, m, sec = 0;
    double frac = 0;
    if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &m))
        return -1;
    if (*s == ':' && (s++, digits(&s, 2, &sec)))
        return -1;
    if (*s == '.') {
        double scale = 0.1;
        for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
            frac += (*s - '0') * scale;
    }
    if (*s == 'Z')
        s++;
    if (*s || h > 24 || m > 59 || sec > 59)
        return -1;
    *out = ((h * 60.0 + m) * 60.0 + sec + frac) / 86400.0;
    return 0;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int igoi_parse_date(const char *s, int date1904, double *out)
{
    int y, m, d;
    double time = 0;
    if (s[0] && s[1] && s[2] == ':')
        return parse_time(s, out);
    if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &m) || *s++ != '-' ||
        digits(&s, 2, &d) || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return -1;
    if (*s == 'T' && parse_time(s + 1, &time))
        return -1;
    if (*s && *s != 'T')
        return -1;
    int64_t day = igoi_days_from_civil(y, m, d);
    double serial;
    if (date1904)
        serial = (double)(day - igoi_days_from_civil(1904, 1, 1));
    else {
        /* Excel counts a 29 February 1900 that never was: serial 60. Before March 1900 the
         * serials are one lower than the days since 30 December 1899. */
        serial = (double)(day - igoi_days_from_civil(1899, 12, 30));
        if (serial < 61)
            serial -= 1;
    }
    if (serial < (date1904 ? 0 : 1))
        return -1;
    *out = serial + time;
    return 0;
}
