/* Spreadsheet ROUND: known values, LibreOffice's own results, and the fast path's equivalence. */
#include <math.h>
#include <stdlib.h>

#include "../src/internal.h"
#include "tests.h"

#ifndef IGO_GOLDEN_DIR
#define IGO_GOLDEN_DIR "libigo/tests/golden"
#endif

void test_round_known_values(igo_t *t)
{
    /* The doubles nearest these lie below the tie; the spreadsheet still rounds them up. */
    CHECK_I64(igo_round_cents(2.675), 268);
    CHECK_I64(igo_round_cents(1.005), 101);
    CHECK_I64(igo_round_cents(1.015), 102);
    CHECK_I64(igo_round_cents(0.285), 29);
    CHECK_I64(igo_round_cents(1000.005), 100001);
    /* Half away from zero, also for negative amounts. */
    CHECK_I64(igo_round_cents(-2.675), -268);
    CHECK_I64(igo_round_cents(-1.005), -101);
    CHECK_I64(igo_round_cents(0.125), 13);
    CHECK_I64(igo_round_cents(-0.125), -13);
    CHECK_I64(igo_round_cents(0.004999), 0);
    CHECK_I64(igo_round_cents(-0.004999), 0);
    CHECK_I64(igo_round_cents(0.0), 0);
    /* Huge amounts: ten billion euros and a tie in them. */
    CHECK_I64(igo_round_cents(9999999999.995), INT64_C(1000000000000));
    CHECK_I64(igo_round_cents(-9999999999.995), -INT64_C(1000000000000));
    CHECK_I64(igo_round_cents(123456789012.34), INT64_C(12345678901234));
    /* Other decimals. */
    CHECK(igo_round(2.5, 0) == 3.0);
    CHECK(igo_round(-2.5, 0) == -3.0);
    CHECK(igo_round(1250, -2) == 1300.0);
    CHECK(igo_round(-1249.99, -2) == -1200.0);
    CHECK(igo_round(0.12345, 4) == 0.1235);
    CHECK(igo_round(1e300, 2) == 1e300); /* beyond 2^52: unchanged, as in the spreadsheet */
    CHECK(isnan(igo_round(NAN, 2)));
    CHECK(igo_round(2.675, 2) == 2.68);
}

void test_round_libreoffice_golden(igo_t *t)
{
    FILE *f = fopen(IGO_GOLDEN_DIR "/round_libreoffice.tsv", "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[256];
    int rows = 0, naive_differs = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *end;
        double x = strtod(line, &end);
        long long cents = strtoll(end, NULL, 10);
        rows++;
        CHECK_I64(igo_round_cents(x), cents);
        double naive = floor(fabs(x) * 100 + 0.5);
        naive_differs += (x < 0 ? -naive : naive) != (double)cents;
    }
    fclose(f);
    CHECK(rows >= 7000);
    /* The file is only a test if it holds values where naive rounding is wrong. */
    CHECK(naive_differs > 50);
}

void test_round_fast_equals_exact(igo_t *t)
{
    igo_rng r = {1};
    int mismatches = 0;
    for (int i = 0; i < 2000000; i++) {
        double x;
        switch (i % 4) {
        case 0: /* a tie at the third decimal, or one ulp either side of it */
            x = (double)rng_below(&r, 100000000000) / 1000.0;
            x = rng_below(&r, 3) == 0 ? x : nextafter(x, rng_below(&r, 2) ? 0 : INFINITY);
            break;
        case 1:
            x = (double)rng_below(&r, 5000) * ((double)rng_below(&r, 100000) / 1000.0);
            break;
        case 2:
            x = ldexp(rng_unit(&r), (int)rng_below(&r, 80) - 20);
            break;
        default:
            x = -(double)rng_below(&r, 1000000000) / 1000.0;
        }
        mismatches += igo_round_cents_fast(x) != igoi_round_cents_exact(x);
    }
    CHECK_I64(mismatches, 0);
}

void test_round_properties(igo_t *t)
{
    igo_rng r = {2};
    int bad_identity = 0, bad_symmetry = 0, bad_distance = 0;
    for (int i = 0; i < 500000; i++) {
        int64_t cents = (int64_t)rng_below(&r, INT64_C(100000000000000));
        bad_identity += igo_round_cents(igo_eur(cents)) != cents; /* whole cents stay put */
        double x = rng_unit(&r) * 1e9;
        bad_symmetry += igo_round_cents(-x) != -igo_round_cents(x);
        /* Within half a cent, plus the 15-significant-digit step that rounds near-ties up. */
        bad_distance += fabs((double)igo_round_cents(x) - x * 100) > 0.5 + x * 100 * 1e-14;
    }
    CHECK_I64(bad_identity, 0);
    CHECK_I64(bad_symmetry, 0);
    CHECK_I64(bad_distance, 0);
}

void test_canonical_15_digits(igo_t *t)
{
    /* As a spreadsheet keeps a typed number: 15 significant digits. */
    CHECK(igo_canonical(0.1 + 0.2) == 0.3);
    CHECK(igo_canonical(1892.0000000000002) == 1892.0);
    CHECK(igo_canonical(123456789.123456789) == 123456789.123457);
    CHECK(igo_canonical(-2.675) == -2.675);
    CHECK(igo_canonical(1720) == 1720);
    CHECK(igo_canonical(0) == 0);
    CHECK(isnan(igo_canonical(NAN)));
    /* The fast way equals printing 15 digits and reading them back, and is idempotent. */
    igo_rng r = {8};
    int differ = 0, unstable = 0;
    char buf[40];
    for (int i = 0; i < 1000000; i++) {
        double x = ldexp(rng_unit(&r), (int)rng_below(&r, 100) - 50);
        if (i % 3 == 0)
            x = (double)rng_below(&r, 100000000) / 1000.0 * (1.0 + 1e-16 * (double)rng_below(&r, 8));
        snprintf(buf, sizeof buf, "%.14e", x);
        double c = igo_canonical(x);
        differ += c != strtod(buf, NULL);
        unstable += igo_canonical(c) != c;
    }
    CHECK_I64(differ, 0);
    CHECK_I64(unstable, 0);
}

void test_round_cents_checked(igo_t *t)
{
    int64_t cents = 7;
    CHECK_I64(igo_round_cents_checked(2.675, &cents), IGO_OK);
    CHECK_I64(cents, 268);
    CHECK_I64(igo_round_cents_checked(-3.99999999999e13, &cents), IGO_OK);
    CHECK_I64(cents, -INT64_C(3999999999990000));
    /* Beyond the bound, and what is no amount at all, leave cents as it was. */
    CHECK_I64(igo_round_cents_checked(IGO_ROUND_CENTS_MAX, &cents), IGO_ERROR_TOO_LARGE);
    CHECK_I64(igo_round_cents_checked(-5e13, &cents), IGO_ERROR_TOO_LARGE);
    CHECK_I64(igo_round_cents_checked(NAN, &cents), IGO_ERROR_VALUE);
    CHECK_I64(igo_round_cents_checked(-INFINITY, &cents), IGO_ERROR_VALUE);
    CHECK_I64(cents, -INT64_C(3999999999990000));
    CHECK_I64(igo_round_cents_checked(1, NULL), IGO_ERROR_ARGUMENT);
}
