/* Berekening overgang: a block per year row of Overgang, every step of the transition rule as a
 * formula (see trans_wb.h), cached with the core's figures. A year row left empty gives a quiet
 * block of zeros. */
#include <stdio.h>
#include <stdlib.h>

#include "trans_wb.h"

enum { CALC = WB_TRANS_CALC, TRANS = WB_TRANS };

/* One block: where it is, what it refers to, and the core's figures when the year is used. */
typedef struct block {
    wb *w;
    int y, top, first, last; /* the year row; the block's first row; its provider rows */
    size_t n;                /* the model's providers (the rows after them are spare) */
    int used;                /* the year has figures of the core */
    int year;                /* and those of its inputs (0 and 0 when not used) */
    double share;
    double *hist, *mix; /* per provider: the weights of the two splits, in EUR */
    const int64_t *col[IGO_TRANSITION_COLUMNS];
    const uint8_t *bounds;
    tr_cache cache;
} block;

static wb_ref cell(const block *b, int row, int col)
{
    return igoi_wb_at(b->w, -1, row, col);
}

/* A block-level figure (a row of the block's top, a column). */
static wb_ref fig(const block *b, int row, int col)
{
    return cell(b, b->top + row, col);
}

static wb_ref agg(const block *b, int col, int which)
{
    return fig(b, TB_AGG + which, col);
}

/* The provider rows of a column. */
static wb_ref rows(const block *b, int col)
{
    return igoi_wb_range(b->w, -1, b->first, col, b->last, col);
}

static double cents(const block *b, int column, size_t o)
{
    return b->used && o < b->n ? wb_eur(b->col[column][o]) : 0;
}

static void label(const block *b, int row, int col, const char *text)
{
    igoi_wb_string(b->w, CALC, b->top + row, col, text, b->w->f.bold);
}

/* ---- the block's figures: the year, the share, the pots, the sums and largest rows ---- */

static void year_figures(block *b)
{
    wb *w = b->w;
    const wb_trans_text *tt = w->tt;
    wb_ref year = igoi_wb_at(w, TRANS, w->at.tr.years + b->y, TY_YEAR);
    wb_ref share = igoi_wb_at(w, TRANS, w->at.tr.years + b->y, TY_SHARE);
    label(b, TB_YEAR, TF_YEAR - 1, tt->year);
    if (b->used)
        igoi_wb_formula(w, CALC, b->top, TF_YEAR, w->f.index, b->year,
                        "=IF(ISNUMBER(%s),%s,\"\")", year.s, year.s);
    else
        igoi_wb_formula_text(w, CALC, b->top, TF_YEAR, w->f.index, "",
                             "=IF(ISNUMBER(%s),%s,\"\")", year.s, year.s);
    label(b, TB_YEAR, TF_SHARE - 1, w->tt->share);
    igoi_wb_formula(w, CALC, b->top, TF_SHARE, w->f.pct, b->share, "=IF(ISNUMBER(%s),%s,0)",
                    share.s, share.s);
    label(b, TB_YEAR, TF_POT - 1, tt->pot);
    double pot = b->used ? wb_eur(igo_transition_result_pot(w->tres, (size_t)b->y)) : 0;
    igoi_wb_formula(w, CALC, b->top, TF_POT, w->f.money, pot, "=ROUND(SUM(%s),2)",
                    rows(b, TC_MODEL).s);
    label(b, TB_YEAR, TF_PREV_POT - 1, tt->previous_pot);
    size_t years = igo_transition_result_years(w->tres);
    double previous = b->y > 0 && (size_t)b->y - 1 < years
                          ? wb_eur(igo_transition_result_pot(w->tres, (size_t)b->y - 1))
                          : 0;
    if (b->y == 0)
        igoi_wb_number(w, CALC, b->top, TF_PREV_POT, 0, w->f.money);
    else
        igoi_wb_formula(w, CALC, b->top, TF_PREV_POT, w->f.money, previous, "=%s",
                        cell(b, b->top - w->at.tr.block_height, TF_POT).s);
}

/* The rounds: the changed flags summed (written after the rounds, which they read). */
static void round_count(block *b)
{
    wb *w = b->w;
    char sum[4096];
    size_t len = 0;
    int stages = w->at.tr.rounds + w->at.tr.splits;
    double cached = 0;
    for (int k = 0; k < stages && len < sizeof sum; k++) {
        int col = k < w->at.tr.rounds ? tc_round(w, k) + 1 : tc_split(w, k - w->at.tr.rounds) + 2;
        len += (size_t)snprintf(sum + len, sizeof sum - len, "%s%s", k ? "+" : "",
                                agg(b, col, 0).s);
        cached += b->used ? b->cache.changed[k] : 0;
    }
    label(b, TB_YEAR, TF_ROUNDS - 1, w->tt->rounds);
    if (len >= sizeof sum) /* (hundreds of rounds) refused rather than summed in part */
        return igoi_wb_keep(w, LXW_ERROR_255_STRING_LENGTH_EXCEEDED);
    igoi_wb_formula(w, CALC, b->top, TF_ROUNDS, w->f.index, cached, "=%s", sum);
}

/* A part of a split before the remainder: ROUND(P * w / sum; 2), or for the target
 * (micro) through whole micro-euros, exact in every engine (igoi_transition_target_part). */
static void part_text(char *out, size_t size, int micro, const char *pot, const char *w,
                      const char *sum)
{
    snprintf(out, size,
             micro ? "ROUND(ROUND(%s*%s/%s*1000000,0)/10000,0)/100" : "ROUND(%s*%s/%s,2)", pot,
             w, sum);
}

/* A split's weights (EUR, n of them), their sum, the largest's row, and the sum of the rounded
 * parts: the figures the split's formulas use. */
static void split_figures(block *b, int col, const double *weight, int sum_at, int largest_at,
                          int rounded_at, const char *title, int micro)
{
    wb *w = b->w;
    wb_ref weights = rows(b, col), sum = fig(b, TB_SUMS, sum_at);
    wb_ref pot = fig(b, TB_YEAR, TF_POT);
    double total = 0, rounded = 0, p = b->used ? wb_eur(igo_transition_result_pot(w->tres,
                                                                                (size_t)b->y))
                                               : 0;
    size_t largest = 0;
    for (size_t o = 0; b->used && o < b->n; o++) {
        total += weight[o];
        largest = weight[o] > weight[largest] ? o : largest;
    }
    for (size_t o = 0; b->used && total != 0 && o < b->n; o++)
        rounded += micro ? wb_eur(igoi_transition_target_part(p, weight[o], total))
                         : igo_round(p * weight[o] / total, 2);
    label(b, TB_SUMS, sum_at - 1, title);
    igoi_wb_formula(w, CALC, b->top + TB_SUMS, sum_at, w->f.money, total, "=SUM(%s)",
                    weights.s);
    label(b, TB_SUMS, largest_at - 1, w->tt->largest);
    igoi_wb_formula_array(w, CALC, b->top + TB_SUMS, largest_at, w->f.index,
                          total != 0 ? (double)largest + 1 : 0,
                          "=IF(%s=0,0,MATCH(MAX(%s),%s,0))", sum.s, weights.s, weights.s);
    label(b, TB_SUMS, rounded_at - 1, w->tt->sum_rounded);
    char part[4 * sizeof(wb_ref) + 64];
    part_text(part, sizeof part, micro, pot.s, weights.s, sum.s);
    igoi_wb_formula_array(w, CALC, b->top + TB_SUMS, rounded_at, w->f.money, rounded,
                          "=IF(%s=0,0,SUMPRODUCT(%s))", sum.s, part);
}

/* The year's inputs, and the history and the mix as weights (the cached figures of their
 * splits); -1 when out of memory. */
static int year_inputs(block *b)
{
    wb *w = b->w;
    if (b->used)
        b->year = igo_transition_year(w->tr, (size_t)b->y, &b->share, NULL);
    b->hist = calloc(b->n + 1, sizeof *b->hist);
    b->mix = calloc(b->n + 1, sizeof *b->mix);
    if (!b->hist || !b->mix)
        return -1;
    for (size_t o = 0; o < b->n; o++) {
        int64_t h = 0;
        igo_transition_provider(w->tr, o, &h, NULL);
        b->hist[o] = wb_eur(h);
        b->mix[o] = b->share * cents(b, IGO_TRANSITION_HISTORY, o) +
                    (1 - b->share) * cents(b, IGO_TRANSITION_MODEL, o);
    }
    return 0;
}

/* ---- a provider row: the inputs, H, W, X, the base and the bounds ---- */

static void inputs_row(block *b, size_t o, int r)
{
    wb *w = b->w;
    const int in = w->at.tr.providers + (int)o;
    wb_ref active = fig(b, TB_YEAR, TF_YEAR), id = cell(b, r, TC_ID);
    wb_ref ov_id = igoi_wb_at(w, TRANS, in, TR_ID), h = igoi_wb_at(w, TRANS, in, TR_HIST);
    wb_ref g = igoi_wb_at(w, TRANS, in, TR_GUAR);
    int used = b->used && o < b->n;
    int64_t hist = 0, guar = -1;
    const char *name = used ? igo_transition_provider(w->tr, o, &hist, &guar) : "";
    igoi_wb_formula_text(w, CALC, r, TC_ID, w->f.text, name ? name : "",
                         "=IF(ISNUMBER(%s),IF(%s=\"\",\"\",%s),\"\")", active.s, ov_id.s, ov_id.s);
    igoi_wb_formula(w, CALC, r, TC_HIST, w->f.money_quiet, used ? wb_eur(hist) : 0,
                    "=IF(%s=\"\",0,IF(ISNUMBER(%s),%s,0))", id.s, h.s, h.s);
    igoi_wb_formula(w, CALC, r, TC_GUAR, w->f.money_quiet, used && guar >= 0 ? wb_eur(guar) : -1,
                    "=IF(AND(%s<>\"\",ISNUMBER(%s)),%s,-1)", id.s, g.s, g.s);
    igoi_wb_formula(w, CALC, r, TC_MODEL, w->f.money_quiet, cents(b, IGO_TRANSITION_MODEL, o),
                    "=IF(%s=\"\",0,%s)", id.s,
                    igoi_wb_at(w, WB_CALC, w->at.calc.provider_parts + (int)o,
                               3 + (int)w->at.prestatie_count).s);
}

/* H and X: the rounded part (part_text), the largest weight taking what the rounding leaves. */
static void split_cell(block *b, int o, int r, int col, int weight_col, int sum_at,
                       int largest_at, int rounded_at, double cached, int micro)
{
    wb_ref pot = fig(b, TB_YEAR, TF_POT), sum = fig(b, TB_SUMS, sum_at);
    char part[4 * sizeof(wb_ref) + 64];
    part_text(part, sizeof part, micro, pot.s, cell(b, r, weight_col).s, sum.s);
    igoi_wb_formula(b->w, CALC, r, col, b->w->f.money_quiet, cached,
                    "=IF(OR(%s=\"\",%s=0),0,ROUND(%s+IF(%s=%d,%s-%s,0),2))",
                    cell(b, r, TC_ID).s, sum.s, part, fig(b, TB_SUMS, largest_at).s, o + 1,
                    pot.s, fig(b, TB_SUMS, rounded_at).s);
}

static void targets_row(block *b, size_t o, int r)
{
    wb *w = b->w;
    wb_ref share = fig(b, TB_YEAR, TF_SHARE);
    split_cell(b, (int)o, r, TC_H, TC_HIST, TF_HIST_SUM, TF_HIST_LARGEST, TF_HIST_ROUNDED,
               cents(b, IGO_TRANSITION_HISTORY, o), 0);
    igoi_wb_formula(w, CALC, r, TC_W, w->f.money_quiet, o < b->n ? b->mix[o] : 0,
                    "=%s*%s+(1-%s)*%s", share.s, cell(b, r, TC_H).s, share.s,
                    cell(b, r, TC_MODEL).s);
    split_cell(b, (int)o, r, TC_X, TC_W, TF_MIX_SUM, TF_MIX_LARGEST, TF_MIX_ROUNDED,
               cents(b, IGO_TRANSITION_TARGET, o), 1);
}

static void bounds_row(block *b, size_t o, int r)
{
    wb *w = b->w;
    wb_ref id = cell(b, r, TC_ID), base = cell(b, r, TC_BASE);
    wb_ref down = igoi_wb_at(w, TRANS, w->at.tr.limits, 1);
    wb_ref up = igoi_wb_at(w, TRANS, w->at.tr.limits + 1, 1);
    const int height = w->at.tr.block_height;
    if (b->y == 0)
        igoi_wb_formula(w, CALC, r, TC_BASE, w->f.money_quiet, cents(b, IGO_TRANSITION_BASE, o),
                        "=%s", cell(b, r, TC_H).s);
    else
        igoi_wb_formula(w, CALC, r, TC_BASE, w->f.money_quiet, cents(b, IGO_TRANSITION_BASE, o),
                        "=IF(OR(%s=\"\",%s=0),0,ROUND(%s*%s/%s,2))", id.s,
                        fig(b, TB_YEAR, TF_PREV_POT).s, cell(b, r - height, tc_paid(w)).s,
                        fig(b, TB_YEAR, TF_POT).s, fig(b, TB_YEAR, TF_PREV_POT).s);
    int64_t down_cents = 0;
    double d = -1;
    igo_transition_limits(w->tr, &d, NULL);
    if (b->used && o < b->n && d >= 0)
        down_cents = igoi_transition_bound(b->col[IGO_TRANSITION_BASE][o], d, -1);
    /* In whole cents and basis points, as igoi_transition_bound: exact in every engine (for
     * bases below EUR 4.5 billion, where the product stays below 2^53). */
    igoi_wb_formula(w, CALC, r, TC_LDEC, w->f.money_quiet, wb_eur(down_cents),
                    "=IF(OR(%s=\"\",NOT(ISNUMBER(%s))),0,"
                    "ROUND(ROUND(%s*100,0)*(10000-ROUND(%s*10000,0))/10000,0)/100)",
                    id.s, down.s, base.s, down.s);
    igoi_wb_formula(w, CALC, r, TC_L, w->f.money_quiet, cents(b, IGO_TRANSITION_FLOOR, o),
                    "=IF(%s=\"\",0,MAX(%s,%s))", id.s, cell(b, r, TC_LDEC).s,
                    cell(b, r, TC_GUAR).s);
    int64_t cap = b->used && o < b->n ? b->col[IGO_TRANSITION_CAP][o] : 0;
    igoi_wb_formula(w, CALC, r, TC_U, w->f.money_cap, cap == INT64_MAX ? WB_NO_CAP : wb_eur(cap),
                    "=IF(%s=\"\",0,IF(ISNUMBER(%s),"
                    "ROUND(ROUND(%s*100,0)*(10000+ROUND(%s*10000,0))/10000,0)/100,%.0f))",
                    id.s, up.s, base.s, up.s, WB_NO_CAP);
    igoi_wb_formula(w, CALC, r, TC_S0, w->f.index, b->used && o < b->n ? 0 : 3,
                    "=IF(%s=\"\",3,0)", id.s);
}

/* ---- the clamp rounds and the cent splits ---- */

/* The state column a round or split starts from. */
static int state_in(const wb *w, int stage)
{
    if (stage == 0)
        return TC_S0;
    if (stage <= w->at.tr.rounds)
        return tc_round(w, stage - 1) + 1;
    return tc_split(w, stage - w->at.tr.rounds - 1) + 2;
}

/* IF(S=1,L,IF(S=2,U,0)): a fixed provider's income. */
static void fixed_value(char *out, size_t size, const block *b, int r, int s)
{
    snprintf(out, size, "IF(%s=1,%s,IF(%s=2,%s,0))", cell(b, r, s).s, cell(b, r, TC_L).s,
             cell(b, r, s).s, cell(b, r, TC_U).s);
}

static void round_row(block *b, size_t o, int r, int k)
{
    wb *w = b->w;
    const int c = tc_round(w, k), s = state_in(w, k);
    const int used = b->used && o < b->n;
    const size_t n = b->n;
    wb_ref in = cell(b, r, s), y = cell(b, r, c), l = cell(b, r, TC_L), u = cell(b, r, TC_U);
    char fixed[4 * sizeof(wb_ref) + 32];
    fixed_value(fixed, sizeof fixed, b, r, s);
    igoi_wb_formula(w, CALC, r, c, w->f.money_quiet, used ? b->cache.y[(size_t)k * n + o] : 0,
                    "=IF(%s=0,IF(%s>0,%s*%s/%s,%s/%s),%s)", in.s, agg(b, c, AGG_SUM).s,
                    agg(b, c, AGG_REST).s, cell(b, r, TC_X).s, agg(b, c, AGG_SUM).s,
                    agg(b, c, AGG_REST).s, agg(b, c, AGG_FREE).s, fixed);
    wb_ref below = agg(b, c, AGG_BELOW), above = agg(b, c, AGG_ABOVE);
    igoi_wb_formula(w, CALC, r, c + 1, w->f.index,
                    used ? b->cache.s[(size_t)(k + 1) * n + o] : 3,
                    "=IF(%s<>0,%s,IF(AND(%s>=%s,%s<%s-0.005),1,"
                    "IF(AND(%s>=%s,%s>%s+0.005),2,0)))",
                    in.s, in.s, below.s, above.s, y.s, l.s, above.s, below.s, y.s, u.s);
}

static void split_row(block *b, size_t o, int r, int k)
{
    wb *w = b->w;
    const int c = tc_split(w, k), s = state_in(w, w->at.tr.rounds + k);
    const int used = b->used && o < b->n;
    const size_t n = b->n;
    wb_ref in = cell(b, r, s), weight = cell(b, r, c), part = cell(b, r, c + 1);
    wb_ref rest = agg(b, c, AGG_REST);
    char fixed[4 * sizeof(wb_ref) + 32];
    fixed_value(fixed, sizeof fixed, b, r, s);
    igoi_wb_formula(w, CALC, r, c, w->f.money_quiet,
                    used ? b->cache.weight[(size_t)k * n + o] : -1,
                    "=IF(%s=0,IF(%s>0,%s,1),-1)", in.s, agg(b, c, AGG_SPLIT_SUM).s,
                    cell(b, r, TC_X).s);
    igoi_wb_formula(w, CALC, r, c + 1, w->f.money_quiet,
                    used ? b->cache.part[(size_t)k * n + o] : 0,
                    "=IF(%s=0,ROUND(ROUND(%s*%s/%s,2)+IF(%s=%d,%s-%s,0),2),%s)", in.s, rest.s,
                    weight.s, agg(b, c, AGG_WEIGHTS).s, agg(b, c, AGG_LARGEST).s, (int)o + 1,
                    rest.s, agg(b, c, AGG_ROUNDED).s, fixed);
    igoi_wb_formula(w, CALC, r, c + 2, w->f.index,
                    used ? b->cache.split_s[(size_t)k * n + o] : 3,
                    "=IF(%s<>0,%s,IF(%s<%s,1,IF(%s>%s,2,0)))", in.s, in.s, part.s,
                    cell(b, r, TC_L).s, part.s, cell(b, r, TC_U).s);
}

/* REST = ROUND(P - the fixed providers' bounds; 2), as every round and split starts. */
static void rest_cell(block *b, int c, int s, double cached)
{
    wb_ref in = rows(b, s);
    igoi_wb_formula_array(b->w, CALC, b->top + TB_AGG + AGG_REST, c, b->w->f.money, cached,
                          "=ROUND(%s-SUMPRODUCT((%s=1)*%s+(%s=2)*%s),2)",
                          fig(b, TB_YEAR, TF_POT).s, in.s, rows(b, TC_L).s, in.s,
                          rows(b, TC_U).s);
}

static void round_aggregates(block *b, int k)
{
    wb *w = b->w;
    const int c = tc_round(w, k), s = state_in(w, k), row = b->top + TB_AGG;
    const double *a = b->used ? b->cache.agg + (size_t)k * TB_AGG_ROWS : NULL;
    wb_ref in = rows(b, s), y = rows(b, c), l = rows(b, TC_L), u = rows(b, TC_U);
    rest_cell(b, c, s, a ? a[AGG_REST] : 0);
    igoi_wb_formula_array(w, CALC, row + AGG_SUM, c, w->f.money, a ? a[AGG_SUM] : 0,
                          "=SUMPRODUCT((%s=0)*%s)", in.s, rows(b, TC_X).s);
    igoi_wb_formula_array(w, CALC, row + AGG_FREE, c, w->f.index, a ? a[AGG_FREE] : 0,
                          "=SUMPRODUCT((%s=0)*1)", in.s);
    igoi_wb_formula_array(w, CALC, row + AGG_BELOW, c, w->f.money, a ? a[AGG_BELOW] : 0,
                          "=SUMPRODUCT((%s=0)*(%s<%s-0.005)*(%s-%s))", in.s, y.s, l.s, l.s,
                          y.s);
    igoi_wb_formula_array(w, CALC, row + AGG_ABOVE, c, w->f.money, a ? a[AGG_ABOVE] : 0,
                          "=SUMPRODUCT((%s=0)*(%s>%s+0.005)*(%s-%s))", in.s, y.s, u.s, y.s,
                          u.s);
    igoi_wb_formula(w, CALC, row, c + 1, w->f.index, b->used ? b->cache.changed[k] : 0,
                    "=IF(%s+%s>0,1,0)", agg(b, c, AGG_BELOW).s, agg(b, c, AGG_ABOVE).s);
}

static void split_aggregates(block *b, int k)
{
    wb *w = b->w;
    const int c = tc_split(w, k), s = state_in(w, w->at.tr.rounds + k), row = b->top + TB_AGG;
    const double *a = b->used ? b->cache.split_agg + (size_t)k * TB_AGG_ROWS : NULL;
    wb_ref in = rows(b, s), weight = rows(b, c), sum = agg(b, c, AGG_WEIGHTS);
    rest_cell(b, c, s, a ? a[AGG_REST] : 0);
    igoi_wb_formula_array(w, CALC, row + AGG_SPLIT_SUM, c, w->f.money, a ? a[AGG_SPLIT_SUM] : 0,
                          "=SUMPRODUCT((%s=0)*%s)", in.s, rows(b, TC_X).s);
    igoi_wb_formula_array(w, CALC, row + AGG_WEIGHTS, c, w->f.money, a ? a[AGG_WEIGHTS] : 0,
                          "=SUMPRODUCT((%s=0)*%s)", in.s, weight.s);
    igoi_wb_formula_array(w, CALC, row + AGG_LARGEST, c, w->f.index, a ? a[AGG_LARGEST] : 1,
                          "=MATCH(MAX(%s),%s,0)", weight.s, weight.s);
    igoi_wb_formula_array(w, CALC, row + AGG_ROUNDED, c, w->f.money, a ? a[AGG_ROUNDED] : 0,
                          "=IF(%s=0,0,SUMPRODUCT((%s=0)*ROUND(%s*%s/%s,2)))", sum.s, in.s,
                          agg(b, c, AGG_REST).s, weight.s, sum.s);
    igoi_wb_formula_array(w, CALC, row, c + 2, w->f.index,
                          b->used ? b->cache.changed[w->at.tr.rounds + k] : 0,
                          "=IF(SUMPRODUCT((%s<>%s)*1)>0,1,0)", rows(b, c + 2).s, in.s);
}

/* ---- the outcome: paid, the change, the bound ---- */

static void outcome_row(block *b, size_t o, int r)
{
    wb *w = b->w;
    const wb_trans_text *tt = w->tt;
    const int p = tc_paid(w), used = b->used && o < b->n;
    const int s = state_in(w, w->at.tr.rounds + w->at.tr.splits);
    wb_ref id = cell(b, r, TC_ID), paid = cell(b, r, p);
    wb_ref before = b->y == 0 ? cell(b, r, TC_HIST)
                              : cell(b, r - w->at.tr.block_height, p);
    double y = cents(b, IGO_TRANSITION_PAID, o);
    double prev = used ? igoi_wb_trans_before(w, (size_t)b->y, o) : 0;
    igoi_wb_formula(w, CALC, r, p, w->f.money_quiet, y, "=%s",
                    cell(b, r, tc_split(w, w->at.tr.splits - 1) + 1).s);
    igoi_wb_formula(w, CALC, r, p + TC_CHANGE, w->f.money_quiet, used ? y - prev : 0,
                    "=IF(%s=\"\",0,ROUND(%s-%s,2))", id.s, paid.s, before.s);
    if (used && prev != 0)
        igoi_wb_formula(w, CALC, r, p + TC_CHANGE_PCT, w->f.pct2, (y - prev) / prev,
                        "=IF(OR(%s=\"\",%s=0),\"\",%s/%s)", id.s, before.s,
                        cell(b, r, p + TC_CHANGE).s, before.s);
    else
        igoi_wb_formula_text(w, CALC, r, p + TC_CHANGE_PCT, w->f.pct2, "",
                             "=IF(OR(%s=\"\",%s=0),\"\",%s/%s)", id.s, before.s,
                             cell(b, r, p + TC_CHANGE).s, before.s);
    wb_ref state = cell(b, r, s);
    igoi_wb_formula_text(w, CALC, r, p + TC_BOUND, w->f.text,
                         used ? tt->bounds[b->bounds[o]] : "",
                         "=IF(%s=\"\",\"\",IF(%s=1,IF(%s>%s,\"%s\",\"%s\"),"
                         "IF(%s=2,\"%s\",\"%s\")))",
                         id.s, state.s, cell(b, r, TC_GUAR).s, cell(b, r, TC_LDEC).s,
                         tt->bounds[IGO_BOUND_GUARANTEE], tt->bounds[IGO_BOUND_FLOOR], state.s,
                         tt->bounds[IGO_BOUND_CAP], tt->bounds[IGO_BOUND_NONE]);
}

/* ---- the block's labels, header and totals ---- */

static void labels(block *b)
{
    wb *w = b->w;
    const wb_trans_text *tt = w->tt;
    const char *round_rows[TB_AGG_ROWS] = {tt->rest, tt->sum_targets, tt->free, tt->below,
                                           tt->above};
    const char *split_rows[TB_AGG_ROWS] = {NULL, tt->sum_targets, tt->sum_weights, tt->largest,
                                           tt->sum_rounded};
    for (int i = 0; i < TB_AGG_ROWS; i++) {
        label(b, TB_AGG + i, TC_S0, round_rows[i]);
        if (split_rows[i])
            label(b, TB_AGG + i, tc_split(w, 0) - 1, split_rows[i]);
    }
    const char *head[] = {w->t->prov_id, tt->history, tt->guarantee, tt->model, tt->scaled,
                          tt->weight, tt->target, tt->base, tt->floor_decrease, tt->floor,
                          tt->cap, tt->state};
    igoi_wb_header(w, CALC, b->top + TB_HEAD, 0, head, TC_ROUNDS);
    char text[160];
    for (int k = 0; k < w->at.tr.rounds; k++) {
        int n = snprintf(text, sizeof text, tt->round, k + 1);
        snprintf(text + n, sizeof text - (size_t)n, ": %s", tt->tentative);
        igoi_wb_string(w, CALC, b->top + TB_HEAD, tc_round(w, k), text, w->f.header);
        snprintf(text + n, sizeof text - (size_t)n, ": %s", tt->state);
        igoi_wb_string(w, CALC, b->top + TB_HEAD, tc_round(w, k) + 1, text, w->f.header);
    }
    const char *parts[3] = {tt->weight, tt->part, tt->state};
    for (int k = 0; k < w->at.tr.splits; k++)
        for (int i = 0; i < 3; i++) {
            int n = snprintf(text, sizeof text, tt->split, k + 1);
            snprintf(text + n, sizeof text - (size_t)n, ": %s", parts[i]);
            igoi_wb_string(w, CALC, b->top + TB_HEAD, tc_split(w, k) + i, text, w->f.header);
        }
    const char *tail[] = {tt->paid, tt->change, tt->change_pct, tt->bound};
    igoi_wb_header(w, CALC, b->top + TB_HEAD, tc_paid(w), tail, 4);
}

static double column_sum(const block *b, int column)
{
    int64_t sum = 0;
    for (size_t o = 0; b->used && o < b->n; o++)
        sum += b->col[column][o];
    return wb_eur(sum);
}

static void totals(block *b)
{
    wb *w = b->w;
    const int r = b->last + 1;
    const int cols[] = {TC_HIST, TC_MODEL, TC_H, TC_X, TC_L, TC_U, tc_paid(w)};
    const int figures[] = {-1, IGO_TRANSITION_MODEL, IGO_TRANSITION_HISTORY,
                           IGO_TRANSITION_TARGET, IGO_TRANSITION_FLOOR, -1, IGO_TRANSITION_PAID};
    igoi_wb_string(w, CALC, r, TC_ID, w->t->total, w->f.bold);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        double cached = figures[i] >= 0 ? column_sum(b, figures[i]) : 0;
        if (cols[i] == TC_HIST)
            for (size_t o = 0; b->used && o < b->n; o++)
                cached += b->hist[o];
        if (cols[i] == TC_U)
            for (size_t o = 0; b->used && o < b->n; o++)
                cached += b->col[IGO_TRANSITION_CAP][o] == INT64_MAX
                              ? WB_NO_CAP
                              : wb_eur(b->col[IGO_TRANSITION_CAP][o]);
        igoi_wb_formula(w, CALC, r, cols[i], cols[i] == TC_U ? w->f.money_cap : w->f.money_total,
                        cached, "=ROUND(SUM(%s),2)", rows(b, cols[i]).s);
    }
    /* The first provider guaranteed more than its cap, 0 when none. */
    igoi_wb_formula_array(w, CALC, r, TC_S0, w->f.index, 0, "=IFERROR(MATCH(1,(%s>%s)*1,0),0)",
                          rows(b, TC_L).s, rows(b, TC_U).s);
}

/* ---- the sheet ---- */

static void provider_rows(block *b)
{
    wb *w = b->w;
    for (size_t o = 0; o < w->at.provider_rows; o++) {
        int r = b->first + (int)o;
        inputs_row(b, o, r);
        targets_row(b, o, r);
        bounds_row(b, o, r);
        for (int k = 0; k < w->at.tr.rounds; k++)
            round_row(b, o, r, k);
        for (int k = 0; k < w->at.tr.splits; k++)
            split_row(b, o, r, k);
        outcome_row(b, o, r);
    }
}

static void write_block(wb *w, int y)
{
    block b = {.w = w, .y = y, .top = tr_block(w, y), .n = w->tr->n};
    b.first = b.top + TB_ROWS, b.last = b.first + (int)w->at.provider_rows - 1;
    b.used = (size_t)y < igo_transition_result_years(w->tres);
    if (b.used) {
        for (int c = 0; c < IGO_TRANSITION_COLUMNS; c++)
            b.col[c] = igo_transition_result_column(w->tres, (size_t)y, c);
        b.bounds = igo_transition_result_bounds(w->tres, (size_t)y);
        if (igoi_wb_trans_cache(w, (size_t)y, &b.cache) != 0)
            return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    if (year_inputs(&b) != 0) {
        free(b.hist), free(b.mix);
        if (b.used)
            igoi_wb_trans_cache_free(&b.cache);
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    year_figures(&b);
    split_figures(&b, TC_HIST, b.hist, TF_HIST_SUM, TF_HIST_LARGEST, TF_HIST_ROUNDED,
                  w->tt->history_sum, 0);
    split_figures(&b, TC_W, b.mix, TF_MIX_SUM, TF_MIX_LARGEST, TF_MIX_ROUNDED, w->tt->mix_sum, 1);
    labels(&b);
    provider_rows(&b);
    for (int k = 0; k < w->at.tr.rounds; k++)
        round_aggregates(&b, k);
    for (int k = 0; k < w->at.tr.splits; k++)
        split_aggregates(&b, k);
    round_count(&b);
    totals(&b);
    free(b.hist), free(b.mix);
    if (b.used)
        igoi_wb_trans_cache_free(&b.cache);
}

void igoi_wb_sheet_trans_calc(wb *w)
{
    igoi_wb_heading(w, CALC, w->tt->calc_title, w->tt->calc_hint);
    igoi_wb_check_line(w, CALC);
    for (int y = 0; y < (int)w->at.tr.year_rows; y++)
        write_block(w, y);
    igoi_wb_width(w, CALC, 0, 0, 18);
    igoi_wb_width(w, CALC, 1, tc_paid(w) + TC_BOUND, 14);
    igoi_wb_finish_sheet(w, CALC, tr_block(w, 0) + TB_ROWS, 1);
}
