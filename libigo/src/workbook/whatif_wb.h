/* The comparison sheet, Wat als: a starting point (the written model's own figures, or a
 * baseline model's) against the figures the workbook computes now, per provider (model income
 * plus quality bonus), discipline and prestatie (the money distributable to the providers), and
 * the totals; the change in EUR and percent, and the changes large enough to settle marked
 * against two thresholds, as libigo.compare marks them. Every workbook has it: edit an input
 * and the sheet shows what the edit changes.
 *
 * A row of a level follows the model's row (a provider row of the input sheet, spare rows
 * included; a discipline; a prestatie); the baseline's figure for the same id is its starting
 * point. The baseline's ids the model lacks follow as rows of their own, now 0. */
#ifndef IGO_WHATIF_WB_H
#define IGO_WHATIF_WB_H

#include "wb.h"

enum { WI_PROVIDERS, WI_DISCIPLINES, WI_PRESTATIES, WI_LEVELS };
/* The totals' rows, as Comparison.totals has them. */
enum { WT_INCOME, WT_COSTS, WT_OUTSIDE, WT_DISTRIBUTED, WT_BONUSES, WT_ROWS };
/* The columns of the totals and of every level's block. */
enum { WI_ID, WI_NAME, WI_BEFORE, WI_NOW, WI_CHANGE, WI_PCT, WI_MATERIAL, WI_CHECK };
/* The two thresholds' rows (EUR, then a fraction of the starting point): label, input, check. */
enum { WH_EUR, WH_SHARE, WH_ROWS };
enum { WH_VALUE = WI_BEFORE, WH_CHECK = WI_NOW };

/* The starting points, from the baseline's distribution (baseline.c). */
typedef struct wb_whatif {
    /* Per level: the model's rows (rows[l] - extra[l] of them), then the baseline's own. */
    size_t rows[WI_LEVELS], extra[WI_LEVELS];
    int64_t *before[WI_LEVELS];     /* each row's starting point, in cents */
    unsigned char *given[WI_LEVELS]; /* 1 where the baseline has the row's id */
    const char **extra_id[WI_LEVELS], **extra_name[WI_LEVELS]; /* the baseline's own rows */
    int64_t totals[WT_ROWS];
    double threshold, threshold_share; /* 0: none */
} wb_whatif;

/* Checks the options' thresholds, distributes their baseline (or takes r, the written model
 * m's result, when there is none) and matches its figures to m's rows; provider_rows counts m's
 * provider rows with the spare ones. The message goes to m. */
igo_error igoi_wb_whatif_start(wb_whatif *wi, igo_model *m, const igo_result *r,
                               size_t provider_rows, const igo_workbook_options *options);
void igoi_wb_whatif_free(wb_whatif *wi);
/* A result's figure for row i of a level, and its totals, in cents. */
int64_t igoi_wb_whatif_figure(const igo_result *r, int level, size_t i);
void igoi_wb_whatif_totals(const igo_result *r, int64_t out[WT_ROWS]);

/* The rows where the sheet's blocks begin (after the thresholds, the totals, and a block per
 * level), into at->wi. */
void igoi_wb_make_whatif_layout(wb_layout *at, const wb_whatif *wi);

typedef struct wb_whatif_text {
    const char *title, *hint, *baseline_hint, *thresholds_title, *thresholds_hint, *threshold[WH_ROWS];
    const char *totals_title, *totals[WT_ROWS], *level_title[WI_LEVELS];
    const char *before, *now, *change, *pct, *material, *yes, *check;
    const char *only_baseline; /* a baseline's row the model lacks */
    const char *not_number, *negative;
} wb_whatif_text;

const wb_whatif_text *igoi_wb_whatif_texts(igo_lang lang);

#endif
