/* Transition clauses: three hand-worked years (every cent in the comments), properties on
 * thousands of random transitions, and the refusals. */
#include <stdlib.h>

#include "../src/transition/transition.h"
#include "tests.h"

#define HIST IGO_TRANSITION_HISTORY
#define MODEL IGO_TRANSITION_MODEL
#define X IGO_TRANSITION_TARGET
#define BASE IGO_TRANSITION_BASE
#define L IGO_TRANSITION_FLOOR
#define U IGO_TRANSITION_CAP
#define Y IGO_TRANSITION_PAID

static void check_year(igo_t *t, const igo_transition_result *r, size_t y,
                       igo_transition_column column,
                       const int64_t *expected, size_t n)
{
    const int64_t *got = igo_transition_result_column(r, y, column);
    for (size_t o = 0; o < n; o++)
        CHECK_I64(got[o], expected[o]);
}

/* Three providers; history A 600.00, B 300.00, C 100.00; limits -20 % / +30 %; C guaranteed
 * 120.00. */
static igo_transition *hand_worked(igo_t *t)
{
    igo_transition *tr = igo_transition_new(3);
    CHECK(tr != NULL);
    CHECK(igo_transition_set_provider(tr, 0, "A", 60000) == IGO_OK);
    CHECK(igo_transition_set_provider(tr, 1, "B", 30000) == IGO_OK);
    CHECK(igo_transition_set_provider(tr, 2, "C", 10000) == IGO_OK);
    CHECK(igo_transition_set_guarantee(tr, 2, 12000) == IGO_OK);
    CHECK(igo_transition_set_limits(tr, 0.2, 0.3) == IGO_OK);
    const int64_t model[] = {20000, 50000, 30000}, later[] = {25000, 45000, 40000};
    CHECK(igo_transition_add_year(tr, 2027, 1.0, model) == IGO_OK);
    CHECK(igo_transition_add_year(tr, 2028, 0.5, model) == IGO_OK);
    CHECK(igo_transition_add_year(tr, 2029, 0.0, later) == IGO_OK);
    return tr;
}

void test_transition_hand_worked(igo_t *t)
{
    igo_transition *tr = hand_worked(t);
    igo_transition_result *r = NULL;
    CHECK(igo_transition_compute(tr, &r) == IGO_OK);
    CHECK(igo_transition_result_years(r) == 3 && igo_transition_result_providers(r) == 3);
    /* 2027, 100 % history. Pot 1000.00 (200 + 500 + 300). H = split(1000.00; 600:300:100)
     * = 600.00, 300.00, 100.00, and X = H. Base = H. Floors 80 % of the base: 480.00, 240.00,
     * and for C max(80.00, guarantee 120.00) = 120.00; caps 130 %: 780.00, 390.00, 130.00.
     * Round 1: the shares of X are 600, 300, 100; C is 20.00 below its floor and nobody above:
     * C fixed at 120.00. Round 2: R = 880.00 over A and B by 600:300: 586.67 and 293.33, both
     * within bounds. Paid: 586.67, 293.33, 120.00 (the guarantee held C). */
    CHECK_I64(igo_transition_result_pot(r, 0), 100000);
    check_year(t, r, 0, HIST, (int64_t[]){60000, 30000, 10000}, 3);
    check_year(t, r, 0, X, (int64_t[]){60000, 30000, 10000}, 3);
    check_year(t, r, 0, L, (int64_t[]){48000, 24000, 12000}, 3);
    check_year(t, r, 0, U, (int64_t[]){78000, 39000, 13000}, 3);
    check_year(t, r, 0, Y, (int64_t[]){58667, 29333, 12000}, 3);
    CHECK(memcmp(igo_transition_result_bounds(r, 0),
                 (uint8_t[]){IGO_BOUND_NONE, IGO_BOUND_NONE, IGO_BOUND_GUARANTEE}, 3) == 0);
    CHECK_I64(igo_transition_result_rounds(r, 0), 1);
    /* 2028, 50 %. X = split(1000.00; 0.5 H + 0.5 T = 400:400:200) = 400.00, 400.00, 200.00.
     * Base: 2027's paid income times 1000/1000 = 586.67, 293.33, 120.00. Floors:
     * ROUND(586.67 * 0.8) = 469.34, ROUND(293.33 * 0.8) = 234.66, C max(96.00, 120.00) =
     * 120.00; caps: ROUND(586.67 * 1.3) = 762.67, ROUND(293.33 * 1.3) = 381.33, 156.00.
     * Round 1: shares 400, 400, 200: A 69.34 below its floor; B 18.67 and C 44.00 above their
     * caps, 62.67 together: the side below is larger, A fixed at 469.34. Round 2: R = 530.66
     * over B and C by 400:200: 353.77 and 176.89; C 20.89 above its cap: fixed at 156.00.
     * Round 3 finds B's 374.66 within bounds. Paid: 469.34 (floor), 374.66, 156.00 (cap):
     * both sides bind at once. */
    check_year(t, r, 1, X, (int64_t[]){40000, 40000, 20000}, 3);
    check_year(t, r, 1, BASE, (int64_t[]){58667, 29333, 12000}, 3);
    check_year(t, r, 1, L, (int64_t[]){46934, 23466, 12000}, 3);
    check_year(t, r, 1, U, (int64_t[]){76267, 38133, 15600}, 3);
    check_year(t, r, 1, Y, (int64_t[]){46934, 37466, 15600}, 3);
    CHECK(memcmp(igo_transition_result_bounds(r, 1),
                 (uint8_t[]){IGO_BOUND_FLOOR, IGO_BOUND_NONE, IGO_BOUND_CAP}, 3) == 0);
    CHECK_I64(igo_transition_result_rounds(r, 1), 2);
    /* 2029, the model only, a new region: T = 250.00, 450.00, 400.00, pot 1100.00, so
     * H = 660.00, 330.00, 110.00 and X = T. Base: ROUND(469.34 * 1.1) = 516.27,
     * ROUND(374.66 * 1.1) = 412.13, 156.00 * 1.1 = 171.60. Floors 413.02, 329.70, 137.28 (above
     * the guarantee); caps 671.15, 535.77, 223.08. Round 1: A 163.02 below, C 176.92 above:
     * C fixed at 223.08. Round 2: R = 876.92 by 250:450: A 313.19 is 99.83 below, B 563.73 is
     * 27.96 above: A fixed at 413.02. Then B takes R = 463.90. */
    CHECK_I64(igo_transition_result_pot(r, 2), 110000);
    check_year(t, r, 2, HIST, (int64_t[]){66000, 33000, 11000}, 3);
    check_year(t, r, 2, BASE, (int64_t[]){51627, 41213, 17160}, 3);
    check_year(t, r, 2, L, (int64_t[]){41302, 32970, 13728}, 3);
    check_year(t, r, 2, U, (int64_t[]){67115, 53577, 22308}, 3);
    check_year(t, r, 2, Y, (int64_t[]){41302, 46390, 22308}, 3);
    CHECK(memcmp(igo_transition_result_bounds(r, 2),
                 (uint8_t[]){IGO_BOUND_FLOOR, IGO_BOUND_NONE, IGO_BOUND_CAP}, 3) == 0);
    igo_transition_result_free(r);
    /* The result is a snapshot: freeing the transition leaves it alone (checked by ASan). */
    igo_transition_free(tr);
}

/* ---- properties ---- */

static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
    return *s;
}

typedef struct random_case {
    size_t n, years;
    int bounded; /* limits or guarantees */
    double share[5];
} random_case;

/* A random transition: up to 12 providers, up to 5 years, each a region of its own. */
static igo_transition *random_transition(uint64_t *s, random_case *c)
{
    c->n = 1 + next(s) % 12, c->years = 1 + next(s) % 5, c->bounded = next(s) % 3 != 0;
    igo_transition *tr = igo_transition_new(c->n);
    int64_t model[12];
    for (size_t o = 0; o < c->n; o++) {
        char id[32];
        snprintf(id, sizeof id, "p%zu", o);
        igo_transition_set_provider(tr, o, id, (int64_t)(next(s) % 5000000) + 1);
        if (c->bounded && next(s) % 4 == 0)
            igo_transition_set_guarantee(tr, o, (int64_t)(next(s) % 500000));
    }
    if (c->bounded)
        igo_transition_set_limits(tr, next(s) % 4 ? (double)(next(s) % 50) / 100 : -1,
                                  next(s) % 4 ? (double)(next(s) % 50) / 100 : -1);
    for (size_t y = 0; y < c->years; y++) {
        for (size_t o = 0; o < c->n; o++)
            model[o] = (int64_t)(next(s) % 8000000);
        c->share[y] = (double)(next(s) % 101) / 100;
        igo_transition_add_year(tr, 2027 + (int)y, c->share[y], model);
    }
    return tr;
}

/* Every year pays exactly its pot, within its bounds, in at most n rounds; without bounds the
 * target itself (the model at 0 %, the scaled history at 100 %). */
static void check_properties(igo_t *t, const igo_transition_result *r, const random_case *c)
{
    for (size_t y = 0; y < c->years; y++) {
        const int64_t *paid = igo_transition_result_column(r, y, Y);
        const int64_t *floor = igo_transition_result_column(r, y, L);
        const int64_t *cap = igo_transition_result_column(r, y, U);
        const int64_t *target = igo_transition_result_column(r, y, X);
        int64_t sum = 0;
        int within = 1, same = 1;
        for (size_t o = 0; o < c->n; o++) {
            sum += paid[o];
            within &= floor[o] <= paid[o] && paid[o] <= cap[o];
            same &= paid[o] == target[o];
        }
        CHECK_I64(sum, igo_transition_result_pot(r, y));
        CHECK(within);
        CHECK(igo_transition_result_rounds(r, y) <= c->n);
        if (c->bounded)
            continue;
        CHECK(same);
        igo_transition_column column = c->share[y] == 0 ? MODEL : c->share[y] == 1 ? HIST : X;
        CHECK(memcmp(paid, igo_transition_result_column(r, y, column),
                     c->n * sizeof *paid) == 0);
    }
}

void test_transition_properties(igo_t *t)
{
    uint64_t s = 0x9e3779b97f4a7c15u;
    int paid = 0, refused = 0;
    for (int i = 0; i < 5000; i++) {
        random_case c;
        igo_transition *tr = random_transition(&s, &c);
        igo_transition_result *r = NULL;
        igo_error e = igo_transition_compute(tr, &r);
        if (e == IGO_OK) {
            paid++;
            check_properties(t, r, &c);
        } else {
            /* Only a year the bounds cannot pay, named with its shortfall. */
            const char *m = igo_transition_errmsg(tr);
            refused++;
            CHECK(e == IGO_ERROR_INFEASIBLE && c.bounded);
            CHECK(strstr(m, "short") || strstr(m, "left over") || strstr(m, "above its cap"));
        }
        igo_transition_result_free(r);
        igo_transition_free(tr);
    }
    CHECK(paid > 2500 && refused > 100); /* both kinds met */
}

/* A floor equal to the target (no decrease allowed, all history in the first year): floating
 * point's noise never fixes anyone; each is paid its bound and held by none, in no round. */
static void floors_at_the_target(igo_t *t)
{
    igo_transition *tr = igo_transition_new(3);
    const int64_t model[] = {20000, 50000, 30001};
    CHECK(igo_transition_set_provider(tr, 0, "A", 60003) == IGO_OK);
    CHECK(igo_transition_set_provider(tr, 1, "B", 29999) == IGO_OK);
    CHECK(igo_transition_set_provider(tr, 2, "C", 9999) == IGO_OK);
    CHECK(igo_transition_set_limits(tr, 0, -1) == IGO_OK);
    CHECK(igo_transition_add_year(tr, 2027, 1.0, model) == IGO_OK);
    igo_transition_result *r = NULL;
    CHECK(igo_transition_compute(tr, &r) == IGO_OK);
    if (r) {
        check_year(t, r, 0, Y, igo_transition_result_column(r, 0, L), 3);
        CHECK(memcmp(igo_transition_result_bounds(r, 0), (uint8_t[]){0, 0, 0}, 3) == 0);
        CHECK(igo_transition_result_rounds(r, 0) == 0);
    }
    igo_transition_result_free(r);
    igo_transition_free(tr);
}

void test_transition_refusals(igo_t *t)
{
    floors_at_the_target(t);
    /* Limits count in whole basis points. */
    igo_transition *points = igo_transition_new(0);
    double down, up;
    CHECK(igo_transition_set_limits(points, 0.03333, 0.00145) == IGO_OK);
    igo_transition_limits(points, &down, &up);
    CHECK(down == 0.0333 && up == 0.0015);
    igo_transition_free(points);
    /* Bounds in whole cents, the limit in basis points, half a cent up: a 5 % cap on
     * EUR 252,416.10 is 265,036.905, so 265,036.91 (floating point's 252416.1 * 1.05 lands on
     * either side of the half cent, as the engine computes it); a 5 % floor 239,795.295, so
     * 239,795.30; a limit of 3.333 % counts as 3.33 %. */
    CHECK_I64(igoi_transition_bound(25241610, 0.05, 1), 26503691);
    CHECK_I64(igoi_transition_bound(25241610, 0.05, -1), 23979530);
    CHECK_I64(igoi_transition_bound(10000000, 0.03333, 1), 10333000);
    CHECK_I64(igoi_transition_bound(INT64_C(100000000000000), 1.0, 1), INT64_C(200000000000000));
    igo_transition *tr = hand_worked(t);
    igo_transition_result *r = NULL;
    int64_t model[] = {1, 2, 3};
    CHECK_FAILS(tr, igo_transition_add_year(tr, 2029, 0.5, model), IGO_ERROR_VALUE,
                "2029: years must follow each other, after 2029");
    CHECK_FAILS(tr, igo_transition_add_year(tr, 2030, 1.5, model), IGO_ERROR_VALUE,
                "2030", "150 % is outside 0-100 %");
    model[1] = -5;
    CHECK_FAILS(tr, igo_transition_add_year(tr, 2030, 0.5, model), IGO_ERROR_VALUE,
                "2030: a model income of EUR -0.05 is negative");
    CHECK_FAILS(tr, igo_transition_set_provider(tr, 1, "B", -100), IGO_ERROR_VALUE,
                "B: historical income of EUR -1.00 is negative");
    CHECK_FAILS(tr, igo_transition_set_provider(tr, 3, "D", 100), IGO_ERROR_ARGUMENT,
                "provider 3 does not exist");
    CHECK_FAILS(tr, igo_transition_set_limits(tr, 0.2, 2), IGO_ERROR_VALUE,
                "maximum increase", "200 % is outside 0-100 %");
    /* A guarantee above the cap; then floors that need more than the pot. */
    CHECK(igo_transition_set_guarantee(tr, 2, 14000) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_INFEASIBLE,
                "2027: provider 'C' is guaranteed EUR 140.00, above its cap of EUR 130.00");
    CHECK(r == NULL);
    CHECK(igo_transition_set_limits(tr, 0.01, -1) == IGO_OK);
    CHECK(igo_transition_set_guarantee(tr, 0, 50000) == IGO_OK);
    /* Floors: A max(594.00, 500.00), B 297.00, C max(99.00, 140.00): 1031.00 for 1000.00. */
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_INFEASIBLE,
                "2027: the floors and guarantees need EUR 1031.00, the pot is EUR 1000.00: "
                "EUR 31.00 short");
    igo_transition_free(tr);
    /* Caps that allow less than the pot: nothing was paid in 2027 (an empty pot), so 2028's
     * bases, and with a maximum increase its caps, are 0. */
    tr = igo_transition_new(2);
    CHECK(igo_transition_set_provider(tr, 0, "A", 100) == IGO_OK);
    CHECK(igo_transition_set_provider(tr, 1, "B", 100) == IGO_OK);
    CHECK(igo_transition_set_limits(tr, -1, 0.1) == IGO_OK);
    CHECK(igo_transition_add_year(tr, 2027, 0, (int64_t[]){0, 0}) == IGO_OK);
    CHECK(igo_transition_add_year(tr, 2028, 0, (int64_t[]){100, 200}) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_INFEASIBLE,
                "2028: the caps allow EUR 0.00, the pot is EUR 3.00: EUR 3.00 left over");
    igo_transition_free(tr);
    /* Duplicate ids, a missing provider, no history to match. */
    tr = igo_transition_new(2);
    CHECK(igo_transition_set_provider(tr, 0, "A", 0) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_ARGUMENT,
                "a transition needs a year at least");
    CHECK(igo_transition_add_year(tr, 2027, 0.25, (int64_t[]){100, 200}) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_ARGUMENT, "provider 1 has no id");
    CHECK(igo_transition_set_provider(tr, 1, "A", 0) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_DUPLICATE,
                "provider 'A' is given twice");
    CHECK(igo_transition_set_provider(tr, 1, "B", 0) == IGO_OK);
    CHECK_FAILS(tr, igo_transition_compute(tr, &r), IGO_ERROR_VALUE,
                "2027: 25 % is still matched to history, but the historical incomes sum to 0");
    igo_transition_free(tr);
}
