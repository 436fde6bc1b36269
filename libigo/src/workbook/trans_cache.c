/* The cached values of a year's rounds and splits on Berekening overgang: the formulas'
 * arithmetic (in EUR, as the sheet has it) run on the core's figures, so that a spreadsheet that
 * shows the cached values before recalculating shows what it would compute. The paid incomes
 * cached are the core's own; these are the steps towards them. */
#include <stdlib.h>

#include "trans_wb.h"

/* How far past a bound a tentative income must be to be fixed (transition_year.c). */
#define HALF_CENT 0.005

static double round2(double eur)
{
    return igo_round(eur, 2);
}

/* What the fixed providers leave of the pot, in state s. */
static double rest_of(const double *s, const double *l, const double *u, size_t n, double pot)
{
    double fixed = 0;
    for (size_t o = 0; o < n; o++)
        fixed += s[o] == 1 ? l[o] : s[o] == 2 ? u[o] : 0;
    return round2(pot - fixed);
}

/* A clamp round from states in to states out: its tentative incomes and aggregates. */
static int clamp_round(const double *in, double *out, double *y, double *agg, const double *x,
                       const double *l, const double *u, size_t n, double pot)
{
    double rest = rest_of(in, l, u, n, pot), sum = 0, free = 0, below = 0, above = 0;
    for (size_t o = 0; o < n; o++)
        if (in[o] == 0)
            sum += x[o], free += 1;
    for (size_t o = 0; o < n; o++) {
        y[o] = in[o] == 0 ? (sum > 0 ? rest * x[o] / sum : rest / free)
               : in[o] == 1 ? l[o] : in[o] == 2 ? u[o] : 0;
        below += in[o] == 0 && y[o] < l[o] - HALF_CENT ? l[o] - y[o] : 0;
        above += in[o] == 0 && y[o] > u[o] + HALF_CENT ? y[o] - u[o] : 0;
    }
    for (size_t o = 0; o < n; o++)
        out[o] = in[o] != 0                                   ? in[o]
                 : below >= above && y[o] < l[o] - HALF_CENT ? 1
                 : above >= below && y[o] > u[o] + HALF_CENT ? 2
                                                              : 0;
    agg[AGG_REST] = rest, agg[AGG_SUM] = sum, agg[AGG_FREE] = free;
    agg[AGG_BELOW] = below, agg[AGG_ABOVE] = above;
    return below + above > 0;
}

/* A cent split from states in to states out: the weights, the parts and aggregates. */
static int cent_split(const double *in, double *out, double *weight, double *part, double *agg,
                      const double *x, const double *l, const double *u, size_t n, double pot)
{
    double rest = rest_of(in, l, u, n, pot), sum = 0, wsum = 0, rounded = 0;
    size_t largest = 0;
    for (size_t o = 0; o < n; o++)
        sum += in[o] == 0 ? x[o] : 0;
    for (size_t o = 0; o < n; o++) {
        weight[o] = in[o] == 0 ? (sum > 0 ? x[o] : 1) : -1;
        wsum += in[o] == 0 ? weight[o] : 0;
        largest = weight[o] > weight[largest] ? o : largest;
    }
    for (size_t o = 0; o < n && wsum != 0; o++)
        rounded += in[o] == 0 ? round2(rest * weight[o] / wsum) : 0;
    int changed = 0;
    for (size_t o = 0; o < n; o++) {
        part[o] = in[o] == 1 ? l[o] : in[o] == 2 ? u[o] : in[o] == 3 ? 0
                  : round2(round2(rest * weight[o] / wsum) + (o == largest ? rest - rounded : 0));
        out[o] = in[o] != 0 ? in[o] : part[o] < l[o] ? 1 : part[o] > u[o] ? 2 : 0;
        changed |= out[o] != in[o];
    }
    agg[AGG_REST] = rest, agg[AGG_SPLIT_SUM] = sum, agg[AGG_WEIGHTS] = wsum;
    agg[AGG_LARGEST] = (double)largest + 1, agg[AGG_ROUNDED] = rounded;
    return changed;
}

double igoi_wb_trans_paid(const wb *w, size_t y, size_t o)
{
    if (y >= igo_transition_result_years(w->tres) || o >= w->tr->n)
        return 0;
    return wb_eur(igo_transition_result_column(w->tres, y, IGO_TRANSITION_PAID)[o]);
}

double igoi_wb_trans_before(const wb *w, size_t y, size_t o)
{
    return y ? igoi_wb_trans_paid(w, y - 1, o) : o < w->tr->n ? wb_eur(w->tr->history[o]) : 0;
}

void igoi_wb_trans_cache_free(tr_cache *c)
{
    free(c->y), free(c->s), free(c->agg), free(c->weight), free(c->part), free(c->split_s);
    free(c->split_agg), free(c->changed);
}

/* The figures the rounds start from, in EUR; 0 when out of memory. */
static double *inputs(const wb *w, size_t year, size_t n, double *pot)
{
    const igo_transition_result *r = w->tres;
    double *v = calloc(3 * n + 1, sizeof *v);
    if (!v)
        return NULL;
    const int64_t *x = igo_transition_result_column(r, year, IGO_TRANSITION_TARGET);
    const int64_t *l = igo_transition_result_column(r, year, IGO_TRANSITION_FLOOR);
    const int64_t *u = igo_transition_result_column(r, year, IGO_TRANSITION_CAP);
    for (size_t o = 0; o < n; o++) {
        v[o] = wb_eur(x[o]), v[n + o] = wb_eur(l[o]);
        v[2 * n + o] = u[o] == INT64_MAX ? WB_NO_CAP : wb_eur(u[o]);
    }
    *pot = wb_eur(igo_transition_result_pot(r, year));
    return v;
}

int igoi_wb_trans_cache(const wb *w, size_t year, tr_cache *c)
{
    const size_t n = igo_transition_result_providers(w->tres);
    const size_t rounds = (size_t)w->at.tr.rounds, splits = (size_t)w->at.tr.splits;
    double pot = 0;
    double *v = inputs(w, year, n, &pot);
    c->y = calloc(rounds * n + 1, sizeof *c->y);
    c->s = calloc((rounds + 1) * n + 1, sizeof *c->s); /* the states before the first too */
    c->agg = calloc(rounds * TB_AGG_ROWS, sizeof *c->agg);
    c->weight = calloc(splits * n + 1, sizeof *c->weight);
    c->part = calloc(splits * n + 1, sizeof *c->part);
    c->split_s = calloc(splits * n + 1, sizeof *c->split_s);
    c->split_agg = calloc(splits * TB_AGG_ROWS, sizeof *c->split_agg);
    c->changed = calloc(rounds + splits, sizeof *c->changed);
    if (!v || !c->y || !c->s || !c->agg || !c->weight || !c->part || !c->split_s ||
        !c->split_agg || !c->changed) {
        free(v);
        igoi_wb_trans_cache_free(c);
        return -1;
    }
    const double *x = v, *l = v + n, *u = v + 2 * n;
    for (size_t r = 0; r < rounds; r++)
        c->changed[r] = clamp_round(c->s + r * n, c->s + (r + 1) * n, c->y + r * n,
                                    c->agg + r * TB_AGG_ROWS, x, l, u, n, pot);
    for (size_t k = 0; k < splits; k++)
        c->changed[rounds + k] =
            cent_split(k ? c->split_s + (k - 1) * n : c->s + rounds * n, c->split_s + k * n,
                       c->weight + k * n, c->part + k * n, c->split_agg + k * TB_AGG_ROWS, x, l,
                       u, n, pot);
    free(v);
    return 0;
}
