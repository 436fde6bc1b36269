/* igo_distribute on small regions whose every cent is worked out by hand in the comments. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "random_region.h"
#include "tests.h"

/* Two prestaties A and B, disciplines x and y, providers x1 and x2 (x) and y1 (y). */
void test_distribute_hand_computed(igo_t *t)
{
    igo_model *m = hand_model(t);
    igo_result *r = NULL;
    CHECK_OK(m, igo_distribute(m, &r));
    if (!r) {
        igo_model_free(m);
        return;
    }
    const int64_t *I = igo_result_prestatie(r, IGO_COLUMN_INCOME);
    const int64_t *H = igo_result_prestatie(r, IGO_COLUMN_COSTS);
    const int64_t *O = igo_result_prestatie(r, IGO_COLUMN_OUTSIDE);
    const int64_t *D = igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE);
    /* I_A = 10 x 100 = 1000.00. I_B = 3 x 333.335 = 1000.005, whose double is 1000.00499...;
     * the spreadsheet rounds it to 1000.01. I = 2000.01. */
    CHECK_I64(I[0], 100000);
    CHECK_I64(I[1], 100001);
    CHECK_I64(igo_result_income(r), 200001);
    /* Costs: 100.00 + ROUND(1 % x 2000.01) = 100.00 + 20.00 = 120.00, pro rata income:
     * A gets ROUND(120 x 1000 / 2000.01) = ROUND(59.9997) = 60.00, B (largest income) the rest. */
    CHECK_I64(igo_result_cost(r, IGO_COST_BEHEERSKOSTEN), 10000);
    CHECK_I64(igo_result_cost(r, IGO_COST_INNOVATIE_KWALITEIT), 2000);
    CHECK_I64(igo_result_cost(r, IGO_COST_OVERIG), 0);
    CHECK_I64(H[0], 6000);
    CHECK_I64(H[1], 6000);
    /* Outside: 2 x 25 = 50.00, all on A. */
    CHECK_I64(O[0], 5000);
    CHECK_I64(O[1], 0);
    CHECK_I64(igo_result_outside_total(r), 5000);
    CHECK_I64(igo_result_outside_parts(r)[0], 5000);
    /* D_A = 1000 - 60 - 50 = 890.00; D_B = 1000.01 - 60 = 940.01. */
    CHECK_I64(D[0], 89000);
    CHECK_I64(D[1], 94001);
    /* A: y = ROUND(890 x 0.4) = 356.00, x (largest key) = 534.00.
     * B: keys tie, so x is the largest; y = ROUND(940.01 x 0.5 = 470.005) = 470.01, x = 470.00. */
    const int64_t *A = igo_result_disciplines(r);
    CHECK_I64(A[0 * 2 + 0], 53400);
    CHECK_I64(A[0 * 2 + 1], 35600);
    CHECK_I64(A[1 * 2 + 0], 47000);
    CHECK_I64(A[1 * 2 + 1], 47001);
    /* Providers. A/x: x2 = ROUND(534 x 1/4) = 133.50, x1 (volume 3) = 400.50.
     * B/x: volumes tie, x1 first: x2 = 235.00, x1 = 235.00. y1 takes all of y. */
    const int64_t *P = igo_result_providers(r);
    CHECK_I64(P[0 * 3 + 0], 40050);
    CHECK_I64(P[0 * 3 + 1], 13350);
    CHECK_I64(P[0 * 3 + 2], 35600);
    CHECK_I64(P[1 * 3 + 0], 23500);
    CHECK_I64(P[1 * 3 + 1], 23500);
    CHECK_I64(P[1 * 3 + 2], 47001);
    const int64_t *T = igo_result_provider_totals(r);
    CHECK_I64(T[0], 63550);
    CHECK_I64(T[1], 36850);
    CHECK_I64(T[2], 82601);
    CHECK_I64(igo_result_discipline_totals(r)[0], 100400);
    CHECK_I64(igo_result_discipline_totals(r)[1], 82601);
    /* The reconciliation: 2000.01 = 120.00 + 50.00 + 1830.01. */
    CHECK_I64(igo_result_distributed(r), 183001);
    CHECK_I64(igo_result_costs_total(r) + igo_result_outside_total(r) + T[0] + T[1] + T[2],
              igo_result_income(r));
    CHECK(igo_result_keys(r)[1] == 0.4);
    igo_result_free(r);
    igo_model_free(m);
}

void test_distribute_history_keys(igo_t *t)
{
    igo_model *m = igo_model_new();
    CHECK_OK(m, igo_model_add_prestatie(m, "A", NULL, NULL, NULL));
    CHECK_OK(m, igo_model_add_discipline(m, "x", NULL));
    CHECK_OK(m, igo_model_add_discipline(m, "y", NULL));
    CHECK_OK(m, igo_model_add_provider(m, "x1", NULL, "x"));
    CHECK_OK(m, igo_model_add_provider(m, "y1", NULL, "y"));
    CHECK_OK(m, igo_model_set_production(m, "A", 4, 250));
    /* x claimed 10 x 75 = 750; y claimed 1 x 100 + 3 x 50 = 250: keys 75 % and 25 %. */
    CHECK_OK(m, igo_model_add_history(m, "1101", "x", "A", 10, 75));
    CHECK_OK(m, igo_model_add_history(m, "190032", "y", "A", 1, 100));
    CHECK_OK(m, igo_model_add_history(m, "190033", "y", "A", 3, 50));
    CHECK_OK(m, igo_model_set_volume(m, "A", "x1", 1));
    CHECK_OK(m, igo_model_set_volume(m, "A", "y1", 1));
    igo_result *r = NULL;
    CHECK_OK(m, igo_distribute(m, &r));
    if (r) {
        CHECK(igo_result_keys(r)[0] == 0.75 && igo_result_keys(r)[1] == 0.25);
        CHECK_I64(igo_result_provider_totals(r)[0], 75000);
        CHECK_I64(igo_result_provider_totals(r)[1], 25000);
        igo_result_free(r);
    }
    /* A direct key for the same prestatie conflicts with its history. */
    CHECK_OK(m, igo_model_set_key(m, "A", "x", 1));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_KEY_CONFLICT, "prestatie A",
                "3 history lines");
    CHECK(r == NULL);
    igo_model_free(m);
}

void test_distribute_normalised_keys(igo_t *t)
{
    igo_model *m = hand_model(t);
    CHECK_OK(m, igo_model_set_key(m, "A", "x", 0.375));
    CHECK_OK(m, igo_model_set_key(m, "A", "y", 0.125));
    igo_result *r = NULL;
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_KEY_SUM, "prestatie A", "sums to 50 %",
                "x 37.5 %", "y 12.5 %");
    CHECK_OK(m, igo_model_set_normalise_keys(m, 1));
    CHECK_OK(m, igo_distribute(m, &r));
    if (r) {
        CHECK(igo_result_keys(r)[0] == 0.75);
        CHECK(igo_result_keys(r)[1] == 0.25);
        /* D_A = 890.00: y = ROUND(890 x 0.25) = 222.50, x = 667.50. */
        CHECK_I64(igo_result_disciplines(r)[1], 22250);
        CHECK_I64(igo_result_disciplines(r)[0], 66750);
        igo_result_free(r);
    }
    igo_model_free(m);
}

void test_distribute_errors(igo_t *t)
{
    igo_result *r = NULL;
    igo_model *m = hand_model(t);
    /* Costs and outside activities beyond a prestatie's income. */
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_AMOUNT, 1900));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_NEGATIVE_DISTRIBUTABLE, "prestatie A",
                "exceed its income EUR 1000.00");
    CHECK(r == NULL);
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_AMOUNT, 0));
    /* Money for y in B, but y1 has no volume there any more. */
    CHECK_OK(m, igo_model_set_volume(m, "B", "y1", 0));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_NO_VOLUME, "prestatie B",
                "EUR 470.01 for discipline 'y'", "no y provider has volume in B");
    CHECK_OK(m, igo_model_set_volume(m, "B", "y1", 2));
    /* A key that does not sum to 100 %. */
    CHECK_OK(m, igo_model_set_key(m, "B", "y", 0.45));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_KEY_SUM, "prestatie B", "95 %");
    CHECK_OK(m, igo_model_set_key(m, "B", "y", 0.5));
    CHECK_OK(m, igo_distribute(m, &r));
    igo_result_free(r);
    igo_model_free(m);

    /* No key at all for a prestatie with money. */
    m = igo_model_new();
    CHECK_OK(m, igo_model_add_prestatie(m, "A", NULL, NULL, NULL));
    CHECK_OK(m, igo_model_add_discipline(m, "x", NULL));
    CHECK_OK(m, igo_model_set_production(m, "A", 1, 10));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_KEY_MISSING, "prestatie A",
                "EUR 10.00 to distribute but no verdeelsleutel");
    /* History lines whose money is all zero give no key: the message says so. */
    CHECK_OK(m, igo_model_add_history(m, "1101", "x", "A", 0, 598.35));
    CHECK_OK(m, igo_model_add_history(m, "1102", "x", "A", 12, 0));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_KEY_MISSING, "prestatie A",
                "its 2 history lines have no money (count x tariff is 0 on each)");
    /* Costs with no income to carry them. */
    CHECK_OK(m, igo_model_set_production(m, "A", 0, 10));
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_AMOUNT, 5));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_NO_INCOME, "IGO costs of EUR 5.00");
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_AMOUNT, 0));
    /* An outside activity whose targets have no income. */
    const char *targets[] = {"A"};
    CHECK_OK(m, igo_model_add_outside(m, "Geboortecentrum", 2, 300, targets, 1));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_NO_INCOME,
                "outside activity 'Geboortecentrum'", "EUR 600.00");
    /* Income beyond the exact-cents limit. */
    CHECK_OK(m, igo_model_set_production(m, "A", 1e8, 1e6));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_TOO_LARGE, "prestatie A");
    CHECK(igo_distribute(m, NULL) == IGO_ERROR_ARGUMENT);
    CHECK(igo_distribute(NULL, &r) == IGO_ERROR_ARGUMENT);
    igo_model_free(m);

    /* An empty model. */
    m = igo_model_new();
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_ARGUMENT, "no prestaties");
    igo_model_free(m);
}

/* The IGO costs given per prestatie instead of pro rata: the hand model's costs are 120.00
 * (100.00 + 1 % of 2000.01); given as A 20.00 and B 100.00, D_A = 1000 - 20 - 50 = 930.00 and
 * D_B = 1000.01 - 100 = 900.01, and the providers' money follows from those. Refused: parts
 * that do not sum to 120.00 (naming both sums), a part above its prestatie's income. */
void test_distribute_costs_per_prestatie(igo_t *t)
{
    igo_model *m = hand_model(t);
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "A", 20));
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "B", 100));
    double eur;
    CHECK(igo_model_prestatie_costs(m, 0, &eur) == 1 && eur == 20);
    igo_result *r = NULL;
    CHECK_OK(m, igo_distribute(m, &r));
    if (r) {
        const int64_t *H = igo_result_prestatie(r, IGO_COLUMN_COSTS);
        const int64_t *D = igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE);
        CHECK_I64(H[0], 2000);
        CHECK_I64(H[1], 10000);
        CHECK_I64(igo_result_costs_total(r), 12000);
        CHECK_I64(D[0], 93000);
        CHECK_I64(D[1], 90001);
        /* A/x: 60 % of 930.00 = 558.00; A/y: 372.00. */
        CHECK_I64(igo_result_disciplines(r)[0], 55800);
        CHECK_I64(igo_result_disciplines(r)[1], 37200);
        int64_t sum = igo_result_costs_total(r) + igo_result_outside_total(r);
        for (size_t o = 0; o < 3; o++)
            sum += igo_result_provider_totals(r)[o];
        CHECK_I64(sum, igo_result_income(r));
    }
    igo_result_free(r);
    r = NULL;
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "B", 99.99));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_VALUE,
                "the IGO costs per prestatie sum to EUR 119.99, the cost components to EUR "
                "120.00");
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "A", 1000.01));
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "B", 0));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_VALUE,
                "prestatie A: IGO costs of EUR 1000.01 exceed its income of EUR 1000.00");
    CHECK_FAILS(m, igo_model_set_prestatie_costs(m, "C", 1), IGO_ERROR_UNKNOWN, "C");
    CHECK_FAILS(m, igo_model_set_prestatie_costs(m, "A", -1), IGO_ERROR_VALUE, "negative");
    /* The workbook holds them, and reads them back. */
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "A", 20));
    CHECK_OK(m, igo_model_set_prestatie_costs(m, "B", 100));
    char dir[] = "/tmp/igo-costs-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/kosten.xlsx", dir);
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    igo_model *back = igo_model_new();
    CHECK_OK(back, igo_workbook_read(back, path, NULL));
    CHECK(igo_model_prestatie_costs(back, 0, &eur) == 1 && eur == 20);
    CHECK(igo_model_prestatie_costs(back, 1, &eur) == 1 && eur == 100);
    igo_model_free(back);
    remove(path);
    rmdir(dir);
    /* Back to pro rata: the hand model's own figures. */
    igo_model_clear_prestatie_costs(m);
    CHECK(igo_model_prestatie_costs(m, 0, &eur) == 0 && eur == 0);
    CHECK_OK(m, igo_distribute(m, &r));
    if (r)
        CHECK_I64(igo_result_prestatie(r, IGO_COLUMN_COSTS)[0], 6000);
    igo_result_free(r);
    igo_model_free(m);
}

/* Fixed parts. In the hand model discipline x has A 534.00 and B 470.00 (1004.00); volumes
 * A x1 3, x2 1; B x1 1, x2 1. x1 gets 100.00; x2 50.00 needing volume 5 (it has 2) and losing
 * 40 % below it: 30.00. Charged in turn, pro rata to what is left of x's money: x1 A
 * ROUND(100 x 534 / 1004 = 53.187) = 53.19, B ROUND(46.813) = 46.81; then x2 of A 480.81 and
 * B 423.19: A ROUND(30 x 480.81 / 904 = 15.956) = 15.96, B ROUND(14.044) = 14.04. Left:
 * A 534 - 53.19 - 15.96 = 464.85, B 470 - 46.81 - 14.04 = 409.15. By volume: A 3:1, x2
 * ROUND(116.2125) = 116.21 and x1 the rest 348.64; B 1:1, each ROUND(204.575) = 204.58, x1
 * (the first of the tie) the rest 204.57. So x1: A 53.19 + 348.64 = 401.83, B 46.81 + 204.57 =
 * 251.38, total 653.21; x2: A 15.96 + 116.21 = 132.17, B 14.04 + 204.58 = 218.62, total
 * 350.79; y1 keeps its own. */
void test_distribute_fixed_parts(igo_t *t)
{
    igo_model *m = hand_model(t);
    igo_result *plain = NULL, *r = NULL;
    CHECK_OK(m, igo_distribute(m, &plain));
    CHECK_OK(m, igo_model_set_fixed_part(m, "x1", 100, 0, 0));
    CHECK_OK(m, igo_model_set_fixed_part(m, "x2", 50, 5, 0.4));
    double eur, min, red;
    CHECK(igo_model_fixed_part(m, 1, &eur, &min, &red) == 1 && eur == 50 && min == 5 &&
          red == 0.4);
    CHECK_OK(m, igo_distribute(m, &r));
    if (r && plain) {
        const int64_t *tot = igo_result_provider_totals(r), *was = igo_result_provider_totals(plain);
        const int64_t *A = igo_result_providers(r); /* prestatie x provider */
        CHECK_I64(A[0 * 3 + 0], 40183);
        CHECK_I64(A[0 * 3 + 1], 13217);
        CHECK_I64(A[1 * 3 + 0], 25138);
        CHECK_I64(A[1 * 3 + 1], 21862);
        CHECK_I64(tot[0], 65321);
        CHECK_I64(tot[1], 35079);
        CHECK_I64(tot[2], was[2]);
        CHECK_I64(tot[0] + tot[1], was[0] + was[1]); /* x's money, all of it */
        /* The fixed parts alone: x1's 100.00, x2's 50.00 less 40 % (its volume 2 < 5). */
        const int64_t *F = igo_result_fixed_parts(r);
        CHECK_I64(F[0 * 3 + 0] + F[1 * 3 + 0], 10000);
        CHECK_I64(F[0 * 3 + 1] + F[1 * 3 + 1], 3000);
        CHECK_I64(F[0 * 3 + 2] + F[1 * 3 + 2], 0);
    }
    igo_result_free(r), igo_result_free(plain);
    r = NULL;
    /* More fixed than the discipline's money. */
    CHECK_OK(m, igo_model_set_fixed_part(m, "x1", 2000, 0, 0));
    CHECK_FAILS(m, igo_distribute(m, &r), IGO_ERROR_VALUE,
                "discipline 'x': its providers' fixed parts of EUR 2030.00 exceed its money of "
                "EUR 1004.00");
    CHECK_FAILS(m, igo_model_set_fixed_part(m, "x1", 10, 0, 1.5), IGO_ERROR_VALUE, "reduction");
    CHECK_FAILS(m, igo_model_set_fixed_part(m, "zz", 10, 0, 0), IGO_ERROR_UNKNOWN, "zz");
    /* Taken away: the plain figures again. */
    CHECK_OK(m, igo_model_set_fixed_part(m, "x1", 0, 0, 0));
    CHECK_OK(m, igo_model_set_fixed_part(m, "x2", 0, 0, 0));
    CHECK(igo_model_fixed_part(m, 1, &eur, NULL, NULL) == 0 && eur == 0);
    igo_model_free(m);
}

/* Fixed parts near the edges: a discipline with EUR 1,000,000.00 in one prestatie and 0.02 in
 * the other, and three providers with 260,000.00 each (78 % of its money): charged in turn pro
 * rata to what is left, no prestatie is overdrawn by a provider's rounding. And x1's minimum
 * volume of 0.8 met by volumes of 0.1 and 0.7 (0.7999999999999999 in floating point). */
void test_distribute_fixed_parts_edges(igo_t *t)
{
    igo_model *m = igo_model_new();
    CHECK_OK(m, igo_model_add_prestatie(m, "A", NULL, NULL, NULL));
    CHECK_OK(m, igo_model_add_prestatie(m, "B", NULL, NULL, NULL));
    CHECK_OK(m, igo_model_add_discipline(m, "x", NULL));
    CHECK_OK(m, igo_model_set_production(m, "A", 1, 1000000));
    CHECK_OK(m, igo_model_set_production(m, "B", 1, 0.02));
    const char *ids[] = {"x1", "x2", "x3"};
    for (int i = 0; i < 3; i++) {
        CHECK_OK(m, igo_model_add_provider(m, ids[i], NULL, "x"));
        CHECK_OK(m, igo_model_set_volume(m, "A", ids[i], i == 0 ? 0.1 : 1));
        CHECK_OK(m, igo_model_set_volume(m, "B", ids[i], i == 0 ? 0.7 : 1));
        CHECK_OK(m, igo_model_set_fixed_part(m, ids[i], 260000, i == 0 ? 0.8 : 0, 0.5));
    }
    CHECK_OK(m, igo_model_set_key(m, "A", "x", 1));
    CHECK_OK(m, igo_model_set_key(m, "B", "x", 1));
    igo_result *r = NULL;
    CHECK_OK(m, igo_distribute(m, &r));
    if (r) {
        const int64_t *tot = igo_result_provider_totals(r);
        CHECK_I64(tot[0] + tot[1] + tot[2], 100000002);
        /* Each keeps its whole fixed part (x1's minimum met), and the 220,000.02 left goes by
         * volume: x1 0.1 of 2.1 in A, so at least 260,000 + 10,476 for it. */
        CHECK(tot[0] >= 26000000 + 1047600);
        CHECK(tot[1] >= 26000000 + 10476190 && tot[2] >= 26000000 + 10476190);
    }
    igo_result_free(r);
    igo_model_free(m);
}

/* Random regions with fixed parts (a fifth of some providers' plain income, some conditioned)
 * written as a workbook and read back: the same parts and the same distribution. */
void test_workbook_fixed_round_trip(igo_t *t)
{
    char dir[] = "/tmp/igo-fixed-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/vast.xlsx", dir);
    igo_rng r = {41};
    int written = 0;
    for (int i = 0; i < 8 && !t->failures; i++) {
        igo_model *a = random_distributable_region(&r), *b = igo_model_new();
        igo_result *plain = NULL, *ra = NULL, *rb = NULL;
        CHECK_OK(a, igo_distribute(a, &plain));
        size_t O = igo_model_provider_count(a);
        for (size_t o = 0; plain && o < O; o++)
            if (rng_below(&r, 3) != 0)
                igo_model_set_fixed_part(a, igo_model_provider_id(a, o),
                                         igo_eur(igo_result_provider_totals(plain)[o]) / 5,
                                         (double)rng_below(&r, 3) * 100, 0.25);
        if (igo_distribute(a, &ra) == IGO_OK) {
            CHECK_OK(a, igo_workbook_write(a, path, NULL));
            CHECK_OK(b, igo_workbook_read(b, path, NULL));
            CHECK_OK(b, igo_distribute(b, &rb));
            for (size_t o = 0; rb && o < O; o++) {
                double ea, eb, ma, mb, da, db;
                CHECK(igo_model_fixed_part(a, o, &ea, &ma, &da) ==
                      igo_model_fixed_part(b, o, &eb, &mb, &db));
                CHECK(ea == eb && ma == mb && da == db);
                CHECK_I64(igo_result_provider_totals(rb)[o], igo_result_provider_totals(ra)[o]);
            }
            written++;
        }
        igo_result_free(plain), igo_result_free(ra), igo_result_free(rb);
        igo_model_free(a), igo_model_free(b);
    }
    CHECK(written >= 5);
    remove(path);
    rmdir(dir);
}
