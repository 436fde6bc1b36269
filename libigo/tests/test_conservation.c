/* Thousands of random regions: every split conserves its whole, to the cent, at every step. */
#include <math.h>
#include <stdlib.h>

#include "random_region.h"
#include "tests.h"

/* Checks every identity of one result; returns the number that failed. */
static int broken_identities(const igo_model *m, const igo_result *r)
{
    size_t P = igo_result_prestatie_count(r), D = igo_result_discipline_count(r);
    size_t O = igo_result_provider_count(r), L = igo_result_outside_count(r);
    const int64_t *I = igo_result_prestatie(r, IGO_COLUMN_INCOME);
    const int64_t *H = igo_result_prestatie(r, IGO_COLUMN_COSTS);
    const int64_t *Op = igo_result_prestatie(r, IGO_COLUMN_OUTSIDE);
    const int64_t *Dp = igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE);
    const int64_t *A = igo_result_disciplines(r), *Ao = igo_result_providers(r);
    const int64_t *lines = igo_result_outside_parts(r), *line_cost = igo_result_outside_costs(r);
    int broken = 0;
    int64_t sumI = 0, sumH = 0, sumO = 0, sumT = 0;
    for (size_t p = 0; p < P; p++) {
        int64_t disc = 0;
        for (size_t d = 0; d < D; d++) {
            int64_t prov = 0;
            for (size_t o = 0; o < O; o++)
                if (igo_model_provider_discipline(m, o) == d)
                    prov += Ao[p * O + o];
            broken += prov != A[p * D + d]; /* discipline -> providers */
            disc += A[p * D + d];
        }
        broken += I[p] != H[p] + Op[p] + Dp[p]; /* income -> costs, outside, distributable */
        broken += disc != Dp[p];                /* distributable -> disciplines */
        sumI += I[p], sumH += H[p], sumO += Op[p];
    }
    for (size_t l = 0; l < L; l++) {
        int64_t s = 0;
        for (size_t p = 0; p < P; p++)
            s += lines[l * P + p];
        broken += s != line_cost[l]; /* an outside activity over its targets */
    }
    for (size_t o = 0; o < O; o++) {
        int64_t s = 0;
        for (size_t p = 0; p < P; p++)
            s += Ao[p * O + o];
        broken += s != igo_result_provider_totals(r)[o];
        sumT += s;
    }
    broken += sumI != igo_result_income(r);
    broken += sumH != igo_result_costs_total(r);
    broken += sumO != igo_result_outside_total(r);
    /* The reconciliation I = H + sum(O) + sum(T). */
    broken += igo_result_income(r) != igo_result_costs_total(r) + igo_result_outside_total(r) + sumT;
    broken += sumT != igo_result_distributed(r);
    return broken;
}

/* Each discipline's and each provider's part lies within half a cent of its exact share (the
 * largest part of a split: half a cent per part of that split). */
static int far_from_exact(const igo_model *m, const igo_result *r)
{
    size_t P = igo_result_prestatie_count(r), D = igo_result_discipline_count(r);
    size_t O = igo_result_provider_count(r);
    const int64_t *Dp = igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE);
    const int64_t *A = igo_result_disciplines(r), *Ao = igo_result_providers(r);
    const double *k = igo_result_keys(r);
    double *v = calloc(P * O + 1, sizeof *v), *V = calloc(P * D + 1, sizeof *V);
    for (size_t i = 0; i < m->volumes.n; i++) /* the last volume per cell, as the core takes it */
        v[m->volumes.v[i].row * O + m->volumes.v[i].col] = m->volumes.v[i].value;
    for (size_t p = 0; p < P; p++)
        for (size_t o = 0; o < O; o++)
            V[p * D + igo_model_provider_discipline(m, o)] += v[p * O + o];
    int far = 0;
    for (size_t p = 0; p < P; p++) {
        for (size_t d = 0; d < D; d++)
            far += fabs((double)A[p * D + d] - (double)Dp[p] * k[p * D + d]) >
                   0.5 * (double)D + 1e-3;
        for (size_t o = 0; o < O; o++) {
            size_t d = igo_model_provider_discipline(m, o);
            double exact = V[p * D + d] > 0 ? (double)A[p * D + d] * v[p * O + o] / V[p * D + d] : 0;
            far += fabs((double)Ao[p * O + o] - exact) > 0.5 * (double)O + 1e-3;
        }
    }
    free(v), free(V);
    return far;
}

void test_distribute_random_regions_conserve(igo_t *t)
{
    igo_rng r = {4};
    int ok = 0, refused = 0, wrong_refusal = 0, broken = 0, far = 0;
    for (int i = 0; i < 3000; i++) {
        igo_model *m = random_region(&r);
        igo_result *res = NULL;
        igo_error e = igo_distribute(m, &res);
        if (e == IGO_OK) {
            ok++;
            broken += broken_identities(m, res);
            far += far_from_exact(m, res);
            igo_result_free(res);
        } else {
            refused++;
            /* The only refusals these regions can earn: costs beyond a prestatie's income. */
            if (e != IGO_ERROR_NEGATIVE_DISTRIBUTABLE && e != IGO_ERROR_NO_INCOME) {
                fprintf(stderr, "unexpected refusal: %s\n", igo_model_errmsg(m));
                wrong_refusal++;
            }
        }
        igo_model_free(m);
    }
    CHECK_I64(broken, 0);
    CHECK_I64(far, 0);
    CHECK_I64(wrong_refusal, 0);
    CHECK(ok > 2400);
    CHECK(refused > 0); /* the generator does reach the error paths */
}
