/* igo_distribute: one model into one result object holding every step's figures. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

struct igo_result {
    size_t prestatie_count, discipline_count, provider_count, outside_count;
    igo_output out; /* per-prestatie columns, totals, and the optional arrays, all allocated */
    int64_t *outside_costs;
    double *keys;
    double *points; /* per provider: its bonus points */
};

void igo_result_free(igo_result *r)
{
    if (!r)
        return;
    igoi_output_free(&r->out);
    free(r->out.outside_parts), free(r->out.disciplines), free(r->out.providers);
    free(r->out.discipline_totals), free(r->out.provider_totals);
    free(r->outside_costs), free(r->keys), free(r->out.bonuses), free(r->points);
    free(r->out.fixed_parts);
    free(r);
}

static igo_result *result_new(const igo_plan *pl)
{
    igo_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->prestatie_count = pl->prestatie_count, r->discipline_count = pl->discipline_count;
    r->provider_count = pl->provider_count, r->outside_count = pl->outside_count;
    if (igoi_output_alloc(pl, &r->out)) {
        free(r);
        return NULL;
    }
    /* +1: calloc(0) may return NULL, and an empty array is still a valid pointer here. */
    r->out.outside_parts = calloc(pl->outside_count * pl->prestatie_count + 1, sizeof(int64_t));
    r->out.disciplines = calloc(pl->prestatie_count * pl->discipline_count + 1, sizeof(int64_t));
    r->out.providers = calloc(pl->prestatie_count * pl->provider_count + 1, sizeof(int64_t));
    r->out.fixed_parts = calloc(pl->prestatie_count * pl->provider_count + 1, sizeof(int64_t));
    r->out.discipline_totals = calloc(pl->discipline_count + 1, sizeof(int64_t));
    r->out.provider_totals = calloc(pl->provider_count + 1, sizeof(int64_t));
    r->out.bonuses = calloc(pl->provider_count + 1, sizeof(int64_t));
    r->points = calloc(pl->provider_count + 1, sizeof(double));
    r->outside_costs = calloc(pl->outside_count + 1, sizeof(int64_t));
    r->keys = calloc(pl->prestatie_count * pl->discipline_count + 1, sizeof(double));
    if (!r->out.outside_parts || !r->out.disciplines || !r->out.providers ||
        !r->out.discipline_totals || !r->out.provider_totals || !r->outside_costs || !r->keys ||
        !r->out.bonuses || !r->points || !r->out.fixed_parts) {
        igo_result_free(r);
        return NULL;
    }
    return r;
}

igo_error igoi_distribute_plan(igo_model *m, igo_result **result, igo_plan *pl)
{
    *result = NULL;
    m->errmsg[0] = '\0';
    igo_error e = igoi_plan_build(m, pl);
    if (e)
        return e;
    double *inputs = NULL;
    igo_variant in;
    igo_result *r = NULL;
    e = igoi_model_variant(m, &inputs, &in);
    if (!e && !(r = result_new(pl)))
        e = igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!e)
        e = igoi_plan_run(pl, &in, &r->out);
    if (!e) {
        memcpy(r->outside_costs, pl->line_cost, pl->outside_count * sizeof *pl->line_cost);
        memcpy(r->keys, pl->key, pl->prestatie_count * pl->discipline_count * sizeof *pl->key);
        if (pl->points)
            memcpy(r->points, pl->points, pl->provider_count * sizeof *pl->points);
        *result = r;
    } else {
        igo_result_free(r);
        igoi_plan_free(pl);
    }
    free(inputs);
    return e;
}

igo_error igo_distribute(igo_model *m, igo_result **result)
{
    if (!result)
        return m ? igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "no place for the result (NULL)")
                 : IGO_ERROR_ARGUMENT;
    *result = NULL;
    if (!m)
        return IGO_ERROR_ARGUMENT;
    igo_plan pl;
    igo_error e = igoi_distribute_plan(m, result, &pl);
    if (!e)
        igoi_plan_free(&pl);
    return e;
}

/* ---- getters ---- */

size_t igo_result_prestatie_count(const igo_result *r)
{
    return r ? r->prestatie_count : 0;
}

size_t igo_result_discipline_count(const igo_result *r)
{
    return r ? r->discipline_count : 0;
}

size_t igo_result_provider_count(const igo_result *r)
{
    return r ? r->provider_count : 0;
}

size_t igo_result_outside_count(const igo_result *r)
{
    return r ? r->outside_count : 0;
}

int64_t igo_result_income(const igo_result *r)
{
    return r ? r->out.income : 0;
}

int64_t igo_result_cost(const igo_result *r, igo_cost cost)
{
    return r && (unsigned)cost < IGO_COST_COUNT ? r->out.costs[cost] : 0;
}

int64_t igo_result_costs_total(const igo_result *r)
{
    return r ? r->out.costs_total : 0;
}

int64_t igo_result_outside_total(const igo_result *r)
{
    return r ? r->out.outside_total : 0;
}

int64_t igo_result_distributed(const igo_result *r)
{
    return r ? r->out.distributed : 0;
}

const int64_t *igo_result_prestatie(const igo_result *r, igo_prestatie_column c)
{
    return r && (unsigned)c < IGO_COLUMN_COUNT ? r->out.column[c] : NULL;
}

const int64_t *igo_result_outside_costs(const igo_result *r)
{
    return r ? r->outside_costs : NULL;
}

const int64_t *igo_result_outside_parts(const igo_result *r)
{
    return r ? r->out.outside_parts : NULL;
}

const double *igo_result_keys(const igo_result *r)
{
    return r ? r->keys : NULL;
}

const int64_t *igo_result_disciplines(const igo_result *r)
{
    return r ? r->out.disciplines : NULL;
}

const int64_t *igo_result_providers(const igo_result *r)
{
    return r ? r->out.providers : NULL;
}

const int64_t *igo_result_discipline_totals(const igo_result *r)
{
    return r ? r->out.discipline_totals : NULL;
}

const int64_t *igo_result_provider_totals(const igo_result *r)
{
    return r ? r->out.provider_totals : NULL;
}

int64_t igo_result_bonus_pool(const igo_result *r)
{
    return r ? r->out.bonus_pool : 0;
}

int64_t igo_result_bonuses_paid(const igo_result *r)
{
    return r ? r->out.bonus_paid : 0;
}

const int64_t *igo_result_bonuses(const igo_result *r)
{
    return r ? r->out.bonuses : NULL;
}

const double *igo_result_bonus_points(const igo_result *r)
{
    return r ? r->points : NULL;
}

const int64_t *igo_result_fixed_parts(const igo_result *r)
{
    return r ? r->out.fixed_parts : NULL;
}
