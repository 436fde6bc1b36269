/* Spreadsheet ROUND, reproducing LibreOffice's rtl::math::round in "corrected" mode:
 *   scale |x| by 10^decimals, add 0.5, round that to 15 significant digits (unless it is an
 *   integer or has at most 11 binary fraction digits, or exceeds 2^41), take the floor, scale
 *   back, restore the sign.
 * The 15-digit step is what makes 2.675 round to 2.68 although its double is 2.67499999... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* 10^0 .. 10^22 are exact doubles. */
static const double pow10s[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int is_integer(double a) /* a >= 0 */
{
    return a < 0x1p53 && (double)(int64_t)a == a;
}

/* The number of binary digits after the point in a finite a > 0. */
static int fraction_bits(double a)
{
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    int exponent = (int)((bits >> 52) & 0x7ff) - 1023;
    uint64_t mantissa = bits & ((UINT64_C(1) << 52) - 1);
    if (exponent >= 52)
        return 0;
    int lowest = mantissa ? __builtin_ctzll(mantissa) + 1 : 53;
    int bits_after = (53 - lowest) - exponent;
    return bits_after > 0 ? bits_after : 0;
}

/* z rounded to 15 significant digits, as the spreadsheet approximates a value before floor. */
static double approx15(double z) /* z > 0 */
{
    if (!isfinite(z) || z > 0x1p41 || is_integer(z) || fraction_bits(z) <= 11)
        return z;
    int shift = 14 - (int)floor(log10(z));
    int mag = shift < 0 ? -shift : shift;
    if (mag > 22)
        return z;
    double scaled = shift < 0 ? z / pow10s[mag] : z * pow10s[mag];
    if (!isfinite(scaled))
        return z;
    scaled = round(scaled);
    return shift < 0 ? scaled * pow10s[mag] : scaled / pow10s[mag];
}

double igo_round(double x, int decimals)
{
    if (!isfinite(x) || x == 0 || decimals < -15 || decimals > 15)
        return x;
    double a = fabs(x);
    if (decimals >= 0 && (a >= 0x1p52 || is_integer(a)))
        return x;
    if (decimals > 0) {
        /* No more decimals than the double can hold at this magnitude. */
        int exponent;
        frexp(a, &exponent);
        int representable = 52 - (exponent - 1);
        if (representable < decimals)
            decimals = representable;
    }
    int mag = decimals < 0 ? -decimals : decimals;
    double factor = pow10s[mag];
    double y = decimals < 0 ? a / factor : a * factor;
    if (!isfinite(y))
        return x;
    if (y < 0x1p52)
        y = floor(approx15(y + 0.5));
    double r = decimals < 0 ? y * factor : y / factor;
    if (!isfinite(r))
        return x;
    return signbit(x) ? -r : r;
}

int64_t igoi_round_cents_exact(double euros)
{
    return (int64_t)llround(igo_round(euros, 2) * 100.0);
}

int64_t igo_round_cents(double euros)
{
    return igo_round_cents_fast(euros);
}

igo_error igo_round_cents_checked(double euros, int64_t *cents)
{
    if (!cents)
        return IGO_ERROR_ARGUMENT;
    if (!isfinite(euros))
        return IGO_ERROR_VALUE;
    if (fabs(euros) >= IGO_ROUND_CENTS_MAX)
        return IGO_ERROR_TOO_LARGE;
    *cents = igo_round_cents(euros);
    return IGO_OK;
}

/* The slow, obviously right way: print 15 significant digits, read them back. */
static double canonical_by_text(double x)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.14e", x);
    return strtod(buf, NULL);
}

double igo_canonical(double x)
{
    double a = fabs(x);
    if (!isfinite(x) || a == 0 || (a < 1e15 && is_integer(a)))
        return x;
    int shift = 14 - (int)floor(log10(a));
    if (shift < 0 || shift > 22)
        return canonical_by_text(x);
    /* The 15 digits are round(a * 10^shift); the product's own rounding can only decide which
     * way a value within 0.1 of a half goes, so those few take the slow way. */
    double scaled = a * pow10s[shift], whole = floor(scaled);
    /* log10 may round across a power of ten: then the digit count is off, and text decides. */
    if (fabs(scaled - whole - 0.5) < 0.1 || scaled >= 1e15 || scaled < 1e14)
        return canonical_by_text(x);
    double digits = scaled - whole >= 0.5 ? whole + 1 : whole;
    return copysign(digits / pow10s[shift], x);
}
