/* One year of a transition: the history scaled to the pot, the target, the base, the bounds,
 * and the paid income by the clamp-and-redistribute rule of transition.h, all in cents. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "transition.h"

enum { H = IGO_TRANSITION_HISTORY, T = IGO_TRANSITION_MODEL, X = IGO_TRANSITION_TARGET };
enum { BASE = IGO_TRANSITION_BASE, L = IGO_TRANSITION_FLOOR, U = IGO_TRANSITION_CAP };
enum { Y = IGO_TRANSITION_PAID };

/* split(total, weights w) over the providers listed in idx[0..k), into out[idx[i]]; equal
 * weights when they sum to 0 (providers whose targets are all 0 still share what is left). */
static void split_over(igoi_transition_run *run, int64_t total, const double *w,
                       const size_t *idx, size_t k, int64_t *out)
{
    for (size_t i = 0; i < k; i++)
        run->weight[i] = w[idx[i]];
    double sum = igoi_fsum(run->weight, k);
    if (sum == 0) {
        for (size_t i = 0; i < k; i++)
            run->weight[i] = 1;
        sum = (double)k;
    }
    igoi_split(total, run->weight, k, sum, igoi_argmax(run->weight, k), run->part);
    for (size_t i = 0; i < k; i++)
        out[idx[i]] = run->part[i];
}

/* Every provider, as the list split_over takes. */
static size_t everyone(igoi_transition_run *run)
{
    for (size_t o = 0; o < run->t->n; o++)
        run->index[o] = o;
    return run->t->n;
}

int64_t igoi_transition_target_part(double pot, double w, double sum)
{
    /* The micro-euros are whole and >= 0 (w >= 0); below 2^53 the cents are exact. */
    int64_t micro = (int64_t)igo_round(pot * w / sum * 1e6, 0);
    return (2 * micro + 10000) / 20000;
}

/* X = split(P, w), each part igoi_transition_target_part, the largest weight taking the rest. */
static void split_target(igoi_transition_run *run, const double *w)
{
    const size_t n = everyone(run);
    double sum = igoi_fsum(w, n);
    if (sum == 0) { /* (a pot of 0: nothing to split) */
        split_over(run, run->pot, w, run->index, n, run->col[X]);
        return;
    }
    int64_t rest = run->pot;
    for (size_t o = 0; o < n; o++)
        rest -= run->col[X][o] = igoi_transition_target_part(igo_eur(run->pot), w[o], sum);
    run->col[X][igoi_argmax(w, n)] += rest;
}

/* Steps 1 and 2: H = split(P, h); X = split(P, m * H + (1 - m) * T). */
static void history_and_target(igoi_transition_run *run, double *w)
{
    const igo_transition *t = run->t;
    const double m = t->years.v[run->y].share;
    size_t n = everyone(run);
    for (size_t o = 0; o < n; o++)
        w[o] = (double)t->history[o];
    if (igoi_fsum(w, n) == 0) /* no history at all: nothing to scale (the year matches none) */
        for (size_t o = 0; o < n; o++)
            run->col[H][o] = 0;
    else
        split_over(run, run->pot, w, run->index, n, run->col[H]);
    for (size_t o = 0; o < n; o++)
        w[o] = m * (double)run->col[H][o] + (1 - m) * (double)run->col[T][o];
    split_target(run, w);
}

/* Step 3: the previous year's paid income scaled by the pot's change; H in the first year. */
static void base(igoi_transition_run *run)
{
    for (size_t o = 0; o < run->t->n; o++)
        run->col[BASE][o] =
            !run->previous_paid      ? run->col[H][o]
            : run->previous_pot == 0 ? 0
                                     : igoi_round_cents_exact(igo_eur(run->previous_paid[o]) *
                                                              igo_eur(run->pot) /
                                                              igo_eur(run->previous_pot));
}

int64_t igoi_transition_bound(int64_t base, double limit, int sign)
{
    /* (the limit is whole basis points already, igo_transition_set_limits rounded it) */
    int64_t points = 10000 + sign * (int64_t)llround(limit * 10000);
    /* base <= EUR 1e12 (1e14 cents) and points <= 20000: the product fits in int64. */
    return (2 * base * points + 10000) / 20000;
}

/* Step 4: floors (the maximum decrease, or the guarantee when higher) and caps. */
static igo_error bounds(igoi_transition_run *run, char *errmsg)
{
    const igo_transition *t = run->t;
    int year = t->years.v[run->y].year;
    for (size_t o = 0; o < t->n; o++) {
        int64_t base = run->col[BASE][o];
        int64_t floor = t->down >= 0 ? igoi_transition_bound(base, t->down, -1) : 0;
        int guaranteed = t->guarantee[o] > floor;
        run->col[L][o] = guaranteed ? t->guarantee[o] : floor;
        run->bound[o] = guaranteed ? IGO_BOUND_GUARANTEE : IGO_BOUND_FLOOR; /* if it holds */
        run->col[U][o] = t->up >= 0 ? igoi_transition_bound(base, t->up, 1) : INT64_MAX;
        if (run->col[L][o] > run->col[U][o]) {
            char a[32], b[32];
            return igoi_fail(errmsg, IGO_ERROR_INFEASIBLE,
                             "%d: provider '%s' is guaranteed EUR %s, above its cap of EUR %s",
                             year, t->ids[o], igoi_fmt_cents(a, run->col[L][o]),
                             igoi_fmt_cents(b, run->col[U][o]));
        }
    }
    return IGO_OK;
}

/* Whether the floors and caps leave room for the pot; a message with the shortfall if not. */
static igo_error feasible(const igoi_transition_run *run, char *errmsg)
{
    /* Each bound is at most twice the limit of the model's money (EUR 1e12); the sums stop
     * growing far below int64's range, where the comparison with the pot is long decided. */
    const int64_t enough = INT64_MAX / 4;
    int64_t floors = 0, caps = 0;
    int capped = 1;
    for (size_t o = 0; o < run->t->n; o++) {
        floors = floors < enough ? floors + run->col[L][o] : floors;
        capped &= run->col[U][o] != INT64_MAX;
        if (capped && caps < enough)
            caps += run->col[U][o];
    }
    char a[32], b[32], c[32];
    int year = run->t->years.v[run->y].year;
    if (floors > run->pot)
        return igoi_fail(errmsg, IGO_ERROR_INFEASIBLE,
                         "%d: the floors and guarantees need EUR %s, the pot is EUR %s: EUR %s "
                         "short",
                         year, igoi_fmt_cents(a, floors), igoi_fmt_cents(b, run->pot),
                         igoi_fmt_cents(c, floors - run->pot));
    if (capped && caps < run->pot)
        return igoi_fail(errmsg, IGO_ERROR_INFEASIBLE,
                         "%d: the caps allow EUR %s, the pot is EUR %s: EUR %s left over", year,
                         igoi_fmt_cents(a, caps), igoi_fmt_cents(b, run->pot),
                         igoi_fmt_cents(c, run->pot - caps));
    return IGO_OK;
}

/* The free providers in run->index; what the fixed ones leave of the pot in *rest. */
static size_t free_ones(igoi_transition_run *run, int64_t *rest)
{
    size_t k = 0;
    *rest = run->pot;
    for (size_t o = 0; o < run->t->n; o++)
        if (run->fixed[o])
            *rest -= run->col[Y][o];
        else
            run->index[k++] = o;
    return k;
}

static void fix(igoi_transition_run *run, size_t o, int at)
{
    run->fixed[o] = 1;
    run->col[Y][o] = run->col[at][o];
    if (at == U)
        run->bound[o] = IGO_BOUND_CAP;
}

/* Whether a tentative income (cents) is more than half a cent below its floor or above its
 * cap: a provider whose target is its bound, give or take floating point's noise, stays free
 * (the split pays it its bound; the workbook compares alike). */
static int below_floor(const igoi_transition_run *run, size_t o, double y)
{
    return y < (double)run->col[L][o] - 0.5;
}

static int above_cap(const igoi_transition_run *run, size_t o, double y)
{
    return y > (double)run->col[U][o] + 0.5;
}

/* One round on tentative shares R * X / sum(X): fixes the providers past a bound on the side
 * with the larger total excess (both when equal). Returns 0 when none is past a bound. */
static int clamp_round(igoi_transition_run *run, const double *target)
{
    int64_t rest;
    size_t k = free_ones(run, &rest);
    if (k == 0)
        return 0;
    for (size_t i = 0; i < k; i++)
        run->weight[i] = target[run->index[i]];
    double sum = igoi_fsum(run->weight, k), below = 0, above = 0;
    for (size_t i = 0; i < k; i++) {
        size_t o = run->index[i];
        double y = sum > 0 ? (double)rest * target[o] / sum : (double)rest / (double)k;
        run->weight[i] = y; /* kept for the fixing below */
        below += below_floor(run, o, y) ? (double)run->col[L][o] - y : 0;
        above += above_cap(run, o, y) ? y - (double)run->col[U][o] : 0;
    }
    if (below == 0 && above == 0)
        return 0;
    for (size_t i = 0; i < k; i++) {
        size_t o = run->index[i];
        if (below >= above && below_floor(run, o, run->weight[i]))
            fix(run, run->index[i], L);
        else if (above >= below && above_cap(run, o, run->weight[i]))
            fix(run, run->index[i], U);
    }
    return 1;
}

/* The free providers' cents: split(R, weights X); one the rounding puts past a bound is fixed
 * at it and the split repeated. Returns 1 when it fixed one (call again). */
static int cent_round(igoi_transition_run *run, const double *target)
{
    int64_t rest;
    size_t k = free_ones(run, &rest);
    if (k == 0)
        return 0;
    split_over(run, rest, target, run->index, k, run->col[Y]);
    int any = 0;
    for (size_t i = 0; i < k; i++) {
        size_t o = run->index[i];
        if (run->col[Y][o] < run->col[L][o])
            fix(run, o, L), any = 1;
        else if (run->col[Y][o] > run->col[U][o])
            fix(run, o, U), any = 1;
    }
    return any;
}

/* Step 5: the paid income. */
static igo_error paid(igoi_transition_run *run, double *target, char *errmsg)
{
    const size_t n = run->t->n;
    for (size_t o = 0; o < n; o++) {
        run->fixed[o] = 0;
        target[o] = (double)run->col[X][o];
    }
    *run->rounds = 0;
    while (clamp_round(run, target))
        ++*run->rounds;
    for (*run->splits = 0; cent_round(run, target); ++*run->splits)
        ++*run->rounds;
    int64_t sum = 0;
    for (size_t o = 0; o < n; o++) {
        sum += run->col[Y][o];
        if (!run->fixed[o])
            run->bound[o] = IGO_BOUND_NONE;
    }
    if (sum != run->pot) { /* only when every provider ended at a bound that misses the pot */
        char a[32], b[32];
        return igoi_fail(errmsg, IGO_ERROR_INFEASIBLE,
                         "%d: the bounds pay EUR %s of the pot of EUR %s",
                         run->t->years.v[run->y].year, igoi_fmt_cents(a, sum),
                         igoi_fmt_cents(b, run->pot));
    }
    return IGO_OK;
}

igo_error igoi_transition_year_compute(igoi_transition_run *run, char *errmsg)
{
    double *w = calloc(run->t->n + 1, sizeof *w);
    if (!w)
        return igoi_fail(errmsg, IGO_ERROR_MEMORY, "out of memory");
    history_and_target(run, w);
    base(run);
    igo_error e = bounds(run, errmsg);
    if (!e)
        e = feasible(run, errmsg);
    if (!e)
        e = paid(run, w, errmsg);
    free(w);
    return e;
}
