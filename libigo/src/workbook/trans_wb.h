/* The transition's sheets: Overgang (inputs, each provider's income per year, a chart) and
 * Berekening overgang (a block per year in which every step of the core's rule is a formula).
 *
 * A year's block follows transition_year.c step by step: history scaled to the pot (H), the
 * mix of history and model (W) and the target (X), the base, the floors (L) and caps (U); then
 * the clamp rounds, each a column of tentative incomes (the rest over the free providers pro
 * rata to X) and a column of states; then the cent splits, each the rest split in cents over the
 * free providers (the largest taking the rounding) and the states after it. A state is
 * 0 free, 1 fixed at its floor, 2 fixed at its cap, 3 no provider (a spare row). */
#ifndef IGO_TRANS_WB_H
#define IGO_TRANS_WB_H

#include "../transition/transition.h"
#include "wb.h"

/* An absent cap, as a number the formulas compare with (shown as a dash): above any amount
 * the model allows (EUR 1e12). */
#define WB_NO_CAP 1e13

/* The columns of a year's block on Berekening overgang. */
enum {
    TC_ID, TC_HIST, TC_GUAR, TC_MODEL, TC_H, TC_W, TC_X, TC_BASE, TC_LDEC, TC_L, TC_U, TC_S0,
    TC_ROUNDS /* then 2 per round (tentative, state), 3 per split (weight, part, state) */
};
/* The rows of a block: its figures, then the rounds' and splits' aggregates, the header, the
 * providers and their totals. */
enum { TB_YEAR, TB_SUMS, TB_AGG, TB_AGG_ROWS = 5, TB_HEAD = TB_AGG + TB_AGG_ROWS, TB_ROWS };
/* The aggregates of a round (in its tentative column) and of a split (in its weight column). */
enum { AGG_REST, AGG_SUM, AGG_FREE, AGG_BELOW, AGG_ABOVE };
enum { AGG_SPLIT_SUM = 1, AGG_WEIGHTS = 2, AGG_LARGEST = 3, AGG_ROUNDED = 4 };
/* The figures of a block's first two rows, each after its label. */
enum { TF_YEAR = 1, TF_SHARE = 3, TF_POT = 5, TF_PREV_POT = 7, TF_ROUNDS = 9 };
enum { TF_HIST_SUM = 1, TF_HIST_LARGEST = 3, TF_MIX_SUM = 5, TF_MIX_LARGEST = 7,
       TF_MIX_ROUNDED = 9, TF_HIST_ROUNDED = 11 };

/* The columns after the rounds and splits. */
static inline int tc_round(const wb *w, int r)
{
    (void)w; /* (the same signature as the others) */
    return TC_ROUNDS + 2 * r;
}
static inline int tc_split(const wb *w, int c)
{
    return TC_ROUNDS + 2 * w->at.tr.rounds + 3 * c;
}
static inline int tc_paid(const wb *w)
{
    return tc_split(w, w->at.tr.splits);
}
enum { TC_CHANGE = 1, TC_CHANGE_PCT = 2, TC_BOUND = 3 }; /* after tc_paid */

/* The Overgang sheet's columns. */
enum { TR_ID, TR_NAME, TR_HIST, TR_GUAR, TR_CHECK };            /* the providers */
enum { TY_YEAR, TY_SHARE };                                     /* the years */
enum { TD_ID, TD_H, TD_T, TD_X, TD_Y, TD_CHANGE, TD_PCT, TD_BOUND, TD_COLUMNS }; /* per year */

/* The first row of year y's block on Berekening overgang, and of its table on Overgang. */
static inline int tr_block(const wb *w, int y)
{
    return w->at.tr.blocks + y * w->at.tr.block_height;
}
static inline int tr_detail(const wb *w, int y)
{
    return w->at.tr.detail + y * w->at.tr.detail_height;
}

typedef struct wb_trans_text {
    const char *title, *hint, *limits_title, *limit, *percent, *down, *up;
    const char *years_title, *year, *share, *providers_title, *history, *guarantee;
    const char *paid_title, *paid_hint, *chart_title, *detail_title, *scaled, *model, *target;
    const char *paid, *change, *change_pct, *bound, *bounds[4]; /* igo_transition_bound */
    const char *calc_title, *calc_hint, *weight, *base, *floor_decrease, *floor, *cap, *state;
    const char *round, *tentative, *split, *part, *rest, *sum_targets, *free, *below, *above;
    const char *sum_weights, *largest, *sum_rounded, *pot, *previous_pot, *rounds, *history_sum;
    const char *mix_sum, *changed;
    /* The checks' messages. */
    const char *no_year, *not_year, *year_order, *year_gap, *no_share, *no_history_sum;
    const char *floors_short, *caps_short, *guarantee_cap, *more_rounds, *not_paid;
    const char *no_history, *without_provider;
} wb_trans_text;

const wb_trans_text *igoi_wb_trans_texts(igo_lang lang);

/* The checks of the Overgang sheet (trans_checks.c). */
void igoi_wb_checks_trans(wb *w);

/* The cached figures of a year's block, as its formulas compute them (trans_cache.c). */
typedef struct tr_cache {
    double *y, *s;       /* per round and provider: tentative income (EUR) and state */
    double *agg;         /* per round: TB_AGG_ROWS aggregates */
    double *weight, *part, *split_s, *split_agg; /* per split: the same */
    int *changed;        /* per round, then per split: whether it fixed any provider */
} tr_cache;

int igoi_wb_trans_cache(const wb *w, size_t year, tr_cache *c);
/* A provider's paid income in year y (EUR; 0 for a year or provider beyond the core's), and the
 * income its change is against: its history in the first year, the year before's after. */
double igoi_wb_trans_paid(const wb *w, size_t y, size_t o);
double igoi_wb_trans_before(const wb *w, size_t y, size_t o);
void igoi_wb_trans_cache_free(tr_cache *c);

#endif
