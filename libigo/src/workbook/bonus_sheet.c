/* Kwaliteitsbonussen: the pool (an amount, or a percentage of the innovation and quality
 * budget), the indicators, each provider's values, and per provider its points, bonus and total.
 * The bonus and total show #N/A while a check fails. */
#include <stdio.h>
#include <stdlib.h>

#include "bonus_wb.h"

enum { BONUS = WB_BONUS, CALC = WB_CALC };

static void pool(wb *w)
{
    const wb_bonus_text *bt = w->bt;
    const wb_text *t = w->t;
    const int row = w->at.bn.pool;
    const char *head[] = {"", t->cost_mode, t->amount, t->percent};
    const igo_model *m = w->m;
    igoi_wb_table_title(w, BONUS, row, bt->pool_title, head, 4);
    int share = m->bonus_set && m->bonus_mode == IGO_COST_SHARE;
    igoi_wb_string(w, BONUS, row, BP_LABEL, bt->pool, w->f.text);
    igoi_wb_string(w, BONUS, row, BP_MODE, share ? t->mode_percent : t->mode_amount,
                   w->f.in_choice);
    if (m->bonus_set && !share)
        igoi_wb_number(w, BONUS, row, BP_AMOUNT, m->bonus_value, w->f.in_money);
    else
        igoi_wb_blank(w, BONUS, row, BP_AMOUNT, w->f.in_money);
    if (share)
        igoi_wb_number(w, BONUS, row, BP_PERCENT, m->bonus_value, w->f.in_pct);
    else
        igoi_wb_blank(w, BONUS, row, BP_PERCENT, w->f.in_pct);
    const char *modes[] = {t->mode_amount, t->mode_percent};
    igoi_wb_valid_list(w, BONUS, row, BP_MODE, row, BP_MODE, modes, 2);
    igoi_wb_valid_number(w, BONUS, row, BP_AMOUNT, row, BP_AMOUNT);
    igoi_wb_valid_fraction(w, BONUS, row, BP_PERCENT, row, BP_PERCENT);
    igoi_wb_name(w, "Bonus_pot", igoi_wb_range(w, BONUS, row, BP_MODE, row, BP_PERCENT));
}

static wb_ref figure(const wb *w, int which)
{
    return igoi_wb_at(w, -1, w->at.bn.figures + which, BF_COL);
}

/* A column of the values grid, over its provider rows. */
static wb_ref grid_column(const wb *w, int col)
{
    const int row = w->at.bn.values;
    return igoi_wb_range(w, -1, row, col, row + (int)w->at.provider_rows - 1, col);
}

static void figures(wb *w)
{
    const wb_bonus_text *bt = w->bt;
    const int row = w->at.bn.figures;
    const igo_result *r = w->r;
    const double sum = w->pl->points ? w->pl->points_sum : 0;
    const size_t largest = w->pl->points ? w->pl->points_largest : 0;
    igoi_wb_string(w, BONUS, row - 1, 0, bt->figures_title, w->f.bold);
    for (int f = 0; f < BF_ROWS; f++)
        igoi_wb_string(w, BONUS, row + f, 0, bt->figures[f], w->f.text);
    igoi_wb_formula(w, BONUS, row + BF_BUDGET, BF_COL, w->f.money,
                    wb_eur(igo_result_cost(r, IGO_COST_INNOVATIE_KWALITEIT)), "=%s",
                    igoi_wb_at(w, CALC, w->at.calc.costs + IGO_COST_INNOVATIE_KWALITEIT, 1).s);
    wb_ref mode = igoi_wb_at(w, -1, w->at.bn.pool, BP_MODE);
    igoi_wb_formula(w, BONUS, row + BF_POT, BF_COL, w->f.money, wb_eur(igo_result_bonus_pool(r)),
                    "=IF(%s=\"%s\",ROUND(%s*%s,2),ROUND(%s,2))", mode.s, w->t->mode_percent,
                    igoi_wb_at(w, -1, w->at.bn.pool, BP_PERCENT).s, figure(w, BF_BUDGET).s,
                    igoi_wb_at(w, -1, w->at.bn.pool, BP_AMOUNT).s);
    igoi_wb_formula(w, BONUS, row + BF_POINTS, BF_COL, w->f.count, sum, "=SUM(%s)",
                    grid_column(w, bv_col(w, BV_POINTS)).s);
    igoi_wb_formula(w, BONUS, row + BF_PAID, BF_COL, w->f.money, wb_eur(igo_result_bonuses_paid(r)),
                    "=IF(%s>0,%s,0)", figure(w, BF_POINTS).s, figure(w, BF_POT).s);
    igoi_wb_formula(w, BONUS, row + BF_UNPAID, BF_COL, w->f.money,
                    wb_eur(igo_result_bonus_pool(r) - igo_result_bonuses_paid(r)),
                    "=ROUND(%s-%s,2)", figure(w, BF_POT).s, figure(w, BF_PAID).s);
    wb_ref points = grid_column(w, bv_col(w, BV_POINTS));
    igoi_wb_formula(w, BONUS, row + BF_LARGEST, BF_COL, w->f.index, (double)largest + 1,
                    "=MATCH(MAX(%s),%s,0)", points.s, points.s);
}

static void indicators(wb *w)
{
    const wb_bonus_text *bt = w->bt;
    const int row = w->at.bn.indicators, rows = (int)w->at.bn.indicator_rows;
    const char *head[BI_COLUMNS] = {bt->id, bt->label, bt->target, bt->better, bt->weight};
    igoi_wb_table_title(w, BONUS, row, bt->indicators_title, head, BI_COLUMNS);
    for (int i = 0; i < rows; i++) {
        const igo_indicator *x = (size_t)i < w->m->indicators.n ? &w->m->indicators.v[i] : NULL;
        if (x) {
            igoi_wb_string(w, BONUS, row + i, BI_ID, x->id, w->f.in_text);
            igoi_wb_string(w, BONUS, row + i, BI_LABEL, x->label, w->f.in_text);
            igoi_wb_number(w, BONUS, row + i, BI_TARGET, x->target, w->f.in_count);
            igoi_wb_string(w, BONUS, row + i, BI_BETTER, x->lower_is_better ? bt->lower
                                                                            : bt->higher,
                           w->f.in_choice);
            igoi_wb_number(w, BONUS, row + i, BI_WEIGHT, x->weight, w->f.in_count);
            continue;
        }
        for (int c = BI_ID; c < BI_COLUMNS; c++)
            igoi_wb_blank(w, BONUS, row + i, c,
                          c == BI_BETTER                      ? w->f.in_choice
                          : c == BI_TARGET || c == BI_WEIGHT ? w->f.in_count
                                                              : w->f.in_text);
    }
    const char *better[] = {bt->higher, bt->lower};
    igoi_wb_valid_list(w, BONUS, row, BI_BETTER, row + rows - 1, BI_BETTER, better, 2);
    igoi_wb_string(w, BONUS, row - 1, bv_col(w, BV_HELP), bt->help, w->f.header);
    wb_ref ids = igoi_wb_range(w, -1, row, BI_ID, row + rows - 1, BI_ID);
    /* How often the row's id occurs: once (a model's ids are unique), or on a spare row as
     * often as there are spare rows (their "" each). */
    const int n = (int)w->m->indicators.n;
    for (int i = 0; i < rows; i++)
        igoi_wb_formula_array(w, BONUS, row + i, bv_col(w, BV_HELP), w->f.index,
                              i < n ? 1 : rows - n,
                              "=SUMPRODUCT(EXACT(%s,%s)*1)", ids.s, igoi_wb_rel(row + i, BI_ID).s);
    igoi_wb_valid_number(w, BONUS, row, BI_WEIGHT, row + rows - 1, BI_WEIGHT);
    igoi_wb_name(w, "Bonus_indicatoren",
                 igoi_wb_range(w, BONUS, row, BI_ID, row + rows - 1, BI_WEIGHT));
}

/* Above the grid's header, per indicator column: its target, 1 when lower is better, its
 * weight (0 for a row without an id); and in the header its id. */
static void grid_header(wb *w)
{
    const wb_bonus_text *bt = w->bt;
    const int row = w->at.bn.values, rows = (int)w->at.bn.indicator_rows;
    igoi_wb_string(w, BONUS, row - 5, 0, bt->values_title, w->f.bold);
    igoi_wb_string(w, BONUS, row - 5, 3, bt->values_hint, w->f.subtitle);
    const char *labels[] = {bt->target, bt->lower_flag, bt->weight};
    for (int k = 0; k < 3; k++)
        igoi_wb_string(w, BONUS, row + BV_TARGET + k, BV_NAME, labels[k], w->f.text);
    const char *head[] = {w->t->prov_id, w->t->prov_name};
    igoi_wb_header(w, BONUS, row - 1, 0, head, 2);
    for (int i = 0; i < rows; i++) {
        const int col = BV_VALUES + i, in = w->at.bn.indicators + i;
        const igo_indicator *x = (size_t)i < w->m->indicators.n ? &w->m->indicators.v[i] : NULL;
        wb_ref id = igoi_wb_at(w, -1, in, BI_ID), target = igoi_wb_at(w, -1, in, BI_TARGET);
        wb_ref better = igoi_wb_at(w, -1, in, BI_BETTER), weight = igoi_wb_at(w, -1, in, BI_WEIGHT);
        igoi_wb_formula(w, BONUS, row + BV_TARGET, col, w->f.count, x ? x->target : 0,
                        "=IF(ISNUMBER(%s),%s,0)", target.s, target.s);
        igoi_wb_formula(w, BONUS, row + BV_LOWER, col, w->f.index, x && x->lower_is_better,
                        "=IF(%s=\"%s\",1,0)", better.s, w->bt->lower);
        /* (an id of only blanks is none, as the reader takes it) */
        igoi_wb_formula(w, BONUS, row + BV_WEIGHT, col, w->f.count, x ? x->weight : 0,
                        "=IF(AND(LEN(TRIM(%s))>0,ISNUMBER(%s)),%s,0)", id.s, weight.s, weight.s);
        igoi_wb_formula_text(w, BONUS, row - 1, col, w->f.header, x ? x->id : "",
                             "=IF(LEN(TRIM(%s))=0,\"\",%s)", id.s, id.s);
    }
    const char *outputs[] = {bt->points, bt->rounded, bt->bonus, bt->model, bt->total, bt->help};
    igoi_wb_header(w, BONUS, row - 1, bv_col(w, BV_POINTS), outputs, 6);
}

/* The cached figures of provider o: points, rounded share, bonus, model income (EUR). */
static void cached(const wb *w, size_t o, double out[4])
{
    const igo_result *r = w->r;
    int real = o < w->m->providers.n;
    double sum = w->pl->points ? w->pl->points_sum : 0;
    out[0] = real ? igo_result_bonus_points(r)[o] : 0;
    out[1] = real && sum > 0
                 ? wb_eur(igo_round_cents_fast(wb_eur(igo_result_bonuses_paid(r)) * out[0] / sum))
                 : 0;
    out[2] = real ? wb_eur(igo_result_bonuses(r)[o]) : 0;
    out[3] = real ? wb_eur(igo_result_provider_totals(r)[o]) : 0;
}

/* The values as given, indicator row x provider (value, and 1 where one was set). */
typedef struct grid_values {
    double *value;
    unsigned char *given;
} grid_values;

static void grid_row(wb *w, int o, const grid_values *g)
{
    const int row = w->at.bn.values, r = row + o, rows = (int)w->at.bn.indicator_rows;
    const int in = w->at.split_in.providers + o;
    const igo_model *m = w->m;
    const int real = (size_t)o < m->providers.n;
    wb_ref at_id = igoi_wb_at(w, WB_SPLIT_IN, in, 0), at_name = igoi_wb_at(w, WB_SPLIT_IN, in, 1);
    igoi_wb_formula_text(w, BONUS, r, BV_ID, w->f.text, real ? m->providers.v[o].id : "",
                         "=IF(%s=\"\",\"\",%s)", at_id.s, at_id.s);
    igoi_wb_formula_text(w, BONUS, r, BV_NAME, w->f.text, real ? m->providers.v[o].name : "",
                         "=IF(%s=\"\",\"\",%s)", at_name.s, at_name.s);
    for (int i = 0; i < rows; i++) {
        size_t at = (size_t)i * m->providers.n + (size_t)o;
        if (real && (size_t)i < m->indicators.n && g->given[at])
            igoi_wb_number(w, BONUS, r, BV_VALUES + i, g->value[at], w->f.in_count);
        else
            igoi_wb_blank(w, BONUS, r, BV_VALUES + i, w->f.in_count);
    }
    double c[4];
    cached(w, (size_t)o, c);
    const int last = BV_VALUES + rows - 1;
    wb_ref id = igoi_wb_rel(r, BV_ID), values = igoi_wb_range(w, -1, r, BV_VALUES, r, last);
    wb_ref targets = igoi_wb_range(w, -1, row + BV_TARGET, BV_VALUES, row + BV_TARGET, last);
    wb_ref lower = igoi_wb_range(w, -1, row + BV_LOWER, BV_VALUES, row + BV_LOWER, last);
    wb_ref weights = igoi_wb_range(w, -1, row + BV_WEIGHT, BV_VALUES, row + BV_WEIGHT, last);
    const int points = bv_col(w, BV_POINTS), rounded = bv_col(w, BV_ROUNDED);
    igoi_wb_formula_array(w, BONUS, r, points, w->f.count, c[0],
                          "=IF(%s=\"\",0,SUMPRODUCT(ISNUMBER(%s)*((%s=1)*(%s<=%s)+(%s=0)*"
                          "(%s>=%s))*%s))",
                          id.s, values.s, lower.s, values.s, targets.s, lower.s, values.s,
                          targets.s, weights.s);
    igoi_wb_formula(w, BONUS, r, rounded, w->f.money_quiet, c[1], "=IF(%s>0,ROUND(%s*%s/%s,2),0)",
                    figure(w, BF_POINTS).s, figure(w, BF_PAID).s, igoi_wb_rel(r, points).s,
                    figure(w, BF_POINTS).s);
    igoi_wb_result(w, BONUS, r, bv_col(w, BV_BONUS), w->f.money_quiet, c[2], 1,
                   "=ROUND(%s+IF(%d=%s,%s-SUM(%s),0),2)", igoi_wb_rel(r, rounded).s, o + 1,
                   figure(w, BF_LARGEST).s, figure(w, BF_PAID).s,
                   grid_column(w, rounded).s);
    igoi_wb_formula(w, BONUS, r, bv_col(w, BV_MODEL), w->f.money_quiet, c[3], "=IF(%s=\"\",0,%s)",
                    id.s,
                    igoi_wb_at(w, CALC, w->at.calc.provider_parts + o,
                               3 + (int)w->at.prestatie_count).s);
    igoi_wb_result(w, BONUS, r, bv_col(w, BV_TOTAL), w->f.money_quiet, c[2] + c[3], 1,
                   "=ROUND(%s+%s,2)", igoi_wb_rel(r, bv_col(w, BV_BONUS)).s,
                   igoi_wb_rel(r, bv_col(w, BV_MODEL)).s);
    /* (the values in columns without an indicator: none in a written model) */
    wb_ref ids = igoi_wb_range(w, -1, row - 1, BV_VALUES, row - 1, last);
    igoi_wb_formula_array(w, BONUS, r, bv_col(w, BV_HELP), w->f.index, 0,
                          "=SUMPRODUCT((LEN(%s)>0)*(LEN(%s)=0))", values.s, ids.s);
}

static void grid_totals(wb *w)
{
    const int row = w->at.bn.values, rows = (int)w->at.provider_rows;
    double sum[3] = {0, 0, 0};
    for (size_t o = 0; o < w->m->providers.n; o++) {
        double c[4];
        cached(w, o, c);
        sum[0] += c[2], sum[1] += c[3], sum[2] += c[2] + c[3];
    }
    igoi_wb_string(w, BONUS, row + rows, BV_ID, w->t->total, w->f.bold);
    const int cols[] = {BV_BONUS, BV_MODEL, BV_TOTAL};
    for (int k = 0; k < 3; k++) {
        int col = bv_col(w, cols[k]);
        igoi_wb_result(w, BONUS, row + rows, col, w->f.money_total, sum[k], 1,
                       "=ROUND(SUM(%s),2)", grid_column(w, col).s);
    }
}

static void grid(wb *w)
{
    const int row = w->at.bn.values, rows = (int)w->at.provider_rows;
    const igo_model *m = w->m;
    const size_t n = m->indicators.n * m->providers.n + 1;
    grid_values g = {calloc(n, sizeof *g.value), calloc(n, 1)};
    if (!g.value || !g.given) {
        free(g.value), free(g.given);
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    for (size_t i = 0; i < m->indicators.n; i++)
        igo_model_indicator_row(m, i, g.value + i * m->providers.n, g.given + i * m->providers.n);
    grid_header(w);
    for (int o = 0; o < rows; o++)
        grid_row(w, o, &g);
    free(g.value), free(g.given);
    grid_totals(w);
    igoi_wb_count_style(w, BONUS, row, BV_VALUES, row + rows - 1, bv_col(w, BV_POINTS));
    igoi_wb_name(w, "Bonus_waarden",
                 igoi_wb_range(w, BONUS, row, BV_ID, row + rows - 1, bv_col(w, -1)));
}

void igoi_wb_sheet_bonus(wb *w)
{
    igoi_wb_heading(w, BONUS, w->bt->title, w->bt->hint);
    pool(w);
    figures(w);
    indicators(w);
    grid(w);
    igoi_wb_checks_bonus(w);
    igoi_wb_check_line(w, BONUS);
    /* One page wide in the input sheets' type: narrow value columns (the pool's amount in the
     * first of them, wider), the messages spilling over empty cells. */
    igoi_wb_width(w, BONUS, 0, 0, 18);
    igoi_wb_width(w, BONUS, 1, 1, 24);
    igoi_wb_width(w, BONUS, 2, 2, 14);
    igoi_wb_width(w, BONUS, 3, bv_col(w, BV_CHECK) - 1, 10);
    igoi_wb_width(w, BONUS, bv_col(w, BV_CHECK), bv_col(w, BV_CHECK), 16);
    igoi_wb_width(w, BONUS, bv_col(w, BV_POINTS), bv_col(w, BV_POINTS), 8);
    igoi_wb_width(w, BONUS, bv_col(w, BV_ROUNDED), bv_col(w, BV_BONUS), 12);
    igoi_wb_width(w, BONUS, bv_col(w, BV_MODEL), bv_col(w, BV_TOTAL), 16);
    igoi_wb_width(w, BONUS, bv_col(w, BV_HELP), bv_col(w, BV_HELP), 8);
    igoi_wb_finish_sheet(w, BONUS, 3, 1);
}
