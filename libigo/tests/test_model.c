/* Building a model: each bad input is refused at once with a message that names it. */
#include <math.h>

#include "../src/internal.h"
#include "tests.h"

static igo_model *small_model(igo_t *t)
{
    igo_model *m = igo_model_new();
    CHECK(m != NULL);
    CHECK_OK(m, igo_model_add_default_catalogue(m));
    CHECK_OK(m, igo_model_add_default_disciplines(m));
    CHECK_OK(m, igo_model_add_provider(m, "vp1", "Praktijk Een", "verloskunde"));
    return m;
}

void test_model_setter_errors(igo_t *t)
{
    igo_model *m = small_model(t);
    CHECK(igo_model_prestatie_count(m) == 9 && igo_model_discipline_count(m) == 3);
    const char *targets[] = {"IG1", "IG99"};
    const char *twice[] = {"IG1", "IG1"};

    CHECK_FAILS(m, igo_model_add_prestatie(m, "IG1", "x", "prenataal", "vrouw"),
                IGO_ERROR_DUPLICATE, "duplicate prestatie 'IG1'");
    CHECK_FAILS(m, igo_model_add_prestatie(m, "", "x", NULL, NULL), IGO_ERROR_ARGUMENT,
                "prestatie id is empty");
    CHECK_FAILS(m, igo_model_add_discipline(m, "kraamzorg", NULL), IGO_ERROR_DUPLICATE,
                "duplicate discipline 'kraamzorg'");
    CHECK_FAILS(m, igo_model_add_provider(m, "vp1", "Again", "verloskunde"),
                IGO_ERROR_DUPLICATE, "duplicate provider 'vp1'");
    CHECK_FAILS(m, igo_model_add_provider(m, "zz", "Zorg", "fysiotherapie"), IGO_ERROR_UNKNOWN,
                "provider 'zz'", "unknown discipline 'fysiotherapie'");
    CHECK_FAILS(m, igo_model_set_production(m, "IG10", 1, 1), IGO_ERROR_UNKNOWN,
                "unknown prestatie 'IG10'");
    CHECK_FAILS(m, igo_model_set_production(m, "IG3", -5, 100), IGO_ERROR_VALUE,
                "prestatie IG3", "count -5 is negative");
    CHECK_FAILS(m, igo_model_set_production(m, "IG3", 5, NAN), IGO_ERROR_VALUE, "prestatie IG3",
                "tariff is not a number");
    CHECK_FAILS(m, igo_model_set_production(m, "IG3", INFINITY, 1), IGO_ERROR_VALUE,
                "count is infinite");
    CHECK_FAILS(m, igo_model_set_production(m, "IG3", 1e13, 1), IGO_ERROR_TOO_LARGE,
                "prestatie IG3", "exceeds the limit");
    CHECK_FAILS(m, igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_AMOUNT, -1), IGO_ERROR_VALUE,
                "overig", "negative");
    CHECK_FAILS(m, igo_model_set_cost(m, IGO_COST_BEHEERSKOSTEN, IGO_COST_SHARE, 1.5),
                IGO_ERROR_VALUE, "beheerskosten", "150 % is outside 0-100 %");
    CHECK_FAILS(m, igo_model_set_cost(m, (igo_cost)7, IGO_COST_SHARE, 0.1), IGO_ERROR_ARGUMENT,
                "cost component 7");
    CHECK_FAILS(m, igo_model_add_outside(m, "Echo", 10, 100, targets, 2), IGO_ERROR_UNKNOWN,
                "outside activity 'Echo'", "unknown prestatie 'IG99'");
    CHECK_FAILS(m, igo_model_add_outside(m, "Echo", 10, 100, twice, 2), IGO_ERROR_DUPLICATE,
                "outside activity 'Echo'", "IG1 given twice");
    CHECK_FAILS(m, igo_model_add_outside(m, "Echo", 10, 100, targets, 0), IGO_ERROR_ARGUMENT,
                "no target prestaties");
    CHECK_FAILS(m, igo_model_add_outside(m, "Echo", -10, 100, targets, 1), IGO_ERROR_VALUE,
                "outside activity 'Echo'", "count -10 is negative");
    CHECK_FAILS(m, igo_model_set_key(m, "IG2", "kraamzorg", 1.2), IGO_ERROR_VALUE,
                "prestatie IG2, discipline 'kraamzorg'", "outside 0-100 %");
    CHECK_FAILS(m, igo_model_set_key(m, "IG2", "echo", 0.2), IGO_ERROR_UNKNOWN,
                "verdeelsleutel of prestatie IG2", "unknown discipline 'echo'");
    CHECK_FAILS(m, igo_model_add_history(m, "1101", "verloskunde", "IG0", 1, 2),
                IGO_ERROR_UNKNOWN, "history line 1101", "unknown prestatie 'IG0'");
    CHECK_FAILS(m, igo_model_add_history(m, "1101", "verloskunde", "IG1", 1, -2),
                IGO_ERROR_VALUE, "history line 1101", "tariff -2 is negative");
    CHECK_FAILS(m, igo_model_set_volume(m, "IG1", "vp9", 3), IGO_ERROR_UNKNOWN,
                "volume of prestatie IG1", "unknown provider 'vp9'");
    CHECK_FAILS(m, igo_model_set_volume(m, "IG1", "vp1", -3), IGO_ERROR_VALUE,
                "prestatie IG1, provider 'vp1'", "volume -3 is negative");
    CHECK_FAILS(m, igo_model_set_volume(m, "IG1", NULL, 3), IGO_ERROR_ARGUMENT,
                "provider id is missing");
    CHECK_FAILS(m, igo_model_set_volume(m, "IG1", "", 3), IGO_ERROR_ARGUMENT,
                "provider id is empty");
    CHECK(igo_model_set_name(NULL, "x") == IGO_ERROR_ARGUMENT);
    CHECK(strcmp(igo_strerror(IGO_ERROR_KEY_SUM), "verdeelsleutel does not sum to 100 %") == 0);
    CHECK(strcmp(igo_error_name(IGO_ERROR_NO_VOLUME), "IGO_ERROR_NO_VOLUME") == 0);
    CHECK(strcmp(igo_strerror((igo_error)999), "unknown error code") == 0);
    igo_model_free(m);
}

void test_model_unchanged_after_error(igo_t *t)
{
    igo_model *m = small_model(t);
    const char *targets[] = {"IG1", "nope"};
    igo_model_add_provider(m, "x", "X", "nope");
    igo_model_add_outside(m, "Echo", 1, 1, targets, 2);
    igo_model_add_prestatie(m, "IG1", NULL, NULL, NULL);
    CHECK(igo_model_provider_count(m) == 1);
    CHECK(igo_model_outside_count(m) == 0);
    CHECK(igo_model_prestatie_count(m) == 9);
    CHECK(m->targets.n == 0);
    /* A refused production leaves the earlier one in place. */
    CHECK_OK(m, igo_model_set_production(m, "IG1", 10, 99.5));
    igo_model_set_production(m, "IG1", 10, -1);
    CHECK(m->prestaties.v[0].count == 10 && m->prestaties.v[0].tariff == 99.5);
    /* Lookups keep working across many ids (the index grows). */
    char id[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "kz%d", i);
        CHECK_OK(m, igo_model_add_provider(m, id, NULL, "kraamzorg"));
    }
    CHECK(igo_model_provider_count(m) == 5001);
    CHECK(strcmp(igo_model_provider_id(m, 4000), "kz3999") == 0);
    CHECK_OK(m, igo_model_set_volume(m, "IG9", "kz4321", 12));
    CHECK(igo_model_provider_discipline(m, 4322) == 2);
    igo_model_free(m);
}
