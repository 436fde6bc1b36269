/* Cost scenarios (shared/spec/scenarios.md): what better cooperation in birth care saves or costs,
 * per cost driver and sector, in an optimistic, a middle and a conservative scenario, phased in
 * over the years, scaled to a region, with Monte Carlo uncertainty and a tornado table.
 *
 * A scenario set holds sectors, drivers (a yearly volume and a cost change per unit per sector),
 * the studies that give each driver's effect, per-scenario overrides and a phase-in schedule.
 * Effects, weights and phase-in fractions are fractions (-0.44 for -44 %). Figures that come out
 * are whole cents, each rounded with the spreadsheet's ROUND, as the scenario workbook does. */
#ifndef IGO_SCENARIO_H
#define IGO_SCENARIO_H

#include "common.h"
#include "error.h"
#include "progress.h"
#include "workbook.h"

IGO_BEGIN_DECLS

typedef struct igo_scenarios igo_scenarios;
typedef struct igo_scenario_result igo_scenario_result;

typedef enum igo_scenario {
    IGO_SCENARIO_OPTIMISTIC = 0,   /* the strongest corrected effect of the driver's studies */
    IGO_SCENARIO_MIDDLE = 1,       /* the mean of the corrected effects */
    IGO_SCENARIO_CONSERVATIVE = 2, /* no effect */
    IGO_SCENARIO_COUNT = 3
} igo_scenario;

/* "optimistic", "middle", "conservative". */
IGO_API const char *igo_scenario_name(igo_scenario scenario);

/* A new empty set (national births 167,500 until set otherwise). */
IGO_API igo_scenarios *igo_scenarios_new(void);
IGO_API void igo_scenarios_free(igo_scenarios *set);
IGO_API const char *igo_scenarios_errmsg(const igo_scenarios *set);
/* The progress callback for the set's long calls (Monte Carlo, the workbook); NULL for none. */
IGO_API igo_error igo_scenarios_set_progress(igo_scenarios *set, igo_progress_fn progress,
                                             void *user_data);

IGO_API igo_error igo_scenarios_set_name(igo_scenarios *set, const char *name);
IGO_API igo_error igo_scenarios_add_sector(igo_scenarios *set, const char *id, const char *label);
/* A driver with its national yearly volume; the potential counts volume * per_volume units (for
 * example preterm births * NICU days per birth; 1 for most drivers). */
IGO_API igo_error igo_scenarios_add_driver(igo_scenarios *set, const char *id, const char *label,
                                           double volume, double per_volume);
/* The cost change per unit that no longer happens: negative a saving, positive an extra cost. */
IGO_API igo_error igo_scenarios_set_unit_delta(igo_scenarios *set, const char *driver,
                                               const char *sector, double eur);
/* A study of the driver: its described effect (-1..1) and its weight for comparability (0..1). */
IGO_API igo_error igo_scenarios_add_study(igo_scenarios *set, const char *driver, const char *label,
                                          double effect, double weight);
/* The driver's effect in one scenario given directly, instead of from the studies. */
IGO_API igo_error igo_scenarios_set_override(igo_scenarios *set, igo_scenario scenario,
                                             const char *driver, double effect);
/* The fraction (0..1) of the full effect reached in a year; setting a year again replaces it. */
IGO_API igo_error igo_scenarios_set_phase_in(igo_scenarios *set, int year, double fraction);
/* The national number of births a year, the base for scaling to a region by its births. */
IGO_API igo_error igo_scenarios_set_national_births(igo_scenarios *set, double births);

/* Scaling to a region: national volumes (births = 0, volumes = NULL), national volumes times the
 * region's share of births (births > 0), or the region's own volume per driver (volumes, in driver
 * order; a NaN entry keeps that driver's national volume, scaled by births if given). */
typedef struct igo_scaling {
    double births;
    const double *volumes;
} igo_scaling;

/* Computes every scenario; *result is the caller's to free. scaling may be NULL (national). */
IGO_API igo_error igo_scenarios_compute(igo_scenarios *set, const igo_scaling *scaling,
                                        igo_scenario_result **result);
IGO_API void igo_scenario_result_free(igo_scenario_result *result);

IGO_API size_t igo_scenario_result_driver_count(const igo_scenario_result *result);
IGO_API size_t igo_scenario_result_sector_count(const igo_scenario_result *result);
IGO_API size_t igo_scenario_result_year_count(const igo_scenario_result *result);
/* The volume used per driver (national, scaled or the region's own), before per_volume. */
IGO_API const double *igo_scenario_result_volumes(const igo_scenario_result *result);
/* P[i][s] = ROUND(volume * per_volume * unit delta; 2), in cents at [i * sectors + s]. */
IGO_API const int64_t *igo_scenario_result_potentials(const igo_scenario_result *result);
/* The effect per driver in a scenario (a fraction, negative for a reduction). */
IGO_API const double *igo_scenario_result_effects(const igo_scenario_result *result, igo_scenario s);
/* impact[i][s] = ROUND(P[i][s] * |effect_i|; 2), cents at [i * sectors + s]. */
IGO_API const int64_t *igo_scenario_result_impacts(const igo_scenario_result *result, igo_scenario s);
IGO_API const int64_t *igo_scenario_result_sector_totals(const igo_scenario_result *result,
                                                         igo_scenario s);
IGO_API const int64_t *igo_scenario_result_driver_totals(const igo_scenario_result *result,
                                                         igo_scenario s);
IGO_API int64_t igo_scenario_result_total(const igo_scenario_result *result, igo_scenario s);
/* The phase-in schedule, in year order, and per year each sector's ROUND(total * fraction; 2)
 * followed by their sum, cents at [y * (sectors + 1) + s]. */
IGO_API const int *igo_scenario_result_years(const igo_scenario_result *result);
IGO_API const double *igo_scenario_result_fractions(const igo_scenario_result *result);
IGO_API const int64_t *igo_scenario_result_phase_in(const igo_scenario_result *result, igo_scenario s);
/* The tornado: per driver the overall total with that driver at its conservative (low) and its
 * optimistic (high) effect and every other driver at its middle effect, in cents. */
IGO_API const int64_t *igo_scenario_result_tornado_low(const igo_scenario_result *result);
IGO_API const int64_t *igo_scenario_result_tornado_high(const igo_scenario_result *result);

/* The most draws one Monte Carlo call makes (they are kept in memory to take percentiles). */
enum { IGO_MAX_DRAWS = 100000000 };

typedef enum igo_draw {
    IGO_DRAW_UNIFORM = 0,   /* each effect uniform between conservative and optimistic */
    IGO_DRAW_TRIANGULAR = 1 /* triangular between them with the mode at the middle effect */
} igo_draw;

/* Monte Carlo: `draws` draws of every driver's effect (seeded: the same seed gives the same
 * figures), each giving the full-effect impact per sector and in total (EUR, not rounded).
 *   percentiles: npercentiles values in 0..100 (linear interpolation between order statistics)
 *   out:     npercentiles x (sectors + 1): per percentile each sector then the total
 *   mean:    sectors + 1, or NULL
 *   samples: draws x (sectors + 1), or NULL: every draw's figures */
typedef struct igo_uncertainty {
    size_t draws;
    uint64_t seed;
    igo_draw distribution;
    const double *percentiles;
    size_t npercentiles;
    double *out;
    double *mean;
    double *samples;
} igo_uncertainty;

IGO_API igo_error igo_scenarios_uncertainty(igo_scenarios *set, const igo_scaling *scaling,
                                            igo_uncertainty *uncertainty);

/** The number of values each output buffer of a Monte Carlo request holds. */
typedef struct igo_uncertainty_shape {
    size_t out, mean, samples;
} igo_uncertainty_shape;

/**
 * The buffer sizes a Monte Carlo request on the set needs, so that a caller handed buffers of
 * unknown length (a binding) can check them; igo_scenarios_uncertainty makes the same check.
 * @param set the scenario set (its sector count sets the width of every row)
 * @param uncertainty the request: its draws and npercentiles are read, its pointers are not
 * @param shape receives the number of values (not bytes) of out, mean and samples
 * @return IGO_OK; IGO_ERROR_ARGUMENT for no draws or a NULL pointer; IGO_ERROR_LIMIT for more
 *         than IGO_MAX_DRAWS draws (the set's message says so)
 */
IGO_API igo_error igo_scenarios_uncertainty_shape(igo_scenarios *set,
                                                  const igo_uncertainty *uncertainty,
                                                  igo_uncertainty_shape *shape);

/* The scenario workbook: inputs, studies, the calculation as live formulas, the scenario and
 * phase-in tables and charts; written like igo_workbook_write (temporary file, checked, renamed). */
IGO_API igo_error igo_scenarios_workbook_write(igo_scenarios *set, const igo_scaling *scaling,
                                               const char *path, const igo_workbook_options *options);

/* Reading the set back. */
IGO_API size_t igo_scenarios_driver_count(const igo_scenarios *set);
IGO_API size_t igo_scenarios_sector_count(const igo_scenarios *set);
IGO_API const char *igo_scenarios_driver_id(const igo_scenarios *set, size_t index);
IGO_API const char *igo_scenarios_driver_label(const igo_scenarios *set, size_t index);
IGO_API const char *igo_scenarios_sector_id(const igo_scenarios *set, size_t index);
IGO_API const char *igo_scenarios_sector_label(const igo_scenarios *set, size_t index);

IGO_END_DECLS

#endif
