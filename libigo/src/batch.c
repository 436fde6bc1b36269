/* igo_distribute_batch: many variants of one region through one compiled plan, for sweeps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static int plausible(double v)
{
    return v >= 0 && v <= IGO_MAX_EUR; /* false for NaN too */
}

/* Checks one variant's inputs with the same rules (and messages) as the model setters. The
 * message is only formatted for a value that fails: this runs once per variant. */
static igo_error check_variant(igo_model *m, const igo_variant *in, size_t prestatie_count)
{
    for (size_t p = 0; p < prestatie_count; p++) {
        if (plausible(in->count[p]) && plausible(in->tariff[p]))
            continue;
        char where[IGO_WHERE_SIZE];
        snprintf(where, sizeof where, "prestatie %s", m->prestaties.v[p].code);
        igo_error e = igoi_check_number(m->errmsg, in->count[p], IGO_MAX_EUR, where, "count");
        if (!e)
            e = igoi_check_number(m->errmsg, in->tariff[p], IGO_MAX_EUR, where, "tariff");
        if (e)
            return e;
    }
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        if (plausible(in->cost[k]) && (m->cost_mode[k] == IGO_COST_AMOUNT || in->cost[k] <= 1))
            continue;
        igo_error e = igoi_check_cost(m->errmsg, (igo_cost)k, m->cost_mode[k], in->cost[k]);
        if (e)
            return e;
    }
    return IGO_OK;
}

static void write_summary(const igo_output *out, int64_t *row)
{
    row[IGO_SUMMARY_INCOME] = out->income;
    row[IGO_SUMMARY_BEHEERSKOSTEN] = out->costs[IGO_COST_BEHEERSKOSTEN];
    row[IGO_SUMMARY_INNOVATIE_KWALITEIT] = out->costs[IGO_COST_INNOVATIE_KWALITEIT];
    row[IGO_SUMMARY_OVERIG] = out->costs[IGO_COST_OVERIG];
    row[IGO_SUMMARY_OUTSIDE] = out->outside_total;
    row[IGO_SUMMARY_DISTRIBUTED] = out->distributed;
}

/* The variant's own inputs, kept to 15 digits as the model's setters keep them, into own[]; or
 * the model's (already kept so) where the batch gives none. */
static const double *canonical(const double *given, const double *model, size_t n, double *own)
{
    if (!given)
        return model;
    for (size_t i = 0; i < n; i++)
        own[i] = igo_canonical(given[i]);
    return own;
}

/* Roughly the inner-loop steps of one variant, for progress reports. */
static uint64_t work_per_variant(const igo_plan *pl)
{
    size_t prestatie_count = pl->prestatie_count, discipline_count = pl->discipline_count;
    return 1 + prestatie_count * (discipline_count + 4) + pl->outside_count * prestatie_count +
           pl->group_start[prestatie_count * discipline_count];
}

static igo_error run_all(igo_model *m, const igo_plan *pl, igo_batch *b, igo_output *out,
                         const igo_variant *base, double *own)
{
    size_t prestatie_count = pl->prestatie_count;
    uint64_t work = work_per_variant(pl);
    igo_ticker tk = igoi_ticker_start(m->progress);
    for (size_t v = 0; v < b->variants; v++) {
        if (igoi_tick(&tk, work, (double)v / (double)b->variants)) {
            b->failed_variant = v;
            return igoi_fail(m->errmsg, IGO_ERROR_CANCELLED,
                            "stopped at variant %zu of %zu; the variants before it are complete",
                            v, b->variants);
        }
        igo_variant in = {
            .count = canonical(b->counts ? b->counts + v * prestatie_count : NULL, base->count,
                               prestatie_count, own),
            .tariff = canonical(b->tariffs ? b->tariffs + v * prestatie_count : NULL, base->tariff,
                                prestatie_count, own + prestatie_count),
            .cost = canonical(b->costs ? b->costs + v * IGO_COST_COUNT : NULL, base->cost,
                              IGO_COST_COUNT, own + 2 * prestatie_count),
        };
        out->provider_totals =
            b->provider_totals ? b->provider_totals + v * pl->provider_count : NULL;
        out->discipline_totals =
            b->discipline_totals ? b->discipline_totals + v * pl->discipline_count : NULL;
        out->bonuses = b->bonuses ? b->bonuses + v * pl->provider_count : NULL;
        igo_error e = check_variant(m, &in, prestatie_count);
        if (!e)
            e = igoi_plan_run(pl, &in, out);
        if (e) {
            char prefix[48];
            snprintf(prefix, sizeof prefix, "variant %zu: ", v);
            igoi_fail_prefix(m->errmsg, prefix);
            b->failed_variant = v;
            return e;
        }
        if (b->summary)
            write_summary(out, b->summary + v * IGO_SUMMARY_COUNT);
    }
    return IGO_OK;
}

igo_error igo_distribute_batch_shape(igo_model *m, size_t variants, igo_batch_shape *shape)
{
    if (!m)
        return IGO_ERROR_ARGUMENT;
    m->errmsg[0] = '\0';
    if (!shape)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "no batch shape (NULL)");
    size_t P = m->prestaties.n, D = m->disciplines.n, O = m->providers.n;
    /* Every buffer together, in bytes, must be addressable: then no row offset overflows. */
    size_t width = 2 * P + IGO_COST_COUNT + 2 * O + D + IGO_SUMMARY_COUNT;
    if (variants > SIZE_MAX / sizeof(double) / width)
        return igoi_fail(m->errmsg, IGO_ERROR_LIMIT,
                        "distribute_batch: %zu variants of %zu values each are more than memory "
                        "holds", variants, width);
    *shape = (igo_batch_shape){variants * P, variants * P, variants * IGO_COST_COUNT,
                               variants * O, variants * D, variants * IGO_SUMMARY_COUNT,
                               variants * O};
    return IGO_OK;
}

igo_error igo_distribute_batch(igo_model *m, igo_batch *b)
{
    if (!m)
        return IGO_ERROR_ARGUMENT;
    m->errmsg[0] = '\0';
    if (!b)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "no batch (NULL)");
    b->failed_variant = 0;
    igo_batch_shape shape;
    igo_error e = igo_distribute_batch_shape(m, b->variants, &shape);
    if (e)
        return e;
    igo_plan pl;
    e = igoi_plan_build(m, &pl);
    if (e)
        return e;
    igo_output out;
    igo_variant base;
    double *inputs = NULL, *own = malloc((2 * pl.prestatie_count + IGO_COST_COUNT) * sizeof *own);
    e = own ? igoi_model_variant(m, &inputs, &base)
            : igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!e)
        e = igoi_output_alloc(&pl, &out);
    if (!e) {
        e = run_all(m, &pl, b, &out, &base, own);
        igoi_output_free(&out);
    }
    free(inputs), free(own);
    igoi_plan_free(&pl);
    return e;
}
