/* Cost scenarios: the published study reproduced, properties, refusals, Monte Carlo. */
#include <math.h>
#include <stdlib.h>

#include "../src/scenario/quantile.h"
#include "../src/scenario/scenario.h"
#include "tests.h"

/* The study's published national inputs (shared/spec/scenarios.md). */
igo_scenarios *published_scenarios(igo_t *t)
{
    static const struct {
        const char *id;
        double volume, per_volume, delta[3];
    } drivers[] = {
        {"verwijzing", 62711, 1, {-(2900 - 884), 1445 - 793, 380 + 78}},
        {"consulten", 46313, 1, {-295, 100, 0}},
        {"sectio", 29621, 1, {-(5540 - 2900), 0, 380}},
        {"prematuur", 8699, 3.61, {-3237, 0, 0}},
        {"ligdagen", 83610, 1, {-735, 0, 380}},
    };
    static const struct {
        int driver;
        double effect, weight;
    } studies[] = {
        {0, -.44, .08}, {0, -.13, .04}, {0, -.18, .08}, {0, -.20, .14}, {1, -.50, .25},
        {2, -.06, .42}, {2, 0, .50},    {2, -.24, .23}, {2, -.25, .23}, {2, -.05, .90},
        {3, -.05, .45}, {3, 0, .50},    {3, -.04, .45}, {4, -.15, .42}, {4, -.30, .23},
    };
    const char *sectors[] = {"msz", "verloskunde", "kraamzorg"};
    igo_scenarios *s = igo_scenarios_new();
    for (int k = 0; k < 3; k++)
        CHECK_OK(s, igo_scenarios_add_sector(s, sectors[k], NULL));
    for (size_t i = 0; i < sizeof drivers / sizeof drivers[0]; i++) {
        CHECK_OK(s, igo_scenarios_add_driver(s, drivers[i].id, NULL, drivers[i].volume,
                                             drivers[i].per_volume));
        for (int k = 0; k < 3; k++)
            CHECK_OK(s, igo_scenarios_set_unit_delta(s, drivers[i].id, sectors[k],
                                                     drivers[i].delta[k]));
    }
    for (size_t k = 0; k < sizeof studies / sizeof studies[0]; k++)
        CHECK_OK(s, igo_scenarios_add_study(s, drivers[studies[k].driver].id, "studie",
                                            studies[k].effect, studies[k].weight));
    for (int y = 2027; y <= 2030; y++)
        CHECK_OK(s, igo_scenarios_set_phase_in(s, y, (y - 2027) / 3.0));
    return s;
}

void test_scenario_published_figures(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    igo_scenario_result *r = NULL;
    CHECK_OK(s, igo_scenarios_compute(s, NULL, &r));
    const int64_t *mid = igo_scenario_result_sector_totals(r, IGO_SCENARIO_MIDDLE);
    /* The study: msz -12.6, verloskunde +1.4, kraamzorg +3.1, total -8.1 (EUR mln). */
    CHECK(fabs((double)mid[0] / 1e8 - -12.6) < 0.1);
    CHECK(fabs((double)mid[1] / 1e8 - 1.4) < 0.1);
    CHECK(fabs((double)mid[2] / 1e8 - 3.1) < 0.1);
    CHECK(fabs((double)igo_scenario_result_total(r, IGO_SCENARIO_MIDDLE) / 1e8 - -8.1) < 0.1);
    /* Conservative is zero; optimistic at least middle in magnitude, per driver. */
    CHECK_I64(igo_scenario_result_total(r, IGO_SCENARIO_CONSERVATIVE), 0);
    for (size_t i = 0; i < 5; i++)
        CHECK(llabs(igo_scenario_result_driver_totals(r, IGO_SCENARIO_OPTIMISTIC)[i]) >=
              llabs(igo_scenario_result_driver_totals(r, IGO_SCENARIO_MIDDLE)[i]));
    /* Middle effect of caesareans: the mean of -2.52, 0, -5.52, -5.75, -4.5 % = -3.658 %. */
    CHECK(fabs(igo_scenario_result_effects(r, IGO_SCENARIO_MIDDLE)[2] - -0.03658) < 1e-12);
    CHECK(fabs(igo_scenario_result_effects(r, IGO_SCENARIO_OPTIMISTIC)[0] - -0.0352) < 1e-12);
    /* Phase-in: nothing in 2027, a third in 2028, all in 2030. */
    CHECK(igo_scenario_result_year_count(r) == 4 && igo_scenario_result_years(r)[3] == 2030);
    const int64_t *phase = igo_scenario_result_phase_in(r, IGO_SCENARIO_MIDDLE);
    CHECK_I64(phase[0 * 4 + 3], 0);
    CHECK_I64(phase[3 * 4 + 3], igo_scenario_result_total(r, IGO_SCENARIO_MIDDLE));
    CHECK(llabs(phase[1 * 4 + 3] * 3 - igo_scenario_result_total(r, IGO_SCENARIO_MIDDLE)) <= 6);
    /* The tornado swings each driver around the middle total. */
    for (size_t i = 0; i < 5; i++)
        CHECK(igo_scenario_result_tornado_high(r)[i] <= igo_scenario_result_total(r, 1) &&
              igo_scenario_result_tornado_low(r)[i] >= igo_scenario_result_total(r, 1));
    igo_scenario_result_free(r);
    igo_scenarios_free(s);
}

void test_scenario_linear_in_volumes(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    igo_scenario_result *once = NULL, *twice = NULL;
    igo_scaling region = {3350, NULL}, doubled = {6700, NULL};
    CHECK_OK(s, igo_scenarios_compute(s, &region, &once));
    CHECK_OK(s, igo_scenarios_compute(s, &doubled, &twice));
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        for (size_t k = 0; k < 15; k++) { /* each figure rounds once: within a cent or two */
            int64_t a = igo_scenario_result_impacts(once, sc)[k];
            int64_t b = igo_scenario_result_impacts(twice, sc)[k];
            CHECK(llabs(2 * a - b) <= 2);
        }
    /* A region's own volumes replace the scaled ones; NaN keeps them. */
    double own[5] = {NAN, 500, NAN, NAN, NAN};
    igo_scaling mixed = {3350, own};
    igo_scenario_result *r = NULL;
    CHECK_OK(s, igo_scenarios_compute(s, &mixed, &r));
    CHECK(igo_scenario_result_volumes(r)[1] == 500);
    CHECK(igo_scenario_result_volumes(r)[0] == 62711 * (3350 / 167500.0));
    igo_scenario_result_free(r);
    igo_scenario_result_free(once), igo_scenario_result_free(twice);
    igo_scenarios_free(s);
}

void test_scenario_refusals(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    igo_scenario_result *r = NULL;
    CHECK_FAILS(s, igo_scenarios_add_study(s, "sectio", "x", -0.1, 1.5), IGO_ERROR_VALUE,
                "driver 'sectio', study 'x'", "weight 150 % is outside 0-100 %");
    CHECK_FAILS(s, igo_scenarios_add_driver(s, "nieuw", NULL, -5, 1), IGO_ERROR_VALUE,
                "driver 'nieuw'", "volume -5 is negative");
    CHECK_FAILS(s, igo_scenarios_set_phase_in(s, 2031, 1.2), IGO_ERROR_VALUE, "phase-in 2031",
                "120 % is outside 0-100 %");
    CHECK_FAILS(s, igo_scenarios_add_study(s, "sectio", "x", -1.5, 0.5), IGO_ERROR_VALUE,
                "effect -150 %");
    CHECK_FAILS(s, igo_scenarios_set_unit_delta(s, "sectio", "huisarts", 1), IGO_ERROR_UNKNOWN,
                "unknown sector 'huisarts'");
    CHECK_OK(s, igo_scenarios_add_driver(s, "nieuw", "Nieuwe driver", 100, 1));
    CHECK_FAILS(s, igo_scenarios_compute(s, NULL, &r), IGO_ERROR_ARGUMENT,
                "driver 'nieuw': no studies and no optimistic effect given");
    CHECK_OK(s, igo_scenarios_set_override(s, IGO_SCENARIO_OPTIMISTIC, "nieuw", -0.2));
    CHECK_FAILS(s, igo_scenarios_compute(s, NULL, &r), IGO_ERROR_ARGUMENT,
                "no studies and no middle effect");
    CHECK_OK(s, igo_scenarios_set_override(s, IGO_SCENARIO_MIDDLE, "nieuw", -0.1));
    CHECK_OK(s, igo_scenarios_compute(s, NULL, &r));
    igo_scenario_result_free(r);
    igo_scaling negative = {-3, NULL};
    CHECK_FAILS(s, igo_scenarios_compute(s, &negative, &r), IGO_ERROR_VALUE, "region births");
    double own[6] = {NAN, -1, NAN, NAN, NAN, NAN};
    igo_scaling bad = {0, own};
    CHECK_FAILS(s, igo_scenarios_compute(s, &bad, &r), IGO_ERROR_VALUE, "driver 'consulten'",
                "region volume -1 is negative");
    igo_scenarios_free(s);
}

void test_percentiles_match_sorting(igo_t *t)
{
    igo_rng r = {10};
    int differ = 0;
    double p[] = {0, 5, 25, 50, 50, 75, 95, 99.9, 100};
    for (int trial = 0; trial < 300; trial++) {
        size_t n = 1 + rng_below(&r, 3000);
        double *x = malloc(n * sizeof *x), *sorted = malloc(n * sizeof *sorted), got[9], tmp[9];
        for (size_t i = 0; i < n; i++) /* many duplicates, as effects at a bound give */
            x[i] = sorted[i] = trial % 2 ? (double)rng_below(&r, 7) : rng_unit(&r) - 0.5;
        for (size_t i = 1; i < n; i++) /* insertion sort: the obvious reference */
            for (size_t j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
                double v = sorted[j];
                sorted[j] = sorted[j - 1], sorted[j - 1] = v;
            }
        igoi_percentiles(x, n, p, 9, tmp, got);
        for (int k = 0; k < 9; k++) {
            double h = (double)(n - 1) * p[k] / 100;
            size_t lo = (size_t)h, hi = lo + 1 < n ? lo + 1 : lo;
            double want = sorted[lo] + (h - (double)lo) * (sorted[hi] - sorted[lo]);
            differ += fabs(got[k] - want) > 1e-12;
        }
        free(x), free(sorted);
    }
    CHECK_I64(differ, 0);
}

void test_scenario_monte_carlo(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    igo_scenario_result *r = NULL;
    CHECK_OK(s, igo_scenarios_compute(s, NULL, &r));
    double p[] = {5, 50, 95}, out[3 * 4], again[3 * 4], mean[4];
    enum { N = 200000 };
    double *samples = malloc(N * 4 * sizeof *samples);
    igo_uncertainty u = {N, 42, IGO_DRAW_UNIFORM, p, 3, out, mean, samples};
    CHECK_OK(s, igo_scenarios_uncertainty(s, NULL, &u));
    igo_uncertainty same = {N, 42, IGO_DRAW_UNIFORM, p, 3, again, NULL, NULL};
    CHECK_OK(s, igo_scenarios_uncertainty(s, NULL, &same));
    CHECK(memcmp(out, again, sizeof out) == 0); /* the seed fixes every figure */
    /* Uniform draws: the mean total is halfway between conservative (0) and optimistic. */
    double optimistic = (double)igo_scenario_result_total(r, IGO_SCENARIO_OPTIMISTIC) / 100;
    CHECK(fabs(mean[3] - optimistic / 2) < fabs(optimistic) * 0.01);
    /* Every draw's total lies between conservative and optimistic (all effects point one way). */
    int outside = 0;
    for (size_t n = 0; n < N; n++)
        outside += samples[n * 4 + 3] > 1e-6 || samples[n * 4 + 3] < optimistic - 1e-6;
    CHECK_I64(outside, 0);
    CHECK(out[0 * 4 + 3] < out[1 * 4 + 3] && out[1 * 4 + 3] < out[2 * 4 + 3]);
    /* Triangular with the mode at the middle effect: a triangle's mean is (low + high + mode) / 3,
     * and the total is linear in the effects. */
    u.distribution = IGO_DRAW_TRIANGULAR;
    CHECK_OK(s, igo_scenarios_uncertainty(s, NULL, &u));
    double middle = (double)igo_scenario_result_total(r, IGO_SCENARIO_MIDDLE) / 100;
    CHECK(fabs(mean[3] - (optimistic + middle) / 3) < fabs(middle) * 0.01);
    double bad_p[] = {101};
    igo_uncertainty bad = {10, 1, IGO_DRAW_UNIFORM, bad_p, 1, out, NULL, NULL};
    CHECK_FAILS(s, igo_scenarios_uncertainty(s, NULL, &bad), IGO_ERROR_VALUE, "percentile 101");
    free(samples);
    igo_scenario_result_free(r);
    igo_scenarios_free(s);
}

void test_uncertainty_shape(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    size_t S1 = igo_scenarios_sector_count(s) + 1;
    igo_uncertainty u = {1000, 1, IGO_DRAW_UNIFORM, NULL, 5, NULL, NULL, NULL};
    igo_uncertainty_shape shape;
    CHECK_OK(s, igo_scenarios_uncertainty_shape(s, &u, &shape));
    CHECK_I64(shape.out, 5 * S1);
    CHECK_I64(shape.mean, S1);
    CHECK_I64(shape.samples, 1000 * S1);
    u.draws = 0;
    CHECK_FAILS(s, igo_scenarios_uncertainty_shape(s, &u, &shape), IGO_ERROR_ARGUMENT,
                "give draws > 0");
    CHECK_FAILS(s, igo_scenarios_uncertainty(s, NULL, &u), IGO_ERROR_ARGUMENT, "give draws > 0");
    u.draws = (size_t)IGO_MAX_DRAWS + 1;
    CHECK_FAILS(s, igo_scenarios_uncertainty_shape(s, &u, &shape), IGO_ERROR_LIMIT,
                "100000001 draws is more than the 100000000 one call makes");
    u.draws = 10;
    u.npercentiles = SIZE_MAX / 4;
    CHECK_FAILS(s, igo_scenarios_uncertainty_shape(s, &u, &shape), IGO_ERROR_LIMIT,
                "more than memory holds");
    CHECK_FAILS(s, igo_scenarios_uncertainty_shape(s, NULL, &shape), IGO_ERROR_ARGUMENT,
                "give draws > 0");
    igo_scenarios_free(s);
}
