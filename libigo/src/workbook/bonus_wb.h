/* The quality bonuses' sheet, Kwaliteitsbonussen: the pool from the innovation and quality
 * budget, the indicators with their targets, each provider's values, and per provider its
 * points, bonus and total. Every workbook has it: empty, it pays nothing.
 *
 * A provider meets an indicator when it has a value and the value reaches the target (<= when
 * lower is better); its points are the weights of the indicators it meets. The pool is paid when
 * anyone has a point, split by points as Berekening splits: ROUND(paid * points / sum; 2), the
 * first provider with the most points taking what the rounding leaves. */
#ifndef IGO_BONUS_WB_H
#define IGO_BONUS_WB_H

#include "wb.h"

/* The pool's row: its label, how it is given, the amount, the percentage of the budget. */
enum { BP_LABEL, BP_MODE, BP_AMOUNT, BP_PERCENT, BP_CHECK };
/* The figures under it, a row each: the label in column 0 (spilling over the empty column 1),
 * the figure in column BF_COL. */
enum { BF_BUDGET, BF_POT, BF_POINTS, BF_PAID, BF_UNPAID, BF_LARGEST, BF_ROWS };
enum { BF_COL = 2 };
/* The indicators' columns. */
enum { BI_ID, BI_LABEL, BI_TARGET, BI_BETTER, BI_WEIGHT, BI_CHECK, BI_COLUMNS = BI_CHECK };
/* The values grid: above its header three rows that lay each indicator's target, direction and
 * weight out along its column (so that a provider's points are one SUMPRODUCT of its row). */
enum { BV_TARGET = -4, BV_LOWER = -3, BV_WEIGHT = -2 };
/* The grid's columns: id and name, then a value per indicator row, then (bv_col) the check and
 * the outputs; last a column of what the checks count with array formulas (as Berekening's
 * look-ups, so that every engine evaluates them alike): beside an indicator row how often its
 * id occurs (matched with EXACT), beside a provider row its values in columns without an
 * indicator. */
enum { BV_ID, BV_NAME, BV_VALUES };
enum { BV_CHECK, BV_POINTS, BV_ROUNDED, BV_BONUS, BV_MODEL, BV_TOTAL, BV_HELP, BV_AFTER };

static inline int bv_col(const wb *w, int after)
{
    return BV_VALUES + (int)w->at.bn.indicator_rows + after;
}

typedef struct wb_bonus_text {
    const char *title, *hint, *pool_title, *pool, *figures_title;
    const char *figures[BF_ROWS];
    const char *indicators_title, *id, *label, *target, *better, *higher, *lower, *weight;
    const char *lower_flag; /* the grid's row of 1 where lower is better */
    const char *values_title, *values_hint, *points, *rounded, *bonus, *model, *total, *help;
    /* The checks' messages. */
    const char *above_budget, *no_target, *no_weight, *no_better, *without_provider;
    const char *without_indicator, *not_number;
} wb_bonus_text;

const wb_bonus_text *igoi_wb_bonus_texts(igo_lang lang);

/* The checks beside the pool, the indicators and the values (bonus_checks.c). */
void igoi_wb_checks_bonus(wb *w);

#endif
