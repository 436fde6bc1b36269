/* Splitting an amount of cents into parts that sum to it exactly. */
#include "internal.h"

double igo_fsum(const double *x, size_t n)
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

size_t igo_argmax(const double *w, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (w[i] > w[best])
            best = i;
    return best;
}

void igo_split(int64_t total, const double *w, size_t n, double wsum, size_t largest, int64_t *out)
{
    /* The same expression, in the same order, as the workbook's ROUND(total * w / wsum; 2). */
    if (total == 0) {
        for (size_t i = 0; i < n; i++)
            out[i] = 0;
        return;
    }
    double eur = igo_eur(total);
    int64_t rest = total;
    for (size_t i = 0; i < n; i++) {
        if (i == largest)
            continue;
        out[i] = igo_round_cents_fast(eur * w[i] / wsum);
        rest -= out[i];
    }
    out[largest] = rest;
}
