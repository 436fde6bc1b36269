/* Allocation failures: every allocation the core makes is failed in turn (the test binary is
 * linked with --wrap for malloc, calloc and realloc), and each call must then return an error
 * and leak nothing (ASan and valgrind check that), never report success with figures missing. */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "random_region.h"
#include "tests.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);

/* Which allocation to fail (counted from 0 while armed), and how many were made. */
static long fail_at = -1, made;

/* Atomic: the xlsx and claims readers allocate on a thread of their own too. */
static int fails(void)
{
    return fail_at >= 0 && __atomic_fetch_add(&made, 1, __ATOMIC_RELAXED) == fail_at;
}

void *__wrap_malloc(size_t size)
{
    return fails() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fails() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return fails() ? NULL : __real_realloc(p, size);
}

/* Runs op with allocation k failed, for k = 0, 1, ... until it makes fewer than k + 1
 * allocations; every failed run must return IGO_ERROR_MEMORY (or stop earlier with the error of a
 * setter that failed), and the last must succeed. check (may be NULL) verifies a success. */
typedef igo_error (*operation)(void *state);
static void fail_each(igo_t *t, const char *what, operation op, void *state,
                      int (*check)(void *state))
{
    for (long k = 0;; k++) {
        made = 0, fail_at = k;
        igo_error e = op(state);
        fail_at = -1;
        if (made <= k) {
            CHECK(e == IGO_OK && (!check || check(state)));
            return;
        }
        if (e != IGO_ERROR_MEMORY) {
            fprintf(stderr, "%s: allocation %ld failed, but the call returned %s\n", what, k,
                    igo_error_name(e));
            t->failures++;
        }
    }
}

/* ---- the operations ---- */

/* A small region that uses every kind of setter; *state receives it. */
static igo_error build(void *state)
{
    igo_model **out = state;
    igo_model_free(*out);
    *out = NULL;
    igo_model *m = igo_model_new();
    if (!m)
        return IGO_ERROR_MEMORY;
    const char *targets[] = {"IG1", "IG2"};
    igo_error e = igo_model_add_default_catalogue(m);
    e = e ? e : igo_model_add_default_disciplines(m);
    e = e ? e : igo_model_add_default_transfer_reasons(m);
    e = e ? e : igo_model_set_name(m, "Allocaties");
    e = e ? e : igo_model_add_discipline(m, "echo", "Echocentrum");
    e = e ? e : igo_model_add_prestatie(m, "IG10", "Extra", "nataal", "vrouw");
    e = e ? e : igo_model_add_provider(m, "vp1", "Praktijk", "verloskunde");
    e = e ? e : igo_model_add_provider(m, "zh1", "Ziekenhuis", "ziekenhuis");
    e = e ? e : igo_model_add_provider(m, "kz1", NULL, "kraamzorg");
    e = e ? e : igo_model_set_production(m, "IG1", 120, 915.4);
    e = e ? e : igo_model_set_production(m, "IG2", 40, 333.335);
    e = e ? e : igo_model_set_cost(m, IGO_COST_BEHEERSKOSTEN, IGO_COST_AMOUNT, 1000);
    e = e ? e : igo_model_set_cost(m, IGO_COST_OVERIG, IGO_COST_SHARE, 0.0125);
    e = e ? e : igo_model_add_outside(m, "Echo", 10, 60, targets, 2);
    e = e ? e : igo_model_set_key(m, "IG1", "verloskunde", 0.6);
    e = e ? e : igo_model_set_key(m, "IG1", "ziekenhuis", 0.4);
    e = e ? e : igo_model_add_history(m, "1101", "verloskunde", "IG2", 3, 100);
    e = e ? e : igo_model_add_history(m, "2202", "kraamzorg", "IG2", 2, 50);
    for (size_t i = 0; i < 3 && !e; i++) {
        e = igo_model_set_volume(m, "IG1", igo_model_provider_id(m, i), 1 + (double)i);
        e = e ? e : igo_model_set_volume(m, "IG2", igo_model_provider_id(m, i), 2);
    }
    e = e ? e : igo_model_set_regio(m, "start_eerste_lijn", 90);
    e = e ? e : igo_model_set_transfer_reason(m, "anders", 4);
    e = e ? e : igo_model_set_fixed_part(m, "zh1", 50, 100, 0.5);
    e = e ? e : igo_model_set_bonus_pool(m, IGO_COST_AMOUNT, 0);
    e = e ? e : igo_model_add_indicator(m, "sectio", "Sectio (%)", 13, 1, 2);
    e = e ? e : igo_model_set_indicator_value(m, "sectio", "vp1", 12.5);
    if (e)
        igo_model_free(m);
    else
        *out = m;
    return e;
}

static igo_error distribute(void *state)
{
    igo_result *r = NULL;
    igo_error e = igo_distribute(state, &r);
    igo_result_free(r);
    return e;
}

/* A second indicator (once: build() gives the first) and a provider's value on it. */
static igo_error add_indicator(void *state)
{
    igo_error e = igo_model_indicator_count(state) > 1
                      ? IGO_OK
                      : igo_model_add_indicator(state, "k", "Kwaliteit", 1, 0, 2);
    return e ? e : igo_model_set_indicator_value(state, "k", "vp1", 3);
}

static igo_error batch(void *state)
{
    int64_t totals[4 * 64];
    igo_batch b = {.variants = 4, .provider_totals = igo_model_provider_count(state) <= 64 ? totals
                                                                                           : NULL};
    return igo_distribute_batch(state, &b);
}

typedef struct {
    igo_model *m;
    igo_scenarios *set;
    char path[64];
    const igo_transition *tr; /* the model's, or NULL */
    igo_model *baseline;      /* the Wat als sheet's, or NULL */
} book_state;

/* Either workbook; a success must leave the file, a failure nothing. */
static igo_error book(void *state)
{
    book_state *s = state;
    igo_scaling regional = {3030, NULL};
    igo_workbook_options options = {.transition = s->tr, .baseline = s->baseline,
                                    .threshold = 100, .threshold_share = 0.01};
    igo_error e = s->m ? igo_workbook_write(s->m, s->path, &options)
                       : igo_scenarios_workbook_write(s->set, &regional, s->path, NULL);
    int left = access(s->path, F_OK) == 0;
    remove(s->path);
    return e == IGO_OK ? (left ? e : IGO_ERROR_IO) : left ? IGO_OK : e;
}

typedef struct {
    igo_model *m; /* read from the workbook already */
    char path[64];
} transition_state;

/* The transition of a model workbook read back (the model itself read before). */
static igo_error read_transition(void *state)
{
    transition_state *s = state;
    igo_transition *tr = NULL;
    igo_error e = igo_workbook_read_transition(s->m, s->path, &tr);
    if (!e && !tr)
        e = IGO_ERROR_VALUE; /* (it has one) */
    igo_transition_free(tr);
    return e;
}

static igo_error compute(void *state)
{
    igo_scenario_result *r = NULL;
    igo_error e = igo_scenarios_compute(state, NULL, &r);
    igo_scenario_result_free(r);
    return e;
}

/* A transition of three years with both bounds binding, built and computed. */
static igo_error transition(void *state)
{
    (void)state;
    igo_transition *tr = igo_transition_new(3);
    if (!tr)
        return IGO_ERROR_MEMORY;
    const int64_t model[] = {20000, 50000, 30000};
    igo_error e = igo_transition_set_provider(tr, 0, "A", 60000);
    if (!e)
        e = igo_transition_set_provider(tr, 1, "B", 30000);
    if (!e)
        e = igo_transition_set_provider(tr, 2, "C", 10000);
    if (!e)
        e = igo_transition_set_limits(tr, 0.2, 0.3);
    for (int y = 0; y < 3 && !e; y++)
        e = igo_transition_add_year(tr, 2027 + y, 1 - y * 0.5, model);
    igo_transition_result *r = NULL;
    if (!e)
        e = igo_transition_compute(tr, &r);
    igo_transition_result_free(r);
    igo_transition_free(tr);
    return e;
}

typedef struct {
    igo_scenarios *set;
    double out[3 * 4], mean[4];
} mc_state;

static igo_error monte_carlo(void *state)
{
    mc_state *s = state;
    static const double p[] = {5, 50, 95};
    for (int i = 0; i < 12; i++)
        s->out[i] = NAN;
    igo_uncertainty u = {1000, 3, IGO_DRAW_UNIFORM, p, 3, s->out, s->mean, NULL};
    return igo_scenarios_uncertainty(s->set, NULL, &u);
}

/* Success means every percentile was filled in. */
static int all_percentiles(void *state)
{
    mc_state *s = state;
    for (int i = 0; i < 12; i++)
        if (!isfinite(s->out[i]))
            return 0;
    return 1;
}

/* Reading a workbook: every kind of cell, shared and own strings, a defined name. */
typedef struct {
    char path[64];
    size_t cells;
} reader_state;

static int count_cells(void *data, uint32_t row, const igo_cell *cells, size_t count)
{
    (void)row, (void)cells;
    *(size_t *)data += count;
    return 0;
}

static igo_error read_book(void *state)
{
    reader_state *s = state;
    igo_xlsx *book = igo_xlsx_new();
    if (!book)
        return IGO_ERROR_MEMORY;
    s->cells = 0;
    igo_error e = igo_xlsx_open(book, s->path);
    for (size_t i = 0; !e && i < igo_xlsx_sheet_count(book); i++)
        e = igo_xlsx_read_sheet(book, i, count_cells, &s->cells);
    for (size_t i = 0; !e && i < igo_xlsx_sheet_count(book); i++) {
        igo_xlsx_table *table = NULL; /* the same sheets whole, into columns */
        e = igo_xlsx_read_table(book, i, &table);
        igo_xlsx_table_free(table);
    }
    igo_xlsx_free(book);
    return e;
}

static int all_cells(void *state)
{
    return ((reader_state *)state)->cells == 7;
}

static void write_reader_book(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *a = workbook_add_worksheet(wb, "Invoer"), *b = workbook_add_worksheet(wb, NULL);
    lxw_rich_string_tuple f1 = {NULL, "rijk "}, f2 = {NULL, "tekst"};
    lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
    worksheet_write_number(a, 0, 0, 1.25, NULL);
    worksheet_write_string(a, 0, 1, "gedeeld", NULL);
    worksheet_write_rich_string(a, 3, 2, rich, NULL);
    worksheet_write_boolean(a, 4, 0, 1, NULL);
    worksheet_write_formula_str(a, 4, 1, "=\"x\"", NULL, "x");
    worksheet_write_formula(b, 0, 0, "=Invoer!A1", NULL);
    worksheet_write_string(b, 2, 5, "gedeeld", NULL);
    workbook_define_name(wb, "Tarief", "=Invoer!$A$1");
    workbook_close(wb);
}

/* Claims through the whole pipeline: table, options, reading, finishing. */
static igo_error aggregate_claims(void *state)
{
    static const char csv[] = "traject;zorgaanbieder;prestatiecode;bedrag;datum;aantal\n"
                              "T1;vp1;1101;598,35;01-03-2024;1\n"
                              "T1;zh1;159999019;1.865,00;2024-05-01;1\n"
                              "T1;kz1;196201;1436,40;02-09-2024;24\n"
                              "T2;vp2;1001;1200;2024-02-03;\n;vp1;1101;1;;\n";
    igo_claims *c = igo_claims_new();
    if (!c)
        return IGO_ERROR_MEMORY;
    igo_error e = igo_claims_use_default_indeling(c);
    e = e ? e : igo_claims_set_column(c, IGO_CLAIM_UNITS, "aantal");
    e = e ? e : igo_claims_set_period(c, "2024-01-01", NULL);
    e = e ? e : igo_claims_read_csv_buffer(c, "alloc.csv", csv, strlen(csv));
    e = e ? e : igo_claims_finish(c);
    *(int64_t *)state = e ? 0 : igo_claims_totals_of(c).cents_classified;
    igo_claims_free(c);
    return e;
}

static int claims_complete(void *state)
{
    return *(int64_t *)state == 59835 + 186500 + 143640 + 120000;
}

/* Synthetic claims: a success leaves the file, a failure nothing (not even a temporary file). */
static igo_error generate_claims(void *state)
{
    const char *path = state;
    igo_claims *c = igo_claims_new();
    if (!c)
        return IGO_ERROR_MEMORY;
    igo_claims_synthetic options = {11, 40, 10, 0, 2024};
    igo_error e = igo_claims_generate(c, path, &options, NULL);
    igo_claims_free(c);
    int left = access(path, F_OK) == 0;
    remove(path);
    return e == IGO_OK ? (left ? e : IGO_ERROR_IO) : left ? IGO_OK : e;
}

void test_allocation_failures_are_errors(igo_t *t)
{
    igo_model *m = NULL;
    fail_each(t, "building a model", build, &m, NULL);
    fail_each(t, "igo_distribute", distribute, m, NULL);
    igo_model *fixed = NULL; /* the same region with fixed parts (a path of its own) */
    CHECK(build(&fixed) == IGO_OK);
    CHECK_OK(fixed, igo_model_set_fixed_part(fixed, "vp1", 100, 50, 0.5));
    fail_each(t, "igo_distribute with fixed parts", distribute, fixed, NULL);
    CHECK_OK(fixed, igo_model_set_bonus_pool(fixed, IGO_COST_SHARE, 0.5));
    fail_each(t, "igo_model_add_indicator", add_indicator, fixed, NULL);
    fail_each(t, "igo_distribute with bonuses", distribute, fixed, NULL);
    igo_model_free(fixed);
    fail_each(t, "igo_distribute_batch", batch, m, NULL);
    mc_state mc = {published_scenarios(t), {0}, {0}};
    fail_each(t, "igo_scenarios_compute", compute, mc.set, NULL);
    fail_each(t, "a transition", transition, NULL, NULL);
    fail_each(t, "igo_scenarios_uncertainty", monte_carlo, &mc, all_percentiles);
    igo_rng seed = {3};
    igo_transition *tr = transition_of(m, &seed);
    CHECK(tr != NULL);
    /* The model workbook with a transition and a baseline (with a provider of its own): every
     * step of the model's sheets, the comparison's and the transition's (one run, not three:
     * under valgrind each step writes a whole workbook). */
    igo_model *base = NULL;
    CHECK(build(&base) == IGO_OK);
    CHECK_OK(base, igo_model_add_provider(base, "vp2", "Tweede", "verloskunde"));
    CHECK_OK(base, igo_model_set_volume(base, "IG1", "vp2", 5));
    book_state w = {m, mc.set, "", tr, base};
    char dir[] = "/tmp/igo-alloc-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    snprintf(w.path, sizeof w.path, "%s/regio.xlsx", dir);
    fail_each(t, "igo_workbook_write with a transition", book, &w, NULL);
    transition_state back = {igo_model_new(), ""};
    snprintf(back.path, sizeof back.path, "%s/overgang.xlsx", dir);
    igo_workbook_options options = {.transition = tr};
    CHECK_OK(m, igo_workbook_write(m, back.path, &options));
    CHECK_OK(back.m, igo_workbook_read(back.m, back.path, NULL));
    fail_each(t, "igo_workbook_read_transition", read_transition, &back, NULL);
    remove(back.path);
    igo_model_free(back.m);
    igo_transition_free(tr);
    igo_model_free(base);
    w.tr = NULL, w.baseline = NULL;
    w.m = NULL;
    fail_each(t, "igo_scenarios_workbook_write", book, &w, NULL);
    reader_state r = {"", 0};
    snprintf(r.path, sizeof r.path, "%s/lezen.xlsx", dir);
    write_reader_book(r.path);
    fail_each(t, "igo_xlsx_open and igo_xlsx_read_sheet", read_book, &r, all_cells);
    remove(r.path);
    int64_t claims_cents = 0;
    fail_each(t, "the claims pipeline", aggregate_claims, &claims_cents, claims_complete);
    char claims[64];
    snprintf(claims, sizeof claims, "%s/declaraties.csv", dir);
    fail_each(t, "igo_claims_generate", generate_claims, claims, NULL);
    CHECK(rmdir(dir) == 0); /* no temporary file left */
    igo_model_free(m);
    igo_scenarios_free(mc.set);
}
