/* Splitting an amount of cents into parts that sum to it exactly. */
#include <string.h>

#include "internal.h"

double igoi_fsum(const double *x, size_t n)
{
    double sum = 0, carry = 0;
    for (size_t i = 0; i < n; i++) {
        double t = sum + x[i];
        if (fabs(sum) >= fabs(x[i]))
            carry += (sum - t) + x[i];
        else
            carry += (x[i] - t) + sum;
        sum = t;
    }
    return sum + carry;
}

size_t igoi_argmax(const double *w, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (w[i] > w[best])
            best = i;
    return best;
}

/* The parts of a split are ROUND(total_eur * w / wsum; 2), as the spreadsheet computes them. The
 * first pass computes z = |total_eur| * 100 / wsum * w + 0.5 by a precomputed scale instead of the
 * spreadsheet's division: that is within 1e-15 of the z the spreadsheet rounds (relatively), so
 * wherever z lies clearly inside an integer interval (4e-14 from both ends, far beyond that error
 * and beyond the 15-digit step of ROUND) its floor is the cent count. The rare parts near a
 * boundary are then computed exactly, in the spreadsheet's own order of operations. */
static inline int ambiguous(double scale, double w, int64_t *floor_z)
{
    double z = scale * w + 0.5;
    /* Adding 2^52 rounds z to an integer, which then sits in the low mantissa bits. */
    double shifted = z + 0x1p52;
    uint64_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    double off = z - (shifted - 0x1p52); /* exact, within +-0.5 */
    /* floor(z), without branches: the sign of off is a coin toss the predictor would lose. */
    *floor_z = (int64_t)(bits - UINT64_C(0x4330000000000000)) - (off < 0);
    return !(fabs(off) > z * 4e-14);
}

void igoi_split(int64_t total, const double *w, size_t n, double wsum, size_t largest, int64_t *out)
{
    if (total == 0) {
        for (size_t i = 0; i < n; i++)
            out[i] = 0;
        return;
    }
    double eur = igo_eur(total), scale = fabs(eur) * 100.0 * (1.0 / wsum);
    int64_t negate = total < 0 ? -1 : 0, rest = total; /* x ^ -1 - -1 is -x, x ^ 0 - 0 is x */
    /* Within the model's limit (EUR 1e12) z stays far below 2^51, where the rounding trick
     * holds. */
    int any_ambiguous = fabs(eur) > 1e13;
    for (size_t i = 0; i < n; i++) {
        int64_t floor_z;
        any_ambiguous |= ambiguous(scale, w[i], &floor_z);
        out[i] = (floor_z ^ negate) - negate;
        rest -= out[i];
    }
    for (size_t i = 0; any_ambiguous && i < n; i++) {
        int64_t floor_z;
        if (fabs(eur) > 1e13 || ambiguous(scale, w[i], &floor_z)) {
            rest += out[i];
            out[i] = igo_round_cents_fast(eur * w[i] / wsum);
            rest -= out[i];
        }
    }
    /* The largest part becomes total minus the others: its own rounding plus what is left. */
    out[largest] += rest;
}
