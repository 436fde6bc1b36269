/* The transition in the model workbook, from C: written with the model, read back into the same
 * inputs and figures; a transition the workbook cannot hold refused without a file. (That the
 * formulas give the core's cents is checked with LibreOffice and Gnumeric in
 * tests/test_transition_workbook.py.) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "random_region.h"
#include "tests.h"

int dir_entries(const char *dir); /* test_workbook.c */

igo_transition *transition_of(igo_model *m, igo_rng *r)
{
    igo_result *res = NULL;
    if (igo_distribute(m, &res) != IGO_OK)
        return NULL;
    size_t n = igo_result_provider_count(res);
    const int64_t *model = igo_result_provider_totals(res);
    igo_transition *tr = igo_transition_new(n);
    igo_error e = tr ? IGO_OK : IGO_ERROR_MEMORY;
    for (size_t o = 0; !e && o < n; o++) {
        int64_t history = (int64_t)((double)model[o] * (0.6 + 0.8 * rng_unit(r)));
        e = igo_transition_set_provider(tr, o, igo_model_provider_id(m, o), history);
        if (!e && o == 0)
            e = igo_transition_set_guarantee(tr, o, history * 9 / 10);
    }
    if (!e)
        e = igo_transition_set_limits(tr, 0.05, 0.08);
    for (int y = 0; !e && y < 3; y++)
        e = igo_transition_add_year(tr, 2027 + y, 1 - y * 0.5, model);
    igo_result_free(res);
    if (e) {
        igo_transition_free(tr);
        return NULL;
    }
    return tr;
}

static void same_transition(igo_t *t, const igo_transition *a, const igo_transition *b)
{
    CHECK(igo_transition_providers(a) == igo_transition_providers(b));
    CHECK(igo_transition_years(a) == igo_transition_years(b));
    for (size_t o = 0; !t->failures && o < igo_transition_providers(a); o++) {
        int64_t ha, hb, ga, gb;
        const char *ia = igo_transition_provider(a, o, &ha, &ga);
        const char *ib = igo_transition_provider(b, o, &hb, &gb);
        CHECK(ia && ib && strcmp(ia, ib) == 0);
        CHECK_I64(ha, hb);
        CHECK_I64(ga, gb);
    }
    double da, ua, db, ub;
    igo_transition_limits(a, &da, &ua);
    igo_transition_limits(b, &db, &ub);
    CHECK(da == db && ua == ub);
    for (size_t y = 0; !t->failures && y < igo_transition_years(a); y++) {
        double sa, sb;
        const int64_t *ma, *mb;
        CHECK(igo_transition_year(a, y, &sa, &ma) == igo_transition_year(b, y, &sb, &mb));
        CHECK(sa == sb);
        for (size_t o = 0; o < igo_transition_providers(a); o++)
            CHECK_I64(ma[o], mb[o]);
    }
}

void test_workbook_transition_round_trip(igo_t *t)
{
    char dir[] = "/tmp/igo-tr-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/overgang.xlsx", dir);
    igo_rng r = {2027};
    int written = 0;
    for (int i = 0; i < 8 && !t->failures; i++) {
        igo_model *a = random_distributable_region(&r), *b = igo_model_new();
        igo_transition *tr = transition_of(a, &r), *back = NULL;
        CHECK(tr != NULL);
        igo_workbook_options options = {.lang = i % 2 ? IGO_LANG_EN : IGO_LANG_NL,
                                        .transition = tr};
        igo_transition_result *computed = NULL;
        if (igo_transition_compute(tr, &computed) == IGO_OK) { /* (a few are infeasible) */
            CHECK_OK(a, igo_workbook_write(a, path, &options));
            written++;
            CHECK_OK(b, igo_workbook_read(b, path, NULL));
            CHECK_OK(b, igo_workbook_read_transition(b, path, &back));
            CHECK(back != NULL);
            if (back)
                same_transition(t, tr, back);
        } else {
            remove(path); /* (the last one's) */
            CHECK_FAILS(a, igo_workbook_write(a, path, &options), IGO_ERROR_INFEASIBLE,
                        "transition: ");
            CHECK(dir_entries(dir) == 0);
        }
        igo_transition_result_free(computed);
        igo_transition_free(tr), igo_transition_free(back);
        igo_model_free(a), igo_model_free(b);
    }
    CHECK(written >= 4);
    remove(path);
    rmdir(dir);
}

void test_workbook_transition_refusals(igo_t *t)
{
    char dir[] = "/tmp/igo-tr-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/overgang.xlsx", dir);
    igo_rng r = {7};
    igo_model *m = random_distributable_region(&r);
    size_t n = (size_t)igo_model_provider_count(m);
    int64_t *model = calloc(n + 1, sizeof *model);
    /* Other providers than the model's, in number or in order. */
    igo_transition *few = igo_transition_new(n + 1);
    igo_workbook_options options = {.transition = few};
    CHECK_FAILS(m, igo_workbook_write(m, path, &options), IGO_ERROR_ARGUMENT, "providers");
    igo_transition *tr = igo_transition_new(n);
    for (size_t o = 0; o < n; o++)
        igo_transition_set_provider(tr, o, igo_model_provider_id(m, n - 1 - o), 100);
    igo_transition_add_year(tr, 2027, 1, model);
    options.transition = tr;
    if (n > 1)
        CHECK_FAILS(m, igo_workbook_write(m, path, &options), IGO_ERROR_ARGUMENT,
                    "in the model's order");
    /* Model incomes other than the model's distribution. */
    for (size_t o = 0; o < n; o++)
        igo_transition_set_provider(tr, o, igo_model_provider_id(m, o), 100);
    CHECK_FAILS(m, igo_workbook_write(m, path, &options), IGO_ERROR_ARGUMENT,
                "one region for all years");
    /* A year a sheet cannot hold. */
    igo_transition *zero = igo_transition_new(n);
    for (size_t o = 0; o < n; o++)
        igo_transition_set_provider(zero, o, igo_model_provider_id(m, o), 100);
    igo_transition_add_year(zero, 0, 1, model);
    options.transition = zero;
    CHECK_FAILS(m, igo_workbook_write(m, path, &options), IGO_ERROR_ARGUMENT,
                "0: a workbook's years are 1 to 9999");
    igo_transition_free(zero);
    options.transition = tr;
    CHECK(dir_entries(dir) == 0);
    /* A workbook without a transition reads as none. */
    CHECK_OK(m, igo_workbook_write(m, path, NULL));
    igo_model *b = igo_model_new();
    igo_transition *none = tr;
    CHECK_OK(b, igo_workbook_read(b, path, NULL));
    CHECK_OK(b, igo_workbook_read_transition(b, path, &none));
    CHECK(none == NULL);
    CHECK(igo_workbook_read_transition(b, NULL, &none) == IGO_ERROR_ARGUMENT);
    CHECK(igo_workbook_read_transition(b, path, NULL) == IGO_ERROR_ARGUMENT);
    CHECK(igo_workbook_read_transition(NULL, path, &none) == IGO_ERROR_ARGUMENT);
    remove(path);
    rmdir(dir);
    igo_transition_free(few), igo_transition_free(tr);
    igo_model_free(m), igo_model_free(b);
    free(model);
}
