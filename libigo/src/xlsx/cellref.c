/* Cell references, numbers and dates as the XML writes them. */
#include <locale.h>
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

/* Whether s is [+-]digits[.digits][(e|E)[+-]digits] with at least one mantissa digit. */
static int number_syntax(const char *s)
{
    size_t i = s[0] == '-' || s[0] == '+', digits = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (!digits)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        i += s[i + 1] == '-' || s[i + 1] == '+';
        size_t start = ++i;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == start)
            return 0;
    }
    return s[i] == '\0';
}

/* Clinger's fast path: a decimal of at most 15 digits is an exact double, and so is a power of
 * ten up to 1e22, so one multiplication or division rounds correctly, as strtod would; it skips
 * strtod's locale look-up and big-number set-up for most cells. s has passed number_syntax.
 * Returns -1 for what it leaves to strtod. */
static int fast_number(const char *s, double *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int negative = *s == '-', digits = 0, scale = 0, exp = 0, exp_negative = 0;
    uint64_t m = 0;
    s += *s == '-' || *s == '+';
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        m = m * 10 + (uint64_t)(*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, digits++, scale--)
            m = m * 10 + (uint64_t)(*s - '0');
    if (digits > 15)
        return -1; /* m may have wrapped: nothing of it is used */
    if (*s == 'e' || *s == 'E') {
        s++;
        exp_negative = *s == '-';
        s += *s == '-' || *s == '+';
        for (; *s >= '0' && *s <= '9' && exp < 1000; s++)
            exp = exp * 10 + (*s - '0');
    }
    if (*s)
        return -1;
    scale += exp_negative ? -exp : exp;
    if (scale < -22 || scale > 22)
        return -1;
    double v = scale < 0 ? (double)m / p10[-scale] : (double)m * p10[scale];
    *out = negative ? -v : v;
    return 0;
}

int igoi_parse_number(const char *s, double *out)
{
    char copy[128];
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++, n--;
    if (n == 0 || n >= sizeof copy)
        return -1;
    memcpy(copy, s, n);
    copy[n] = '\0';
    if (!number_syntax(copy))
        return -1;
    if (fast_number(copy, out) == 0)
        return 0;
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

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
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
    int64_t day = days_from_civil(y, m, d);
    double serial;
    if (date1904)
        serial = (double)(day - days_from_civil(1904, 1, 1));
    else {
        /* Excel counts a 29 February 1900 that never was: serial 60. Before March 1900 the
         * serials are one lower than the days since 30 December 1899. */
        serial = (double)(day - days_from_civil(1899, 12, 30));
        if (serial < 61)
            serial -= 1;
    }
    if (serial < (date1904 ? 0 : 1))
        return -1;
    *out = serial + time;
    return 0;
}
