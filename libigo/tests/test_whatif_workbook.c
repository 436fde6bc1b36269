/* The model workbook's comparison sheet, Wat als: a baseline's figures matched to the model's
 * rows by id, and the options it is refused for. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "random_region.h"
#include "tests.h"

enum { WHATIF_SHEET = 9 }; /* after Kwaliteitsbonussen */

/* The row of the Wat als sheet whose id cell (column A, cached) is id, from row `from` on; the
 * table's row count when none. */
static size_t row_of(const igo_xlsx_table *tb, const char *id, size_t from)
{
    const uint8_t *types = igo_xlsx_table_types(tb, 0);
    const uint32_t *ids = igo_xlsx_table_string_ids(tb, 0);
    size_t rows = igo_xlsx_table_rows(tb);
    for (size_t r = from; r < rows; r++)
        if (types[r] == IGO_CELL_STRING && !strcmp(igo_xlsx_table_string(tb, ids[r], NULL), id))
            return r;
    return rows;
}

static int64_t cents_at(const igo_xlsx_table *tb, size_t column, size_t row)
{
    return (int64_t)llround(igo_xlsx_table_numbers(tb, column)[row] * 100);
}

/* The cents a result gives provider o: model income plus bonus. */
static int64_t received(const igo_result *r, size_t o)
{
    return igo_result_provider_totals(r)[o] + igo_result_bonuses(r)[o];
}

/* Each provider of the model and of the baseline has its row: before the baseline's cents (0
 * without), now the model's, the change the difference; the baseline's own marked. */
static void check_providers(igo_t *t, const igo_xlsx_table *tb, igo_model *m,
                            const igo_result *rm, igo_model *b, const igo_result *rb,
                            int *materials)
{
    size_t first = row_of(tb, igo_model_provider_id(m, 0), 0), extra = 0;
    for (size_t o = 0; o < igo_model_provider_count(m); o++) {
        const char *id = igo_model_provider_id(m, o);
        size_t r = row_of(tb, id, first), ob;
        CHECK(r == first + o);
        for (ob = 0; ob < igo_model_provider_count(b); ob++)
            if (!strcmp(igo_model_provider_id(b, ob), id))
                break;
        int64_t before = ob < igo_model_provider_count(b) ? received(rb, ob) : 0;
        int64_t change = received(rm, o) - before, size = llabs(change);
        CHECK(cents_at(tb, 2, r) == before);
        CHECK(cents_at(tb, 3, r) == received(rm, o));
        CHECK(cents_at(tb, 4, r) == change);
        /* material: at least EUR 250 and 2 % of before (or before 0) */
        int material = size >= 25000 && (!before || (double)size >= 0.02 * (double)before);
        const uint8_t *types = igo_xlsx_table_types(tb, 6);
        CHECK(material == (types[r] == IGO_CELL_STRING));
        *materials += material;
    }
    for (size_t ob = 0; ob < igo_model_provider_count(b); ob++) {
        const char *id = igo_model_provider_id(b, ob);
        if (row_of(tb, id, first) < first + igo_model_provider_count(m))
            continue;
        size_t r = row_of(tb, id, first);
        extra++;
        CHECK(r < igo_xlsx_table_rows(tb) && cents_at(tb, 2, r) == received(rb, ob));
        CHECK(cents_at(tb, 3, r) == 0 && cents_at(tb, 4, r) == -received(rb, ob));
        const char *name = igo_xlsx_table_string(tb, igo_xlsx_table_string_ids(tb, 1)[r], NULL);
        CHECK(strstr(name, "(alleen in het uitgangspunt)") != NULL);
    }
    CHECK(extra > 0); /* the baseline has more providers than the model */
}

void test_workbook_whatif_baseline(igo_t *t)
{
    char dir[] = "/tmp/igo-wi-XXXXXX", path[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/wat-als.xlsx", dir);
    igo_rng seed = {11};
    igo_model *m = NULL, *b = NULL;
    /* A model, and a baseline with more providers (their ids O0, O1, ... overlap). */
    while (!b) {
        igo_model_free(m);
        m = random_distributable_region(&seed);
        b = random_distributable_region(&seed);
        if (igo_model_provider_count(b) <= igo_model_provider_count(m))
            igo_model_free(b), b = NULL;
    }
    igo_workbook_options options = {.baseline = b, .threshold = 250, .threshold_share = 0.02};
    CHECK_OK(m, igo_workbook_write(m, path, &options));
    igo_result *rm = NULL, *rb = NULL;
    CHECK_OK(m, igo_distribute(m, &rm));
    CHECK_OK(b, igo_distribute(b, &rb));
    igo_xlsx *book = igo_xlsx_new();
    igo_xlsx_table *tb = NULL;
    CHECK(igo_xlsx_open(book, path) == IGO_OK);
    CHECK(!strcmp(igo_xlsx_sheet_name(book, WHATIF_SHEET), "Wat als"));
    CHECK(igo_xlsx_read_table(book, WHATIF_SHEET, &tb) == IGO_OK);
    if (tb) {
        CHECK(igo_xlsx_table_numbers(tb, 2)[6] == 250 && igo_xlsx_table_numbers(tb, 2)[7] == 0.02);
        int materials = 0;
        check_providers(t, tb, m, rm, b, rb, &materials);
        CHECK(materials > 0); /* the random baseline makes some changes material */
    }
    igo_xlsx_table_free(tb);
    igo_xlsx_free(book);
    remove(path);

    /* A baseline's own provider with the longest name a cell holds: its row still fits. */
    char *name = malloc(32768);
    memset(name, 'n', 32767), name[32767] = '\0';
    CHECK_OK(b, igo_model_add_provider(b, "lang", name, igo_model_discipline_id(b, 0)));
    CHECK_OK(b, igo_model_set_volume(b, igo_model_prestatie_code(b, 0), "lang", 1));
    CHECK_OK(m, igo_workbook_write(m, path, &options));
    remove(path);
    free(name);

    /* Refused: a threshold below 0 or not finite, a baseline that does not distribute. */
    const double bad[] = {-1, NAN, INFINITY, 1e13};
    for (int k = 0; k < 4; k++) {
        igo_workbook_options eur = {.threshold = bad[k]}, share = {.threshold_share = bad[k]};
        CHECK_FAILS(m, igo_workbook_write(m, path, &eur), IGO_ERROR_ARGUMENT, "thresholds");
        if (k < 3)
            CHECK_FAILS(m, igo_workbook_write(m, path, &share), IGO_ERROR_ARGUMENT, "thresholds");
    }
    igo_model *empty = igo_model_new();
    options.baseline = empty;
    igo_error e = igo_workbook_write(m, path, &options);
    CHECK(e != IGO_OK && !strncmp(igo_model_errmsg(m), "baseline: ", 10));
    CHECK(dir_entries(dir) == 0);
    igo_model_free(empty);
    igo_result_free(rm), igo_result_free(rb);
    igo_model_free(m), igo_model_free(b);
    rmdir(dir);
}

/* A baseline whose ids the model lacks would need more rows than the sheet gives them. */
void test_workbook_whatif_limit(igo_t *t)
{
    igo_rng seed = {5};
    igo_model *m = random_distributable_region(&seed), *b = igo_model_new();
    CHECK_OK(b, igo_model_add_prestatie(b, "A", "A", "nataal", "vrouw"));
    CHECK_OK(b, igo_model_add_discipline(b, "x", NULL));
    CHECK_OK(b, igo_model_set_production(b, "A", 1, 100));
    CHECK_OK(b, igo_model_set_key(b, "A", "x", 1));
    char id[32];
    for (int o = 0; o < 131072; o++) {
        snprintf(id, sizeof id, "b%d", o);
        igo_model_add_provider(b, id, NULL, "x");
        igo_model_set_volume(b, "A", id, 1);
    }
    char path[] = "/tmp/igo-wi-limit.xlsx";
    igo_workbook_options options = {.baseline = b};
    CHECK_FAILS(m, igo_workbook_write(m, path, &options), IGO_ERROR_LIMIT,
                "baseline: 131074 providers, disciplines and prestaties the model lacks");
    CHECK(access(path, F_OK) != 0);
    igo_model_free(m), igo_model_free(b);
}
