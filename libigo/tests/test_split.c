/* The split primitive: parts rounded to cents, the difference on the largest part. */
#include <math.h>

#include "../src/internal.h"
#include "tests.h"

void test_split_hand_computed(igo_t *t)
{
    int64_t out[4];
    /* EUR 1.00 in thirds: 0.33 twice, and the first (largest on a tie) takes 0.34. */
    double thirds[] = {1, 1, 1};
    igoi_split(100, thirds, 3, 3, igoi_argmax(thirds, 3), out);
    CHECK_I64(out[0], 34);
    CHECK_I64(out[1], 33);
    CHECK_I64(out[2], 33);
    /* EUR 10.01 as 1:2: 3.336... -> 3.34, and the larger part takes 10.01 - 3.34 = 6.67. */
    double w[] = {1, 2};
    igoi_split(1001, w, 2, 3, igoi_argmax(w, 2), out);
    CHECK_I64(out[0], 334);
    CHECK_I64(out[1], 667);
    /* Half a cent rounds away from zero: EUR 0.05 in halves is 0.025 -> 0.03 for the second part,
     * and the first (largest on a tie) takes what is left, 0.02. */
    double h[] = {1, 1};
    igoi_split(5, h, 2, 2, igoi_argmax(h, 2), out);
    CHECK_I64(out[0], 2);
    CHECK_I64(out[1], 3);
    /* Nothing to split: all zero, whatever the weights. */
    double z[] = {0, 0};
    igoi_split(0, z, 2, 0, 0, out);
    CHECK_I64(out[0], 0);
    CHECK_I64(out[1], 0);
    /* Negative totals split symmetrically. */
    igoi_split(-1001, w, 2, 3, 1, out);
    CHECK_I64(out[0], -334);
    CHECK_I64(out[1], -667);
}

void test_split_conserves(igo_t *t)
{
    igo_rng r = {3};
    double w[50];
    int64_t out[50];
    int lost = 0, far = 0;
    for (int i = 0; i < 200000; i++) {
        size_t n = 1 + rng_below(&r, 50);
        int64_t total = (int64_t)rng_below(&r, INT64_C(10000000000));
        for (size_t k = 0; k < n; k++)
            w[k] = rng_below(&r, 4) == 0 ? 0 : (double)rng_below(&r, 1000) + rng_unit(&r);
        w[rng_below(&r, n)] += 1; /* at least one positive weight */
        double sum = igoi_fsum(w, n);
        size_t big = igoi_argmax(w, n);
        igoi_split(total, w, n, sum, big, out);
        int64_t got = 0;
        for (size_t k = 0; k < n; k++) {
            got += out[k];
            double exact = (double)total * w[k] / sum;
            /* Rounded parts lie within half a cent; the largest within half a cent per part. */
            far += fabs((double)out[k] - exact) > (k == big ? 0.5 * (double)n : 0.5) + 1e-3;
        }
        lost += got != total;
    }
    CHECK_I64(lost, 0);
    CHECK_I64(far, 0);
}

/* The split's fast path (a reciprocal instead of a division per part) against the spreadsheet's
 * own order of operations on every part, with many exact half-cent ties among the parts. */
void test_split_fast_equals_exact(igo_t *t)
{
    igo_rng r = {7};
    double w[40];
    int64_t out[40];
    int differ = 0, ties = 0;
    for (int i = 0; i < 300000; i++) {
        /* Weight sums of 2, 4, 8 or 20 over totals in odd cents give x.xx5 quotients; larger
         * random weights give everything else. */
        static const double even[] = {1, 1, 2, 4, 10};
        int tie_case = i % 2 == 0;
        size_t n = tie_case ? 2 + rng_below(&r, 3) : 1 + rng_below(&r, 40);
        int64_t total = (int64_t)rng_below(&r, 2000000) * (rng_below(&r, 2) ? 1 : -1);
        for (size_t k = 0; k < n; k++)
            w[k] = tie_case ? even[rng_below(&r, 5)]
                            : (double)(rng_below(&r, 3) ? rng_below(&r, 8) : rng_below(&r, 100000));
        w[0] += 1;
        double sum = igoi_fsum(w, n);
        size_t big = igoi_argmax(w, n);
        igoi_split(total, w, n, sum, big, out);
        for (size_t k = 0; k < n; k++) {
            if (k == big)
                continue;
            double x = igo_eur(total) * w[k] / sum;
            /* A half-cent tie: total * w / sum is exactly a whole number of cents plus 0.5. */
            int64_t tenths = (total < 0 ? -total : total) * 10 * (int64_t)w[k];
            ties += tenths % (int64_t)sum == 0 && (tenths / (int64_t)sum) % 10 == 5;
            differ += out[k] != igoi_round_cents_exact(x);
        }
    }
    CHECK_I64(differ, 0);
    CHECK(ties > 5000); /* the inputs did hit half-cent ties */
}
