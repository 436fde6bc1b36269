/**
 * @file transition.h
 * @brief Transition clauses over the years: from the providers' historical income to the
 *        model's, with guarantees, floors and caps, exact in cents.
 *
 * In their first years of integral funding regions pay providers their historical
 * (monodisciplinary) income at first, move to the model's distribution by a schedule, and
 * limit how much a provider's income may fall or rise from one year to the next, with minimum
 * income guarantees. For each year, in order (all amounts whole cents, every split the model's
 * split: spreadsheet ROUND of each part, the difference on the largest weight):
 *
 * 1. the pot P is the sum of the year's model incomes T; the historical incomes h are scaled
 *    to it: H = split(P, weights h);
 * 2. the target X = split(P, weights m * H + (1 - m) * T), m the year's share still matched to
 *    history; as the weights sum to P, each part is first rounded to whole micro-euros, so that
 *    a weight of exactly half a cent (often, with a share in whole percents) rounds up in every
 *    spreadsheet engine;
 * 3. the base: the previous year's paid income scaled by the pot's change,
 *    ROUND(prev * P / P_prev; 2); in the first year H;
 * 4. the bounds: floor L = max(base * (1 - max_decrease), guarantee) (0 without either), cap
 *    U = base * (1 + max_increase) (none without a maximum increase), each in whole cents with
 *    the limit in whole basis points (0.01 %), half a cent rounded up (see
 *    igo_transition_set_limits()).
 *    A year whose floors need more than the pot, or whose caps allow less, cannot be paid: it
 *    is refused (#IGO_ERROR_INFEASIBLE), naming the year and the shortfall;
 * 5. the paid income Y: the target, clamped to the bounds, what the clamped providers gain or
 *    lose taken from or given to the others pro rata to their targets. Each round computes
 *    the free providers' shares R * X / sum(X) of what the fixed ones leave (R) and fixes at
 *    their bound those more than half a cent past it on the side with the larger total excess
 *    (both sides when the totals are equal); then the free ones get split(R, weights X), and
 *    one that the cent rounding puts past a bound is fixed at it and the split repeated. (The
 *    half cent keeps a provider whose target is its bound, give or take floating point's
 *    noise, free: it is paid its bound by the split, and not said to be held by it.) Every round fixes at
 *    least one provider, so a year takes at most as many rounds as there are providers.
 *
 * Every year pays exactly its pot. Providers are given by index (0 .. providers - 1) with an
 * id for the messages; the model incomes of each year come in that order.
 *
 * Threads: a transition and its results may be used from one thread at a time; distinct ones
 * from distinct threads at once.
 */
#ifndef IGO_TRANSITION_H
#define IGO_TRANSITION_H

#include <stdint.h>

#include "common.h"
#include "error.h"

IGO_BEGIN_DECLS

/** @brief A transition's inputs (opaque): providers, history, limits, guarantees, years. */
typedef struct igo_transition igo_transition;

/**
 * @brief A transition's figures (opaque), made by igo_transition_compute().
 *
 * A snapshot: it does not refer to its transition, which may be changed or freed meanwhile.
 */
typedef struct igo_transition_result igo_transition_result;

/** @brief The figures per provider of a year, each in cents. */
typedef enum igo_transition_column {
    IGO_TRANSITION_HISTORY, /**< the historical income scaled to the year's pot (H) */
    IGO_TRANSITION_MODEL,   /**< the model's income (T) */
    IGO_TRANSITION_TARGET,  /**< the target, the year's mix of history and model (X) */
    IGO_TRANSITION_BASE,    /**< the previous year's paid income scaled to the pot; H at first */
    IGO_TRANSITION_FLOOR,   /**< the lower bound (L): 0 without a limit or guarantee */
    IGO_TRANSITION_CAP,     /**< the upper bound (U): INT64_MAX without a maximum increase */
    IGO_TRANSITION_PAID,    /**< the income paid (Y) */
    IGO_TRANSITION_COLUMNS  /**< not a column: the number of columns */
} igo_transition_column;

/** @brief The bound that held a provider's paid income, if any. */
typedef enum igo_transition_bound {
    IGO_BOUND_NONE,     /**< paid its share of the target */
    IGO_BOUND_FLOOR,    /**< held at the maximum decrease */
    IGO_BOUND_CAP,      /**< held at the maximum increase */
    IGO_BOUND_GUARANTEE /**< held at its guaranteed minimum */
} igo_transition_bound;

/**
 * @brief A new transition for a number of providers.
 * @param providers How many; each is then named with igo_transition_set_provider().
 * @return The transition, or NULL when out of memory.
 */
IGO_API igo_transition *igo_transition_new(size_t providers);

/**
 * @brief Frees a transition.
 * @param t The transition, or NULL.
 */
IGO_API void igo_transition_free(igo_transition *t);

/**
 * @brief The message of the last failed call on a transition.
 * @param t The transition.
 * @return The message ("" after a success); never NULL.
 */
IGO_API const char *igo_transition_errmsg(const igo_transition *t);

/**
 * @brief Names provider `index` and gives its historical income.
 * @param t       The transition.
 * @param index   0 .. providers - 1.
 * @param id      Its id (a text as in model.h), used in messages; distinct per provider.
 * @param history Its historical yearly income in cents, 0 or more.
 * @return #IGO_OK, or #IGO_ERROR_ARGUMENT / #IGO_ERROR_VALUE with a message.
 */
IGO_API igo_error igo_transition_set_provider(igo_transition *t, size_t index, const char *id,
                                              int64_t history);

/**
 * @brief Guarantees provider `index` a minimum yearly income.
 * @param t     The transition.
 * @param index 0 .. providers - 1.
 * @param cents The guaranteed income in cents, 0 or more; -1 takes the guarantee away.
 * @return #IGO_OK, or #IGO_ERROR_ARGUMENT / #IGO_ERROR_VALUE with a message.
 */
IGO_API igo_error igo_transition_set_guarantee(igo_transition *t, size_t index, int64_t cents);

/**
 * @brief The maximum decrease and increase of a provider's income from one year to the next.
 *
 * A limit counts to 0.01 %: it is rounded to whole basis points (with the spreadsheet's ROUND)
 * when it is set, and igo_transition_limits() gives it back rounded. A bound is computed in
 * whole cents: base x (10000 -/+ points) / 10000, half a cent rounded up. That is exact, where
 * base x (1 + limit) in floating point lands on either side of a half cent as each spreadsheet
 * engine computes it; the workbook's formulas compute the same in whole cents.
 * @param t            The transition.
 * @param max_decrease A fraction 0 .. 1 of the base (0.05 for 5 %), or -1 for no limit.
 * @param max_increase A fraction 0 .. 1 of the base, or -1 for no limit.
 * @return #IGO_OK, or #IGO_ERROR_VALUE with a message.
 */
IGO_API igo_error igo_transition_set_limits(igo_transition *t, double max_decrease,
                                            double max_increase);

/**
 * @brief Adds the next year.
 * @param t             The transition.
 * @param year          The year, later than the year added before.
 * @param history_share The share of income still matched to history, a fraction 0 .. 1.
 * @param model         The model's income of each provider in cents (0 or more), in provider
 *                      order: the year's distribution, or the same one every year.
 * @return #IGO_OK, or #IGO_ERROR_VALUE (a year out of order, a share or an income out of
 *         range) / #IGO_ERROR_MEMORY with a message.
 */
IGO_API igo_error igo_transition_add_year(igo_transition *t, int year, double history_share,
                                          const int64_t *model);

/**
 * @brief The number of providers.
 * @param t The transition.
 * @return The providers it was made for (0 for NULL).
 */
IGO_API size_t igo_transition_providers(const igo_transition *t);

/**
 * @brief A provider's inputs.
 * @param t         The transition.
 * @param index     The provider's position, 0 .. igo_transition_providers() - 1.
 * @param history   Where its historical income in cents goes, or NULL.
 * @param guarantee Where its guarantee in cents goes (-1 for none), or NULL.
 * @return Its id, owned by the transition (NULL for a position beyond the last, or one not set;
 *         the figures are then left untouched).
 */
IGO_API const char *igo_transition_provider(const igo_transition *t, size_t index,
                                            int64_t *history, int64_t *guarantee);

/**
 * @brief The limits, as igo_transition_set_limits() took them (rounded to 0.01 %).
 * @param t            The transition.
 * @param max_decrease Where the maximum decrease goes (a fraction, -1 for none), or NULL.
 * @param max_increase Where the maximum increase goes (a fraction, -1 for none), or NULL.
 */
IGO_API void igo_transition_limits(const igo_transition *t, double *max_decrease,
                                   double *max_increase);

/**
 * @brief The number of years added.
 * @param t The transition.
 * @return The years (0 for NULL).
 */
IGO_API size_t igo_transition_years(const igo_transition *t);

/**
 * @brief A year's inputs.
 * @param t             The transition.
 * @param y             The year's position, 0 .. igo_transition_years() - 1.
 * @param history_share Where its share matched to history (a fraction) goes, or NULL.
 * @param model         Where a pointer to its model incomes in cents (one per provider, owned
 *                      by the transition) goes, or NULL.
 * @return The year (0 for a position beyond the last; the outputs are then left untouched).
 */
IGO_API int igo_transition_year(const igo_transition *t, size_t y, double *history_share,
                                const int64_t **model);

/**
 * @brief Computes every year.
 * @param t   The transition, every provider named and at least one year added.
 * @param out The figures, on success (free with igo_transition_result_free()).
 * @return #IGO_OK; #IGO_ERROR_INFEASIBLE naming the year and its shortfall; #IGO_ERROR_VALUE
 *         for a history that sums to 0 while a year still matches to it, and the like;
 *         #IGO_ERROR_MEMORY.
 */
IGO_API igo_error igo_transition_compute(igo_transition *t, igo_transition_result **out);

/**
 * @brief Frees a result.
 * @param r The result, or NULL.
 */
IGO_API void igo_transition_result_free(igo_transition_result *r);

/**
 * @brief The number of years.
 * @param r The result.
 * @return The years computed.
 */
IGO_API size_t igo_transition_result_years(const igo_transition_result *r);

/**
 * @brief The number of providers.
 * @param r The result.
 * @return The providers of every year.
 */
IGO_API size_t igo_transition_result_providers(const igo_transition_result *r);

/**
 * @brief A year's number.
 * @param r The result.
 * @param y The year's position, 0 .. igo_transition_result_years() - 1.
 * @return The year as given to igo_transition_add_year() (0 for a position beyond the last).
 */
IGO_API int igo_transition_result_year(const igo_transition_result *r, size_t y);

/**
 * @brief A year's pot.
 * @param r The result.
 * @param y The year's position.
 * @return The sum of its model incomes, and of its paid incomes, in cents.
 */
IGO_API int64_t igo_transition_result_pot(const igo_transition_result *r, size_t y);

/**
 * @brief A column of a year: one figure per provider, in cents.
 * @param r      The result.
 * @param y      The year's position.
 * @param column Which figure.
 * @return An array of igo_transition_result_providers() values, owned by the result (NULL for
 *         a year or column that does not exist).
 */
IGO_API const int64_t *igo_transition_result_column(const igo_transition_result *r, size_t y,
                                                    igo_transition_column column);

/**
 * @brief The bound that held each provider's income in a year.
 * @param r The result.
 * @param y The year's position.
 * @return An array of igo_transition_result_providers() #igo_transition_bound values, owned
 *         by the result (NULL for a year that does not exist).
 */
IGO_API const uint8_t *igo_transition_result_bounds(const igo_transition_result *r, size_t y);

/**
 * @brief The rounds a year took, each fixing providers at a bound.
 * @param r The result.
 * @param y The year's position.
 * @return The rounds: never more than the number of providers.
 */
IGO_API size_t igo_transition_result_rounds(const igo_transition_result *r, size_t y);

IGO_END_DECLS

#endif
