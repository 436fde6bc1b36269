/* Reading a model back: every input as it was set (the last value of a cell), whether it was set
 * at all, and zeros and NULL out of range. */
#include "tests.h"

#define NONE ((size_t)-1)

/* A model with every kind of input, some set twice; no prestatie IG9 production, no overig. */
static igo_model *every_input(igo_t *t)
{
    igo_model *m = igo_model_new();
    CHECK(m != NULL);
    const char *targets[] = {"IG7", "IG2", "IG5"}; /* not in catalogue order */
    const char *one[] = {"X1"};
    CHECK_OK(m, igo_model_set_name(m, "Regio Noord"));
    CHECK_OK(m, igo_model_add_default_catalogue(m));
    CHECK_OK(m, igo_model_add_prestatie(m, "X1", "Extra", "natal", "uur"));
    CHECK_OK(m, igo_model_add_default_disciplines(m));
    CHECK_OK(m, igo_model_add_discipline(m, "echo", NULL));
    CHECK_OK(m, igo_model_add_provider(m, "vp1", "Praktijk Een", "verloskunde"));
    CHECK_OK(m, igo_model_add_provider(m, "zh1", NULL, "ziekenhuis"));
    CHECK_OK(m, igo_model_set_production(m, "IG1", 1200, 385.5));
    CHECK_OK(m, igo_model_set_production(m, "IG2", 0, 0)); /* given, though 0 */
    CHECK_OK(m, igo_model_set_production(m, "X1", 7, 1.25));
    CHECK_OK(m, igo_model_set_production(m, "X1", 8, 1.5));
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_BEHEERSKOSTEN, IGO_COST_AMOUNT, 0));
    CHECK_OK(m, igo_model_set_cost(m, IGO_COST_INNOVATIE_KWALITEIT, IGO_COST_SHARE, 0.015));
    CHECK_OK(m, igo_model_add_outside(m, "Echo's", 10, 45.25, targets, 3));
    CHECK_OK(m, igo_model_add_outside(m, "Extra uren", 2, 3, one, 1));
    CHECK_OK(m, igo_model_set_key(m, "IG1", "verloskunde", 0.5));
    CHECK_OK(m, igo_model_set_key(m, "IG1", "ziekenhuis", 0.5));
    CHECK_OK(m, igo_model_set_key(m, "IG1", "verloskunde", 0.25)); /* replaces 0.5 */
    CHECK_OK(m, igo_model_set_key(m, "IG1", "echo", 0));
    CHECK_OK(m, igo_model_add_history(m, "A101", "ziekenhuis", "IG4", 30, 100.5));
    CHECK_OK(m, igo_model_add_history(m, "A102", "echo", "IG4", 0, 12));
    CHECK_OK(m, igo_model_set_normalise_keys(m, 2));
    CHECK_OK(m, igo_model_set_volume(m, "IG1", "vp1", 3));
    CHECK_OK(m, igo_model_set_volume(m, "IG1", "zh1", 12.5));
    CHECK_OK(m, igo_model_set_volume(m, "IG1", "vp1", 1000)); /* replaces 3 */
    CHECK_OK(m, igo_model_set_volume(m, "X1", "zh1", 0));
    CHECK_OK(m, igo_model_set_regio(m, "partus_sectio", 301));
    CHECK_OK(m, igo_model_set_regio(m, "opnames_nicu", 0));
    CHECK_OK(m, igo_model_add_default_transfer_reasons(m));
    CHECK_OK(m, igo_model_set_transfer_reason(m, "inleiding", 12));
    CHECK_OK(m, igo_model_set_transfer_reason(m, "nieuw", 0.5));
    return m;
}

static void check_value(igo_t *t, int given, double value, int want_given, double want)
{
    CHECK(given == want_given);
    CHECK(value == want);
}

void test_model_read_back(igo_t *t)
{
    igo_model *m = every_input(t);
    double a, b;
    size_t d, p;
    igo_cost_mode mode;

    CHECK(igo_model_prestatie_count(m) == 10 && igo_model_discipline_count(m) == 4);
    CHECK(strcmp(igo_model_discipline_label(m, 3), "echo") == 0);
    CHECK(strcmp(igo_model_provider_name(m, 1), "zh1") == 0);
    CHECK(igo_model_provider_discipline(m, 1) == 1);

    CHECK(igo_model_production(m, 0, &a, &b) == 1 && a == 1200 && b == 385.5);
    CHECK(igo_model_production(m, 1, &a, &b) == 1 && a == 0 && b == 0);
    CHECK(igo_model_production(m, 8, &a, &b) == 0 && a == 0 && b == 0);
    CHECK(igo_model_production(m, 9, &a, &b) == 1 && a == 8 && b == 1.5);
    CHECK(igo_model_production(m, 10, &a, &b) == 0 && a == 0 && b == 0);

    CHECK(igo_model_cost(m, IGO_COST_BEHEERSKOSTEN, &mode, &a) == 1);
    CHECK(mode == IGO_COST_AMOUNT && a == 0);
    CHECK(igo_model_cost(m, IGO_COST_INNOVATIE_KWALITEIT, &mode, &a) == 1);
    CHECK(mode == IGO_COST_SHARE && a == 0.015);
    CHECK(igo_model_cost(m, IGO_COST_OVERIG, &mode, &a) == 0);
    CHECK(mode == IGO_COST_AMOUNT && a == 0);
    CHECK(igo_model_cost(m, IGO_COST_COUNT, &mode, &a) == 0 && a == 0);

    CHECK(igo_model_outside_count(m) == 2);
    CHECK(strcmp(igo_model_outside(m, 0, &a, &b), "Echo's") == 0 && a == 10 && b == 45.25);
    CHECK(igo_model_outside_target_count(m, 0) == 3);
    /* as listed, though the distribution takes them in catalogue order */
    CHECK(igo_model_outside_target(m, 0, 0) == 6 && igo_model_outside_target(m, 0, 1) == 1);
    CHECK(igo_model_outside_target(m, 0, 2) == 4 && igo_model_outside_target(m, 0, 3) == NONE);
    CHECK(igo_model_outside_target_count(m, 1) == 1 && igo_model_outside_target(m, 1, 0) == 9);
    CHECK(igo_model_outside(m, 2, &a, &b) == NULL && a == 0 && b == 0);
    CHECK(igo_model_outside_target_count(m, 2) == 0 && igo_model_outside_target(m, 2, 0) == NONE);

    int given = igo_model_key(m, 0, 0, &a);
    check_value(t, given, a, 1, 0.25);
    given = igo_model_key(m, 0, 1, &a);
    check_value(t, given, a, 1, 0.5);
    given = igo_model_key(m, 0, 2, &a);
    check_value(t, given, a, 0, 0);
    given = igo_model_key(m, 0, 3, &a);
    check_value(t, given, a, 1, 0);
    given = igo_model_key(m, 1, 0, &a);
    check_value(t, given, a, 0, 0);
    CHECK(igo_model_key(m, 0, 4, &a) == 0 && igo_model_key(m, 99, 0, NULL) == 0);

    given = igo_model_volume(m, 0, 0, &a);
    check_value(t, given, a, 1, 1000);
    given = igo_model_volume(m, 0, 1, &a);
    check_value(t, given, a, 1, 12.5);
    given = igo_model_volume(m, 9, 1, &a);
    check_value(t, given, a, 1, 0);
    given = igo_model_volume(m, 9, 0, &a);
    check_value(t, given, a, 0, 0);
    CHECK(igo_model_volume(m, 0, 2, NULL) == 0);

    /* The rows give what the cells give, every cell. */
    for (size_t p = 0; p < igo_model_prestatie_count(m); p++) {
        double values[16];
        unsigned char flags[16];
        size_t set = 0;
        CHECK(igo_model_discipline_count(m) <= 16 && igo_model_provider_count(m) <= 16);
        size_t keys = igo_model_key_row(m, p, values, flags);
        for (size_t d = 0; d < igo_model_discipline_count(m); d++) {
            int given = igo_model_key(m, p, d, &a);
            CHECK(flags[d] == given && values[d] == a);
            set += (size_t)given;
        }
        size_t volumes = igo_model_volume_row(m, p, values, flags);
        for (size_t o = 0; o < igo_model_provider_count(m); o++) {
            int given = igo_model_volume(m, p, o, &a);
            CHECK(flags[o] == given && values[o] == a);
            set += (size_t)given;
        }
        CHECK(keys + volumes == set);
    }
    CHECK(igo_model_key_row(m, 99, NULL, NULL) == 0);
    CHECK(igo_model_volume_row(NULL, 0, NULL, NULL) == 0);

    CHECK(igo_model_history_count(m) == 2);
    CHECK(strcmp(igo_model_history(m, 0, &d, &p, &a, &b), "A101") == 0);
    CHECK(d == 1 && p == 3 && a == 30 && b == 100.5);
    CHECK(strcmp(igo_model_history(m, 1, &d, &p, &a, &b), "A102") == 0);
    CHECK(d == 3 && p == 3 && a == 0 && b == 12);
    CHECK(igo_model_history(m, 2, &d, &p, &a, &b) == NULL);
    CHECK(d == NONE && p == NONE && a == 0 && b == 0);
    CHECK(igo_model_history(m, 0, NULL, NULL, NULL, NULL) != NULL);

    CHECK(igo_model_normalise_keys(m) == 1);

    size_t fields = 0;
    while (igo_regio_field(fields))
        fields++;
    for (size_t i = 0; i < fields; i++) {
        int set = igo_model_regio(m, i, &a);
        if (strcmp(igo_regio_field(i), "partus_sectio") == 0)
            check_value(t, set, a, 1, 301);
        else if (strcmp(igo_regio_field(i), "opnames_nicu") == 0)
            check_value(t, set, a, 1, 0);
        else
            check_value(t, set, a, 0, 0);
    }
    CHECK(igo_model_regio(m, fields, &a) == 0 && a == 0);

    CHECK(igo_model_transfer_reason_count(m) == 9);
    CHECK(strcmp(igo_model_transfer_reason(m, 0, &a), "pijnbestrijding") == 0 && a == 0);
    CHECK(strcmp(igo_model_transfer_reason(m, 1, &a), "inleiding") == 0 && a == 12);
    CHECK(strcmp(igo_model_transfer_reason(m, 8, &a), "nieuw") == 0 && a == 0.5);
    CHECK(igo_model_transfer_reason(m, 9, &a) == NULL && a == 0);

    /* numbers read back as the model keeps them: to 15 significant digits */
    CHECK_OK(m, igo_model_set_production(m, "IG3", 0.1 + 0.2, 1));
    CHECK(igo_model_production(m, 2, &a, NULL) == 1 && a == 0.3);
    igo_model_free(m);
}

void test_model_read_empty(igo_t *t)
{
    igo_model *m = igo_model_new();
    double a = -1;
    igo_cost_mode mode = IGO_COST_SHARE;
    CHECK(m != NULL);
    CHECK(igo_model_normalise_keys(m) == 0 && igo_model_history_count(m) == 0);
    CHECK(igo_model_transfer_reason_count(m) == 0);
    CHECK(igo_model_cost(m, IGO_COST_OVERIG, &mode, &a) == 0 && mode == IGO_COST_AMOUNT && a == 0);
    CHECK(igo_model_regio(m, 0, &a) == 0 && a == 0);
    CHECK(igo_model_production(m, 0, NULL, NULL) == 0 && igo_model_key(m, 0, 0, NULL) == 0);
    /* NULL model: "not given", zeros, NULL texts */
    CHECK(igo_model_production(NULL, 0, &a, NULL) == 0 && a == 0);
    CHECK(igo_model_cost(NULL, IGO_COST_OVERIG, NULL, NULL) == 0);
    CHECK(igo_model_outside(NULL, 0, NULL, NULL) == NULL);
    CHECK(igo_model_outside_target_count(NULL, 0) == 0);
    CHECK(igo_model_outside_target(NULL, 0, 0) == NONE);
    CHECK(igo_model_key(NULL, 0, 0, &a) == 0 && igo_model_volume(NULL, 0, 0, &a) == 0);
    CHECK(igo_model_history_count(NULL) == 0);
    CHECK(igo_model_history(NULL, 0, NULL, NULL, NULL, NULL) == NULL);
    CHECK(igo_model_normalise_keys(NULL) == 0 && igo_model_regio(NULL, 0, NULL) == 0);
    CHECK(igo_model_transfer_reason_count(NULL) == 0);
    CHECK(igo_model_transfer_reason(NULL, 0, &a) == NULL);
    igo_model_free(m);
}
