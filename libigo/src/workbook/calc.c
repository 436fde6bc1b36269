/* The Berekening sheet: every step of the model as a live formula on the input sheets, in the
 * same order of operations as the core, with the core's figures as cached values.
 *
 * Each split is written as the core computes it: a block of rounded shares
 * ROUND(total * w / wsum; 2), the position of the largest weight (MATCH of the MAX: the first on a
 * tie), and the parts, where the largest share also takes total - SUM(shares).
 *
 * Ids typed on the input sheets are matched with EXACT inside SUMPRODUCT, never with SUMIF or =:
 * those ignore case (beyond ASCII too) and read * ? ~ and a leading < > = as patterns, so they
 * would mix up ids that the core keeps apart. */
#include <stdlib.h>

#include "wb.h"

enum { CALC = WB_CALC, CARE_IN = WB_CARE_IN, SPLIT_IN = WB_SPLIT_IN };

/* The rounded shares of a split, before the rounding difference goes to the largest part. */
static int64_t share(int64_t total, double w, double wsum)
{
    return total == 0 || wsum == 0 ? 0 : igoi_round_cents_exact(igo_eur(total) * w / wsum);
}

static void title(wb *w, int first_row, const char *text)
{
    igoi_wb_string(w, CALC, first_row - 2, 0, text, w->f.bold);
}

/* A header row of prestatie codes from column col on. */
static void prestatie_header(wb *w, int row, int col, const char *first)
{
    igoi_wb_string(w, CALC, row, 0, first, w->f.header);
    for (size_t p = 0; p < w->at.prestatie_count; p++)
        igoi_wb_string(w, CALC, row, col + (int)p, w->m->prestaties.v[p].code, w->f.header);
}

/* A text cell that shows an input cell, or "" while that is empty. */
static void show_text(wb *w, int row, int col, int sheet, int in_row, int in_col,
                      const char *cached)
{
    wb_ref in = igoi_wb_at(w, sheet, in_row, in_col);
    igoi_wb_formula_text(w, CALC, row, col, w->f.text, cached ? cached : "", "=IF(%s=\"\",\"\",%s)",
                         in.s, in.s);
}

/* ---- income, costs, distributable per prestatie ---- */

static wb_ref income_total(const wb *w)
{
    return igoi_wb_at(w, -1, w->at.calc.income + (int)w->at.prestatie_count, 1);
}

static wb_ref costs_total(const wb *w)
{
    return igoi_wb_at(w, -1, w->at.calc.costs + IGO_COST_COUNT, 1);
}

static void income_block(wb *w)
{
    const int row = w->at.calc.income, prestatie_count = (int)w->at.prestatie_count;
    const wb_text *t = w->t;
    const igo_result *r = w->r;
    const int64_t *income_column = igo_result_prestatie(r, IGO_COLUMN_INCOME);
    const int64_t *costs_column = igo_result_prestatie(r, IGO_COLUMN_COSTS);
    const int64_t *outside_column = igo_result_prestatie(r, IGO_COLUMN_OUTSIDE);
    const int64_t *distributable_column = igo_result_prestatie(r, IGO_COLUMN_DISTRIBUTABLE);
    const char *head[] = {t->code, t->income, t->rounded_share, t->costs, t->outside,
                          t->distributable};
    title(w, row, t->calc_income_title);
    igoi_wb_header(w, CALC, row - 1, 0, head, 6);
    wb_ref shares = igoi_wb_range(w, -1, row, 2, row + prestatie_count - 1, 2);
    wb_ref incomes = igoi_wb_range(w, -1, row, 1, row + prestatie_count - 1, 1);
    wb_ref big = igoi_wb_at(w, -1, w->at.calc.largest_income, 1);
    wb_ref given = igoi_wb_range(w, CARE_IN, w->at.care_in.prestaties, CARE_COSTS,
                                 w->at.care_in.prestaties + prestatie_count - 1, CARE_COSTS);
    size_t largest = 0; /* the first prestatie with the largest income, as MATCH(MAX()) finds */
    int64_t best = -1;
    for (int p = 0; p < prestatie_count; p++)
        if (income_column[p] > best)
            best = income_column[p], largest = (size_t)p;
    int64_t totals[6] = {0, igo_result_income(r), 0, igo_result_costs_total(r),
                         igo_result_outside_total(r), igo_result_distributed(r)};
    for (int p = 0; p < prestatie_count; p++) {
        int at = row + p;
        int64_t rounded = share(igo_result_costs_total(r), igo_eur(income_column[p]),
                                igo_eur(igo_result_income(r)));
        totals[2] += rounded;
        igoi_wb_string(w, CALC, at, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_formula(w, CALC, at, 1, w->f.money, wb_eur(income_column[p]), "=ROUND(%s*%s,2)",
                        igoi_wb_at(w, CARE_IN, w->at.care_in.prestaties + p, CARE_COUNT).s,
                        igoi_wb_at(w, CARE_IN, w->at.care_in.prestaties + p, CARE_TARIFF).s);
        igoi_wb_formula(w, CALC, at, 2, w->f.money, wb_eur(rounded),
                        "=IF(%s=0,0,ROUND(%s*%s/%s,2))", income_total(w).s, costs_total(w).s,
                        igoi_wb_rel(at, 1).s, income_total(w).s);
        /* As given per prestatie when any is (SUM: an empty cell is 0), else pro rata. */
        igoi_wb_formula(w, CALC, at, 3, w->f.money, wb_eur(costs_column[p]),
                        "=IF(COUNT(%s)>0,ROUND(SUM(%s),2),ROUND(%s+IF(%s=%d,%s-SUM(%s),0),2))",
                        given.s,
                        igoi_wb_at(w, CARE_IN, w->at.care_in.prestaties + p, CARE_COSTS).s,
                        igoi_wb_rel(at, 2).s, big.s, p + 1, costs_total(w).s, shares.s);
        igoi_wb_formula(
            w, CALC, at, 4, w->f.money, wb_eur(outside_column[p]), "=%s",
            igoi_wb_at(w, -1, w->at.calc.outside_parts + (int)w->at.outside_rows, 1 + p).s);
        igoi_wb_formula(w, CALC, at, 5, w->f.money, wb_eur(distributable_column[p]),
                        "=ROUND(%s-%s-%s,2)", igoi_wb_rel(at, 1).s, igoi_wb_rel(at, 3).s,
                        igoi_wb_rel(at, 4).s);
    }
    igoi_wb_string(w, CALC, row + prestatie_count, 0, t->total, w->f.bold);
    for (int c = 1; c < 6; c++)
        igoi_wb_formula(w, CALC, row + prestatie_count, c, w->f.money_total, wb_eur(totals[c]),
                        "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, row, c, row + prestatie_count - 1, c).s);
    igoi_wb_string(w, CALC, w->at.calc.largest_income, 0, t->largest, w->f.text);
    igoi_wb_formula(w, CALC, w->at.calc.largest_income, 1, w->f.index, (double)largest + 1,
                    "=MATCH(MAX(%s),%s,0)", incomes.s, incomes.s);
}

static void costs_block(wb *w)
{
    const int row = w->at.calc.costs;
    const wb_text *t = w->t;
    const char *head[] = {t->cost_item, t->amount};
    title(w, row, t->cost_title);
    igoi_wb_header(w, CALC, row - 1, 0, head, 2);
    for (int k = 0; k < IGO_COST_COUNT; k++) {
        int in = w->at.care_in.costs + k;
        igoi_wb_string(w, CALC, row + k, 0, t->cost_names[k], w->f.text);
        igoi_wb_formula(w, CALC, row + k, 1, w->f.money, wb_eur(igo_result_cost(w->r, (igo_cost)k)),
                        "=IF(%s=\"percentage\",ROUND(%s*%s,2),ROUND(%s,2))",
                        igoi_wb_at(w, CARE_IN, in, COST_MODE).s,
                        igoi_wb_at(w, CARE_IN, in, COST_PERCENT).s, income_total(w).s,
                        igoi_wb_at(w, CARE_IN, in, COST_AMOUNT).s);
    }
    igoi_wb_string(w, CALC, row + IGO_COST_COUNT, 0, t->total, w->f.bold);
    igoi_wb_formula(w, CALC, row + IGO_COST_COUNT, 1, w->f.money_total,
                    wb_eur(igo_result_costs_total(w->r)), "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, row, 1, row + IGO_COST_COUNT - 1, 1).s);
}

/* ---- outside activities: cost, the targets' income, shares, parts ---- */

/* 1 when outside activity j is charged to prestatie p. */
static int targets(const igo_model *m, size_t j, size_t p)
{
    if (j >= m->outside.n)
        return 0;
    const igo_outside *line = &m->outside.v[j];
    for (size_t i = 0; i < line->ntargets; i++)
        if (m->targets.v[line->first_target + i] == p)
            return 1;
    return 0;
}

static void outside_block(wb *w)
{
    const int prestatie_count = (int)w->at.prestatie_count, outside_rows = (int)w->at.outside_rows;
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int64_t *income_column = igo_result_prestatie(w->r, IGO_COLUMN_INCOME);
    const int64_t *costs = igo_result_outside_costs(w->r), *parts = igo_result_outside_parts(w->r);
    const char *head[] = {t->outside_label, t->amount, t->base, t->largest};
    title(w, at->calc.outside_costs, t->calc_outside_title);
    igoi_wb_header(w, CALC, at->calc.outside_costs - 1, 0, head, 4);
    title(w, at->calc.outside_weights, t->calc_outside_weights);
    prestatie_header(w, at->calc.outside_weights - 1, 1, t->outside_label);
    title(w, at->calc.outside_rounded, t->calc_outside_rounded);
    prestatie_header(w, at->calc.outside_rounded - 1, 1, t->outside_label);
    title(w, at->calc.outside_parts, t->calc_outside_parts);
    prestatie_header(w, at->calc.outside_parts - 1, 1, t->outside_label);
    for (int j = 0; j < outside_rows; j++) {
        int used = (size_t)j < w->m->outside.n;
        int64_t cost = used ? costs[j] : 0, base = 0, best = -1;
        int largest = 0;
        for (int p = 0; p < prestatie_count; p++)
            if (targets(w->m, (size_t)j, (size_t)p)) {
                base += income_column[p];
                if (income_column[p] > best)
                    best = income_column[p], largest = p + 1;
            }
        int row = at->calc.outside_costs + j;
        /* A spare row shows nothing until a line is typed into it. */
        lxw_format *money = used ? w->f.money : w->f.money_quiet;
        lxw_format *index = used ? w->f.index : w->f.index_quiet;
        wb_ref line_cost = igoi_wb_at(w, -1, row, 1), line_base = igoi_wb_at(w, -1, row, 2);
        wb_ref weights = igoi_wb_range(w, -1, at->calc.outside_weights + j, 1,
                                       at->calc.outside_weights + j, prestatie_count);
        wb_ref shares = igoi_wb_range(w, -1, at->calc.outside_rounded + j, 1,
                                      at->calc.outside_rounded + j, prestatie_count);
        show_text(w, row, 0, CARE_IN, at->care_in.outside + j, 0,
                  used ? w->m->outside.v[j].label : "");
        igoi_wb_formula(w, CALC, row, 1, money, wb_eur(cost), "=ROUND(%s*%s,2)",
                        igoi_wb_at(w, CARE_IN, at->care_in.outside + j, OUT_COUNT).s,
                        igoi_wb_at(w, CARE_IN, at->care_in.outside + j, OUT_TARIFF).s);
        igoi_wb_formula(w, CALC, row, 2, money, wb_eur(base), "=ROUND(SUM(%s),2)", weights.s);
        igoi_wb_formula(w, CALC, row, 3, index, base ? largest : 0,
                        "=IF(%s=0,0,MATCH(MAX(%s),%s,0))", line_base.s, weights.s, weights.s);
        for (int p = 0; p < prestatie_count; p++) {
            int on = targets(w->m, (size_t)j, (size_t)p);
            wb_ref flag = igoi_wb_at(w, CARE_IN, at->care_in.outside + j, OUT_FLAGS + p);
            wb_ref income = igoi_wb_at(w, -1, at->calc.income + p, 1);
            igoi_wb_formula(w, CALC, at->calc.outside_weights + j, 1 + p, money,
                            on ? wb_eur(income_column[p]) : 0, "=IF(%s=1,%s,0)", flag.s, income.s);
            igoi_wb_formula(w, CALC, at->calc.outside_rounded + j, 1 + p, money,
                            on ? wb_eur(share(cost, igo_eur(income_column[p]), igo_eur(base))) : 0,
                            "=IF(AND(%s=1,%s>0),ROUND(%s*%s/%s,2),0)", flag.s, line_base.s,
                            line_cost.s, income.s, line_base.s);
            igoi_wb_formula(w, CALC, at->calc.outside_parts + j, 1 + p, money,
                            used ? wb_eur(parts[(size_t)j * w->at.prestatie_count + (size_t)p]) : 0,
                            "=ROUND(%s+IF(%d=%s,%s-SUM(%s),0),2)",
                            igoi_wb_rel(at->calc.outside_rounded + j, 1 + p).s, p + 1,
                            igoi_wb_at(w, -1, row, 3).s, line_cost.s, shares.s);
        }
        for (int block = 0; block < 3; block++) {
            int first = block == 0   ? at->calc.outside_weights
                        : block == 1 ? at->calc.outside_rounded
                                     : at->calc.outside_parts;
            igoi_wb_formula_text(w, CALC, first + j, 0, w->f.text,
                                 used ? w->m->outside.v[j].label : "", "=%s",
                                 igoi_wb_rel(row, 0).s);
        }
    }
    const int64_t *outside_column = igo_result_prestatie(w->r, IGO_COLUMN_OUTSIDE);
    igoi_wb_string(w, CALC, at->calc.outside_parts + outside_rows, 0, t->total, w->f.bold);
    for (int p = 0; p < prestatie_count; p++)
        igoi_wb_formula(w, CALC, at->calc.outside_parts + outside_rows, 1 + p, w->f.money_total,
                        wb_eur(outside_column[p]), "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, at->calc.outside_parts, 1 + p,
                                      at->calc.outside_parts + outside_rows - 1, 1 + p)
                            .s);
}

/* ---- the verdeelsleutel used, and the split over disciplines ---- */

/* The history money of prestatie p, summed as the core sums it. */
static double history_total(wb *w, size_t p)
{
    const igo_model *m = w->m;
    double *money = malloc((m->history.n + 1) * sizeof *money);
    if (!money) {
        igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < m->history.n; i++)
        if (m->history.v[i].prestatie == p)
            money[n++] = m->history.v[i].count * m->history.v[i].tariff;
    double total = igoi_fsum(money, n);
    free(money);
    return total;
}

static void key_block(wb *w)
{
    const int row = w->at.calc.key, prestatie_count = (int)w->at.prestatie_count;
    const int discipline_count = (int)w->at.discipline_count;
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    int hist_last = at->split_in.history + (int)at->history_rows - 1;
    wb_ref h_money =
        igoi_wb_range(w, SPLIT_IN, at->split_in.history, HIST_AMOUNT, hist_last, HIST_AMOUNT);
    wb_ref h_prestatie = igoi_wb_range(w, SPLIT_IN, at->split_in.history, HIST_PRESTATIE_USED,
                                       hist_last, HIST_PRESTATIE_USED);
    wb_ref h_disc = igoi_wb_range(w, SPLIT_IN, at->split_in.history, HIST_DISC_USED, hist_last,
                                  HIST_DISC_USED);
    wb_ref norm = igoi_wb_at(w, SPLIT_IN, at->split_in.normalise, KEY_SOURCE);
    title(w, row, t->calc_key_title);
    igoi_wb_string(w, CALC, row - 1, 0, t->code, w->f.header);
    igoi_wb_string(w, CALC, row - 1, 1, t->history_total, w->f.header);
    for (int d = 0; d < discipline_count; d++)
        igoi_wb_string(w, CALC, row - 1, 2 + d, w->m->disciplines.v[d].id, w->f.header);
    igoi_wb_string(w, CALC, row - 1, 2 + discipline_count, t->largest, w->f.header);
    for (int p = 0; p < prestatie_count; p++) {
        int r = row + p, in = at->split_in.key + p;
        wb_ref source = igoi_wb_at(w, SPLIT_IN, in, KEY_SOURCE),
               sum = igoi_wb_at(w, SPLIT_IN, in, KEY_PCT + discipline_count);
        igoi_wb_string(w, CALC, r, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_formula_array(w, CALC, r, 1, w->f.money, history_total(w, (size_t)p),
                        "=SUMPRODUCT(EXACT(%s,%s)*%s)", h_prestatie.s, igoi_wb_at(w, -1, r, 0).s,
                        h_money.s);
        for (int d = 0; d < discipline_count; d++) {
            wb_ref pct = igoi_wb_at(w, SPLIT_IN, in, KEY_PCT + d);
            igoi_wb_formula_array(w, CALC, r, 2 + d, w->f.fraction,
                            w->pl->key[(size_t)p * w->at.discipline_count + (size_t)d],
                            "=IF(%s=\"historie\",IF(%s=0,0,SUMPRODUCT(EXACT(%s,%s)*EXACT(%s,%s)*%s)"
                            "/%s),IF(%s=\"ja\",IF(%s=0,0,%s/%s),%s))",
                            source.s, igoi_wb_at(w, -1, r, 1).s, h_prestatie.s,
                            igoi_wb_at(w, -1, r, 0).s, h_disc.s,
                            igoi_wb_at(w, -1, row - 1, 2 + d).s, h_money.s,
                            igoi_wb_at(w, -1, r, 1).s, norm.s, sum.s, pct.s, sum.s, pct.s);
        }
        wb_ref keys = igoi_wb_range(w, -1, r, 2, r, 1 + discipline_count);
        igoi_wb_formula(w, CALC, r, 2 + discipline_count, w->f.index,
                        (double)w->pl->key_largest[p] + 1, "=MATCH(MAX(%s),%s,0)", keys.s, keys.s);
    }
}

static void discipline_block(wb *w)
{
    const int prestatie_count = (int)w->at.prestatie_count;
    const int discipline_count = (int)w->at.discipline_count;
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int64_t *distributable_column = igo_result_prestatie(w->r, IGO_COLUMN_DISTRIBUTABLE);
    const int64_t *discipline_money = igo_result_disciplines(w->r);
    const int firsts[2] = {at->calc.discipline_rounded, at->calc.discipline_parts};
    const char *titles[2] = {t->calc_disc_rounded, t->calc_disc_parts};
    for (int b = 0; b < 2; b++) {
        title(w, firsts[b], titles[b]);
        igoi_wb_string(w, CALC, firsts[b] - 1, 0, t->code, w->f.header);
        for (int d = 0; d < discipline_count; d++)
            igoi_wb_string(w, CALC, firsts[b] - 1, 1 + d, w->m->disciplines.v[d].id, w->f.header);
    }
    for (int p = 0; p < prestatie_count; p++) {
        int rr = at->calc.discipline_rounded + p, ra = at->calc.discipline_parts + p;
        wb_ref distributable = igoi_wb_at(w, -1, at->calc.income + p, 5);
        wb_ref shares = igoi_wb_range(w, -1, rr, 1, rr, discipline_count);
        igoi_wb_string(w, CALC, rr, 0, w->m->prestaties.v[p].code, w->f.text);
        igoi_wb_string(w, CALC, ra, 0, w->m->prestaties.v[p].code, w->f.text);
        for (int d = 0; d < discipline_count; d++) {
            double k = w->pl->key[(size_t)p * w->at.discipline_count + (size_t)d];
            igoi_wb_formula(w, CALC, rr, 1 + d, w->f.money,
                            wb_eur(share(distributable_column[p], k, 1.0)), "=ROUND(%s*%s,2)",
                            distributable.s, igoi_wb_at(w, -1, at->calc.key + p, 2 + d).s);
            igoi_wb_formula(
                w, CALC, ra, 1 + d, w->f.money,
                wb_eur(discipline_money[(size_t)p * w->at.discipline_count + (size_t)d]),
                "=ROUND(%s+IF(%d=%s,%s-SUM(%s),0),2)", igoi_wb_rel(rr, 1 + d).s, d + 1,
                igoi_wb_at(w, -1, at->calc.key + p, 2 + discipline_count).s, distributable.s,
                shares.s);
        }
    }
    igoi_wb_string(w, CALC, at->calc.discipline_parts + prestatie_count, 0, t->total, w->f.bold);
    for (int d = 0; d < discipline_count; d++)
        igoi_wb_formula(w, CALC, at->calc.discipline_parts + prestatie_count, 1 + d,
                        w->f.money_total, wb_eur(igo_result_discipline_totals(w->r)[d]),
                        "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, at->calc.discipline_parts, 1 + d,
                                      at->calc.discipline_parts + prestatie_count - 1, 1 + d)
                            .s);
}

/* ---- the split over providers ---- */

static void volume_block(wb *w)
{
    const int prestatie_count = (int)w->at.prestatie_count;
    const int discipline_count = (int)w->at.discipline_count, row = w->at.calc.volumes;
    const wb_layout *at = &w->at;
    int last = at->split_in.providers + (int)at->provider_rows - 1;
    title(w, row, w->t->calc_volume_title);
    prestatie_header(w, row - 1, 1, w->t->prov_discipline);
    for (int d = 0; d < discipline_count; d++) {
        igoi_wb_string(w, CALC, row + d, 0, w->m->disciplines.v[d].id, w->f.text);
        for (int p = 0; p < prestatie_count; p++)
            igoi_wb_formula_array(
                w, CALC, row + d, 1 + p, w->f.count,
                w->pl->group_sum[(size_t)p * w->at.discipline_count + (size_t)d],
                "=SUMPRODUCT(EXACT(%s,%s)*%s)",
                igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_DISC, last, PROV_DISC).s,
                igoi_wb_at(w, -1, row + d, 0).s,
                igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_VOL + p, last, PROV_VOL + p)
                    .s);
    }
    igoi_wb_count_style(w, CALC, row, 1, row + discipline_count - 1, prestatie_count);
}

/* The providers' volumes as given (the last value per cell), prestatie x provider. */
static double *volumes(const igo_model *m)
{
    double *v = calloc(m->prestaties.n * m->providers.n + 1, sizeof *v);
    for (size_t i = 0; v && i < m->volumes.n; i++)
        v[m->volumes.v[i].row * m->providers.n + m->volumes.v[i].col] = m->volumes.v[i].value;
    return v;
}

/* 1 when provider o has the largest volume of its discipline in prestatie p (the first on a tie).
 */
static int is_largest(const igo_plan *pl, size_t p, size_t o, size_t d)
{
    size_t g = p * pl->discipline_count + d, n = pl->group_start[g + 1] - pl->group_start[g];
    return n && pl->group_provider[pl->group_start[g] + pl->group_largest[g]] == o;
}

static void provider_labels(wb *w, int row, int in_row, size_t o)
{
    const igo_model *m = w->m;
    int used = o < m->providers.n;
    show_text(w, row, 0, SPLIT_IN, in_row, 0, used ? m->providers.v[o].id : "");
    show_text(w, row, 1, SPLIT_IN, in_row, PROV_NAME, used ? m->providers.v[o].name : "");
    show_text(w, row, 2, SPLIT_IN, in_row, PROV_DISC,
              used ? m->disciplines.v[m->providers.v[o].discipline].id : "");
}

static void provider_row(wb *w, size_t o, const double *vol)
{
    const wb_layout *at = &w->at;
    const igo_model *m = w->m;
    const int prestatie_count = (int)at->prestatie_count;
    const int discipline_count = (int)at->discipline_count, in = at->split_in.providers + (int)o;
    const int rl = at->calc.provider_largest + (int)o, rr = at->calc.provider_rounded + (int)o;
    const int ra = at->calc.provider_parts + (int)o;
    int used = o < m->providers.n, last = at->split_in.providers + (int)at->provider_rows - 1;
    size_t d = used ? m->providers.v[o].discipline : 0;
    wb_ref disc = igoi_wb_at(w, SPLIT_IN, in, PROV_DISC), my_disc = igoi_wb_at(w, -1, rl, 2);
    wb_ref disc_all =
        igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_DISC, last, PROV_DISC);
    wb_ref disc_upto = igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_DISC, in, PROV_DISC);
    int64_t total = 0;
    /* A spare row shows nothing until a provider is typed into it. */
    lxw_format *money = used ? w->f.money : w->f.money_quiet;
    lxw_format *index = used ? w->f.index : w->f.index_quiet;
    for (int b = 0; b < 3; b++)
        provider_labels(w, b == 0 ? rl : b == 1 ? rr : ra, in, o);
    for (int p = 0; p < prestatie_count; p++) {
        wb_ref v = igoi_wb_at(w, SPLIT_IN, in, PROV_VOL + p);
        size_t g = (size_t)p * at->discipline_count + d;
        double vp = used ? vol[(size_t)p * m->providers.n + o] : 0;
        /* (the discipline's money left after the fixed parts, which its volumes split) */
        int64_t amount = used ? igoi_wb_after_fixed(w, (size_t)p, d) : 0;
        int64_t part = used ? igo_result_providers(w->r)[(size_t)p * m->providers.n + o] : 0;
        wb_ref discipline_money = igoi_wb_range(w, -1, at->calc.after_fixed + p, 1,
                                                at->calc.after_fixed + p, discipline_count);
        wb_ref discipline_names = igoi_wb_range(w, -1, at->calc.after_fixed - 1, 1,
                                                at->calc.after_fixed - 1, discipline_count);
        wb_ref volume_names =
            igoi_wb_range(w, -1, at->calc.volumes, 0, at->calc.volumes + discipline_count - 1, 0);
        wb_ref volume_p = igoi_wb_range(w, -1, at->calc.volumes, 1 + p,
                                        at->calc.volumes + discipline_count - 1, 1 + p);
        total += part;
        igoi_wb_formula_array(
            w, CALC, rl, 3 + p, index, used && vp > 0 && is_largest(w->pl, (size_t)p, o, d),
            "=IF(AND(%s>0,SUMPRODUCT(EXACT(%s,%s)*(%s>%s))=0,"
            "SUMPRODUCT(EXACT(%s,%s)*(%s=%s))=1),1,0)",
            v.s, disc_all.s, disc.s,
            igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_VOL + p, last, PROV_VOL + p).s,
            v.s, disc_upto.s, disc.s,
            igoi_wb_range(w, SPLIT_IN, at->split_in.providers, PROV_VOL + p, in, PROV_VOL + p).s,
            v.s);
        igoi_wb_formula_array(w, CALC, rr, 3 + p, money,
                        vp > 0 ? wb_eur(share(amount, vp, w->pl->group_sum[g])) : 0,
                        "=IF(%s>0,ROUND(SUMPRODUCT(EXACT(%s,%s)*%s)*%s/"
                        "SUMPRODUCT(EXACT(%s,%s)*%s),2),0)",
                        v.s, discipline_names.s, my_disc.s, discipline_money.s, v.s, volume_names.s,
                        my_disc.s, volume_p.s);
        /* (its share of the volume split, and its fixed part there) */
        igoi_wb_formula_array(w, CALC, ra, 3 + p, money, wb_eur(part),
                        "=ROUND(%s+IF(%s=1,SUMPRODUCT(EXACT(%s,%s)*%s)-"
                        "SUMPRODUCT(EXACT(%s,%s)*%s),0)+%s,2)",
                        igoi_wb_rel(rr, 3 + p).s, igoi_wb_rel(rl, 3 + p).s, discipline_names.s,
                        my_disc.s, discipline_money.s,
                        igoi_wb_range(w, -1, at->calc.provider_largest, 2,
                                      at->calc.provider_largest + (int)at->provider_rows - 1, 2)
                            .s,
                        my_disc.s,
                        igoi_wb_range(w, -1, at->calc.provider_rounded, 3 + p,
                                      at->calc.provider_rounded + (int)at->provider_rows - 1, 3 + p)
                            .s,
                        igoi_wb_at(w, -1, at->calc.fixed_parts + (int)o, 3 + p).s);
    }
    igoi_wb_formula(w, CALC, ra, 3 + prestatie_count, used ? w->f.money_total : money,
                    wb_eur(total),
                    "=ROUND(SUM(%s),2)", igoi_wb_range(w, -1, ra, 3, ra, 2 + prestatie_count).s);
}

static void provider_block(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const int prestatie_count = (int)at->prestatie_count, provider_rows = (int)at->provider_rows;
    const int firsts[3] = {at->calc.provider_largest, at->calc.provider_rounded,
                           at->calc.provider_parts};
    const char *titles[3] = {t->calc_prov_largest, t->calc_prov_rounded, t->calc_prov_parts};
    const char *head[] = {t->prov_id, t->prov_name, t->prov_discipline};
    double *vol = volumes(w->m);
    if (!vol) {
        igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (int b = 0; b < 3; b++) {
        title(w, firsts[b], titles[b]);
        igoi_wb_header(w, CALC, firsts[b] - 1, 0, head, 3);
        for (int p = 0; p < prestatie_count; p++)
            igoi_wb_string(w, CALC, firsts[b] - 1, 3 + p, w->m->prestaties.v[p].code, w->f.header);
    }
    igoi_wb_string(w, CALC, at->calc.provider_parts - 1, 3 + prestatie_count, t->total,
                   w->f.header);
    for (size_t o = 0; o < at->provider_rows; o++)
        provider_row(w, o, vol);
    free(vol);
    igoi_wb_string(w, CALC, at->calc.provider_parts + provider_rows, 0, t->total, w->f.bold);
    for (int c = 3; c <= 3 + prestatie_count; c++) {
        int64_t sum = 0;
        for (size_t o = 0; o < w->m->providers.n; o++)
            sum += c < 3 + prestatie_count
                       ? igo_result_providers(w->r)[(size_t)(c - 3) * w->m->providers.n + o]
                       : igo_result_provider_totals(w->r)[o];
        igoi_wb_formula(w, CALC, at->calc.provider_parts + provider_rows, c, w->f.money_total,
                        wb_eur(sum), "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, at->calc.provider_parts, c,
                                      at->calc.provider_parts + provider_rows - 1, c)
                            .s);
    }
}

/* ---- totals and the reconciliation ---- */

static void totals_block(wb *w)
{
    const wb_layout *at = &w->at;
    const wb_text *t = w->t;
    const igo_result *r = w->r;
    const int row = at->calc.totals, prestatie_count = (int)at->prestatie_count;
    const int discipline_count = (int)at->discipline_count, provider_rows = (int)at->provider_rows;
    title(w, row, t->calc_totals_title);
    const char *labels[8] = {t->total_income, t->cost_names[0], t->cost_names[1],
                             t->cost_names[2], t->outside, t->distributed,
                             t->results_disc_title, t->difference};
    double cached[8] = {wb_eur(igo_result_income(r)),
                        wb_eur(igo_result_cost(r, IGO_COST_BEHEERSKOSTEN)),
                        wb_eur(igo_result_cost(r, IGO_COST_INNOVATIE_KWALITEIT)),
                        wb_eur(igo_result_cost(r, IGO_COST_OVERIG)),
                        wb_eur(igo_result_outside_total(r)), wb_eur(igo_result_distributed(r)),
                        wb_eur(igo_result_distributed(r)), 0};
    for (int i = 0; i < 8; i++)
        igoi_wb_string(w, CALC, row + i, 0, labels[i], i == 7 ? w->f.bold : w->f.text);
    igoi_wb_formula(w, CALC, row, 1, w->f.money, cached[0], "=%s", income_total(w).s);
    for (int k = 0; k < IGO_COST_COUNT; k++)
        igoi_wb_formula(w, CALC, row + 1 + k, 1, w->f.money, cached[1 + k], "=%s",
                        igoi_wb_at(w, -1, at->calc.costs + k, 1).s);
    igoi_wb_formula(w, CALC, row + 4, 1, w->f.money, cached[4], "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, at->calc.outside_parts + (int)at->outside_rows, 1,
                                  at->calc.outside_parts + (int)at->outside_rows, prestatie_count)
                        .s);
    igoi_wb_formula(w, CALC, row + 5, 1, w->f.money, cached[5], "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, at->calc.provider_parts, 3 + prestatie_count,
                                  at->calc.provider_parts + provider_rows - 1, 3 + prestatie_count)
                        .s);
    igoi_wb_formula(w, CALC, row + 6, 1, w->f.money, cached[6], "=ROUND(SUM(%s),2)",
                    igoi_wb_range(w, -1, at->calc.discipline_parts + prestatie_count, 1,
                                  at->calc.discipline_parts + prestatie_count, discipline_count)
                        .s);
    igoi_wb_formula(w, CALC, row + 7, 1, w->f.money_total, 0, "=ROUND(%s-%s-%s-%s-%s-%s,2)",
                    igoi_wb_rel(row, 1).s, igoi_wb_rel(row + 1, 1).s, igoi_wb_rel(row + 2, 1).s,
                    igoi_wb_rel(row + 3, 1).s, igoi_wb_rel(row + 4, 1).s,
                    igoi_wb_rel(row + 5, 1).s);
}

void igoi_wb_sheet_calc(wb *w)
{
    igoi_wb_heading(w, CALC, w->t->sheet[CALC], w->t->sheet_about[CALC]);
    income_block(w);
    costs_block(w);
    outside_block(w);
    key_block(w);
    discipline_block(w);
    volume_block(w);
    igoi_wb_calc_fixed(w);
    provider_block(w);
    totals_block(w);
    igoi_wb_checks_calc(w);
    igoi_wb_check_line(w, CALC);
    igoi_wb_width(w, CALC, 0, 0, 34);
    igoi_wb_width(w, CALC, 1, 2, 18);
    igoi_wb_width(w, CALC, 3, 3 + (int)w->at.prestatie_count, 15);
    igoi_wb_finish_sheet(w, CALC, 3, 1);
}
