/* Internal declarations of the cost-scenario engine. */
#ifndef IGO_SCENARIO_INTERNAL_H
#define IGO_SCENARIO_INTERNAL_H

#include "../internal.h"
#include "igo/scenario.h"

typedef struct sc_sector {
    char *id, *label;
} sc_sector;

typedef struct sc_driver {
    char *id, *label;
    double volume, per_volume;
} sc_driver;

typedef struct sc_study {
    char *label;
    size_t driver;
    double effect, weight;
} sc_study;

typedef struct sc_phase {
    int year;
    double fraction;
} sc_phase;

struct igo_scenarios {
    char *name;
    IGO_VEC(sc_sector) sectors;
    IGO_VEC(sc_driver) drivers;
    IGO_VEC(sc_study) studies;
    IGO_VEC(igoi_cell) deltas;    /* (driver, sector): EUR per unit; a later value replaces */
    IGO_VEC(igoi_cell) overrides; /* (scenario, driver): effect; likewise */
    IGO_VEC(sc_phase) phases;    /* kept in year order */
    double national_births;
    igo_strmap driver_ids, sector_ids;
    igo_callback progress;
    char errmsg[IGO_ERRMSG_SIZE];
};

/* Everything a computation needs, resolved and checked. */
typedef struct sc_plan {
    size_t driver_count, sector_count;
    double share;    /* the factor on national volumes: the region's share of births, or 1 */
    double *volume;  /* per driver: the volume used (scaled, or the region's own) */
    double *units;   /* per driver: volume * per_volume */
    double *delta;   /* driver x sector: EUR per unit */
    double *effects; /* scenario x driver: each driver's effect per scenario */
} sc_plan;

igo_error igoi_scenario_plan_build(igo_scenarios *set, const igo_scaling *scaling, sc_plan *plan);
void igoi_scenario_plan_free(sc_plan *plan);
/* igo_scenarios_compute that also hands back the plan it computed from (the caller frees both;
 * on failure neither exists). */
igo_error igoi_scenario_compute(igo_scenarios *set, const igo_scaling *scaling,
                                igo_scenario_result **result, sc_plan *plan);

struct igo_scenario_result {
    size_t driver_count, sector_count, year_count;
    double *volume;
    int64_t *potential;                   /* driver x sector */
    double *effect;                       /* scenario x driver */
    int64_t *impact;                      /* scenario x driver x sector */
    int64_t *sector_total, *driver_total; /* scenario x sector, scenario x driver */
    int64_t total[IGO_SCENARIO_COUNT];
    int *year;
    double *fraction;
    int64_t *phase_in;                   /* scenario x year x (sector, then the total) */
    int64_t *tornado_low, *tornado_high; /* per driver */
};

#endif
