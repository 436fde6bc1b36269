/**
 * @file scenario.h
 * @brief Cost scenarios: what better cooperation in birth care saves or costs.
 *
 * A scenario set estimates, per cost driver and sector, the savings (or extra costs) of better
 * cooperation in an optimistic, a middle and a conservative scenario, phased in over the years,
 * scaled to a region, with Monte Carlo uncertainty and a tornado table.
 *
 * It holds sectors (where costs fall, such as medisch-specialistische zorg, verloskunde and
 * kraamzorg), drivers (a cause of cost with a national yearly volume, such as births referred
 * to the second line) with a cost change per unit per sector, the studies that give each
 * driver's effect, per-scenario overrides of an effect and a phase-in schedule. The
 * calculation, for driver i and sector s:
 * - the potential P[i][s] = ROUND(volume_i * per_volume_i * unit_delta[i][s]; 2): what the
 *   driver's units would change if they all no longer happened (negative: a saving);
 * - driver i's effect in each scenario (igo_scenario), a fraction such as -0.44 for -44 %;
 * - the impact ROUND(P[i][s] * |effect_i|; 2), with totals per sector, per driver and overall;
 * - per phase-in year, each sector's total times the year's fraction of the full effect.
 *
 * Effects, study weights and phase-in fractions are fractions (-0.44 for -44 %); volumes,
 * counts and money come in as doubles, money in EUR. Figures that come out are whole cents
 * (int64), each rounded with the spreadsheet's ROUND, as the scenario workbook computes them;
 * the Monte Carlo figures are EUR as doubles, not rounded. Texts follow the rules of model.h:
 * UTF-8 without control characters, ids not empty and at most 255 UTF-16 units, labels at most
 * 32767. Numbers are kept to 15 significant digits (igo_canonical()).
 *
 * Threads: every call writes the set's error message, so use one set from one thread at a
 * time; distinct sets may be used from distinct threads at once.
 */
#ifndef IGO_SCENARIO_H
#define IGO_SCENARIO_H

#include "common.h"
#include "error.h"
#include "progress.h"
#include "workbook.h"

IGO_BEGIN_DECLS

/**
 * @brief A scenario set (opaque).
 *
 * Created by igo_scenarios_new(), freed by igo_scenarios_free(); see scenario.h.
 */
typedef struct igo_scenarios igo_scenarios;

/**
 * @brief The figures of every scenario of a set (opaque).
 *
 * Made by igo_scenarios_compute(), freed by igo_scenario_result_free(). A snapshot: it does
 * not refer to its set, which may be changed or freed meanwhile.
 */
typedef struct igo_scenario_result igo_scenario_result;

/**
 * @brief The three scenarios.
 *
 * A driver's effect in a scenario is the override given with igo_scenarios_set_override(), or
 * else comes from its studies' corrected effects (effect * weight) as each value says.
 */
typedef enum igo_scenario {
    /** The lowest (most negative) corrected effect of the driver's studies. */
    IGO_SCENARIO_OPTIMISTIC = 0,
    /** The mean of the corrected effects of the driver's studies. */
    IGO_SCENARIO_MIDDLE = 1,
    /** No effect (0). */
    IGO_SCENARIO_CONSERVATIVE = 2,
    /** Not a scenario: the number of scenarios. */
    IGO_SCENARIO_COUNT = 3
} igo_scenario;

/**
 * @brief The name of a scenario.
 * @param scenario A scenario.
 * @return "optimistic", "middle" or "conservative", a static string; "" for a value out of
 *         range.
 */
IGO_API const char *igo_scenario_name(igo_scenario scenario);

/**
 * @brief Creates a new, empty scenario set.
 *
 * No sectors, drivers, studies or phase-in years; national births 167,500 a year until set
 * otherwise (igo_scenarios_set_national_births()).
 *
 * @return A new set, owned by the caller, who frees it with igo_scenarios_free(); NULL when
 *         out of memory.
 */
IGO_API igo_scenarios *igo_scenarios_new(void);

/**
 * @brief Frees a scenario set and everything it holds.
 *
 * Pointers returned by the set's getters become invalid; results made from it stay valid.
 *
 * @param set The set to free; NULL does nothing.
 */
IGO_API void igo_scenarios_free(igo_scenarios *set);

/**
 * @brief The detailed message of the last failing call on this set.
 *
 * A failing call replaces the message; the setters and the computing and writing calls clear
 * it first, so after they succeed it is "".
 *
 * @param set A set, or NULL.
 * @return A UTF-8 message of at most 511 bytes, or "no scenario set (NULL)" for a NULL set.
 *         The buffer is owned by the set and valid until igo_scenarios_free(); the next call
 *         on the set may change its contents.
 */
IGO_API const char *igo_scenarios_errmsg(const igo_scenarios *set);

/**
 * @brief Sets the progress callback for the set's long calls.
 *
 * Used by igo_scenarios_uncertainty() and igo_scenarios_workbook_write(); see igo_progress_fn.
 *
 * @param set       The set.
 * @param progress  The callback, or NULL for none (the default).
 * @param user_data Passed to the callback unchanged; may be NULL.
 * @return #IGO_OK, or #IGO_ERROR_ARGUMENT for a NULL set.
 */
IGO_API igo_error igo_scenarios_set_progress(igo_scenarios *set, igo_progress_fn progress,
                                             void *user_data);

/**
 * @brief Sets the scenario set's name.
 *
 * @param set  The set.
 * @param name The name: not empty, at most 32767 UTF-16 units. Copied.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty name;
 *         #IGO_ERROR_VALUE for an invalid text; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_set_name(igo_scenarios *set, const char *name);

/**
 * @brief Adds a sector: a part of care whose costs a driver changes.
 *
 * @param set   The set.
 * @param id    The sector's id: not empty, at most 255 UTF-16 units, not yet used.
 * @param label Its description, or NULL to use the id.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty id;
 *         #IGO_ERROR_VALUE for an invalid text; #IGO_ERROR_DUPLICATE for an id that exists
 *         already; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_add_sector(igo_scenarios *set, const char *id,
                                           const char *label);

/**
 * @brief Adds a driver with its national yearly volume.
 *
 * The potential counts volume * per_volume units, for example preterm births times NICU days
 * per birth (per_volume is 1 for most drivers).
 *
 * @param set        The set.
 * @param id         The driver's id: not empty, at most 255 UTF-16 units, not yet used.
 * @param label      Its description, or NULL to use the id.
 * @param volume     The national yearly volume; 0..1e12.
 * @param per_volume The units per volume; 0..1e12.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty id;
 *         #IGO_ERROR_VALUE for an invalid text or a negative or non-finite number;
 *         #IGO_ERROR_TOO_LARGE for a number above 1e12; #IGO_ERROR_DUPLICATE for an id that
 *         exists already; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_add_driver(igo_scenarios *set, const char *id, const char *label,
                                           double volume, double per_volume);

/**
 * @brief Sets the cost change per unit of a driver in a sector.
 *
 * The cost per unit that no longer happens when the driver's volume goes down: negative for a
 * saving, positive for an extra cost. Unset pairs are 0; setting a pair again replaces it.
 *
 * @param set    The set.
 * @param driver The driver's id.
 * @param sector The sector's id.
 * @param eur    The change per unit in EUR (a double); at most 1e12 either way.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty id;
 *         #IGO_ERROR_UNKNOWN for a driver or sector that does not exist; #IGO_ERROR_VALUE for
 *         a non-finite amount; #IGO_ERROR_TOO_LARGE for one beyond EUR 1e12 either way;
 *         #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_set_unit_delta(igo_scenarios *set, const char *driver,
                                               const char *sector, double eur);

/**
 * @brief Adds a study of a driver: its described effect and its weight for comparability.
 *
 * The study's corrected effect is effect * weight; the driver's optimistic and middle effects
 * come from its studies' corrected effects (igo_scenario), unless overridden.
 *
 * @param set    The set.
 * @param driver The driver's id.
 * @param label  The study's description (a citation), or NULL for "".
 * @param effect The effect described, a fraction from -1 to 1 (-0.44 for 44 % less).
 * @param weight The weight for comparability with the region, a fraction from 0 to 1.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty driver id;
 *         #IGO_ERROR_UNKNOWN for a driver that does not exist; #IGO_ERROR_VALUE for an invalid
 *         label, or an effect or weight out of range or not finite; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_add_study(igo_scenarios *set, const char *driver,
                                          const char *label, double effect, double weight);

/**
 * @brief Gives a driver's effect in one scenario directly, instead of from its studies.
 *
 * A driver without studies needs an override for the optimistic and the middle scenario
 * (igo_scenarios_compute() refuses it otherwise). Setting it again replaces it.
 *
 * @param set      The set.
 * @param scenario The scenario.
 * @param driver   The driver's id.
 * @param effect   The effect, a fraction from -1 to 1.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set, a scenario out of range, or a NULL or
 *         empty driver id; #IGO_ERROR_UNKNOWN for a driver that does not exist;
 *         #IGO_ERROR_VALUE for an effect out of range or not finite; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_set_override(igo_scenarios *set, igo_scenario scenario,
                                             const char *driver, double effect);

/**
 * @brief Sets the fraction of the full effect reached in a year.
 *
 * The schedule is kept in year order whatever order the years are given in; setting a year
 * again replaces its fraction.
 *
 * @param set      The set.
 * @param year     The year, from 1900 to 2200.
 * @param fraction The fraction of the full effect, 0..1 (0.5 for half).
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set; #IGO_ERROR_VALUE for a year or
 *         fraction out of range, or a fraction that is not finite; #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_scenarios_set_phase_in(igo_scenarios *set, int year, double fraction);

/**
 * @brief Sets the national number of births a year, the base for scaling to a region.
 *
 * @param set    The set.
 * @param births The number of births; more than 0, at most 1e12. The default is 167,500.
 * @return #IGO_OK; #IGO_ERROR_ARGUMENT for a NULL set; #IGO_ERROR_VALUE for a number that is
 *         0, negative or not finite; #IGO_ERROR_TOO_LARGE for one above 1e12.
 */
IGO_API igo_error igo_scenarios_set_national_births(igo_scenarios *set, double births);

/**
 * @brief How to scale the national volumes to a region.
 *
 * A NULL pointer to it, or births 0 with volumes NULL, means the national volumes. With births
 * > 0, each national volume is multiplied by the region's share of births, births divided by
 * the set's national births. With volumes, a driver gets the region's own volume instead.
 */
typedef struct igo_scaling {
    /** The region's births a year (a finite number, 0 or more); 0 for no scaling. */
    double births;
    /** NULL, or one volume per driver in driver order: the region's own volume (0..1e12, not
     *  scaled), or NaN to keep that driver's national volume (scaled by births if given). */
    const double *volumes;
} igo_scaling;

/**
 * @brief Computes every scenario of the set.
 *
 * The progress callback is not used: the call is quick.
 *
 * @param set     The set.
 * @param scaling The scaling to a region, or NULL for the national volumes.
 * @param result  Where to put the new result. On success *result is a new result, owned by the
 *                caller, who frees it with igo_scenario_result_free(); on failure *result is
 *                NULL.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL set or result, a set without drivers or sectors, or a
 *         driver without studies and without an override for the optimistic or the middle
 *         scenario;
 *         #IGO_ERROR_VALUE for scaling births that are negative or not finite, or a region
 *         volume that is negative or infinite; #IGO_ERROR_TOO_LARGE for a region volume above
 *         1e12, or a potential beyond EUR 1e12 either way;
 *         #IGO_ERROR_MEMORY.
 *
 * @code
 * igo_scenario_result *result;
 * igo_scaling region = {.births = 12000, .volumes = NULL};
 * if (igo_scenarios_compute(set, &region, &result) != IGO_OK) {
 *     fprintf(stderr, "%s\n", igo_scenarios_errmsg(set));
 *     return 1;
 * }
 * for (int s = 0; s < IGO_SCENARIO_COUNT; s++)
 *     printf("%s: %lld cents a year\n", igo_scenario_name((igo_scenario)s),
 *            (long long)igo_scenario_result_total(result, (igo_scenario)s));
 * igo_scenario_result_free(result);
 * @endcode
 */
IGO_API igo_error igo_scenarios_compute(igo_scenarios *set, const igo_scaling *scaling,
                                        igo_scenario_result **result);

/**
 * @brief Frees a scenario result and every array it holds.
 *
 * Pointers returned by the result's getters become invalid.
 *
 * @param result The result to free; NULL does nothing.
 */
IGO_API void igo_scenario_result_free(igo_scenario_result *result);

/**
 * @brief The number of drivers (D), equal to the set's at the time of the call.
 * @param result A result, or NULL.
 * @return D; 0 for NULL.
 */
IGO_API size_t igo_scenario_result_driver_count(const igo_scenario_result *result);

/**
 * @brief The number of sectors (S), equal to the set's at the time of the call.
 * @param result A result, or NULL.
 * @return S; 0 for NULL.
 */
IGO_API size_t igo_scenario_result_sector_count(const igo_scenario_result *result);

/**
 * @brief The number of phase-in years (Y), equal to the set's at the time of the call.
 * @param result A result, or NULL.
 * @return Y (0 when no phase-in was set); 0 for NULL.
 */
IGO_API size_t igo_scenario_result_year_count(const igo_scenario_result *result);

/**
 * @brief The volume used per driver: national, scaled, or the region's own.
 *
 * The array getters of a scenario result return arrays owned by the result, valid until
 * igo_scenario_result_free(); never NULL for a valid result and scenario.
 *
 * @param result A result, or NULL.
 * @return D volumes, before per_volume; NULL for NULL.
 */
IGO_API const double *igo_scenario_result_volumes(const igo_scenario_result *result);

/**
 * @brief The potentials P[i][s] = ROUND(volume * per_volume * unit delta; 2).
 * @param result A result, or NULL.
 * @return D x S values in cents, driver i and sector s at [i * S + s]; negative for a saving;
 *         NULL for NULL.
 */
IGO_API const int64_t *igo_scenario_result_potentials(const igo_scenario_result *result);

/**
 * @brief The effect per driver in a scenario.
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return D fractions (-0.44 for a reduction of 44 %); NULL for NULL or a scenario out of
 *         range.
 */
IGO_API const double *igo_scenario_result_effects(const igo_scenario_result *result,
                                                  igo_scenario s);

/**
 * @brief The impacts in a scenario: ROUND(P[i][s] * |effect_i|; 2).
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return D x S values in cents at [i * S + s], with the sign of the potential; NULL for NULL
 *         or a scenario out of range.
 */
IGO_API const int64_t *igo_scenario_result_impacts(const igo_scenario_result *result,
                                                   igo_scenario s);

/**
 * @brief The impact per sector in a scenario: the sum over the drivers.
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return S values in cents; NULL for NULL or a scenario out of range.
 */
IGO_API const int64_t *igo_scenario_result_sector_totals(const igo_scenario_result *result,
                                                         igo_scenario s);

/**
 * @brief The impact per driver in a scenario: the sum over the sectors.
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return D values in cents; NULL for NULL or a scenario out of range.
 */
IGO_API const int64_t *igo_scenario_result_driver_totals(const igo_scenario_result *result,
                                                         igo_scenario s);

/**
 * @brief The total impact of a scenario at the full effect: the sum of all its impacts.
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return The total in cents (negative: a saving); 0 for NULL or a scenario out of range.
 */
IGO_API int64_t igo_scenario_result_total(const igo_scenario_result *result, igo_scenario s);

/**
 * @brief The phase-in years, in increasing order.
 * @param result A result, or NULL.
 * @return Y years; NULL for NULL.
 */
IGO_API const int *igo_scenario_result_years(const igo_scenario_result *result);

/**
 * @brief The fraction of the full effect reached in each phase-in year.
 * @param result A result, or NULL.
 * @return Y fractions (0..1), in year order; NULL for NULL.
 */
IGO_API const double *igo_scenario_result_fractions(const igo_scenario_result *result);

/**
 * @brief The phase-in table of a scenario.
 * @param result A result, or NULL.
 * @param s      The scenario.
 * @return Y x (S + 1) values in cents: for year y, each sector's ROUND(sector total *
 *         fraction_y; 2) at [y * (S + 1) + s], followed by their sum at [y * (S + 1) + S];
 *         NULL for NULL or a scenario out of range.
 */
IGO_API const int64_t *igo_scenario_result_phase_in(const igo_scenario_result *result,
                                                     igo_scenario s);

/**
 * @brief The tornado's low ends: each driver at its conservative effect.
 *
 * For driver i, the overall total of the middle scenario with driver i's middle figures
 * replaced by its conservative ones (every other driver at its middle effect).
 *
 * @param result A result, or NULL.
 * @return D totals in cents; NULL for NULL.
 */
IGO_API const int64_t *igo_scenario_result_tornado_low(const igo_scenario_result *result);

/**
 * @brief The tornado's high ends: each driver at its optimistic effect.
 *
 * For driver i, the overall total of the middle scenario with driver i's middle figures
 * replaced by its optimistic ones (every other driver at its middle effect).
 *
 * @param result A result, or NULL.
 * @return D totals in cents; NULL for NULL.
 */
IGO_API const int64_t *igo_scenario_result_tornado_high(const igo_scenario_result *result);

/**
 * @brief Limits of one Monte Carlo call (igo_scenarios_uncertainty()).
 *
 * A call also takes at most 64 drivers.
 */
enum {
    /** The most draws one call makes: every draw's figures are kept in memory to take the
     *  percentiles, (S + 1) doubles a draw. */
    IGO_MAX_DRAWS = 100000000
};

/** @brief How a Monte Carlo draw picks a driver's effect. */
typedef enum igo_draw {
    /** Uniform between the conservative and the optimistic effect. */
    IGO_DRAW_UNIFORM = 0,
    /** Triangular between the conservative and the optimistic effect, with the mode at the
     *  middle effect (which must lie between them). */
    IGO_DRAW_TRIANGULAR = 1
} igo_draw;

/**
 * @brief A Monte Carlo request and its outputs (igo_scenarios_uncertainty()).
 *
 * The caller allocates every output array; the call only writes them. With S sectors:
 */
typedef struct igo_uncertainty {
    /** The number of draws: 1 to #IGO_MAX_DRAWS. */
    size_t draws;
    /** The seed: the same seed, set and request give the same figures. */
    uint64_t seed;
    /** How each effect is drawn. */
    igo_draw distribution;
    /** npercentiles percentiles to take, each from 0 to 100 (linear interpolation between
     *  order statistics, as numpy's percentile by default); may be NULL when npercentiles is
     *  0. */
    const double *percentiles;
    /** The number of percentiles; may be 0. */
    size_t npercentiles;
    /** Out: npercentiles x (S + 1) values in EUR: per percentile each sector, then the total;
     *  may be NULL when npercentiles is 0. */
    double *out;
    /** Out: S + 1 means in EUR (each sector, then the total), or NULL: not computed. */
    double *mean;
    /** Out: draws x (S + 1) values in EUR, every draw's figures (each sector, then the
     *  total), or NULL: not kept. */
    double *samples;
} igo_uncertainty;

/**
 * @brief Monte Carlo uncertainty of the full-effect impact.
 *
 * Each draw picks every driver's effect between its conservative and optimistic effect
 * (uniform, or triangular with the mode at the middle effect) and gives the full-effect impact
 * per sector, the sum over the drivers of P[i][s] * |effect_i| in EUR (doubles, not rounded),
 * and their total. The generator (xoshiro256**) is seeded with the request's seed, so the same
 * seed gives the same figures.
 *
 * Memory: besides the caller's arrays, the call holds draws x (S + 1) doubles. The set's
 * progress callback is called during the draws and the percentiles, and can stop the call.
 *
 * @param set         The set.
 * @param scaling     The scaling to a region, or NULL for the national volumes.
 * @param uncertainty The request and its outputs. On failure the outputs' contents are
 *                    unspecified.
 * @return #IGO_OK;
 *         any code igo_scenarios_compute() returns (the set is computed first);
 *         #IGO_ERROR_ARGUMENT for a NULL uncertainty, 0 draws, percentiles without their
 *         percentiles or out array, or an unknown distribution;
 *         #IGO_ERROR_LIMIT for more than #IGO_MAX_DRAWS draws or more than 64 drivers;
 *         #IGO_ERROR_VALUE for a percentile outside 0..100, or (triangular) a middle effect
 *         outside the range of the conservative and optimistic effects;
 *         #IGO_ERROR_CANCELLED when the progress callback asked to stop;
 *         #IGO_ERROR_MEMORY.
 *
 * @code
 * size_t S = igo_scenarios_sector_count(set);
 * const double percentiles[] = {5, 50, 95};
 * double *out = malloc(3 * (S + 1) * sizeof *out);
 * igo_uncertainty mc = {.draws = 100000, .seed = 42, .distribution = IGO_DRAW_TRIANGULAR,
 *                       .percentiles = percentiles, .npercentiles = 3, .out = out};
 * if (igo_scenarios_uncertainty(set, NULL, &mc) == IGO_OK)
 *     printf("total: EUR %.2f to %.2f (90 %%)\n", out[S], out[2 * (S + 1) + S]);
 * else
 *     fprintf(stderr, "%s\n", igo_scenarios_errmsg(set));
 * free(out);
 * @endcode
 */
IGO_API igo_error igo_scenarios_uncertainty(igo_scenarios *set, const igo_scaling *scaling,
                                            igo_uncertainty *uncertainty);

/** The number of values (not bytes) each output buffer of a Monte Carlo request holds. */
typedef struct igo_uncertainty_shape {
    size_t out;     /**< npercentiles x (sectors + 1) */
    size_t mean;    /**< sectors + 1 */
    size_t samples; /**< draws x (sectors + 1) */
} igo_uncertainty_shape;

/**
 * @brief The buffer sizes a Monte Carlo request on the set needs.
 *
 * So that a caller handed buffers of unknown length (a binding) can check them before the call;
 * igo_scenarios_uncertainty() makes the same checks.
 *
 * @param set         The scenario set (its sector count sets the width of every row).
 * @param uncertainty The request: its draws and npercentiles are read, its pointers are not.
 * @param shape       Receives the number of values of out, mean and samples.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for no draws or a NULL pointer;
 *         #IGO_ERROR_LIMIT for more than #IGO_MAX_DRAWS draws (the set's message says so).
 */
IGO_API igo_error igo_scenarios_uncertainty_shape(igo_scenarios *set,
                                                  const igo_uncertainty *uncertainty,
                                                  igo_uncertainty_shape *shape);

/**
 * @brief Writes the scenario workbook (.xlsx).
 *
 * Six sheets: an explanation, the drivers' inputs, the studies, the calculation as live
 * formulas, the scenario table (with the tornado) and the phase-in, with charts. Written like
 * igo_workbook_write(): under a temporary name in the same directory, checked, and renamed over
 * path only when complete, so a failure leaves no file behind and path untouched. At most 2000
 * drivers, 2000 sectors and 100000 studies. The set's progress callback can stop the call.
 *
 * @param set     The set.
 * @param scaling The scaling to a region, or NULL for the national volumes.
 * @param path    The file to write; not NULL or empty.
 * @param options The options, or NULL for the defaults (Dutch).
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL set or a NULL or empty path;
 *         #IGO_ERROR_LIMIT for a set beyond the limits above;
 *         any code igo_scenarios_compute() returns;
 *         #IGO_ERROR_IO, #IGO_ERROR_CANCELLED, #IGO_ERROR_MEMORY as for igo_workbook_write().
 */
IGO_API igo_error igo_scenarios_workbook_write(igo_scenarios *set, const igo_scaling *scaling,
                                               const char *path,
                                               const igo_workbook_options *options);

/**
 * @brief The number of drivers.
 * @param set A set, or NULL.
 * @return The number of drivers added; 0 for NULL.
 */
IGO_API size_t igo_scenarios_driver_count(const igo_scenarios *set);

/**
 * @brief The number of sectors.
 * @param set A set, or NULL.
 * @return The number of sectors added; 0 for NULL.
 */
IGO_API size_t igo_scenarios_sector_count(const igo_scenarios *set);

/**
 * @brief A driver's id.
 *
 * Indices follow the order in which things were added, from 0. The strings returned by this
 * and the following getters are owned by the set and valid until igo_scenarios_free().
 *
 * @param set   A set, or NULL.
 * @param index The driver's index, below igo_scenarios_driver_count().
 * @return The id, or NULL for an index out of range or a NULL set.
 */
IGO_API const char *igo_scenarios_driver_id(const igo_scenarios *set, size_t index);

/**
 * @brief A driver's label (its id when none was given).
 * @param set   A set, or NULL.
 * @param index The driver's index, below igo_scenarios_driver_count().
 * @return The label, or NULL for an index out of range or a NULL set.
 */
IGO_API const char *igo_scenarios_driver_label(const igo_scenarios *set, size_t index);

/**
 * @brief A sector's id.
 * @param set   A set, or NULL.
 * @param index The sector's index, below igo_scenarios_sector_count().
 * @return The id, or NULL for an index out of range or a NULL set.
 */
IGO_API const char *igo_scenarios_sector_id(const igo_scenarios *set, size_t index);

/**
 * @brief A sector's label (its id when none was given).
 * @param set   A set, or NULL.
 * @param index The sector's index, below igo_scenarios_sector_count().
 * @return The label, or NULL for an index out of range or a NULL set.
 */
IGO_API const char *igo_scenarios_sector_label(const igo_scenarios *set, size_t index);

IGO_END_DECLS

#endif
