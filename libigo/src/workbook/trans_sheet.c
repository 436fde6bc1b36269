/* Overgang: the transition's inputs (the limits, the years with their share matched to history,
 * each provider's history and guarantee), each provider's income per year with a line chart,
 * and per year the figures of Berekening overgang: scaled history, model, target, paid, the
 * change and the bound that held. Outputs show #N/A while a check fails. */
#include <stdio.h>
#include <stdlib.h>

#include "trans_wb.h"

enum { TRANS = WB_TRANS, CALC = WB_TRANS_CALC };

static void limits(wb *w)
{
    const wb_trans_text *tt = w->tt;
    const int row = w->at.tr.limits;
    const char *head[] = {tt->limit, tt->percent};
    double down, up;
    igo_transition_limits(w->tr, &down, &up);
    igoi_wb_table_title(w, TRANS, row, tt->limits_title, head, 2);
    const double values[2] = {down, up};
    const char *names[2] = {tt->down, tt->up};
    for (int i = 0; i < 2; i++) {
        igoi_wb_string(w, TRANS, row + i, 0, names[i], w->f.text);
        if (values[i] >= 0)
            igoi_wb_number(w, TRANS, row + i, 1, values[i], w->f.in_pct);
        else
            igoi_wb_blank(w, TRANS, row + i, 1, w->f.in_pct);
    }
    igoi_wb_valid_fraction(w, TRANS, row, 1, row + 1, 1);
    igoi_wb_name(w, "Overgang_grenzen", igoi_wb_range(w, TRANS, row, 1, row + 1, 1));
}

static void years(wb *w)
{
    const wb_trans_text *tt = w->tt;
    const int row = w->at.tr.years, last = row + (int)w->at.tr.year_rows - 1;
    const char *head[] = {tt->year, tt->share};
    igoi_wb_table_title(w, TRANS, row, tt->years_title, head, 2);
    for (int y = 0; y <= last - row; y++) {
        double share = 0;
        int year = igo_transition_year(w->tr, (size_t)y, &share, NULL);
        if (year) {
            igoi_wb_number(w, TRANS, row + y, TY_YEAR, year, w->f.in_year);
            igoi_wb_number(w, TRANS, row + y, TY_SHARE, share, w->f.in_pct);
        } else {
            igoi_wb_blank(w, TRANS, row + y, TY_YEAR, w->f.in_year);
            igoi_wb_blank(w, TRANS, row + y, TY_SHARE, w->f.in_pct);
        }
    }
    igoi_wb_valid_number(w, TRANS, row, TY_YEAR, last, TY_YEAR);
    igoi_wb_valid_fraction(w, TRANS, row, TY_SHARE, last, TY_SHARE);
    igoi_wb_name(w, "Overgang_jaren", igoi_wb_range(w, TRANS, row, 0, last, 1));
}

static void providers(wb *w)
{
    const wb_trans_text *tt = w->tt;
    const int row = w->at.tr.providers, last = row + (int)w->at.provider_rows - 1;
    const char *head[] = {w->t->prov_id, w->t->prov_name, tt->history, tt->guarantee};
    igoi_wb_table_title(w, TRANS, row, tt->providers_title, head, 4);
    for (int o = 0; o <= last - row; o++) {
        const int in = w->at.split_in.providers + o;
        int64_t history = 0, guarantee = -1;
        const char *id = (size_t)o < w->tr->n
                             ? igo_transition_provider(w->tr, (size_t)o, &history, &guarantee)
                             : NULL;
        const char *name = id ? w->m->providers.v[o].name : NULL;
        wb_ref at_id = igoi_wb_at(w, WB_SPLIT_IN, in, 0);
        wb_ref at_name = igoi_wb_at(w, WB_SPLIT_IN, in, PROV_NAME);
        igoi_wb_formula_text(w, TRANS, row + o, TR_ID, w->f.text, id ? id : "",
                             "=IF(%s=\"\",\"\",%s)", at_id.s, at_id.s);
        igoi_wb_formula_text(w, TRANS, row + o, TR_NAME, w->f.text, name ? name : "",
                             "=IF(%s=\"\",\"\",%s)", at_name.s, at_name.s);
        if (id)
            igoi_wb_number(w, TRANS, row + o, TR_HIST, wb_eur(history), w->f.in_money);
        else
            igoi_wb_blank(w, TRANS, row + o, TR_HIST, w->f.in_money);
        if (id && guarantee >= 0)
            igoi_wb_number(w, TRANS, row + o, TR_GUAR, wb_eur(guarantee), w->f.in_money);
        else
            igoi_wb_blank(w, TRANS, row + o, TR_GUAR, w->f.in_money);
    }
    igoi_wb_valid_number(w, TRANS, row, TR_HIST, last, TR_GUAR);
    igoi_wb_name(w, "Overgang_aanbieders", igoi_wb_range(w, TRANS, row, 0, last, TR_GUAR));
}

/* ---- the outputs ---- */

static wb_ref calc_at(const wb *w, int y, size_t o, int col)
{
    return igoi_wb_at(w, CALC, tr_block(w, y) + TB_ROWS + (int)o, col);
}

static double paid(const wb *w, int y, size_t o)
{
    return igoi_wb_trans_paid(w, (size_t)y, o);
}

/* Each provider's history and income per year: the chart's figures. */
static void paid_table(wb *w)
{
    const wb_trans_text *tt = w->tt;
    const int row = w->at.tr.paid, years = (int)w->at.tr.year_rows;
    const int rows = (int)w->at.provider_rows;
    const char *head[] = {w->t->prov_id, tt->history};
    igoi_wb_table_title(w, TRANS, row, tt->paid_title, head, 2);
    igoi_wb_string(w, TRANS, row - 2, 3, tt->paid_hint, w->f.subtitle);
    for (int y = 0; y < years; y++) {
        wb_ref year = igoi_wb_at(w, -1, w->at.tr.years + y, TY_YEAR);
        int number = igo_transition_year(w->tr, (size_t)y, NULL, NULL);
        char cached[16];
        snprintf(cached, sizeof cached, "%d", number);
        /* (a text: a chart's categories) */
        igoi_wb_formula_text(w, TRANS, row - 1, 2 + y, w->f.header, number ? cached : "",
                             "=IF(ISNUMBER(%s),TEXT(%s,\"0\"),\"\")", year.s, year.s);
    }
    for (int o = 0; o < rows; o++) {
        int used = (size_t)o < w->tr->n;
        int64_t h = 0;
        const char *id = used ? igo_transition_provider(w->tr, (size_t)o, &h, NULL) : "";
        wb_ref ov = igoi_wb_at(w, -1, w->at.tr.providers + o, TR_ID);
        igoi_wb_formula_text(w, TRANS, row + o, 0, w->f.text, id, "=%s", ov.s);
        wb_ref hist = igoi_wb_at(w, -1, w->at.tr.providers + o, TR_HIST);
        igoi_wb_formula(w, TRANS, row + o, 1, w->f.money_quiet, wb_eur(h),
                        "=IF(ISNUMBER(%s),%s,0)", hist.s, hist.s);
        for (int y = 0; y < years; y++)
            igoi_wb_result(w, TRANS, row + o, 2 + y, w->f.money_quiet, paid(w, y, (size_t)o), 1,
                           "=%s", calc_at(w, y, (size_t)o, tc_paid(w)).s);
    }
    igoi_wb_string(w, TRANS, row + rows, 0, w->t->total, w->f.bold);
    for (int c = 1; c < 2 + years; c++) {
        double sum = 0;
        for (size_t o = 0; o < w->tr->n; o++) {
            int64_t h = 0;
            igo_transition_provider(w->tr, o, &h, NULL);
            sum += c == 1 ? wb_eur(h) : paid(w, c - 2, o);
        }
        igoi_wb_formula(w, TRANS, row + rows, c, w->f.money_total, sum, "=ROUND(SUM(%s),2)",
                        igoi_wb_range(w, -1, row, c, row + rows - 1, c).s);
    }
}

/* A line per provider over the history and the years of the schedule. */
static void paid_chart(wb *w)
{
    const int row = w->at.tr.paid;
    const int last = 1 + (int)igo_transition_result_years(w->tres);
    lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_LINE);
    if (!chart)
        return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    const char *sheet = w->sheet_name[TRANS];
    for (size_t o = 0; o < w->tr->n; o++) {
        int r = row + (int)o;
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        if (!series)
            return igoi_wb_keep(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        chart_series_set_categories(series, sheet, (lxw_row_t)row - 1, 1, (lxw_row_t)row - 1,
                                    (lxw_col_t)last);
        chart_series_set_values(series, sheet, (lxw_row_t)r, 1, (lxw_row_t)r, (lxw_col_t)last);
        chart_series_set_name_range(series, sheet, (lxw_row_t)r, 0);
        chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
    }
    chart_title_set_name(chart, w->tt->chart_title);
    chart_axis_set_num_format(chart->y_axis, "\"€ \"#,##0");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
    lxw_chart_options place = {.x_scale = 1.5, .y_scale = 1.5};
    igoi_wb_keep(w, worksheet_insert_chart_opt(w->ws[TRANS], (lxw_row_t)w->at.tr.chart, 0, chart,
                                               &place));
}

/* Per year: its providers' figures from Berekening overgang. */
static void detail_table(wb *w, int y)
{
    const wb_trans_text *tt = w->tt;
    const int top = tr_detail(w, y), row = top + 2, rows = (int)w->at.provider_rows;
    const int used = (size_t)y < igo_transition_result_years(w->tres);
    const int p = tc_paid(w);
    const char *head[TD_COLUMNS] = {w->t->prov_id, tt->scaled, tt->model, tt->target,
                                    tt->paid, tt->change, tt->change_pct, tt->bound};
    wb_ref year = igoi_wb_at(w, -1, w->at.tr.years + y, TY_YEAR);
    char text[160];
    snprintf(text, sizeof text, "%s %d", tt->year,
             used ? igo_transition_result_year(w->tres, (size_t)y) : 0);
    igoi_wb_formula_text(w, TRANS, top, 0, w->f.bold, used ? text : "",
                         "=IF(ISNUMBER(%s),\"%s \"&%s,\"\")", year.s, tt->year, year.s);
    igoi_wb_header(w, TRANS, top + 1, 0, head, TD_COLUMNS);
    const int from[] = {TC_H, TC_MODEL, TC_X, p, p + TC_CHANGE};
    const int column[] = {IGO_TRANSITION_HISTORY, IGO_TRANSITION_MODEL, IGO_TRANSITION_TARGET,
                          IGO_TRANSITION_PAID, -1};
    for (int o = 0; o < rows; o++) {
        int real = used && (size_t)o < w->tr->n;
        igoi_wb_formula_text(w, TRANS, row + o, TD_ID, w->f.text,
                             (size_t)o < w->tr->n ? w->tr->ids[o] : "", "=%s",
                             igoi_wb_at(w, -1, w->at.tr.providers + o, TR_ID).s);
        double before = real ? igoi_wb_trans_before(w, (size_t)y, (size_t)o) : 0;
        for (int i = 0; i < 5; i++) {
            double cached = 0;
            if (real && column[i] >= 0)
                cached = wb_eur(igo_transition_result_column(w->tres, (size_t)y, column[i])[o]);
            else if (real) /* the change, as Berekening overgang has it */
                cached = paid(w, y, (size_t)o) - before;
            igoi_wb_result(w, TRANS, row + o, TD_H + i, w->f.money_quiet, cached, 1, "=%s",
                           calc_at(w, y, (size_t)o, from[i]).s);
        }
        wb_ref ctl = igoi_wb_controle(w, TRANS), pct = calc_at(w, y, (size_t)o, p + TC_CHANGE_PCT);
        wb_ref bound = calc_at(w, y, (size_t)o, p + TC_BOUND);
        if (real && before != 0)
            igoi_wb_formula(w, TRANS, row + o, TD_PCT, w->f.pct2,
                            (paid(w, y, (size_t)o) - before) / before,
                            "=IF(%s=0,%s,NA())", ctl.s, pct.s);
        else
            igoi_wb_formula_text(w, TRANS, row + o, TD_PCT, w->f.pct2, "",
                                 "=IF(%s=0,%s,NA())", ctl.s, pct.s);
        igoi_wb_formula_text(w, TRANS, row + o, TD_BOUND, w->f.text,
                             real ? tt->bounds[igo_transition_result_bounds(w->tres,
                                                                            (size_t)y)[o]]
                                  : "",
                             "=IF(%s=0,%s,NA())", ctl.s, bound.s);
    }
    igoi_wb_string(w, TRANS, row + rows, 0, w->t->total, w->f.bold);
    for (int i = 0; i < 4; i++) {
        double sum = 0;
        for (size_t o = 0; used && o < w->tr->n; o++)
            sum += wb_eur(igo_transition_result_column(w->tres, (size_t)y, column[i])[o]);
        igoi_wb_result(w, TRANS, row + rows, TD_H + i, w->f.money_total, sum, 1,
                       "=ROUND(SUM(%s),2)",
                       igoi_wb_range(w, -1, row, TD_H + i, row + rows - 1, TD_H + i).s);
    }
}

void igoi_wb_sheet_trans(wb *w)
{
    igoi_wb_heading(w, TRANS, w->tt->title, w->tt->hint);
    limits(w);
    years(w);
    providers(w);
    igoi_wb_checks_trans(w);
    igoi_wb_check_line(w, TRANS);
    paid_table(w);
    paid_chart(w);
    igoi_wb_string(w, TRANS, w->at.tr.detail - 2, 0, w->tt->detail_title, w->f.bold);
    for (int y = 0; y < (int)w->at.tr.year_rows; y++)
        detail_table(w, y);
    /* One page wide in legible type: as wide as the per-year tables, the chart within. */
    igoi_wb_width(w, TRANS, 0, 0, 22);
    igoi_wb_width(w, TRANS, 1, TD_COLUMNS - 1, 16);
    igoi_wb_finish_sheet(w, TRANS, 3, 1);
}
