/* The scenario workbook's outputs: the scenario table per sector and per driver, the tornado, the
 * phase-in table, and their charts. */
#include <stdio.h>

#include "scenario_wb.h"

/* The cell on Berekening with scenario sc's total for sector col (col = sector_count: all
 * sectors) in the row of driver driver_row (driver_row = driver_count: the total row). */
static wb_ref impact_cell(const sc_wb *s, int sc, int driver_row, int col)
{
    return igoi_wb_at(&s->w, SC_CALC, s->at.impact[sc] + driver_row, 1 + col);
}

static lxw_chart *chart(wb *w, uint8_t type, const char *title)
{
    lxw_chart *plot = workbook_add_chart(w->book, type);
    chart_title_set_name(plot, title);
    int bar = type == LXW_CHART_BAR;
    chart_axis_set_num_format(bar ? plot->x_axis : plot->y_axis, "\"€ \"#,##0");
    /* Savings are negative: keep the category labels clear of the bars. */
    chart_axis_set_label_position(bar ? plot->y_axis : plot->x_axis,
                                  LXW_CHART_AXIS_LABEL_POSITION_LOW);
    return plot;
}

static void series(wb *w, lxw_chart *plot, int sheet, int row1, int row2, int cat_col, int col,
                   const char *name)
{
    char categories[160], values[160];
    snprintf(categories, sizeof categories, "=%s",
             igoi_wb_range(w, sheet, row1, cat_col, row2, cat_col).s);
    snprintf(values, sizeof values, "=%s", igoi_wb_range(w, sheet, row1, col, row2, col).s);
    chart_series_set_name(chart_add_series(plot, categories, values), name);
}

static void scenario_header(sc_wb *s, int sheet, int row, const char *first)
{
    wb *w = &s->w;
    const char *head[] = {first, s->t->scenario[0], s->t->scenario[1], s->t->scenario[2]};
    igoi_wb_header(w, sheet, row, 0, head, 4);
}

/* One row of a scenario table: its label, then per scenario a formula on the impact cell of
 * (driver, sector) of the calculation sheet, with the core's cents as its cached value. The
 * total row is bold. */
static void scenario_row(sc_wb *s, int row, const char *label, int is_total,
                         const int64_t cents[IGO_SCENARIO_COUNT], int driver, int sector)
{
    wb *w = &s->w;
    igoi_wb_string(w, SC_TABLE, row, 0, label, is_total ? w->f.bold : w->f.text);
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        igoi_wb_formula(w, SC_TABLE, row, 1 + sc, is_total ? w->f.money_total : w->f.money,
                        wb_eur(cents[sc]), "=%s", impact_cell(s, sc, driver, sector).s);
}

static void sector_table(sc_wb *s)
{
    wb *w = &s->w;
    const int row = s->at.table, sector_count = (int)s->sector_count,
              driver_count = (int)s->driver_count;
    igoi_wb_string(w, SC_TABLE, row - 2, 0, s->t->table, w->f.bold);
    scenario_header(s, SC_TABLE, row - 1, s->t->sector);
    for (int c = 0; c <= sector_count; c++) {
        int64_t cents[IGO_SCENARIO_COUNT];
        for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
            cents[sc] = c < sector_count ? igo_scenario_result_sector_totals(s->result, sc)[c]
                                         : igo_scenario_result_total(s->result, sc);
        scenario_row(s, row + c, c < sector_count ? s->set->sectors.v[c].label : s->t->total,
                     c == sector_count, cents, driver_count, c);
    }
    lxw_chart *plot = chart(w, LXW_CHART_COLUMN, s->t->chart_sectors);
    for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
        series(w, plot, SC_TABLE, row, row + sector_count - 1, 0, 1 + sc, s->t->scenario[sc]);
    igoi_wb_keep(w, worksheet_insert_chart(w->ws[SC_TABLE], 3, 6, plot));
}

static void driver_table(sc_wb *s)
{
    wb *w = &s->w;
    const int row = s->at.by_driver, sector_count = (int)s->sector_count,
              driver_count = (int)s->driver_count;
    igoi_wb_string(w, SC_TABLE, row - 2, 0, s->t->by_driver, w->f.bold);
    scenario_header(s, SC_TABLE, row - 1, s->t->driver);
    for (int i = 0; i <= driver_count; i++) {
        int64_t cents[IGO_SCENARIO_COUNT];
        for (int sc = 0; sc < IGO_SCENARIO_COUNT; sc++)
            cents[sc] = i < driver_count ? igo_scenario_result_driver_totals(s->result, sc)[i]
                                         : igo_scenario_result_total(s->result, sc);
        scenario_row(s, row + i, i < driver_count ? s->set->drivers.v[i].label : s->t->total,
                     i == driver_count, cents, i, sector_count);
    }
    lxw_chart *plot = chart(w, LXW_CHART_BAR, s->t->chart_drivers);
    series(w, plot, SC_TABLE, row, row + driver_count - 1, 0, 1 + IGO_SCENARIO_MIDDLE,
           s->t->scenario[IGO_SCENARIO_MIDDLE]);
    chart_legend_set_position(plot, LXW_CHART_LEGEND_NONE);
    igoi_wb_keep(w, worksheet_insert_chart(w->ws[SC_TABLE], 19, 6, plot));
}

/* Each driver from conservative to optimistic, the others at middle. */
static void tornado(sc_wb *s)
{
    wb *w = &s->w;
    const int row = s->at.tornado, sector_count = (int)s->sector_count,
              driver_count = (int)s->driver_count;
    const char *head[] = {s->t->driver, s->t->low, s->t->high, s->t->swing};
    igoi_wb_string(w, SC_TABLE, row - 2, 0, s->t->tornado, w->f.bold);
    igoi_wb_header(w, SC_TABLE, row - 1, 0, head, 4);
    const int64_t *low = igo_scenario_result_tornado_low(s->result);
    const int64_t *high = igo_scenario_result_tornado_high(s->result);
    wb_ref middle_total = impact_cell(s, IGO_SCENARIO_MIDDLE, driver_count, sector_count);
    for (int i = 0; i < driver_count; i++) {
        int r = row + i;
        wb_ref middle = impact_cell(s, IGO_SCENARIO_MIDDLE, i, sector_count);
        igoi_wb_string(w, SC_TABLE, r, 0, s->set->drivers.v[i].label, w->f.text);
        igoi_wb_formula(w, SC_TABLE, r, 1, w->f.money, wb_eur(low[i]), "=ROUND(%s-%s+%s,2)",
                        middle_total.s, middle.s,
                        impact_cell(s, IGO_SCENARIO_CONSERVATIVE, i, sector_count).s);
        igoi_wb_formula(w, SC_TABLE, r, 2, w->f.money, wb_eur(high[i]), "=ROUND(%s-%s+%s,2)",
                        middle_total.s, middle.s,
                        impact_cell(s, IGO_SCENARIO_OPTIMISTIC, i, sector_count).s);
        igoi_wb_formula(w, SC_TABLE, r, 3, w->f.money, wb_eur(llabs(high[i] - low[i])),
                   "=ROUND(ABS(%s-%s),2)", igoi_wb_rel(r, 2).s, igoi_wb_rel(r, 1).s);
    }
}

void igoi_scenario_sheet_table(sc_wb *s)
{
    wb *w = &s->w;
    igoi_wb_heading(w, SC_TABLE, s->t->sheet[SC_TABLE], s->set->name);
    sector_table(s);
    driver_table(s);
    tornado(s);
    igoi_wb_width(w, SC_TABLE, 0, 0, 44);
    igoi_wb_width(w, SC_TABLE, 1, 3, 18);
    igoi_wb_finish_sheet(w, SC_TABLE, 2, 0);
}

/* ---- Infasering ---- */

/* The cached figures of one phase-in row: the middle scenario per sector, then the totals. */
static void phase_row(sc_wb *s, int r, size_t y, int used)
{
    wb *w = &s->w;
    const int sector_count = (int)s->sector_count, driver_count = (int)s->driver_count;
    wb_ref fraction = igoi_wb_rel(r, 1);
    for (int c = 0; c < sector_count; c++) {
        const int64_t *mid = igo_scenario_result_phase_in(s->result, IGO_SCENARIO_MIDDLE);
        igoi_wb_formula(w, SC_PHASE, r, 2 + c, w->f.money,
                        used ? wb_eur(mid[y * (s->sector_count + 1) + (size_t)c]) : 0,
                        "=IF(%s=\"\",0,ROUND(%s*%s,2))", fraction.s,
                        impact_cell(s, IGO_SCENARIO_MIDDLE, driver_count, c).s, fraction.s);
    }
    static const int order[] = {IGO_SCENARIO_MIDDLE, IGO_SCENARIO_OPTIMISTIC,
                                IGO_SCENARIO_CONSERVATIVE};
    for (int k = 0; k < 3; k++) {
        int sc = order[k];
        char sum[2048] = "";
        size_t n = 0;
        for (int c = 0; c < sector_count && n < sizeof sum; c++)
            n += (size_t)snprintf(sum + n, sizeof sum - n, "%sROUND(%s*%s,2)", c ? "+" : "",
                                  impact_cell(s, sc, driver_count, c).s, fraction.s);
        const int64_t *row = igo_scenario_result_phase_in(s->result, sc);
        igoi_wb_formula(w, SC_PHASE, r, 2 + sector_count + k, w->f.money_total,
                        used ? wb_eur(row[y * (s->sector_count + 1) + s->sector_count]) : 0,
                        "=IF(%s=\"\",0,ROUND(%s,2))", fraction.s, sum);
    }
}

void igoi_scenario_sheet_phase(sc_wb *s)
{
    wb *w = &s->w;
    const sc_text *t = s->t;
    const int row = s->at.phase, sector_count = (int)s->sector_count;
    igoi_wb_heading(w, SC_PHASE, t->sheet[SC_PHASE], t->hint);
    igoi_wb_string(w, SC_PHASE, row - 2, 0, t->phase, w->f.bold);
    const char *head[] = {t->year, t->fraction};
    igoi_wb_header(w, SC_PHASE, row - 1, 0, head, 2);
    for (int c = 0; c < sector_count; c++)
        igoi_wb_string(w, SC_PHASE, row - 1, 2 + c, s->set->sectors.v[c].id, w->f.header);
    for (int k = 0; k < 3; k++) {
        static const int order[] = {IGO_SCENARIO_MIDDLE, IGO_SCENARIO_OPTIMISTIC,
                                    IGO_SCENARIO_CONSERVATIVE};
        char head_total[96];
        snprintf(head_total, sizeof head_total, "%s %s", t->total, t->scenario[order[k]]);
        igoi_wb_string(w, SC_PHASE, row - 1, 2 + sector_count + k, head_total, w->f.header);
    }
    for (int y = 0; y < s->at.year_rows; y++) {
        int used = (size_t)y < s->year_count, r = row + y;
        if (used) {
            igoi_wb_number(w, SC_PHASE, r, 0, igo_scenario_result_years(s->result)[y],
                           w->f.in_flag);
            igoi_wb_number(w, SC_PHASE, r, 1, igo_scenario_result_fractions(s->result)[y],
                           w->f.in_pct);
        } else {
            igoi_wb_blank(w, SC_PHASE, r, 0, w->f.in_flag);
            igoi_wb_blank(w, SC_PHASE, r, 1, w->f.in_pct);
        }
        phase_row(s, r, (size_t)y, used);
    }
    int last = row + s->at.year_rows - 1;
    igoi_wb_valid_fraction(w, SC_PHASE, row, 1, last, 1);
    lxw_chart *plot = chart(w, LXW_CHART_LINE, t->phase_chart);
    for (int k = 0; k < 3; k++)
        series(w, plot, SC_PHASE, row, row + (int)(s->year_count ? s->year_count : 1) - 1, 0,
               2 + sector_count + k,
               t->scenario[k == 0   ? 1
                           : k == 1 ? 0
                                    : 2]);
    igoi_wb_keep(w, worksheet_insert_chart(w->ws[SC_PHASE], (lxw_row_t)(last + 2), 0, plot));
    igoi_wb_width(w, SC_PHASE, 0, 1, 16);
    igoi_wb_width(w, SC_PHASE, 2, 4 + sector_count, 20);
    igoi_wb_finish_sheet(w, SC_PHASE, 2, 1);
}
