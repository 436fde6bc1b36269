/* Running a plan for one variant: the calculation steps of the spec, each split exact in cents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

igo_error igoi_output_alloc(const igo_plan *pl, igo_output *out)
{
    memset(out, 0, sizeof *out);
    for (int c = 0; c < IGO_COLUMN_COUNT; c++)
        out->column[c] = calloc(pl->prestatie_count, sizeof(int64_t));
    out->weight = calloc(pl->prestatie_count, sizeof(double));
    out->target_weight = calloc(pl->prestatie_count, sizeof(double));
    size_t most = pl->prestatie_count > pl->provider_count ? pl->prestatie_count
                                                            : pl->provider_count;
    out->parts = calloc(most + 1, sizeof(int64_t));
    out->discipline_parts = calloc(pl->discipline_count, sizeof(int64_t));
    int ok = out->weight && out->target_weight && out->parts && out->discipline_parts;
    if (pl->fixed) {
        out->grid = calloc(pl->prestatie_count * pl->discipline_count + 1, sizeof(int64_t));
        out->rest = calloc(pl->prestatie_count * pl->discipline_count + 1, sizeof(int64_t));
        ok = ok && out->grid && out->rest;
    }
    for (int c = 0; c < IGO_COLUMN_COUNT; c++)
        ok = ok && out->column[c];
    if (ok)
        return IGO_OK;
    igoi_output_free(out);
    return igoi_fail(pl->m->errmsg, IGO_ERROR_MEMORY, "out of memory");
}

void igoi_output_free(igo_output *out)
{
    for (int c = 0; c < IGO_COLUMN_COUNT; c++)
        free(out->column[c]), out->column[c] = NULL;
    free(out->weight), free(out->target_weight), free(out->parts), free(out->discipline_parts);
    free(out->grid), free(out->rest);
    out->weight = out->target_weight = NULL;
    out->parts = out->discipline_parts = out->grid = out->rest = NULL;
}

static const char *code(const igo_plan *pl, size_t p)
{
    return pl->m->prestaties.v[p].code;
}

/* Step 1: I_p = ROUND(n_p * t_p; 2) and I = sum I_p. */
static igo_error income(const igo_plan *pl, const igo_variant *in, igo_output *out)
{
    int64_t *income_column = out->column[IGO_COLUMN_INCOME];
    out->income = 0;
    for (size_t p = 0; p < pl->prestatie_count; p++) {
        double eur = in->count[p] * in->tariff[p];
        if (eur > IGO_MAX_EUR)
            return igoi_fail(pl->m->errmsg, IGO_ERROR_TOO_LARGE,
                            "prestatie %s: income %.15g x EUR %.15g exceeds the limit of EUR %.0f",
                            code(pl, p), in->count[p], in->tariff[p], IGO_MAX_EUR);
        income_column[p] = igo_round_cents_fast(eur);
        out->income += income_column[p];
        out->weight[p] = igo_eur(income_column[p]);
    }
    if (out->income > IGO_MAX_CENTS)
        return igoi_fail(pl->m->errmsg, IGO_ERROR_TOO_LARGE,
                        "total income exceeds the limit of EUR %.0f", IGO_MAX_EUR);
    return IGO_OK;
}

/* The costs as given per prestatie: they must add up to the components' total, and no
 * prestatie's may exceed its income. */
static igo_error given_costs(const igo_plan *pl, igo_output *out)
{
    const igo_model *m = pl->m;
    int64_t *column = out->column[IGO_COLUMN_COSTS], sum = 0;
    char a[32], b[32];
    for (size_t p = 0; p < pl->prestatie_count; p++) {
        column[p] = igo_round_cents_fast(m->prestaties.v[p].costs);
        sum += column[p];
        if (column[p] > out->column[IGO_COLUMN_INCOME][p])
            return igoi_fail(pl->m->errmsg, IGO_ERROR_VALUE,
                             "prestatie %s: IGO costs of EUR %s exceed its income of EUR %s",
                             m->prestaties.v[p].code, igoi_fmt_cents(a, column[p]),
                             igoi_fmt_cents(b, out->column[IGO_COLUMN_INCOME][p]));
    }
    if (sum != out->costs_total)
        return igoi_fail(pl->m->errmsg, IGO_ERROR_VALUE,
                         "the IGO costs per prestatie sum to EUR %s, the cost components to "
                         "EUR %s", igoi_fmt_cents(a, sum), igoi_fmt_cents(b, out->costs_total));
    return IGO_OK;
}

/* Step 2: the cost components, and their total H charged pro rata to income (or as given). */
static igo_error costs(const igo_plan *pl, const igo_variant *in, igo_output *out)
{
    out->costs_total = 0;
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        double eur = in->cost[k];
        if (pl->m->cost_mode[k] == IGO_COST_SHARE)
            eur *= igo_eur(out->income);
        out->costs[k] = igo_round_cents_fast(eur);
        out->costs_total += out->costs[k];
    }
    if (pl->m->costs_per_prestatie)
        return given_costs(pl, out);
    char a[32];
    if (out->costs_total > 0 && out->income == 0)
        return igoi_fail(pl->m->errmsg, IGO_ERROR_NO_INCOME,
                        "IGO costs of EUR %s cannot be charged: the total income is 0",
                        igoi_fmt_cents(a, out->costs_total));
    igoi_split(out->costs_total, out->weight, pl->prestatie_count, igo_eur(out->income),
              igoi_argmax(out->weight, pl->prestatie_count), out->column[IGO_COLUMN_COSTS]);
    return IGO_OK;
}

/* Step 3: each outside activity charged to its targets pro rata to their income. */
static igo_error outside(const igo_plan *pl, igo_output *out)
{
    const igo_model *m = pl->m;
    int64_t *outside_column = out->column[IGO_COLUMN_OUTSIDE];
    const int64_t *income_column = out->column[IGO_COLUMN_INCOME];
    memset(outside_column, 0, pl->prestatie_count * sizeof *outside_column);
    if (out->outside_parts)
        memset(out->outside_parts, 0,
               pl->outside_count * pl->prestatie_count * sizeof *out->outside_parts);
    out->outside_total = 0;
    double *tw = out->target_weight;
    for (size_t l = 0; l < pl->outside_count; l++) {
        const igo_outside *line = &m->outside.v[l];
        const size_t *t = m->targets.v + line->first_target;
        size_t n = line->ntargets;
        int64_t cost = pl->line_cost[l], base = 0;
        for (size_t i = 0; i < n; i++) {
            tw[i] = out->weight[t[i]];
            base += income_column[t[i]];
        }
        if (cost > 0 && base == 0) {
            char a[32];
            return igoi_fail(pl->m->errmsg, IGO_ERROR_NO_INCOME,
                            "outside activity '%s': its cost of EUR %s cannot be charged, its "
                            "target prestaties have no income",
                            line->label, igoi_fmt_cents(a, cost));
        }
        igoi_split(cost, tw, n, igo_eur(base), igoi_argmax(tw, n), out->parts);
        for (size_t i = 0; i < n; i++) {
            outside_column[t[i]] += out->parts[i];
            if (out->outside_parts)
                out->outside_parts[l * pl->prestatie_count + t[i]] = out->parts[i];
        }
        out->outside_total += cost;
    }
    return IGO_OK;
}

/* Step 4: D_p = I_p - H_p - O_p, which must not be negative. */
static igo_error distributable(const igo_plan *pl, igo_output *out)
{
    const int64_t *income_column = out->column[IGO_COLUMN_INCOME];
    const int64_t *costs_column = out->column[IGO_COLUMN_COSTS];
    const int64_t *outside_column = out->column[IGO_COLUMN_OUTSIDE];
    int64_t *distributable_column = out->column[IGO_COLUMN_DISTRIBUTABLE];
    out->distributed = 0;
    for (size_t p = 0; p < pl->prestatie_count; p++) {
        distributable_column[p] = income_column[p] - costs_column[p] - outside_column[p];
        if (distributable_column[p] < 0) {
            char a[32], b[32], c[32];
            return igoi_fail(pl->m->errmsg, IGO_ERROR_NEGATIVE_DISTRIBUTABLE,
                            "prestatie %s: IGO costs EUR %s plus outside activities EUR %s exceed "
                            "its income EUR %s",
                            code(pl, p), igoi_fmt_cents(a, costs_column[p]),
                            igoi_fmt_cents(b, outside_column[p]),
                            igoi_fmt_cents(c, income_column[p]));
        }
        out->distributed += distributable_column[p];
    }
    return IGO_OK;
}

/* Step 6 for one (prestatie, discipline): its money over the discipline's providers by volume. */
static igo_error to_providers(const igo_plan *pl, size_t p, size_t d, int64_t amount,
                              igo_output *out)
{
    size_t g = p * pl->discipline_count + d, s = pl->group_start[g], n = pl->group_start[g + 1] - s;
    if (amount == 0)
        return IGO_OK;
    if (n == 0) {
        char a[32];
        const char *disc = pl->m->disciplines.v[d].id;
        return igoi_fail(pl->m->errmsg, IGO_ERROR_NO_VOLUME,
                        "prestatie %s: EUR %s for discipline '%s' would be lost, no %s provider "
                        "has volume in %s",
                        code(pl, p), igoi_fmt_cents(a, amount), disc, disc, code(pl, p));
    }
    int64_t *parts = out->parts;
    igoi_split(amount, pl->group_volume + s, n, pl->group_sum[g], pl->group_largest[g], parts);
    const size_t *who = pl->group_provider + s;
    if (out->providers) /* (+=: a fixed part may be there already) */
        for (size_t i = 0; i < n; i++)
            out->providers[p * pl->provider_count + who[i]] += parts[i];
    if (out->provider_totals)
        for (size_t i = 0; i < n; i++)
            out->provider_totals[who[i]] += parts[i];
    return IGO_OK;
}

/* Money to distribute in a prestatie without a key: say why there is none. */
static igo_error no_key(const igo_plan *pl, size_t p, int64_t amount)
{
    char a[32];
    size_t lines = 0;
    for (size_t i = 0; i < pl->m->history.n; i++)
        lines += pl->m->history.v[i].prestatie == p;
    if (pl->key_from[p] == IGO_KEY_EMPTY_HISTORY)
        return igoi_fail(pl->m->errmsg, IGO_ERROR_KEY_MISSING,
                        "prestatie %s: EUR %s to distribute but no verdeelsleutel: its %zu history "
                        "lines have no money (count x tariff is 0 on each); give them counts and "
                        "tariffs, or give percentages",
                        code(pl, p), igoi_fmt_cents(a, amount), lines);
    return igoi_fail(pl->m->errmsg, IGO_ERROR_KEY_MISSING,
                    "prestatie %s: EUR %s to distribute but no verdeelsleutel (give percentages or "
                    "history lines for it)",
                    code(pl, p), igoi_fmt_cents(a, amount));
}

/* Step 5 for one prestatie: D_p over the disciplines by the verdeelsleutel, into parts. */
static igo_error by_key(const igo_plan *pl, size_t p, igo_output *out, int64_t *parts)
{
    size_t discipline_count = pl->discipline_count;
    int64_t amount = out->column[IGO_COLUMN_DISTRIBUTABLE][p];
    int keyed = pl->key_from[p] == IGO_KEY_DIRECT || pl->key_from[p] == IGO_KEY_HISTORY;
    if (amount != 0 && !keyed)
        return no_key(pl, p, amount);
    igoi_split(amount, &pl->key[p * discipline_count], discipline_count, 1.0, pl->key_largest[p],
               parts);
    for (size_t d = 0; d < discipline_count; d++) {
        if (out->disciplines)
            out->disciplines[p * discipline_count + d] = parts[d];
        if (out->discipline_totals)
            out->discipline_totals[d] += parts[d];
    }
    return IGO_OK;
}

/* The fixed parts: each provider's, in turn, charged to its discipline's money per prestatie
 * pro rata to what is left of it (split(F_o, weights rest[p][d])), out of out->rest; refused
 * when a discipline's fixed parts exceed its money. Pro rata to what is left, not to the whole:
 * then no provider's rounding can take a cent a prestatie no longer has. */
static igo_error charge_fixed(const igo_plan *pl, igo_output *out)
{
    const size_t P = pl->prestatie_count, D = pl->discipline_count;
    int64_t *left = out->discipline_parts; /* per discipline: its money not yet charged */
    char a[32], b[32];
    for (size_t d = 0; d < D; d++) {
        left[d] = 0;
        for (size_t p = 0; p < P; p++)
            left[d] += out->grid[p * D + d];
        if (pl->fixed_discipline[d] > left[d])
            return igoi_fail(pl->m->errmsg, IGO_ERROR_VALUE,
                             "discipline '%s': its providers' fixed parts of EUR %s exceed its "
                             "money of EUR %s", pl->m->disciplines.v[d].id,
                             igoi_fmt_cents(a, pl->fixed_discipline[d]),
                             igoi_fmt_cents(b, left[d]));
    }
    double *w = out->target_weight;
    for (size_t o = 0; o < pl->provider_count; o++) {
        size_t d = pl->m->providers.v[o].discipline;
        if (pl->fixed[o] == 0)
            continue;
        for (size_t p = 0; p < P; p++)
            w[p] = (double)out->rest[p * D + d];
        /* (the weights' sum is what is left, exactly: whole cents below 2^53) */
        igoi_split(pl->fixed[o], w, P, (double)left[d], igoi_argmax(w, P), out->parts);
        left[d] -= pl->fixed[o];
        for (size_t p = 0; p < P; p++) {
            out->rest[p * D + d] -= out->parts[p];
            if (out->fixed_parts)
                out->fixed_parts[p * pl->provider_count + o] = out->parts[p];
            if (out->providers)
                out->providers[p * pl->provider_count + o] += out->parts[p];
            if (out->provider_totals)
                out->provider_totals[o] += out->parts[p];
            if (out->rest[p * D + d] < 0) /* (the largest part's rounding, when the fixed
                                             * parts leave the discipline next to nothing) */
                return igoi_fail(pl->m->errmsg, IGO_ERROR_VALUE,
                                 "discipline '%s': its providers' fixed parts leave too little of "
                                 "its money to charge them to the cent (prestatie %s)",
                                 pl->m->disciplines.v[d].id, code(pl, p));
        }
    }
    return IGO_OK;
}

/* Steps 5-7: D_p over the disciplines by the verdeelsleutel, then over providers; with fixed
 * parts, every prestatie's discipline money first, the fixed parts out of it, then the rest. */
static igo_error to_disciplines(const igo_plan *pl, igo_output *out)
{
    const size_t D = pl->discipline_count;
    igo_error e = IGO_OK;
    if (!pl->fixed) {
        for (size_t p = 0; !e && p < pl->prestatie_count; p++) {
            e = by_key(pl, p, out, out->discipline_parts);
            for (size_t d = 0; !e && d < D; d++)
                e = to_providers(pl, p, d, out->discipline_parts[d], out);
        }
        return e;
    }
    for (size_t p = 0; !e && p < pl->prestatie_count; p++)
        e = by_key(pl, p, out, out->grid + p * D);
    if (!e) {
        memcpy(out->rest, out->grid, pl->prestatie_count * D * sizeof *out->rest);
        e = charge_fixed(pl, out);
    }
    for (size_t p = 0; !e && p < pl->prestatie_count; p++)
        for (size_t d = 0; !e && d < D; d++)
            e = to_providers(pl, p, d, out->rest[p * D + d], out);
    return e;
}

igo_error igoi_plan_run(const igo_plan *pl, const igo_variant *in, igo_output *out)
{
    if (out->providers)
        memset(out->providers, 0,
               pl->prestatie_count * pl->provider_count * sizeof *out->providers);
    if (out->fixed_parts)
        memset(out->fixed_parts, 0,
               pl->prestatie_count * pl->provider_count * sizeof *out->fixed_parts);
    if (out->provider_totals)
        memset(out->provider_totals, 0, pl->provider_count * sizeof *out->provider_totals);
    if (out->discipline_totals)
        memset(out->discipline_totals, 0, pl->discipline_count * sizeof *out->discipline_totals);
    igo_error e = income(pl, in, out);
    if (!e)
        e = costs(pl, in, out);
    if (!e)
        e = igoi_run_bonuses(pl, out);
    if (!e)
        e = outside(pl, out);
    if (!e)
        e = distributable(pl, out);
    if (!e)
        e = to_disciplines(pl, out);
    return e;
}
