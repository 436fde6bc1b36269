/* Compiling a model into a plan: everything a variant does not change, checked once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

void igoi_plan_free(igo_plan *pl)
{
    free(pl->key), free(pl->key_from), free(pl->key_largest);
    free(pl->group_start), free(pl->group_provider), free(pl->group_volume);
    free(pl->group_sum), free(pl->group_largest), free(pl->line_cost), free(pl->fixed);
    free(pl->fixed_discipline), free(pl->points);
    memset(pl, 0, sizeof *pl);
}

/* n elements of size bytes, zeroed, at least one so that empty regions still get a pointer. */
static void *zalloc(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

static int mul_overflows(size_t a, size_t b)
{
    return b && a > SIZE_MAX / b;
}

/* Describes a direct key row for a message: "verloskunde 60 %, ziekenhuis 35 %". */
static void describe_key(const igo_plan *pl, size_t p, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    const double *row = &pl->key[p * pl->discipline_count];
    for (size_t d = 0; d < pl->discipline_count && used < size; d++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s %.10g %%", d ? ", " : "",
                                 pl->m->disciplines.v[d].id, row[d] * 100);
}

/* Direct keys: the last value given per (prestatie, discipline); checks each row sums to 100 %. */
static igo_error resolve_direct_keys(igo_plan *pl)
{
    igo_model *m = pl->m;
    for (size_t i = 0; i < m->keys.n; i++) {
        const igoi_cell *c = &m->keys.v[i];
        pl->key[c->row * pl->discipline_count + c->col] = c->value;
        pl->key_from[c->row] = IGO_KEY_DIRECT;
    }
    for (size_t p = 0; p < pl->prestatie_count; p++) {
        if (pl->key_from[p] != IGO_KEY_DIRECT)
            continue;
        double *row = &pl->key[p * pl->discipline_count];
        double sum = igoi_fsum(row, pl->discipline_count);
        if (m->normalise_keys && sum > 0) {
            for (size_t d = 0; d < pl->discipline_count; d++)
                row[d] /= sum;
        } else if (fabs(sum - 1.0) > 1e-9) {
            char parts[300];
            describe_key(pl, p, parts, sizeof parts);
            return igoi_fail(m->errmsg, IGO_ERROR_KEY_SUM,
                            "prestatie %s: verdeelsleutel sums to %.10g %% (%s), not 100 %%",
                            m->prestaties.v[p].code, sum * 100, parts);
        }
    }
    return IGO_OK;
}

/* Keys from history: discipline d's share of the claimed money count * tariff in prestatie p. */
static igo_error derive_history_keys(igo_plan *pl)
{
    igo_model *m = pl->m;
    size_t n = m->history.n;
    double *money = zalloc(n, sizeof *money);
    double *picked = zalloc(n, sizeof *picked);
    if (!money || !picked) {
        free(money), free(picked);
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        money[i] = m->history.v[i].count * m->history.v[i].tariff;
    igo_error e = IGO_OK;
    for (size_t p = 0; p < pl->prestatie_count && !e; p++) {
        /* The prestatie's lines in input order, as the spreadsheet's SUMIFS adds them. */
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (m->history.v[i].prestatie == p)
                picked[k++] = money[i];
        if (k == 0)
            continue;
        if (pl->key_from[p] == IGO_KEY_DIRECT)
            e = igoi_fail(m->errmsg, IGO_ERROR_KEY_CONFLICT,
                         "prestatie %s: verdeelsleutel given directly and by %zu history lines; "
                         "give one of the two",
                         m->prestaties.v[p].code, k);
        double total = igoi_fsum(picked, k);
        if (!e && total == 0)
            pl->key_from[p] = IGO_KEY_EMPTY_HISTORY;
        if (e || total == 0)
            continue;
        for (size_t d = 0; d < pl->discipline_count; d++) {
            size_t j = 0;
            for (size_t i = 0; i < n; i++)
                if (m->history.v[i].prestatie == p && m->history.v[i].discipline == d)
                    picked[j++] = money[i];
            pl->key[p * pl->discipline_count + d] = igoi_fsum(picked, j) / total;
        }
        pl->key_from[p] = IGO_KEY_HISTORY;
    }
    free(money), free(picked);
    return e;
}

/* Each provider's fixed part in cents: the amount, or the reduced amount when its volume
 * (summed over the prestaties) stays below the minimum. volume is prestatie x provider. */
static igo_error fixed_parts(igo_plan *pl, const double *volume)
{
    const igo_model *m = pl->m;
    if (!m->fixed_parts)
        return IGO_OK;
    pl->fixed = zalloc(pl->provider_count, sizeof *pl->fixed);
    pl->fixed_discipline = zalloc(pl->discipline_count, sizeof *pl->fixed_discipline);
    double *sum = zalloc(pl->provider_count, sizeof *sum);
    if (!pl->fixed || !pl->fixed_discipline || !sum) {
        free(sum);
        return igoi_fail(pl->m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t p = 0; p < pl->prestatie_count; p++)
        for (size_t o = 0; o < pl->provider_count; o++)
            sum[o] += volume[p * pl->provider_count + o];
    for (size_t o = 0; o < pl->provider_count; o++) {
        const igo_provider *x = &m->providers.v[o];
        /* (to 15 digits, as a spreadsheet adds: 0.1 + 0.7 meets a minimum of 0.8) */
        int met = igo_canonical(sum[o]) >= x->fixed_min_volume;
        pl->fixed[o] = !x->fixed_given ? 0
                       : met        ? igo_round_cents_fast(x->fixed)
                                    : igo_round_cents_fast(x->fixed * (1 - x->fixed_reduction));
        int64_t *total = &pl->fixed_discipline[x->discipline]; /* each <= 1e14: no overflow */
        *total = *total < INT64_MAX / 2 ? *total + pl->fixed[o] : *total;
    }
    free(sum);
    return IGO_OK;
}

/* Providers with volume, grouped per (prestatie, discipline) in input order. */
static igo_error group_providers(igo_plan *pl)
{
    igo_model *m = pl->m;
    size_t prestatie_count = pl->prestatie_count, discipline_count = pl->discipline_count;
    size_t provider_count = pl->provider_count, group_count = prestatie_count * discipline_count;
    if (mul_overflows(prestatie_count, provider_count))
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    double *volume = zalloc(prestatie_count * provider_count, sizeof *volume);
    size_t *fill = zalloc(group_count, sizeof *fill);
    if (!volume || !fill) {
        free(volume), free(fill);
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t i = 0; i < m->volumes.n; i++)
        volume[m->volumes.v[i].row * provider_count + m->volumes.v[i].col] = m->volumes.v[i].value;
    /* Count per group, then place: the classic two-pass bucket layout. */
    for (size_t p = 0; p < prestatie_count; p++)
        for (size_t o = 0; o < provider_count; o++)
            if (volume[p * provider_count + o] > 0)
                pl->group_start[p * discipline_count + m->providers.v[o].discipline + 1]++;
    for (size_t g = 0; g < group_count; g++)
        pl->group_start[g + 1] += pl->group_start[g];
    size_t members = pl->group_start[group_count];
    pl->group_provider = zalloc(members, sizeof *pl->group_provider);
    pl->group_volume = zalloc(members, sizeof *pl->group_volume);
    if (!pl->group_provider || !pl->group_volume) {
        free(volume), free(fill);
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t p = 0; p < prestatie_count; p++) {
        for (size_t o = 0; o < provider_count; o++) {
            double v = volume[p * provider_count + o];
            if (v > 0) {
                size_t g = p * discipline_count + m->providers.v[o].discipline;
                size_t at = pl->group_start[g] + fill[g]++;
                pl->group_provider[at] = o;
                pl->group_volume[at] = v;
            }
        }
    }
    for (size_t g = 0; g < group_count; g++) {
        const double *v = pl->group_volume + pl->group_start[g];
        size_t n = pl->group_start[g + 1] - pl->group_start[g];
        pl->group_sum[g] = igoi_fsum(v, n);
        pl->group_largest[g] = n ? igoi_argmax(v, n) : 0;
    }
    igo_error e = fixed_parts(pl, volume);
    free(volume), free(fill);
    return e;
}

static igo_error cost_outside(igo_plan *pl)
{
    for (size_t l = 0; l < pl->outside_count; l++) {
        const igo_outside *line = &pl->m->outside.v[l];
        double eur = line->count * line->tariff;
        if (eur > IGO_MAX_EUR)
            return igoi_fail(pl->m->errmsg, IGO_ERROR_TOO_LARGE,
                            "outside activity '%s': cost EUR %.2f exceeds the limit of EUR %.0f",
                            line->label, eur, IGO_MAX_EUR);
        pl->line_cost[l] = igo_round_cents_fast(eur);
    }
    return IGO_OK;
}

igo_error igoi_plan_build(igo_model *m, igo_plan *pl)
{
    memset(pl, 0, sizeof *pl);
    pl->m = m;
    pl->prestatie_count = m->prestaties.n, pl->discipline_count = m->disciplines.n;
    pl->provider_count = m->providers.n, pl->outside_count = m->outside.n;
    if (pl->prestatie_count == 0)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "the model has no prestaties");
    if (pl->discipline_count == 0)
        return igoi_fail(m->errmsg, IGO_ERROR_ARGUMENT, "the model has no disciplines");
    size_t group_count = pl->prestatie_count * pl->discipline_count;
    if (mul_overflows(pl->prestatie_count, pl->discipline_count) || group_count == SIZE_MAX)
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    pl->key = zalloc(group_count, sizeof *pl->key);
    pl->key_from = zalloc(pl->prestatie_count, sizeof *pl->key_from);
    pl->key_largest = zalloc(pl->prestatie_count, sizeof *pl->key_largest);
    pl->group_start = zalloc(group_count + 1, sizeof *pl->group_start);
    pl->group_sum = zalloc(group_count, sizeof *pl->group_sum);
    pl->group_largest = zalloc(group_count, sizeof *pl->group_largest);
    pl->line_cost = zalloc(pl->outside_count, sizeof *pl->line_cost);
    igo_error e = IGO_OK;
    if (!pl->key || !pl->key_from || !pl->key_largest || !pl->group_start || !pl->group_sum ||
        !pl->group_largest || !pl->line_cost)
        e = igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (!e)
        e = resolve_direct_keys(pl);
    if (!e)
        e = derive_history_keys(pl);
    if (!e)
        e = group_providers(pl);
    if (!e)
        e = cost_outside(pl);
    if (!e)
        e = igoi_plan_points(pl);
    if (e) {
        igoi_plan_free(pl);
        return e;
    }
    for (size_t p = 0; p < pl->prestatie_count; p++)
        pl->key_largest[p] = igoi_argmax(&pl->key[p * pl->discipline_count], pl->discipline_count);
    return IGO_OK;
}

/* The model's own inputs as one variant. */
igo_error igoi_model_variant(igo_model *m, double **buf, igo_variant *in)
{
    size_t prestatie_count = m->prestaties.n;
    *buf = malloc((2 * prestatie_count + IGO_COST_COUNT) * sizeof **buf);
    if (!*buf)
        return igoi_fail(m->errmsg, IGO_ERROR_MEMORY, "out of memory");
    double *count = *buf, *tariff = count + prestatie_count, *cost = tariff + prestatie_count;
    for (size_t p = 0; p < prestatie_count; p++) {
        count[p] = m->prestaties.v[p].count;
        tariff[p] = m->prestaties.v[p].tariff;
    }
    memcpy(cost, m->cost_value, sizeof m->cost_value);
    in->count = count, in->tariff = tariff, in->cost = cost;
    return IGO_OK;
}
