/* A model compiled for distribution: the verdeelsleutel resolved per prestatie, providers grouped
 * per (prestatie, discipline) with their volumes, outside activities costed. Building the plan
 * checks everything that does not depend on a variant's counts, tariffs and costs; running it
 * for one variant is the hot loop of igo_distribute and igo_distribute_batch. */
#ifndef IGO_PLAN_H
#define IGO_PLAN_H

#include "internal.h"

/* Where a prestatie's verdeelsleutel comes from; EMPTY_HISTORY: history lines whose money is all
 * zero, which give no key. */
enum { IGO_KEY_NONE = 0, IGO_KEY_DIRECT = 1, IGO_KEY_HISTORY = 2, IGO_KEY_EMPTY_HISTORY = 3 };

typedef struct igo_plan {
    igo_model *m; /* for names in messages and for the message itself */
    size_t prestatie_count, discipline_count, provider_count, outside_count;
    double *key;             /* prestatie x discipline: the fractions used */
    unsigned char *key_from; /* per prestatie: IGO_KEY_* */
    size_t *key_largest;     /* per prestatie: the discipline that takes a split's difference */
    /* Providers with volume, grouped by g = p * discipline_count + d, in input order within a
     * group: group g is group_provider/group_volume[group_start[g] .. group_start[g + 1]). */
    size_t *group_start; /* prestatie x discipline, + 1 */
    size_t *group_provider;
    double *group_volume;
    double *group_sum;     /* prestatie x discipline: the sum of the group's volumes */
    size_t *group_largest; /* prestatie x discipline: where in the group its largest volume is */
    int64_t *line_cost;    /* per outside activity: its cost in cents */
    /* Per provider: its fixed part in cents, its condition applied; NULL when no provider has
     * one (volumes do not vary between variants, so neither does this). */
    int64_t *fixed;
    int64_t *fixed_discipline; /* per discipline: its providers' fixed parts (saturating) */
    /* Per provider: the points it earns on the quality indicators; NULL when the model has no
     * bonus pool and no indicators. Their sum, and the provider that takes a split's rest. */
    double *points;
    double points_sum;
    size_t points_largest;
} igo_plan;

igo_error igoi_plan_build(igo_model *m, igo_plan *plan);
void igoi_plan_free(igo_plan *plan);

/* One variant's inputs: a count and a tariff per prestatie, IGO_COST_COUNT cost values in the
 * model's modes. */
typedef struct igo_variant {
    const double *count, *tariff, *cost;
} igo_variant;

/* What a run writes. The per-prestatie columns, the scratch arrays and the totals are always
 * written; the other arrays only when not NULL. */
typedef struct igo_output {
    int64_t *column[IGO_COLUMN_COUNT]; /* per prestatie each */
    int64_t income, costs[IGO_COST_COUNT], costs_total, outside_total, distributed;
    int64_t *outside_parts;     /* outside activity x prestatie, optional */
    int64_t *disciplines;       /* prestatie x discipline, optional */
    int64_t *providers;         /* prestatie x provider, optional */
    int64_t *fixed_parts;       /* prestatie x provider: the fixed parts alone, optional */
    int64_t *discipline_totals; /* per discipline, optional */
    int64_t *provider_totals;   /* per provider, optional */
    int64_t bonus_pool, bonus_paid;
    int64_t *bonuses; /* per provider, optional */
    /* Scratch: income weights (per prestatie), one outside activity's target weights (per
     * prestatie), the parts of a split over targets or providers (as many as the larger of the
     * two counts), the parts over disciplines (per discipline). */
    double *weight, *target_weight;
    int64_t *parts, *discipline_parts;
    /* With fixed parts: each discipline's money per prestatie (prestatie x discipline), and
     * what is left of it after the fixed parts. */
    int64_t *grid, *rest;
} igo_output;

/* The model's own counts, tariffs and cost values as a variant, in *buf for the caller to free. */
igo_error igoi_model_variant(igo_model *m, double **buf, igo_variant *in);

/* Allocates the always-written arrays of an output for the plan; frees them again. */
igo_error igoi_output_alloc(const igo_plan *plan, igo_output *out);
void igoi_output_free(igo_output *out);

igo_error igoi_plan_run(const igo_plan *plan, const igo_variant *in, igo_output *out);

/* Quality bonuses (bonus.c): each provider's points into the plan; a run's pool, checked
 * against its budget, split over the providers by their points. */
igo_error igoi_plan_points(igo_plan *plan);
igo_error igoi_run_bonuses(const igo_plan *plan, igo_output *out);

/* igo_distribute that also hands back the plan it ran (the caller frees both; on failure neither
 * exists). */
igo_error igoi_distribute_plan(igo_model *m, igo_result **result, igo_plan *plan);

#endif
