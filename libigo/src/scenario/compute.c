/* Computing the scenarios: volumes (scaled), potentials, each scenario's effects and impacts,
 * totals, the phase-in and the tornado. Every figure is the spreadsheet's ROUND to cents of the
 * same expression the scenario workbook writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

void igoi_scenario_plan_free(sc_plan *pl)
{
    free(pl->volume), free(pl->units), free(pl->delta), free(pl->effects);
    memset(pl, 0, sizeof *pl);
}

static igo_error volumes(igo_scenarios *set, const igo_scaling *scaling, sc_plan *pl)
{
    double births = scaling ? scaling->births : 0;
    if (!isfinite(births) || births < 0)
        return igoi_fail(set->errmsg, IGO_ERROR_VALUE, "region births: %.15g is not a number of "
                        "0 or more", births);
    pl->share = births > 0 ? igo_canonical(births) / set->national_births : 1;
    for (size_t i = 0; i < pl->D; i++) {
        const sc_driver *d = &set->drivers.v[i];
        double own = scaling && scaling->volumes ? scaling->volumes[i] : NAN;
        if (!isnan(own)) {
            char where[IGO_WHERE_SIZE];
            snprintf(where, sizeof where, "driver '%s'", d->id);
            igo_error e = igoi_check_number(set->errmsg, own, IGO_MAX_EUR, where, "region volume");
            if (e)
                return e;
        }
        pl->volume[i] = isnan(own) ? d->volume * pl->share : igo_canonical(own);
        pl->units[i] = pl->volume[i] * d->per_volume;
    }
    return IGO_OK;
}

/* A driver's effect in each scenario: an override, or from its studies' corrected effects
 * effect * weight: the most negative (optimistic), the mean (middle), none (conservative). */
static igo_error effects(igo_scenarios *set, sc_plan *pl)
{
    size_t D = pl->D;
    double *corrected = malloc((set->studies.n + 1) * sizeof *corrected);
    unsigned char *given = calloc(IGO_SCENARIO_COUNT * D + 1, 1);
    if (!corrected || !given) {
        free(corrected), free(given);
        return igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t k = 0; k < set->overrides.n; k++) {
        const igo_cell *c = &set->overrides.v[k];
        pl->effects[c->row * D + c->col] = c->value;
        given[c->row * D + c->col] = 1;
    }
    igo_error e = IGO_OK;
    for (size_t i = 0; i < D && !e; i++) {
        size_t n = 0;
        for (size_t k = 0; k < set->studies.n; k++)
            if (set->studies.v[k].driver == i)
                corrected[n++] = set->studies.v[k].effect * set->studies.v[k].weight;
        double strongest = 0;
        for (size_t k = 0; k < n; k++)
            strongest = k == 0 || corrected[k] < strongest ? corrected[k] : strongest;
        double from_studies[IGO_SCENARIO_COUNT] = {strongest, n ? igoi_fsum(corrected, n) / (double)n
                                                              : 0, 0};
        for (int sc = 0; sc < IGO_SCENARIO_COUNT && !e; sc++) {
            size_t at = (size_t)sc * D + i;
            if (given[at])
                continue;
            if (n == 0 && sc != IGO_SCENARIO_CONSERVATIVE)
                e = igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT,
                             "driver '%s': no studies and no %s effect given; add a study or "
                             "an override", set->drivers.v[i].id, igo_scenario_name(sc));
            pl->effects[at] = from_studies[sc];
        }
    }
    free(corrected), free(given);
    return e;
}

igo_error igoi_scenario_plan_build(igo_scenarios *set, const igo_scaling *scaling, sc_plan *pl)
{
    memset(pl, 0, sizeof *pl);
    pl->D = set->drivers.n, pl->S = set->sectors.n;
    if (!pl->D || !pl->S)
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "the scenario set has no %s",
                        pl->D ? "sectors" : "drivers");
    pl->volume = calloc(pl->D, sizeof *pl->volume);
    pl->units = calloc(pl->D, sizeof *pl->units);
    pl->delta = calloc(pl->D * pl->S, sizeof *pl->delta);
    pl->effects = calloc(IGO_SCENARIO_COUNT * pl->D, sizeof *pl->effects);
    igo_error e = IGO_OK;
    if (!pl->volume || !pl->units || !pl->delta || !pl->effects)
        e = igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (size_t k = 0; !e && k < set->deltas.n; k++)
        pl->delta[set->deltas.v[k].row * pl->S + set->deltas.v[k].col] = set->deltas.v[k].value;
    if (!e)
        e = volumes(set, scaling, pl);
    if (!e)
        e = effects(set, pl);
    if (e)
        igoi_scenario_plan_free(pl);
    return e;
}

/* ---- results ---- */

void igo_scenario_result_free(igo_scenario_result *r)
{
    if (!r)
        return;
    free(r->volume), free(r->potential), free(r->effect), free(r->impact);
    free(r->sector_total), free(r->driver_total), free(r->year), free(r->fraction);
    free(r->phase_in), free(r->tornado_low), free(r->tornado_high);
    free(r);
}

static igo_scenario_result *result_new(size_t D, size_t S, size_t Y)
{
    igo_scenario_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->D = D, r->S = S, r->Y = Y;
    r->volume = calloc(D, sizeof *r->volume);
    r->potential = calloc(D * S, sizeof *r->potential);
    r->effect = calloc(IGO_SCENARIO_COUNT * D, sizeof *r->effect);
    r->impact = calloc(IGO_SCENARIO_COUNT * D * S, sizeof *r->impact);
    r->sector_total = calloc(IGO_SCENARIO_COUNT * S, sizeof *r->sector_total);
    r->driver_total = calloc(IGO_SCENARIO_COUNT * D, sizeof *r->driver_total);
    r->year = calloc(Y + 1, sizeof *r->year);
    r->fraction = calloc(Y + 1, sizeof *r->fraction);
    r->phase_in = calloc(IGO_SCENARIO_COUNT * (Y + 1) * (S + 1), sizeof *r->phase_in);
    r->tornado_low = calloc(D, sizeof *r->tornado_low);
    r->tornado_high = calloc(D, sizeof *r->tornado_high);
    if (!r->volume || !r->potential || !r->effect || !r->impact || !r->sector_total ||
        !r->driver_total || !r->year || !r->fraction || !r->phase_in || !r->tornado_low ||
        !r->tornado_high) {
        igo_scenario_result_free(r);
        return NULL;
    }
    return r;
}

static void scenario(const sc_plan *pl, igo_scenario_result *r, int sc)
{
    size_t D = pl->D, S = pl->S;
    int64_t *impact = r->impact + (size_t)sc * D * S;
    for (size_t i = 0; i < D; i++) {
        double magnitude = fabs(pl->effects[(size_t)sc * D + i]);
        for (size_t s = 0; s < S; s++) {
            int64_t cents = igoi_round_cents_exact(igo_eur(r->potential[i * S + s]) * magnitude);
            impact[i * S + s] = cents;
            r->sector_total[(size_t)sc * S + s] += cents;
            r->driver_total[(size_t)sc * D + i] += cents;
            r->total[sc] += cents;
        }
    }
}

/* Per year, each sector's full-effect total times the year's fraction, then their sum. */
static void phase_in(const igo_scenarios *set, igo_scenario_result *r)
{
    size_t S = r->S, Y = r->Y;
    for (size_t y = 0; y < Y; y++) {
        r->year[y] = set->phases.v[y].year;
        r->fraction[y] = set->phases.v[y].fraction;
    }
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        for (size_t y = 0; y < Y; y++) {
            int64_t *row = r->phase_in + ((size_t)sc * Y + y) * (S + 1), sum = 0;
            for (size_t s = 0; s < S; s++) {
                double full = igo_eur(r->sector_total[(size_t)sc * S + s]);
                row[s] = igoi_round_cents_exact(full * r->fraction[y]);
                sum += row[s];
            }
            row[S] = sum;
        }
}

/* P[i][s] = ROUND(units * delta; 2). */
static igo_error potentials(igo_scenarios *set, const sc_plan *pl, igo_scenario_result *r)
{
    for (size_t i = 0; i < pl->D; i++)
        for (size_t s = 0; s < pl->S; s++) {
            double eur = pl->units[i] * pl->delta[i * pl->S + s];
            if (fabs(eur) > IGO_MAX_EUR)
                return igoi_fail(set->errmsg, IGO_ERROR_TOO_LARGE,
                                "driver '%s', sector '%s': potential exceeds EUR 1e12",
                                set->drivers.v[i].id, set->sectors.v[s].id);
            r->potential[i * pl->S + s] = igoi_round_cents_exact(eur);
        }
    return IGO_OK;
}

/* The tornado: one driver's middle figures swapped for its conservative or optimistic ones. */
static void tornado(igo_scenario_result *r)
{
    size_t D = r->D;
    for (size_t i = 0; i < D; i++) {
        int64_t others = r->total[IGO_SCENARIO_MIDDLE] - r->driver_total[D + i];
        r->tornado_low[i] = others + r->driver_total[(size_t)IGO_SCENARIO_CONSERVATIVE * D + i];
        r->tornado_high[i] = others + r->driver_total[(size_t)IGO_SCENARIO_OPTIMISTIC * D + i];
    }
}

igo_error igoi_scenario_compute(igo_scenarios *set, const igo_scaling *scaling, igo_scenario_result **result,
                     sc_plan *pl)
{
    *result = NULL;
    set->errmsg[0] = '\0';
    igo_error e = igoi_scenario_plan_build(set, scaling, pl);
    if (e)
        return e;
    igo_scenario_result *r = result_new(pl->D, pl->S, set->phases.n);
    e = r ? potentials(set, pl, r) : igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (e) {
        igo_scenario_result_free(r);
        igoi_scenario_plan_free(pl);
        return e;
    }
    memcpy(r->volume, pl->volume, pl->D * sizeof *pl->volume);
    memcpy(r->effect, pl->effects, IGO_SCENARIO_COUNT * pl->D * sizeof *pl->effects);
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        scenario(pl, r, sc);
    phase_in(set, r);
    tornado(r);
    *result = r;
    return IGO_OK;
}

igo_error igo_scenarios_compute(igo_scenarios *set, const igo_scaling *scaling,
                                igo_scenario_result **result)
{
    if (!set || !result)
        return set ? igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "no place for the result (NULL)")
                   : IGO_ERROR_ARGUMENT;
    sc_plan pl;
    igo_error e = igoi_scenario_compute(set, scaling, result, &pl);
    if (!e)
        igoi_scenario_plan_free(&pl);
    return e;
}

/* ---- getters ---- */

size_t igo_scenario_result_driver_count(const igo_scenario_result *r)
{
    return r ? r->D : 0;
}

size_t igo_scenario_result_sector_count(const igo_scenario_result *r)
{
    return r ? r->S : 0;
}

size_t igo_scenario_result_year_count(const igo_scenario_result *r)
{
    return r ? r->Y : 0;
}

const double *igo_scenario_result_volumes(const igo_scenario_result *r)
{
    return r ? r->volume : NULL;
}

const int64_t *igo_scenario_result_potentials(const igo_scenario_result *r)
{
    return r ? r->potential : NULL;
}

static int ok(const igo_scenario_result *r, igo_scenario s)
{
    return r && (unsigned)s < IGO_SCENARIO_COUNT;
}

const double *igo_scenario_result_effects(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->effect + (size_t)s * r->D : NULL;
}

const int64_t *igo_scenario_result_impacts(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->impact + (size_t)s * r->D * r->S : NULL;
}

const int64_t *igo_scenario_result_sector_totals(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->sector_total + (size_t)s * r->S : NULL;
}

const int64_t *igo_scenario_result_driver_totals(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->driver_total + (size_t)s * r->D : NULL;
}

int64_t igo_scenario_result_total(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->total[s] : 0;
}

const int *igo_scenario_result_years(const igo_scenario_result *r)
{
    return r ? r->year : NULL;
}

const double *igo_scenario_result_fractions(const igo_scenario_result *r)
{
    return r ? r->fraction : NULL;
}

const int64_t *igo_scenario_result_phase_in(const igo_scenario_result *r, igo_scenario s)
{
    return ok(r, s) ? r->phase_in + (size_t)s * r->Y * (r->S + 1) : NULL;
}

const int64_t *igo_scenario_result_tornado_low(const igo_scenario_result *r)
{
    return r ? r->tornado_low : NULL;
}

const int64_t *igo_scenario_result_tornado_high(const igo_scenario_result *r)
{
    return r ? r->tornado_high : NULL;
}
