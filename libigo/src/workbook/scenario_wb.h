/* The scenario workbook: internal declarations shared by its sheets. */
#ifndef IGO_SCENARIO_WB_H
#define IGO_SCENARIO_WB_H

#include "../scenario/scenario.h"
#include "wb.h"

enum sc_sheet { SC_INTRO, SC_INPUT, SC_STUDIES, SC_CALC, SC_TABLE, SC_PHASE, SC_SHEETS };

typedef struct sc_text {
    const char *sheet[SC_SHEETS], *sheet_about[SC_SHEETS];
    const char *title, *intro[4], *legend, *hint;
    const char *births, *national_births, *region_births, *share;
    const char *drivers, *driver, *label, *volume, *per_volume, *own_volume, *volume_used, *units;
    const char *deltas, *studies, *study, *effect, *weight, *corrected, *overrides;
    const char *scenario[IGO_SCENARIO_COUNT];
    const char *effects, *potentials, *impact, *total, *sector;
    const char *table, *by_driver, *tornado, *low, *high, *swing, *chart_sectors, *chart_drivers;
    const char *phase, *year, *fraction, *phase_chart;
} sc_text;

const sc_text *igoi_scenario_texts(igo_lang lang);

/* Where things are (0-based rows). */
typedef struct sc_layout {
    int national, region, share;   /* rows of the births block, value in column 1 */
    int drivers;                   /* the first driver row of the input table */
    int *study_first, *study_last; /* per driver, its rows on the studies sheet */
    int overrides;                 /* the first driver row of the overrides table */
    int effects, potentials, impact[IGO_SCENARIO_COUNT]; /* the first driver rows on Berekening */
    int table, by_driver, tornado; /* the first rows on Scenario's */
    int phase, year_rows;          /* the first row on Infasering, and its number of rows */
} sc_layout;

/* Columns of the driver table. */
enum { DRV_VOLUME = 2, DRV_PER = 3, DRV_OWN = 4, DRV_USED = 5, DRV_UNITS = 6, DRV_DELTA = 7 };

typedef struct sc_wb {
    wb w; /* the cells, formats and file handling of every workbook */
    const igo_scenarios *set;
    const igo_scenario_result *result;
    const sc_text *t;
    sc_layout at;
    size_t driver_count, sector_count, year_count;
    double share;      /* the scenario set's factor on national volumes */
    double births;     /* the region's births (0: national) */
    const double *own; /* the region's own volumes, or NULL */
} sc_wb;

void igoi_scenario_sheet_intro(sc_wb *s);
void igoi_scenario_sheet_inputs(sc_wb *s);
void igoi_scenario_sheet_studies(sc_wb *s);
void igoi_scenario_sheet_calc(sc_wb *s);
void igoi_scenario_sheet_table(sc_wb *s);
void igoi_scenario_sheet_phase(sc_wb *s);

#endif
