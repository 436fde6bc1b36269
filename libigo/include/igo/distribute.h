/* Running the distribution: one model into one result, or many variants of a model in one call.
 *
 * All amounts that come out are whole cents (int64). Every split rounds its parts with the
 * spreadsheet's ROUND(x; 2) and gives the rounding difference to the part with the largest weight
 * (the first in input order on a tie), so at every step the parts sum exactly to the whole and
 * income = IGO costs + outside activities + sum over providers. */
#ifndef IGO_DISTRIBUTE_H
#define IGO_DISTRIBUTE_H

#include "common.h"
#include "error.h"
#include "model.h"

IGO_BEGIN_DECLS

typedef struct igo_result igo_result;

/* Per-prestatie columns of a result. */
typedef enum igo_prestatie_column {
    IGO_COLUMN_INCOME = 0,        /* I_p = n_p * t_p */
    IGO_COLUMN_COSTS = 1,         /* H_p, the IGO costs charged to the prestatie */
    IGO_COLUMN_OUTSIDE = 2,       /* O_p, outside activities charged to the prestatie */
    IGO_COLUMN_DISTRIBUTABLE = 3, /* D_p = I_p - H_p - O_p */
    IGO_COLUMN_COUNT = 4
} igo_prestatie_column;

/* Distributes the model. On success *result is a new result for the caller to free; on failure
 * *result is NULL and igo_model_errmsg() says what is wrong. The model is only read, but its error
 * message is written: use one model from one thread at a time. */
IGO_API igo_error igo_distribute(igo_model *model, igo_result **result);
IGO_API void igo_result_free(igo_result *result);

/* Sizes, equal to the model's at the time of the call. */
IGO_API size_t igo_result_prestatie_count(const igo_result *result);
IGO_API size_t igo_result_discipline_count(const igo_result *result);
IGO_API size_t igo_result_provider_count(const igo_result *result);
IGO_API size_t igo_result_outside_count(const igo_result *result);

IGO_API int64_t igo_result_income(const igo_result *result);
IGO_API int64_t igo_result_cost(const igo_result *result, igo_cost cost);
IGO_API int64_t igo_result_costs_total(const igo_result *result);
IGO_API int64_t igo_result_outside_total(const igo_result *result);
/* The sum over all providers: income - costs - outside, exactly. */
IGO_API int64_t igo_result_distributed(const igo_result *result);

/* A column per prestatie (prestatie_count values). */
IGO_API const int64_t *igo_result_prestatie(const igo_result *result, igo_prestatie_column column);
/* Each outside activity's cost (outside_count values). */
IGO_API const int64_t *igo_result_outside_costs(const igo_result *result);
/* Outside activity l charged to prestatie p, at [l * prestatie_count + p]. */
IGO_API const int64_t *igo_result_outside_parts(const igo_result *result);
/* The verdeelsleutel used (direct, normalised or derived), fraction at [p * discipline_count + d]. */
IGO_API const double *igo_result_keys(const igo_result *result);
/* A[p][d]: discipline d's money in prestatie p, at [p * discipline_count + d]. */
IGO_API const int64_t *igo_result_disciplines(const igo_result *result);
/* A[p][o]: provider o's money in prestatie p, at [p * provider_count + o]. */
IGO_API const int64_t *igo_result_providers(const igo_result *result);
/* T_d and T_o, the totals over all prestaties. */
IGO_API const int64_t *igo_result_discipline_totals(const igo_result *result);
IGO_API const int64_t *igo_result_provider_totals(const igo_result *result);

/* The summary columns of a batch. */
typedef enum igo_summary_column {
    IGO_SUMMARY_INCOME = 0,
    IGO_SUMMARY_BEHEERSKOSTEN = 1,
    IGO_SUMMARY_INNOVATIE_KWALITEIT = 2,
    IGO_SUMMARY_OVERIG = 3,
    IGO_SUMMARY_OUTSIDE = 4,
    IGO_SUMMARY_DISTRIBUTED = 5,
    IGO_SUMMARY_COUNT = 6
} igo_summary_column;

/* Many variants of one region, distributed in one call (scenario sweeps).
 * Inputs are row-major, one row per variant; a NULL input keeps the model's own values:
 *   counts, tariffs:  variants x prestatie_count
 *   costs:            variants x IGO_COST_COUNT, each in its component's mode (EUR or fraction)
 * Outputs are caller-allocated, row-major, one row per variant; NULL ones are not computed:
 *   provider_totals:   variants x provider_count
 *   discipline_totals: variants x discipline_count
 *   summary:           variants x IGO_SUMMARY_COUNT */
typedef struct igo_batch {
    size_t variants;
    const double *counts;
    const double *tariffs;
    const double *costs;
    int64_t *provider_totals;
    int64_t *discipline_totals;
    int64_t *summary;
    /* Out: on failure, the index of the variant that failed (its message names it too). */
    size_t failed_variant;
} igo_batch;

/* Distributes every variant. Each variant's figures equal those of igo_distribute() on the model
 * with that variant's inputs. Stops at the first variant that fails, or when the model's progress
 * callback asks to stop (IGO_ERROR_CANCELLED); failed_variant then says where, and the rows before
 * it are complete. */
IGO_API igo_error igo_distribute_batch(igo_model *model, igo_batch *batch);

/** The number of values each buffer of a batch holds (its rows times its columns). */
typedef struct igo_batch_shape {
    size_t counts, tariffs, costs, provider_totals, discipline_totals, summary;
} igo_batch_shape;

/**
 * The buffer sizes a batch of `variants` variants of the model needs, so that a caller handed
 * buffers of unknown length (a binding) can check them; igo_distribute_batch makes the same check.
 * @param model the model the batch will distribute
 * @param variants the number of variants (0 is a batch that does nothing)
 * @param shape receives the number of values (not bytes) of each buffer
 * @return IGO_OK; IGO_ERROR_LIMIT when the buffers would hold more bytes than memory can address
 *         (the model's message says how many variants); IGO_ERROR_ARGUMENT for a NULL pointer
 */
IGO_API igo_error igo_distribute_batch_shape(igo_model *model, size_t variants,
                                             igo_batch_shape *shape);

IGO_END_DECLS

#endif
