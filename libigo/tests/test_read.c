/* Reading the model workbook back: write -> read gives the same model (every input) and the
 * same distribution to the cent, for random regions in both languages; refusals name the cell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "random_region.h"
#include "tests.h"

static int same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The effective value of each (row, col) cell of keys or volumes, dense. */
static double *dense(const igo_model *m, int volumes, size_t cols)
{
    size_t n = m->prestaties.n * cols;
    double *v = calloc(n + 1, sizeof *v);
    const igoi_cell *cells = volumes ? m->volumes.v : m->keys.v;
    size_t count = volumes ? m->volumes.n : m->keys.n;
    for (size_t i = 0; v && i < count; i++)
        v[cells[i].row * cols + cells[i].col] = cells[i].value + 1; /* 0: not given */
    return v;
}

static void same_cells(igo_t *t, const igo_model *a, const igo_model *b, int volumes)
{
    size_t cols = volumes ? a->providers.n : a->disciplines.n;
    double *x = dense(a, volumes, cols), *y = dense(b, volumes, cols);
    CHECK(x && y && memcmp(x, y, a->prestaties.n * cols * sizeof *x) == 0);
    free(x), free(y);
}

static void same_catalogue(igo_t *t, const igo_model *a, const igo_model *b)
{
    CHECK(same_text(a->name, b->name));
    CHECK(a->prestaties.n == b->prestaties.n && a->disciplines.n == b->disciplines.n);
    for (size_t p = 0; p < a->prestaties.n && p < b->prestaties.n; p++) {
        const igo_prestatie *x = &a->prestaties.v[p], *y = &b->prestaties.v[p];
        CHECK(same_text(x->code, y->code) && same_text(x->label, y->label));
        CHECK(same_text(x->phase, y->phase) && same_text(x->unit, y->unit));
        CHECK(x->count == y->count && x->tariff == y->tariff && x->produced == y->produced);
    }
    for (size_t d = 0; d < a->disciplines.n && d < b->disciplines.n; d++)
        CHECK(same_text(a->disciplines.v[d].id, b->disciplines.v[d].id) &&
              same_text(a->disciplines.v[d].label, b->disciplines.v[d].label));
}

static void same_inputs(igo_t *t, const igo_model *a, const igo_model *b)
{
    CHECK(a->providers.n == b->providers.n && a->outside.n == b->outside.n);
    CHECK(a->history.n == b->history.n && a->normalise_keys == b->normalise_keys);
    if (t->failures)
        return;
    for (size_t o = 0; o < a->providers.n; o++)
        CHECK(same_text(a->providers.v[o].id, b->providers.v[o].id) &&
              same_text(a->providers.v[o].name, b->providers.v[o].name) &&
              a->providers.v[o].discipline == b->providers.v[o].discipline);
    for (size_t l = 0; l < a->outside.n; l++) {
        const igo_outside *x = &a->outside.v[l], *y = &b->outside.v[l];
        CHECK(same_text(x->label, y->label) && x->count == y->count && x->tariff == y->tariff);
        CHECK(x->ntargets == y->ntargets);
        for (size_t i = 0; i < x->ntargets && x->ntargets == y->ntargets; i++)
            CHECK(a->targets.v[x->first_target + i] == b->targets.v[y->first_target + i]);
    }
    for (size_t h = 0; h < a->history.n; h++) {
        const igo_history *x = &a->history.v[h], *y = &b->history.v[h];
        CHECK(same_text(x->code, y->code) && x->discipline == y->discipline &&
              x->prestatie == y->prestatie && x->count == y->count && x->tariff == y->tariff);
    }
    for (int k = 0; k < IGO_COST_COUNT; k++)
        CHECK(a->cost_mode[k] == b->cost_mode[k] && a->cost_value[k] == b->cost_value[k] &&
              a->cost_set[k] == b->cost_set[k]);
    for (int i = 0; i < IGO_REGIO_COUNT; i++)
        CHECK(a->regio[i] == b->regio[i] && a->regio_set[i] == b->regio_set[i]);
    CHECK(a->reasons.n == b->reasons.n);
    for (size_t i = 0; i < a->reasons.n && i < b->reasons.n; i++)
        CHECK(same_text(a->reasons.v[i].reason, b->reasons.v[i].reason) &&
              a->reasons.v[i].count == b->reasons.v[i].count);
    same_cells(t, a, b, 0);
    same_cells(t, a, b, 1);
}

static void same_distribution(igo_t *t, igo_model *a, igo_model *b)
{
    igo_result *x = NULL, *y = NULL;
    CHECK_OK(a, igo_distribute(a, &x));
    CHECK_OK(b, igo_distribute(b, &y));
    if (!x || !y) {
        igo_result_free(x), igo_result_free(y);
        return;
    }
    CHECK_I64(igo_result_income(y), igo_result_income(x));
    CHECK_I64(igo_result_costs_total(y), igo_result_costs_total(x));
    size_t n = igo_result_prestatie_count(x) * igo_result_provider_count(x);
    CHECK(memcmp(igo_result_providers(x), igo_result_providers(y), n * sizeof(int64_t)) == 0);
    igo_result_free(x), igo_result_free(y);
}

void test_workbook_read_round_trip(igo_t *t)
{
    char dir[] = "/tmp/igo-read-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/regio.xlsx", dir);
    igo_rng r = {20261130};
    for (int i = 0; i < 60 && !t->failures; i++) {
        igo_model *a = random_distributable_region(&r), *b = igo_model_new();
        igo_workbook_options options = {.lang = i % 2 ? IGO_LANG_EN : IGO_LANG_NL};
        igo_lang lang = IGO_LANG_EN + IGO_LANG_NL - options.lang;
        igo_model_set_name(a, i % 3 ? "Regio \xc3\xa9\xc3\xa9n" : NULL);
        CHECK_OK(a, igo_workbook_write(a, path, &options));
        CHECK_OK(b, igo_workbook_read(b, path, &lang));
        CHECK(lang == options.lang);
        same_catalogue(t, a, b);
        if (!t->failures)
            same_inputs(t, a, b);
        if (!t->failures)
            same_distribution(t, a, b);
        igo_model_free(a), igo_model_free(b);
    }
    remove(path);
    rmdir(dir);
}

void test_workbook_read_refusals(igo_t *t)
{
    char dir[] = "/tmp/igo-read-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/other.xlsx", dir);
    igo_model *m = igo_model_new();
    CHECK_FAILS(m, igo_workbook_read(m, path, NULL), IGO_ERROR_IO, "other.xlsx");
    /* A workbook, but not a model workbook. */
    lxw_workbook *book = workbook_new(path);
    worksheet_write_number(workbook_add_worksheet(book, "Blad1"), 0, 0, 1, NULL);
    CHECK(workbook_close(book) == LXW_NO_ERROR);
    CHECK_FAILS(m, igo_workbook_read(m, path, NULL), IGO_ERROR_VALUE, "other.xlsx",
                "no defined name 'Regio'");
    /* Only into an empty model. */
    igo_model *full = random_distributable_region(&(igo_rng){7});
    CHECK_FAILS(full, igo_workbook_read(full, path, NULL), IGO_ERROR_ARGUMENT, "empty model");
    CHECK_FAILS(m, igo_workbook_read(m, NULL, NULL), IGO_ERROR_ARGUMENT, "no file name");
    igo_model_free(full);
    igo_model_free(m);
    remove(path);
    rmdir(dir);
}
