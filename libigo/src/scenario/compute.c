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
    for (size_t i = 0; i < pl->driver_count; i++) {
        const sc_driver *driver = &set->drivers.v[i];
        double own = scaling && scaling->volumes ? scaling->volumes[i] : NAN;
        if (!isnan(own)) {
            char where[IGO_WHERE_SIZE];
            snprintf(where, sizeof where, "driver '%s'", driver->id);
            igo_error e = igoi_check_number(set->errmsg, own, IGO_MAX_EUR, where, "region volume");
            if (e)
                return e;
        }
        pl->volume[i] = isnan(own) ? driver->volume * pl->share : igo_canonical(own);
        pl->units[i] = pl->volume[i] * driver->per_volume;
    }
    return IGO_OK;
}

/* A driver's effect in each scenario: an override, or from its studies' corrected effects
 * effect * weight: the most negative (optimistic), the mean (middle), none (conservative). */
static igo_error effects(igo_scenarios *set, sc_plan *pl)
{
    size_t driver_count = pl->driver_count;
    double *corrected = malloc((set->studies.n + 1) * sizeof *corrected);
    unsigned char *given = calloc(IGO_SCENARIO_COUNT * driver_count + 1, 1);
    if (!corrected || !given) {
        free(corrected), free(given);
        return igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    }
    for (size_t k = 0; k < set->overrides.n; k++) {
        const igoi_cell *c = &set->overrides.v[k];
        pl->effects[c->row * driver_count + c->col] = c->value;
        given[c->row * driver_count + c->col] = 1;
    }
    igo_error e = IGO_OK;
    for (size_t i = 0; i < driver_count && !e; i++) {
        size_t n = 0;
        for (size_t k = 0; k < set->studies.n; k++)
            if (set->studies.v[k].driver == i)
                corrected[n++] = set->studies.v[k].effect * set->studies.v[k].weight;
        double strongest = 0;
        for (size_t k = 0; k < n; k++)
            strongest = k == 0 || corrected[k] < strongest ? corrected[k] : strongest;
        double mean = n ? igoi_fsum(corrected, n) / (double)n : 0;
        double from_studies[IGO_SCENARIO_COUNT] = {strongest, mean, 0};
        for (int sc = 0; sc < IGO_SCENARIO_COUNT && !e; sc++) {
            size_t at = (size_t)sc * driver_count + i;
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
    pl->driver_count = set->drivers.n, pl->sector_count = set->sectors.n;
    if (!pl->driver_count || !pl->sector_count)
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "the scenario set has no %s",
                        pl->driver_count ? "sectors" : "drivers");
    pl->volume = calloc(pl->driver_count, sizeof *pl->volume);
    pl->units = calloc(pl->driver_count, sizeof *pl->units);
    pl->delta = calloc(pl->driver_count * pl->sector_count, sizeof *pl->delta);
    pl->effects = calloc(IGO_SCENARIO_COUNT * pl->driver_count, sizeof *pl->effects);
    igo_error e = IGO_OK;
    if (!pl->volume || !pl->units || !pl->delta || !pl->effects)
        e = igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    for (size_t k = 0; !e && k < set->deltas.n; k++)
        pl->delta[set->deltas.v[k].row * pl->sector_count + set->deltas.v[k].col] =
            set->deltas.v[k].value;
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

static igo_scenario_result *result_new(size_t driver_count, size_t sector_count, size_t year_count)
{
    igo_scenario_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->driver_count = driver_count, r->sector_count = sector_count, r->year_count = year_count;
    r->volume = calloc(driver_count, sizeof *r->volume);
    r->potential = calloc(driver_count * sector_count, sizeof *r->potential);
    r->effect = calloc(IGO_SCENARIO_COUNT * driver_count, sizeof *r->effect);
    r->impact = calloc(IGO_SCENARIO_COUNT * driver_count * sector_count, sizeof *r->impact);
    r->sector_total = calloc(IGO_SCENARIO_COUNT * sector_count, sizeof *r->sector_total);
    r->driver_total = calloc(IGO_SCENARIO_COUNT * driver_count, sizeof *r->driver_total);
    r->year = calloc(year_count + 1, sizeof *r->year);
    r->fraction = calloc(year_count + 1, sizeof *r->fraction);
    r->phase_in =
        calloc(IGO_SCENARIO_COUNT * (year_count + 1) * (sector_count + 1), sizeof *r->phase_in);
    r->tornado_low = calloc(driver_count, sizeof *r->tornado_low);
    r->tornado_high = calloc(driver_count, sizeof *r->tornado_high);
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
    size_t driver_count = pl->driver_count, sector_count = pl->sector_count;
    int64_t *impact = r->impact + (size_t)sc * driver_count * sector_count;
    for (size_t i = 0; i < driver_count; i++) {
        double magnitude = fabs(pl->effects[(size_t)sc * driver_count + i]);
        for (size_t s = 0; s < sector_count; s++) {
            double full = igo_eur(r->potential[i * sector_count + s]);
            int64_t cents = igoi_round_cents_exact(full * magnitude);
            impact[i * sector_count + s] = cents;
            r->sector_total[(size_t)sc * sector_count + s] += cents;
            r->driver_total[(size_t)sc * driver_count + i] += cents;
            r->total[sc] += cents;
        }
    }
}

/* Per year, each sector's full-effect total times the year's fraction, then their sum. */
static void phase_in(const igo_scenarios *set, igo_scenario_result *r)
{
    size_t sector_count = r->sector_count, year_count = r->year_count;
    for (size_t y = 0; y < year_count; y++) {
        r->year[y] = set->phases.v[y].year;
        r->fraction[y] = set->phases.v[y].fraction;
    }
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        for (size_t y = 0; y < year_count; y++) {
            int64_t *row = r->phase_in + ((size_t)sc * year_count + y) * (sector_count + 1);
            int64_t sum = 0;
            for (size_t s = 0; s < sector_count; s++) {
                double full = igo_eur(r->sector_total[(size_t)sc * sector_count + s]);
                row[s] = igoi_round_cents_exact(full * r->fraction[y]);
                sum += row[s];
            }
            row[sector_count] = sum;
        }
}

/* P[i][s] = ROUND(units * delta; 2). */
static igo_error potentials(igo_scenarios *set, const sc_plan *pl, igo_scenario_result *r)
{
    for (size_t i = 0; i < pl->driver_count; i++)
        for (size_t s = 0; s < pl->sector_count; s++) {
            double eur = pl->units[i] * pl->delta[i * pl->sector_count + s];
            if (fabs(eur) > IGO_MAX_EUR)
                return igoi_fail(set->errmsg, IGO_ERROR_TOO_LARGE,
                                "driver '%s', sector '%s': potential exceeds EUR 1e12",
                                set->drivers.v[i].id, set->sectors.v[s].id);
            r->potential[i * pl->sector_count + s] = igoi_round_cents_exact(eur);
        }
    return IGO_OK;
}

/* The tornado: one driver's middle figures swapped for its conservative or optimistic ones. */
static void tornado(igo_scenario_result *r)
{
    size_t driver_count = r->driver_count;
    const int64_t *middle = r->driver_total + IGO_SCENARIO_MIDDLE * driver_count;
    const int64_t *conservative = r->driver_total + IGO_SCENARIO_CONSERVATIVE * driver_count;
    const int64_t *optimistic = r->driver_total + IGO_SCENARIO_OPTIMISTIC * driver_count;
    for (size_t i = 0; i < driver_count; i++) {
        int64_t others = r->total[IGO_SCENARIO_MIDDLE] - middle[i];
        r->tornado_low[i] = others + conservative[i];
        r->tornado_high[i] = others + optimistic[i];
    }
}

igo_error igoi_scenario_compute(igo_scenarios *set, const igo_scaling *scaling,
                                igo_scenario_result **result, sc_plan *pl)
{
    *result = NULL;
    set->errmsg[0] = '\0';
    igo_error e = igoi_scenario_plan_build(set, scaling, pl);
    if (e)
        return e;
    igo_scenario_result *r = result_new(pl->driver_count, pl->sector_count, set->phases.n);
    e = r ? potentials(set, pl, r) : igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "out of memory");
    if (e) {
        igo_scenario_result_free(r);
        igoi_scenario_plan_free(pl);
        return e;
    }
    memcpy(r->volume, pl->volume, pl->driver_count * sizeof *pl->volume);
    memcpy(r->effect, pl->effects, IGO_SCENARIO_COUNT * pl->driver_count * sizeof *pl->effects);
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
    return r ? r->driver_count : 0;
}

size_t igo_scenario_result_sector_count(const igo_scenario_result *r)
{
    return r ? r->sector_count : 0;
}

size_t igo_scenario_result_year_count(const igo_scenario_result *r)
{
    return r ? r->year_count : 0;
}

const double *igo_scenario_result_volumes(const igo_scenario_result *r)
{
    return r ? r->volume : NULL;
}

const int64_t *igo_scenario_result_potentials(const igo_scenario_result *r)
{
    return r ? r->potential : NULL;
}

static int ok(const igo_scenario_result *r, igo_scenario sc)
{
    return r && (unsigned)sc < IGO_SCENARIO_COUNT;
}

const double *igo_scenario_result_effects(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->effect + (size_t)sc * r->driver_count : NULL;
}

const int64_t *igo_scenario_result_impacts(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->impact + (size_t)sc * r->driver_count * r->sector_count : NULL;
}

const int64_t *igo_scenario_result_sector_totals(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->sector_total + (size_t)sc * r->sector_count : NULL;
}

const int64_t *igo_scenario_result_driver_totals(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->driver_total + (size_t)sc * r->driver_count : NULL;
}

int64_t igo_scenario_result_total(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->total[sc] : 0;
}

const int *igo_scenario_result_years(const igo_scenario_result *r)
{
    return r ? r->year : NULL;
}

const double *igo_scenario_result_fractions(const igo_scenario_result *r)
{
    return r ? r->fraction : NULL;
}

const int64_t *igo_scenario_result_phase_in(const igo_scenario_result *r, igo_scenario sc)
{
    return ok(r, sc) ? r->phase_in + (size_t)sc * r->year_count * (r->sector_count + 1) : NULL;
}

const int64_t *igo_scenario_result_tornado_low(const igo_scenario_result *r)
{
    return r ? r->tornado_low : NULL;
}

const int64_t *igo_scenario_result_tornado_high(const igo_scenario_result *r)
{
    return r ? r->tornado_high : NULL;
}
