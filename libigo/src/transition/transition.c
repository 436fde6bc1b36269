/* Transition clauses: the inputs, checked where they enter, and the years computed in order
 * into a result that is a snapshot of its own. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transition.h"

/* The most cents an amount may hold: the model's limit in EUR. */
#define MAX_CENTS ((int64_t)(IGO_MAX_EUR * 100))

igo_transition *igo_transition_new(size_t providers)
{
    igo_transition *t = calloc(1, sizeof *t);
    if (!t || providers > SIZE_MAX / 64)
        return free(t), NULL;
    t->n = providers;
    t->ids = calloc(providers + 1, sizeof *t->ids);
    t->history = calloc(providers + 1, sizeof *t->history);
    t->guarantee = malloc((providers + 1) * sizeof *t->guarantee);
    if (!t->ids || !t->history || !t->guarantee) {
        igo_transition_free(t);
        return NULL;
    }
    for (size_t o = 0; o < providers; o++)
        t->guarantee[o] = -1;
    t->down = t->up = -1;
    return t;
}

void igo_transition_free(igo_transition *t)
{
    if (!t)
        return;
    for (size_t o = 0; o < t->n && t->ids; o++)
        free(t->ids[o]);
    for (size_t y = 0; y < t->years.n; y++)
        free(t->years.v[y].model);
    free(t->years.v), free(t->ids), free(t->history), free(t->guarantee);
    free(t);
}

const char *igo_transition_errmsg(const igo_transition *t)
{
    return t ? t->errmsg : "no transition";
}

/* An amount of cents: 0 or more, within the model's limit. */
static igo_error check_cents(igo_transition *t, int64_t cents, const char *where,
                             const char *what)
{
    char a[32];
    if (cents < 0 || cents > MAX_CENTS)
        return igoi_fail(t->errmsg, cents < 0 ? IGO_ERROR_VALUE : IGO_ERROR_TOO_LARGE,
                         "%s: %s of EUR %s is %s", where, what, igoi_fmt_cents(a, cents),
                         cents < 0 ? "negative" : "beyond the limit of EUR 1e12");
    return IGO_OK;
}

static igo_error check_index(igo_transition *t, size_t index)
{
    if (index >= t->n)
        return igoi_fail(t->errmsg, IGO_ERROR_ARGUMENT, "provider %zu does not exist (%zu given)",
                         index, t->n);
    return IGO_OK;
}

igo_error igo_transition_set_provider(igo_transition *t, size_t index, const char *id,
                                      int64_t history)
{
    if (!t)
        return IGO_ERROR_ARGUMENT;
    igo_error e = check_index(t, index);
    if (!e)
        e = igoi_check_text(t->errmsg, id, IGO_TEXT_ID, "provider");
    if (!e)
        e = check_cents(t, history, id, "historical income");
    char *copy = e ? NULL : igoi_strdup(id);
    if (!e && !copy)
        e = igoi_fail(t->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (e)
        return e;
    free(t->ids[index]);
    t->ids[index] = copy, t->history[index] = history;
    t->errmsg[0] = '\0';
    return IGO_OK;
}

igo_error igo_transition_set_guarantee(igo_transition *t, size_t index, int64_t cents)
{
    if (!t)
        return IGO_ERROR_ARGUMENT;
    igo_error e = check_index(t, index);
    if (!e && cents != -1)
        e = check_cents(t, cents, t->ids[index] ? t->ids[index] : "provider", "guarantee");
    if (e)
        return e;
    t->guarantee[index] = cents;
    t->errmsg[0] = '\0';
    return IGO_OK;
}

/* A limit: -1 (none) or a fraction 0..1. */
static igo_error check_limit(igo_transition *t, double v, const char *what)
{
    if (v == -1)
        return IGO_OK;
    return igoi_check_fraction(t->errmsg, v, "transition", what);
}

igo_error igo_transition_set_limits(igo_transition *t, double max_decrease, double max_increase)
{
    if (!t)
        return IGO_ERROR_ARGUMENT;
    igo_error e = check_limit(t, max_decrease, "maximum decrease");
    if (!e)
        e = check_limit(t, max_increase, "maximum increase");
    if (e)
        return e;
    /* Whole basis points, as the workbook's ROUND(limit * 10000; 0) takes them. */
    t->down = max_decrease < 0 ? -1 : igo_round(max_decrease * 10000, 0) / 10000;
    t->up = max_increase < 0 ? -1 : igo_round(max_increase * 10000, 0) / 10000;
    t->errmsg[0] = '\0';
    return IGO_OK;
}

/* A year's model incomes: each 0 or more, their sum within the limit. */
static igo_error check_model(igo_transition *t, int year, const int64_t *model)
{
    char where[32];
    snprintf(where, sizeof where, "%d", year);
    int64_t sum = 0;
    for (size_t o = 0; o < t->n; o++) {
        igo_error e = check_cents(t, model[o], where, "a model income");
        if (!e)
            e = check_cents(t, sum += model[o], where, "the pot"); /* never past 2 x 1e14 */
        if (e)
            return e;
    }
    return IGO_OK;
}

igo_error igo_transition_add_year(igo_transition *t, int year, double history_share,
                                  const int64_t *model)
{
    if (!t || (!model && t->n))
        return t ? igoi_fail(t->errmsg, IGO_ERROR_ARGUMENT, "%d: no model incomes", year)
                 : IGO_ERROR_ARGUMENT;
    char where[32];
    snprintf(where, sizeof where, "%d", year);
    if (t->years.n && year <= t->years.v[t->years.n - 1].year)
        return igoi_fail(t->errmsg, IGO_ERROR_VALUE, "%d: years must follow each other, after %d",
                         year, t->years.v[t->years.n - 1].year);
    igo_error e = igoi_check_fraction(t->errmsg, history_share, where, "share matched to history");
    if (!e)
        e = check_model(t, year, model);
    if (e)
        return e;
    int64_t *copy = malloc((t->n + 1) * sizeof *copy);
    if (!copy || IGO_VEC_ROOM(t->years, 1) != 0)
        return free(copy), igoi_fail(t->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (t->n)
        memcpy(copy, model, t->n * sizeof *copy);
    t->years.v[t->years.n++] = (igoi_transition_year){year, history_share, copy};
    t->errmsg[0] = '\0';
    return IGO_OK;
}

size_t igo_transition_providers(const igo_transition *t)
{
    return t ? t->n : 0;
}

const char *igo_transition_provider(const igo_transition *t, size_t index, int64_t *history,
                                    int64_t *guarantee)
{
    if (!t || index >= t->n || !t->ids[index])
        return NULL;
    if (history)
        *history = t->history[index];
    if (guarantee)
        *guarantee = t->guarantee[index];
    return t->ids[index];
}

void igo_transition_limits(const igo_transition *t, double *max_decrease, double *max_increase)
{
    if (max_decrease)
        *max_decrease = t ? t->down : -1;
    if (max_increase)
        *max_increase = t ? t->up : -1;
}

size_t igo_transition_years(const igo_transition *t)
{
    return t ? t->years.n : 0;
}

int igo_transition_year(const igo_transition *t, size_t y, double *history_share,
                        const int64_t **model)
{
    if (!t || y >= t->years.n)
        return 0;
    if (history_share)
        *history_share = t->years.v[y].share;
    if (model)
        *model = t->years.v[y].model;
    return t->years.v[y].year;
}

/* Every provider named, ids distinct, a year at least, a history to match when a year does. */
static igo_error check_ready(igo_transition *t)
{
    if (!t->years.n)
        return igoi_fail(t->errmsg, IGO_ERROR_ARGUMENT, "a transition needs a year at least");
    igo_strmap ids = {0};
    igo_error e = IGO_OK;
    int history = 0; /* any at all */
    for (size_t o = 0; o < t->n && !e; o++) {
        if (!t->ids[o])
            e = igoi_fail(t->errmsg, IGO_ERROR_ARGUMENT, "provider %zu has no id", o);
        else if (igoi_strmap_get(&ids, t->ids[o]) != (size_t)-1)
            e = igoi_fail(t->errmsg, IGO_ERROR_DUPLICATE, "provider '%s' is given twice",
                          t->ids[o]);
        else if (igoi_strmap_put(&ids, t->ids[o], o) != 0)
            e = igoi_fail(t->errmsg, IGO_ERROR_MEMORY, "out of memory");
        else
            history |= t->history[o] != 0;
    }
    igoi_strmap_free(&ids);
    for (size_t y = 0; y < t->years.n && !e && !history; y++)
        if (t->years.v[y].share > 0)
            e = igoi_fail(t->errmsg, IGO_ERROR_VALUE,
                          "%d: %.15g %% is still matched to history, but the historical incomes "
                          "sum to 0",
                          t->years.v[y].year, t->years.v[y].share * 100);
    return e;
}

void igo_transition_result_free(igo_transition_result *r)
{
    if (!r)
        return;
    free(r->year), free(r->pot), free(r->figures), free(r->bounds), free(r->rounds);
    free(r->splits);
    free(r);
}

static igo_transition_result *new_result(size_t n, size_t years)
{
    igo_transition_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->n = n, r->years = years;
    r->year = calloc(years, sizeof *r->year);
    r->pot = calloc(years, sizeof *r->pot);
    r->figures = calloc(years * IGO_TRANSITION_COLUMNS * n + 1, sizeof *r->figures);
    r->bounds = calloc(years * n + 1, 1);
    r->rounds = calloc(years, sizeof *r->rounds);
    r->splits = calloc(years, sizeof *r->splits);
    if (!r->year || !r->pot || !r->figures || !r->bounds || !r->rounds || !r->splits) {
        igo_transition_result_free(r);
        return NULL;
    }
    return r;
}

/* Year y's run: its columns in the result, the scratch, the year before. */
static void start_year(igoi_transition_run *run, igo_transition_result *r, size_t y)
{
    const igo_transition *t = run->t;
    run->y = y;
    for (int c = 0; c < IGO_TRANSITION_COLUMNS; c++)
        run->col[c] = r->figures + (y * IGO_TRANSITION_COLUMNS + (size_t)c) * t->n;
    run->bound = r->bounds + y * t->n;
    run->rounds = &r->rounds[y], run->splits = &r->splits[y];
    run->previous_pot = run->pot;
    run->previous_paid = y ? r->figures + ((y - 1) * IGO_TRANSITION_COLUMNS +
                                           IGO_TRANSITION_PAID) * t->n
                           : NULL;
    run->pot = 0;
    for (size_t o = 0; o < t->n; o++) {
        run->col[IGO_TRANSITION_MODEL][o] = t->years.v[y].model[o];
        run->pot += t->years.v[y].model[o];
    }
    r->year[y] = t->years.v[y].year, r->pot[y] = run->pot;
}

igo_error igo_transition_compute(igo_transition *t, igo_transition_result **out)
{
    if (!t || !out)
        return t ? igoi_fail(t->errmsg, IGO_ERROR_ARGUMENT, "no place for the result")
                 : IGO_ERROR_ARGUMENT;
    *out = NULL;
    igo_error e = check_ready(t);
    if (e)
        return e;
    igo_transition_result *r = new_result(t->n, t->years.n);
    igoi_transition_run run = {.t = t};
    run.weight = malloc((t->n + 1) * sizeof *run.weight);
    run.part = malloc((t->n + 1) * sizeof *run.part);
    run.index = malloc((t->n + 1) * sizeof *run.index);
    run.fixed = malloc(t->n + 1);
    if (!r || !run.weight || !run.part || !run.index || !run.fixed)
        e = igoi_fail(t->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (size_t y = 0; !e && y < t->years.n; y++) {
        start_year(&run, r, y);
        e = igoi_transition_year_compute(&run, t->errmsg);
    }
    free(run.weight), free(run.part), free(run.index), free(run.fixed);
    if (e) {
        igo_transition_result_free(r);
        return e;
    }
    t->errmsg[0] = '\0';
    *out = r;
    return IGO_OK;
}

size_t igo_transition_result_years(const igo_transition_result *r)
{
    return r ? r->years : 0;
}

size_t igo_transition_result_providers(const igo_transition_result *r)
{
    return r ? r->n : 0;
}

int igo_transition_result_year(const igo_transition_result *r, size_t y)
{
    return r && y < r->years ? r->year[y] : 0;
}

int64_t igo_transition_result_pot(const igo_transition_result *r, size_t y)
{
    return r && y < r->years ? r->pot[y] : 0;
}

const int64_t *igo_transition_result_column(const igo_transition_result *r, size_t y,
                                            igo_transition_column column)
{
    if (!r || y >= r->years || (int)column < 0 || column >= IGO_TRANSITION_COLUMNS)
        return NULL;
    return r->figures + (y * IGO_TRANSITION_COLUMNS + (size_t)column) * r->n;
}

const uint8_t *igo_transition_result_bounds(const igo_transition_result *r, size_t y)
{
    return r && y < r->years ? r->bounds + y * r->n : NULL;
}

size_t igo_transition_result_rounds(const igo_transition_result *r, size_t y)
{
    return r && y < r->years ? r->rounds[y] : 0;
}

igo_transition *igoi_transition_copy(const igo_transition *t)
{
    igo_transition *copy = igo_transition_new(t->n);
    igo_error e = copy ? IGO_OK : IGO_ERROR_MEMORY;
    for (size_t o = 0; !e && o < t->n; o++) {
        if (t->ids[o])
            e = igo_transition_set_provider(copy, o, t->ids[o], t->history[o]);
        copy->guarantee[o] = t->guarantee[o];
    }
    if (!e)
        copy->down = t->down, copy->up = t->up;
    for (size_t y = 0; !e && y < t->years.n; y++)
        e = igo_transition_add_year(copy, t->years.v[y].year, t->years.v[y].share,
                                    t->years.v[y].model);
    if (e) {
        igo_transition_free(copy);
        return NULL;
    }
    return copy;
}
