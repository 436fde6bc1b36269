/**
 * @file distribute.h
 * @brief Running the distribution: one model into one result, or many variants in one call.
 *
 * The calculation, for each prestatie p:
 * - income I_p = ROUND(n_p * t_p; 2), the count times the tariff;
 * - the IGO costs (the three components, each ROUND(amount; 2) or ROUND(fraction * I; 2) with
 *   I the total income) charged pro rata to income: H_p;
 * - each outside activity's cost charged to its target prestaties pro rata to income: O_p;
 * - the distributable amount D_p = I_p - H_p - O_p, which must not be negative;
 * - D_p split over the disciplines by the verdeelsleutel, and each discipline's part split over
 *   its providers pro rata to their volume in p.
 *
 * All amounts that come out are whole cents (int64). Every split rounds its parts with the
 * spreadsheet's ROUND(x; 2) and gives the rounding difference to the part with the largest
 * weight (the first in input order on a tie), so at every step the parts sum exactly to the
 * whole, and income = IGO costs + outside activities + the sum over all providers.
 */
#ifndef IGO_DISTRIBUTE_H
#define IGO_DISTRIBUTE_H

#include "common.h"
#include "error.h"
#include "model.h"

IGO_BEGIN_DECLS

/**
 * @brief The figures of one distribution (opaque).
 *
 * Made by igo_distribute(), freed by igo_result_free(). A result is a snapshot: it does not
 * refer to its model, which may be changed or freed meanwhile. Its getters only read it, so
 * one result may be read from several threads at once.
 */
typedef struct igo_result igo_result;

/** @brief The per-prestatie columns of a result (igo_result_prestatie()). */
typedef enum igo_prestatie_column {
    IGO_COLUMN_INCOME = 0,        /**< I_p = ROUND(n_p * t_p; 2): the prestatie's income. */
    IGO_COLUMN_COSTS = 1,         /**< H_p: the IGO costs charged to the prestatie. */
    IGO_COLUMN_OUTSIDE = 2,       /**< O_p: the outside activities charged to the prestatie. */
    IGO_COLUMN_DISTRIBUTABLE = 3, /**< D_p = I_p - H_p - O_p: what its disciplines share. */
    IGO_COLUMN_COUNT = 4          /**< Not a column: the number of columns. */
} igo_prestatie_column;

/**
 * @brief Distributes the model's income over IGO costs, outside activities, disciplines and
 * providers.
 *
 * Checks what the setters could not check one by one, in this order: the model has prestaties
 * and disciplines, direct keys sum to 100 %, no prestatie has both a direct key and history
 * lines, no outside activity costs more than EUR 1e12, no income exceeds EUR 1e12, costs have
 * income to be charged to, no prestatie's costs exceed its income, every prestatie with money
 * has a key, and every discipline with money in a prestatie has a provider with volume there.
 * The progress callback is not used: the call is quick.
 *
 * The model is only read, but its error message is written: use one model from one thread at
 * a time.
 *
 * @param model  The model.
 * @param result Where to put the new result. On success *result is a new result, owned by the
 *               caller, who frees it with igo_result_free(); on failure *result is NULL.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL model or result, or a model without prestaties or
 *         disciplines;
 *         #IGO_ERROR_KEY_SUM, #IGO_ERROR_KEY_CONFLICT, #IGO_ERROR_KEY_MISSING for a
 *         verdeelsleutel that does not sum to 100 %, is given twice, or is missing;
 *         #IGO_ERROR_TOO_LARGE for an income (a prestatie's, or the total) or an outside
 *         activity's cost above EUR 1e12;
 *         #IGO_ERROR_NO_INCOME, #IGO_ERROR_NEGATIVE_DISTRIBUTABLE, #IGO_ERROR_NO_VOLUME as
 *         their descriptions say;
 *         #IGO_ERROR_MEMORY. igo_model_errmsg() names the prestatie, discipline or activity.
 *
 * @code
 * igo_result *result;
 * if (igo_distribute(model, &result) != IGO_OK) {
 *     fprintf(stderr, "%s\n", igo_model_errmsg(model));
 *     return 1;
 * }
 * const int64_t *totals = igo_result_provider_totals(result);
 * for (size_t o = 0; o < igo_result_provider_count(result); o++)
 *     printf("%s: %lld cents\n", igo_model_provider_id(model, o), (long long)totals[o]);
 * igo_result_free(result);
 * @endcode
 */
IGO_API igo_error igo_distribute(igo_model *model, igo_result **result);

/**
 * @brief Frees a result and every array it holds.
 *
 * Pointers returned by the result's getters become invalid.
 *
 * @param result The result to free; NULL does nothing.
 */
IGO_API void igo_result_free(igo_result *result);

/**
 * @brief The number of prestaties (P), equal to the model's at the time of the call.
 * @param result A result, or NULL.
 * @return P; 0 for NULL.
 */
IGO_API size_t igo_result_prestatie_count(const igo_result *result);

/**
 * @brief The number of disciplines (D), equal to the model's at the time of the call.
 * @param result A result, or NULL.
 * @return D; 0 for NULL.
 */
IGO_API size_t igo_result_discipline_count(const igo_result *result);

/**
 * @brief The number of providers (O), equal to the model's at the time of the call.
 * @param result A result, or NULL.
 * @return O; 0 for NULL.
 */
IGO_API size_t igo_result_provider_count(const igo_result *result);

/**
 * @brief The number of outside activities (L), equal to the model's at the time of the call.
 * @param result A result, or NULL.
 * @return L; 0 for NULL.
 */
IGO_API size_t igo_result_outside_count(const igo_result *result);

/**
 * @brief The total income I, the sum of the prestaties' incomes.
 * @param result A result, or NULL.
 * @return The income in cents; 0 for NULL.
 */
IGO_API int64_t igo_result_income(const igo_result *result);

/**
 * @brief One IGO cost component.
 * @param result A result, or NULL.
 * @param cost   The component.
 * @return The component in cents: ROUND(amount; 2), or ROUND(fraction * income; 2); 0 for
 *         NULL or a cost out of range.
 */
IGO_API int64_t igo_result_cost(const igo_result *result, igo_cost cost);

/**
 * @brief The IGO costs H, the sum of the three components.
 * @param result A result, or NULL.
 * @return The total in cents; 0 for NULL.
 */
IGO_API int64_t igo_result_costs_total(const igo_result *result);

/**
 * @brief The total cost of the outside activities.
 * @param result A result, or NULL.
 * @return The total in cents; 0 for NULL.
 */
IGO_API int64_t igo_result_outside_total(const igo_result *result);

/**
 * @brief The money distributed: the sum over all providers.
 * @param result A result, or NULL.
 * @return Income minus IGO costs minus outside activities, exactly, in cents; 0 for NULL.
 */
IGO_API int64_t igo_result_distributed(const igo_result *result);

/**
 * @brief A column per prestatie.
 *
 * The array getters of a result return arrays owned by the result, valid until
 * igo_result_free(); never NULL for a valid result and a valid column, even when the array is
 * empty. Amounts are cents.
 *
 * @param result A result, or NULL.
 * @param column The column.
 * @return P values in cents, in prestatie order; NULL for NULL or a column out of range.
 */
IGO_API const int64_t *igo_result_prestatie(const igo_result *result,
                                            igo_prestatie_column column);

/**
 * @brief Each outside activity's cost.
 * @param result A result, or NULL.
 * @return L values in cents, ROUND(count * tariff; 2) each, in the order added; NULL for NULL.
 */
IGO_API const int64_t *igo_result_outside_costs(const igo_result *result);

/**
 * @brief Each outside activity's cost per prestatie.
 * @param result A result, or NULL.
 * @return L x P values in cents: activity l's part charged to prestatie p at
 *         [l * P + p] (0 for a prestatie that is not one of its targets); NULL for NULL.
 */
IGO_API const int64_t *igo_result_outside_parts(const igo_result *result);

/**
 * @brief The verdeelsleutel used: direct, normalised or derived from history.
 * @param result A result, or NULL.
 * @return P x D fractions (0.6 for 60 %): discipline d's share of prestatie p at [p * D + d];
 *         all 0 for a prestatie without a key (one without money to distribute); NULL for
 *         NULL.
 */
IGO_API const double *igo_result_keys(const igo_result *result);

/**
 * @brief Each discipline's money per prestatie, A[p][d].
 * @param result A result, or NULL.
 * @return P x D values in cents: discipline d's part of D_p at [p * D + d]; NULL for NULL.
 */
IGO_API const int64_t *igo_result_disciplines(const igo_result *result);

/**
 * @brief Each provider's money per prestatie, A[p][o].
 * @param result A result, or NULL.
 * @return P x O values in cents: provider o's money in prestatie p at [p * O + o]; NULL for
 *         NULL.
 */
IGO_API const int64_t *igo_result_providers(const igo_result *result);

/**
 * @brief Each provider's fixed part per prestatie (igo_model_set_fixed_part()), the part of
 *        igo_result_providers() it holds.
 * @param result A result, or NULL.
 * @return P x O values in cents: provider o's fixed part charged to prestatie p at [p * O + o];
 *         all 0 without fixed parts; NULL for NULL.
 */
IGO_API const int64_t *igo_result_fixed_parts(const igo_result *result);

/**
 * @brief T_d, each discipline's total over all prestaties.
 * @param result A result, or NULL.
 * @return D values in cents; NULL for NULL.
 */
IGO_API const int64_t *igo_result_discipline_totals(const igo_result *result);

/**
 * @brief T_o, each provider's total over all prestaties.
 * @param result A result, or NULL.
 * @return O values in cents; NULL for NULL.
 */
IGO_API const int64_t *igo_result_provider_totals(const igo_result *result);

/**
 * @brief The pool of quality bonuses (igo_model_set_bonus_pool()).
 * @param result A result, or NULL.
 * @return The pool in cents, part of the innovatie_kwaliteit cost; 0 without a pool or for NULL.
 */
IGO_API int64_t igo_result_bonus_pool(const igo_result *result);

/**
 * @brief The quality bonuses paid: the pool when any provider earned a point, else 0.
 *
 * What is not paid, igo_result_bonus_pool() minus this, stays in the innovation and quality
 * budget.
 *
 * @param result A result, or NULL.
 * @return The sum of igo_result_bonuses() in cents; 0 for NULL.
 */
IGO_API int64_t igo_result_bonuses_paid(const igo_result *result);

/**
 * @brief Each provider's quality bonus, on top of its model income (igo_result_provider_totals()).
 * @param result A result, or NULL.
 * @return O values in cents, split(pool, points); all 0 when nobody earned a point; NULL for
 *         NULL.
 */
IGO_API const int64_t *igo_result_bonuses(const igo_result *result);

/**
 * @brief Each provider's points: the sum of the weights of the indicators it meets.
 * @param result A result, or NULL.
 * @return O values; NULL for NULL.
 */
IGO_API const double *igo_result_bonus_points(const igo_result *result);

/** @brief The summary columns of a batch (igo_batch::summary), each in cents. */
typedef enum igo_summary_column {
    IGO_SUMMARY_INCOME = 0,              /**< The total income I. */
    IGO_SUMMARY_BEHEERSKOSTEN = 1,       /**< The component #IGO_COST_BEHEERSKOSTEN. */
    IGO_SUMMARY_INNOVATIE_KWALITEIT = 2, /**< The component #IGO_COST_INNOVATIE_KWALITEIT. */
    IGO_SUMMARY_OVERIG = 3,              /**< The component #IGO_COST_OVERIG. */
    IGO_SUMMARY_OUTSIDE = 4,             /**< The total cost of the outside activities. */
    IGO_SUMMARY_DISTRIBUTED = 5,         /**< The money distributed over the providers. */
    IGO_SUMMARY_COUNT = 6                /**< Not a column: the number of columns. */
} igo_summary_column;

/**
 * @brief Many variants of one region, distributed in one call (scenario sweeps).
 *
 * A variant replaces the model's counts, tariffs and cost values; everything else (catalogue,
 * keys, volumes, outside activities, cost modes, fixed parts, indicators and the bonus pool's
 * value) is the model's. A bonus pool given as a fraction follows the variant's
 * innovatie_kwaliteit cost. Inputs and outputs are arrays
 * of the caller's, row-major, one row per variant. The caller allocates the outputs; the call
 * only writes them. With P prestaties, D disciplines and O providers (the model's counts):
 */
typedef struct igo_batch {
    /** The number of variants (rows); 0 does nothing. */
    size_t variants;
    /** variants x P counts, each 0..1e12; NULL keeps the model's counts for every variant. */
    const double *counts;
    /** variants x P tariffs in EUR (doubles), each 0..1e12; NULL keeps the model's tariffs. */
    const double *tariffs;
    /** variants x #IGO_COST_COUNT cost values, each in its component's mode as set on the
     *  model: EUR (a double, 0..1e12) for #IGO_COST_AMOUNT, a fraction (0..1) for
     *  #IGO_COST_SHARE. NULL keeps the model's values. */
    const double *costs;
    /** Out: variants x O provider totals in cents; NULL: not computed. */
    int64_t *provider_totals;
    /** Out: variants x D discipline totals in cents; NULL: not computed. */
    int64_t *discipline_totals;
    /** Out: variants x #IGO_SUMMARY_COUNT summary figures in cents (igo_summary_column);
     *  NULL: not computed. */
    int64_t *summary;
    /** Out: variants x O quality bonuses in cents (igo_result_bonuses()); NULL: not
     *  computed. */
    int64_t *bonuses;
    /** Out: on failure, the index of the variant that failed (its message names it too); 0
     *  when the model itself failed before the first variant. */
    size_t failed_variant;
} igo_batch;

/**
 * @brief Distributes every variant of a batch.
 *
 * Each variant's figures equal those of igo_distribute() on the model with that variant's
 * inputs. The model's structure (keys, volumes, outside activities) is checked once, each
 * variant's numbers as the setters check them. Stops at the first variant that fails, or when
 * the model's progress callback asks to stop; batch->failed_variant then says where, the rows
 * before it are complete, and the rows from it on are unspecified. The model is not changed,
 * but its error message is written: use one model from one thread at a time.
 *
 * @param model The model.
 * @param batch The inputs and outputs, as igo_batch describes them.
 * @return #IGO_OK;
 *         #IGO_ERROR_ARGUMENT for a NULL model or batch, or a model without prestaties or
 *         disciplines;
 *         #IGO_ERROR_VALUE for a variant's count, tariff or cost value that is negative, not
 *         finite, or (a fraction) above 1; #IGO_ERROR_TOO_LARGE for one above 1e12;
 *         any other code igo_distribute() returns, for the model or for a variant;
 *         #IGO_ERROR_CANCELLED when the progress callback asked to stop;
 *         #IGO_ERROR_MEMORY. A variant's message starts with "variant N: ".
 *
 * @code
 * enum { VARIANTS = 3 };
 * size_t P = igo_model_prestatie_count(model), O = igo_model_provider_count(model);
 * double *tariffs = malloc(VARIANTS * P * sizeof *tariffs);
 * int64_t *totals = malloc(VARIANTS * O * sizeof *totals);
 * for (size_t v = 0; v < VARIANTS; v++)
 *     for (size_t p = 0; p < P; p++)
 *         tariffs[v * P + p] = 300.0 + 25.0 * (double)v;
 * igo_batch batch = {.variants = VARIANTS, .tariffs = tariffs, .provider_totals = totals};
 * if (igo_distribute_batch(model, &batch) != IGO_OK)
 *     fprintf(stderr, "%s\n", igo_model_errmsg(model));
 * free(tariffs);
 * free(totals);
 * @endcode
 */
IGO_API igo_error igo_distribute_batch(igo_model *model, igo_batch *batch);

/** The number of values (not bytes) each buffer of a batch holds: its rows times its columns. */
typedef struct igo_batch_shape {
    size_t counts;            /**< variants x prestatie_count */
    size_t tariffs;           /**< variants x prestatie_count */
    size_t costs;             /**< variants x #IGO_COST_COUNT */
    size_t provider_totals;   /**< variants x provider_count */
    size_t discipline_totals; /**< variants x discipline_count */
    size_t summary;           /**< variants x #IGO_SUMMARY_COUNT */
    size_t bonuses;           /**< variants x provider_count */
} igo_batch_shape;

/**
 * @brief The buffer sizes a batch of variants of the model needs.
 *
 * So that a caller handed buffers of unknown length (a binding) can check them before the call;
 * igo_distribute_batch() makes the same check.
 *
 * @param model    The model the batch will distribute.
 * @param variants The number of variants (0 is a batch that does nothing).
 * @param shape    Receives the number of values of each buffer.
 * @return #IGO_OK;
 *         #IGO_ERROR_LIMIT when the buffers would hold more bytes than memory can address (the
 *         model's message says how many variants);
 *         #IGO_ERROR_ARGUMENT for a NULL pointer.
 */
IGO_API igo_error igo_distribute_batch_shape(igo_model *model, size_t variants,
                                             igo_batch_shape *shape);

IGO_END_DECLS

#endif
