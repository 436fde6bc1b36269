/* igo_distribute_batch: each variant equals igo_distribute on the model with its inputs. */
#include <stdlib.h>

#include "random_region.h"
#include "tests.h"

/* Distributes m with the given inputs through igo_distribute, on the model itself. */
static igo_result *single(igo_model *m, const double *count, const double *tariff,
                          const double *cost)
{
    for (size_t p = 0; p < igo_model_prestatie_count(m); p++)
        igo_model_set_production(m, igo_model_prestatie_code(m, p), count[p], tariff[p]);
    for (int k = 0; k < IGO_COST_COUNT; k++)
        igo_model_set_cost(m, (igo_cost)k, igo_model_cost_mode(m, (igo_cost)k), cost[k]);
    igo_result *r = NULL;
    igo_distribute(m, &r);
    return r;
}

/* Variant inputs around the model's own: counts and tariffs scaled by up to +-20 %. */
static void make_variants(igo_model *m, igo_rng *r, size_t V, double *counts, double *tariffs,
                          double *costs)
{
    size_t P = igo_model_prestatie_count(m);
    for (size_t v = 0; v < V; v++) {
        for (size_t p = 0; p < P; p++) {
            counts[v * P + p] = m->prestaties.v[p].count * (double)(80 + rng_below(r, 41)) / 100;
            tariffs[v * P + p] = (double)(int64_t)(m->prestaties.v[p].tariff *
                                                  (double)(800 + rng_below(r, 401))) / 1000;
        }
        for (int k = 0; k < IGO_COST_COUNT; k++)
            costs[v * IGO_COST_COUNT + k] = m->cost_value[k] * (double)rng_below(r, 3) / 2;
    }
}

void test_batch_equals_single(igo_t *t)
{
    igo_rng r = {5};
    int compared = 0, differ = 0;
    for (int i = 0; i < 200; i++) {
        igo_model *m = random_region(&r);
        size_t V = 1 + rng_below(&r, 20), P = igo_model_prestatie_count(m);
        size_t D = igo_model_discipline_count(m), O = igo_model_provider_count(m);
        double *counts = malloc(V * P * sizeof *counts), *tariffs = malloc(V * P * sizeof *tariffs);
        double *costs = malloc(V * IGO_COST_COUNT * sizeof *costs);
        int64_t *prov = malloc(V * O * sizeof *prov), *disc = malloc(V * D * sizeof *disc);
        int64_t *sum = malloc(V * IGO_SUMMARY_COUNT * sizeof *sum);
        make_variants(m, &r, V, counts, tariffs, costs);
        igo_batch b = {.variants = V, .counts = counts, .tariffs = tariffs, .costs = costs,
                       .provider_totals = prov, .discipline_totals = disc, .summary = sum};
        igo_error e = igo_distribute_batch(m, &b);
        size_t done = e ? b.failed_variant : V;
        for (size_t v = 0; v <= done && v < V; v++) {
            igo_result *res = single(m, counts + v * P, tariffs + v * P, costs + v * 3);
            if (v == done) { /* the failing variant fails alone too, with the same code */
                CHECK(res == NULL);
                break;
            }
            CHECK(res != NULL);
            if (!res)
                break;
            compared++;
            for (size_t o = 0; o < O; o++)
                differ += prov[v * O + o] != igo_result_provider_totals(res)[o];
            for (size_t d = 0; d < D; d++)
                differ += disc[v * D + d] != igo_result_discipline_totals(res)[d];
            const int64_t *s = sum + v * IGO_SUMMARY_COUNT;
            differ += s[IGO_SUMMARY_INCOME] != igo_result_income(res);
            differ += s[IGO_SUMMARY_OVERIG] != igo_result_cost(res, IGO_COST_OVERIG);
            differ += s[IGO_SUMMARY_OUTSIDE] != igo_result_outside_total(res);
            differ += s[IGO_SUMMARY_DISTRIBUTED] != igo_result_distributed(res);
            igo_result_free(res);
        }
        free(counts), free(tariffs), free(costs), free(prov), free(disc), free(sum);
        igo_model_free(m);
    }
    CHECK_I64(differ, 0);
    CHECK(compared > 1000);
}

void test_batch_errors(igo_t *t)
{
    igo_rng r = {6};
    igo_model *m = random_distributable_region(&r);
    igo_result *res = NULL;
    CHECK_OK(m, igo_distribute(m, &res));
    size_t P = igo_model_prestatie_count(m), O = igo_model_provider_count(m);
    double counts[3 * 12], tariffs[3 * 12];
    int64_t totals[3 * 40];
    for (size_t v = 0; v < 3; v++)
        for (size_t p = 0; p < P; p++) {
            counts[v * P + p] = m->prestaties.v[p].count;
            tariffs[v * P + p] = m->prestaties.v[p].tariff;
        }
    counts[2 * P + P - 1] = -1;
    igo_batch b = {.variants = 3, .counts = counts, .tariffs = tariffs, .provider_totals = totals};
    char expect[64];
    snprintf(expect, sizeof expect, "prestatie %s", igo_model_prestatie_code(m, P - 1));
    CHECK_FAILS(m, igo_distribute_batch(m, &b), IGO_ERROR_VALUE, "variant 2: ", expect,
                "count -1 is negative");
    CHECK_I64(b.failed_variant, 2);
    /* The variants before the failing one are complete. */
    for (size_t o = 0; o < O; o++)
        CHECK_I64(totals[O + o], igo_result_provider_totals(res)[o]);
    /* No outputs and no variants are fine; a NULL batch is not. */
    igo_batch none = {0};
    CHECK_OK(m, igo_distribute_batch(m, &none));
    igo_batch quiet = {.variants = 2};
    CHECK_OK(m, igo_distribute_batch(m, &quiet));
    CHECK_FAILS(m, igo_distribute_batch(m, NULL), IGO_ERROR_ARGUMENT, "no batch");
    igo_result_free(res);
    igo_model_free(m);
}

void test_batch_shape(igo_t *t)
{
    igo_rng r = {7};
    igo_model *m = random_distributable_region(&r);
    size_t P = igo_model_prestatie_count(m), D = igo_model_discipline_count(m);
    size_t O = igo_model_provider_count(m);
    igo_batch_shape shape;
    CHECK_OK(m, igo_distribute_batch_shape(m, 3, &shape));
    CHECK_I64(shape.counts, 3 * P);
    CHECK_I64(shape.tariffs, 3 * P);
    CHECK_I64(shape.costs, 3 * IGO_COST_COUNT);
    CHECK_I64(shape.provider_totals, 3 * O);
    CHECK_I64(shape.discipline_totals, 3 * D);
    CHECK_I64(shape.summary, 3 * IGO_SUMMARY_COUNT);
    CHECK_I64(shape.bonuses, 3 * O);
    CHECK_OK(m, igo_distribute_batch_shape(m, 0, &shape));
    CHECK_I64(shape.summary, 0);
    /* So many variants that their rows' bytes overflow: refused before any row is touched. */
    size_t huge = SIZE_MAX / 8 / IGO_SUMMARY_COUNT;
    CHECK_FAILS(m, igo_distribute_batch_shape(m, huge, &shape), IGO_ERROR_LIMIT,
                "distribute_batch: ", "variants of", "more than memory holds");
    igo_batch b = {.variants = huge};
    CHECK_FAILS(m, igo_distribute_batch(m, &b), IGO_ERROR_LIMIT, "more than memory holds");
    CHECK_FAILS(m, igo_distribute_batch_shape(m, 1, NULL), IGO_ERROR_ARGUMENT, "NULL");
    CHECK_I64(igo_distribute_batch_shape(NULL, 1, &shape), IGO_ERROR_ARGUMENT);
    igo_model_free(m);
}
