/* The values of a claim line as text: amounts and units in Dutch or English notation, dates,
 * codes. Numbers are read exactly, in hundredths; no locale, no floating point. */
#include <string.h>

#include "claims.h"

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The parts of a number's digits: separators' positions and kinds. */
typedef struct {
    const char *s;
    size_t n;
    size_t points, commas;
    size_t last; /* the position of the last separator */
} shape;

/* Adds the digits s[from..to) to *v; -1 beyond IGO_MAX_EUR (in units). */
static int add_digits(const char *s, size_t from, size_t to, int64_t *v)
{
    for (size_t i = from; i < to; i++) {
        if (!digit(s[i]))
            continue; /* a thousands separator */
        if (*v > (int64_t)IGO_MAX_EUR)
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return *v > (int64_t)IGO_MAX_EUR ? -1 : 0;
}

/* Whether s[0..end) is digit groups joined by sep: 1 to 3 digits, then groups of exactly 3. */
static int grouped(const char *s, size_t end, char sep)
{
    size_t group = 0, groups = 0;
    if (end > 1 && s[0] == '0' && memchr(s, sep, end))
        return 0; /* "0.500" is no grouping of thousands */
    for (size_t i = 0; i <= end; i++) {
        if (i == end || s[i] == sep) {
            if (group == 0 || group > 3 || (groups && group != 3))
                return 0;
            group = 0, groups++;
        } else if (digit(s[i])) {
            group++;
        } else {
            return 0;
        }
    }
    return 1;
}

/* The hundredths of int_part (digits and thousands separators sep, s[0..int_end)) and the
 * decimals s[int_end + 1..n); beyond two decimals only zeros. */
static int value_of(const shape *sh, size_t int_end, char sep, int64_t *out)
{
    const char *s = sh->s;
    if (sep && !grouped(s, int_end, sep))
        return -1;
    if (!sep)
        for (size_t i = 0; i < int_end; i++)
            if (!digit(s[i]))
                return -1;
    int64_t v = 0;
    if (int_end == 0 || add_digits(s, 0, int_end, &v))
        return -1;
    int64_t cents = 0;
    for (size_t i = int_end + 1, k = 0; i < sh->n; i++, k++) {
        if (!digit(s[i]) || (k >= 2 && s[i] != '0'))
            return -1; /* not a digit, or more than two decimals */
        if (k < 2)
            cents += (s[i] - '0') * (k == 0 ? 10 : 1);
    }
    if (int_end + 1 == sh->n && int_end < sh->n)
        return -1; /* a separator without decimals after it */
    *out = v * 100 + cents;
    return 0;
}

/* Reads the digits and separators of s[0..n) given a convention (the decimal separator: ',' for
 * Dutch, '.' for English). */
static int read_as(const shape *sh, igoi_convention conv, int64_t *out)
{
    char dec = conv == IGOI_DUTCH ? ',' : '.', thou = conv == IGOI_DUTCH ? '.' : ',';
    size_t decs = dec == ',' ? sh->commas : sh->points;
    if (decs > 1)
        return -1;
    size_t int_end = decs ? sh->last : sh->n;
    if (decs && sh->s[sh->last] != dec)
        return -1; /* the decimal separator must come last */
    size_t thous = thou == ',' ? sh->commas : sh->points;
    return value_of(sh, int_end, thous ? thou : 0, out);
}

/* What the notation of s reveals: both separators (the last is the decimal one), one separator
 * repeated (thousands), or one separator not followed by exactly three digits (decimal). A
 * single separator followed by three digits reveals nothing: "1.234" is 1234 in Dutch and
 * 1.234 (three decimals) in English. */
static igoi_convention reveals(const shape *sh)
{
    if (sh->points && sh->commas)
        return sh->s[sh->last] == ',' ? IGOI_DUTCH : IGOI_ENGLISH;
    size_t seps = sh->points + sh->commas;
    if (seps == 0)
        return IGOI_NO_CONVENTION;
    int point = sh->points > 0;
    if (seps > 1) /* thousands separators */
        return point ? IGOI_DUTCH : IGOI_ENGLISH;
    /* a lone separator before three digits is ambiguous, unless it follows a lone 0 ("0,500"
     * cannot be thousands) */
    if (sh->n - sh->last - 1 == 3 && !(sh->last == 1 && sh->s[0] == '0'))
        return IGOI_NO_CONVENTION;
    return point ? IGOI_ENGLISH : IGOI_DUTCH;
}

igoi_number igoi_parse_amount(const char *s, size_t n, igoi_convention conv, int64_t *hundredths,
                              igoi_convention *revealed)
{
    *revealed = IGOI_NO_CONVENTION;
    igoi_trim(&s, &n);
    static const char euro[] = "\xE2\x82\xAC";
    if (n >= 3 && memcmp(s, euro, 3) == 0) { /* "€ 12,50" */
        s += 3, n -= 3;
        igoi_trim(&s, &n);
    }
    int negative = n && s[0] == '-';
    if (n && (s[0] == '-' || s[0] == '+'))
        s++, n--;
    shape sh = {s, n, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' || s[i] == ',')
            sh.points += s[i] == '.', sh.commas += s[i] == ',', sh.last = i;
        else if (!digit(s[i]))
            return IGOI_NOT_A_NUMBER;
    }
    int64_t v;
    if (n == 0)
        return IGOI_NOT_A_NUMBER;
    *revealed = reveals(&sh);
    if (*revealed != IGOI_NO_CONVENTION && read_as(&sh, *revealed, &v))
        *revealed = IGOI_NO_CONVENTION; /* not a number in the notation it seems to use */
    if (conv == IGOI_NO_CONVENTION)
        conv = *revealed;
    if (conv == IGOI_NO_CONVENTION && sh.points + sh.commas) /* undecided, if a number at all */
        return read_as(&sh, IGOI_DUTCH, &v) && read_as(&sh, IGOI_ENGLISH, &v) ? IGOI_NOT_A_NUMBER
                                                                               : IGOI_UNDECIDED;
    if (read_as(&sh, conv == IGOI_NO_CONVENTION ? IGOI_DUTCH : conv, &v))
        return IGOI_NOT_A_NUMBER;
    *hundredths = negative ? -v : v;
    return IGOI_NUMBER;
}

/* ---- dates ---- */

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

/* Reads 1 to max digits at s[*i]. -1 when there are none. */
static int number_at(const char *s, size_t n, size_t *i, size_t min, size_t max)
{
    int v = 0;
    size_t start = *i;
    while (*i < n && digit(s[*i]) && *i - start < max)
        v = v * 10 + (s[(*i)++] - '0');
    return *i - start < min ? -1 : v;
}

/* A time after the date ("T10:30", " 10:30:00") is ignored: only the day counts. */
static int time_after(const char *s, size_t n, size_t i)
{
    if (i == n)
        return 1;
    if (s[i] != 'T' && s[i] != ' ')
        return 0;
    for (i++; i < n; i++)
        if (!digit(s[i]) && s[i] != ':' && s[i] != '.')
            return 0;
    return 1;
}

int igoi_parse_claim_date(const char *s, size_t n, igoi_day *out)
{
    igoi_trim(&s, &n);
    size_t i = 0;
    int a = number_at(s, n, &i, 1, 4), y, m, d;
    if (a < 0 || i >= n || s[i] != '-')
        return -1;
    int iso = i == 4; /* yyyy-mm-dd, else d-m-yyyy */
    i++;
    int b = number_at(s, n, &i, iso ? 2 : 1, 2);
    if (b < 0 || i >= n || s[i] != '-')
        return -1;
    i++;
    int c = number_at(s, n, &i, iso ? 2 : 4, iso ? 2 : 4);
    if (c < 0 || !time_after(s, n, i))
        return -1;
    y = iso ? a : c, m = b, d = iso ? c : a;
    if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *out = (igoi_day)igoi_days_from_civil(y, m, d);
    return 0;
}

/* ---- codes ---- */

size_t igoi_normalise_code(const char *s, size_t n, char *out, size_t size)
{
    igoi_trim(&s, &n);
    int digits = n > 0;
    for (size_t i = 0; i < n; i++)
        digits &= digit(s[i]);
    while (digits && n > 1 && s[0] == '0')
        s++, n--;
    if (n >= size)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return n;
}
