/* Monte Carlo uncertainty: each driver's effect drawn between its conservative and optimistic
 * values (uniform, or triangular with the mode at the middle effect), many times, with a seeded
 * xoshiro256** generator so that a seed always gives the same figures. */
#include <stdlib.h>
#include <string.h>

#include "quantile.h"
#include "scenario.h"

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static rng rng_seed(uint64_t seed)
{
    rng r;
    for (int i = 0; i < 4; i++)
        r.s[i] = splitmix64(&seed);
    return r;
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* A double uniform in [0, 1). */
static inline double rng_unit(rng *r)
{
    uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0], s[3] ^= s[1], s[1] ^= s[2], s[0] ^= s[3], s[2] ^= t, s[3] = rotl(s[3], 45);
    return (double)(result >> 11) * 0x1p-53;
}

/* One driver's range: from lo to hi, mode at mode (triangular), as the inverse CDF needs it. */
typedef struct range {
    double lo, width, split, left, right; /* split: the CDF at the mode */
} range;

static igo_error ranges(igo_scenarios *set, const sc_plan *pl, igo_draw kind, range *out)
{
    size_t driver_count = pl->driver_count;
    for (size_t i = 0; i < driver_count; i++) {
        double a = pl->effects[IGO_SCENARIO_CONSERVATIVE * driver_count + i];
        double b = pl->effects[IGO_SCENARIO_OPTIMISTIC * driver_count + i];
        double mode = pl->effects[IGO_SCENARIO_MIDDLE * driver_count + i];
        double lo = a < b ? a : b, hi = a < b ? b : a, width = hi - lo;
        if (kind == IGO_DRAW_TRIANGULAR && (mode < lo || mode > hi))
            return igoi_fail(set->errmsg, IGO_ERROR_VALUE,
                            "driver '%s': the middle effect %.4g %% lies outside the range "
                            "%.4g..%.4g %% of the conservative and optimistic effects",
                            set->drivers.v[i].id, mode * 100, lo * 100, hi * 100);
        out[i] = (range){lo, width, width > 0 ? (mode - lo) / width : 0,
                         width * (mode - lo), width * (hi - mode)};
    }
    return IGO_OK;
}

static inline double draw(rng *r, const range *span, igo_draw kind)
{
    double u = rng_unit(r);
    if (kind == IGO_DRAW_UNIFORM)
        return span->lo + span->width * u;
    return u < span->split ? span->lo + sqrt(u * span->left)
                           : span->lo + span->width - sqrt((1 - u) * span->right);
}

/* The draws, series by series: series[s * draws + n] is draw n's figure for sector s
 * (s = sector_count is the total), in EUR. Nonzero when the progress callback stopped it. */
static int run(const sc_plan *pl, const double *potential, const range *bounds, igo_draw kind,
               uint64_t seed, size_t draws, double *series, igo_ticker *tk)
{
    size_t driver_count = pl->driver_count, sector_count = pl->sector_count;
    rng r = rng_seed(seed);
    double magnitude[64];
    for (size_t n = 0; n < draws; n++) {
        if (igoi_tick(tk, driver_count * (sector_count + 1), 0.8 * (double)n / (double)draws))
            return 1;
        for (size_t i = 0; i < driver_count; i++)
            magnitude[i] = fabs(draw(&r, &bounds[i], kind));
        double total = 0;
        for (size_t s = 0; s < sector_count; s++) {
            double sum = 0;
            for (size_t i = 0; i < driver_count; i++)
                sum += potential[i * sector_count + s] * magnitude[i];
            series[s * draws + n] = sum;
            total += sum;
        }
        series[sector_count * draws + n] = total;
    }
    return 0;
}

/* The mean, the samples and the percentiles of each series, column[] holding 2 * npercentiles
 * values. Nonzero when the progress callback stopped it. */
static int summarise(size_t draws, size_t sector_count, double *series, double *column,
                     igo_uncertainty *u, igo_ticker *tk)
{
    for (size_t s = 0; s <= sector_count; s++) {
        double *x = series + s * draws;
        if (u->mean)
            u->mean[s] = igoi_fsum(x, draws) / (double)draws;
        if (u->samples)
            for (size_t n = 0; n < draws; n++)
                u->samples[n * (sector_count + 1) + s] = x[n];
    }
    for (size_t s = 0; s <= sector_count; s++) {
        /* Selecting percentiles takes a few passes over the series. */
        double done = 0.8 + 0.2 * (double)s / (double)(sector_count + 1);
        if (igoi_tick(tk, 65536 + 8 * (uint64_t)draws, done))
            return 1;
        igoi_percentiles(series + s * draws, draws, u->percentiles, u->npercentiles,
                        column + u->npercentiles, column);
        for (size_t k = 0; k < u->npercentiles; k++)
            u->out[k * (sector_count + 1) + s] = column[k];
    }
    return 0;
}

igo_error igo_scenarios_uncertainty_shape(igo_scenarios *set, const igo_uncertainty *u,
                                          igo_uncertainty_shape *shape)
{
    if (!set)
        return IGO_ERROR_ARGUMENT;
    if (!u || !shape || u->draws == 0)
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "uncertainty: give draws > 0");
    if (u->draws > IGO_MAX_DRAWS)
        return igoi_fail(set->errmsg, IGO_ERROR_LIMIT,
                        "uncertainty: %zu draws is more than the %d one call makes", u->draws,
                        IGO_MAX_DRAWS);
    size_t width = set->sectors.n + 1, rows = SIZE_MAX / sizeof(double) / width;
    if (u->npercentiles > rows || u->draws > rows)
        return igoi_fail(set->errmsg, IGO_ERROR_LIMIT,
                        "uncertainty: %zu draws and %zu percentiles of %zu values each are more "
                        "than memory holds", u->draws, u->npercentiles, width);
    *shape = (igo_uncertainty_shape){u->npercentiles * width, width, u->draws * width};
    return IGO_OK;
}

static igo_error check_request(igo_scenarios *set, const igo_uncertainty *u, size_t driver_count)
{
    igo_uncertainty_shape shape;
    igo_error e = igo_scenarios_uncertainty_shape(set, u, &shape);
    if (e)
        return e;
    if (u->npercentiles && (!u->percentiles || !u->out))
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT,
                        "uncertainty: give, with percentiles, room for them");
    if (u->distribution != IGO_DRAW_UNIFORM && u->distribution != IGO_DRAW_TRIANGULAR)
        return igoi_fail(set->errmsg, IGO_ERROR_ARGUMENT, "uncertainty: unknown distribution %d",
                        (int)u->distribution);
    if (driver_count > 64)
        return igoi_fail(set->errmsg, IGO_ERROR_LIMIT,
                        "uncertainty: at most 64 drivers (this set has %zu)", driver_count);
    for (size_t k = 0; k < u->npercentiles; k++)
        if (!(u->percentiles[k] >= 0 && u->percentiles[k] <= 100))
            return igoi_fail(set->errmsg, IGO_ERROR_VALUE,
                            "uncertainty: percentile %.15g is outside 0..100", u->percentiles[k]);
    return IGO_OK;
}

/* The draws and percentiles, once every buffer exists. */
static igo_error simulate(igo_scenarios *set, const sc_plan *pl, const igo_scenario_result *r,
                          igo_uncertainty *u, range *bounds, double *potential, double *series,
                          double *column)
{
    igo_error e = ranges(set, pl, u->distribution, bounds);
    if (e)
        return e;
    for (size_t k = 0; k < pl->driver_count * pl->sector_count; k++)
        potential[k] = igo_eur(r->potential[k]);
    igo_ticker tk = igoi_ticker_start(set->progress);
    if (run(pl, potential, bounds, u->distribution, u->seed, u->draws, series, &tk) ||
        summarise(u->draws, pl->sector_count, series, column, u, &tk))
        return igoi_fail(set->errmsg, IGO_ERROR_CANCELLED, "uncertainty: stopped");
    return IGO_OK;
}

igo_error igo_scenarios_uncertainty(igo_scenarios *set, const igo_scaling *scaling,
                                    igo_uncertainty *u)
{
    if (!set)
        return IGO_ERROR_ARGUMENT;
    igo_scenario_result *r; /* for the potentials, in cents */
    sc_plan pl;
    igo_error e = igoi_scenario_compute(set, scaling, &r, &pl);
    if (e)
        return e;
    size_t driver_count = pl.driver_count, sector_count = pl.sector_count;
    e = check_request(set, u, driver_count);
    /* Every buffer before any work: a failure can only be an error, never a partial result. */
    range *bounds = malloc((driver_count + 1) * sizeof *bounds);
    double *potential = malloc((driver_count * sector_count + 1) * sizeof *potential);
    double *column = malloc((2 * (e ? 0 : u->npercentiles) + 1) * sizeof *column);
    int fits = !e && u->draws <= SIZE_MAX / sizeof(double) / (sector_count + 1);
    double *series = fits ? malloc(u->draws * (sector_count + 1) * sizeof *series) : NULL;
    if (!e && (!bounds || !potential || !column || !series))
        e = igoi_fail(set->errmsg, IGO_ERROR_MEMORY, "uncertainty: out of memory for %zu draws",
                     u->draws);
    if (!e)
        e = simulate(set, &pl, r, u, bounds, potential, series, column);
    free(bounds), free(potential), free(column), free(series);
    igoi_scenario_plan_free(&pl);
    igo_scenario_result_free(r);
    return e;
}
