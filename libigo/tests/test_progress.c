/* Progress reports and cancellation: a callback that asks to stop ends a long call within
 * milliseconds with IGO_ERROR_CANCELLED, leaving no file and nothing allocated; one that lets it
 * go on sees the fraction done rise from 0 to 1 and changes no figure. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "random_region.h"
#include "tests.h"

int listen(void *data, double done)
{
    listener *l = data;
    l->backwards += done < l->last || done < 0 || done > 1;
    l->last = done;
    return ++l->calls == l->stop_at;
}

double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void test_progress_stops_a_batch(igo_t *t)
{
    igo_model *m = large_region(300);
    size_t V = 40000, O = igo_model_provider_count(m);
    int64_t *totals = calloc(V * O, sizeof *totals), *summary = calloc(V * 6, sizeof *summary);
    igo_batch b = {.variants = V, .provider_totals = totals, .summary = summary};
    /* Let it run: the fraction rises, and every variant equals the model's own distribution. */
    listener go = {0, 0, 0, 0};
    CHECK_OK(m, igo_model_set_progress(m, listen, &go));
    CHECK_OK(m, igo_distribute_batch(m, &b));
    CHECK(go.calls > 0 && go.backwards == 0);
    igo_result *r = NULL;
    CHECK_OK(m, igo_distribute(m, &r));
    CHECK(memcmp(totals + (V - 1) * O, igo_result_provider_totals(r), O * sizeof *totals) == 0);
    igo_result_free(r);
    /* Stop on the first report: soon after it starts, with the rows before complete. */
    listener stop = {0, 1, 0, 0};
    igo_model_set_progress(m, listen, &stop);
    memset(summary, 0, V * 6 * sizeof *summary);
    double start = seconds();
    CHECK_FAILS(m, igo_distribute_batch(m, &b), IGO_ERROR_CANCELLED, "stopped at variant");
    CHECK(seconds() - start < 0.5 && stop.calls == 1);
    CHECK(b.failed_variant > 0 && b.failed_variant < V);
    CHECK(summary[(b.failed_variant - 1) * 6] > 0 && summary[b.failed_variant * 6] == 0);
    igo_model_set_progress(m, NULL, NULL);
    free(totals), free(summary);
    igo_model_free(m);
}

void test_progress_stops_monte_carlo(igo_t *t)
{
    igo_scenarios *s = published_scenarios(t);
    double p[] = {5, 50, 95}, out[12], mean[4];
    igo_uncertainty u = {4000000, 7, IGO_DRAW_TRIANGULAR, p, 3, out, mean, NULL};
    listener go = {0, 0, 0, 0}, stop = {0, 2, 0, 0};
    CHECK_OK(s, igo_scenarios_set_progress(s, listen, &go));
    CHECK_OK(s, igo_scenarios_uncertainty(s, NULL, &u));
    CHECK(go.calls > 1 && go.backwards == 0 && go.last > 0.5);
    double median = out[1 * 4 + 3];
    igo_scenarios_set_progress(s, listen, &stop);
    CHECK_FAILS(s, igo_scenarios_uncertainty(s, NULL, &u), IGO_ERROR_CANCELLED,
                "uncertainty: stopped");
    CHECK(stop.calls == 2);
    /* Without a callback the same seed gives the same figures. */
    igo_scenarios_set_progress(s, NULL, NULL);
    CHECK_OK(s, igo_scenarios_uncertainty(s, NULL, &u));
    CHECK(out[1 * 4 + 3] == median);
    igo_scenarios_free(s);
}

