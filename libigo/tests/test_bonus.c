/* Quality bonuses: a pool from the innovation and quality budget split by points. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "random_region.h"
#include "tests.h"

/* The hand region's budget: innovatie_kwaliteit is 1 % of 2000.01 = ROUND(20.0001) = 20.00. A
 * pool of 50.05 % of it is ROUND(10.01; 2) = 10.01. Indicators: "sterfte" (lower is better,
 * target 5, weight 2) met by x1 (4) and y1 (5, on the target) but not x2 (6); "tevreden" (higher
 * is better, target 80, weight 1) met by x2 (85), not x1 (79), and y1 has no value. Points:
 * x1 2, x2 1, y1 2 (sum 5). Split: x2 ROUND(10.01 x 1 / 5) = ROUND(2.002) = 2.00, y1
 * ROUND(4.004) = 4.00, and x1 (the largest, first on the tie with y1) the rest, 4.01. */
void test_distribute_bonuses(igo_t *t)
{
    igo_model *m = hand_model(t);
    igo_result *plain = NULL, *r = NULL;
    CHECK_OK(m, igo_distribute(m, &plain));
    CHECK_OK(m, igo_model_set_bonus_pool(m, IGO_COST_SHARE, 0.5005));
    CHECK_OK(m, igo_model_add_indicator(m, "sterfte", "Perinatale sterfte", 5, 1, 2));
    CHECK_OK(m, igo_model_add_indicator(m, "tevreden", NULL, 80, 0, 1));
    const char *ids[] = {"x1", "x2", "y1"};
    const double sterfte[] = {4, 6, 5}, tevreden[] = {79, 85};
    for (int o = 0; o < 3; o++)
        CHECK_OK(m, igo_model_set_indicator_value(m, "sterfte", ids[o], sterfte[o]));
    for (int o = 0; o < 2; o++)
        CHECK_OK(m, igo_model_set_indicator_value(m, "tevreden", ids[o], tevreden[o]));
    CHECK_OK(m, igo_distribute(m, &r));
    if (r && plain) {
        const int64_t *bonus = igo_result_bonuses(r);
        const double *points = igo_result_bonus_points(r);
        CHECK(points[0] == 2 && points[1] == 1 && points[2] == 2);
        CHECK_I64(igo_result_cost(r, IGO_COST_INNOVATIE_KWALITEIT), 2000);
        CHECK_I64(igo_result_bonus_pool(r), 1001);
        CHECK_I64(igo_result_bonuses_paid(r), 1001);
        CHECK_I64(bonus[0], 401);
        CHECK_I64(bonus[1], 200);
        CHECK_I64(bonus[2], 400);
        /* The model's income is untouched; the bonuses come out of the costs. */
        int64_t providers = 0, bonuses = 0;
        for (int o = 0; o < 3; o++) {
            CHECK_I64(igo_result_provider_totals(r)[o], igo_result_provider_totals(plain)[o]);
            providers += igo_result_provider_totals(r)[o], bonuses += bonus[o];
        }
        CHECK_I64(igo_result_income(r),
                  igo_result_costs_total(r) - igo_result_bonuses_paid(r) +
                      igo_result_outside_total(r) + providers + bonuses);
    }
    igo_result_free(r), igo_result_free(plain);
    r = NULL;
    /* Read back as given. */
    igo_cost_mode mode;
    double value, target, weight;
    int lower;
    const char *label;
    CHECK(igo_model_bonus_pool(m, &mode, &value) == 1 && mode == IGO_COST_SHARE &&
          value == 0.5005);
    CHECK_I64((int64_t)igo_model_indicator_count(m), 2);
    const char *id = igo_model_indicator(m, 0, &label, &target, &lower, &weight);
    CHECK(id && !strcmp(id, "sterfte") && !strcmp(label, "Perinatale sterfte") && target == 5 &&
          lower == 1 && weight == 2);
    id = igo_model_indicator(m, 1, &label, NULL, &lower, NULL);
    CHECK(id && !strcmp(label, "tevreden") && lower == 0);
    CHECK(igo_model_indicator(m, 2, &label, &target, NULL, NULL) == NULL && !label && !target);
    CHECK(igo_model_indicator_value(m, 0, 2, &value) == 1 && value == 5);
    CHECK(igo_model_indicator_value(m, 1, 2, &value) == 0 && value == 0);
    /* A pool above the budget is refused, naming both. */
    CHECK_OK(m, igo_model_set_bonus_pool(m, IGO_COST_AMOUNT, 20.01));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_VALUE,
                "the bonus pool of EUR 20.01 exceeds the innovation and quality budget "
                "(innovatie_kwaliteit) of EUR 20.00");
    /* Nobody meets a target: nothing is paid, the pool stays in the budget. */
    CHECK_OK(m, igo_model_set_bonus_pool(m, IGO_COST_AMOUNT, 20));
    for (int o = 0; o < 3; o++)
        CHECK_OK(m, igo_model_set_indicator_value(m, "sterfte", ids[o], 5.000001));
    CHECK_OK(m, igo_model_set_indicator_value(m, "tevreden", "x2", 79.99));
    CHECK_OK(m, igo_distribute(m, &r));
    if (r) {
        CHECK_I64(igo_result_bonus_pool(r), 2000);
        CHECK_I64(igo_result_bonuses_paid(r), 0);
        for (int o = 0; o < 3; o++)
            CHECK_I64(igo_result_bonuses(r)[o], 0);
    }
    igo_result_free(r);
    igo_model_free(m);
}

void test_bonus_setter_errors(igo_t *t)
{
    igo_model *m = hand_model(t);
    CHECK_FAILS(m, igo_model_set_bonus_pool(m, IGO_COST_SHARE, 1.5), IGO_ERROR_VALUE,
                "bonus pool: share of the budget 150 % is outside 0-100 %");
    CHECK_FAILS(m, igo_model_set_bonus_pool(m, IGO_COST_AMOUNT, -1), IGO_ERROR_VALUE,
                "bonus pool: amount -1 is negative");
    CHECK_FAILS(m, igo_model_set_bonus_pool(m, (igo_cost_mode)7, 1), IGO_ERROR_ARGUMENT, "mode");
    CHECK_FAILS(m, igo_model_add_indicator(m, "k", NULL, NAN, 0, 1), IGO_ERROR_VALUE,
                "indicator 'k': target is not a number");
    CHECK_FAILS(m, igo_model_add_indicator(m, "k", NULL, -2e12, 0, 1), IGO_ERROR_TOO_LARGE,
                "indicator 'k': target");
    CHECK_FAILS(m, igo_model_add_indicator(m, "k", NULL, 1, 0, -1), IGO_ERROR_VALUE,
                "indicator 'k': weight -1 is negative");
    CHECK_FAILS(m, igo_model_add_indicator(m, "", NULL, 1, 0, 1), IGO_ERROR_ARGUMENT, "");
    CHECK_OK(m, igo_model_add_indicator(m, "k", NULL, -3, 1, 1));
    CHECK_FAILS(m, igo_model_add_indicator(m, "k", NULL, 1, 0, 1), IGO_ERROR_DUPLICATE,
                "duplicate indicator 'k'");
    CHECK_FAILS(m, igo_model_set_indicator_value(m, "q", "x1", 1), IGO_ERROR_UNKNOWN,
                "unknown indicator 'q'");
    CHECK_FAILS(m, igo_model_set_indicator_value(m, "k", "zz", 1), IGO_ERROR_UNKNOWN,
                "indicator 'k': unknown provider 'zz'");
    CHECK_FAILS(m, igo_model_set_indicator_value(m, "k", "x1", INFINITY), IGO_ERROR_VALUE,
                "indicator 'k', provider 'x1': value is infinite");
    CHECK_OK(m, igo_model_set_indicator_value(m, "k", "x1", -4));
    CHECK(igo_model_bonus_pool(m, NULL, NULL) == 0);
    igo_model_free(m);
}

/* Random regions with random bonuses: the money adds up, the bonuses are the pool or nothing,
 * and a batch's bonuses equal each variant's own distribution. */
void test_bonus_random_regions(igo_t *t)
{
    igo_rng r = {17};
    int checked = 0, paid = 0, unpaid = 0;
    for (int i = 0; i < 300; i++) {
        igo_model *m = random_region(&r);
        add_random_bonuses(m, &r);
        igo_result *res = NULL;
        if (igo_distribute(m, &res) == IGO_OK) {
            size_t O = igo_result_provider_count(res);
            int64_t sum = 0, bonuses = 0;
            for (size_t o = 0; o < O; o++)
                sum += igo_result_provider_totals(res)[o], bonuses += igo_result_bonuses(res)[o];
            int64_t pool = igo_result_bonus_pool(res), given = igo_result_bonuses_paid(res);
            CHECK_I64(bonuses, given);
            CHECK(given == pool || given == 0);
            CHECK(pool <= igo_result_cost(res, IGO_COST_INNOVATIE_KWALITEIT));
            CHECK_I64(igo_result_income(res), igo_result_costs_total(res) - given +
                                                  igo_result_outside_total(res) + sum + bonuses);
            paid += given > 0, unpaid += pool > 0 && given == 0;
            int64_t *batch = malloc((2 * O + 1) * sizeof *batch);
            igo_batch b = {.variants = 2, .bonuses = batch};
            CHECK_OK(m, igo_distribute_batch(m, &b));
            for (size_t o = 0; o < 2 * O; o++)
                CHECK_I64(batch[o], igo_result_bonuses(res)[o % O]);
            free(batch);
            checked++;
        }
        igo_result_free(res);
        igo_model_free(m);
    }
    CHECK(checked > 150 && paid > 50 && unpaid > 5);
}

/* Whether b holds a's bonuses: the pool, every indicator and every value, as given. */
static int same_bonuses(const igo_model *a, const igo_model *b)
{
    igo_cost_mode ma, mb;
    double va, vb;
    if (igo_model_bonus_pool(a, &ma, &va) != igo_model_bonus_pool(b, &mb, &vb) || ma != mb ||
        va != vb || igo_model_indicator_count(a) != igo_model_indicator_count(b))
        return 0;
    for (size_t i = 0; i < igo_model_indicator_count(a); i++) {
        const char *la, *lb;
        double ta, tb, wa, wb;
        int lowa, lowb;
        const char *ia = igo_model_indicator(a, i, &la, &ta, &lowa, &wa);
        const char *ib = igo_model_indicator(b, i, &lb, &tb, &lowb, &wb);
        if (strcmp(ia, ib) || strcmp(la, lb) || ta != tb || lowa != lowb || wa != wb)
            return 0;
        for (size_t o = 0; o < igo_model_provider_count(a); o++)
            if (igo_model_indicator_value(a, i, o, &va) != igo_model_indicator_value(b, i, o, &vb) ||
                va != vb)
                return 0;
    }
    return 1;
}

/* Random regions with random bonuses written as a workbook and read back: the same bonuses and
 * the same bonus figures. */
void test_workbook_bonus_round_trip(igo_t *t)
{
    char dir[] = "/tmp/igo-bonus-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/bonus.xlsx", dir);
    igo_rng r = {31};
    int written = 0;
    for (int i = 0; i < 10 && !t->failures; i++) {
        igo_model *a = random_distributable_region(&r), *b = igo_model_new();
        add_random_bonuses(a, &r);
        igo_result *ra = NULL, *rb = NULL;
        igo_workbook_options options = {.lang = i % 2 ? IGO_LANG_EN : IGO_LANG_NL};
        if (igo_distribute(a, &ra) == IGO_OK) { /* (a pool above a zero budget is refused) */
            CHECK_OK(a, igo_workbook_write(a, path, &options));
            CHECK_OK(b, igo_workbook_read(b, path, NULL));
            CHECK(same_bonuses(a, b));
            CHECK_OK(b, igo_distribute(b, &rb));
            for (size_t o = 0; rb && o < igo_result_provider_count(ra); o++)
                CHECK_I64(igo_result_bonuses(rb)[o], igo_result_bonuses(ra)[o]);
            written++;
        }
        igo_result_free(ra), igo_result_free(rb);
        igo_model_free(a), igo_model_free(b);
    }
    CHECK(written >= 6);
    remove(path);
    rmdir(dir);
}
